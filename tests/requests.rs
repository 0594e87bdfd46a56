#![recursion_limit = "256"]
//! Cooperation requests end to end against the real Synapse: an observer
//! files a request in the plenary, the card reaches the committee room,
//! committee delegates triage it (in the card's thread and by number), and
//! every notice reaches the requester in the thread of their request.

mod common;

use std::time::Duration;

use common::net::Net;
use common::{eventually, Backend};
use matrix_sdk::config::SyncSettings;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use peerlink::domain::RequestState;
use peerlink::storage::{Database, RequestStore};
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

async fn a_request_goes_from_intake_to_resolution_with_every_notice_in_its_thread(
    backend: Backend,
) {
    let Some(mut net) = Net::new(backend).await else { return };

    // Intake: an observer files a request in the plenary.
    let request = net
        .cl
        .send_text(
            &net.plenary,
            "!request membership Help to set up our <b>NMIRF</b>\nWe need guidance & examples.",
        )
        .await;
    let filed = net.wait_thread(&net.cl, &net.plenary, request.as_str(), 1).await;
    assert!(body(&filed[0]).contains("#1"), "{}", filed[0]);

    // Routing: the card reaches the committee room, user text shown as text.
    let card = eventually("the card", Duration::from_secs(20), || async {
        net.pt
            .events(&net.committee)
            .await
            .into_iter()
            .find(|e| e["sender"] == net.bot_id().as_str() && body(e).contains("Request #1"))
    })
    .await;
    let html = card["content"]["formatted_body"].as_str().unwrap();
    assert!(html.contains("&lt;b&gt;NMIRF&lt;/b&gt;") && !html.contains("<b>NMIRF"), "{html}");
    assert!(html.contains("guidance &amp; examples"), "{html}");
    let card_id = card["event_id"].as_str().unwrap().to_owned();

    // Triage in the card's thread (no number), then by number.
    let ack = net.pt.send_raw(&net.committee, serde_json::json!({
        "msgtype": "m.text", "body": "!ack",
        "m.relates_to": {"rel_type": "m.thread", "event_id": card_id, "is_falling_back": true, "m.in_reply_to": {"event_id": card_id}},
    })).await;
    net.pt.wait_reply(&net.committee, &net.bot_id(), ack.as_str()).await;
    for step in [
        "!accept 1 PT",
        "!start 1",
        "!resolve 1 delivered Guidance sent and a visit held\nShare templates earlier",
    ] {
        let sent = net.ma.send_text(&net.committee, step).await;
        let reply = net.ma.wait_reply(&net.committee, &net.bot_id(), sent.as_str()).await;
        assert!(body(&reply).contains("Request #1 is now"), "{step}: {reply}");
    }

    // Every notice reached the requester, in order, in the request's thread.
    let notices = net.wait_thread(&net.cl, &net.plenary, request.as_str(), 5).await;
    let expected =
        ["#1", "acknowledged", "assigned to Portugal", "has started", "resolved (delivered)"];
    assert_eq!(notices.len(), 5, "{notices:?}");
    for (notice, part) in notices.iter().zip(expected) {
        assert!(body(notice).contains(part), "{part}: {}", body(notice));
        assert_eq!(notice["content"]["msgtype"], "m.notice");
    }

    // The database holds the whole story.
    let store = Database::connect(&net.db.url, 1).await.unwrap();
    let stored = store.get_request(1).await.unwrap().unwrap();
    assert_eq!(stored.state, RequestState::Resolved);
    assert_eq!(stored.card_event.as_deref(), Some(card_id.as_str()));
    let actions: Vec<String> =
        store.transitions(1).await.unwrap().into_iter().map(|t| t.action).collect();
    assert_eq!(actions, ["submit", "ack", "accept", "start", "resolve"]);
    let outcome = store.outcome(1).await.unwrap().unwrap();
    assert_eq!(outcome.lessons.as_deref(), Some("Share templates earlier"));
    store.close().await;

    // And the command line shows it: listing, history, outcomes register.
    let list = net.cli(&["requests", "list"]);
    assert!(
        list.ok() && list.stdout.contains("#1") && list.stdout.contains("resolved"),
        "{}",
        list.text()
    );
    let open = net.cli(&["requests", "list", "--open"]);
    assert!(open.stdout.contains("No requests match"), "{}", open.text());
    let show = net.cli(&["requests", "show", "1"]);
    for part in
        ["Help to set up our <b>NMIRF</b>", "Assigned:   PT", "accept", "Share templates earlier"]
    {
        assert!(show.stdout.contains(part), "{part}: {}", show.text());
    }
    let csv = net.cli(&["outcomes", "export", "--format", "csv"]);
    let mut lines = csv.stdout.lines();
    assert!(lines.next().unwrap().starts_with("number,requesting_state,region,category,title"));
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("1,CL,latin-america-caribbean,membership,") && row.contains("delivered"),
        "{row}"
    );
    let json: Value =
        serde_json::from_str(&net.cli(&["outcomes", "export", "--format", "json"]).stdout).unwrap();
    assert_eq!(json[0]["summary"], "Guidance sent and a visit held");
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
    drop(net.hs);
}

