#![recursion_limit = "256"]
//! The encrypted committee room across a takeover, on PostgreSQL against the
//! real Synapse: a standby's device (its own data directory) gets the room
//! keys of what committee delegates send while it stands by, so when the
//! leader dies the new leader reads and answers both a message sent a
//! second before the leader was killed (the leader was frozen first, so it
//! surely left it unhandled) and one sent after the takeover, each once,
//! encrypted.
//!
//! A reply the leader sent, encrypted, just before it died (before it could
//! record the send) is found by the new leader, decrypted, and not sent
//! again.
//!
//! The first test failed before the sync loop realigned matrix-sdk's position with the
//! shared one (`sync::realign`): the message sent while the leader was
//! frozen was set aside by matrix-sdk as already seen and never handled.

mod common;

use std::time::{Duration, Instant};

use common::net::Net;
use common::{eventually, Backend};
use matrix_sdk::config::SyncSettings;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::Room;
use serde_json::Value;
use sqlx::Connection;

fn signal(pid: u32, sig: i32) {
    // SAFETY: kill(2) on a child process this test started.
    unsafe {
        libc::kill(i32::try_from(pid).unwrap(), sig);
    }
}

/// The bot's decrypted replies to `event` in `room`, as JSON, and whether
/// each came encrypted.
async fn replies(room: &Room, bot: &str, event: &str) -> Vec<(Value, bool)> {
    let mut options = MessagesOptions::backward();
    options.limit = 100u32.into();
    let Ok(messages) = room.messages(options).await else { return Vec::new() };
    messages
        .chunk
        .iter()
        .filter(|e| !e.kind.is_utd())
        .filter_map(|e| {
            let json: Value = e.raw().deserialize_as_unchecked().ok()?;
            let to = json["content"]["m.relates_to"]["m.in_reply_to"]["event_id"].as_str();
            (json["sender"] == bot && to == Some(event))
                .then(|| (json.clone(), e.encryption_info().is_some()))
        })
        .collect()
}

