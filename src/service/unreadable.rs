//! Events the bot could not decrypt when they arrived. Room keys travel
//! apart from the messages they open (as to-device messages to each of the
//! bot's devices), so a key may come a moment after its message, or never
//! (a client that shares keys with verified devices only). Such an event is
//! claimed like any other and kept as a scheduled job; the Matrix layer
//! tries to decrypt it again each time the job falls due. Decrypted, it is
//! handled as it would have been on arrival; still unreadable after the
//! last try, its sender is told, at most once a day in each room, that the
//! bot could not read it and what to do. No command vanishes unseen.

use serde::{Deserialize, Serialize};

use super::handling::outgoing;
use super::{ChatService, Event, Handled, Incoming, Place};
use crate::storage::{Database, EventClaim, JobStore, Outbox, ProcessedEvents, StorageError};

/// The kind of the scheduled jobs that try an event again.
pub const UNREADABLE_JOB: &str = "unreadable";

/// The kind of the marks that its sender was told (one a day and room).
const TOLD: &str = "unreadable-told";

/// How long after each try the next one comes (milliseconds), the first
/// after the event arrived; after the last, the sender is told.
const WAITS_MS: [i64; 3] = [2_000, 5_000, 15_000];

/// A day, in milliseconds: the sender is told at most once a day per room.
const DAY_MS: i64 = 86_400_000;

/// An event that could not be decrypted, as its job keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadableEvent {
    /// The room it was sent in.
    pub room_id: String,
    /// Its event ID.
    pub event_id: String,
    /// Its sender.
    pub sender: String,
    /// Its thread, if any (relations stay readable in encrypted events).
    pub thread_root: Option<String>,
    /// The event as it arrived (JSON), still encrypted.
    pub event: String,
    /// How many tries to decrypt it have failed since it arrived.
    #[serde(default)]
    pub tries: usize,
}

impl UnreadableEvent {
    /// Its job's key: one job per try.
    fn key(&self) -> String {
        format!("{}#{}", self.event_id, self.tries)
    }

    /// It as an event to answer (what it says is unknown).
    fn as_event(&self) -> Event<'_> {
        let incoming = Incoming {
            sender: &self.sender,
            body: "",
            place: Place::Other,
            room_id: &self.room_id,
            event_id: &self.event_id,
            thread_root: self.thread_root.as_deref(),
            quoted: None,
        };
        Event { incoming, reaction: false, ackable: false }
    }
}

impl ChatService<Database> {
    /// Claims an event that could not be decrypted and keeps it to try again
    /// shortly (`Deferred`); `Before`: it was claimed already.
    pub async fn hold_unreadable(
        &self,
        db: &Database,
        event: &UnreadableEvent,
    ) -> Result<Handled, StorageError> {
        let tx = db.begin().await?;
        let claim =
            tx.claim_event(&event.event_id, &event.room_id, &event.sender, "command").await?;
        if claim == EventClaim::AlreadyHandled {
            tx.rollback().await?;
            return Ok(Handled::Before);
        }
        let first = UnreadableEvent { tries: 0, ..event.clone() };
        let due_at = self.clock().now_ms() + WAITS_MS[0];
        tx.schedule_job(UNREADABLE_JOB, &first.key(), due_at, &to_json(&first)?).await?;
        tx.record_outcome(&event.event_id, "undecrypted").await?;
        tx.commit().await?;
        Ok(Handled::Deferred { due_at })
    }

    /// Job `job` tried `event` again and it still cannot be decrypted: it is
    /// tried once more later (`Deferred`), or after the last try its sender
    /// is told (`Answered`; `Ignored` if they were told in this room today).
    /// `Before`: the job ran already.
    pub async fn still_unreadable(
        &self,
        db: &Database,
        job: i64,
        event: &UnreadableEvent,
    ) -> Result<Handled, StorageError> {
        let now = self.clock().now_ms();
        let tx = db.begin().await?;
        if !tx.finish_job(job).await? {
            tx.rollback().await?;
            return Ok(Handled::Before);
        }
        let next = UnreadableEvent { tries: event.tries + 1, ..event.clone() };
        if let Some(wait) = WAITS_MS.get(next.tries) {
            let due_at = now + wait;
            tx.schedule_job(UNREADABLE_JOB, &next.key(), due_at, &to_json(&next)?).await?;
            tx.commit().await?;
            return Ok(Handled::Deferred { due_at });
        }
        let mark = format!("{}|{}|{}", event.room_id, event.sender, now.div_euclid(DAY_MS));
        let handled = if tx.record_once(TOLD, &mark).await? {
            let lang = self.with_store(tx.clone()).language_for(&event.sender).await?;
            let text = self.catalog().render(lang, "unreadable-message", &[]);
            tx.enqueue(&event.event_id, &outgoing(&event.as_event(), text.into())).await?;
            tx.record_outcome(&event.event_id, "undecrypted: sender told").await?;
            Handled::Answered
        } else {
            tx.record_outcome(&event.event_id, "undecrypted: sender told earlier today").await?;
            Handled::Ignored
        };
        tx.commit().await?;
        Ok(handled)
    }

