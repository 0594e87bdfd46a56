//! Commands over a sender's pace ([`super::rate_limit`]) are deferred, not
//! dropped: in the unit of work that claims the event, the command is stored
//! as a scheduled job due when the pace allows it (and the sender is told
//! once per busy spell); the worker runs it then through
//! [`ChatService::handle_deferred_event`], which marks the job done in the
//! unit of work that records its answer. Exactly once, in order, across
//! crashes and restarts. Only beyond the backlog is a command refused, with
//! an answer naming it.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::handling::{finish, outgoing, Event, Handled};
use super::rate_limit::Verdict;
use super::{Answer, ChatService, Place};
use crate::i18n::Arg;
use crate::storage::{now_ms, Database, JobStore, Outbox, ProcessedEvents, StorageError};

/// The kind of a deferred command's scheduled job.
pub const COMMAND_JOB: &str = "command";

/// A deferred command, as its job stores it (where it was sent is looked up
/// again when it runs: the room, and a reaction's card, may have changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeferredCommand {
    /// The room it was sent in.
    pub room_id: String,
    /// Its event ID.
    pub event_id: String,
    /// Its sender.
    pub sender: String,
    /// Its body.
    pub body: String,
    /// Its thread, if any.
    pub thread_root: Option<String>,
    /// The message it replies to, if any (read again when it runs).
    #[serde(default)]
    pub reply_to: Option<String>,
    /// A reaction rather than a message.
    pub reaction: bool,
}

impl ChatService<Database> {
    /// Paces `event` on the unit of work `tx` that claimed it: `None` to
    /// handle it now; otherwise it was deferred (a job and perhaps a notice
    /// written) or refused (an answer written), and how.
    pub(super) async fn pace(
        &self,
        tx: &Database,
        event: &Event<'_>,
    ) -> Result<Option<Handled>, StorageError> {
        let incoming = &event.incoming;
        let paced = incoming.place != Place::Other
            && if event.reaction { event.ackable } else { self.is_command(incoming.body) };
        if !paced {
            return Ok(None);
        }
        match self.limiter().check(incoming.sender, incoming.event_id, Instant::now()) {
            Verdict::Allow => Ok(None),
            Verdict::Defer { after, first } => {
                let due_at = now_ms().saturating_add(millis(after));
                let payload = DeferredCommand {
                    room_id: incoming.room_id.to_owned(),
                    event_id: incoming.event_id.to_owned(),
                    sender: incoming.sender.to_owned(),
                    body: incoming.body.to_owned(),
                    thread_root: incoming.thread_root.map(str::to_owned),
                    reply_to: incoming.quoted.map(|q| q.event_id.to_owned()),
                    reaction: event.reaction,
                };
                let json = serde_json::to_string(&payload)
                    .map_err(|e| StorageError::Corrupt(e.to_string()))?;
                tx.schedule_job(COMMAND_JOB, incoming.event_id, due_at, &json).await?;
                if first {
                    let seconds = self.limiter().interval().as_secs().max(1);
                    let text = self
                        .render_for(tx, incoming.sender, "rate-deferred", seconds, None)
                        .await?;
                    tx.enqueue(incoming.event_id, &outgoing(event, text)).await?;
                }
                tx.record_outcome(incoming.event_id, "deferred").await?;
                Ok(Some(Handled::Deferred { due_at }))
            }
            Verdict::Refuse { retry_after } => {
                let seconds = retry_after.as_secs().max(1);
                let command = super::chat::echo_command(incoming.body);
                let text = self
                    .render_for(tx, incoming.sender, "rate-refused", seconds, Some(command))
                    .await?;
                tx.enqueue(incoming.event_id, &outgoing(event, text)).await?;
                tx.record_outcome(incoming.event_id, "refused").await?;
                Ok(Some(Handled::Answered))
            }
        }
    }

    /// Renders `id` for `sender`, reading the roster on the unit of work
    /// `tx` (the only connection it may use).
    async fn render_for(
        &self,
        tx: &Database,
        sender: &str,
        id: &str,
        seconds: u64,
        command: Option<String>,
    ) -> Result<Answer, StorageError> {
        let lang = self.with_store(tx.clone()).language_for(sender).await?;
        let mut args = vec![("seconds", Arg::Number(i64::try_from(seconds).unwrap_or(i64::MAX)))];
        if let Some(command) = command {
            args.push(("command", Arg::Code(command)));
        }
        Ok(self.catalog().render(lang, id, &args).into())
    }

    /// Runs the deferred command of job `job` (its `event`, with where it
    /// was sent looked up again) exactly once: the job is marked done in the
    /// unit of work that records the answer. `Before`: it ran already.
    pub async fn handle_deferred_event(
        &self,
        db: &Database,
        job: i64,
        event: &Event<'_>,
    ) -> Result<Handled, StorageError> {
        let tx = db.begin().await?;
        if !tx.finish_job(job).await? {
            tx.rollback().await?;
            return Ok(Handled::Before);
        }
        let answer = if event.reaction && !event.ackable {
            None
        } else {
            self.with_store(tx.clone()).handle(&event.incoming).await?
        };
        let handled = finish(&tx, event, answer).await?;
        tx.commit().await?;
        Ok(handled)
    }
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}
