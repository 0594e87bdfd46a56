//! Cooperation requests and their lifecycle, as a pure state machine.
//!
//! ```text
//! submitted -> acknowledged -> (needs_info <-> acknowledged)
//! acknowledged -> accepted (assigned) -> in_progress -> resolved (outcome)
//! accepted|in_progress -> (assign: other assignees) -> the same state
//! accepted|in_progress -> (update: progress) -> the same state
//! submitted|acknowledged|needs_info -> declined (reason)
//! resolved|declined -> reopened -> acknowledged
//! ```
//!
//! Who may take each step is decided by [`authorize`], from the roster only.

use std::fmt;

use super::{CountryCode, Permission, Roles};

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RequestState {
    /// Filed, not yet looked at.
    Submitted,
    /// The committee has taken note.
    Acknowledged,
    /// The committee asked the requester for information.
    NeedsInfo,
    /// Accepted and assigned to a member state or partner.
    Accepted,
    /// Work has started.
    InProgress,
    /// Done, with an outcome.
    Resolved,
    /// Declined, with a reason.
    Declined,
    /// Opened again after being resolved or declined.
    Reopened,
}

impl RequestState {
    /// Every state.
    pub const ALL: [RequestState; 8] = [
        RequestState::Submitted,
        RequestState::Acknowledged,
        RequestState::NeedsInfo,
        RequestState::Accepted,
        RequestState::InProgress,
        RequestState::Resolved,
        RequestState::Declined,
        RequestState::Reopened,
    ];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestState::Submitted => "submitted",
            RequestState::Acknowledged => "acknowledged",
            RequestState::NeedsInfo => "needs_info",
            RequestState::Accepted => "accepted",
            RequestState::InProgress => "in_progress",
            RequestState::Resolved => "resolved",
            RequestState::Declined => "declined",
            RequestState::Reopened => "reopened",
        }
    }

    /// Reads a stored word.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// Whether the request still awaits action (not resolved or declined).
    pub fn is_open(self) -> bool {
        !matches!(self, RequestState::Resolved | RequestState::Declined)
    }

    /// The actions possible from here.
    pub fn allowed_actions(self) -> Vec<ActionKind> {
        ActionKind::ALL.into_iter().filter(|a| self.next(*a).is_some()).collect()
    }

    /// The state after `action`, if the lifecycle allows it.
    pub fn next(self, action: ActionKind) -> Option<RequestState> {
        use ActionKind as A;
        use RequestState as S;
        match (self, action) {
            (S::Submitted | S::Reopened, A::Acknowledge) => Some(S::Acknowledged),
            (S::NeedsInfo, A::Acknowledge | A::Answer) => Some(S::Acknowledged),
            (S::Acknowledged, A::AskInfo) => Some(S::NeedsInfo),
            (S::Acknowledged, A::Accept) => Some(S::Accepted),
            (S::Accepted, A::Start) => Some(S::InProgress),
            (S::Accepted | S::InProgress, A::Assign | A::Update) => Some(self),
            (S::InProgress, A::Resolve) => Some(S::Resolved),
            (S::Submitted | S::Acknowledged | S::NeedsInfo, A::Decline) => Some(S::Declined),
            (S::Resolved | S::Declined, A::Reopen) => Some(S::Reopened),
            _ => None,
        }
    }
}

impl fmt::Display for RequestState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kinds of step in the lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionKind {
    /// Take note of a request.
    Acknowledge,
    /// Ask the requester a question.
    AskInfo,
    /// The requester answers a question.
    Answer,
    /// Accept and assign.
    Accept,
    /// Change the assignees of an accepted request.
    Assign,
    /// Progress reported by those doing the work (see [`may_update`]).
    Update,
    /// Decline with a reason.
    Decline,
    /// Start the work.
    Start,
    /// Resolve with an outcome.
    Resolve,
    /// Open again.
    Reopen,
}

impl ActionKind {
    /// Every kind of step.
    pub const ALL: [ActionKind; 10] = [
        ActionKind::Acknowledge,
        ActionKind::AskInfo,
        ActionKind::Answer,
        ActionKind::Accept,
        ActionKind::Assign,
        ActionKind::Update,
        ActionKind::Decline,
        ActionKind::Start,
        ActionKind::Resolve,
        ActionKind::Reopen,
    ];

    /// The stored word (also the chat command, but for `answer`).
    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Acknowledge => "ack",
            ActionKind::AskInfo => "info",
            ActionKind::Answer => "answer",
            ActionKind::Accept => "accept",
            ActionKind::Assign => "assign",
            ActionKind::Update => "update",
            ActionKind::Decline => "decline",
            ActionKind::Start => "start",
            ActionKind::Resolve => "resolve",
            ActionKind::Reopen => "reopen",
        }
    }

    /// Reads a stored word.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == raw)
    }

    /// Whether the Executive Committee takes this step (all but answering
    /// and progress updates).
    pub fn is_triage(self) -> bool {
        !matches!(self, ActionKind::Answer | ActionKind::Update)
    }
}

impl fmt::Display for ActionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an outcome says was delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeResult {
    /// Fully delivered.
    Delivered,
    /// Partly delivered.
    PartlyDelivered,
    /// Not delivered.
    NotDelivered,
}

impl OutcomeResult {
    /// Every result.
    pub const ALL: [OutcomeResult; 3] =
        [OutcomeResult::Delivered, OutcomeResult::PartlyDelivered, OutcomeResult::NotDelivered];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeResult::Delivered => "delivered",
            OutcomeResult::PartlyDelivered => "partly_delivered",
            OutcomeResult::NotDelivered => "not_delivered",
        }
    }

    /// Reads a result (`delivered`, `partly`, `partly-delivered`, `not_delivered`…).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "delivered" => Some(OutcomeResult::Delivered),
            "partly" | "partly_delivered" | "partial" => Some(OutcomeResult::PartlyDelivered),
            "not_delivered" | "not" | "undelivered" => Some(OutcomeResult::NotDelivered),
            _ => None,
        }
    }
}

