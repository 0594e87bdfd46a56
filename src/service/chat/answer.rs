//! What the chat use cases take and give: where a message came from
//! ([`Incoming`], [`Place`]) and the answer ([`Answer`]) with the
//! [`Effect`]s the Matrix layer carries out and the work for later
//! ([`Scheduled`]) it decided.

use crate::domain::RoomKind;
use crate::i18n::Text;

/// Where a command was sent, as the Matrix layer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The Executive Committee room.
    Committee,
    /// Another provisioned room (plenary, regional, Space).
    NetworkRoom,
    /// A direct chat with the bot (the bot and one other person).
    Direct,
    /// The working room of an accepted request (by number).
    Working(i64),
    /// Any other room the bot is in (a group chat it was invited to): not
    /// managed, so commands there are ignored.
    Other,
}

/// A message the bot received, reduced to what the use cases need.
#[derive(Debug, Clone)]
pub struct Incoming<'a> {
    /// Full Matrix user ID of the sender.
    pub sender: &'a str,
    /// Plain-text body.
    pub body: &'a str,
    /// Where it was sent.
    pub place: Place,
    /// The room's ID.
    pub room_id: &'a str,
    /// The message's event ID (recorded with what it causes).
    pub event_id: &'a str,
    /// The thread it belongs to, if any.
    pub thread_root: Option<&'a str>,
    /// The message it replies to, if it is a reply.
    pub quoted: Option<Quoted<'a>>,
}

/// The message a command replies to, as the Matrix layer could read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted<'a> {
    /// Its event ID.
    pub event_id: &'a str,
    /// What it says and who wrote it; `None` when it could not be read
    /// (deleted, not visible to the bot, not decryptable).
    pub message: Option<QuotedMessage<'a>>,
}

/// A quoted message that could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotedMessage<'a> {
    /// Full Matrix user ID of its sender.
    pub sender: &'a str,
    /// Its plain text; `None` for anything but a text message.
    pub body: Option<&'a str>,
}

/// Something the Matrix layer must do after answering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Bring the rooms in line with the (changed) roster now.
    Reconcile,
    /// Invite `user` to the provisioned room `room`.
    Invite {
        /// Who.
        user: String,
        /// Where.
        room: RoomKind,
    },
    /// Post a request's card in the committee room and remember it.
    PostCard {
        /// The request.
        request_id: i64,
        /// The card.
        text: Text,
    },
    /// Post in the thread of a request's card in the committee room.
    PostToCard {
        /// The request.
        request_id: i64,
        /// The message.
        text: Text,
    },
    /// Tell the requester, in the thread of their request.
    Notify {
        /// The request.
        request_id: i64,
        /// The notice.
        text: Text,
    },
    /// Announce a seminar in its room and remember the announcement (its
    /// reactions are answers).
    Announce {
        /// The seminar.
        seminar: i64,
        /// The announcement.
        text: Text,
    },
    /// Post in a provisioned room (a seminar moved or called off).
    Post {
        /// The room.
        room: RoomKind,
        /// The message.
        text: Text,
    },
    /// Open a membership application's poll in the committee room (and
    /// remember it: its responses are votes).
    Poll {
        /// The application.
        application: i64,
        /// The question (and the text clients without polls show).
        question: Text,
        /// The answers: ID (`yes`, `no`, `abstain`) and label.
        answers: Vec<(String, String)>,
    },
    /// Close an application's poll, saying the decision.
    PollEnd {
        /// The application.
        application: i64,
        /// The decision.
        text: Text,
    },
    /// Tell whoever opened an application (a reply to their command).
    TellApplicant {
        /// The application.
        application: i64,
        /// The message.
        text: Text,
    },
}

/// Work for later (a reminder), stored as a scheduled job in the unit of
/// work that records the answer that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduled {
    /// What kind of work (see [`crate::service::scheduler`]).
    pub kind: &'static str,
    /// One job per key: deciding twice schedules once.
    pub key: String,
    /// When, in milliseconds since the Unix epoch.
    pub due_at: i64,
    /// What it needs, as JSON.
    pub payload: String,
}

/// The bot's answer to a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// What to say.
    pub text: Text,
    /// What to do.
    pub effects: Vec<Effect>,
    /// Answer in a new thread on the command (request intake), rather
    /// than as a plain reply.
    pub start_thread: bool,
    /// Work for later that the command decided (a request's reminders).
    pub scheduled: Vec<Scheduled>,
}

impl From<Text> for Answer {
    fn from(text: Text) -> Self {
        Self { text, effects: Vec::new(), start_thread: false, scheduled: Vec::new() }
    }
}
