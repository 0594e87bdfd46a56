#![recursion_limit = "256"]
//! A failed read on the way to handling an event is never a decision: each
//! lookup the bot makes before it acts (which room this is, the room's
//! members, the card a reaction is on, the roster, the request, whether an
//! inviter is on the roster, the outbox lane of an answer) is made to fail
//! once (`PEERLINK_FAIL`, see `src/fault.rs`), against the real Synapse and
//! both databases. Each command is then handled exactly once, with the right
//! answer and notice, as the delegates' own clients see it.

mod common;

use std::time::Duration;

use common::net::Net;
use common::Backend;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId};
use peerlink::storage::{Database, Outbox, RequestStore};
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

/// Whether `lookup` is made to fail: all of them, or only those listed in
/// `PEERLINK_TEST_LOOKUPS` (comma-separated), to see one step alone.
fn armed(lookup: &str) -> bool {
    std::env::var("PEERLINK_TEST_LOOKUPS")
        .map_or(true, |only| only.split(',').any(|l| l.trim() == lookup))
}

/// Restarts the bot with `lookups` failing once each (`None`: none).
async fn restart(net: &mut Net, lookups: Option<&str>) {
    if net.bot.is_running() {
        assert!(net.bot.terminate().await, "a clean stop:\n{}", net.bot.log());
    }
    let lookups: Vec<&str> =
        lookups.into_iter().flat_map(|l| l.split(',')).filter(|l| armed(l)).collect();
    let lookups = lookups.join(",");
    net.bot.set_env("PEERLINK_FAIL", Some(lookups.as_str()).filter(|l| !l.is_empty()));
    net.bot.launch().await;
}

