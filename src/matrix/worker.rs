//! The worker: takes the events the handlers queued and handles each exactly
//! once. In one database transaction it claims the event (keyed by its ID),
//! runs the command (whose domain changes join the transaction) and writes
//! the answer and every effect to the outbox; the outbox sender
//! ([`super::outbox`]) delivers them after the commit.

use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::ruma::{OwnedEventId, OwnedUserId};
use matrix_sdk::{Room, RoomMemberships};
use tokio::sync::{mpsc, oneshot, Notify};
use tokio_util::sync::CancellationToken;
use tracing::{info, instrument, warn};

use super::Provisioner;
use crate::domain::RoomKind;
use crate::service::{Answer, ChatService, Effect, Incoming, Place};
use crate::storage::{
    Database, Destination, EventClaim, Outbox, Outgoing, ProcessedEvents, RequestStore,
    StorageError,
};
use crate::telemetry::metrics;

/// What the sync loop puts in the worker's queue.
#[derive(Debug)]
pub enum WorkItem {
    /// A command to handle.
    Command(Job),
    /// Answered once everything queued before it was handled: the sync loop
    /// saves its position only then, so a crash replays instead of losing.
    Barrier(oneshot::Sender<()>),
}

/// A command message waiting to be handled.
#[derive(Debug)]
pub struct Job {
    /// The room it was sent in.
    pub room: Room,
    /// Its event ID.
    pub event_id: OwnedEventId,
    /// Its sender.
    pub sender: OwnedUserId,
    /// Its plain-text body.
    pub body: String,
    /// The thread it belongs to, if any.
    pub thread_root: Option<OwnedEventId>,
    /// A reaction (on the message in `thread_root`) rather than a message.
    pub reaction: bool,
}

/// What the worker needs.
#[derive(Clone)]
pub struct Worker {
    /// Where events are claimed and their effects recorded.
    pub db: Database,
    /// The use cases.
    pub chat: ChatService<Database>,
    /// Tells which provisioned room a command came from.
    pub provisioner: Provisioner,
    /// Woken after each commit that put something in the outbox.
    pub outbox: Arc<Notify>,
    /// Cancelled when the process stops (ends database retries).
    pub shutdown: CancellationToken,
}

/// How handling one event ended.
enum Handled {
    /// Handled now; `result` is `answered` (the answer is in the outbox)
    /// or `ignored`.
    Now(&'static str),
    /// Handled before (a replayed event): nothing was done.
    Before,
}

/// Longest wait between two attempts when the database is unavailable.
const MAX_DB_BACKOFF: Duration = Duration::from_secs(15);

impl Worker {
    /// Handles queued work until `shutdown`, then closes the queue and
    /// finishes what is already in it.
    pub async fn run(self, mut queue: mpsc::Receiver<WorkItem>, shutdown: CancellationToken) {
        loop {
            let item = tokio::select! {
                biased;
                item = queue.recv() => item,
                _ = shutdown.cancelled() => break,
            };
            match item {
                Some(item) => self.process(item).await,
                None => return,
            }
        }
        queue.close();
        let mut drained = 0usize;
        while let Some(item) = queue.recv().await {
            drained += 1;
            self.process(item).await;
        }
        info!(drained, "command queue drained");
    }

    async fn process(&self, item: WorkItem) {
        match item {
            WorkItem::Command(job) => self.handle(job).await,
            WorkItem::Barrier(done) => {
                let _ = done.send(());
            }
        }
    }

    /// Handles one event exactly once: claiming it, running the command
    /// and recording its answer and effects in the outbox happen in one
    /// transaction. While the database is unreachable it retries (queued
    /// events wait; the sync position is not saved past them).
    #[instrument(skip_all, fields(room_id = %job.room.room_id(), event_id = %job.event_id, sender = %job.sender))]
    async fn handle(&self, job: Job) {
        let started = std::time::Instant::now();
        let mut failures = 0u32;
        let handled = loop {
            match self.handle_once(&job).await {
                Ok(handled) => break handled,
                Err(e) => {
                    metrics::database_error();
                    failures += 1;
                    let delay = Duration::from_millis(250)
                        .saturating_mul(1 << failures.min(6))
                        .min(MAX_DB_BACKOFF)
                        .mul_f64(rand::random_range(0.5..1.0));
                    warn!(error = %e, failures, retry_in_ms = delay.as_millis() as u64, "cannot record the handling of an event; retrying");
                    tokio::select! {
                        _ = self.shutdown.cancelled() => {
                            // Not claimed: handled after the restart.
                            warn!("stopping before the event could be recorded; it will be handled after the restart");
                            return;
                        }
                        _ = tokio::time::sleep(delay) => {}
                    }
                }
            }
        };
        match handled {
            Handled::Before => info!("already handled; not answering again"),
            Handled::Now(result) => {
                crate::fault::point("worker_after_commit");
                if result == "answered" {
                    self.outbox.notify_one();
                }
                let command = command_name(&job, self.chat.prefix());
                metrics::command_handled(command, result, started.elapsed().as_secs_f64());
            }
        }
    }

