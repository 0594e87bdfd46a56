//! The worker: takes the commands the handlers queued, claims each event in
//! the database (so it is handled once), asks the service for the answer and
//! sends it.

use matrix_sdk::ruma::{OwnedEventId, OwnedUserId};
use matrix_sdk::Room;
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;
use tracing::{error, info, instrument, warn};

use super::send::{self, ReplyTarget};
use super::Provisioner;
use crate::domain::RoomKind;
use crate::service::{ChatService, Effect, Incoming, Place};
use crate::storage::{Database, EventClaim, ProcessedEvents};
use tokio_util::task::TaskTracker;

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
            Ok(EventClaim::New) => {}
            Ok(EventClaim::AlreadyHandled) => {
                info!("already handled; not answering again");
                return;
            }
            Err(e) => {
                // Without a claim the answer could be sent twice later. The
                // sync position is not saved past this event (see Barrier),
                // so it comes back after a restart.
                error!(error = %e, "cannot record the event; leaving it unanswered");
                return;
            }
        }
        let place = self.place(&job.room).await;
        let incoming = Incoming { sender: job.sender.as_str(), body: &job.body, place };
        let Some(answer) = self.chat.handle(&incoming).await else {
            return;
        };
        let target = ReplyTarget { event_id: job.event_id.clone(), thread_root: job.thread_root };
        let content = send::notice(&answer.text, &target);
        let txn_id = send::reply_transaction_id(job.event_id.as_str());
        let outcome = match send_with_retries(&job.room, content, &txn_id).await {
            Ok(reply_id) => {
                info!(%reply_id, "answered");
                "answered".to_owned()
            }
            Err(e) => {
                error!(error = %e, "could not send the answer");
                format!("failed: {e}")
            }
        };
        if let Err(e) = self.db.record_outcome(job.event_id.as_str(), &outcome).await {
            warn!(error = %e, "could not record the outcome");
        }
        for effect in answer.effects {
            self.carry_out(effect).await;
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

    async fn carry_out(&self, effect: Effect) {
        match effect {
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

/// Sends with a few retries; the stable transaction ID makes a retry of a
/// send that did reach the homeserver a no-op.
async fn send_with_retries(
    room: &Room,
    content: matrix_sdk::ruma::events::room::message::RoomMessageEventContent,
    txn_id: &matrix_sdk::ruma::TransactionId,
) -> Result<OwnedEventId, matrix_sdk::Error> {
    const ATTEMPTS: u32 = 4;
    let mut attempt = 1;
    loop {
        match send::send(room, content.clone(), txn_id).await {
            Ok(id) => return Ok(id),
            Err(e) if attempt < ATTEMPTS => {
                warn!(error = %e, attempt, "sending failed; retrying");
                tokio::time::sleep(std::time::Duration::from_millis(500 << attempt)).await;
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}
