//! The time the use cases read: the system's in production, one the tests
//! move by hand, so that a week-long target or a digest across a change of
//! summer time is tested without waiting. Times are milliseconds since the
//! Unix epoch (UTC), as stored.

use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Where the time comes from.
pub trait Clock: Send + Sync {
    /// Now, in milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        crate::storage::now_ms()
    }
}

/// A clock that stands still until it is set or advanced (shared by its
/// clones).
#[derive(Clone, Default)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    /// A clock showing `ms`.
    pub fn at(ms: i64) -> Self {
        Self(Arc::new(AtomicI64::new(ms)))
    }

    /// Sets it to `ms`.
    pub fn set(&self, ms: i64) {
        self.0.store(ms, Ordering::SeqCst);
    }

    /// Moves it forward by `ms`.
    pub fn advance(&self, ms: i64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

impl fmt::Debug for ManualClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ManualClock({})", self.now_ms())
    }
}

/// The clock every service shares.
pub type SharedClock = Arc<dyn Clock>;

/// The system clock, shared.
pub fn system() -> SharedClock {
    Arc::new(SystemClock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told_and_its_clones_follow() {
        let clock = ManualClock::at(1_000);
        let seen_by_service: SharedClock = Arc::new(clock.clone());
        assert_eq!(seen_by_service.now_ms(), 1_000);
        clock.advance(86_400_000);
        assert_eq!(seen_by_service.now_ms(), 86_401_000);
        clock.set(5);
        assert_eq!(seen_by_service.now_ms(), 5);
        let real = SystemClock.now_ms();
        assert!(real > 1_700_000_000_000, "the system clock reads the real time: {real}");
    }
}
