//! Assignment to the roster: `!accept` and `!assign` take states and
//! partners of the roster (closest names offered otherwise), several at
//! once; a change is a recorded step; assignees' delegates, of a partner
//! too, see the request; partners never file or triage.

use super::requests::tests::filed;
use super::tests::incoming;
use super::{ChatService, Effect, Place};
use crate::domain::RequestState;
use crate::storage::{Database, RequestStore};

async fn say(s: &ChatService<Database>, sender: &str, body: &str, place: Place) -> String {
    s.handle(&incoming(sender, body, place)).await.unwrap().unwrap().text.plain
}

/// A filed request (#1 from CL), acknowledged, and OHCHR in the roster.
async fn acknowledged_with_a_partner() -> (ChatService<Database>, i64) {
    let (s, id) = filed().await;
    say(&s, "@pt:x.org", &format!("!ack {id}"), Place::Committee).await;
    let add = "!partner add ohchr un_body \"Office of the High Commissioner\" --regions africa";
    say(&s, "@ma:x.org", add, Place::Committee).await;
    say(&s, "@ma:x.org", "!delegate add ohchr @o:un.example", Place::Committee).await;
    (s, id)
}

#[tokio::test]
async fn an_unknown_assignee_gets_the_closest_names_and_changes_nothing() {
    let (s, id) = acknowledged_with_a_partner().await;
    let text = say(&s, "@pt:x.org", &format!("!accept {id} ohcr"), Place::Committee).await;
    assert!(text.contains("Did you mean: ohchr (Office of the High Commissioner)"), "{text}");
    let text = say(&s, "@pt:x.org", &format!("!accept {id} unknown-org"), Place::Committee).await;
    assert!(text.contains("neither a state nor a partner"), "{text}");
    assert!(text.contains("Did you mean: ohchr"), "the nearest partners: {text}");
    let text = say(&s, "@pt:x.org", &format!("!accept {id} FR"), Place::Committee).await;
    assert!(
        text.contains("neither a state nor a partner") && !text.contains("Did you mean"),
        "{text}"
    );
    let text = say(&s, "@pt:x.org", &format!("!accept {id} CL"), Place::Committee).await;
    assert!(text.contains("cannot be assigned to itself"), "{text}");
    let request = s.store().get_request(id).await.unwrap().unwrap();
    assert_eq!((request.state, request.assignee), (RequestState::Acknowledged, None));
    assert_eq!(s.store().transitions(id).await.unwrap().len(), 2, "filed, acknowledged");
}

#[tokio::test]
async fn several_assignees_are_recorded_told_and_changed_as_a_step() {
    let (s, id) = acknowledged_with_a_partner().await;
    let body = format!("!accept {id} Portugal, OHCHR Training in May");
    let answer = s.handle(&incoming("@pt:x.org", &body, Place::Committee)).await.unwrap().unwrap();
    let Some(Effect::Notify { text, .. }) = answer.effects.first() else { panic!("{answer:?}") };
    assert!(
        text.plain.contains("Portugal, Office of the High Commissioner. Training in May"),
        "{}",
        text.plain
    );
    let request = s.store().get_request(id).await.unwrap().unwrap();
    assert_eq!(request.state, RequestState::Accepted);
    assert_eq!(request.assignees(), ["PT", "ohchr"]);
    let last = s.store().transitions(id).await.unwrap().pop().unwrap();
    assert_eq!(last.reason.as_deref(), Some("PT, ohchr — Training in May"));

    let same = say(&s, "@pt:x.org", &format!("!assign {id} ohchr,PT"), Place::Committee).await;
    assert!(!same.contains("already assigned"), "another order is another list: {same}");
    let same = say(&s, "@pt:x.org", &format!("!assign {id} ohchr, pt"), Place::Committee).await;
    assert!(same.contains("already assigned"), "{same}");
    let body = format!("!assign {id} ohchr");
    let answer = s.handle(&incoming("@pt:x.org", &body, Place::Committee)).await.unwrap().unwrap();
    let Some(Effect::Notify { text, .. }) = answer.effects.first() else { panic!("{answer:?}") };
    assert!(
        text.plain.contains("now assigned to Office of the High Commissioner"),
        "{}",
        text.plain
    );
    let history = s.store().transitions(id).await.unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.from, last.to),
        ("assign", Some(RequestState::Accepted), RequestState::Accepted)
    );
    assert_eq!(last.reason.as_deref(), Some("ohchr, PT → ohchr"));
}

#[tokio::test]
async fn a_partners_delegates_see_what_they_are_assigned_and_never_file_or_triage() {
    let (s, id) = acknowledged_with_a_partner().await;
    let before = say(&s, "@o:un.example", &format!("!status {id}"), Place::Direct).await;
    assert!(before.contains("no request"), "not yet assigned: {before}");
    say(&s, "@pt:x.org", &format!("!accept {id} ohchr"), Place::Committee).await;
    let status = say(&s, "@o:un.example", &format!("!status {id}"), Place::Direct).await;
    assert!(status.contains("Assigned to: Office of the High Commissioner"), "{status}");
    let list = say(&s, "@o:un.example", "!requests", Place::Direct).await;
    assert!(list.contains(&format!("#{id}")), "{list}");
    let filing = say(&s, "@o:un.example", "!request membership Help", Place::NetworkRoom).await;
    assert!(!filing.contains("#2"), "a partner does not file: {filing}");
    let triage = say(&s, "@o:un.example", &format!("!ack {id}"), Place::Committee).await;
    assert!(triage.contains("Only delegates of the Executive Committee"), "{triage}");
    assert_eq!(s.store().get_request(id).await.unwrap().unwrap().state, RequestState::Accepted);
}
