//! The worker: takes the commands the handlers queued, claims each event in
//! the database (so it is handled once), asks the service for the answer and
//! sends it.

use matrix_sdk::ruma::{OwnedEventId, OwnedUserId};
use matrix_sdk::Room;
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{error, info, instrument, warn};

use super::delivery::{send_with_retries, RequestThread};
use super::send::{self, ReplyTarget};
use super::Provisioner;
use crate::domain::RoomKind;
use crate::service::{ChatService, Effect, Incoming, Place};
use crate::storage::{Database, EventClaim, ProcessedEvents, RequestStore};
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
    /// Where events are claimed.
    pub db: Database,
    /// The use cases.
    pub chat: ChatService<Database>,
    /// Carries out effects on rooms (invitations, reconciliation).
    pub provisioner: Provisioner,
    /// Background work started by effects, waited for at shutdown.
    pub tasks: TaskTracker,
    /// Cancelled when the process stops (ends send retries).
    pub shutdown: CancellationToken,
}

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

    #[instrument(skip_all, fields(room_id = %job.room.room_id(), event_id = %job.event_id, sender = %job.sender))]
    async fn handle(&self, job: Job) {
        let started = std::time::Instant::now();
        if !self.claim(&job).await {
            return;
        }
        let result = self.respond(&job).await;
        let command = command_name(&job, self.chat.prefix());
        metrics::command_handled(command, result, started.elapsed().as_secs_f64());
    }

    /// Records the event as handled; `false` if it already was (or cannot be
    /// recorded: then it is left for after a restart).
    async fn claim(&self, job: &Job) -> bool {
        let claim = self
            .db
            .claim_event(
                job.event_id.as_str(),
                job.room.room_id().as_str(),
                job.sender.as_str(),
                "command",
            )
            .await;
        match claim {
            Ok(EventClaim::New) => true,
            Ok(EventClaim::AlreadyHandled) => {
                info!("already handled; not answering again");
                false
            }
            Err(e) => {
                // Without a claim the answer could be sent twice later. The
                // sync position is not saved past this event (see Barrier),
                // so it comes back after a restart.
                metrics::database_error();
                error!(error = %e, "cannot record the event; leaving it unanswered");
                false
            }
        }
    }

    /// Answers the job and carries out the effects; returns `answered`,
    /// `failed` (the answer could not be sent) or `ignored`.
    async fn respond(&self, job: &Job) -> &'static str {
        if job.reaction && !self.is_ackable_card(job).await {
            return "ignored";
        }
        let place = self.place(&job.room).await;
        let incoming = Incoming {
            sender: job.sender.as_str(),
            body: &job.body,
            place,
            room_id: job.room.room_id().as_str(),
            event_id: job.event_id.as_str(),
            thread_root: job.thread_root.as_ref().map(|e| e.as_str()),
        };
        let Some(answer) = self.chat.handle(&incoming).await else {
            return "ignored";
        };
        let thread_root = if answer.start_thread {
            Some(job.thread_root.clone().unwrap_or_else(|| job.event_id.clone()))
        } else {
            job.thread_root.clone()
        };
        // A reaction is answered in its card's thread, not as a reply to it.
        let replied = if job.reaction { job.thread_root.clone() } else { None };
        let target =
            ReplyTarget { event_id: replied.unwrap_or_else(|| job.event_id.clone()), thread_root };
        let content = send::notice(&answer.text, &target);
        let txn_id = send::reply_transaction_id(job.event_id.as_str());
        let (result, outcome) =
            match send_with_retries(&job.room, content, &txn_id, &self.shutdown).await {
                Ok(reply_id) => {
                    info!(%reply_id, "answered");
                    ("answered", "answered".to_owned())
                }
                Err(e) => {
                    metrics::delivery_failed();
                    error!(error = %e, "could not send the answer");
                    ("failed", format!("failed: {e}"))
                }
            };
        if let Err(e) = self.db.record_outcome(job.event_id.as_str(), &outcome).await {
            metrics::database_error();
            warn!(error = %e, "could not record the outcome");
        }
        for effect in answer.effects {
            self.carry_out(job, effect).await;
        }
        result
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
            Ok(None) if room.joined_members_count() <= 2 => Place::Direct,
            Ok(None) => Place::Other,
            Err(e) => {
                warn!(error = %e, "cannot tell which room this is");
                Place::Other
            }
        }
    }

    async fn carry_out(&self, job: &Job, effect: Effect) {
        match effect {
            Effect::PostCard { request_id, text } => {
                if let Err(e) = self.post_card(job, request_id, &text).await {
                    metrics::delivery_failed();
                    error!(request_id, error = %e, "could not post the request card");
                }
            }
            Effect::PostToCard { request_id, text } => {
                if let Err(e) =
                    self.post_in_thread(job, request_id, RequestThread::Card, &text).await
                {
                    metrics::delivery_failed();
                    error!(request_id, error = %e, "could not post in the card's thread");
                }
            }
            Effect::Notify { request_id, text } => {
                if let Err(e) =
                    self.post_in_thread(job, request_id, RequestThread::Requester, &text).await
                {
                    metrics::delivery_failed();
                    error!(request_id, error = %e, "could not notify the requester");
                }
            }
            Effect::Invite { user, room } => {
                if let Err(e) = self.provisioner.invite(&room, &user).await {
                    warn!(%user, %room, error = %e, "could not invite");
                }
            }
            Effect::Reconcile => {
                let provisioner = self.provisioner.clone();
                self.tasks.spawn(async move {
                    if let Err(e) = provisioner.reconcile(false).await {
                        warn!(error = %e, "provisioning after a roster change failed");
                    }
                });
            }
        }
    }
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