#[tokio::test]
async fn a_request_goes_from_intake_to_resolution_with_every_notice_in_its_thread_on_sqlite() {
    a_request_goes_from_intake_to_resolution_with_every_notice_in_its_thread(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_request_goes_from_intake_to_resolution_with_every_notice_in_its_thread_on_postgres() {
    a_request_goes_from_intake_to_resolution_with_every_notice_in_its_thread(Backend::Postgres)
        .await;
}

#[tokio::test]
async fn refused_triage_leaves_the_request_as_it_was() {
    let Some(mut net) = Net::new(Backend::Sqlite).await else { return };
    let request =
        net.cl.send_text(&net.plenary, "!request capacity-building Training on follow-up").await;
    net.wait_thread(&net.cl, &net.plenary, request.as_str(), 1).await;

    // The observer tries to triage from the plenary; a committee member tries a forbidden step.
    let from_plenary = net.cl.send_text(&net.plenary, "!ack 1").await;
    let reply = net.cl.wait_reply(&net.plenary, &net.bot_id(), from_plenary.as_str()).await;
    assert!(body(&reply).contains("Executive Committee room"), "{reply}");
    let too_early = net.pt.send_text(&net.committee, "!resolve 1 delivered Done").await;
    let reply = net.pt.wait_reply(&net.committee, &net.bot_id(), too_early.as_str()).await;
    assert!(body(&reply).contains("possible now: !ack, !decline"), "{reply}");

    let store = Database::connect(&net.db.url, 1).await.unwrap();
    assert_eq!(store.get_request(1).await.unwrap().unwrap().state, RequestState::Submitted);
    assert_eq!(store.transitions(1).await.unwrap().len(), 1);
    store.close().await;
    assert_eq!(
        net.thread(&net.cl, &net.plenary, request.as_str()).await.len(),
        1,
        "no notice for refused steps"
    );
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

/// A message in the thread of `root`.
fn in_thread(body: &str, root: &str) -> Value {
    serde_json::json!({
        "msgtype": "m.text", "body": body,
        "m.relates_to": {"rel_type": "m.thread", "event_id": root, "is_falling_back": true, "m.in_reply_to": {"event_id": root}},
    })
}

#[tokio::test]
async fn a_question_and_its_answer_travel_between_the_two_threads() {
    let Some(mut net) = Net::new(Backend::Sqlite).await else { return };
    let request =
        net.cl.send_text(&net.plenary, "!request peer-exchange Exchange on follow-up tools").await;
    net.wait_thread(&net.cl, &net.plenary, request.as_str(), 1).await;
    let card = eventually("the card", Duration::from_secs(20), || async {
        net.pt.events(&net.committee).await.into_iter().find(|e| body(e).contains("Request #1"))
    })
    .await;
    let card_id = card["event_id"].as_str().unwrap().to_owned();
    for step in ["!ack 1", "!info 1 Which dates would suit your team?"] {
        let sent = net.pt.send_text(&net.committee, step).await;
        net.pt.wait_reply(&net.committee, &net.bot_id(), sent.as_str()).await;
    }
    let notices = net.wait_thread(&net.cl, &net.plenary, request.as_str(), 3).await;
    assert!(body(&notices[2]).contains("Which dates would suit your team?"), "{}", notices[2]);

    net.cl.send_raw(&net.plenary, in_thread("March or April", request.as_str())).await;

    let relayed = net.wait_thread(&net.pt, &net.committee, &card_id, 1).await;
    assert!(body(&relayed[0]).contains("March or April"), "{}", relayed[0]);
    assert!(body(&relayed[0]).contains(&net.cl.account.user_id), "{}", relayed[0]);
    let thanks = net.wait_thread(&net.cl, &net.plenary, request.as_str(), 4).await;
    assert!(body(&thanks[3]).contains("passed on"), "{}", thanks[3]);
    let store = Database::connect(&net.db.url, 1).await.unwrap();
    assert_eq!(store.get_request(1).await.unwrap().unwrap().state, RequestState::Acknowledged);
    store.close().await;
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn a_reaction_on_a_card_acknowledges_the_request_and_other_reactions_do_nothing() {
    let Some(mut net) = Net::new(Backend::Sqlite).await else { return };
    let request =
        net.cl.send_text(&net.plenary, "!request guidance-tools Templates for reports").await;
    net.wait_thread(&net.cl, &net.plenary, request.as_str(), 1).await;
    let card = eventually("the card", Duration::from_secs(20), || async {
        net.pt.events(&net.committee).await.into_iter().find(|e| body(e).contains("Request #1"))
    })
    .await;
    let card_id = card["event_id"].as_str().unwrap().to_owned();
    let chat = net.ma.send_text(&net.committee, "Good morning").await;

    net.pt.react(&net.committee, chat.as_str(), "👍").await;
    net.pt.react(&net.committee, &card_id, "👍").await;

    let notices = net.wait_thread(&net.cl, &net.plenary, request.as_str(), 2).await;
    assert!(body(&notices[1]).contains("acknowledged"), "{}", notices[1]);
    let in_card = net.wait_thread(&net.pt, &net.committee, &card_id, 1).await;
    assert!(body(&in_card[0]).contains("Request #1 is now"), "{}", in_card[0]);
    // A second reaction on the now acknowledged card is just a reaction.
    net.ma.react(&net.committee, &card_id, "✅").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(net.thread(&net.pt, &net.committee, &card_id).await.len(), 1);
    let bot_messages_after_chat = net
        .pt
        .events(&net.committee)
        .await
        .into_iter()
        .filter(|e| e["sender"] == net.bot_id().as_str() && e["type"] == "m.room.message")
        .count();
    assert_eq!(
        bot_messages_after_chat, 2,
        "the card and one answer, nothing for the other reactions"
    );
    let store = Database::connect(&net.db.url, 1).await.unwrap();
    let steps = store.transitions(1).await.unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[1].actor, net.pt.account.user_id);
    store.close().await;
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn the_same_flow_works_in_an_encrypted_committee_room() {
    let Some(mut net) = Net::with_committee_encryption(Backend::Sqlite, true).await else { return };
    // A committee delegate with a real end-to-end encryption client.
    let pt = net.pt.client.clone();
    pt.sync_once(SyncSettings::default()).await.unwrap();
    let syncing = pt.clone();
    let sync = tokio::spawn(async move { syncing.sync(SyncSettings::default()).await });
    let committee =
        eventually("the committee room in the client", Duration::from_secs(20), || async {
            pt.get_room(&net.committee)
        })
        .await;
    assert!(committee.latest_encryption_state().await.unwrap().is_encrypted());
    committee.sync_members().await.unwrap();

    let request =
        net.cl.send_text(&net.plenary, "!request capacity-building Training <i>now</i>").await;
    net.wait_thread(&net.cl, &net.plenary, request.as_str(), 1).await;

    // The card arrives encrypted, and decrypts to the escaped text.
    let bot = net.bot_id();
    let decrypted = |needle: &'static str| {
        let committee = committee.clone();
        let bot = bot.clone();
        async move {
            let messages = committee.messages(MessagesOptions::backward()).await.ok()?;
            messages.chunk.iter().find_map(|e| {
                let json: Value = e.raw().deserialize_as_unchecked().ok()?;
                let hit = json["sender"] == bot.as_str() && body(&json).contains(needle);
                (hit && e.encryption_info().is_some()).then_some(json)
            })
        }
    };
    let card =
        eventually("the decrypted card", Duration::from_secs(30), || decrypted("Request #1")).await;
    let html = card["content"]["formatted_body"].as_str().unwrap();
    assert!(html.contains("&lt;i&gt;now&lt;/i&gt;"), "{html}");

    committee.send(RoomMessageEventContent::text_plain("!ack 1")).await.unwrap();

    eventually("the encrypted answer", Duration::from_secs(30), || decrypted("Request #1 is now"))
        .await;
    let notices = net.wait_thread(&net.cl, &net.plenary, request.as_str(), 2).await;
    assert!(body(&notices[1]).contains("acknowledged"), "{}", notices[1]);
    sync.abort();
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn a_members_request_is_declined_then_reopened_with_every_reason_shown_as_text() {
    let Some(mut net) = Net::new(Backend::Sqlite).await else { return };
    let request = net
        .fr
        .send_text(&net.plenary, "!request technical-cooperation Data tools for follow-up")
        .await;
    net.wait_thread(&net.fr, &net.plenary, request.as_str(), 1).await;

    // The observer cannot triage; Paraguay declines, Morocco reopens, Portugal acknowledges.
    let refused = net.cl.send_text(&net.plenary, "!decline 1 No").await;
    let reply = net.cl.wait_reply(&net.plenary, &net.bot_id(), refused.as_str()).await;
    assert!(body(&reply).contains("Executive Committee room"), "{reply}");
    let steps = [
        (&net.py, "!decline 1 Out of scope for <b>now</b> & later"),
        (&net.ma, "!reopen 1 New budget line"),
        (&net.pt, "!ack 1"),
    ];
    for (client, step) in steps {
        let sent = client.send_text(&net.committee, step).await;
        let reply = client.wait_reply(&net.committee, &net.bot_id(), sent.as_str()).await;
        assert!(body(&reply).contains("Request #1 is now"), "{step}: {reply}");
    }

    let notices = net.wait_thread(&net.fr, &net.plenary, request.as_str(), 4).await;
    let declined = &notices[1];
    assert!(body(declined).contains("declined: Out of scope for <b>now</b> & later"), "{declined}");
    let html = declined["content"]["formatted_body"].as_str().unwrap();
    assert!(
        html.contains("&lt;b&gt;now&lt;/b&gt; &amp; later") && !html.contains("<b>now"),
        "{html}"
    );
    assert!(
        body(&notices[2]).contains("reopened") && body(&notices[2]).contains("New budget line")
    );
    assert!(body(&notices[3]).contains("acknowledged"));
    let store = Database::connect(&net.db.url, 1).await.unwrap();
    let steps = store.transitions(1).await.unwrap();
    let who: Vec<(String, String)> = steps
        .iter()
        .map(|t| (t.action.clone(), t.actor_state.map(|c| c.to_string()).unwrap_or_default()))
        .collect();
    assert_eq!(
        who,
        [("submit", "FR"), ("decline", "PY"), ("reopen", "MA"), ("ack", "PT")]
            .map(|(a, s)| (a.to_owned(), s.to_owned()))
    );
    store.close().await;
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}
