//! Working rooms from the service's side: opened on acceptance with the
//! request and the committee's note, progress by `!update` from those doing
//! the work (recorded, relayed to the card), closed with a summary on
//! resolution.

use super::requests::tests::filed;
use super::tests::incoming;
use super::{Answer, ChatService, Effect, Place};
use crate::domain::{RequestState, RoomKind};
use crate::storage::{Database, RequestStore, WorkingRoomStore};

async fn ask(s: &ChatService<Database>, sender: &str, body: &str, place: Place) -> Answer {
    s.handle(&incoming(sender, body, place)).await.unwrap().unwrap()
}

/// #1 from CL, accepted with OHCHR (delegate @o:un.example) and PT.
async fn accepted() -> (ChatService<Database>, i64, Answer) {
    let (s, id) = filed().await;
    ask(&s, "@pt:x.org", &format!("!ack {id}"), Place::Committee).await;
    let add = "!partner add ohchr un_body \"Office of the High Commissioner\"";
    ask(&s, "@ma:x.org", add, Place::Committee).await;
    ask(&s, "@ma:x.org", "!delegate add ohchr @o:un.example", Place::Committee).await;
    ask(&s, "@ma:x.org", "!partner add undp un_agency UNDP", Place::Committee).await;
    ask(&s, "@ma:x.org", "!delegate add undp @u:un.example", Place::Committee).await;
    let body = format!("!accept {id} ohchr, PT Start with the ministries");
    let answer = ask(&s, "@ma:x.org", &body, Place::Committee).await;
    (s, id, answer)
}

fn posts_to(answer: &Answer, room: &RoomKind) -> Vec<String> {
    answer
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Post { room: r, text } if r == room => Some(text.plain.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn acceptance_opens_the_room_with_the_request_and_the_committees_note() {
    let (s, id, answer) = accepted().await;
    let posted = posts_to(&answer, &RoomKind::Working(id));
    assert_eq!(posted.len(), 1, "{answer:?}");
    assert!(posted[0].contains("Help to set up our"), "{}", posted[0]);
    assert!(posted[0].contains("Office of the High Commissioner, Portugal"), "{}", posted[0]);
    assert!(posted[0].contains("Start with the ministries"), "{}", posted[0]);
    assert!(answer.effects.contains(&Effect::Reconcile));
    let rooms = s.store().working_rooms().await.unwrap();
    assert_eq!(rooms.len(), 1);
    assert!(!rooms[0].closed && !rooms[0].ready, "ready once provisioning made it");
}

#[tokio::test]
async fn progress_from_those_doing_the_work_is_recorded_and_relayed_to_the_card() {
    let (s, id, _) = accepted().await;
    let answer = ask(&s, "@o:un.example", "!update First workshop held", Place::Working(id)).await;
    assert!(answer.text.plain.contains("recorded"), "{}", answer.text.plain);
    let card: Vec<&str> = answer
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::PostToCard { text, .. } => Some(text.plain.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(card.len(), 1, "{answer:?}");
    assert!(
        card[0].contains("@o:un.example (Office of the High Commissioner): First workshop held"),
        "{}",
        card[0]
    );
    assert!(posts_to(&answer, &RoomKind::Working(id)).is_empty(), "said in the room already");

    // The requester, by number from elsewhere: the room hears of it too.
    let answer =
        ask(&s, "@cl:x.org", &format!("!update {id} Draft law shared"), Place::Direct).await;
    assert_eq!(posts_to(&answer, &RoomKind::Working(id)).len(), 1, "{answer:?}");

    // A partner not assigned sees nothing and records nothing.
    let answer = ask(&s, "@u:un.example", &format!("!update {id} Hello"), Place::Direct).await;
    assert!(answer.text.plain.contains("no request"), "{}", answer.text.plain);
    assert!(answer.effects.is_empty());

    let history = s.store().transitions(id).await.unwrap();
    let updates: Vec<&str> = history
        .iter()
        .filter(|t| t.action == "update")
        .filter_map(|t| t.reason.as_deref())
        .collect();
    assert_eq!(updates, ["First workshop held", "Draft law shared"]);
    let status = ask(&s, "@cl:x.org", &format!("!status {id}"), Place::Direct).await.text.plain;
    assert!(
        status.contains("First workshop held") && status.contains("Draft law shared"),
        "{status}"
    );
}

#[tokio::test]
async fn resolution_closes_the_room_with_a_summary_and_ends_updates() {
    let (s, id, _) = accepted().await;
    ask(&s, "@pt:x.org", &format!("!start {id}"), Place::Committee).await;
    let body = format!("!resolve {id} delivered Two workshops held\nStart early");
    let answer = ask(&s, "@pt:x.org", &body, Place::Committee).await;
    let posted = posts_to(&answer, &RoomKind::Working(id));
    assert_eq!(posted.len(), 1, "{answer:?}");
    assert!(
        posted[0].contains("Two workshops held") && posted[0].contains("read-only"),
        "{}",
        posted[0]
    );
    assert!(posted[0].contains("Start early"), "the lessons too: {}", posted[0]);
    assert!(answer.effects.contains(&Effect::Reconcile));
    assert!(s.store().working_rooms().await.unwrap()[0].closed);
    let late = ask(&s, "@o:un.example", "!update One more thing", Place::Working(id)).await;
    assert!(late.text.plain.contains("is resolved"), "{}", late.text.plain);
    assert_eq!(s.store().get_request(id).await.unwrap().unwrap().state, RequestState::Resolved);
}
