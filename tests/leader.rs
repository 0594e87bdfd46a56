#![recursion_limit = "256"]
//! Several instances on one PostgreSQL database against the real Synapse:
//! one leads, the other stands by (its /readyz says so and names the
//! leader); the leader is killed (SIGKILL), the standby takes over within
//! the takeover time and answers what was sent while no instance led; a
//! leader frozen (SIGSTOP) while another takes over sends nothing when it
//! wakes and stops. Every notice and answer arrives once, even one the
//! leader sent just before it died, before it could record the send.

mod common;

use std::time::{Duration, Instant};

use common::flow::{cards, thread, DumpLogOnPanic};
use common::net::Net;
use common::{eventually, Backend};
use serde_json::Value;
use sqlx::Connection;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

async fn readyz(addr: &str) -> Value {
    reqwest::get(format!("http://{addr}/readyz")).await.unwrap().json().await.unwrap()
}

fn signal(pid: u32, sig: i32) {
    // SAFETY: kill(2) on a child process this test started.
    unsafe {
        libc::kill(i32::try_from(pid).unwrap(), sig);
    }
}

#[tokio::test]
async fn a_standby_takes_over_and_a_frozen_leader_stays_silent() {
    let Some(mut net) = Net::new(Backend::Postgres).await else { return };
    let bot = net.bot_id();
    let mut twin = net.bot.twin().await;
    assert!(twin.log().contains("standing by"), "{}", twin.log());
    let ready = readyz(&twin.http_addr()).await;
    assert_eq!(ready["role"], "standby", "{ready}");
    assert!(ready["leader"].as_str().unwrap().starts_with(&bot), "{ready}");

    // The leader answers; the standby stays silent.
    let filed = net.cl.send_text(&net.plenary, "!request membership Led request").await;
    net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 1).await;

    // The leader dies, and a command comes while no instance leads: the
    // standby leads within the takeover time and answers it.
    net.bot.kill().await;
    let killed = Instant::now();
    let ack = net.ma.send_text(&net.committee, "!ack 1").await;
    eventually("the standby to lead", Duration::from_secs(20), || async {
        twin.log().contains("listening for commands").then_some(())
    })
    .await;
    let takeover = killed.elapsed();
    println!("takeover after SIGKILL: {takeover:?}");
    assert!(takeover <= Duration::from_secs(12), "took {takeover:?}");
    net.ma.wait_reply(&net.committee, &bot, ack.as_str()).await;

    // The first instance comes back as a standby; the new leader is frozen,
    // the other takes over; when the frozen one wakes it sends nothing.
    net.bot.launch().await;
    assert!(net.bot.log().matches("standing by").count() >= 1, "{}", net.bot.log());
    let pid = twin.pid().unwrap();
    signal(pid, libc::SIGSTOP);
    let frozen = Instant::now();
    eventually("the first instance to lead again", Duration::from_secs(20), || async {
        (net.bot.log().matches("listening for commands").count() >= 2).then_some(())
    })
    .await;
    println!("takeover after SIGSTOP: {:?}", frozen.elapsed());
    let accept = net.ma.send_text(&net.committee, "!accept 1 PT").await;
    net.ma.wait_reply(&net.committee, &bot, accept.as_str()).await;
    signal(pid, libc::SIGCONT);
    // It stops by itself (wait_exit fails the test if it does not).
    twin.wait_exit(Duration::from_secs(30)).await;
    assert!(twin.log().contains("no longer leading"), "{}", twin.log());

    // Nothing was lost nor given up on the way.
    for log in [net.bot.log(), twin.log()] {
        assert!(!log.contains("giving up"), "{log}");
    }

    // Every notice and answer once.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let notices = net.thread(&net.cl, &net.plenary, filed.as_str()).await;
    let bodies: Vec<&str> = notices.iter().map(body).collect();
    assert_eq!(notices.len(), 3, "filed, acknowledged, accepted: {bodies:#?}");
    for command in [&ack, &accept] {
        let replies = net.ma.replies_to(&net.committee, &bot, command.as_str()).await;
        assert_eq!(replies.len(), 1, "one answer to {command}");
    }
    net.db.cleanup().await;
}

