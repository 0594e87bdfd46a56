//! Exactly-once handling of one incoming event, the core of the worker
//! (and what `peerlink-bench` measures): in one unit of work, claim the
//! event by its ID, run the command on that unit of work (its domain changes
//! join it), write the answer and every effect to the outbox, commit.
//! Before the commit nothing of it exists; after it, all of it, and a
//! replayed event is dropped at the claim. Delivery is the outbox sender's.

use super::{Answer, ChatService, Effect, Incoming};
use crate::storage::{
    Database, Destination, EventClaim, JobStore, Outbox, Outgoing, ProcessedEvents, StorageError,
};

/// How handling one event ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// Handled now: an answer (and its effects) is in the outbox.
    Answered,
    /// Handled now: nothing to say (chatter, a reaction that is not an ack).
    Ignored,
    /// Handled before (a replayed event): nothing was done.
    Before,
    /// Over its sender's pace: stored to run at `due_at` (milliseconds since
    /// the Unix epoch), perhaps with a notice saying so in the outbox.
    Deferred {
        /// When it runs.
        due_at: i64,
    },
}

/// An event to handle, as the Matrix layer received it.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// What was said, where, by whom.
    pub incoming: Incoming<'a>,
    /// A reaction (a shortcut for `!ack` on the card in `thread_root`)
    /// rather than a message.
    pub reaction: bool,
    /// Whether a reaction is on a card that can be acknowledged now (read
    /// before the unit of work starts); ignored for messages.
    pub ackable: bool,
}

impl ChatService<Database> {
    /// Handles `event` exactly once on `db` (see the module documentation).
    /// An error means nothing was recorded: try again later.
    pub async fn handle_event(
        &self,
        db: &Database,
        event: &Event<'_>,
    ) -> Result<Handled, StorageError> {
        let incoming = &event.incoming;
        let tx = db.begin().await?;
        // The claim is the first statement, a write: on SQLite the unit of
        // work holds the write lock from here on.
        let claim =
            tx.claim_event(incoming.event_id, incoming.room_id, incoming.sender, "command").await?;
        if claim == EventClaim::AlreadyHandled {
            tx.rollback().await?;
            return Ok(Handled::Before);
        }
        crate::fault::point("worker_after_claim");
        if let Some(handled) = self.pace(&tx, event).await? {
            tx.commit().await?;
            return Ok(handled);
        }
        let answer = if event.reaction && !event.ackable {
            None
        } else {
            // A failed read inside is an error, not an answer: the unit of
            // work is rolled back (dropped) and the event tried again.
            self.with_store(tx.clone()).handle(incoming).await?
        };
        crate::fault::point("worker_after_handle");
        let handled = finish(&tx, event, answer).await?;
        crate::fault::point("worker_before_commit");
        tx.commit().await?;
        Ok(handled)
    }
}

/// Writes `answer` to `event` (and its effects) to the outbox of the unit of
/// work `tx`, and how handling ended; nothing to say is `Ignored`.
pub(super) async fn finish(
    tx: &Database,
    event: &Event<'_>,
    answer: Option<Answer>,
) -> Result<Handled, StorageError> {
    let event_id = event.incoming.event_id;
    // The outcome becomes `answered` when the sender delivers the reply.
    Ok(match answer {
        Some(mut answer) => {
            for job in std::mem::take(&mut answer.scheduled) {
                tx.schedule_job(job.kind, &job.key, job.due_at, &job.payload).await?;
            }
            tx.enqueue(event_id, &outgoing(event, answer)).await?;
            tx.record_outcome(event_id, "queued").await?;
            Handled::Answered
        }
        None => {
            tx.record_outcome(event_id, "ignored").await?;
            Handled::Ignored
        }
    })
}

