//! `!save` in reply to a message, and who has done this before: the card of
//! a new request and `!experts` name the seats that delivered, never the
//! asker's own.

use super::tests::{incoming, service};
use super::{ChatService, Effect, Incoming, Place, Quoted, QuotedMessage};
use crate::storage::{Database, PracticeStore};

async fn say_quoting(
    s: &ChatService<Database>,
    sender: &str,
    body: &str,
    place: Place,
    event: &str,
    quoted: Option<Quoted<'_>>,
) -> String {
    let msg = Incoming { event_id: event, quoted, ..incoming(sender, body, place) };
    s.handle(&msg).await.unwrap().unwrap().text.plain
}

async fn say(s: &ChatService<Database>, sender: &str, body: &str, place: Place) -> String {
    say_quoting(s, sender, body, place, "$e", None).await
}

fn quote<'a>(event_id: &'a str, sender: &'a str, body: Option<&'a str>) -> Option<Quoted<'a>> {
    Some(Quoted { event_id, message: Some(QuotedMessage { sender, body }) })
}

const TEXT: &str =
    "In Chile we publish every recommendation with its follow-up in an open tracker.";

#[tokio::test]
async fn a_saved_message_becomes_its_authors_practice_found_from_another_region() {
    let s = service().await;
    let q = quote("$msg", "@cl:x.org", Some(TEXT));
    let saved =
        say_quoting(&s, "@pt:x.org", "!save --theme nmirf", Place::NetworkRoom, "$s1", q).await;
    assert!(saved.contains("practice #1") && saved.contains("Chile"), "{saved}");
    let practice = s.store().get_practice(1).await.unwrap().unwrap();
    assert_eq!(practice.new.seat, "CL", "the author's state, not the saver's");
    assert_eq!(
        (practice.new.author.as_str(), practice.new.shared_by.as_str()),
        ("@cl:x.org", "@pt:x.org")
    );
    assert_eq!(
        (practice.new.source_room.as_str(), practice.new.source_event.as_str()),
        ("!room", "$msg")
    );
    assert!(practice.new.title.starts_with("In Chile we publish"), "{}", practice.new.title);
    // Morocco (another region) finds it, with the link to the message.
    let found = say(&s, "@ma:x.org", "!search open tracker", Place::Direct).await;
    assert!(found.contains("#1 ·") && found.contains("https://matrix.to/#/!room/$msg"), "{found}");
    // The same message again: already kept, nothing new.
    let again = say_quoting(&s, "@cl:x.org", "!save", Place::NetworkRoom, "$s2", q).await;
    assert!(again.contains("already kept as practice #1"), "{again}");
    assert!(s.store().get_practice(2).await.unwrap().is_none());
    // Its saver may withdraw it.
    let withdrawn = say(&s, "@pt:x.org", "!practice withdraw 1", Place::Direct).await;
    assert!(withdrawn.contains("withdrawn"), "{withdrawn}");
}

#[tokio::test]
async fn save_says_why_it_cannot_keep_a_message_and_keeps_nothing() {
    let s = service().await;
    let unreadable = Some(Quoted { event_id: "$gone", message: None });
    let cases = [
        ("@pt:x.org", Place::NetworkRoom, None, "Reply to the message"),
        ("@pt:x.org", Place::NetworkRoom, unreadable, "cannot read the message"),
        ("@pt:x.org", Place::NetworkRoom, quote("$img", "@cl:x.org", None), "Only text messages"),
        (
            "@pt:x.org",
            Place::NetworkRoom,
            quote("$x", "@someone:else.org", Some(TEXT)),
            "not written by a delegate",
        ),
        ("@pt:x.org", Place::Committee, quote("$c", "@ma:x.org", Some(TEXT)), "stays confidential"),
        (
            "@stranger:x.org",
            Place::NetworkRoom,
            quote("$m", "@cl:x.org", Some(TEXT)),
            "Only delegates",
        ),
        ("@pt:x.org", Place::NetworkRoom, quote("$m", "@cl:x.org", Some(TEXT)), "not an SDG"),
    ];
    for (i, (sender, place, quoted, expected)) in cases.into_iter().enumerate() {
        let body = if expected == "not an SDG" { "!save --sdg 99" } else { "!save" };
        let event = format!("$c{i}");
        let text = say_quoting(&s, sender, body, place, &event, quoted).await;
        assert!(text.contains(expected), "{expected}: {text}");
    }
    assert!(s.store().get_practice(1).await.unwrap().is_none());
}

