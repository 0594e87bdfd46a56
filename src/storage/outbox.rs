//! The outbox: what the bot decided to send or do, recorded in the same
//! transaction as the handling of the event that caused it, and delivered
//! afterwards by the sender task (`matrix::outbox`). A crash before the
//! commit undoes both the handling and the messages (the event comes back
//! and is handled again); a crash after it leaves the messages here, to be
//! sent on restart. Each item has a transaction ID fixed when it is written,
//! so a send that reached the homeserver before a crash is not repeated.

use serde::{Deserialize, Serialize};

use super::{now_ms, on_pool, Database, StorageError};

/// Where an outgoing message goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Destination {
    /// A reply to `event` in `room`, inside `thread` when there is one.
    Reply {
        /// The room.
        room: String,
        /// The message answered.
        event: String,
        /// The thread the answer belongs to.
        thread: Option<String>,
    },
    /// A request's card, posted on its own in the committee room.
    Card {
        /// The request.
        request: i64,
    },
    /// The thread of a request's card.
    CardThread {
        /// The request.
        request: i64,
    },
    /// The thread of the message that filed a request (the requester's).
    RequesterThread {
        /// The request.
        request: i64,
    },
    /// A seminar's announcement in its room (remembered when delivered:
    /// reactions to it are answers).
    Announcement {
        /// The seminar.
        seminar: i64,
    },
    /// A reply to the command that opened a membership application (the
    /// applicant is told the decision there).
    Applicant {
        /// The application.
        application: i64,
    },
    /// A provisioned room, on its own (a digest, a reminder).
    Room {
        /// The room's kind, as stored (`plenary`, `regional`, `committee`).
        room_kind: String,
        /// The room's key (the region for a regional room).
        room_key: String,
    },
}

/// One thing to do once the transaction that decided it has committed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum Outgoing {
    /// Send a notice.
    Message {
        /// Where.
        to: Destination,
        /// Plain-text body.
        plain: String,
        /// HTML body.
        html: String,
        /// Who is mentioned (full Matrix user IDs), for `m.mentions`: their
        /// clients notify them.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        mentions: Vec<String>,
    },
    /// Invite `user` to a provisioned room.
    Invite {
        /// Full Matrix user ID.
        user: String,
        /// The room's kind, as stored (`regional`, …).
        room_kind: String,
        /// The room's key (the region for a regional room).
        room_key: String,
    },
    /// Bring the rooms in line with the roster.
    Reconcile,
    /// A membership application's poll in the committee room (remembered
    /// when delivered: its responses are votes).
    Poll {
        /// The application.
        application: i64,
        /// The question, plain (also the fallback for clients without polls).
        plain: String,
        /// The question, HTML.
        html: String,
        /// The answers: ID and label.
        answers: Vec<(String, String)>,
    },
    /// The end of an application's poll, with the decision.
    PollEnd {
        /// The application.
        application: i64,
        /// The decision, plain.
        plain: String,
    },
}

impl Outgoing {
    /// Whether a failed attempt may be left for later while the items after
    /// it go ahead (an invitation: its order does not matter, and the
    /// invitee's homeserver may be down for a while). Messages keep their order.
    pub fn is_deferrable(&self) -> bool {
        matches!(self, Outgoing::Invite { .. })
    }

    /// A short name for logs, metrics and the transaction ID.
    pub fn kind(&self) -> &'static str {
        match self {
            Outgoing::Message { to: Destination::Reply { .. }, .. } => "reply",
            Outgoing::Message { to: Destination::Card { .. }, .. } => "card",
            Outgoing::Message { to: Destination::CardThread { .. }, .. } => "relay",
            Outgoing::Message { to: Destination::RequesterThread { .. }, .. } => "notice",
            Outgoing::Message { to: Destination::Room { .. }, .. } => "post",
            Outgoing::Message { to: Destination::Announcement { .. }, .. } => "announcement",
            Outgoing::Message { to: Destination::Applicant { .. }, .. } => "applicant",
            Outgoing::Poll { .. } => "poll",
            Outgoing::PollEnd { .. } => "poll_end",
            Outgoing::Invite { .. } => "invite",
            Outgoing::Reconcile => "reconcile",
        }
    }
}

