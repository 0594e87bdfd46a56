//! The outbox sender: delivers, in order, what the worker recorded in the
//! outbox (answers, request cards, messages in a request's threads,
//! invitations), each message with the transaction ID fixed when it was
//! recorded. It runs until shutdown; whatever it has not delivered by then
//! stays in the outbox and is delivered after the next start.
//!
//! Crash safety: a send that reached the homeserver before a crash (but was
//! not yet marked sent) is found in its room by the transaction ID its
//! content carries, and recorded instead of sent again, whichever instance
//! (device) made it ([`once`]). Sent again by the same device, the
//! homeserver would also answer with the event it already has.

mod once;
mod poll;
mod route;

use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::Client;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tracing::{debug, error, info, instrument, warn};

use super::send;
use super::{MatrixError, Provisioner};
use crate::domain::{server_name_of, RoomKind};
use crate::i18n::Text;
use crate::storage::{
    now_ms, Database, Destination, Outbox, OutboxEntry, Outgoing, RequestStore, Retry, SeminarStore,
};
use crate::telemetry::metrics;

/// Attempts at a deferred item (an invitation) before giving up: with
/// [`deferral`], about a day.
const MAX_DEFERRALS: u32 = 300;

/// How many pending items are read at a time. The rooms of a batch are
/// served side by side and the next batch waits for the slowest room, so a
/// burst in one room must not fill the batch (with 64, a wave of 200 replies
/// split between the plenary and 100 direct chats took 20 s to the last
/// reply, the direct chats waiting behind the plenary's queue).
const BATCH: i64 = 256;

/// Longest wait between two attempts to send.
const MAX_SEND_BACKOFF: Duration = Duration::from_secs(30);

/// Longest wait between two reads of the outbox when nobody wakes the sender
/// (a safety net; the worker wakes it after every commit).
const IDLE_POLL: Duration = Duration::from_secs(5);

/// Delivers the outbox.
#[derive(Clone)]
pub struct OutboxSender {
    /// The bot's client.
    pub client: Client,
    /// Where the outbox is.
    pub db: Database,
    /// Invitations and reconciliation.
    pub provisioner: Provisioner,
    /// Woken when the worker has committed new items.
    pub wake: Arc<Notify>,
    /// Whether this instance may still act (fencing: a leader whose lease
    /// is not safely alive sends nothing).
    pub leadership: crate::leader::Leadership,
}

/// Why an item could not be delivered.
enum Failure {
    /// Worth retrying (homeserver unreachable, rate limited, database down).
    Transient(String, Option<Duration>),
    /// Retrying will not help (the bot may not post there, the request has
    /// no card): the item is marked failed with the reason.
    Permanent(String),
    /// The room is being set up (a working room provisioning is creating and
    /// filling): an expected wait, retried quietly every [`PENDING_PAUSE`],
    /// then treated as a transient failure after [`MAX_PENDING`] tries.
    Pending(String),
}

/// How often an item waiting for its room is tried again.
const PENDING_PAUSE: Duration = Duration::from_millis(500);
/// How many quiet tries before a wait for a room counts as a failure
/// (about five minutes).
const MAX_PENDING: u32 = 600;

impl OutboxSender {
    /// Delivers pending items until `shutdown`.
    pub async fn run(self, shutdown: CancellationToken) {
        let mut failures: u32 = 0;
        loop {
            let batch = match self.db.pending(BATCH).await {
                Ok(batch) => batch,
                Err(e) => {
                    warn!(error = %e, "cannot read the outbox; retrying");
                    if !retry_later(&mut failures, &shutdown).await {
                        return;
                    }
                    continue;
                }
            };
            if batch.is_empty() {
                failures = 0;
                tokio::select! {
                    _ = shutdown.cancelled() => return,
                    _ = self.wake.notified() => {}
                    _ = tokio::time::sleep(IDLE_POLL) => {}
                }
                continue;
            }
            // Each room's messages keep their order; different rooms are
            // served at the same time (a request's card does not wait for
            // the answer in the plenary, nor a notice for the reply in the
            // committee room).
            let lanes = match self.lanes(batch).await {
                Ok(lanes) => lanes,
                Err(e) => {
                    // A lane guessed wrong would let two messages of one
                    // room overtake each other: read the batch again later.
                    warn!(error = %e, "cannot tell which room an outbox item goes to; retrying");
                    if !retry_later(&mut failures, &shutdown).await {
                        return;
                    }
                    continue;
                }
            };
            let served = futures_util::future::join_all(
                lanes.into_iter().map(|(_, entries)| self.deliver_lane(entries, &shutdown)),
            )
            .await;
            if served.contains(&false) {
                return;
            }
        }
    }

