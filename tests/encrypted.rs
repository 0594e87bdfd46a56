#![recursion_limit = "256"]
//! End-to-end encryption: the bot reads and answers in an encrypted room,
//! with a real matrix-sdk client on the other side (keys exchanged through
//! the real Synapse).

mod common;

use std::time::Duration;

use common::bot::BotProcess;
use common::{eventually, Backend, Homeserver, TestDb};
use matrix_sdk::config::SyncSettings;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::api::client::room::create_room;
use matrix_sdk::ruma::events::room::encryption::RoomEncryptionEventContent;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::ruma::events::InitialStateEvent;
use matrix_sdk::ruma::OwnedUserId;
use matrix_sdk::Client;
use serde_json::Value;

#[tokio::test]
async fn the_bot_answers_in_an_encrypted_room() {
    let Some(hs) = Homeserver::from_env() else { return };
    let Some(db) = TestDb::create(Backend::Sqlite).await else { return };
    let admin_account = hs.register("admin-").await;
    let mut bot = BotProcess::start(&hs, &db.url, &[&admin_account.user_id]).await;
    let bot_id = bot.account.user_id.clone();

    let client = Client::builder().homeserver_url(&hs.url).build().await.unwrap();
    client
        .matrix_auth()
        .login_username(&admin_account.user_id, &admin_account.password)
        .send()
        .await
        .unwrap();
    client.sync_once(SyncSettings::default()).await.unwrap();
    let syncing = client.clone();
    let sync_task = tokio::spawn(async move { syncing.sync(SyncSettings::default()).await });

    let mut request = create_room::v3::Request::new();
    request.invite = vec![OwnedUserId::try_from(bot_id.as_str()).unwrap()];
    request.initial_state = vec![InitialStateEvent::with_empty_state_key(
        RoomEncryptionEventContent::with_recommended_defaults(),
    )
    .to_raw_any()];
    let room = client.create_room(request).await.unwrap();
    eventually("the bot to join", Duration::from_secs(20), || async {
        let members = room.members_no_sync(matrix_sdk::RoomMemberships::JOIN).await.ok()?;
        members.iter().any(|m| m.user_id().as_str() == bot_id).then_some(())
    })
    .await;
    // The bot's device keys must be known before sending, or it could not decrypt.
    room.sync_members().await.unwrap();

    let sent = room.send(RoomMessageEventContent::text_plain("!ping")).await.unwrap();
    assert!(room.latest_encryption_state().await.unwrap().is_encrypted());
    let ping_id = sent.response.event_id.to_string();

    let reply = eventually("the bot's answer, decrypted", Duration::from_secs(30), || async {
        let messages = room.messages(MessagesOptions::backward()).await.ok()?;
        messages.chunk.iter().find_map(|event| {
            let json: Value = event.raw().deserialize_as_unchecked().ok()?;
            let replies_to_ping = json["content"]["m.relates_to"]["m.in_reply_to"]["event_id"]
                .as_str()
                == Some(ping_id.as_str());
            // Until the room key arrives by to-device message, the answer
            // stays undecryptable: keep waiting.
            let decrypted = !event.kind.is_utd();
            (json["sender"] == bot_id.as_str() && replies_to_ping && decrypted)
                .then(|| (json, event.encryption_info().is_some()))
        })
    })
    .await;

    let (json, was_encrypted) = reply;
    assert!(was_encrypted, "the bot answered in clear text in an encrypted room");
    assert_eq!(json["content"]["msgtype"], "m.notice", "{json}");
    assert!(json["content"]["body"].as_str().unwrap().starts_with("Pong"), "{json}");

    sync_task.abort();
    assert!(bot.terminate().await);
    db.cleanup().await;
}
