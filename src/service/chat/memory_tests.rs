//! The network's memory from chat: tags when filing and with `!tag`, shown
//! on the card and in `!status`; practices; search with the visibility of
//! `!status`, and polite answers to every malformed query.

use super::tests::{incoming, service};
use super::{ChatService, Effect, Incoming, Place};
use crate::storage::{Database, MemoryStore, RequestStore};

async fn say(s: &ChatService<Database>, sender: &str, body: &str, place: Place) -> String {
    say_as(s, sender, body, place, "$e").await
}

async fn say_as(
    s: &ChatService<Database>,
    sender: &str,
    body: &str,
    place: Place,
    event: &str,
) -> String {
    let msg = Incoming { event_id: event, ..incoming(sender, body, place) };
    s.handle(&msg).await.unwrap().unwrap().text.plain
}

/// The service with FR, a plain member, and its delegate @fr:x.org.
async fn with_a_member() -> ChatService<Database> {
    let s = service().await;
    say(&s, "@ma:x.org", "!state add FR --status member", Place::Committee).await;
    say(&s, "@ma:x.org", "!delegate add FR @fr:x.org --language en", Place::Committee).await;
    s
}

#[tokio::test]
async fn a_request_filed_with_tags_shows_them_on_its_card_and_in_its_status() {
    let s = service().await;
    let body = "!request membership Tracking recommendations --sdg 16.3 --theme justice --ref \"UPR 4 123.45\"\nWe need a database.";
    let answer = s.handle(&incoming("@cl:x.org", body, Place::NetworkRoom)).await.unwrap().unwrap();
    let [Effect::PostCard { text, .. }] = answer.effects.as_slice() else { panic!("{answer:?}") };
    for expected in ["SDG 16.3 (", "Administration of justice", "UPR 4 123.45"] {
        assert!(text.plain.contains(expected), "card lacks {expected}: {}", text.plain);
    }
    let stored = s.store().get_request(1).await.unwrap().unwrap();
    assert_eq!(stored.title, "Tracking recommendations");
    let status = say(&s, "@cl:x.org", "!status 1", Place::Direct).await;
    assert!(status.contains("Tagged: SDG 16.3") && status.contains("UPR 4 123.45"), "{status}");
}

#[tokio::test]
async fn bad_tags_refuse_the_filing_politely_and_store_nothing() {
    let s = service().await;
    let cases = [
        ("--sdg 18", "not an SDG goal or target"),
        ("--theme justise", "Did you mean: justice"),
        ("--theme gardening", "ask the coordinator"),
        ("--ref \"UN 4 12.3\"", "does not start with a mechanism"),
        ("--ref \"UPR 4\"", "UPR 4 123.45"),
        ("--ref \"CAT CEDAW/C/PRY/CO/8 para 2\"", "begin `CAT/`"),
        ("--ref \"UPR 4 1.2", "quote"),
    ];
    for (options, expected) in cases {
        let body = format!("!request membership Title {options}");
        let text = say(&s, "@cl:x.org", &body, Place::NetworkRoom).await;
        assert!(text.contains(expected), "{options}: {text}");
    }
    assert_eq!(s.store().count_documents().await.unwrap(), 0);
}

#[tokio::test]
async fn the_requester_and_the_committee_tag_a_request_and_others_may_not() {
    let s = with_a_member().await;
    say(&s, "@cl:x.org", "!request membership Set up a mechanism", Place::NetworkRoom).await;
    let own = say(&s, "@cl:x.org", "!tag 1 --sdg 16.6 --theme nmirf", Place::Direct).await;
    assert!(own.contains("SDG 16.6") && own.contains("is tagged"), "{own}");
    let committee = say(&s, "@pt:x.org", "!tag 1 --ref \"CRC 45(b)\"", Place::Committee).await;
    assert!(committee.contains("CRC 45(b)"), "{committee}");
    let other = say(&s, "@fr:x.org", "!tag 1 --sdg 5", Place::Direct).await;
    assert!(other.contains("no request #1"), "a stranger to it learns nothing: {other}");
    let removed = say(&s, "@cl:x.org", "!tag 1 --remove --sdg 16.6", Place::Direct).await;
    assert!(!removed.contains("16.6") && removed.contains("CRC 45(b)"), "{removed}");
    let tags = s.store().tags(("request", 1)).await.unwrap();
    assert_eq!(tags.len(), 2, "{tags:?}");
}