    /// The batch sorted into lanes, each in order.
    async fn lanes(
        &self,
        batch: Vec<OutboxEntry>,
    ) -> Result<Vec<(String, Vec<OutboxEntry>)>, MatrixError> {
        let mut lanes: Vec<(String, Vec<OutboxEntry>)> = Vec::new();
        for entry in batch {
            let lane = self.lane(&entry).await?;
            match lanes.iter_mut().find(|(key, _)| *key == lane) {
                Some((_, entries)) => entries.push(entry),
                None => lanes.push((lane, vec![entry])),
            }
        }
        Ok(lanes)
    }

    /// Delivers the entries of one lane in order; `false` on shutdown.
    async fn deliver_lane(&self, entries: Vec<OutboxEntry>, shutdown: &CancellationToken) -> bool {
        let mut failures: u32 = 0;
        for entry in entries {
            let mut pending: u32 = 0;
            // Messages keep their order: one is retried in place until it
            // is delivered or given up before the next is tried. An
            // invitation to a server that is down is deferred instead, so
            // it holds nothing else up.
            loop {
                if shutdown.is_cancelled() {
                    return false;
                }
                match self.deliver(&entry).await {
                    Ok(()) => {
                        failures = 0;
                        break;
                    }
                    Err(Failure::Permanent(reason)) => {
                        self.give_up(&entry, &reason).await;
                        break;
                    }
                    Err(Failure::Pending(reason)) if pending < MAX_PENDING => {
                        pending += 1;
                        debug!(id = entry.id, %reason, pending, "waiting for the room");
                        if !pause(shutdown, PENDING_PAUSE).await {
                            return false;
                        }
                    }
                    Err(Failure::Pending(reason)) => {
                        failures += 1;
                        let delay = backoff(failures, None);
                        warn!(id = entry.id, %reason, failures, "the room is still not ready; retrying");
                        self.record_failure(&entry, &reason, Retry::InPlace).await;
                        if !pause(shutdown, delay).await {
                            return false;
                        }
                    }
                    Err(Failure::Transient(reason, after)) if entry.item.is_deferrable() => {
                        let attempts = u32::try_from(entry.attempts + 1).unwrap_or(u32::MAX);
                        if attempts >= MAX_DEFERRALS {
                            self.give_up(&entry, &reason).await;
                            break;
                        }
                        let delay = after.unwrap_or_else(|| deferral(attempts));
                        warn!(
                            id = entry.id,
                            kind = entry.item.kind(),
                            %reason,
                            attempts,
                            retry_in_ms = delay.as_millis() as u64,
                            "delivery failed; deferred"
                        );
                        let at = now_ms() + i64::try_from(delay.as_millis()).unwrap_or(0);
                        self.record_failure(&entry, &reason, Retry::NotBefore(at)).await;
                        break;
                    }
                    Err(Failure::Transient(reason, after)) => {
                        failures += 1;
                        let delay = backoff(failures, after);
                        warn!(
                            id = entry.id,
                            kind = entry.item.kind(),
                            %reason,
                            failures,
                            retry_in_ms = delay.as_millis() as u64,
                            "delivery failed; retrying"
                        );
                        self.record_failure(&entry, &reason, Retry::InPlace).await;
                        if !pause(shutdown, delay).await {
                            return false;
                        }
                    }
                }
            }
        }
        true
    }

