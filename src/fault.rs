//! Crash points and injected failures for the fault tests (`tests/faults.rs`,
//! `tests/lookups.rs`).
//!
//! `PEERLINK_FAULT=NAME` (or `NAME:N`) makes the process kill itself with
//! SIGKILL the first (or N-th) time it reaches the crash point `NAME`: no
//! destructor runs, nothing is flushed, exactly as if the machine lost
//! power there.
//!
//! `PEERLINK_FAIL=NAME[:N][,NAME[:N]…]` makes the lookup `NAME` fail once,
//! the first (or N-th) time it runs, as a database or homeserver read that
//! times out would: the code around it must treat that as "try again", never
//! as an answer. `PEERLINK_PAUSE=NAME:MS` makes the first visit of a pause
//! point wait (a lock held while another process tries to take it). Unset,
//! a point costs one atomic load. Never set either in
//! production; the process logs a warning at start when one is set.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

/// The variable that arms a crash point.
pub const ENV: &str = "PEERLINK_FAULT";

/// The variable that arms injected lookup failures.
pub const FAIL_ENV: &str = "PEERLINK_FAIL";

/// The variable that arms a pause (`NAME:MILLISECONDS`): the first visit
/// of the point waits that long, so a test can act while the process is
/// there (another process waiting for a lock it holds, say).
pub const PAUSE_ENV: &str = "PEERLINK_PAUSE";

struct Armed {
    point: String,
    hit: u32,
    seen: AtomicU32,
}

impl Armed {
    /// Parses `NAME` or `NAME:N`.
    fn parse(value: &str) -> Self {
        let (point, hit) = match value.split_once(':') {
            Some((p, n)) => (p.to_owned(), n.parse().unwrap_or(1)),
            None => (value.to_owned(), 1),
        };
        Self { point, hit: hit.max(1), seen: AtomicU32::new(0) }
    }

    /// Whether this visit of `name` is the armed one.
    fn fires(&self, name: &str) -> bool {
        self.point == name && self.seen.fetch_add(1, Ordering::SeqCst) + 1 == self.hit
    }
}

fn armed() -> Option<&'static Armed> {
    static ARMED: OnceLock<Option<Armed>> = OnceLock::new();
    ARMED.get_or_init(|| std::env::var(ENV).ok().map(|v| Armed::parse(&v))).as_ref()
}

fn failures() -> &'static [Armed] {
    static FAILURES: OnceLock<Vec<Armed>> = OnceLock::new();
    FAILURES.get_or_init(|| {
        let value = std::env::var(FAIL_ENV).unwrap_or_default();
        value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(Armed::parse).collect()
    })
}

fn pause_armed() -> Option<&'static Armed> {
    static PAUSE: OnceLock<Option<Armed>> = OnceLock::new();
    PAUSE.get_or_init(|| std::env::var(PAUSE_ENV).ok().map(|v| Armed::parse(&v))).as_ref()
}

/// Pause point `name`: waits the armed milliseconds on its first visit.
pub async fn pause(name: &str) {
    let Some(a) = pause_armed() else { return };
    if a.point != name || a.seen.fetch_add(1, Ordering::SeqCst) != 0 {
        return;
    }
    tracing::info!(point = %name, ms = a.hit, "fault injection: pausing");
    tokio::time::sleep(std::time::Duration::from_millis(u64::from(a.hit))).await;
}

/// Logs a warning if a crash point or a failure is armed (called once at start).
pub fn warn_if_armed() {
    if let Some(a) = armed() {
        tracing::warn!(point = %a.point, hit = a.hit, "fault injection is armed: this process will kill itself");
    }
    for a in failures() {
        tracing::warn!(lookup = %a.point, hit = a.hit, "fault injection is armed: this lookup will fail once");
    }
    if let Some(a) = pause_armed() {
        tracing::warn!(point = %a.point, ms = a.hit, "fault injection is armed: this point will pause");
    }
}

/// Crash point `name`: kills the process if it is the armed one.
pub fn point(name: &str) {
    let Some(a) = armed() else { return };
    if !a.fires(name) {
        return;
    }
    eprintln!("peerlink: fault injection: SIGKILL at {name} (hit {})", a.hit);
    // SAFETY: kill(2) on our own PID has no memory-safety preconditions.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGKILL);
    }
    // SIGKILL cannot be caught; never reached.
    std::process::abort();
}

/// An injected failure of the lookup it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("injected failure of the lookup `{0}` ({FAIL_ENV})")]
pub struct Injected(pub &'static str);

/// Lookup `name`: fails if this is its armed visit.
pub fn fail(name: &'static str) -> Result<(), Injected> {
    match failures().iter().find(|a| a.point == name) {
        Some(a) if a.fires(name) => {
            tracing::info!(lookup = %name, "fault injection: this lookup fails");
            Err(Injected(name))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_armed_point_fires_on_its_nth_visit_only() {
        let a = Armed::parse("room_kind:2");
        assert!(!a.fires("room_kind"));
        assert!(!a.fires("other"), "other points do not count");
        assert!(a.fires("room_kind"));
        assert!(!a.fires("room_kind"), "once only");
        let first = Armed::parse("roster");
        assert!(first.fires("roster"));
        assert_eq!(Armed::parse("x:0").hit, 1);
    }
}
