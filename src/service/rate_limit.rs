//! Per-sender pacing of commands (full user ID), so that no command is ever
//! lost to the limit: a sender may send `burst` commands at once; after that
//! each further command is *deferred* to when the sender's pace allows it
//! (`per_minute` on average), in the order sent, up to `backlog` waiting
//! commands; only beyond that backlog is a command refused, and the sender
//! is told which one.
//!
//! The pacing is the generic cell rate algorithm (one "theoretical arrival
//! time" per sender). A decision is remembered per event, so an event tried
//! again after a database error is not counted twice.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What to do with a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead now.
    Allow,
    /// Handle it after `after`, in order with the sender's other commands.
    Defer {
        /// How long from now.
        after: Duration,
        /// The first deferred command of a busy spell (the sender is told once).
        first: bool,
    },
    /// The backlog is full: not handled; the sender may try again after
    /// `retry_after`.
    Refuse {
        /// When a new command would be accepted again (deferred).
        retry_after: Duration,
    },
}

#[derive(Debug, Clone, Copy)]
struct Pace {
    /// When the sender's next command would be on pace.
    tat: Instant,
    /// Told that commands wait their turn, since the pace last caught up
    /// with them completely (once per busy spell, not per command).
    told: bool,
}

#[derive(Debug, Default)]
struct State {
    paces: HashMap<String, Pace>,
    /// Recent decisions by event ID, oldest first.
    decided: HashMap<String, Verdict>,
    order: VecDeque<String>,
}

/// Pacing by sender.
#[derive(Debug)]
pub struct RateLimiter {
    interval: Duration,
    burst: u32,
    backlog: u32,
    state: Mutex<State>,
}

/// Paces kept before idle ones are forgotten.
const PRUNE_ABOVE: usize = 10_000;

/// Decisions remembered (events tried again after a failure).
const REMEMBER: usize = 4_096;

impl RateLimiter {
    /// `per_minute` commands a minute on average, up to `burst` at once,
    /// and up to `backlog` more waiting their turn.
    pub fn new(per_minute: u32, burst: u32, backlog: u32) -> Self {
        Self {
            interval: Duration::from_secs_f64(60.0 / f64::from(per_minute.max(1))),
            burst: burst.max(1),
            backlog,
            state: Mutex::new(State::default()),
        }
    }