    /// One attempt at [`handle`](Self::handle), in one transaction.
    async fn handle_once(&self, job: &Job) -> Result<Handled, StorageError> {
        // Reads that need no transaction come first (the committee room's
        // ID, the card a reaction is on).
        let place = self.place(&job.room).await;
        let ackable = !job.reaction || self.is_ackable_card(job).await;
        crate::fault::point("worker_before_claim");
        let tx = self.db.begin().await?;
        // The claim is the transaction's first statement, a write: on SQLite
        // the transaction holds the write lock from here on.
        let claim = tx
            .claim_event(
                job.event_id.as_str(),
                job.room.room_id().as_str(),
                job.sender.as_str(),
                "command",
            )
            .await?;
        if claim == EventClaim::AlreadyHandled {
            tx.rollback().await?;
            return Ok(Handled::Before);
        }
        crate::fault::point("worker_after_claim");
        let answer = if ackable {
            let incoming = Incoming {
                sender: job.sender.as_str(),
                body: &job.body,
                place,
                room_id: job.room.room_id().as_str(),
                event_id: job.event_id.as_str(),
                thread_root: job.thread_root.as_ref().map(|e| e.as_str()),
            };
            self.chat.with_store(tx.clone()).handle(&incoming).await
        } else {
            None
        };
        crate::fault::point("worker_after_handle");
        // The outcome becomes `answered` when the sender delivers the reply.
        let (result, outcome) = match answer {
            Some(answer) => {
                tx.enqueue(job.event_id.as_str(), &outgoing(job, answer)).await?;
                ("answered", "queued")
            }
            None => ("ignored", "ignored"),
        };
        tx.record_outcome(job.event_id.as_str(), outcome).await?;
        crate::fault::point("worker_before_commit");
        tx.commit().await?;
        Ok(Handled::Now(result))
    }

    /// Whether a reaction is on a request card that can be acknowledged now
    /// (reactions are a shortcut for `!ack`; any other reaction is just a
    /// reaction).
    async fn is_ackable_card(&self, job: &Job) -> bool {
        let Some(target) = &job.thread_root else { return false };
        match self.db.find_request_by_event(target.as_str()).await {
            Ok(Some(request)) => {
                request.card_event.as_deref() == Some(target.as_str())
                    && request.state.next(crate::domain::ActionKind::Acknowledge).is_some()
            }
            _ => false,
        }
    }

    /// Where a command was sent: a provisioned room, a direct chat, or elsewhere.
    async fn place(&self, room: &Room) -> Place {
        match self.provisioner.kind_of(room.room_id().as_str()).await {
            Ok(Some(RoomKind::Committee)) => Place::Committee,
            Ok(Some(_)) => Place::NetworkRoom,
            // A direct chat: the bot and one other person, joined or
            // invited, as the room's state says (not the summary counts,
            // which the homeserver may leave out).
            Ok(None) => match room.members(RoomMemberships::ACTIVE).await {
                Ok(members) if members.len() <= 2 => Place::Direct,
                Ok(_) => Place::Other,
                Err(e) => {
                    warn!(error = %e, "cannot read the room's members");
                    Place::Other
                }
            },
            Err(e) => {
                warn!(error = %e, "cannot tell which room this is");
                Place::Other
            }
        }
    }
}

/// What `answer` to `job` puts in the outbox, in delivery order: the answer
/// itself, then its effects.
fn outgoing(job: &Job, answer: Answer) -> Vec<Outgoing> {
    let thread = if answer.start_thread {
        Some(job.thread_root.clone().unwrap_or_else(|| job.event_id.clone()))
    } else {
        job.thread_root.clone()
    };
    // A reaction is answered in its card's thread, not as a reply to it.
    let replied = if job.reaction { job.thread_root.clone() } else { None };
    let reply = Outgoing::Message {
        to: Destination::Reply {
            room: job.room.room_id().to_string(),
            event: replied.unwrap_or_else(|| job.event_id.clone()).to_string(),
            thread: thread.map(|t| t.to_string()),
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

/// The command a job carries, for metrics: a known command name, `unknown`,
/// `reaction`, or `message` (a thread reply); never free text.
fn command_name(job: &Job, prefix: &str) -> &'static str {
    if job.reaction {
        return "reaction";
    }
    let Some(rest) = job.body.trim_start().strip_prefix(prefix) else {
        return "message";
    };
    let word = rest.split(char::is_whitespace).next().unwrap_or_default();
    crate::commands::spec(word, "").map_or("unknown", |spec| spec.name)
}
