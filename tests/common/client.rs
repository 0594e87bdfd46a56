//! A test user's Matrix client: matrix-sdk with plain client-server requests,
//! so tests see rooms exactly as the homeserver stores them.

use std::time::Duration;

use matrix_sdk::ruma::api::client::membership::invite_user;
use matrix_sdk::ruma::api::client::membership::joined_members;
use matrix_sdk::ruma::api::client::message::{get_message_events, send_message_event};
use matrix_sdk::ruma::api::client::room::create_room;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::ruma::events::AnyMessageLikeEventContent;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, TransactionId};
use matrix_sdk::Client;
use serde_json::Value;

use super::{eventually, Account, Homeserver};

/// A logged-in test user.
pub struct TestClient {
    /// The underlying client.
    pub client: Client,
    /// The account.
    pub account: Account,
}

impl TestClient {
    /// Logs `account` in.
    pub async fn login(hs: &Homeserver, account: &Account) -> Self {
        let client = Client::builder().homeserver_url(&hs.url).build().await.unwrap();
        client
            .matrix_auth()
            .login_username(&account.user_id, &account.password)
            .initial_device_display_name("peerlink test client")
            .send()
            .await
            .unwrap();
        Self { client, account: account.clone() }
    }

    /// Creates a private room and invites `invitees`.
    pub async fn create_room(&self, invitees: &[&str]) -> OwnedRoomId {
        let mut request = create_room::v3::Request::new();
        request.invite = invitees.iter().map(|u| OwnedUserId::try_from(*u).unwrap()).collect();
        request.name = Some("peerlink test".into());
        self.client.send(request).await.unwrap().room_id
    }

    /// Invites `user` to `room`.
    pub async fn invite(&self, room: &OwnedRoomId, user: &str) {
        let request = invite_user::v3::Request::new(
            room.clone(),
            invite_user::v3::InviteUserId::new(OwnedUserId::try_from(user).unwrap()).into(),
        );
        self.client.send(request).await.unwrap();
    }

    /// Whether `user` has joined `room`.
    pub async fn is_joined(&self, room: &OwnedRoomId, user: &str) -> bool {
        let request = joined_members::v3::Request::new(room.clone());
        let members = self.client.send(request).await.unwrap().joined;
        members.keys().any(|u| u.as_str() == user)
    }

    /// Waits until `user` joined `room`.
    pub async fn wait_joined(&self, room: &OwnedRoomId, user: &str) {
        eventually(&format!("{user} to join"), Duration::from_secs(20), || async {
            self.is_joined(room, user).await.then_some(())
        })
        .await;
    }

    /// Sends any message content; returns its event ID.
    pub async fn send(&self, room: &OwnedRoomId, content: RoomMessageEventContent) -> OwnedEventId {
        let content = AnyMessageLikeEventContent::RoomMessage(content);
        let request =
            send_message_event::v3::Request::new(room.clone(), TransactionId::new(), &content)
                .unwrap();
        self.client.send(request).await.unwrap().event_id
    }

    /// Sends a text message.
    pub async fn send_text(&self, room: &OwnedRoomId, body: &str) -> OwnedEventId {
        self.send(room, RoomMessageEventContent::text_plain(body)).await
    }

    /// Sends raw JSON content as `m.room.message` (edits, odd shapes).
    pub async fn send_raw(&self, room: &OwnedRoomId, content: Value) -> OwnedEventId {
        self.send_event(room, "m.room.message", content).await
    }

    /// Sends raw JSON content as an event of type `kind`.
    pub async fn send_event(&self, room: &OwnedRoomId, kind: &str, content: Value) -> OwnedEventId {
        let raw = matrix_sdk::ruma::serde::Raw::new(&content).unwrap().cast_unchecked();
        let request = send_message_event::v3::Request::new_raw(
            room.clone(),
            TransactionId::new(),
            kind.into(),
            raw,
        );
        self.client.send(request).await.unwrap().event_id
    }

    /// Answers poll `poll` with `answer` (MSC3381, as a client with polls does).
    pub async fn respond_to_poll(&self, room: &OwnedRoomId, poll: &str, answer: &str) {
        let content = serde_json::json!({
            "org.matrix.msc3381.poll.response": { "answers": [answer] },
            "m.relates_to": { "rel_type": "m.reference", "event_id": poll },
        });
        let raw = matrix_sdk::ruma::serde::Raw::new(&content).unwrap().cast_unchecked();
        let request = send_message_event::v3::Request::new_raw(
            room.clone(),
            TransactionId::new(),
            "org.matrix.msc3381.poll.response".into(),
            raw,
        );
        self.client.send(request).await.unwrap();
    }

    /// Reacts to `target` with `key`.
    pub async fn react(&self, room: &OwnedRoomId, target: &str, key: &str) -> OwnedEventId {
        let content = serde_json::json!({
            "m.relates_to": {"rel_type": "m.annotation", "event_id": target, "key": key}
        });
        let raw = matrix_sdk::ruma::serde::Raw::new(&content).unwrap().cast_unchecked();
        let request = send_message_event::v3::Request::new_raw(
            room.clone(),
            TransactionId::new(),
            "m.reaction".into(),
            raw,
        );
        self.client.send(request).await.unwrap().event_id
    }

    /// The last 200 events of `room`, oldest first, as JSON.
    pub async fn events(&self, room: &OwnedRoomId) -> Vec<Value> {
        let mut request = get_message_events::v3::Request::backward(room.clone());
        request.limit = 200u32.into();
        let response = self.client.send(request).await.unwrap();
        let mut events: Vec<Value> =
            response.chunk.iter().map(|e| e.deserialize_as_unchecked().unwrap()).collect();
        events.reverse();
        events
    }

    /// Every event of `room` from its creation, oldest first, as JSON.
    pub async fn all_events(&self, room: &OwnedRoomId) -> Vec<Value> {
        let mut events = Vec::new();
        let mut from: Option<String> = None;
        loop {
            let mut request = get_message_events::v3::Request::backward(room.clone());
            request.limit = 500u32.into();
            request.from = from.clone();
            let response = self.client.send(request).await.unwrap();
            events.extend(
                response.chunk.iter().map(|e| e.deserialize_as_unchecked::<Value>().unwrap()),
            );
            match response.end {
                Some(end) if !response.chunk.is_empty() => from = Some(end),
                _ => break,
            }
        }
        events.reverse();
        events
    }

    /// Messages from `sender` that reply to `event_id` (directly or in a thread).
    pub async fn replies_to(&self, room: &OwnedRoomId, sender: &str, event_id: &str) -> Vec<Value> {
        self.events(room)
            .await
            .into_iter()
            // In encrypted rooms the reply is an m.room.encrypted event whose
            // relation stays in clear.
            .filter(|e| matches!(e["type"].as_str(), Some("m.room.message" | "m.room.encrypted")))
            .filter(|e| e["sender"] == sender)
            .filter(|e| {
                e["content"]["m.relates_to"]["m.in_reply_to"]["event_id"].as_str() == Some(event_id)
            })
            .collect()
    }

    /// Waits for the first reply from `sender` to `event_id`.
    pub async fn wait_reply(&self, room: &OwnedRoomId, sender: &str, event_id: &str) -> Value {
        eventually(&format!("a reply to {event_id}"), Duration::from_secs(20), || async {
            self.replies_to(room, sender, event_id).await.into_iter().next()
        })
        .await
    }
}
