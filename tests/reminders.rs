//! Response-time reminders against the real Synapse, on both databases,
//! with targets of seconds: each threshold's reminder arrives once in the
//! card's thread, mentioning the right people (read by the delegates' own
//! clients), across a clean restart and SIGKILLs at the scheduler's crash
//! points (after claiming a job, after queueing its messages, before the
//! commit). Part of the fault suite.

mod common;

use std::time::Duration;

use common::net::Net;
use common::Backend;
use peerlink::storage::{Database, Outbox};
use serde_json::Value;

/// Acknowledge within 4 s (so the coordinator is called at 8 s); resolve
/// within an hour (never reached here).
fn short_targets(network: String) -> String {
    let defaults = "[targets]\nacknowledge = \"7d\"\nresolve = \"90d\"";
    assert!(network.contains(defaults), "the shipped targets moved");
    network.replace(defaults, "[targets]\nacknowledge = \"4s\"\nresolve = \"1h\"")
}

fn mentioned(event: &Value) -> Vec<String> {
    let mut users: Vec<String> = event["content"]["m.mentions"]["user_ids"]
        .as_array()
        .map(|a| a.iter().filter_map(|u| u.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    users.sort();
    users
}

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

async fn each_reminder_arrives_once_across_restarts_and_kills(backend: Backend) {
    let Some(mut net) = Net::with_network(backend, &short_targets).await else { return };
    let faults = [
        None,
        Some("scheduler_after_claim"),
        Some("scheduler_after_enqueue"),
        Some("scheduler_before_commit"),
    ];
    let mut cards = Vec::new();
    for (i, fault) in faults.into_iter().enumerate() {
        let n = i + 1;
        if let Some(point) = fault {
            assert!(net.bot.terminate().await, "a clean stop:\n{}", net.bot.log());
            net.bot.set_env("PEERLINK_FAULT", Some(point));
            net.bot.launch().await;
        }
        let text = format!("!request membership Reminder test {n}\nPlease help.");
        net.cl.send_text(&net.plenary, &text).await;
        let card = net.card(i64::try_from(n).unwrap()).await;
        if let Some(point) = fault {
            // The first job to run is this request's acknowledge reminder:
            // the bot kills itself there, and runs it again after a start.
            let signal = net.bot.wait_exit(Duration::from_secs(60)).await;
            assert_eq!(signal, Some(9), "killed at {point}:\n{}", net.bot.log());
            net.bot.set_env("PEERLINK_FAULT", None);
            net.bot.launch().await;
        }
        // The acknowledge reminder (4 s), then the coordinator's (8 s).
        net.wait_thread(&net.pt, &net.committee, &card, 2).await;
        cards.push(card);
    }
    // A clean restart, and time for anything that would come twice.
    assert!(net.bot.terminate().await, "a clean stop:\n{}", net.bot.log());
    let healthy_from = net.bot.log().len();
    net.bot.launch().await;
    tokio::time::sleep(Duration::from_secs(6)).await;

    let committee = [&net.ma, &net.pt, &net.py];
    let mut everyone: Vec<String> = committee.iter().map(|c| c.account.user_id.clone()).collect();
    everyone.sort();
    let coordinator = vec![net.ma.account.user_id.clone()];
    for (i, card) in cards.iter().enumerate() {
        let thread = net.thread(&net.pt, &net.committee, card).await;
        let bodies: Vec<&str> = thread.iter().map(body).collect();
        assert_eq!(thread.len(), 2, "#{}: two reminders, once each: {bodies:#?}", i + 1);
        assert!(bodies[0].contains("without acknowledgement"), "{}", bodies[0]);
        assert_eq!(mentioned(&thread[0]), everyone, "the committee's delegates: {}", bodies[0]);
        for user in &everyone {
            assert!(bodies[0].contains(user.as_str()), "named in the text: {}", bodies[0]);
        }
        assert!(bodies[1].contains("twice"), "{}", bodies[1]);
        assert_eq!(mentioned(&thread[1]), coordinator, "the coordinator: {}", bodies[1]);
        let html = thread[0]["content"]["formatted_body"].as_str().unwrap_or_default();
        assert!(html.contains("https://matrix.to/#/@"), "mention pills: {html}");
    }
    let store = Database::connect(&net.db.url, 1).await.unwrap();
    let outbox = store.outbox_counts().await.unwrap();
    assert_eq!((outbox.pending, outbox.failed), (0, 0), "everything delivered, nothing given up");
    store.close().await;
    let log = net.bot.log();
    let last_run = &log[healthy_from..];
    assert!(!last_run.contains(" WARN ") && !last_run.contains(" ERROR "), "healthy:\n{last_run}");
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn each_reminder_arrives_once_across_restarts_and_kills_on_sqlite() {
    each_reminder_arrives_once_across_restarts_and_kills(Backend::Sqlite).await;
}

#[tokio::test]
async fn each_reminder_arrives_once_across_restarts_and_kills_on_postgres() {
    each_reminder_arrives_once_across_restarts_and_kills(Backend::Postgres).await;
}
