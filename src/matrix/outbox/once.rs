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
        let mut unreadable = false;
        for _ in 0..MAX_PAGES {
            let mut options = MessagesOptions::backward();
            options.limit = 100u32.into();
            options.filter = filter.clone();
            options.from = from.take();
            let page = room.messages(options).await.map_err(super::classify)?;
            let seen: Vec<Seen> = page
                .chunk
                .iter()
                .filter_map(|event| {
                    let mut seen = event.raw().deserialize_as_unchecked::<Seen>().ok()?;
                    seen.unreadable = event.kind.is_utd();
                    Some(seen)
                })
                .collect();
            let more = page.end.is_some() && !page.chunk.is_empty();
            match judge(&seen, txn, since, &mut unreadable, more) {
                Some(verdict) => return Ok(verdict),
                None => from = page.end,
            }
        }
        Ok(Search::Unsure("too many of the bot's messages since the attempt"))
    }
}

/// What one page of the bot's messages (newest first) says of `txn`, given
/// whether an earlier page held an unreadable message since `since`
/// (updated); `None`: read the next page (`more`: there is one, the room's
/// beginning is not reached).
fn judge(
    page: &[Seen],
    txn: &str,
    since: i64,
    unreadable: &mut bool,
    more: bool,
) -> Option<Search> {
    let mut older = false;
    for seen in page {
        if seen.content.txn.as_deref() == Some(txn) {
            return Some(Search::Found(seen.event_id.clone()));
        }
        let ts = i64::try_from(seen.origin_server_ts).unwrap_or(i64::MAX);
        older |= ts < since;
        *unreadable |= ts >= since && seen.unreadable;
    }
    if more && !older {
        None
    } else if *unreadable {
        Some(Search::Unsure("some of the bot's messages cannot be decrypted"))
    } else {
        Some(Search::Absent)
    }
}

/// The parts of an event the search reads.
#[derive(Deserialize)]
struct Seen {
    event_id: OwnedEventId,
    origin_server_ts: u64,
    #[serde(default)]
    content: Marked,
    /// It could not be decrypted (its content is the ciphertext).
    #[serde(skip)]
    unreadable: bool,
}

#[derive(Deserialize, Default)]
struct Marked {
    #[serde(rename = "org.peerlink.txn")]
    txn: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(id: &str, ts: u64, txn: Option<&str>, unreadable: bool) -> Seen {
        Seen {
            event_id: OwnedEventId::try_from(id).unwrap(),
            origin_server_ts: ts,
            content: Marked { txn: txn.map(str::to_owned) },
            unreadable,
        }
    }

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

    #[test]
    fn the_search_finds_reads_on_and_stops_where_it_should() {
        let mut unreadable = false;
        let page =
            [seen("$new:x", 5_000, Some("other"), false), seen("$it:x", 4_000, Some("t"), false)];
        let found = judge(&page, "t", 3_000, &mut unreadable, true);
        assert_eq!(found, Some(Search::Found(OwnedEventId::try_from("$it:x").unwrap())));
        // Everything on the page is since the attempt and there is more: read on.
        let recent = [seen("$a:x", 5_000, Some("other"), false)];
        assert_eq!(judge(&recent, "t", 3_000, &mut unreadable, true), None);
        // A message from before the attempt ends the search; so does the
        // room's beginning.
        let reached = [seen("$a:x", 5_000, None, false), seen("$b:x", 2_000, None, false)];
        assert_eq!(judge(&reached, "t", 3_000, &mut unreadable, true), Some(Search::Absent));
        assert_eq!(judge(&recent, "t", 3_000, &mut unreadable, false), Some(Search::Absent));
        assert_eq!(judge(&[], "t", 3_000, &mut unreadable, false), Some(Search::Absent));
    }

    #[test]
    fn an_unreadable_message_since_the_attempt_makes_the_search_unsure() {
        let mut unreadable = false;
        let page = [seen("$a:x", 5_000, None, true)];
        assert_eq!(judge(&page, "t", 3_000, &mut unreadable, true), None);
        let end = [seen("$b:x", 2_000, None, false)];
        assert!(matches!(judge(&end, "t", 3_000, &mut unreadable, true), Some(Search::Unsure(_))));
        // One from before the attempt does not count; a match still wins.
        let mut unreadable = false;
        let old = [seen("$c:x", 2_000, None, true)];
        assert_eq!(judge(&old, "t", 3_000, &mut unreadable, true), Some(Search::Absent));
        let mut unreadable = true;
        let page = [seen("$d:x", 5_000, Some("t"), false)];
        assert!(matches!(judge(&page, "t", 3_000, &mut unreadable, true), Some(Search::Found(_))));
    }
}