/// An item waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    /// Its place in the delivery order.
    pub id: i64,
    /// The event whose handling decided it.
    pub event_id: String,
    /// What to do.
    pub item: Outgoing,
    /// The transaction ID to send it with.
    pub txn_id: String,
    /// Failed attempts so far.
    pub attempts: i64,
    /// When it was written (milliseconds since the Unix epoch).
    pub created_at: i64,
    /// The Matrix device that last tried to send it, and when (milliseconds
    /// since the Unix epoch): `None` until a first attempt.
    pub attempted: Option<(String, i64)>,
}

/// How many items are waiting and how many could not be delivered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// Not yet delivered.
    pub pending: i64,
    /// Given up on (the reason is in `last_error`).
    pub failed: i64,
    /// Creation time of the oldest pending item.
    pub oldest_pending_at: Option<i64>,
}

/// What happens to an item after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Tried again before anything after it.
    InPlace,
    /// Left for later (milliseconds since the Unix epoch); later items go first.
    NotBefore(i64),
    /// Not tried again.
    GiveUp,
}

/// The transaction ID of item `seq` decided while handling `event_id`:
/// the same on every attempt, different for every item.
pub fn transaction_id(kind: &str, event_id: &str, seq: usize) -> String {
    let safe: String =
        event_id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    format!("peerlink-{kind}-{seq}-{safe}")
}

/// The outbox table.
pub trait Outbox {
    /// Writes `items`, in order, as decided while handling `event_id` (after
    /// any items written for it before). Run it in the unit of work that
    /// handles the event.
    fn enqueue(
        &self,
        event_id: &str,
        items: &[Outgoing],
    ) -> impl std::future::Future<Output = Result<(), StorageError>> + Send;

    /// The first `limit` pending items due now (not deferred), oldest first.
    fn pending(
        &self,
        limit: i64,
    ) -> impl std::future::Future<Output = Result<Vec<OutboxEntry>, StorageError>> + Send;

    /// Records that `device` is about to send item `id`, before it does: a
    /// device taking the lead later knows the item may be in the room
    /// already (the homeserver deduplicates transaction IDs per device).
    fn mark_attempting(
        &self,
        id: i64,
        device: &str,
    ) -> impl std::future::Future<Output = Result<(), StorageError>> + Send;

    /// Records item `id` as delivered (as event `sent_event`, for a message).
    fn mark_sent(
        &self,
        id: i64,
        sent_event: Option<&str>,
    ) -> impl std::future::Future<Output = Result<(), StorageError>> + Send;

    /// Records a failed attempt at item `id`: it is retried at once (in
    /// place), deferred, or given up on.
    fn mark_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next: Retry,
    ) -> impl std::future::Future<Output = Result<(), StorageError>> + Send;

    /// Pending and failed counts, for health and metrics.
    fn outbox_counts(
        &self,
    ) -> impl std::future::Future<Output = Result<OutboxCounts, StorageError>> + Send;
}