impl ChatService<Database> {
    /// Ends the handling of `event` (or of the deferred command of job
    /// `job`) after it failed for a reason retrying does not fix (`error`):
    /// claims it, tells the sender that their command was not carried out,
    /// and records why. Nothing of the command itself is done. An error
    /// means nothing was recorded.
    pub async fn give_up_event(
        &self,
        db: &Database,
        event: &Event<'_>,
        job: Option<i64>,
        error: &str,
    ) -> Result<Handled, StorageError> {
        let incoming = &event.incoming;
        // Read before the unit of work holds a connection.
        let answer = self.failure_answer(incoming.sender).await;
        let tx = db.begin().await?;
        let first = match job {
            Some(job) => tx.finish_job(job).await?,
            None => {
                let (id, room, sender) = (incoming.event_id, incoming.room_id, incoming.sender);
                tx.claim_event(id, room, sender, "command").await? == EventClaim::New
            }
        };
        if !first {
            tx.rollback().await?;
            return Ok(Handled::Before);
        }
        tx.enqueue(incoming.event_id, &outgoing(event, answer)).await?;
        tx.record_outcome(incoming.event_id, &format!("failed: {error}")).await?;
        tx.commit().await?;
        Ok(Handled::Answered)
    }
}

/// What `answer` to `event` puts in the outbox, in delivery order: the
/// answer itself, then its effects (its work for later is not for the
/// outbox: see [`finish`]).
pub fn outgoing(event: &Event<'_>, answer: Answer) -> Vec<Outgoing> {
    let incoming = &event.incoming;
    let thread = if answer.start_thread {
        Some(incoming.thread_root.unwrap_or(incoming.event_id))
    } else {
        incoming.thread_root
    };
    // A reaction is answered in its card's thread, not as a reply to it.
    let replied = if event.reaction { incoming.thread_root } else { None };
    let reply = Outgoing::Message {
        to: Destination::Reply {
            room: incoming.room_id.to_owned(),
            event: replied.unwrap_or(incoming.event_id).to_owned(),
            thread: thread.map(str::to_owned),
        },
        html: answer.text.html_to_send(),
        plain: answer.text.plain,
        mentions: Vec::new(),
    };
    let effects = answer.effects.into_iter().map(effect_outgoing);
    std::iter::once(reply).chain(effects).collect()
}