/// The leader dies right after a send reached the homeserver and before it
/// recorded it. The new leader is another device, for which the homeserver
/// does not deduplicate the transaction ID: it finds the message in the room
/// by the transaction ID the content carries, records it, and sends only
/// what was left. Before it did, the filing notice or the card came twice.
#[tokio::test]
async fn a_message_sent_just_before_the_leader_died_is_not_sent_again() {
    let Some(mut net) = Net::new(Backend::Postgres).await else { return };
    let bot = net.bot_id();
    // The twin dies at its first send, between the send and its record.
    net.bot.set_env("PEERLINK_FAULT", Some("outbox_after_send"));
    let mut twin = net.bot.twin().await;
    net.bot.set_env("PEERLINK_FAULT", None);
    let _twin_log = DumpLogOnPanic(twin.log_path());
    assert!(net.bot.terminate().await);
    eventually("the twin to lead", Duration::from_secs(20), || async {
        twin.log().contains("listening for commands").then_some(())
    })
    .await;
    net.bot.launch().await;
    assert!(net.bot.log().contains("standing by"), "{}", net.bot.log());
    let _log = DumpLogOnPanic(net.bot.log_path());

    // A request is filed: its notice and its card go out side by side; the
    // twin sends the first and dies.
    let filed = net.cl.send_text(&net.plenary, "!request membership Sent once").await;
    assert_eq!(twin.wait_exit(Duration::from_secs(30)).await, Some(libc::SIGKILL));
    let died = Instant::now();
    net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 1).await;
    let card = net.card(1).await;
    let mut db = sqlx::PgConnection::connect(&net.db.url).await.unwrap();
    // The new leader takes over, finds in the rooms what the twin sent,
    // records it and sends the rest.
    eventually("the new leader to record the twin's sends", Duration::from_secs(30), || async {
        let rows = outbox(&mut sqlx::PgConnection::connect(&net.db.url).await.ok()?).await;
        rows.iter().all(|(_, status, ..)| status == "sent").then_some(())
    })
    .await;
    println!("all recorded {:?} after the leader died", died.elapsed());
    // The card found is the card recorded: the request's thread works.
    let ack = net.ma.send_text(&net.committee, "!ack 1").await;
    net.ma.wait_reply(&net.committee, &bot, ack.as_str()).await;
    net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 2).await;

    // Once each, as the delegates' clients see it, and as the database says.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let committee = net.pt.all_events(&net.committee).await;
    assert_eq!(cards(&committee, &bot, 1).len(), 1, "one card");
    let plenary = net.cl.all_events(&net.plenary).await;
    let notices = thread(&plenary, &bot, filed.as_str());
    assert_eq!(notices.len(), 2, "filed and acknowledged, once each: {notices:#?}");
    let replies = net.ma.replies_to(&net.committee, &bot, ack.as_str()).await;
    assert_eq!(replies.len(), 1, "one answer to the acknowledgement");
    let rows = outbox(&mut db).await;
    let found = net.bot.log().matches("already in the room from an earlier attempt").count();
    assert!(found >= 1, "the new leader found the twin's message:\n{}", net.bot.log());
    assert!(rows.iter().all(|(_, status, ..)| status == "sent"), "{rows:#?}");
    let recorded = rows.iter().find(|(kind, ..)| kind == "card").and_then(|r| r.2.clone());
    assert_eq!(recorded.as_deref(), Some(card.as_str()), "{rows:#?}");
    let devices: std::collections::BTreeSet<_> = rows.iter().filter_map(|r| r.3.clone()).collect();
    assert_eq!(devices.len(), 2, "both devices tried: {rows:#?}");
    let loud: Vec<String> = net
        .bot
        .log()
        .lines()
        .filter(|l| l.contains(" WARN ") || l.contains(" ERROR "))
        .map(str::to_owned)
        .collect();
    assert!(loud.is_empty(), "the new leader's log is clean: {loud:#?}");
    drop(db);
    net.db.cleanup().await;
}

type OutboxRow = (String, String, Option<String>, Option<String>);

/// The outbox: kind, status, event sent, device that last tried.
async fn outbox(db: &mut sqlx::PgConnection) -> Vec<OutboxRow> {
    sqlx::query_as("SELECT kind, status, sent_event_id, attempted_by FROM outbox ORDER BY id")
        .fetch_all(db)
        .await
        .unwrap()
}
