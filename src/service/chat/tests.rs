//! The chat service's test fixtures (a service over an in-memory SQLite
//! database with a small roster) and its general tests.

use super::*;
use crate::config::load_network;
use crate::domain::{CountryCode, Delegate, MatrixUserId, State, Status};
use crate::storage::Database;

/// A service over a fresh in-memory SQLite database: MA (coordinator,
/// committee) with @ma:x.org (French), PT (committee) with @pt:x.org,
/// CL (observer) with @cl:x.org; @admin:x.org is an admin.
pub async fn service() -> ChatService<Database> {
    service_on(load_network(None).unwrap()).await
}

/// [`service`] on `network`.
pub async fn service_on(network: Network) -> ChatService<Database> {
    let db = Database::connect("sqlite::memory:", 1).await.unwrap();
    db.migrate().await.unwrap();
    let mut roster = Roster::default();
    for (code, status) in
        [("MA", Status::FoundingMember), ("PT", Status::FoundingMember), ("CL", Status::Observer)]
    {
        let code = CountryCode::parse(code).unwrap();
        roster.add_state(State { code, status, mechanism: Some("Mécanisme".into()) }).unwrap();
    }
    for (user, code, lang) in
        [("@ma:x.org", "MA", Some("fr")), ("@pt:x.org", "PT", None), ("@cl:x.org", "CL", None)]
    {
        roster
            .add_delegate(Delegate {
                user_id: MatrixUserId::parse(user).unwrap(),
                state: CountryCode::parse(code).unwrap(),
                language: lang.map(str::to_owned),
            })
            .unwrap();
    }
    db.apply_roster_changes(&Roster::default().diff(&roster), "test").await.unwrap();
    ChatService::new(
        Arc::new(Catalog::load().unwrap()),
        "!",
        db,
        Arc::new(network),
        AdminPolicy::new(["@admin:x.org"]),
        Language::En,
    )
}

/// A message from `sender` in `place` (event `$e`, no thread).
pub fn incoming<'a>(sender: &'a str, body: &'a str, place: Place) -> Incoming<'a> {
    Incoming {
        sender,
        body,
        place,
        room_id: "!room",
        event_id: "$e",
        thread_root: None,
        quoted: None,
    }
}

pub async fn ask(sender: &str, body: &str, place: Place) -> Answer {
    service().await.handle(&incoming(sender, body, place)).await.unwrap().expect("a command")
}

#[tokio::test]
async fn admins_and_delegates_may_invite_the_bot_but_look_alikes_may_not() {
    let s = service().await;
    assert!(s.may_invite_bot("@admin:x.org").await.unwrap());
    assert!(s.may_invite_bot("@cl:x.org").await.unwrap());
    assert!(!s.may_invite_bot("@cl:evil.example").await.unwrap());
    assert!(!s.may_invite_bot("@stranger:x.org").await.unwrap());
}

#[tokio::test]
async fn an_oversized_command_is_refused_and_nothing_is_recorded() {
    let s = service().await;
    let body = format!("!request membership Title\n{}", "x".repeat(MAX_COMMAND_BYTES));
    let answer =
        s.handle(&incoming("@cl:x.org", &body, Place::NetworkRoom)).await.unwrap().unwrap();
    assert!(answer.text.plain.contains("too long"), "{}", answer.text.plain);
    assert!(answer.effects.is_empty());
    use crate::storage::RequestStore;
    let all = s.store().list_requests(&crate::storage::RequestFilter::default()).await.unwrap();
    assert!(all.is_empty());
}

#[tokio::test]
async fn commands_in_rooms_the_bot_does_not_manage_are_ignored() {
    let s = service().await;
    for body in ["!ping", "!help", "!request membership Title", "!ack 1", "!roster"] {
        assert_eq!(s.handle(&incoming("@admin:x.org", body, Place::Other)).await.unwrap(), None);
        assert!(s.handle(&incoming("@admin:x.org", body, Place::Direct)).await.unwrap().is_some());
    }
    // Thread replies there are not relayed either.
    let mut reply = incoming("@cl:x.org", "an answer", Place::Other);
    reply.thread_root = Some("$root");
    assert_eq!(s.handle(&reply).await.unwrap(), None);
}

#[tokio::test]
async fn ping_is_answered_with_pong() {
    assert!(ask("@z:x.org", "!ping", Place::Direct).await.text.plain.starts_with("Pong"));
}

#[tokio::test]
async fn chat_that_is_not_a_command_gets_no_answer() {
    let s = service().await;
    assert_eq!(s.handle(&incoming("@z:x.org", "hello !ping", Place::Direct)).await.unwrap(), None);
}

#[tokio::test]
async fn delegates_are_answered_in_their_roster_language() {
    let fr = ask("@ma:x.org", "!ping", Place::Direct).await;
    let en = ask("@cl:x.org", "!ping", Place::Direct).await;
    assert!(fr.text.plain.starts_with("Pong !"), "{}", fr.text.plain);
    assert!(en.text.plain.starts_with("Pong!"), "{}", en.text.plain);
}