/// Waits until the bot logged that `lookup` failed while handling `event`
/// (the failure hit this very command, not another one).
async fn wait_failed(net: &Net, lookup: &str, event: Option<&OwnedEventId>) {
    if !armed(lookup) {
        return;
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    let hit = |log: &str| {
        log.lines()
            .filter(|l| l.contains("this lookup fails") && l.contains(&format!("lookup={lookup}")))
            .any(|l| event.is_none_or(|e| l.contains(e.as_str())))
    };
    while !hit(&net.bot.log()) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the injected failure of {lookup} on {event:?} is not in the log:\n{}",
            net.bot.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The bot's one answer to `command` in `room`, checked to be the only one.
async fn one_reply(
    net: &Net,
    who: &common::client::TestClient,
    room: &OwnedRoomId,
    command: &OwnedEventId,
) -> String {
    let bot = net.bot_id();
    who.wait_reply(room, &bot, command.as_str()).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let replies = who.replies_to(room, &bot, command.as_str()).await;
    assert_eq!(replies.len(), 1, "one answer to {command}: {replies:#?}");
    body(&replies[0]).to_owned()
}

async fn every_lookup_that_fails_once_delays_the_command_but_never_decides_it(backend: Backend) {
    let Some(mut net) = Net::new(backend).await else { return };
    let bot = net.bot_id();

    // The roster read of a command: filing #1.
    restart(&mut net, Some("chat_roster")).await;
    let filed = net.cl.send_text(&net.plenary, "!request membership Lookups one\nFirst.").await;
    wait_failed(&net, "chat_roster", Some(&filed)).await;
    let answer = one_reply(&net, &net.cl, &net.plenary, &filed).await;
    assert!(answer.contains("Your request is number #1"), "{answer}");
    net.card(1).await;

    // Which room this is: an acknowledgement in the committee room.
    restart(&mut net, Some("room_kind")).await;
    let ack = net.ma.send_text(&net.committee, "!ack 1").await;
    wait_failed(&net, "room_kind", Some(&ack)).await;
    let answer = one_reply(&net, &net.ma, &net.committee, &ack).await;
    assert!(answer.contains("is now: acknowledged"), "{answer}");

    // The request a triage command names: an acceptance.
    restart(&mut net, Some("triage_request")).await;
    let accept = net.ma.send_text(&net.committee, "!accept 1 PT").await;
    wait_failed(&net, "triage_request", Some(&accept)).await;
    let answer = one_reply(&net, &net.ma, &net.committee, &accept).await;
    assert!(answer.contains("is now: accepted"), "{answer}");

    // The outbox lane of the answer and notice: work started.
    restart(&mut net, Some("outbox_lane")).await;
    let start = net.ma.send_text(&net.committee, "!start 1").await;
    wait_failed(&net, "outbox_lane", None).await;
    let answer = one_reply(&net, &net.ma, &net.committee, &start).await;
    assert!(answer.contains("is now: in progress"), "{answer}");

    // The card a reaction is on: a 👍 on #2's card acknowledges it.
    restart(&mut net, None).await;
    let second = net.cl.send_text(&net.plenary, "!request membership Lookups two\nSecond.").await;
    one_reply(&net, &net.cl, &net.plenary, &second).await;
    let card2 = net.card(2).await;
    restart(&mut net, Some("reaction_card")).await;
    let reaction = net.pt.react(&net.committee, &card2, "👍").await;
    wait_failed(&net, "reaction_card", Some(&reaction)).await;
    net.wait_thread(&net.cl, &net.plenary, second.as_str(), 2).await;

    // The request a thread reply answers: the requester's answer is relayed.
    restart(&mut net, None).await;
    let info = net.ma.send_text(&net.committee, "!info 2 Which ministry leads?").await;
    one_reply(&net, &net.ma, &net.committee, &info).await;
    net.wait_thread(&net.cl, &net.plenary, second.as_str(), 3).await;
    restart(&mut net, Some("thread_request")).await;
    let reply = common::in_thread("The ministry of justice leads.", second.as_str());
    let answered = net.cl.send_raw(&net.plenary, reply).await;
    wait_failed(&net, "thread_request", Some(&answered)).await;
    let thanks = net.wait_thread(&net.cl, &net.plenary, second.as_str(), 4).await;
    assert!(body(&thanks[3]).contains("has been passed on"), "{}", body(&thanks[3]));

    // Whether an inviter is on the roster, then the members of a direct
    // chat: the observer's delegate opens one and says !ping.
    restart(&mut net, Some("invite_roster,room_members")).await;
    let direct = net.cl.create_room(&[&bot]).await;
    wait_failed(&net, "invite_roster", None).await;
    net.cl.wait_joined(&direct, &bot).await;
    let ping = net.cl.send_text(&direct, "!ping").await;
    wait_failed(&net, "room_members", Some(&ping)).await;
    let answer = one_reply(&net, &net.cl, &direct, &ping).await;
    assert!(answer.starts_with("Pong"), "{answer}");

    // Each step once, in order; the requester told of each; nothing left.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let notices = net.thread(&net.cl, &net.plenary, filed.as_str()).await;
    let bodies: Vec<&str> = notices.iter().map(body).collect();
    let expected = ["#1", "has been acknowledged", "assigned to Portugal", "has started"];
    assert_eq!(bodies.len(), expected.len(), "{bodies:#?}");
    for (notice, part) in bodies.iter().zip(expected) {
        assert!(notice.contains(part), "{part}: {notice}");
    }
    let store = Database::connect(&net.db.url, 1).await.unwrap();
    let actions = |id| {
        let store = store.clone();
        async move {
            let t = store.transitions(id).await.unwrap();
            t.into_iter().map(|t| t.action).collect::<Vec<_>>()
        }
    };
    assert_eq!(actions(1).await, ["submit", "ack", "accept", "start"]);
    assert_eq!(actions(2).await, ["submit", "ack", "info", "answer"]);
    let outbox = store.outbox_counts().await.unwrap();
    assert_eq!((outbox.pending, outbox.failed), (0, 0));
    store.close().await;
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn every_lookup_that_fails_once_delays_the_command_but_never_decides_it_on_sqlite() {
    every_lookup_that_fails_once_delays_the_command_but_never_decides_it(Backend::Sqlite).await;
}

#[tokio::test]
async fn every_lookup_that_fails_once_delays_the_command_but_never_decides_it_on_postgres() {
    every_lookup_that_fails_once_delays_the_command_but_never_decides_it(Backend::Postgres).await;
}