#[tokio::test]
async fn the_new_leader_reads_the_encrypted_committee_room() {
    let Some(mut net) = Net::with_committee_encryption(Backend::Postgres, true).await else {
        return;
    };
    let bot = net.bot_id();
    if let Ok(filter) = std::env::var("PEERLINK_TEST_TWIN_LOG") {
        net.bot.set_env("RUST_LOG", Some(&filter));
    }
    let mut twin = net.bot.twin().await;
    assert!(twin.log().contains("standing by"), "{}", twin.log());

    // A committee delegate's client that syncs (and so exchanges keys).
    let ma = net.ma.client.clone();
    ma.sync_once(SyncSettings::default()).await.unwrap();
    let syncing = ma.clone();
    let sync_task = tokio::spawn(async move { syncing.sync(SyncSettings::default()).await });
    let room = ma.get_room(&net.committee).expect("MA is in the committee room");
    assert!(room.latest_encryption_state().await.unwrap().is_encrypted());
    room.sync_members().await.unwrap();
    // The standby's device is known to the delegate's client (its keys
    // were uploaded when it started), beside the leader's.
    let bot_user = matrix_sdk::ruma::OwnedUserId::try_from(bot.as_str()).unwrap();
    let devices = eventually("both of the bot's devices", Duration::from_secs(30), || async {
        let devices = ma.encryption().get_user_devices(&bot_user).await.ok()?;
        let n = devices.devices().count();
        (n >= 2).then_some(n)
    })
    .await;
    assert_eq!(devices, 2);

    // The leader answers in the encrypted room.
    let first = room.send(RoomMessageEventContent::text_plain("!ping")).await.unwrap();
    let first = first.response.event_id.to_string();
    eventually("the leader's encrypted answer", Duration::from_secs(30), || async {
        let got = replies(&room, &bot, &first).await;
        (!got.is_empty()).then_some(())
    })
    .await;

    // The leader freezes; a delegate writes; a second later it is killed.
    let pid = net.bot.pid().expect("the leader runs");
    signal(pid, libc::SIGSTOP);
    let before = room.send(RoomMessageEventContent::text_plain("!ping")).await.unwrap();
    let before = before.response.event_id.to_string();
    tokio::time::sleep(Duration::from_secs(1)).await;
    net.bot.kill().await;
    let killed = Instant::now();
    eventually("the standby to lead", Duration::from_secs(30), || async {
        twin.log().contains("listening for commands").then_some(())
    })
    .await;
    println!("takeover after SIGKILL: {:?}", killed.elapsed());
    let after = room.send(RoomMessageEventContent::text_plain("!ping")).await.unwrap();
    let after = after.response.event_id.to_string();
    println!("first {first}, before the kill {before}, after the takeover {after}");

    for (what, event) in [("sent before the kill", &before), ("sent after the takeover", &after)] {
        let deadline = Instant::now() + Duration::from_secs(60);
        let got = loop {
            let got = replies(&room, &bot, event).await;
            if !got.is_empty() {
                break got;
            }
            assert!(Instant::now() < deadline, "no answer to the message {what}:\n{}", twin.log());
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        let (json, encrypted) = &got[0];
        assert!(encrypted, "{what}: answered in clear text");
        assert!(json["content"]["body"].as_str().unwrap().starts_with("Pong"), "{json}");
    }
    // Nothing answered twice.
    tokio::time::sleep(Duration::from_secs(3)).await;
    for event in [&first, &before, &after] {
        assert_eq!(replies(&room, &bot, event).await.len(), 1, "{event} answered once");
    }
    let log = twin.log();
    assert!(!log.contains("unable to decrypt") && !log.contains("UTD"), "{log}");
    let loud: Vec<&str> =
        log.lines().filter(|l| l.contains(" WARN ") || l.contains(" ERROR ")).collect();
    assert!(loud.is_empty(), "the new leader's log is clean: {loud:#?}");
    sync_task.abort();
    assert!(twin.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn an_encrypted_reply_sent_just_before_the_leader_died_is_not_sent_again() {
    let Some(mut net) = Net::with_committee_encryption(Backend::Postgres, true).await else {
        return;
    };
    let bot = net.bot_id();
    // The twin dies at its first send, between the send and its record.
    net.bot.set_env("PEERLINK_FAULT", Some("outbox_after_send"));
    let mut twin = net.bot.twin().await;
    net.bot.set_env("PEERLINK_FAULT", None);
    assert!(net.bot.terminate().await);
    eventually("the twin to lead", Duration::from_secs(20), || async {
        twin.log().contains("listening for commands").then_some(())
    })
    .await;
    net.bot.launch().await;

    let ma = net.ma.client.clone();
    ma.sync_once(SyncSettings::default()).await.unwrap();
    let syncing = ma.clone();
    let sync_task = tokio::spawn(async move { syncing.sync(SyncSettings::default()).await });
    let room = ma.get_room(&net.committee).expect("MA is in the committee room");
    room.sync_members().await.unwrap();
    let ping = room.send(RoomMessageEventContent::text_plain("!ping")).await.unwrap();
    let ping = ping.response.event_id.to_string();
    assert_eq!(twin.wait_exit(Duration::from_secs(30)).await, Some(libc::SIGKILL));
    let died = Instant::now();

    // The new leader finds the twin's encrypted reply and records it.
    let url = net.db.url.clone();
    eventually("the new leader to record the reply", Duration::from_secs(30), || async {
        let mut db = sqlx::PgConnection::connect(&url).await.ok()?;
        let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")
            .fetch_one(&mut db)
            .await
            .ok()?;
        (pending == 0).then_some(())
    })
    .await;
    println!("recorded {:?} after the leader died", died.elapsed());
    tokio::time::sleep(Duration::from_secs(3)).await;
    let got = replies(&room, &bot, &ping).await;
    assert_eq!(got.len(), 1, "answered once: {got:#?}");
    assert!(got[0].1, "answered encrypted");
    let log = net.bot.log();
    assert!(log.contains("already in the room from an earlier attempt"), "{log}");
    let loud: Vec<&str> =
        log.lines().filter(|l| l.contains(" WARN ") || l.contains(" ERROR ")).collect();
    assert!(loud.is_empty(), "the new leader's log is clean: {loud:#?}");
    sync_task.abort();
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}
