//! No command vanishes under the rate limit, against the real Synapse: a
//! brisk sender's commands beyond the burst wait their turn and are all
//! answered, in order; beyond the backlog each refused command is named to
//! its sender; deferred commands survive a crash (SIGKILL) and are answered
//! once after the restart, on SQLite and PostgreSQL.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::bot::BotProcess;
use common::client::TestClient;
use common::{eventually, Backend, Homeserver, TestDb};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId};
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

/// The bot's replies in `room`, by the event they answer.
async fn replies(
    client: &TestClient,
    room: &OwnedRoomId,
    bot: &str,
) -> BTreeMap<String, Vec<String>> {
    let mut by_command: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for event in client.all_events(room).await {
        if event["sender"] != bot || event["type"] != "m.room.message" {
            continue;
        }
        if let Some(to) = event["content"]["m.relates_to"]["m.in_reply_to"]["event_id"].as_str() {
            by_command.entry(to.to_owned()).or_default().push(body(&event).to_owned());
        }
    }
    by_command
}

/// What one command got: its answer (a pong or a refusal naming it), and
/// whether a notice of deferral came too.
fn answers(replies: &[String]) -> (Vec<&String>, usize) {
    let notices = replies.iter().filter(|r| r.contains("in the order you sent them")).count();
    let answers = replies
        .iter()
        .filter(|r| r.starts_with("Pong") || r.contains("I did not carry out `!ping`"))
        .collect();
    (answers, notices)
}

/// Waits until each of `sent` has an answer (a pong or a refusal naming
/// it), then a little longer for any that would come twice; every reply by
/// the command it answers.
async fn all_answered(
    client: &TestClient,
    room: &OwnedRoomId,
    bot: &str,
    sent: &[OwnedEventId],
) -> BTreeMap<String, Vec<String>> {
    let what = format!("an answer to each of the {}", sent.len());
    eventually(&what, Duration::from_secs(90), || async {
        let got = replies(client, room, bot).await;
        let done =
            sent.iter().all(|id| got.get(id.as_str()).is_some_and(|r| !answers(r).0.is_empty()));
        done.then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    replies(client, room, bot).await
}

/// A direct chat between a new admin and a bot started with `env`.
async fn direct_chat(
    hs: &Homeserver,
    db: &TestDb,
    env: &[(&str, &str)],
) -> (BotProcess, TestClient, OwnedRoomId) {
    let admin = hs.register("admin-").await;
    let bot = BotProcess::start_with_env(hs, &db.url, &[&admin.user_id], env).await;
    let client = TestClient::login(hs, &admin).await;
    let room = client.create_room(&[&bot.account.user_id]).await;
    client.wait_joined(&room, &bot.account.user_id).await;
    (bot, client, room)
}

#[tokio::test]
async fn forty_commands_from_one_sender_in_ten_seconds_are_all_answered_in_order() {
    let Some(hs) = Homeserver::from_env() else { return };
    let Some(db) = TestDb::create(Backend::Sqlite).await else { return };
    let (mut bot, client, room) = direct_chat(&hs, &db, &[]).await;
    let bot_id = bot.account.user_id.clone();

    let mut sent: Vec<OwnedEventId> = Vec::new();
    for _ in 0..40 {
        sent.push(client.send_text(&room, "!ping").await);
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let all = all_answered(&client, &room, &bot_id, &sent).await;
    let mut notices = 0;
    for id in &sent {
        let (answers, n) = answers(&all[id.as_str()]);
        assert_eq!(answers.len(), 1, "{id}: {:?}", all[id.as_str()]);
        assert!(answers[0].starts_with("Pong"), "the defaults take a brisk human: {}", answers[0]);
        notices += n;
    }
    assert!(notices <= 1, "the sender is told once that commands wait their turn");
    let log = bot.log();
    assert!(log.contains("deferred"), "some commands waited their turn:\n{log}");
    assert!(bot.terminate().await);
    db.cleanup().await;
}

async fn deferred_commands_survive_a_crash_and_refused_ones_are_named(backend: Backend) {
    let Some(hs) = Homeserver::from_env() else { return };
    let Some(db) = TestDb::create(backend).await else { return };
    // Two at once, then one every 3 s; three may wait. (At one a second, a
    // loaded machine sending the eight over more than a second freed a
    // slot: four waited and two were refused.)
    let env = [
        ("PEERLINK__BOT__RATE_LIMIT_PER_MINUTE", "20"),
        ("PEERLINK__BOT__RATE_LIMIT_BURST", "2"),
        ("PEERLINK__BOT__RATE_LIMIT_BACKLOG", "3"),
    ];
    let (mut bot, client, room) = direct_chat(&hs, &db, &env).await;
    let bot_id = bot.account.user_id.clone();
    let mut sent = Vec::new();
    for _ in 0..8 {
        sent.push(client.send_text(&room, "!ping").await);
    }
    // The three beyond the backlog are refused (and said so) before the
    // crash; at least one deferred command is still waiting when it comes.
    eventually("three deferred, three refused", Duration::from_secs(20), || async {
        let got = replies(&client, &room, &bot_id).await;
        let refused = got.values().flatten().filter(|r| r.contains("I did not carry out")).count();
        (bot.log().matches("deferred due_at").count() >= 3 && refused >= 3).then_some(())
    })
    .await;
    bot.kill().await;
    let store = peerlink::storage::Database::connect(&db.url, 1).await.unwrap();
    use peerlink::storage::JobStore;
    let jobs = store.due_jobs(i64::MAX, 10).await.unwrap();
    let waiting = jobs.iter().filter(|j| j.kind == "command").count();
    assert!(waiting >= 1, "a deferred command waits across the crash");
    bot.launch().await;

    let all = all_answered(&client, &room, &bot_id, &sent).await;
    let kinds: Vec<&str> = sent
        .iter()
        .map(|id| {
            let (answers, _) = answers(&all[id.as_str()]);
            assert_eq!(answers.len(), 1, "{id}: one answer: {:?}", all[id.as_str()]);
            if answers[0].starts_with("Pong") {
                "pong"
            } else {
                "refused"
            }
        })
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "pong").count(), 5, "{kinds:?}");
    assert_eq!(kinds.iter().filter(|k| **k == "refused").count(), 3, "{kinds:?}");
    assert_eq!(&kinds[..2], ["pong", "pong"], "the burst at once: {kinds:?}");
    let left = store.due_jobs(i64::MAX, 10).await.unwrap();
    let commands = left.iter().filter(|j| j.kind == "command").count();
    assert_eq!(commands, 0, "every deferred one ran: {left:?}");
    store.close().await;
    assert!(bot.terminate().await);
    db.cleanup().await;
}

#[tokio::test]
async fn deferred_commands_survive_a_crash_and_refused_ones_are_named_on_sqlite() {
    deferred_commands_survive_a_crash_and_refused_ones_are_named(Backend::Sqlite).await;
}

#[tokio::test]
async fn deferred_commands_survive_a_crash_and_refused_ones_are_named_on_postgres() {
    deferred_commands_survive_a_crash_and_refused_ones_are_named(Backend::Postgres).await;
}
