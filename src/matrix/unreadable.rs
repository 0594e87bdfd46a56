//! Events the bot's device could not decrypt: the handler sees them (an
//! `m.room.encrypted` event reaches handlers only when decryption failed)
//! and queues them; the worker keeps them as scheduled jobs
//! ([`crate::service::unreadable`]) and, when one falls due, tries again
//! with the keys that have arrived since. Decrypted, the event is handled
//! as its kind would have been on arrival, exactly once (the job is its
//! claim); still unreadable, it waits for the next try or its sender is
//! told.

use matrix_sdk::event_handler::{Ctx, RawEvent};
use matrix_sdk::ruma::events::room::encrypted::{OriginalSyncRoomEncryptedEvent, Relation};
use matrix_sdk::ruma::events::SyncMessageLikeEvent;
use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent};
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::OwnedRoomId;
use matrix_sdk::{Client, Room};
use tracing::{info, warn};

use super::handlers;
use super::sync::BotContext;
use super::worker::{Job, Worker};
use crate::service::unreadable::UnreadableEvent;
use crate::service::Handled;
use crate::storage::{JobStore, ScheduledJob, StorageError};

/// An event that stayed encrypted: queued, to be kept and tried again.
pub async fn on_encrypted(
    event: OriginalSyncRoomEncryptedEvent,
    raw: RawEvent,
    room: Room,
    client: Client,
    Ctx(ctx): Ctx<BotContext>,
) {
    if !handlers::is_new_from_another(&room, &client, &event.sender, event.origin_server_ts).await {
        return;
    }
    info!(event_id = %event.event_id, sender = %event.sender, "an event cannot be decrypted yet (no key for it)");
    let thread_root = match &event.content.relates_to {
        Some(Relation::Thread(thread)) => Some(thread.event_id.clone()),
        _ => None,
    };
    let job = Job {
        room,
        event_id: event.event_id.clone(),
        sender: event.sender.clone(),
        body: String::new(),
        thread_root,
        reply_to: None,
        reaction: false,
        deferred: None,
        encrypted: Some(raw.get().to_owned()),
    };
    handlers::queue(&ctx, job, "encrypted event").await;
}

/// What the service keeps of an encrypted `job` (`event`: as it arrived).
pub(super) fn kept(job: &Job, event: &str) -> UnreadableEvent {
    UnreadableEvent {
        room_id: job.room.room_id().to_string(),
        event_id: job.event_id.to_string(),
        sender: job.sender.to_string(),
        thread_root: job.thread_root.as_ref().map(ToString::to_string),
        event: event.to_owned(),
        tries: 0,
    }
}

impl Worker {
    /// Tries to decrypt the event of `job` again and handles what comes of
    /// it. An error: nothing of this try was recorded.
    pub(super) async fn try_again(&self, job: &ScheduledJob) -> Result<(), StorageError> {
        let Ok(event) = serde_json::from_str::<UnreadableEvent>(&job.payload) else {
            warn!(id = job.id, "a kept encrypted event cannot be read; dropping it");
            self.db.finish_job(job.id).await?;
            return Ok(());
        };
        let room = OwnedRoomId::try_from(event.room_id.as_str())
            .ok()
            .and_then(|id| self.client.get_room(&id));
        let Some(room) = room else {
            info!(event_id = %event.event_id, "the bot is no longer in the room of an encrypted event; dropping it");
            self.db.finish_job(job.id).await?;
            return Ok(());
        };
        let raw = Raw::<OriginalSyncRoomEncryptedEvent>::from_json_string(event.event.clone());
        let decrypted = match raw {
            Ok(raw) => match room.decrypt_event(&raw, None).await {
                Ok(timeline) if !timeline.kind.is_utd() => Some(timeline.into_raw()),
                Ok(_) => None,
                Err(e) => {
                    info!(event_id = %event.event_id, error = %e, "decrypting an event failed");
                    None
                }
            },
            Err(_) => None,
        };
        let Some(decrypted) = decrypted else {
            let _unit = self.unit.lock().await;
            let handled = self.chat.still_unreadable(&self.db, job.id, &event).await?;
            let (event_id, sender, tries) = (&event.event_id, &event.sender, event.tries + 1);
            match handled {
                Handled::Deferred { .. } => {
                    info!(%event_id, tries, "still cannot decrypt an event; trying again later")
                }
                Handled::Answered => {
                    warn!(%event_id, %sender, tries, "could not decrypt an event; its sender is told (their client may not share room keys with this device)")
                }
                Handled::Ignored => {
                    info!(%event_id, %sender, tries, "could not decrypt an event; its sender was told earlier today")
                }
                Handled::Before => {}
            }
            return Ok(());
        };
        match self.job_of_decrypted(&decrypted, room, job.id) {
            Some(work) => {
                info!(event_id = %event.event_id, tries = event.tries + 1, "decrypted on a later try; handling it");
                self.handle(work).await;
            }
            None => {
                let _unit = self.unit.lock().await;
                self.chat.decrypted_chatter(&self.db, job.id, &event.event_id).await?;
            }
        }
        Ok(())
    }

    /// The work a decrypted event is, as its handler would have found it on
    /// arrival (`None`: none, chatter), run as job `id`.
    fn job_of_decrypted(
        &self,
        raw: &Raw<AnySyncTimelineEvent>,
        room: Room,
        id: i64,
    ) -> Option<Job> {
        use AnySyncMessageLikeEvent as Any;
        let AnySyncTimelineEvent::MessageLike(event) = raw.deserialize().ok()? else {
            return None;
        };
        let mut job = match event {
            Any::RoomMessage(SyncMessageLikeEvent::Original(e)) => {
                handlers::message_job(&e, room, |body| self.chat.is_command(body))?
            }
            Any::Reaction(SyncMessageLikeEvent::Original(e)) => handlers::reaction_job(&e, room),
            Any::UnstablePollResponse(SyncMessageLikeEvent::Original(e)) => {
                handlers::unstable_poll_job(&e, room)
            }
            Any::PollResponse(SyncMessageLikeEvent::Original(e)) => handlers::poll_job(&e, room),
            _ => return None,
        };
        job.deferred = Some(id);
        Some(job)
    }
}