#[tokio::test]
async fn a_member_never_finds_another_states_open_request_but_its_committee_does() {
    let s = with_a_member().await;
    let body = "!request membership Prison monitoring database\nA register of detention visits.";
    say(&s, "@cl:x.org", body, Place::NetworkRoom).await;
    let fr = say(&s, "@fr:x.org", "!search prison monitoring", Place::Direct).await;
    assert!(fr.contains("Nothing matches"), "FR sees CL's open request: {fr}");
    let cl = say(&s, "@cl:x.org", "!search prison monitoring", Place::Direct).await;
    assert!(cl.contains("Prison monitoring database"), "{cl}");
    let pt = say(&s, "@pt:x.org", "!search PRISON", Place::Committee).await;
    assert!(pt.contains("Request #1"), "{pt}");
    let stranger = say(&s, "@fr:evil.example", "!search prison", Place::Direct).await;
    assert!(stranger.contains("Search is for"), "{stranger}");
}

#[tokio::test]
async fn an_outcome_is_found_by_everyone_accents_and_case_aside() {
    let s = with_a_member().await;
    say(&s, "@cl:x.org", "!request membership Formation des juges", Place::NetworkRoom).await;
    for step in ["!ack 1", "!accept 1 PT", "!start 1"] {
        say(&s, "@pt:x.org", step, Place::Committee).await;
    }
    let resolve = "!resolve 1 delivered Deux ateliers sur l'éducation aux droits humains\nLes juges ont demandé un suivi.";
    say(&s, "@pt:x.org", resolve, Place::Committee).await;
    let fr = say(&s, "@fr:x.org", "!search EDUCATION", Place::Direct).await;
    assert!(fr.contains("Outcome of request #1") && fr.contains("éducation"), "{fr}");
    assert!(fr.contains("https://matrix.to/#/!room/$e"), "{fr}");
    assert!(!fr.contains("Request #1 ·"), "the open request itself stays hidden: {fr}");
    let phrase = say(&s, "@fr:x.org", "!search \"juges ont\"", Place::Direct).await;
    assert!(phrase.contains("#1"), "{phrase}");
    let not_phrase = say(&s, "@fr:x.org", "!search \"ont juges\"", Place::Direct).await;
    assert!(not_phrase.contains("Nothing matches"), "{not_phrase}");
}

#[tokio::test]
async fn a_practice_is_shared_found_edited_and_withdrawn() {
    let s = with_a_member().await;
    let body = "!practice indicators Human rights indicators for the census --sdg 17.18\nWe added disaggregation questions to the national census.";
    let shared = say_as(&s, "@fr:x.org", body, Place::NetworkRoom, "$p1").await;
    assert!(shared.contains("#1") && shared.contains("SDG 17.18"), "{shared}");
    let found =
        say(&s, "@cl:x.org", "!search census --theme indicators --sdg 17", Place::Direct).await;
    assert!(found.contains("Practice #1") && found.contains("France"), "{found}");
    let other_theme = say(&s, "@cl:x.org", "!search census --theme torture", Place::Direct).await;
    assert!(other_theme.contains("Nothing matches"), "{other_theme}");
    let not_yours = say(&s, "@cl:x.org", "!practice withdraw 1", Place::Direct).await;
    assert!(not_yours.contains("Only whoever shared"), "{not_yours}");
    say(
        &s,
        "@fr:x.org",
        "!practice edit 1 Indicators in the census\nNew text about surveys.",
        Place::Direct,
    )
    .await;
    let edited = say(&s, "@cl:x.org", "!search surveys", Place::Direct).await;
    assert!(edited.contains("Indicators in the census"), "{edited}");
    let withdrawn = say(&s, "@ma:x.org", "!practice withdraw 1", Place::Committee).await;
    assert!(withdrawn.contains("#1"), "{withdrawn}");
    let gone = say(&s, "@cl:x.org", "!search surveys", Place::Direct).await;
    assert!(gone.contains("Nothing matches"), "{gone}");
}

#[tokio::test]
async fn malformed_searches_get_a_clear_answer_never_a_database_error() {
    let s = with_a_member().await;
    let long = format!("!search {}", "a".repeat(10_240));
    let cases: Vec<(String, &str)> = vec![
        ("!search".into(), "What should I look for"),
        ("!search *** -- :: \"\"".into(), "nothing to look for"),
        ("!search \"unbalanced".into(), "never closed"),
        ("!search NEAR(a b) OR c* -d e:f".into(), "Nothing matches"),
        ("!search a\" OR \"b".into(), "Nothing matches"),
        (long, "at most 300"),
        ("!search x --sdg 99".into(), "not an SDG"),
        ("!search x --theme nope".into(), "themes"),
        ("!search x --region atlantis".into(), "not a region"),
    ];
    for (body, expected) in cases {
        let text = say(&s, "@fr:x.org", &body, Place::Direct).await;
        assert!(text.contains(expected), "{}: {text}", &body[..body.len().min(40)]);
    }
}
