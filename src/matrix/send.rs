//! Building and sending the bot's notices.

use matrix_sdk::ruma::events::relation::{InReplyTo, Reply, Thread};
use matrix_sdk::ruma::events::room::message::{Relation, RoomMessageEventContent};
use matrix_sdk::ruma::events::Mentions;
use matrix_sdk::ruma::{OwnedEventId, OwnedUserId};

use crate::i18n::Text;

/// Where an answer goes relative to the message that asked for it.
#[derive(Debug, Clone)]
pub struct ReplyTarget {
    /// The message being answered.
    pub event_id: OwnedEventId,
    /// The thread it was in, if any: the answer stays in that thread.
    pub thread_root: Option<OwnedEventId>,
}

/// An `m.notice` with plain and HTML bodies, as a reply (in the same thread
/// when the question was in one).
pub fn notice(text: &Text, target: &ReplyTarget) -> RoomMessageEventContent {
    let mut content = RoomMessageEventContent::notice_html(text.plain.clone(), text.html.clone());
    content.relates_to = Some(match &target.thread_root {
        Some(root) => Relation::Thread(Thread::reply(root.clone(), target.event_id.clone())),
        None => Relation::Reply(Reply::new(InReplyTo::new(target.event_id.clone()))),
    });
    content
}

/// An `m.notice` posted in the thread of `root` (starting it if needed).
pub fn notice_in_thread(text: &Text, root: &OwnedEventId) -> RoomMessageEventContent {
    let mut content = RoomMessageEventContent::notice_html(text.plain.clone(), text.html.clone());
    content.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root.clone())));
    content
}

/// An `m.notice` on its own (a request card).
pub fn notice_alone(text: &Text) -> RoomMessageEventContent {
    RoomMessageEventContent::notice_html(text.plain.clone(), text.html.clone())
}

/// The `m.mentions` of a message naming `users` (full Matrix user IDs;
/// any that do not parse are left out): their clients notify them.
pub fn mentions(users: &[String]) -> Mentions {
    Mentions::with_user_ids(users.iter().filter_map(|u| OwnedUserId::try_from(u.as_str()).ok()))
}