impl Outbox for Database {
    async fn enqueue(&self, event_id: &str, items: &[Outgoing]) -> Result<(), StorageError> {
        if items.is_empty() {
            return Ok(());
        }
        let now = now_ms();
        // An event may be answered in steps (a deferred command's notice,
        // then its answer): items continue after those already written.
        let next = "SELECT COALESCE(MAX(seq) + 1, 0) FROM outbox WHERE event_id = $1";
        let first: i64 = on_pool!(self, pool => {
            sqlx::query_scalar(next).bind(event_id).fetch_one(pool).await?
        });
        let first = usize::try_from(first).unwrap_or(0);
        let mut rows = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let seq = first + i;
            let json = serde_json::to_string(item)
                .map_err(|e| StorageError::Corrupt(format!("an outbox item: {e}")))?;
            let txn = transaction_id(item.kind(), event_id, seq);
            rows.push((i64::try_from(seq).unwrap_or(i64::MAX), item.kind(), json, txn));
        }
        // One statement for all the items (ids follow the order of the rows).
        on_pool!(self, pool => {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO outbox (event_id, seq, kind, item, txn_id, created_at) ",
            );
            insert.push_values(&rows, |mut row, (seq, kind, json, txn)| {
                row.push_bind(event_id)
                    .push_bind(*seq)
                    .push_bind(*kind)
                    .push_bind(json.as_str())
                    .push_bind(txn.as_str())
                    .push_bind(now);
            });
            insert.build().execute(pool).await?;
        });
        Ok(())
    }

    async fn pending(&self, limit: i64) -> Result<Vec<OutboxEntry>, StorageError> {
        let sql = "SELECT id, event_id, item, txn_id, attempts, created_at, attempted_by, \
                   attempted_at FROM outbox \
                   WHERE status = 'pending' AND (not_before IS NULL OR not_before <= $2) \
                   ORDER BY id LIMIT $1";
        let now = now_ms();
        type Row = (i64, String, String, String, i64, i64, Option<String>, Option<i64>);
        let rows: Vec<Row> = on_pool!(self, pool => {
            sqlx::query_as(sql).bind(limit).bind(now).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(id, event_id, item, txn_id, attempts, created_at, by, at)| {
                let item = serde_json::from_str(&item)
                    .map_err(|e| StorageError::Corrupt(format!("outbox item {id}: {e}")))?;
                let attempted = by.zip(at);
                Ok(OutboxEntry { id, event_id, item, txn_id, attempts, created_at, attempted })
            })
            .collect()
    }

    async fn mark_attempting(&self, id: i64, device: &str) -> Result<(), StorageError> {
        let sql = "UPDATE outbox SET attempted_by = $2, attempted_at = $3 WHERE id = $1";
        let now = now_ms();
        on_pool!(self, pool => {
            sqlx::query(sql).bind(id).bind(device).bind(now).execute(pool).await?;
        });
        Ok(())
    }

    async fn mark_sent(&self, id: i64, sent_event: Option<&str>) -> Result<(), StorageError> {
        let sql = "UPDATE outbox SET status = 'sent', sent_event_id = $2, done_at = $3 \
                   WHERE id = $1";
        let now = now_ms();
        on_pool!(self, pool => {
            sqlx::query(sql).bind(id).bind(sent_event).bind(now).execute(pool).await?;
        });
        Ok(())
    }

    async fn mark_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next: Retry,
    ) -> Result<(), StorageError> {
        let sql = "UPDATE outbox SET attempts = attempts + 1, last_error = $2, \
                   status = CASE WHEN $3 THEN 'failed' ELSE status END, \
                   done_at = CASE WHEN $3 THEN $4 ELSE done_at END, not_before = $5 \
                   WHERE id = $1";
        let now = now_ms();
        let give_up = next == Retry::GiveUp;
        let not_before = match next {
            Retry::NotBefore(at) => Some(at),
            Retry::InPlace | Retry::GiveUp => None,
        };
        on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(id)
                .bind(error)
                .bind(give_up)
                .bind(now)
                .bind(not_before)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    async fn outbox_counts(&self) -> Result<OutboxCounts, StorageError> {
        let sql = "SELECT \
                   COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0), \
                   COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0), \
                   MIN(CASE WHEN status = 'pending' THEN created_at END) FROM outbox";
        let (pending, failed, oldest_pending_at): (i64, i64, Option<i64>) =
            on_pool!(self, pool => sqlx::query_as(sql).fetch_one(pool).await?);
        Ok(OutboxCounts { pending, failed, oldest_pending_at })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transaction_ids_differ_per_item_and_are_stable() {
        let a = transaction_id("reply", "$abc:x.org", 0);
        assert_eq!(a, transaction_id("reply", "$abc:x.org", 0));
        assert_ne!(a, transaction_id("notice", "$abc:x.org", 1));
        assert_ne!(a, transaction_id("reply", "$abd:x.org", 0));
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{a}");
    }

    #[test]
    fn items_survive_their_json_form() {
        let item = Outgoing::Message {
            to: Destination::Reply { room: "!r:x".into(), event: "$e".into(), thread: None },
            plain: "a".into(),
            html: "<b>a</b>".into(),
            mentions: vec!["@a:x.org".into()],
        };
        let json = serde_json::to_string(&item).unwrap();
        assert_eq!(serde_json::from_str::<Outgoing>(&json).unwrap(), item);
        assert_eq!(item.kind(), "reply");
    }
}