    /// Ends the delivery of `entry`, recording why.
    async fn give_up(&self, entry: &OutboxEntry, reason: &str) {
        metrics::delivery_failed();
        error!(id = entry.id, kind = entry.item.kind(), attempts = entry.attempts + 1, %reason, "giving up on an outbox item");
        self.record_failure(entry, reason, Retry::GiveUp).await;
    }

    async fn record_failure(&self, entry: &OutboxEntry, reason: &str, next: Retry) {
        if let Err(e) = self.db.mark_attempt_failed(entry.id, reason, next).await {
            metrics::database_error();
            warn!(id = entry.id, error = %e, "cannot record a failed delivery");
        }
    }

    #[instrument(skip_all, fields(id = entry.id, kind = entry.item.kind(), event_id = %entry.event_id))]
    async fn deliver(&self, entry: &OutboxEntry) -> Result<(), Failure> {
        crate::fault::point("outbox_before_send");
        if !self.leadership.acting() {
            // Fencing: another instance may lead by now; it sends this.
            return Err(Failure::Pending("this instance no longer leads".into()));
        }
        if !crate::matrix::sync::rooms_known() {
            // Until then its client may not know the rooms (a device that
            // just took the lead from another syncs them first).
            return Err(Failure::Pending("waiting to know the rooms".into()));
        }
        match &entry.item {
            Outgoing::Message { to, plain, html, mentions } => {
                let text = Text::new(plain.clone(), html.clone());
                let (room, mut content) = self.message(to, &text).await?;
                if !mentions.is_empty() {
                    content.mentions = Some(send::mentions(mentions));
                }
                let sent = self.send_once(entry, &room, content).await?;
                crate::fault::point("outbox_after_send");
                let db = |e: crate::storage::StorageError| {
                    metrics::database_error();
                    Failure::Transient(format!("recording the delivery: {e}"), None)
                };
                // The card's event is remembered with the delivery, in one
                // transaction: the card thread is found through it.
                let tx = self.db.begin().await.map_err(db)?;
                if let Destination::Card { request } = to {
                    tx.set_card(*request, room.room_id().as_str(), sent.as_str())
                        .await
                        .map_err(db)?;
                }
                if let Destination::Announcement { seminar } = to {
                    tx.set_announcement(*seminar, sent.as_str()).await.map_err(db)?;
                }
                tx.mark_sent(entry.id, Some(sent.as_str())).await.map_err(db)?;
                if matches!(to, Destination::Reply { .. }) {
                    use crate::storage::ProcessedEvents;
                    tx.record_answered(&entry.event_id).await.map_err(db)?;
                }
                tx.commit().await.map_err(db)?;
                crate::fault::point("outbox_after_mark");
                let waited = (now_ms() - entry.created_at).max(0) as f64 / 1000.0;
                metrics::outbox_delivered(entry.item.kind(), waited);
                info!(%sent, "delivered");
                Ok(())
            }
            Outgoing::Invite { user, room_kind, room_key } => {
                let kind = RoomKind::from_key(room_kind, room_key).ok_or_else(|| {
                    Failure::Permanent(format!("unknown room kind {room_kind}/{room_key}"))
                })?;
                // Inviting is idempotent: someone invited or joined already
                // is left as they are. The invitation goes to the invitee's
                // homeserver, which may be down: its state is reported.
                let server = server_name_of(user);
                match self.provisioner.invite(&kind, user).await {
                    Ok(()) => metrics::remote_server_ok(server),
                    Err(MatrixError::Sdk(e)) => {
                        let failure = classify(e);
                        if let Failure::Transient(reason, _) = &failure {
                            metrics::remote_server_failed(server, reason);
                        }
                        return Err(failure);
                    }
                    Err(e @ MatrixError::Unreachable(_)) => {
                        metrics::remote_server_failed(server, &e.to_string());
                        return Err(Failure::Transient(e.to_string(), None));
                    }
                    Err(e) => return Err(Failure::Permanent(e.to_string())),
                }
                self.mark_done(entry).await
            }
            Outgoing::Reconcile => {
                // The provisioning loop runs it, and retries what fails.
                self.provisioner.request_reconcile();
                self.mark_done(entry).await
            }
            Outgoing::Poll { application, plain, answers, .. } => {
                self.deliver_poll(entry, *application, plain, answers).await
            }
            Outgoing::PollEnd { application, plain } => {
                self.deliver_poll_end(entry, *application, plain).await
            }
        }
    }

