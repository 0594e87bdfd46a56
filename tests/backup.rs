#![recursion_limit = "256"]
//! Backup and restore against the real Synapse, on SQLite and PostgreSQL: a
//! backup taken while the bot runs a request flow, restored onto an empty
//! machine (a new database and data directory), started: the same device,
//! the flow goes on, nothing answered twice, nothing lost. And a second
//! `peerlink run` on a SQLite file in use is refused with a clear message.

mod common;

use std::time::Duration;

use common::net::Net;
use common::{eventually, Backend, TestDb};
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

async fn a_backup_restored_elsewhere_carries_on_exactly_once(backend: Backend) {
    let Some(mut net) = Net::new(backend).await else { return };
    let bot = net.bot_id();

    // Live: a request filed and acknowledged.
    let filed = net.cl.send_text(&net.plenary, "!request membership Backed-up request").await;
    net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 1).await;
    let ack = net.ma.send_text(&net.committee, "!ack 1").await;
    net.ma.wait_reply(&net.committee, &bot, ack.as_str()).await;
    net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 2).await;

    // The backup, while the bot runs.
    let dir = tempfile::tempdir().unwrap();
    let backup_dir = dir.path().join("backup");
    let data_dir = net.bot.data_dir.display().to_string();
    let made = common::cli::peerlink(
        dir.path(),
        &["backup", backup_dir.to_str().unwrap()],
        &[("PEERLINK__DATABASE__URL", net.db.url.as_str()), ("PEERLINK__DATA_DIR", &data_dir)],
    );
    assert!(made.ok(), "{}", made.text());
    assert!(made.stdout.contains("matrix-store/"), "the Matrix store too: {}", made.text());
    let device = |dir: &str| -> String {
        let session = std::fs::read_to_string(format!("{dir}/matrix-session.json")).unwrap();
        serde_json::from_str::<Value>(&session).unwrap()["device_id"].as_str().unwrap().to_owned()
    };
    let original_device = device(&data_dir);

    // The machine is lost; the backup goes onto an empty one.
    assert!(net.bot.terminate().await, "{}", net.bot.log());
    let target = TestDb::create(backend).await.unwrap();
    let new_data = dir.path().join("new-data");
    let restore_env = [
        ("PEERLINK__DATABASE__URL", target.url.as_str()),
        ("PEERLINK__DATA_DIR", new_data.to_str().unwrap()),
    ];
    let restored =
        common::cli::peerlink(dir.path(), &["restore", backup_dir.to_str().unwrap()], &restore_env);
    assert!(restored.ok(), "{}", restored.text());
    let again =
        common::cli::peerlink(dir.path(), &["restore", backup_dir.to_str().unwrap()], &restore_env);
    assert!(!again.ok() && again.text().contains("empty"), "never over data: {}", again.text());
    assert_eq!(device(new_data.to_str().unwrap()), original_device, "the same device");

    net.bot.set_env("PEERLINK__DATABASE__URL", Some(&target.url));
    net.bot.set_env("PEERLINK__DATA_DIR", Some(new_data.to_str().unwrap()));
    net.bot.launch().await;

    // The flow goes on.
    for (step, notice) in [("!accept 1 PT", "assigned to Portugal"), ("!start 1", "has started")] {
        let sent = net.ma.send_text(&net.committee, step).await;
        net.ma.wait_reply(&net.committee, &bot, sent.as_str()).await;
        let notices = net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 3).await;
        assert!(notices.iter().any(|n| body(n).contains(notice)), "{step}: {notices:?}");
    }
    tokio::time::sleep(Duration::from_secs(3)).await;

    // Nothing twice: one answer per command, one notice per step.
    let notices = net.thread(&net.cl, &net.plenary, filed.as_str()).await;
    let bodies: Vec<&str> = notices.iter().map(body).collect();
    assert_eq!(notices.len(), 4, "filed, acknowledged, accepted, started: {bodies:#?}");
    let replies = net.ma.replies_to(&net.committee, &bot, ack.as_str()).await;
    assert_eq!(replies.len(), 1, "the acknowledgement answered once");
    let cards = eventually("the card", Duration::from_secs(10), || async {
        let events = net.pt.all_events(&net.committee).await;
        let cards = events
            .iter()
            .filter(|e| e["sender"] == bot.as_str() && e["content"]["m.relates_to"].is_null())
            .filter(|e| body(e).contains("Request #1 ·"))
            .count();
        (cards > 0).then_some(cards)
    })
    .await;
    assert_eq!(cards, 1, "one card");
    let log = net.bot.log();
    let bad: Vec<&str> =
        log.lines().filter(|l| l.contains(" WARN ") || l.contains(" ERROR ")).collect();
    assert!(bad.is_empty(), "a healthy run:\n{}", bad.join("\n"));
    target.cleanup().await;
    net.db.cleanup().await;
}

#[tokio::test]
async fn a_backup_restored_elsewhere_carries_on_exactly_once_on_sqlite() {
    a_backup_restored_elsewhere_carries_on_exactly_once(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_backup_restored_elsewhere_carries_on_exactly_once_on_postgres() {
    a_backup_restored_elsewhere_carries_on_exactly_once(Backend::Postgres).await;
}

#[tokio::test]
async fn a_second_instance_on_a_sqlite_file_in_use_is_refused() {
    let Some(net) = Net::new(Backend::Sqlite).await else { return };
    let dir = tempfile::tempdir().unwrap();
    let second = common::cli::peerlink(
        dir.path(),
        &["run"],
        &[
            ("PEERLINK__DATABASE__URL", net.db.url.as_str()),
            ("PEERLINK__MATRIX__HOMESERVER_URL", net.hs.url.as_str()),
            ("PEERLINK__MATRIX__USER_ID", net.bot_id().as_str()),
            ("PEERLINK__MATRIX__PASSWORD", net.bot.account.password.as_str()),
            ("PEERLINK__HTTP__LISTEN", "127.0.0.1:0"),
        ],
    );
    assert!(!second.ok(), "{}", second.text());
    assert!(
        second.text().contains("another `peerlink run` is using the SQLite database"),
        "{}",
        second.text()
    );
    net.db.cleanup().await;
}
