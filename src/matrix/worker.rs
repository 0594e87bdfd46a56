//! The worker: takes the events the handlers queued and handles each exactly
//! once ([`ChatService::handle_event`]: claim, command and outbox in one
//! transaction), retrying while the database is unreachable; different
//! rooms at the same time, each room in order ([`super::lanes`]). The
//! outbox sender ([`super::outbox`]) delivers after the commit.

use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::ruma::{OwnedEventId, OwnedUserId};
use matrix_sdk::{Room, RoomMemberships};
use tokio::sync::{mpsc, oneshot, Mutex, Notify};
use tokio_util::sync::CancellationToken;
use tracing::{info, instrument, warn};

use super::lanes::{earliest, Lanes, PARALLEL};
use super::{MatrixError, Provisioner};
use crate::domain::RoomKind;
use crate::service::{ChatService, Event, Handled, Incoming, Place};
use crate::storage::{Database, MembershipStore, RequestStore, SeminarStore, StorageError};
use crate::telemetry::metrics;

/// What the sync loop puts in the worker's queue.
#[derive(Debug)]
pub enum WorkItem {
    /// A command to handle.
    Command(Box<Job>),
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
    /// The message it replies to, if any.
    pub reply_to: Option<OwnedEventId>,
    /// A reaction (on the message in `thread_root`) rather than a message.
    pub reaction: bool,
    /// The scheduled job of a command the rate limit deferred (it runs now);
    /// `None` for an event just received.
    pub deferred: Option<i64>,
    /// The event as it arrived (JSON), if it could not be decrypted: it is
    /// kept to be tried again ([`crate::service::unreadable`]).
    pub encrypted: Option<String>,
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
    /// The bot's client (the rooms of deferred commands).
    pub client: matrix_sdk::Client,
    /// Held by the one unit of work running at a time (the rest of an
    /// event's handling runs in parallel across rooms).
    pub unit: Arc<Mutex<()>>,
}

/// Longest wait between two attempts when the database is unavailable.
const MAX_DB_BACKOFF: Duration = Duration::from_secs(15);

/// Attempts at an event that fails for a lasting reason (a bug, bad data)
/// before the sender is told it was not carried out (about 4 s in all).
const MAX_LASTING_FAILURES: u32 = 4;

