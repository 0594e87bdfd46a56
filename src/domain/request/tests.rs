//! Tests of `request`.

use super::*;
use crate::config::load_network;
use crate::domain::{Delegate, MatrixUserId, Roster, State, Status};
use ActionKind as A;
use RequestState as S;

/// Every edge of the lifecycle, and only those.
const EDGES: [(RequestState, ActionKind, RequestState); 17] = [
    (S::Accepted, A::Update, S::Accepted),
    (S::InProgress, A::Update, S::InProgress),
    (S::Accepted, A::Assign, S::Accepted),
    (S::InProgress, A::Assign, S::InProgress),
    (S::Submitted, A::Acknowledge, S::Acknowledged),
    (S::Submitted, A::Decline, S::Declined),
    (S::Acknowledged, A::AskInfo, S::NeedsInfo),
    (S::Acknowledged, A::Accept, S::Accepted),
    (S::Acknowledged, A::Decline, S::Declined),
    (S::NeedsInfo, A::Acknowledge, S::Acknowledged),
    (S::NeedsInfo, A::Answer, S::Acknowledged),
    (S::NeedsInfo, A::Decline, S::Declined),
    (S::Accepted, A::Start, S::InProgress),
    (S::InProgress, A::Resolve, S::Resolved),
    (S::Resolved, A::Reopen, S::Reopened),
    (S::Declined, A::Reopen, S::Reopened),
    (S::Reopened, A::Acknowledge, S::Acknowledged),
];

#[test]
fn every_allowed_edge_leads_where_the_design_says() {
    for (from, action, to) in EDGES {
        assert_eq!(from.next(action), Some(to), "{from} --{action}-->");
    }
}

#[test]
fn every_other_edge_is_forbidden() {
    for from in RequestState::ALL {
        for action in ActionKind::ALL {
            let allowed = EDGES.iter().any(|(f, a, _)| *f == from && *a == action);
            assert_eq!(from.next(action).is_some(), allowed, "{from} --{action}-->");
        }
    }
}

#[test]
fn allowed_actions_list_exactly_the_possible_steps() {
    assert_eq!(S::Acknowledged.allowed_actions(), [A::AskInfo, A::Accept, A::Decline]);
    assert_eq!(S::Resolved.allowed_actions(), [A::Reopen]);
    assert!(!S::Resolved.is_open() && !S::Declined.is_open() && S::Reopened.is_open());
}

#[test]
fn words_round_trip() {
    for s in RequestState::ALL {
        assert_eq!(RequestState::parse(s.as_str()), Some(s));
    }
    for a in ActionKind::ALL {
        assert_eq!(ActionKind::parse(a.as_str()), Some(a));
    }
    assert_eq!(OutcomeResult::parse("Partly-Delivered"), Some(OutcomeResult::PartlyDelivered));
    assert_eq!(OutcomeResult::parse("done"), None);
}

fn roster() -> Roster {
    let mut r = Roster::default();
    for (code, status) in
        [("MA", Status::FoundingMember), ("PT", Status::FoundingMember), ("CL", Status::Observer)]
    {
        r.add_state(State { code: CountryCode::parse(code).unwrap(), status, mechanism: None })
            .unwrap();
    }
    for (user, code) in [("@ma:x.org", "MA"), ("@pt:x.org", "PT"), ("@cl:x.org", "CL")] {
        r.add_delegate(Delegate {
            user_id: MatrixUserId::parse(user).unwrap(),
            state: CountryCode::parse(code).unwrap(),
            language: None,
        })
        .unwrap();
    }
    r
}

fn check(
    actor: &str,
    requester: &str,
    state: RequestState,
    action: ActionKind,
) -> Result<RequestState, Refusal> {
    let network = load_network(None).unwrap();
    let roles = Roles::of(actor, &crate::domain::AdminPolicy::default(), &roster(), &network);
    authorize(&roles, CountryCode::parse(requester).unwrap(), state, action)
}

#[test]
fn committee_delegates_triage_other_states_requests() {
    assert_eq!(check("@ma:x.org", "CL", S::Submitted, A::Acknowledge), Ok(S::Acknowledged));
    assert_eq!(check("@pt:x.org", "CL", S::Acknowledged, A::Accept), Ok(S::Accepted));
}

#[test]
fn an_observer_cannot_triage() {
    assert_eq!(check("@cl:x.org", "MA", S::Submitted, A::Acknowledge), Err(Refusal::NotCommittee));
}

#[test]
fn a_look_alike_on_another_server_has_no_committee_power() {
    assert_eq!(
        check("@ma:evil.example", "CL", S::Submitted, A::Acknowledge),
        Err(Refusal::NotCommittee)
    );
}

#[test]
fn a_committee_state_does_not_decide_on_its_own_request() {
    let ma = CountryCode::parse("MA").unwrap();
    assert_eq!(
        check("@ma:x.org", "MA", S::Submitted, A::Decline),
        Err(Refusal::OwnRequest { state: ma })
    );
    assert_eq!(check("@pt:x.org", "MA", S::Submitted, A::Decline), Ok(S::Declined));
}

#[test]
fn only_the_requesting_state_answers_and_only_when_asked() {
    assert_eq!(check("@cl:x.org", "CL", S::NeedsInfo, A::Answer), Ok(S::Acknowledged));
    assert_eq!(check("@ma:x.org", "CL", S::NeedsInfo, A::Answer), Err(Refusal::NotRequester));
    assert_eq!(
        check("@cl:x.org", "CL", S::Acknowledged, A::Answer),
        Err(Refusal::NotNow {
            state: S::Acknowledged,
            allowed: vec![A::AskInfo, A::Accept, A::Decline]
        })
    );
}

#[test]
fn a_forbidden_step_names_the_current_state_and_what_is_possible() {
    assert_eq!(
        check("@ma:x.org", "CL", S::Submitted, A::Resolve),
        Err(Refusal::NotNow { state: S::Submitted, allowed: vec![A::Acknowledge, A::Decline] })
    );
}
