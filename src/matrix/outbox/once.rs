//! Exactly once across devices. Every instance of peerlink is a Matrix device
//! of its own, and the homeserver deduplicates a retried send by its
//! transaction ID only for the device that made it. So the sender records
//! which device is about to send an item before it sends it, and puts the
//! item's transaction ID in the event's content (`org.peerlink.txn`, inside
//! the encryption in an encrypted room). Before sending an item that was
//! tried before (by a leader that died between sending and recording, or by
//! this device before a crash), it looks for that marker among the bot's
//! recent messages in the room; found, the delivery is recorded with that
//! event and nothing is sent again.

use std::time::Duration;

use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::api::client::filter::RoomEventFilter;
use matrix_sdk::ruma::events::MessageLikeEventContent;
use matrix_sdk::ruma::{OwnedEventId, OwnedTransactionId, OwnedUserId};
use matrix_sdk::Room;
use serde::Deserialize;
use tracing::{info, warn};

use super::{Failure, OutboxSender};
use crate::storage::{Outbox, OutboxEntry};
use crate::telemetry::metrics;

/// The content field that carries an item's transaction ID.
pub(super) const MARKER: &str = "org.peerlink.txn";

/// The event types the outbox sends (and, in an encrypted room, their
/// envelope): the search reads only these.
const SENT_TYPES: [&str; 4] = [
    "m.room.message",
    "m.room.encrypted",
    "org.matrix.msc3381.poll.start",
    "org.matrix.msc3381.poll.end",
];

/// How far before the recorded attempt the search still looks, for a
/// homeserver whose clock is behind this machine's.
const CLOCK_SLACK: Duration = Duration::from_secs(600);

/// Pages of 100 events read at most: the room's lane holds everything else
/// the bot would post there behind this item, so what the bot sent since the
/// attempt is little (a burst of other devices' sends at most).
const MAX_PAGES: usize = 10;

/// What the bot's recent messages say of an item.
#[derive(Debug, PartialEq, Eq)]
enum Search {
    /// It is in the room, as this event.
    Found(OwnedEventId),
    /// It is not: every message since the attempt was read.
    Absent,
    /// It may be: some of the bot's messages could not be decrypted, or
    /// there were too many to read.
    Unsure(&'static str),
}

impl OutboxSender {
    /// Sends `content` for `entry` into `room` unless an earlier attempt is
    /// there already; either way, the event that carries it.
    pub(super) async fn send_once(
        &self,
        entry: &OutboxEntry,
        room: &Room,
        content: impl MessageLikeEventContent,
    ) -> Result<OwnedEventId, Failure> {
        let event_type = content.event_type().to_string();
        let device = self
            .client
            .device_id()
            .ok_or_else(|| Failure::Transient("the client has no device yet".into(), None))?
            .to_string();
        if let Some((by, at)) = &entry.attempted {
            match self.search(room, &entry.txn_id, *at).await? {
                Search::Found(sent) => {
                    metrics::delivery_recovered();
                    info!(%sent, attempted_by = %by, "already in the room from an earlier attempt; recorded, not sent again");
                    return Ok(sent);
                }
                Search::Absent => {}
                Search::Unsure(why) => {
                    warn!(attempted_by = %by, why, "cannot tell whether an earlier attempt reached the room; sending (it may show twice)");
                }
            }
        }
        self.db.mark_attempting(entry.id, &device).await.map_err(|e| {
            metrics::database_error();
            Failure::Transient(format!("recording the attempt: {e}"), None)
        })?;
        let mut json = serde_json::to_value(content)
            .map_err(|e| Failure::Permanent(format!("the message cannot be encoded: {e}")))?;
        if let Some(object) = json.as_object_mut() {
            object.insert(MARKER.to_owned(), entry.txn_id.clone().into());
        }
        if !self.leadership.acting() {
            // Fencing, once more as close to the send as it goes: the search
            // and the record above took time, in which the lease may have run out.
            return Err(Failure::Pending("this instance no longer leads".into()));
        }
        let txn = OwnedTransactionId::from(entry.txn_id.clone());
        let sent = room
            .send_raw(&event_type, json)
            .with_transaction_id(&txn)
            .await
            .map_err(super::classify)?;
        Ok(sent.response.event_id)
    }

    /// Looks for the bot's message carrying `txn` in `room`, newest first,
    /// back to a little before `attempted_at` (milliseconds since the epoch).
    async fn search(&self, room: &Room, txn: &str, attempted_at: i64) -> Result<Search, Failure> {
        let bot: OwnedUserId = self
            .client
            .user_id()
            .ok_or_else(|| Failure::Transient("the client is not logged in".into(), None))?
            .to_owned();
        let since = attempted_at - i64::try_from(CLOCK_SLACK.as_millis()).unwrap_or(0);
        let mut filter = RoomEventFilter::default();
        filter.senders = Some(vec![bot]);
        filter.types = Some(SENT_TYPES.iter().map(|t| (*t).to_owned()).collect());
        let mut from = None;
        let mut undecryptable = false;
        for _ in 0..MAX_PAGES {
            let mut options = MessagesOptions::backward();
            options.limit = 100u32.into();
            options.filter = filter.clone();
            options.from = from.take();
            let page = room.messages(options).await.map_err(super::classify)?;
            let mut older = false;
            for event in &page.chunk {
                let Ok(seen) = event.raw().deserialize_as_unchecked::<Seen>() else { continue };
                if seen.content.txn.as_deref() == Some(txn) {
                    return Ok(Search::Found(seen.event_id));
                }
                let ts = i64::try_from(seen.origin_server_ts).unwrap_or(i64::MAX);
                older |= ts < since;
                undecryptable |= ts >= since && event.kind.is_utd();
            }
            match page.end {
                Some(end) if !older && !page.chunk.is_empty() => from = Some(end),
                _ if undecryptable => {
                    return Ok(Search::Unsure("some of the bot's messages cannot be decrypted"))
                }
                _ => return Ok(Search::Absent),
            }
        }
        Ok(Search::Unsure("too many of the bot's messages since the attempt"))
    }
}

/// The parts of an event the search reads.
#[derive(Deserialize)]
struct Seen {
    event_id: OwnedEventId,
    origin_server_ts: u64,
    #[serde(default)]
    content: Marked,
}

#[derive(Deserialize, Default)]
struct Marked {
    #[serde(rename = "org.peerlink.txn")]
    txn: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_is_read_from_an_event() {
        let event = serde_json::json!({
            "event_id": "$a:x.org",
            "origin_server_ts": 1_700_000_000_000u64,
            "sender": "@bot:x.org",
            "type": "m.room.message",
            "content": { "msgtype": "m.notice", "body": "hi", MARKER: "peerlink-reply-0-_e" },
        });
        let seen: Seen = serde_json::from_value(event).unwrap();
        assert_eq!(seen.content.txn.as_deref(), Some("peerlink-reply-0-_e"));
        let plain = serde_json::json!({
            "event_id": "$b:x.org", "origin_server_ts": 1u64, "content": { "body": "hi" },
        });
        assert_eq!(serde_json::from_value::<Seen>(plain).unwrap().content.txn, None);
    }
}
