//! The message a command replies to (`!save`): read from the event cache or
//! the homeserver, decrypted when the bot holds its key. A message that is
//! gone, hidden from the bot or undecryptable is "unreadable", which the
//! command answers; a homeserver that cannot be reached right now is an
//! error, and the whole event is tried again.

use matrix_sdk::ruma::events::room::message::sanitize::remove_plain_reply_fallback;
use matrix_sdk::ruma::events::room::message::MessageType;
use matrix_sdk::ruma::events::{AnySyncMessageLikeEvent, AnySyncTimelineEvent};
use matrix_sdk::ruma::EventId;
use matrix_sdk::Room;

use crate::service::{Quoted, QuotedMessage};

/// A quoted message as read, owning its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Its event ID.
    pub event_id: String,
    /// Its sender and text (`None`: not a text message), if readable.
    pub message: Option<(String, Option<String>)>,
}

impl Quote {
    /// As the service sees it.
    pub fn as_quoted(&self) -> Quoted<'_> {
        Quoted {
            event_id: &self.event_id,
            message: self
                .message
                .as_ref()
                .map(|(sender, body)| QuotedMessage { sender, body: body.as_deref() }),
        }
    }
}

/// Reads event `id` of `room`. `Err` (what went wrong) only for a failure
/// worth retrying.
pub async fn read(room: &Room, id: &EventId) -> Result<Quote, String> {
    crate::fault::fail("quote_read").map_err(|e| e.to_string())?;
    let unreadable = Quote { event_id: id.to_string(), message: None };
    let event = match room.load_or_fetch_event(id, None).await {
        Ok(event) => event,
        Err(e) if is_lasting(&e) => return Ok(unreadable),
        Err(e) => return Err(e.to_string()),
    };
    let Ok(AnySyncTimelineEvent::MessageLike(event)) = event.raw().deserialize() else {
        return Ok(unreadable);
    };
    let sender = event.sender().to_string();
    let body = match &event {
        AnySyncMessageLikeEvent::RoomMessage(m) => {
            match m.as_original().map(|o| &o.content.msgtype) {
                Some(MessageType::Text(t)) => Some(remove_plain_reply_fallback(&t.body).to_owned()),
                Some(MessageType::Notice(t)) => {
                    Some(remove_plain_reply_fallback(&t.body).to_owned())
                }
                Some(MessageType::Emote(t)) => Some(t.body.clone()),
                Some(_) => None,
                None => return Ok(unreadable), // redacted
            }
        }
        // Still encrypted: the bot has no key for it.
        AnySyncMessageLikeEvent::RoomEncrypted(_) => return Ok(unreadable),
        _ => None,
    };
    Ok(Quote { event_id: id.to_string(), message: Some((sender, body)) })
}

/// Whether the homeserver said the event is not there or not for the bot
/// (asking again would not change its answer).
fn is_lasting(e: &matrix_sdk::Error) -> bool {
    e.as_client_api_error().is_some_and(|api| matches!(api.status_code.as_u16(), 400 | 403 | 404))
}
