//! Where each outbox item goes: its lane (the room it is posted in, so that
//! each room's messages keep their order) and the room and content of a
//! message, from its [`Destination`] (a reply, a request's card or threads,
//! a provisioned room, a seminar's announcement).

use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId};
use matrix_sdk::Room;

use super::{Failure, OutboxSender};
use crate::domain::{Request, RoomKind};
use crate::i18n::Text;
use crate::matrix::send::{self, ReplyTarget};
use crate::matrix::MatrixError;
use crate::storage::{
    Destination, MembershipStore, OutboxEntry, Outgoing, RequestStore, SeminarStore,
    WorkingRoomStore,
};

impl OutboxSender {
    /// Which lane `entry` goes in: the room it is posted in (looked up for a
    /// request's threads), one lane for invitations, one for reconciling.
    /// A failed read is an error: a wrong lane would break the room's order.
    pub(super) async fn lane(&self, entry: &OutboxEntry) -> Result<String, MatrixError> {
        let to = match &entry.item {
            Outgoing::Message { to, .. } => to,
            Outgoing::Invite { .. } => return Ok("invitations".to_owned()),
            Outgoing::Reconcile => return Ok("reconcile".to_owned()),
            // Polls, their ends and the cards share the committee room's order.
            Outgoing::Poll { .. } | Outgoing::PollEnd { .. } => {
                return self.committee_lane().await;
            }
        };
        crate::fault::fail("outbox_lane").map_err(crate::storage::StorageError::from)?;
        Ok(match to {
            Destination::Reply { room, .. } => room.clone(),
            Destination::Card { .. } => self.committee_lane().await?,
            // Before its card is recorded (the card may be in this very
            // batch), a card's thread is in the committee room.
            Destination::CardThread { request } => match self.db.get_request(*request).await? {
                Some(Request { card_room: Some(room), .. }) => room,
                _ => self.committee_lane().await?,
            },
            // A request that does not exist gets a lane of its own; its
            // delivery reports the problem.
            Destination::RequesterThread { request } => {
                match self.db.get_request(*request).await? {
                    Some(r) => r.source_room,
                    None => format!("request {request}"),
                }
            }
            Destination::Room { room_kind, room_key } => {
                match RoomKind::from_key(room_kind, room_key) {
                    Some(kind) => match self.provisioner.room_id(&kind).await? {
                        Some(id) => id.to_string(),
                        None => format!("{room_kind}/{room_key}"),
                    },
                    None => format!("{room_kind}/{room_key}"),
                }
            }
            Destination::Applicant { application } => {
                match self.db.get_application(*application).await? {
                    Some(app) => app.source_room,
                    None => format!("application {application}"),
                }
            }
            Destination::Announcement { seminar } => match self.db.get_seminar(*seminar).await? {
                Some(s) => match self.provisioner.room_id(&s.room).await? {
                    Some(id) => id.to_string(),
                    None => format!("seminar {seminar}"),
                },
                None => format!("seminar {seminar}"),
            },
        })
    }

    /// The committee room's ID, the lane of cards (before the committee
    /// room is provisioned, a lane of that name).
    pub(super) async fn committee_lane(&self) -> Result<String, MatrixError> {
        Ok(match self.provisioner.room_id(&RoomKind::Committee).await? {
            Some(id) => id.to_string(),
            None => "committee".to_owned(),
        })
    }