/// CL's request #1 in capacity-building, delivered by PT (and OHCHR's
/// help is not on this roster).
async fn delivered_by_portugal() -> ChatService<Database> {
    let s = service().await;
    say(
        &s,
        "@cl:x.org",
        "!request capacity-building Training judges --theme justice --sdg 16.3",
        Place::NetworkRoom,
    )
    .await;
    for step in ["!ack 1", "!accept 1 PT", "!start 1", "!resolve 1 delivered Two workshops"] {
        say(&s, "@ma:x.org", step, Place::Committee).await;
    }
    s
}

#[tokio::test]
async fn a_new_requests_card_names_who_delivered_before_but_never_the_requester() {
    let s = delivered_by_portugal().await;
    let msg = Incoming {
        event_id: "$new",
        ..incoming(
            "@ma:x.org",
            "!request capacity-building Training prosecutors",
            Place::NetworkRoom,
        )
    };
    let answer = s.handle(&msg).await.unwrap().unwrap();
    let [Effect::PostCard { text, .. }] = answer.effects.as_slice() else { panic!("{answer:?}") };
    assert!(text.plain.contains("Who has done this before:"), "{}", text.plain);
    assert!(text.plain.contains("Portugal: one outcome delivered, latest on"), "{}", text.plain);
    // Portugal's own new request in the category does not propose Portugal.
    let own = Incoming {
        event_id: "$own",
        ..incoming("@pt:x.org", "!request capacity-building Training police", Place::NetworkRoom)
    };
    let answer = s.handle(&own).await.unwrap().unwrap();
    let [Effect::PostCard { text, .. }] = answer.effects.as_slice() else { panic!("{answer:?}") };
    assert!(!text.plain.contains("Who has done this before"), "{}", text.plain);
    // Another category has no history.
    let other = Incoming {
        event_id: "$other",
        ..incoming("@ma:x.org", "!request peer-exchange Visit", Place::NetworkRoom)
    };
    let answer = s.handle(&other).await.unwrap().unwrap();
    let [Effect::PostCard { text, .. }] = answer.effects.as_slice() else { panic!("{answer:?}") };
    assert!(!text.plain.contains("Who has done this before"), "{}", text.plain);
}

#[tokio::test]
async fn experts_answers_for_a_category_a_theme_or_a_goal() {
    let s = delivered_by_portugal().await;
    for about in ["capacity-building", "justice", "16", "SDG 16.3"] {
        let text = say(&s, "@cl:x.org", &format!("!experts {about}"), Place::Direct).await;
        assert!(
            text.contains("Who has done this before in") && text.contains("Portugal"),
            "{about}: {text}"
        );
    }
    let own = say(&s, "@pt:x.org", "!experts justice", Place::Direct).await;
    assert!(own.contains("No state or partner"), "never proposed to itself: {own}");
    let none = say(&s, "@cl:x.org", "!experts 5.2", Place::Direct).await;
    assert!(none.contains("No state or partner"), "{none}");
    let unknown = say(&s, "@cl:x.org", "!experts gardening", Place::Direct).await;
    assert!(
        unknown.contains("is not a request category") && unknown.contains("peer-exchange"),
        "{unknown}"
    );
    let usage = say(&s, "@cl:x.org", "!experts", Place::Direct).await;
    assert!(usage.contains("category|theme|sdg"), "{usage}");
    let stranger = say(&s, "@stranger:x.org", "!experts justice", Place::Direct).await;
    assert!(stranger.contains("Search is for"), "{stranger}");
}
