//! Per-sender rate limiting of commands: a token bucket per full user ID.
//! The first command over the limit gets a polite answer; the following
//! ones are dropped silently until the bucket refills, so a flood never
//! turns into a flood of answers.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What to do with a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead.
    Allow,
    /// Over the limit: say so once, with how long to wait.
    Warn {
        /// Seconds until the next command is accepted.
        retry_after_secs: u64,
    },
    /// Over the limit and already told: stay silent.
    Drop,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
    warned: bool,
}

/// Token buckets by sender.
#[derive(Debug)]
pub struct RateLimiter {
    burst: f64,
    per_second: f64,
    buckets: Mutex<HashMap<String, Bucket>>,
}

/// Buckets kept before idle ones are forgotten.
const PRUNE_ABOVE: usize = 10_000;

impl RateLimiter {
    /// `per_minute` commands a minute on average, up to `burst` at once.
    pub fn new(per_minute: u32, burst: u32) -> Self {
        Self {
            burst: f64::from(burst.max(1)),
            per_second: f64::from(per_minute.max(1)) / 60.0,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes a token for `sender` at `now`.
    pub fn check(&self, sender: &str, now: Instant) -> Verdict {
        let mut buckets = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() > PRUNE_ABOVE {
            let full_after = Duration::from_secs_f64(self.burst / self.per_second);
            buckets.retain(|_, b| now.duration_since(b.last) < full_after);
        }
        let bucket = buckets.entry(sender.to_owned()).or_insert(Bucket {
            tokens: self.burst,
            last: now,
            warned: false,
        });
        let elapsed = now.duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.per_second).min(self.burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            bucket.warned = false;
            return Verdict::Allow;
        }
        if bucket.warned {
            return Verdict::Drop;
        }
        bucket.warned = true;
        let wait = ((1.0 - bucket.tokens) / self.per_second).ceil();
        Verdict::Warn { retry_after_secs: wait as u64 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_one_warning_then_silence_until_refill() {
        let limiter = RateLimiter::new(60, 3);
        let t0 = Instant::now();
        let verdicts: Vec<Verdict> = (0..5).map(|_| limiter.check("@a:x.org", t0)).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::Allow,
                Verdict::Allow,
                Verdict::Allow,
                Verdict::Warn { retry_after_secs: 1 },
                Verdict::Drop
            ]
        );
        assert_eq!(limiter.check("@a:x.org", t0 + Duration::from_secs(1)), Verdict::Allow);
    }

    #[test]
    fn senders_are_limited_separately_by_full_user_id() {
        let limiter = RateLimiter::new(60, 1);
        let t0 = Instant::now();
        assert_eq!(limiter.check("@a:x.org", t0), Verdict::Allow);
        assert_eq!(limiter.check("@a:evil.example", t0), Verdict::Allow);
        assert!(matches!(limiter.check("@a:x.org", t0), Verdict::Warn { .. }));
    }
}
