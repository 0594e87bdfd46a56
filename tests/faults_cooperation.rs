#![recursion_limit = "256"]
//! Fault injection on the network's cooperation work, against the real
//! Synapse and both databases: the bot is killed with SIGKILL between
//! accepting a request and creating its working room, right after creating
//! it (before recording it), and between counting the deciding vote of a
//! membership application and changing the roster. After each restart the
//! delegates' own clients see one working room per request with one opening
//! message, and one decision: one roster change, one poll end, one answer to
//! the applicant, one announcement.

mod common;

use std::time::Duration;

use common::net::Net;
use common::{eventually, Backend};
use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::OwnedRoomId;
use peerlink::domain::RoomKind;
use peerlink::storage::{Database, MembershipStore, Outbox, RoomStore, RosterStore};
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

/// Restarts the bot with crash point `fault` armed.
async fn arm(net: &mut Net, fault: &str) {
    assert!(net.bot.terminate().await, "a clean stop:\n{}", net.bot.log());
    net.bot.set_env("PEERLINK_FAULT", Some(fault));
    net.bot.launch().await;
}

/// Waits for the bot to kill itself at `fault`, then starts it again.
async fn restart_after_kill(net: &mut Net, fault: &str) {
    let signal = net.bot.wait_exit(Duration::from_secs(90)).await;
    assert_eq!(signal, Some(9), "killed by SIGKILL at {fault}");
    net.bot.set_env("PEERLINK_FAULT", None);
    net.bot.launch().await;
}

async fn settled(url: &str, what: &str) {
    let store = Database::connect(url, 1).await.unwrap();
    eventually(&format!("an empty outbox: {what}"), Duration::from_secs(60), || async {
        (store.outbox_counts().await.ok()?.pending == 0).then_some(())
    })
    .await;
    store.close().await;
}

async fn working_room(url: &str, number: i64) -> OwnedRoomId {
    let store = Database::connect(url, 1).await.unwrap();
    let id =
        eventually(&format!("the working room of #{number}"), Duration::from_secs(60), || async {
            let rooms = store.provisioned_rooms().await.ok()?;
            rooms.into_iter().find(|(k, _)| *k == RoomKind::Working(number)).map(|(_, id)| id)
        })
        .await;
    store.close().await;
    OwnedRoomId::try_from(id).unwrap()
}

/// Files request `n` (by CL) and has the committee acknowledge it.
async fn filed_and_acknowledged(net: &Net, n: i64) {
    let bot = net.bot_id();
    let filed =
        net.cl.send_text(&net.plenary, &format!("!request membership Working room {n}")).await;
    net.cl.wait_reply(&net.plenary, &bot, filed.as_str()).await;
    let ack = net.ma.send_text(&net.committee, &format!("!ack {n}")).await;
    net.ma.wait_reply(&net.committee, &bot, ack.as_str()).await;
}

/// The rooms named after request `n` that PT (invited to its working room)
/// sees, and the bot's messages in the one it joins.
async fn rooms_of_request(net: &Net, n: i64, room: &OwnedRoomId) -> (usize, usize) {
    let pt = &net.pt.client;
    eventually("PT in the working room", Duration::from_secs(30), || async {
        pt.join_room_by_id(room).await.ok()
    })
    .await;
    pt.sync_once(SyncSettings::default()).await.unwrap();
    let prefix = format!("#{n} ·");
    let mut named = 0;
    for r in pt.joined_rooms().into_iter().chain(pt.invited_rooms()) {
        let name = r.name().unwrap_or_default();
        named += usize::from(name.starts_with(&prefix));
    }
    let bot = net.bot_id();
    let messages = net
        .pt
        .all_events(room)
        .await
        .into_iter()
        .filter(|e| e["sender"] == bot.as_str())
        .filter(|e| matches!(e["type"].as_str(), Some("m.room.message" | "m.room.encrypted")))
        .count();
    (named, messages)
}