    /// The pace: one command every this long, on average.
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// Decides for the command `event_id` of `sender`, received at `now`;
    /// the same event always gets the same decision.
    pub fn check(&self, sender: &str, event_id: &str, now: Instant) -> Verdict {
        let mut state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(verdict) = state.decided.get(event_id) {
            return *verdict;
        }
        if state.paces.len() > PRUNE_ABOVE {
            state.paces.retain(|_, p| p.tat > now);
        }
        let pace = state.paces.entry(sender.to_owned()).or_insert(Pace { tat: now, told: false });
        if pace.tat <= now {
            // Idle long enough that nothing is owed: a new spell.
            pace.told = false;
        }
        let tat = pace.tat.max(now);
        // Up to `burst` commands may be ahead of the pace at once.
        let tolerance = self.interval * (self.burst - 1);
        let ahead = tat.duration_since(now);
        let verdict = if ahead <= tolerance {
            pace.tat = tat + self.interval;
            Verdict::Allow
        } else {
            let after = ahead - tolerance;
            let waiting = (after.as_secs_f64() / self.interval.as_secs_f64()).ceil() as u32;
            if waiting <= self.backlog {
                pace.tat = tat + self.interval;
                let first = !pace.told;
                pace.told = true;
                Verdict::Defer { after, first }
            } else {
                let retry_after = after.saturating_sub(self.interval * self.backlog);
                Verdict::Refuse { retry_after }
            }
        };
        state.decided.insert(event_id.to_owned(), verdict);
        state.order.push_back(event_id.to_owned());
        if state.order.len() > REMEMBER {
            if let Some(old) = state.order.pop_front() {
                state.decided.remove(&old);
            }
        }
        verdict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(verdicts: &[Verdict]) -> String {
        verdicts
            .iter()
            .map(|v| match v {
                Verdict::Allow => 'A',
                Verdict::Defer { .. } => 'D',
                Verdict::Refuse { .. } => 'R',
            })
            .collect()
    }

    #[test]
    fn a_burst_is_allowed_then_commands_wait_their_turn_then_are_refused() {
        let limiter = RateLimiter::new(60, 3, 2);
        let t0 = Instant::now();
        let verdicts: Vec<Verdict> =
            (0..7).map(|i| limiter.check("@a:x.org", &format!("$e{i}"), t0)).collect();
        assert_eq!(kinds(&verdicts), "AAADDRR");
        assert_eq!(verdicts[3], Verdict::Defer { after: Duration::from_secs(1), first: true });
        assert_eq!(verdicts[4], Verdict::Defer { after: Duration::from_secs(2), first: false });
        assert!(matches!(verdicts[5], Verdict::Refuse { .. }));
        // One second later one deferred slot is free again, in order after
        // the two waiting.
        let later = limiter.check("@a:x.org", "$e7", t0 + Duration::from_secs(1));
        assert_eq!(later, Verdict::Defer { after: Duration::from_secs(2), first: false });
        // Once the pace has caught up, commands go ahead again, and a new
        // busy spell is told again.
        assert_eq!(limiter.check("@a:x.org", "$e8", t0 + Duration::from_secs(10)), Verdict::Allow);
        let spell: Vec<Verdict> = (9..13)
            .map(|i| limiter.check("@a:x.org", &format!("$e{i}"), t0 + Duration::from_secs(10)))
            .collect();
        assert_eq!(kinds(&spell), "AADD");
        assert!(matches!(spell[2], Verdict::Defer { first: true, .. }), "{spell:?}");
    }

    #[test]
    fn a_sender_at_the_edge_of_the_pace_is_told_once_per_busy_spell() {
        let limiter = RateLimiter::new(60, 2, 50);
        let t0 = Instant::now();
        let mut told = 0;
        // A little faster than one a second, for a minute.
        for i in 0..60u64 {
            let at = t0 + Duration::from_millis(950 * i);
            if let Verdict::Defer { first: true, .. } =
                limiter.check("@a:x.org", &format!("$e{i}"), at)
            {
                told += 1;
            }
        }
        assert_eq!(told, 1);
    }

    #[test]
    fn the_same_event_gets_the_same_decision_when_tried_again() {
        let limiter = RateLimiter::new(60, 1, 5);
        let t0 = Instant::now();
        assert_eq!(limiter.check("@a:x.org", "$1", t0), Verdict::Allow);
        let deferred = limiter.check("@a:x.org", "$2", t0);
        assert!(matches!(deferred, Verdict::Defer { .. }));
        for _ in 0..3 {
            assert_eq!(limiter.check("@a:x.org", "$2", t0), deferred, "not counted again");
        }
        let next = limiter.check("@a:x.org", "$3", t0);
        assert_eq!(next, Verdict::Defer { after: Duration::from_secs(2), first: false });
    }

    #[test]
    fn senders_are_paced_separately_by_full_user_id() {
        let limiter = RateLimiter::new(60, 1, 0);
        let t0 = Instant::now();
        assert_eq!(limiter.check("@a:x.org", "$1", t0), Verdict::Allow);
        assert_eq!(limiter.check("@a:evil.example", "$2", t0), Verdict::Allow);
        assert!(matches!(limiter.check("@a:x.org", "$3", t0), Verdict::Refuse { .. }));
    }

    #[test]
    fn forty_commands_in_ten_seconds_at_the_defaults_are_all_handled() {
        let limiter = RateLimiter::new(60, 20, 50);
        let t0 = Instant::now();
        let verdicts: Vec<Verdict> = (0..40)
            .map(|i| {
                limiter.check("@a:x.org", &format!("$e{i}"), t0 + Duration::from_millis(250 * i))
            })
            .collect();
        assert!(!verdicts.iter().any(|v| matches!(v, Verdict::Refuse { .. })), "{verdicts:?}");
    }
}
