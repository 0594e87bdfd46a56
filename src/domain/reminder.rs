//! Response-time reminders, as pure rules: the thresholds a request passes
//! (its acknowledge and resolve targets, then twice each), when each falls
//! due, and, when it does, whether it still applies and who is called.
//!
//! Targets are counted from the filing, or from the latest reopening: each
//! reopening starts a new round with thresholds of its own, and a
//! threshold of an earlier round no longer applies.

use super::{RequestState, ResponseTargets};

/// A point in a request's life at which someone is reminded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Threshold {
    /// Not acknowledged within the acknowledge target.
    Acknowledge,
    /// Still not acknowledged at twice the target: the coordinator is called.
    AcknowledgeEscalation,
    /// Not resolved (nor declined) within the resolve target.
    Resolve,
    /// Still open at twice the resolve target: the coordinator is called.
    ResolveEscalation,
}

/// Who a reminder calls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The delegates of the Executive Committee's states.
    Committee,
    /// The delegates of the state or partner the request is assigned to.
    Assignees,
    /// The delegates of the coordinating state.
    Coordinator,
}

impl Threshold {
    /// Every threshold, in the order they fall due for one target set.
    pub const ALL: [Threshold; 4] = [
        Threshold::Acknowledge,
        Threshold::AcknowledgeEscalation,
        Threshold::Resolve,
        Threshold::ResolveEscalation,
    ];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Threshold::Acknowledge => "acknowledge",
            Threshold::AcknowledgeEscalation => "acknowledge-escalation",
            Threshold::Resolve => "resolve",
            Threshold::ResolveEscalation => "resolve-escalation",
        }
    }

    /// Reads a stored word.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == raw)
    }

    /// How long after the start of its round it falls due.
    pub fn after_ms(self, targets: ResponseTargets) -> i64 {
        match self {
            Threshold::Acknowledge => targets.acknowledge_ms,
            Threshold::AcknowledgeEscalation => targets.acknowledge_ms.saturating_mul(2),
            Threshold::Resolve => targets.resolve_ms,
            Threshold::ResolveEscalation => targets.resolve_ms.saturating_mul(2),
        }
    }

    /// The target it measures against (for the text: "target: 7 days").
    pub fn target_ms(self, targets: ResponseTargets) -> i64 {
        match self {
            Threshold::Acknowledge | Threshold::AcknowledgeEscalation => targets.acknowledge_ms,
            Threshold::Resolve | Threshold::ResolveEscalation => targets.resolve_ms,
        }
    }

    /// Whether it is an escalation to the coordinator.
    pub fn is_escalation(self) -> bool {
        matches!(self, Threshold::AcknowledgeEscalation | Threshold::ResolveEscalation)
    }

    /// Whom it calls on for a request in `state` (assigned or not), or
    /// `None` when it no longer applies (acknowledged, resolved, declined).
    pub fn audience(self, state: RequestState, assigned: bool) -> Option<Audience> {
        let waiting_for_ack = matches!(state, RequestState::Submitted | RequestState::Reopened);
        let applies = match self {
            Threshold::Acknowledge | Threshold::AcknowledgeEscalation => waiting_for_ack,
            Threshold::Resolve | Threshold::ResolveEscalation => state.is_open(),
        };
        if !applies {
            return None;
        }
        Some(match self {
            Threshold::AcknowledgeEscalation | Threshold::ResolveEscalation => {
                Audience::Coordinator
            }
            Threshold::Acknowledge => Audience::Committee,
            Threshold::Resolve if assigned && is_assigned_state(state) => Audience::Assignees,
            Threshold::Resolve => Audience::Committee,
        })
    }
}

/// Whether the request is in the hands of its assignees.
fn is_assigned_state(state: RequestState) -> bool {
    matches!(state, RequestState::Accepted | RequestState::InProgress)
}

/// The reminders of a round that started at `start` (milliseconds since the
/// Unix epoch): each threshold and when it falls due.
pub fn schedule(start: i64, targets: ResponseTargets) -> Vec<(Threshold, i64)> {
    Threshold::ALL.into_iter().map(|t| (t, start.saturating_add(t.after_ms(targets)))).collect()
}

/// How a request stands against its targets at `now`: the passed threshold
/// that applies with the latest due time, if any (for `!overdue`).
pub fn overdue(
    state: RequestState,
    start: i64,
    targets: ResponseTargets,
    now: i64,
) -> Option<(Threshold, i64)> {
    schedule(start, targets)
        .into_iter()
        .filter(|(t, due)| *due <= now && t.audience(state, false).is_some())
        .max_by_key(|(_, due)| *due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DAY_MS;

    const TARGETS: ResponseTargets =
        ResponseTargets { acknowledge_ms: 7 * DAY_MS, resolve_ms: 30 * DAY_MS };

    #[test]
    fn a_round_has_four_thresholds_at_the_targets_and_twice_them() {
        let due = schedule(1_000, TARGETS);
        assert_eq!(
            due,
            [
                (Threshold::Acknowledge, 1_000 + 7 * DAY_MS),
                (Threshold::AcknowledgeEscalation, 1_000 + 14 * DAY_MS),
                (Threshold::Resolve, 1_000 + 30 * DAY_MS),
                (Threshold::ResolveEscalation, 1_000 + 60 * DAY_MS),
            ]
        );
        for t in Threshold::ALL {
            assert_eq!(Threshold::parse(t.as_str()), Some(t));
        }
    }

    #[test]
    fn who_is_called_depends_on_where_the_request_stands() {
        use Audience::*;
        use RequestState::*;
        use Threshold::*;
        assert_eq!(Acknowledge.audience(Submitted, false), Some(Committee));
        assert_eq!(Acknowledge.audience(Reopened, false), Some(Committee));
        assert_eq!(Acknowledge.audience(Acknowledged, false), None, "acknowledged in time");
        assert_eq!(AcknowledgeEscalation.audience(Submitted, false), Some(Coordinator));
        assert_eq!(AcknowledgeEscalation.audience(NeedsInfo, false), None);
        assert_eq!(Resolve.audience(Acknowledged, false), Some(Committee));
        assert_eq!(Resolve.audience(Accepted, true), Some(Assignees));
        assert_eq!(Resolve.audience(InProgress, true), Some(Assignees));
        assert_eq!(Resolve.audience(Resolved, true), None);
        assert_eq!(Resolve.audience(Declined, false), None);
        assert_eq!(ResolveEscalation.audience(InProgress, true), Some(Coordinator));
        assert_eq!(ResolveEscalation.audience(Resolved, true), None);
    }

    #[test]
    fn overdue_names_the_latest_threshold_passed_that_still_applies() {
        let start = 0;
        let at = |days: i64| days * DAY_MS;
        use RequestState::*;
        assert_eq!(overdue(Submitted, start, TARGETS, at(6)), None);
        assert_eq!(
            overdue(Submitted, start, TARGETS, at(8)).map(|o| o.0),
            Some(Threshold::Acknowledge)
        );
        assert_eq!(
            overdue(Submitted, start, TARGETS, at(15)).map(|o| o.0),
            Some(Threshold::AcknowledgeEscalation)
        );
        assert_eq!(
            overdue(Acknowledged, start, TARGETS, at(15)),
            None,
            "acknowledged late is not overdue"
        );
        assert_eq!(
            overdue(InProgress, start, TARGETS, at(31)).map(|o| o.0),
            Some(Threshold::Resolve)
        );
        assert_eq!(overdue(Resolved, start, TARGETS, at(100)), None);
    }
}