    async fn mark_done(&self, entry: &OutboxEntry) -> Result<(), Failure> {
        self.db.mark_sent(entry.id, None).await.map_err(|e| {
            metrics::database_error();
            Failure::Transient(format!("recording the delivery: {e}"), None)
        })
    }
}

/// Sorts a send error: the homeserver refusing with a reason is final,
/// except rate limiting and server errors; anything else (unreachable,
/// timed out) is retried.
fn classify(error: matrix_sdk::Error) -> Failure {
    match error.client_api_error_kind() {
        Some(ErrorKind::LimitExceeded(data)) => {
            let after = data.retry_after.as_ref().and_then(|r| match r {
                matrix_sdk::ruma::api::error::RetryAfter::Delay(d) => Some(*d),
                _ => None,
            });
            Failure::Transient(error.to_string(), Some(after.unwrap_or(MAX_SEND_BACKOFF / 10)))
        }
        // A 5xx (a homeserver restarting, a proxy in front of it) is passing.
        Some(_) if error.as_client_api_error().is_some_and(|e| e.status_code.is_server_error()) => {
            Failure::Transient(error.to_string(), None)
        }
        Some(_) => Failure::Permanent(error.to_string()),
        None => Failure::Transient(error.to_string(), None),
    }
}

/// The server's `retry_after` when it gave one, else capped exponential
/// backoff with jitter: about 0.5 s, 1 s, 2 s … up to 30 s.
fn backoff(failures: u32, server_says: Option<Duration>) -> Duration {
    if let Some(after) = server_says {
        return after;
    }
    let base =
        Duration::from_millis(250).saturating_mul(1 << failures.min(7)).min(MAX_SEND_BACKOFF);
    base.mul_f64(rand::random_range(0.5..1.0))
}

/// How long a deferred item waits after its `attempts`-th failure: about
/// 2 s, 4 s, 8 s … up to 5 minutes, with jitter.
fn deferral(attempts: u32) -> Duration {
    let base =
        Duration::from_secs(1).saturating_mul(1 << attempts.min(9)).min(Duration::from_secs(300));
    base.mul_f64(rand::random_range(0.5..1.0))
}

/// After a failed database read: counts it, then waits with backoff;
/// `false` if the process is stopping.
async fn retry_later(failures: &mut u32, shutdown: &CancellationToken) -> bool {
    metrics::database_error();
    *failures += 1;
    pause(shutdown, backoff(*failures, None)).await
}

/// Sleeps `delay`; `false` if the process is stopping.
async fn pause(shutdown: &CancellationToken, delay: Duration) -> bool {
    tokio::select! {
        _ = shutdown.cancelled() => false,
        _ = tokio::time::sleep(delay) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deferrals_grow_to_five_minutes() {
        assert!(deferral(1) <= Duration::from_secs(2));
        assert!(deferral(4) >= Duration::from_secs(8));
        for n in [9, 40, u32::MAX] {
            let d = deferral(n);
            assert!(d <= Duration::from_secs(300) && d >= Duration::from_secs(150), "{d:?}");
        }
    }

    #[test]
    fn backoff_follows_the_server_or_grows_capped() {
        assert_eq!(backoff(3, Some(Duration::from_millis(1234))), Duration::from_millis(1234));
        assert!(backoff(1, None) <= Duration::from_millis(500));
        for n in [8, 30, u32::MAX] {
            let d = backoff(n, None);
            assert!(d <= MAX_SEND_BACKOFF && d >= MAX_SEND_BACKOFF / 2, "{d:?}");
        }
    }
}