    /// Job `job`'s event was decrypted and is no work for the bot (chatter):
    /// the job is done. `false`: it was done already.
    pub async fn decrypted_chatter(
        &self,
        db: &Database,
        job: i64,
        event_id: &str,
    ) -> Result<bool, StorageError> {
        let tx = db.begin().await?;
        if !tx.finish_job(job).await? {
            tx.rollback().await?;
            return Ok(false);
        }
        tx.record_outcome(event_id, "ignored").await?;
        tx.commit().await?;
        Ok(true)
    }
}

fn to_json(event: &UnreadableEvent) -> Result<String, StorageError> {
    serde_json::to_string(event).map_err(|e| StorageError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::chat::tests::service;
    use crate::storage::{Destination, Outgoing};

    fn unreadable(id: &str, room: &str) -> UnreadableEvent {
        UnreadableEvent {
            room_id: room.to_owned(),
            event_id: id.to_owned(),
            sender: "@cl:x.org".to_owned(),
            thread_root: Some("$thread".to_owned()),
            event: "{}".to_owned(),
            tries: 0,
        }
    }

    /// Runs the one pending job of `db` as a failed try; what it ended in.
    async fn fail_the_try(s: &ChatService<Database>, db: &Database) -> Handled {
        let jobs = db.due_jobs(i64::MAX, 10).await.unwrap();
        assert_eq!(jobs.len(), 1, "{jobs:?}");
        assert_eq!(jobs[0].kind, UNREADABLE_JOB);
        let event: UnreadableEvent = serde_json::from_str(&jobs[0].payload).unwrap();
        let handled = s.still_unreadable(db, jobs[0].id, &event).await.unwrap();
        assert_eq!(s.still_unreadable(db, jobs[0].id, &event).await.unwrap(), Handled::Before);
        handled
    }

    #[tokio::test]
    async fn an_unreadable_event_is_tried_three_times_then_its_sender_is_told_once_a_day() {
        let s = service().await;
        let db = s.store().clone();
        let first = unreadable("$u1", "!room:x.org");
        assert!(matches!(s.hold_unreadable(&db, &first).await.unwrap(), Handled::Deferred { .. }));
        assert_eq!(s.hold_unreadable(&db, &first).await.unwrap(), Handled::Before, "claimed once");
        for _ in 1..WAITS_MS.len() {
            assert!(matches!(fail_the_try(&s, &db).await, Handled::Deferred { .. }));
            assert!(db.pending(10).await.unwrap().is_empty(), "nothing said while trying");
        }
        assert_eq!(fail_the_try(&s, &db).await, Handled::Answered);
        let pending = db.pending(10).await.unwrap();
        assert_eq!(pending.len(), 1);
        let Outgoing::Message { to: Destination::Reply { event, thread, .. }, plain, .. } =
            &pending[0].item
        else {
            panic!("{pending:?}")
        };
        assert_eq!((event.as_str(), thread.as_deref()), ("$u1", Some("$thread")));
        assert!(plain.contains("could not read"), "{plain}");
        assert!(db.due_jobs(i64::MAX, 10).await.unwrap().is_empty(), "no try left");

        // A second one in the same room the same day: tried, not told again;
        // in another room: told there.
        let second = unreadable("$u2", "!room:x.org");
        s.hold_unreadable(&db, &second).await.unwrap();
        for _ in 1..WAITS_MS.len() {
            fail_the_try(&s, &db).await;
        }
        assert_eq!(fail_the_try(&s, &db).await, Handled::Ignored);
        let elsewhere = unreadable("$u3", "!other:x.org");
        s.hold_unreadable(&db, &elsewhere).await.unwrap();
        for _ in 1..WAITS_MS.len() {
            fail_the_try(&s, &db).await;
        }
        assert_eq!(fail_the_try(&s, &db).await, Handled::Answered);
        assert_eq!(db.pending(10).await.unwrap().len(), 2);
    }

    #[tokio::test]
    async fn a_decrypted_chatter_ends_its_job_once() {
        let s = service().await;
        let db = s.store().clone();
        s.hold_unreadable(&db, &unreadable("$u1", "!room:x.org")).await.unwrap();
        let job = db.due_jobs(i64::MAX, 10).await.unwrap()[0].id;
        assert!(s.decrypted_chatter(&db, job, "$u1").await.unwrap());
        assert!(!s.decrypted_chatter(&db, job, "$u1").await.unwrap());
        assert!(db.due_jobs(i64::MAX, 10).await.unwrap().is_empty());
        assert!(db.pending(10).await.unwrap().is_empty());
    }
}