impl Worker {
    /// Handles queued work, and deferred commands when they fall due, until
    /// `shutdown`; then closes the queue and finishes what is already in it
    /// (deferred commands not yet due wait in the database). Scheduled work
    /// and barriers wait until the events taken before them are handled.
    pub async fn run(self, mut queue: mpsc::Receiver<WorkItem>, shutdown: CancellationToken) {
        if let Err(e) = self.chat.schedule_next_digest(&self.db).await {
            warn!(error = %e, "cannot schedule the next weekly digest; it is tried again at the next start");
        }
        let worker = self.clone();
        let mut lanes = Lanes::new(move |job: Job| worker.clone().handle_owned(job), PARALLEL);
        let mut next_due = self.run_due().await;
        loop {
            let due = async {
                match next_due {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                biased;
                _ = shutdown.cancelled() => break,
                Some(done) = lanes.next_done() => next_due = earliest(next_due, done),
                item = queue.recv() => match item {
                    Some(WorkItem::Command(job)) => lanes.push(job.room.room_id().to_string(), *job),
                    Some(WorkItem::Barrier(done)) => {
                        next_due = earliest(next_due, lanes.drain().await);
                        let _ = done.send(());
                    }
                    None => break,
                },
                _ = due => {
                    lanes.drain().await;
                    next_due = self.run_due().await;
                }
            }
        }
        queue.close();
        let in_hand = lanes.len();
        let mut drained = 0usize;
        while let Some(item) = queue.recv().await {
            drained += 1;
            match item {
                WorkItem::Command(job) => lanes.push(job.room.room_id().to_string(), *job),
                WorkItem::Barrier(done) => {
                    lanes.drain().await;
                    let _ = done.send(());
                }
            }
        }
        lanes.drain().await;
        info!(in_hand, drained, "command queue drained");
    }

    /// [`handle`](Self::handle), for a lane.
    async fn handle_owned(self, job: Job) -> Option<tokio::time::Instant> {
        self.handle(job).await
    }

    /// Handles one event exactly once: claiming it, running the command
    /// and recording its answer and effects in the outbox happen in one
    /// transaction. Any failed read on the way (which room this is, its
    /// members, the card a reaction is on, the roster, a request) fails the
    /// whole attempt before anything is claimed, and the event is tried
    /// again: queued events wait and the sync position is not saved past
    /// them. A failure that retrying cannot fix ends, after a few attempts,
    /// with the sender told that the command was not carried out.
    #[instrument(skip_all, fields(room_id = %job.room.room_id(), event_id = %job.event_id, sender = %job.sender))]
    pub(super) async fn handle(&self, job: Job) -> Option<tokio::time::Instant> {
        let started = std::time::Instant::now();
        let mut failures = 0u32;
        let mut lasting = 0u32;
        let handled = loop {
            let error = match self.handle_once(&job).await {
                Ok(handled) => break handled,
                Err(e) => e,
            };
            if matches!(error, AttemptError::Storage(_)) {
                metrics::database_error();
            }
            failures += 1;
            if !error.is_transient() {
                lasting += 1;
                if lasting >= MAX_LASTING_FAILURES {
                    match self.give_up(&job, &error).await {
                        Ok(handled) => break handled,
                        Err(e) => warn!(error = %e, "cannot record that the event failed"),
                    }
                }
            }
            let delay = Duration::from_millis(250)
                .saturating_mul(1 << failures.min(6))
                .min(MAX_DB_BACKOFF)
                .mul_f64(rand::random_range(0.5..1.0));
            warn!(%error, failures, retry_in_ms = delay.as_millis() as u64, "cannot handle an event yet; retrying");
            tokio::select! {
                _ = self.shutdown.cancelled() => {
                    // Not claimed: handled after the restart.
                    warn!("stopping before the event could be recorded; it will be handled after the restart");
                    return None;
                }
                _ = tokio::time::sleep(delay) => {}
            }
        };
        match handled {
            Handled::Before => info!("already handled; not answering again"),
            Handled::Deferred { due_at } => {
                if job.encrypted.is_some() {
                    info!(due_at, "cannot decrypt it yet (no key for it); trying again shortly");
                } else {
                    info!(due_at, "over the sender's pace: deferred");
                }
                self.outbox.notify_one();
                let command = command_name(&job, self.chat.prefix());
                metrics::command_handled(command, "deferred", started.elapsed().as_secs_f64());
                return Some(super::deferred::instant_of(due_at, self.chat.clock().now_ms()));
            }
            Handled::Answered | Handled::Ignored => {
                crate::fault::point("worker_after_commit");
                let result = if handled == Handled::Answered {
                    self.outbox.notify_one();
                    "answered"
                } else {
                    "ignored"
                };
                let command = command_name(&job, self.chat.prefix());
                metrics::command_handled(command, result, started.elapsed().as_secs_f64());
                if handled == Handled::Answered {
                    // The command may have scheduled work (a request's
                    // reminders): the wait for the next job may be shorter.
                    return self.next_job().await;
                }
            }
        }
        None
    }

    /// One attempt at [`handle`](Self::handle), in one unit of work.
    async fn handle_once(&self, job: &Job) -> Result<Handled, AttemptError> {
        if let Some(encrypted) = &job.encrypted {
            let event = super::unreadable::kept(job, encrypted);
            let _unit = self.unit.lock().await;
            return Ok(self.chat.hold_unreadable(&self.db, &event).await?);
        }
        // Reads that need no transaction come first (the committee room's
        // ID, the card a reaction is on).
        let place = self.place(&job.room).await?;
        let command = if job.reaction { self.reaction_command(job).await? } else { None };
        // The message a command replies to (`!save` keeps it).
        let quote = match &job.reply_to {
            Some(id) if !job.reaction && self.chat.is_command(&job.body) => {
                Some(super::quote::read(&job.room, id).await.map_err(AttemptError::Room)?)
            }
            _ => None,
        };
        crate::fault::point("worker_before_claim");
        let mut event = event(job, place, command.is_some());
        if let Some(command) = &command {
            event.incoming.body = command;
        }
        event.incoming.quoted = quote.as_ref().map(super::quote::Quote::as_quoted);
        let _unit = self.unit.lock().await;
        Ok(match job.deferred {
            None => self.chat.handle_event(&self.db, &event).await?,
            Some(id) => self.chat.handle_deferred_event(&self.db, id, &event).await?,
        })
    }

    /// Ends an event that keeps failing for a lasting reason: the sender is
    /// told, nothing else is done.
    async fn give_up(&self, job: &Job, error: &AttemptError) -> Result<Handled, StorageError> {
        tracing::error!(%error, "handling an event keeps failing; telling the sender it was not carried out");
        let event = event(job, Place::Other, false);
        let _unit = self.unit.lock().await;
        self.chat.give_up_event(&self.db, &event, job.deferred, &error.to_string()).await
    }

    /// The command a reaction stands for: `!ack` on a request card that can
    /// be acknowledged now, `!attend n` / `!decline-seminar n` for 👍 / 👎
    /// on a seminar's announcement; `None` for any other reaction (just a
    /// reaction). A deferred reaction's body is already its command. A
    /// failed read is an error, not a "no".
    async fn reaction_command(&self, job: &Job) -> Result<Option<String>, StorageError> {
        let prefix = self.chat.prefix();
        if self.is_ackable_card(job).await? {
            return Ok(Some(format!("{prefix}ack")));
        }
        let Some(target) = &job.thread_root else { return Ok(None) };
        if let Some(app) = self.db.application_by_poll(target.as_str()).await? {
            // A response to a membership poll is a vote (its body is the
            // answer's ID; a deferred one's body is already its command).
            if job.body.starts_with(prefix) {
                return Ok(Some(job.body.clone()));
            }
            return Ok(Some(format!("{prefix}vote {} {}", app.id, job.body)));
        }
        let Some(seminar) = self.db.seminar_by_announcement(target.as_str()).await? else {
            return Ok(None);
        };
        if job.body.starts_with(prefix) {
            return Ok(Some(job.body.clone()));
        }
        Ok(crate::domain::Rsvp::of_reaction(&job.body).map(|rsvp| match rsvp {
            crate::domain::Rsvp::Attend => format!("{prefix}attend {}", seminar.id),
            crate::domain::Rsvp::Decline => format!("{prefix}decline-seminar {}", seminar.id),
        }))
    }

    /// Whether a reaction is on a request card that can be acknowledged now
    /// (reactions are a shortcut for `!ack`; any other reaction is just a
    /// reaction). A failed read is an error, not a "no".
    async fn is_ackable_card(&self, job: &Job) -> Result<bool, StorageError> {
        let Some(target) = &job.thread_root else { return Ok(false) };
        crate::fault::fail("reaction_card")?;
        Ok(match self.db.find_request_by_event(target.as_str()).await? {
            Some(request) => {
                request.card_event.as_deref() == Some(target.as_str())
                    && request.state.next(crate::domain::ActionKind::Acknowledge).is_some()
            }
            None => false,
        })
    }

    /// Where a command was sent: a provisioned room, a direct chat, or
    /// elsewhere. A failed read is an error, never a guess.
    async fn place(&self, room: &Room) -> Result<Place, AttemptError> {
        crate::fault::fail("room_kind").map_err(StorageError::from)?;
        match self.provisioner.kind_of(room.room_id().as_str()).await {
            Ok(Some(RoomKind::Committee)) => return Ok(Place::Committee),
            Ok(Some(RoomKind::Working(request))) => return Ok(Place::Working(request)),
            Ok(Some(_)) => return Ok(Place::NetworkRoom),
            Ok(None) => {}
            Err(MatrixError::Storage(e)) => return Err(AttemptError::Storage(e)),
            Err(e) => return Err(AttemptError::Room(e.to_string())),
        }
        // A direct chat: the bot and one other person, joined or invited,
        // as the room's state says (not the summary counts, which the
        // homeserver may leave out).
        crate::fault::fail("room_members").map_err(|e| AttemptError::Room(e.to_string()))?;
        let members = room
            .members(RoomMemberships::ACTIVE)
            .await
            .map_err(|e| AttemptError::Room(e.to_string()))?;
        Ok(if members.len() <= 2 { Place::Direct } else { Place::Other })
    }
}

/// The event a job carries, as the service sees it.
fn event(job: &Job, place: Place, ackable: bool) -> Event<'_> {
    Event {
        incoming: Incoming {
            sender: job.sender.as_str(),
            body: &job.body,
            place,
            room_id: job.room.room_id().as_str(),
            event_id: job.event_id.as_str(),
            thread_root: job.thread_root.as_ref().map(|e| e.as_str()),
            quoted: None,
        },
        reaction: job.reaction,
        ackable,
    }
}

/// Why one attempt at handling an event failed.
#[derive(Debug, thiserror::Error)]
enum AttemptError {
    /// The database.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The room's state (its members) could not be read.
    #[error("cannot read the room: {0}")]
    Room(String),
}

impl AttemptError {
    /// Whether trying again may succeed; the homeserver and the Matrix
    /// store are always given another chance.
    fn is_transient(&self) -> bool {
        match self {
            AttemptError::Storage(e) => e.is_transient(),
            AttemptError::Room(_) => true,
        }
    }
}

/// The command a job carries, for metrics: a known command name, `unknown`,
/// `reaction`, `message` (a thread reply), or `undecrypted` (not readable
/// yet); never free text.
fn command_name(job: &Job, prefix: &str) -> &'static str {
    if job.encrypted.is_some() {
        return "undecrypted";
    }
    if job.reaction {
        return "reaction";
    }
    let Some(rest) = job.body.trim_start().strip_prefix(prefix) else {
        return "message";
    };
    let word = rest.split(char::is_whitespace).next().unwrap_or_default();
    crate::commands::spec(word, "").map_or("unknown", |spec| spec.name)
}
