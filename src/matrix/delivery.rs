//! Delivering what the worker decided to say: the request card in the
//! committee room, messages in its thread, notices in the requester's
//! thread, each with a stable transaction ID and retried until the
//! homeserver takes it (see [`send_with_retries`]).

use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId};
use matrix_sdk::Room;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use super::send;
use super::worker::{Job, Worker};
use super::MatrixError;
use crate::domain::RoomKind;
use crate::i18n::Text;
use crate::storage::RequestStore;

impl Worker {
    /// Posts a request's card in the committee room and records it.
    pub(super) async fn post_card(
        &self,
        job: &Job,
        request_id: i64,
        text: &Text,
    ) -> Result<(), MatrixError> {
        let room_id = self.provisioner.room_id(&RoomKind::Committee).await?.ok_or_else(|| {
            MatrixError::Store("the committee room is not provisioned yet".into())
        })?;
        let room = joined_room(job, &room_id)?;
        let txn = send::transaction_id("card", job.event_id.as_str());
        let card = send_with_retries(&room, send::notice_alone(text), &txn, &self.shutdown).await?;
        self.db.set_card(request_id, room_id.as_str(), card.as_str()).await?;
        info!(request_id, %card, "request card posted");
        Ok(())
    }

    /// Posts `text` in one of request `request_id`'s threads.
    pub(super) async fn post_in_thread(
        &self,
        job: &Job,
        request_id: i64,
        thread: RequestThread,
        text: &Text,
    ) -> Result<(), MatrixError> {
        let request = self
            .db
            .get_request(request_id)
            .await?
            .ok_or_else(|| MatrixError::Store(format!("request #{request_id} vanished")))?;
        let (room, root, kind) = match thread {
            RequestThread::Card => match (request.card_room, request.card_event) {
                (Some(room), Some(card)) => (room, card, "relay"),
                _ => return Err(MatrixError::Store(format!("request #{request_id} has no card"))),
            },
            RequestThread::Requester => (request.source_room, request.source_event, "notice"),
        };
        let room = joined_room(job, &OwnedRoomId::try_from(room.as_str())?)?;
        let root = OwnedEventId::try_from(root.as_str())?;
        let txn = send::transaction_id(kind, job.event_id.as_str());
        send_with_retries(&room, send::notice_in_thread(text, &root), &txn, &self.shutdown).await?;
        Ok(())
    }
}

/// Which of a request's two threads.
#[derive(Debug, Clone, Copy)]
pub(super) enum RequestThread {
    /// The thread of its card in the committee room.
    Card,
    /// The thread of the message that filed it (the requester's).
    Requester,
}

/// The room `room_id` as the bot's client knows it (it must have joined).
fn joined_room(job: &Job, room_id: &OwnedRoomId) -> Result<Room, MatrixError> {
    job.room
        .client()
        .get_room(room_id)
        .ok_or_else(|| MatrixError::Store(format!("the bot is not in {room_id}")))
}

/// Longest wait between two attempts to send.
const MAX_SEND_BACKOFF: std::time::Duration = std::time::Duration::from_secs(30);

/// Sends, retrying while the homeserver is unreachable or rate-limits us
/// (capped exponential backoff with jitter, or the server's `retry_after`),
/// until it works, the error is permanent (the bot may not post there), or
/// the process stops. The stable transaction ID makes a retry of a send
/// that did reach the homeserver a no-op.
pub(super) async fn send_with_retries(
    room: &Room,
    content: matrix_sdk::ruma::events::room::message::RoomMessageEventContent,
    txn_id: &matrix_sdk::ruma::TransactionId,
    shutdown: &CancellationToken,
) -> Result<OwnedEventId, matrix_sdk::Error> {
    use matrix_sdk::ruma::api::error::ErrorKind;
    let mut attempt: u32 = 0;
    loop {
        let error = match send::send(room, content.clone(), txn_id).await {
            Ok(id) => return Ok(id),
            Err(e) => e,
        };
        attempt += 1;
        let delay = match error.client_api_error_kind() {
            Some(ErrorKind::LimitExceeded(data)) => data
                .retry_after
                .as_ref()
                .and_then(|r| match r {
                    matrix_sdk::ruma::api::error::RetryAfter::Delay(d) => Some(*d),
                    _ => None,
                })
                .unwrap_or(MAX_SEND_BACKOFF / 10),
            // The homeserver answered with a reason that retrying won't change.
            Some(_) => return Err(error),
            None => {
                let base = std::time::Duration::from_millis(500)
                    .saturating_mul(1 << attempt.min(6))
                    .min(MAX_SEND_BACKOFF);
                base.mul_f64(rand::random_range(0.5..1.0))
            }
        };
        warn!(error = %error, attempt, retry_in_ms = delay.as_millis() as u64, "sending failed; retrying");
        tokio::select! {
            _ = shutdown.cancelled() => return Err(error),
            _ = tokio::time::sleep(delay) => {}
        }
    }
}
