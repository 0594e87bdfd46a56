//! Membership by committee decision: an observer's application, a poll,
//! one vote per committee state (others not counted), a decision as soon
//! as it is certain that changes the roster with a history entry citing it,
//! and a refusal at the deadline.

use super::tests::{incoming, service};
use super::{Answer, ChatService, Effect, Incoming, Place};
use crate::domain::{ApplicationStatus, CountryCode, Status};
use crate::storage::{Database, MembershipStore, RosterStore};

async fn ask(
    s: &ChatService<Database>,
    sender: &str,
    body: &str,
    place: Place,
    id: &str,
) -> Answer {
    let event = Incoming { event_id: id, ..incoming(sender, body, place) };
    s.handle(&event).await.unwrap().unwrap()
}

#[tokio::test]
async fn an_observer_applies_the_committee_votes_and_the_roster_follows() {
    let s = service().await;
    let opened = ask(
        &s,
        "@cl:x.org",
        "!apply member Our mechanism exists since 2025",
        Place::Direct,
        "$apply",
    )
    .await;
    assert!(opened.text.plain.contains("Application #1 is open"), "{}", opened.text.plain);
    let [Effect::Poll { application: 1, question, answers }] = opened.effects.as_slice() else {
        panic!("{opened:?}")
    };
    assert!(
        question.plain.contains("Chile") && question.plain.contains("!vote 1 yes"),
        "{}",
        question.plain
    );
    let ids: Vec<&str> = answers.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["yes", "no", "abstain"]);
    assert_eq!(opened.scheduled.len(), 1, "the deadline is scheduled");
    let again = ask(&s, "@cl:x.org", "!apply member Again", Place::Direct, "$again").await;
    assert!(again.text.plain.contains("already has an open application"), "{}", again.text.plain);

    // Anyone but a committee state's delegate, in the committee room, is not counted.
    for (who, place, id) in [
        ("@cl:x.org", Place::Direct, "$v1"),
        ("@admin:x.org", Place::Committee, "$v2"),
        ("@pt:x.org", Place::Direct, "$v3"),
        // A look-alike of a committee delegate on another server.
        ("@pt:evil.example", Place::Committee, "$v4"),
    ] {
        let answer = ask(&s, who, "!vote 1 yes", place, id).await;
        assert!(answer.text.plain.contains("not counted"), "{who}: {}", answer.text.plain);
    }
    assert!(s.store().votes(1).await.unwrap().is_empty());

    // PT votes no, then changes its mind: its last vote counts.
    ask(&s, "@pt:x.org", "!vote 1 no", Place::Committee, "$pt1").await;
    let second = ask(&s, "@pt:x.org", "!vote 1 yes", Place::Committee, "$pt2").await;
    assert!(second.text.plain.contains("1 yes, 0 no"), "{}", second.text.plain);
    assert!(second.effects.is_empty());
    let decided = ask(&s, "@ma:x.org", "!vote 1 yes", Place::Committee, "$ma").await;
    assert!(decided.effects.contains(&Effect::Reconcile), "{decided:?}");
    assert!(matches!(
        decided.effects.iter().find(|e| matches!(e, Effect::PollEnd { .. })),
        Some(Effect::PollEnd { application: 1, .. })
    ));
    assert!(decided
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Post { room: crate::domain::RoomKind::Plenary, .. })));
    let Some(Effect::TellApplicant { text, .. }) =
        decided.effects.iter().find(|e| matches!(e, Effect::TellApplicant { .. }))
    else {
        panic!("{decided:?}")
    };
    assert!(text.plain.contains("approved"), "{}", text.plain);

    let app = s.store().get_application(1).await.unwrap().unwrap();
    assert_eq!(app.outcome, ApplicationStatus::Approved);
    let votes: Vec<String> =
        s.store().votes(1).await.unwrap().into_iter().map(|v| v.event_id).collect();
    assert_eq!(votes, ["$pt1", "$pt2", "$ma"], "every vote kept with its event");
    let roster = s.store().load_roster().await.unwrap();
    assert_eq!(roster.states[&CountryCode::parse("CL").unwrap()].status, Status::Member);
    let history = s.store().roster_history(1).await.unwrap();
    assert!(history[0].actor.contains("committee decision on application #1"), "{history:?}");
    let late = ask(&s, "@pt:x.org", "!vote 1 no", Place::Committee, "$late").await;
    assert!(late.text.plain.contains("already decided"), "{}", late.text.plain);
}

#[tokio::test]
async fn a_proposed_state_without_a_majority_by_the_deadline_is_refused() {
    let s = service().await;
    let refused =
        ask(&s, "@pt:x.org", "!apply BR observer Brazil asked", Place::Committee, "$x").await;
    assert!(refused.text.plain.contains("Only the coordinator"), "{}", refused.text.plain);
    let founding =
        ask(&s, "@ma:x.org", "!apply BR founding Brazil asked", Place::Committee, "$f").await;
    assert!(founding.effects.is_empty(), "founding membership is never granted this way");
    let opened = ask(
        &s,
        "@ma:x.org",
        "!apply BR observer Brazil asked to take part",
        Place::Committee,
        "$br",
    )
    .await;
    assert!(
        matches!(opened.effects.as_slice(), [Effect::Poll { application: 1, .. }]),
        "{opened:?}"
    );
    ask(&s, "@pt:x.org", "!vote 1 yes", Place::Committee, "$pt").await;
    let app = s.store().get_application(1).await.unwrap().unwrap();
    let effects =
        s.membership_deadline(super::MembershipJob { application: 1 }, app.deadline).await.unwrap();
    let Some(Effect::TellApplicant { text, .. }) =
        effects.iter().find(|e| matches!(e, Effect::TellApplicant { .. }))
    else {
        panic!("{effects:?}")
    };
    assert!(
        text.plain.contains("n'est pas approuvée"),
        "the coordinator reads French: {}",
        text.plain
    );
    assert!(!effects.contains(&Effect::Reconcile), "the roster does not change");
    let roster = s.store().load_roster().await.unwrap();
    assert!(!roster.states.contains_key(&CountryCode::parse("BR").unwrap()));
    assert!(
        s.membership_deadline(super::MembershipJob { application: 1 }, app.deadline)
            .await
            .unwrap()
            .is_empty(),
        "once"
    );
}