    /// The room and content of a message to `to`.
    pub(super) async fn message(
        &self,
        to: &Destination,
        text: &Text,
    ) -> Result<(Room, RoomMessageEventContent), Failure> {
        let request = |id: i64| async move {
            match self.db.get_request(id).await {
                Ok(Some(r)) => Ok(r),
                Ok(None) => Err(Failure::Permanent(format!("request #{id} does not exist"))),
                Err(e) => Err(Failure::Transient(format!("reading request #{id}: {e}"), None)),
            }
        };
        match to {
            Destination::Reply { room, event, thread } => {
                let target = ReplyTarget {
                    event_id: event_id(event)?,
                    thread_root: thread.as_deref().map(event_id).transpose()?,
                };
                Ok((self.room(room)?, send::notice(text, &target)))
            }
            Destination::Card { .. } => {
                Ok((self.committee_room().await?, send::notice_alone(text)))
            }
            Destination::CardThread { request: id } => {
                let r = request(*id).await?;
                let (Some(room), Some(card)) = (r.card_room, r.card_event) else {
                    return Err(Failure::Permanent(format!("request #{id} has no card")));
                };
                Ok((self.room(&room)?, send::notice_in_thread(text, &event_id(&card)?)))
            }
            Destination::RequesterThread { request: id } => {
                let r = request(*id).await?;
                let root = event_id(&r.source_event)?;
                Ok((self.room(&r.source_room)?, send::notice_in_thread(text, &root)))
            }
            Destination::Applicant { application } => {
                let app = match self.db.get_application(*application).await {
                    Ok(Some(app)) => app,
                    Ok(None) => {
                        return Err(Failure::Permanent(format!(
                            "application {application} does not exist"
                        )))
                    }
                    Err(e) => return Err(Failure::Transient(e.to_string(), None)),
                };
                let target =
                    ReplyTarget { event_id: event_id(&app.source_event)?, thread_root: None };
                Ok((self.room(&app.source_room)?, send::notice(text, &target)))
            }
            Destination::Announcement { seminar } => {
                let s = match self.db.get_seminar(*seminar).await {
                    Ok(Some(s)) => s,
                    Ok(None) => {
                        return Err(Failure::Permanent(format!("seminar {seminar} does not exist")))
                    }
                    Err(e) => {
                        return Err(Failure::Transient(
                            format!("reading seminar {seminar}: {e}"),
                            None,
                        ))
                    }
                };
                let (kind, key) = s.room.key();
                let to = Destination::Room { room_kind: kind.to_owned(), room_key: key.to_owned() };
                Box::pin(self.message(&to, text)).await
            }
            Destination::Room { room_kind, room_key } => {
                let kind = RoomKind::from_key(room_kind, room_key).ok_or_else(|| {
                    Failure::Permanent(format!("unknown room kind {room_kind}/{room_key}"))
                })?;
                // A working room is created when its request is accepted:
                // its messages wait until provisioning made it and invited
                // its members (who then get the encryption keys).
                let working = matches!(kind, RoomKind::Working(_));
                if let RoomKind::Working(request) = kind {
                    match self.db.working_room_ready(request).await {
                        Ok(true) => {}
                        Ok(false) => {
                            return Err(Failure::Pending(format!("{kind} is being set up")))
                        }
                        Err(e) => return Err(Failure::Transient(e.to_string(), None)),
                    }
                }
                let room = match self.provisioner.room_id(&kind).await {
                    Ok(Some(id)) => id,
                    Ok(None) => {
                        return Err(Failure::Permanent(format!(
                            "the room {room_kind}/{room_key} is not provisioned"
                        )))
                    }
                    Err(e) => return Err(Failure::Transient(e.to_string(), None)),
                };
                match self.room(room.as_str()) {
                    Ok(found) => Ok((found, send::notice_alone(text))),
                    // Created, not yet seen in the bot's sync.
                    Err(Failure::Permanent(why)) if working => Err(Failure::Pending(why)),
                    Err(other) => Err(other),
                }
            }
        }
    }

    /// The committee room (cards, polls).
    pub(super) async fn committee_room(&self) -> Result<Room, Failure> {
        match self.provisioner.room_id(&RoomKind::Committee).await {
            Ok(Some(id)) => self.room(id.as_str()),
            Ok(None) => Err(Failure::Permanent("the committee room is not provisioned yet".into())),
            Err(e) => Err(Failure::Transient(e.to_string(), None)),
        }
    }

    /// A room the bot is in.
    pub(super) fn room(&self, room_id: &str) -> Result<Room, Failure> {
        let id = OwnedRoomId::try_from(room_id)
            .map_err(|e| Failure::Permanent(format!("bad room ID {room_id}: {e}")))?;
        self.client
            .get_room(&id)
            .ok_or_else(|| Failure::Permanent(format!("the bot is not in {room_id}")))
    }
}

pub(super) fn event_id(id: &str) -> Result<OwnedEventId, Failure> {
    OwnedEventId::try_from(id).map_err(|e| Failure::Permanent(format!("bad event ID {id}: {e}")))
}
