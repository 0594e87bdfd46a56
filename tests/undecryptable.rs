//! An event the bot's device cannot decrypt (its key never reaches it) is
//! not dropped: it is kept, tried again, and after the last try its sender
//! is told, once, even across a crash in between; a second one the same
//! day in the same room is recorded without telling them again.

mod common;

use std::time::{Duration, Instant};

use common::bot::BotProcess;
use common::client::TestClient;
use common::{eventually, Backend, Homeserver, TestDb};
use matrix_sdk::ruma::OwnedRoomId;
use serde_json::json;

/// A Megolm event whose session no device of the bot has a key for.
fn undecryptable() -> serde_json::Value {
    json!({
        "algorithm": "m.megolm.v1.aes-sha2",
        "ciphertext": "AwgAEnB4om2dOFsBcmV0dXJuIG5vdGhpbmcgYXQgYWxs",
        "device_id": "NOSUCHDEVICE",
        "sender_key": "aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd28",
        "session_id": "c2Vzc2lvbiBub3QgZm91bmQgc2Vzc2lvbiBub3QgZm8",
    })
}

async fn outcome(url: &str, event_id: &str) -> Option<String> {
    let pool = sqlx::SqlitePool::connect(url).await.ok()?;
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT outcome FROM processed_events WHERE event_id = $1")
            .bind(event_id)
            .fetch_optional(&pool)
            .await
            .ok()?;
    pool.close().await;
    row.and_then(|(o,)| o)
}

#[tokio::test]
async fn an_undecryptable_message_is_tried_again_then_its_sender_is_told_once() {
    let Some(hs) = Homeserver::from_env() else { return };
    let Some(db) = TestDb::create(Backend::Sqlite).await else { return };
    let admin = hs.register("admin-").await;
    let mut bot = BotProcess::start(&hs, &db.url, &[&admin.user_id]).await;
    let bot_id = bot.account.user_id.clone();
    let client = TestClient::login(&hs, &admin).await;
    let room: OwnedRoomId = client.create_room(&[&bot_id]).await;
    client.wait_joined(&room, &bot_id).await;
    let ping = client.send_text(&room, "!ping").await;
    client.wait_reply(&room, &bot_id, ping.as_str()).await;

    // Kept before the crash, told after it.
    let sent = Instant::now();
    let first = client.send_event(&room, "m.room.encrypted", undecryptable()).await;
    bot.wait_for_log("cannot decrypt it yet").await;
    bot.kill().await;
    bot.launch().await;
    let told = eventually("the sender told", Duration::from_secs(90), || async {
        client.replies_to(&room, &bot_id, first.as_str()).await.into_iter().next()
    })
    .await;
    let waited = sent.elapsed();
    let body = told["content"]["body"].as_str().unwrap_or_default().to_owned();
    assert!(body.contains("could not read the encrypted message"), "{body}");
    // Three tries, 2 + 5 + 15 s apart, come before it.
    assert!(waited >= Duration::from_secs(20), "told after {waited:?}, before the last try");
    let recorded = outcome(&db.url, first.as_str()).await;
    assert_eq!(recorded.as_deref(), Some("undecrypted: sender told"));

    // The same day in the same room: recorded, not told again.
    let second = client.send_event(&room, "m.room.encrypted", undecryptable()).await;
    eventually("the second one recorded", Duration::from_secs(90), || async {
        let outcome = outcome(&db.url, second.as_str()).await;
        (outcome.as_deref() == Some("undecrypted: sender told earlier today")).then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(client.replies_to(&room, &bot_id, first.as_str()).await.len(), 1, "told once");
    assert!(client.replies_to(&room, &bot_id, second.as_str()).await.is_empty());

    let log = bot.log();
    assert_eq!(log.matches("an event cannot be decrypted yet").count(), 2, "{log}");
    // The operator hears of it once, as the sender did.
    let told = "could not decrypt an event; its sender is told";
    assert_eq!(log.lines().filter(|l| l.contains(" WARN ") && l.contains(told)).count(), 1);
    let bad: Vec<&str> = log
        .lines()
        .filter(|l| l.contains(" WARN ") || l.contains(" ERROR "))
        .filter(|l| !l.contains(told))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    drop(bot);
    db.cleanup().await;
}
