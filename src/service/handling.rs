//! Exactly-once handling of one incoming event, the core of the worker
//! (and what `peerlink-bench` measures): in one unit of work, claim the
//! event by its ID, run the command on that unit of work (its domain changes
//! join it), write the answer and every effect to the outbox, commit.
//! Before the commit nothing of it exists; after it, all of it, and a
//! replayed event is dropped at the claim. Delivery is the outbox sender's.

use super::{Answer, ChatService, Effect, Incoming};
use crate::storage::{
    Database, Destination, EventClaim, Outbox, Outgoing, ProcessedEvents, StorageError,
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
        let answer = if event.reaction && !event.ackable {
            None
        } else {
            // A failed read inside is an error, not an answer: the unit of
            // work is rolled back (dropped) and the event tried again.
            self.with_store(tx.clone()).handle(incoming).await?
        };
        crate::fault::point("worker_after_handle");
        // The outcome becomes `answered` when the sender delivers the reply.
        let handled = match answer {
            Some(answer) => {
                tx.enqueue(incoming.event_id, &outgoing(event, answer)).await?;
                tx.record_outcome(incoming.event_id, "queued").await?;
                Handled::Answered
            }
            None => {
                tx.record_outcome(incoming.event_id, "ignored").await?;
                Handled::Ignored
            }
        };
        crate::fault::point("worker_before_commit");
        tx.commit().await?;
        Ok(handled)
    }
}

impl ChatService<Database> {
    /// Ends the handling of `event` after it failed `attempts` times for a
    /// reason retrying does not fix (`error`): claims it, tells the sender
    /// that their command was not carried out, and records why. Nothing of
    /// the command itself is done. An error means nothing was recorded.
    pub async fn give_up_event(
        &self,
        db: &Database,
        event: &Event<'_>,
        error: &str,
    ) -> Result<Handled, StorageError> {
        let incoming = &event.incoming;
        let tx = db.begin().await?;
        let claim =
            tx.claim_event(incoming.event_id, incoming.room_id, incoming.sender, "command").await?;
        if claim == EventClaim::AlreadyHandled {
            tx.rollback().await?;
            return Ok(Handled::Before);
        }
        let answer = self.failure_answer(incoming.sender).await;
        tx.enqueue(incoming.event_id, &outgoing(event, answer)).await?;
        tx.record_outcome(incoming.event_id, &format!("failed: {error}")).await?;
        tx.commit().await?;
        Ok(Handled::Answered)
    }
}

/// What `answer` to `event` puts in the outbox, in delivery order: the
/// answer itself, then its effects.
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
        plain: answer.text.plain,
        html: answer.text.html,
    };
    let message =
        |to, text: crate::i18n::Text| Outgoing::Message { to, plain: text.plain, html: text.html };
    let effects = answer.effects.into_iter().map(|effect| match effect {
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
            Outgoing::Invite { user, room_kind: kind.to_owned(), room_key: key.to_owned() }
        }
        Effect::Reconcile => Outgoing::Reconcile,
    });
    std::iter::once(reply).chain(effects).collect()
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
}