/// The outbox item of an effect.
pub fn effect_outgoing(effect: Effect) -> Outgoing {
    let message = |to, text: crate::i18n::Text| {
        let html = text.html_to_send();
        Outgoing::Message { to, plain: text.plain, html, mentions: Vec::new() }
    };
    match effect {
        Effect::PostCard { request_id, text } => {
            message(Destination::Card { request: request_id }, text)
        }
        Effect::PostToCard { request_id, text } => {
            message(Destination::CardThread { request: request_id }, text)
        }
        Effect::Notify { request_id, text } => {
            message(Destination::RequesterThread { request: request_id }, text)
        }
        Effect::Invite { user, room } => {
            let (kind, key) = room.key();
            Outgoing::Invite { user, room_kind: kind.to_owned(), room_key: key }
        }
        Effect::Reconcile => Outgoing::Reconcile,
        Effect::Announce { seminar, text } => message(Destination::Announcement { seminar }, text),
        Effect::Post { room, text } => {
            let (kind, key) = room.key();
            let to = Destination::Room { room_kind: kind.to_owned(), room_key: key };
            message(to, text)
        }
        Effect::TellApplicant { application, text } => {
            message(Destination::Applicant { application }, text)
        }
        Effect::Poll { application, question, answers } => Outgoing::Poll {
            application,
            html: question.html_to_send(),
            plain: question.plain,
            answers,
        },
        Effect::PollEnd { application, text } => {
            Outgoing::PollEnd { application, plain: text.plain }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::chat::tests::{incoming, service};
    use crate::service::Place;
    use crate::storage::RequestStore;

    fn event<'a>(sender: &'a str, body: &'a str, place: Place, id: &'a str) -> Event<'a> {
        let mut incoming = incoming(sender, body, place);
        incoming.event_id = id;
        Event { incoming, reaction: false, ackable: false }
    }

    #[tokio::test]
    async fn an_event_is_handled_once_and_its_answer_and_card_go_to_the_outbox() {
        let s = service().await;
        let db = s.store().clone();
        let filing = event("@cl:x.org", "!request membership Help", Place::NetworkRoom, "$f");
        assert_eq!(s.handle_event(&db, &filing).await.unwrap(), Handled::Answered);
        assert_eq!(s.handle_event(&db, &filing).await.unwrap(), Handled::Before);
        let pending = db.pending(10).await.unwrap();
        let kinds: Vec<&str> = pending.iter().map(|e| e.item.kind()).collect();
        assert_eq!(kinds, ["reply", "card"], "the answer first, then the card; once");
        let Outgoing::Message { to: Destination::Reply { thread, .. }, .. } = &pending[0].item
        else {
            panic!("{pending:?}")
        };
        assert_eq!(thread.as_deref(), Some("$f"), "intake answers in a thread on the request");
        assert_eq!(db.list_requests(&Default::default()).await.unwrap().len(), 1);

        let chatter = event("@cl:x.org", "hello", Place::NetworkRoom, "$c");
        assert_eq!(s.handle_event(&db, &chatter).await.unwrap(), Handled::Ignored);
        assert_eq!(db.pending(10).await.unwrap().len(), 2);
    }

    #[tokio::test]
    async fn commands_over_the_pace_wait_their_turn_and_beyond_the_backlog_are_named() {
        use crate::storage::JobStore;
        let s = service().await.with_rate_limit(60, 3, 2);
        let db = s.store().clone();
        let ids: Vec<String> = (0..7).map(|i| format!("$p{i}")).collect();
        let mut results = Vec::new();
        for id in &ids {
            let ping = event("@cl:x.org", "!ping", Place::Direct, id);
            results.push(s.handle_event(&db, &ping).await.unwrap());
        }
        assert_eq!(results[..3], [Handled::Answered; 3]);
        assert!(matches!(results[3], Handled::Deferred { .. }), "{results:?}");
        assert!(matches!(results[4], Handled::Deferred { .. }), "{results:?}");
        assert_eq!(results[5..], [Handled::Answered; 2], "refused, with an answer");
        let texts = |pending: Vec<crate::storage::OutboxEntry>| -> Vec<String> {
            pending
                .into_iter()
                .map(|e| match e.item {
                    Outgoing::Message { plain, .. } => plain,
                    other => format!("{other:?}"),
                })
                .collect()
        };
        let said = texts(db.pending(20).await.unwrap());
        assert_eq!(said.len(), 6, "3 pongs, one notice for the busy spell, 2 refusals: {said:#?}");
        assert!(said[3].contains("in the order you sent them"), "{}", said[3]);
        assert!(said[4].contains("I did not carry out `!ping`"), "{}", said[4]);

        // The two deferred run when due, once each, in order.
        let due = db.due_jobs(i64::MAX, 10).await.unwrap();
        let keys: Vec<&str> = due.iter().map(|j| j.key.as_str()).collect();
        assert_eq!(keys, ["$p3", "$p4"]);
        for job in &due {
            let ping = event("@cl:x.org", "!ping", Place::Direct, &job.key);
            assert_eq!(
                s.handle_deferred_event(&db, job.id, &ping).await.unwrap(),
                Handled::Answered
            );
            let again = s.handle_deferred_event(&db, job.id, &ping).await.unwrap();
            assert_eq!(again, Handled::Before, "a deferred command runs once");
        }
        let said = texts(db.pending(20).await.unwrap());
        assert_eq!(said.len(), 8, "{said:#?}");
        assert!(said[6..].iter().all(|t| t.starts_with("Pong")), "{said:#?}");
        // A replay of a deferred event is not deferred again.
        let replay = event("@cl:x.org", "!ping", Place::Direct, "$p3");
        assert_eq!(s.handle_event(&db, &replay).await.unwrap(), Handled::Before);
    }
}