/// The rooms the bot itself is in whose name starts with `prefix` (a room
/// made twice would be there even before anyone is invited).
async fn bot_rooms_named(net: &Net, prefix: &str) -> usize {
    let http = reqwest::Client::new();
    let token = net.bot.access_token();
    let joined: Value = http
        .get(format!("{}/_matrix/client/v3/joined_rooms", net.hs.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut count = 0;
    for room in joined["joined_rooms"].as_array().unwrap() {
        let url = format!(
            "{}/_matrix/client/v3/rooms/{}/state/m.room.name/",
            net.hs.url,
            room.as_str().unwrap()
        );
        let response = http.get(url).bearer_auth(&token).send().await.unwrap();
        if response.status().is_success() {
            let name: Value = response.json().await.unwrap();
            count += usize::from(name["name"].as_str().unwrap_or_default().starts_with(prefix));
        }
    }
    count
}

async fn cooperation_survives_sigkill(backend: Backend) {
    let Some(mut net) = Net::new(backend).await else { return };
    let bot = net.bot_id();
    let url = net.db.url.clone();

    // Accepted, then killed before its working room is created; and
    // accepted, then killed once the room exists but before it is recorded.
    for (n, fault) in [(1, "provision_before_create"), (2, "provision_after_create")] {
        filed_and_acknowledged(&net, n).await;
        arm(&mut net, fault).await;
        net.ma.send_text(&net.committee, &format!("!accept {n} PT")).await;
        restart_after_kill(&mut net, fault).await;
        let room = working_room(&url, n).await;
        settled(&url, fault).await;
        let (named, messages) = rooms_of_request(&net, n, &room).await;
        assert_eq!(named, 1, "one working room for #{n} after a kill at {fault}");
        let made = bot_rooms_named(&net, &format!("#{n} ·")).await;
        assert_eq!(made, 1, "the bot made one working room for #{n} after a kill at {fault}");
        assert_eq!(messages, 1, "one opening message for #{n} after a kill at {fault}");
    }

    // A membership application whose deciding vote is killed between its
    // count and the roster change.
    let apply = net.cl.send_text(&net.plenary, "!apply member Our mechanism exists").await;
    net.cl.wait_reply(&net.plenary, &bot, apply.as_str()).await;
    let poll =
        eventually("the poll", Duration::from_secs(20), || async {
            net.pt.events(&net.committee).await.into_iter().find(|e| {
                e["type"] == "org.matrix.msc3381.poll.start" && e["sender"] == bot.as_str()
            })
        })
        .await;
    let poll_id = poll["event_id"].as_str().unwrap().to_owned();
    net.pt.respond_to_poll(&net.committee, &poll_id, "yes").await;
    eventually("PT's vote counted", Duration::from_secs(20), || async {
        let thread = net.thread(&net.pt, &net.committee, &poll_id).await;
        thread.iter().any(|e| body(e).contains("1 yes")).then_some(())
    })
    .await;
    arm(&mut net, "membership_after_vote").await;
    net.py.respond_to_poll(&net.committee, &poll_id, "yes").await;
    restart_after_kill(&mut net, "membership_after_vote").await;
    settled(&url, "the deciding vote").await;
    tokio::time::sleep(Duration::from_secs(2)).await;

    let store = Database::connect(&url, 1).await.unwrap();
    let votes = store.votes(1).await.unwrap();
    assert_eq!(votes.len(), 2, "each vote once: {votes:?}");
    let history = store.roster_history(50).await.unwrap();
    let decisions = history.iter().filter(|h| h.actor.contains("application #1")).count();
    assert_eq!(decisions, 1, "one roster change: {history:?}");
    store.close().await;
    let committee = net.pt.all_events(&net.committee).await;
    let ends = committee.iter().filter(|e| e["type"] == "org.matrix.msc3381.poll.end").count();
    assert_eq!(ends, 1, "one end of the poll");
    let told = net.cl.replies_to(&net.plenary, &bot, apply.as_str()).await;
    let decisions = told.iter().filter(|r| body(r).contains("is approved")).count();
    assert_eq!(decisions, 1, "the applicant told once: {told:?}");
    let plenary = net.fr.all_events(&net.plenary).await;
    let announced = plenary
        .iter()
        .filter(|e| e["sender"] == bot.as_str() && e["content"]["m.relates_to"].is_null())
        .filter(|e| body(e).contains("Application #1 is approved"))
        .count();
    assert_eq!(announced, 1, "announced once");
    net.db.cleanup().await;
}

#[tokio::test]
async fn cooperation_survives_sigkill_on_sqlite() {
    cooperation_survives_sigkill(Backend::Sqlite).await;
}

#[tokio::test]
async fn cooperation_survives_sigkill_on_postgres() {
    cooperation_survives_sigkill(Backend::Postgres).await;
}