/// A cooperation request as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The short number people quote (`#12`).
    pub id: i64,
    /// Where it stands.
    pub state: RequestState,
    /// The state that filed it.
    pub requesting_state: CountryCode,
    /// That state's region, when filed.
    pub region: Option<String>,
    /// Category ID.
    pub category: String,
    /// One-line title.
    pub title: String,
    /// Description (may be empty).
    pub description: String,
    /// Language of the requester (for notices).
    pub language: String,
    /// Who filed it (full Matrix user ID).
    pub requester: String,
    /// Room of the message that filed it.
    pub source_room: String,
    /// The message that filed it.
    pub source_event: String,
    /// Room of its card (the committee room).
    pub card_room: Option<String>,
    /// Its card in the committee room.
    pub card_event: Option<String>,
    /// The states (codes) and partners (IDs) it is assigned to, as stored:
    /// comma-separated (see [`Request::assignees`]); older requests may
    /// hold free text.
    pub assignee: Option<String>,
    /// Filed at, in milliseconds since the Unix epoch.
    pub created_at: i64,
    /// Last change, likewise.
    pub updated_at: i64,
}

impl Request {
    /// The keys of its assignees (state codes, partner IDs), in order.
    pub fn assignees(&self) -> Vec<String> {
        split_assignees(self.assignee.as_deref().unwrap_or_default())
    }
}

/// Assignee keys from their stored form (`PT,ohchr`).
pub fn split_assignees(stored: &str) -> Vec<String> {
    stored.split(',').map(str::trim).filter(|k| !k.is_empty()).map(str::to_owned).collect()
}

/// What intake knows about a new request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    /// The state filing it.
    pub requesting_state: CountryCode,
    /// Its region.
    pub region: Option<String>,
    /// Category ID.
    pub category: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Requester's language.
    pub language: String,
    /// Requester.
    pub requester: String,
    /// Room where it was filed.
    pub source_room: String,
    /// Message that filed it.
    pub source_event: String,
    /// When it is filed, in milliseconds since the Unix epoch (the
    /// service's clock).
    pub created_at: i64,
}

/// One recorded step of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// When, in milliseconds since the Unix epoch.
    pub at: i64,
    /// Who (full Matrix user ID).
    pub actor: String,
    /// As which state.
    pub actor_state: Option<CountryCode>,
    /// `submit`, or an [`ActionKind`] word.
    pub action: String,
    /// State before (none for the submission).
    pub from: Option<RequestState>,
    /// State after.
    pub to: RequestState,
    /// Question, answer, reason, assignee or outcome summary.
    pub reason: Option<String>,
    /// The Matrix event that caused it.
    pub event_id: Option<String>,
}

/// What a resolved request delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Delivered, partly or not.
    pub result: OutcomeResult,
    /// What was delivered.
    pub summary: String,
    /// Lessons learned.
    pub lessons: Option<String>,
    /// By whom (member state or partner).
    pub delivered_by: Option<String>,
}

/// Why a step is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The lifecycle does not allow this step from the current state.
    NotNow {
        /// Where the request stands.
        state: RequestState,
        /// The steps that are possible.
        allowed: Vec<ActionKind>,
    },
    /// Only Executive Committee delegates take triage steps.
    NotCommittee,
    /// A committee state does not decide on its own state's request.
    OwnRequest {
        /// The state concerned.
        state: CountryCode,
    },
    /// Only delegates of the requesting state answer its questions.
    NotRequester,
    /// Only the requesting state, the assignees and the committee report
    /// progress.
    NotInvolved,
}

/// Whether someone with `roles` may take `action` on a request filed by
/// `requesting_state` that stands at `state`; the state after it if so.
/// Triage needs [`Permission::Triage`] and never applies to one's own
/// state's request; only the requesting state's delegates answer.
pub fn authorize(
    roles: &Roles,
    requesting_state: CountryCode,
    state: RequestState,
    action: ActionKind,
) -> Result<RequestState, Refusal> {
    let actor_state = roles.delegate.map(|(code, _)| code);
    if action.is_triage() {
        if !roles.may(Permission::Triage) {
            return Err(Refusal::NotCommittee);
        }
        if actor_state == Some(requesting_state) {
            return Err(Refusal::OwnRequest { state: requesting_state });
        }
    } else if actor_state != Some(requesting_state) {
        return Err(Refusal::NotRequester);
    }
    state.next(action).ok_or(Refusal::NotNow { state, allowed: state.allowed_actions() })
}

/// Whether someone with `roles`, holding `seat`, may post progress on
/// `request` (an `update` step): the requesting state's delegates, the
/// assignees' (states' or partners'), the committee's and the admins, while
/// it is accepted or in progress. The state after it if so (unchanged).
pub fn may_update(
    roles: &Roles,
    seat: Option<&super::Seat>,
    request: &Request,
) -> Result<RequestState, Refusal> {
    let involved = roles.admin
        || roles.may(Permission::Triage)
        || seat.is_some_and(|seat| {
            *seat == super::Seat::State(request.requesting_state)
                || request.assignees().contains(&seat.key())
        });
    if !involved {
        return Err(Refusal::NotInvolved);
    }
    let state = request.state;
    state
        .next(ActionKind::Update)
        .ok_or(Refusal::NotNow { state, allowed: state.allowed_actions() })
}

#[cfg(test)]
mod tests;
