//! Event handlers. They run inside the sync loop, so they only decide
//! whether an event is work for the bot and queue it; the worker does it.
//!
//! The bot never reacts to its own events, to notices (other bots speak in
//! notices), to edits, to anything but text messages, or to messages sent
//! before it joined the room. An event its device cannot decrypt goes to
//! [`super::unreadable`], which uses the same filters once it can.

use std::time::Duration;

use matrix_sdk::deserialized_responses::RawSyncOrStrippedState;
use matrix_sdk::event_handler::Ctx;
use matrix_sdk::ruma::events::poll::response::OriginalSyncPollResponseEvent;
use matrix_sdk::ruma::events::poll::unstable_response::OriginalSyncUnstablePollResponseEvent;
use matrix_sdk::ruma::events::reaction::OriginalSyncReactionEvent;
use matrix_sdk::ruma::events::room::member::{
    MembershipState, OriginalSyncRoomMemberEvent, RoomMemberEventContent, StrippedRoomMemberEvent,
};
use matrix_sdk::ruma::events::room::message::sanitize::remove_plain_reply_fallback;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation,
};
use matrix_sdk::ruma::{EventId, MilliSecondsSinceUnixEpoch, OwnedUserId, UserId};
use matrix_sdk::{Client, Room, RoomState};
use tracing::{debug, info, warn};

use super::sync::BotContext;
use super::worker::{Job, WorkItem};
use crate::domain::server_name_of;

/// An invitation to a room: accepted from admins, declined from anyone else.
pub async fn on_invite(
    event: StrippedRoomMemberEvent,
    room: Room,
    client: Client,
    Ctx(ctx): Ctx<BotContext>,
) {
    if Some(event.state_key.as_ref()) != client.user_id()
        || event.content.membership != MembershipState::Invite
    {
        return;
    }
    handle_invite(room, event.sender, ctx);
}

/// Invitations that arrived while the bot was not running.
pub async fn accept_pending_invites(client: &Client, ctx: &BotContext) {
    for room in client.invited_rooms() {
        match room.invite_details().await {
            Ok(invite) => handle_invite(room, invite.inviter_id, ctx.clone()),
            Err(e) => {
                warn!(room_id = %room.room_id(), error = %e, "cannot read a pending invitation")
            }
        }
    }
}

fn handle_invite(room: Room, inviter: OwnedUserId, ctx: BotContext) {
    let shutdown = ctx.shutdown.clone();
    let chat = ctx.chat.clone();
    ctx.tasks.spawn(async move {
        let room_id = room.room_id().to_owned();
        // Who may invite the bot comes from the roster: while it cannot be
        // read, the invitation waits (it is neither accepted nor declined).
        let mut delay = Duration::from_millis(500);
        let allowed = loop {
            match chat.may_invite_bot(inviter.as_str()).await {
                Ok(allowed) => break allowed,
                Err(e) => {
                    warn!(%room_id, %inviter, error = %e, retry_in_ms = delay.as_millis() as u64, "cannot check an invitation against the roster yet; retrying");
                    tokio::select! {
                        _ = shutdown.cancelled() => return,
                        _ = tokio::time::sleep(delay) => {}
                    }
                    delay = (delay * 2).min(Duration::from_secs(15));
                }
            }
        };
        if allowed {
            info!(%room_id, %inviter, "accepting an invitation from an admin or a delegate");
            join_with_backoff(room, shutdown).await;
        } else {
            warn!(
                %room_id,
                %inviter,
                "declining an invitation from someone who is neither an admin nor a delegate"
            );
            if let Err(e) = room.leave().await {
                warn!(%room_id, error = %e, "could not decline the invitation");
            }
        }
    });
}

async fn join_with_backoff(room: Room, shutdown: tokio_util::sync::CancellationToken) {
    let mut delay = Duration::from_secs(1);
    for attempt in 1..=8 {
        match room.join().await {
            Ok(()) => {
                info!(room_id = %room.room_id(), "joined");
                return;
            }
            Err(e) => {
                warn!(room_id = %room.room_id(), error = %e, attempt, "joining failed; retrying");
                tokio::select! {
                    _ = shutdown.cancelled() => return,
                    _ = tokio::time::sleep(delay) => {}
                }
                delay = (delay * 2).min(Duration::from_secs(60));
            }
        }
    }
    warn!(room_id = %room.room_id(), "giving up joining after 8 attempts");
}

/// A message: queued for the worker if it is a command meant for the bot.
pub async fn on_message(
    event: OriginalSyncRoomMessageEvent,
    room: Room,
    client: Client,
    Ctx(ctx): Ctx<BotContext>,
) {
    if !is_from_another(&room, &client, &event.sender) {
        return;
    }
    let Some(job) = message_job(&event, room, |body| ctx.chat.is_command(body)) else {
        return;
    };
    // Read after the cheap checks: most messages are chatter.
    if sent_before_join(&job.room, &client, event.origin_server_ts).await {
        debug!(event_id = %event.event_id, "ignoring a message sent before the bot joined");
        return;
    }
    queue(&ctx, job, "command").await;
}

/// Whether `room` is joined and `sender` is someone else than the bot.
fn is_from_another(room: &Room, client: &Client, sender: &UserId) -> bool {
    room.state() == RoomState::Joined && Some(sender) != client.user_id()
}

/// Whether an event in `room` is the bot's work by who sent it and when:
/// the room is joined, the sender is someone else, and it was sent after
/// the bot joined.
pub(super) async fn is_new_from_another(
    room: &Room,
    client: &Client,
    sender: &UserId,
    ts: MilliSecondsSinceUnixEpoch,
) -> bool {
    if !is_from_another(room, client, sender) {
        return false;
    }
    if sent_before_join(room, client, ts).await {
        debug!(room_id = %room.room_id(), "ignoring an event sent before the bot joined");
        return false;
    }
    true
}

/// Hands `job` to the worker.
pub(super) async fn queue(ctx: &BotContext, job: Job, what: &str) {
    let event_id = job.event_id.clone();
    if ctx.queue.send(WorkItem::Command(Box::new(job))).await.is_err() {
        warn!(%event_id, "the worker has stopped; the {what} will be handled after restart");
    }
}

/// The worker's job for a message, if it is one for the bot: a text message
/// (notices are how bots speak; replying to them risks bot loops), not an
/// edit, and a command or an answer in a thread (a requester answering a
/// question).
pub(super) fn message_job(
    event: &OriginalSyncRoomMessageEvent,
    room: Room,
    is_command: impl Fn(&str) -> bool,
) -> Option<Job> {
    let MessageType::Text(text) = &event.content.msgtype else {
        return None;
    };
    if matches!(event.content.relates_to, Some(Relation::Replacement(_))) {
        debug!(event_id = %event.event_id, "ignoring an edit");
        return None;
    }
    let thread_root = match &event.content.relates_to {
        Some(Relation::Thread(thread)) => Some(thread.event_id.clone()),
        _ => None,
    };
    // A reply (`!save`) quotes another message; older clients put a quote
    // of it before the reply's own text, which is not the command.
    let (body, reply_to) = match &event.content.relates_to {
        Some(Relation::Reply(reply)) => {
            (remove_plain_reply_fallback(&text.body), Some(reply.in_reply_to.event_id.clone()))
        }
        _ => (text.body.as_str(), None),
    };
    if !is_command(body) && thread_root.is_none() {
        return None;
    }
    Some(Job {
        room,
        event_id: event.event_id.clone(),
        sender: event.sender.clone(),
        body: body.to_owned(),
        thread_root,
        reply_to,
        reaction: false,
        deferred: None,
        encrypted: None,
    })
}

/// Whether `ts` is older than the bot's own membership event in `room`.
/// When the bot's membership cannot be read from its store, the message is
/// taken as new: the worker's claim makes a message seen twice harmless,
/// while dropping it would lose a command for good.
async fn sent_before_join(room: &Room, client: &Client, ts: MilliSecondsSinceUnixEpoch) -> bool {
    let Some(own) = client.user_id() else {
        return false;
    };
    let joined = match room.get_state_event_static_for_key::<RoomMemberEventContent, _>(own).await {
        Ok(Some(RawSyncOrStrippedState::Sync(raw))) => raw.deserialize().map_err(|e| e.to_string()),
        Ok(_) => return false,
        Err(e) => Err(e.to_string()),
    };
    match joined {
        Ok(member) => ts < member.origin_server_ts(),
        Err(error) => {
            warn!(room_id = %room.room_id(), %error, "cannot read when the bot joined; handling the message as new");
            false
        }
    }
}

/// Someone joined a room: if it is a provisioned room the roster does not
/// allow them in (the committee room, above all), they are removed at once.
pub async fn on_member(
    event: OriginalSyncRoomMemberEvent,
    room: Room,
    client: Client,
    Ctx(ctx): Ctx<BotContext>,
) {
    if event.content.membership != MembershipState::Join
        || Some(event.state_key.as_ref()) == client.user_id()
    {
        return;
    }
    let provisioner = ctx.provisioner.clone();
    let room_id = room.room_id().to_string();
    let user = event.state_key.to_string();
    let own = super::own_user_id(&client);
    let remote = server_name_of(&own) != server_name_of(&user);
    ctx.tasks.spawn(async move {
        match provisioner.enforce_member(&room_id, &user).await {
            // Someone from another homeserver stays in a provisioned room:
            // the Space's links name the servers of members (`via`), so
            // they are brought up to date now rather than at the next run.
            Ok(false) if remote => {
                // (Unless the room is known not to be provisioned: an
                // unreadable answer reconciles too.)
                if !matches!(provisioner.kind_of(&room_id).await, Ok(None)) {
                    provisioner.request_reconcile();
                }
            }
            Ok(_) => {}
            Err(e) => {
                // Not a decision to let them stay: a full reconciliation
                // (which retries until it succeeds) checks every member of
                // every room.
                warn!(room_id, user, error = %e, "could not check a new member against the roster; reconciling every room instead");
                provisioner.request_reconcile();
            }
        }
    });
}

/// A reaction: on a request card in the committee room it is a shortcut
/// for `!ack`; on a seminar's announcement, 👍 or 👎 is an answer (the
/// worker checks what it is on; the job's body is the reaction's key).
pub async fn on_reaction(
    event: OriginalSyncReactionEvent,
    room: Room,
    client: Client,
    Ctx(ctx): Ctx<BotContext>,
) {
    if is_new_from_another(&room, &client, &event.sender, event.origin_server_ts).await {
        queue(&ctx, reaction_job(&event, room), "reaction").await;
    }
}

/// The worker's job for a reaction (the job's body is the reaction's key).
pub(super) fn reaction_job(event: &OriginalSyncReactionEvent, room: Room) -> Job {
    Job {
        room,
        event_id: event.event_id.clone(),
        sender: event.sender.clone(),
        body: event.content.relates_to.key.clone(),
        thread_root: Some(event.content.relates_to.event_id.clone()),
        reply_to: None,
        reaction: true,
        deferred: None,
        encrypted: None,
    }
}

/// A response to a poll (MSC3381, unstable type): on a membership
/// application's poll in the committee room it is a vote (the worker checks
/// what it is on; the job's body is the chosen answer's ID).
pub async fn on_unstable_poll_response(
    event: OriginalSyncUnstablePollResponseEvent,
    room: Room,
    client: Client,
    Ctx(ctx): Ctx<BotContext>,
) {
    if is_new_from_another(&room, &client, &event.sender, event.origin_server_ts).await {
        queue(&ctx, unstable_poll_job(&event, room), "vote").await;
    }
}

/// A response to a poll (stable type); see [`on_unstable_poll_response`].
pub async fn on_poll_response(
    event: OriginalSyncPollResponseEvent,
    room: Room,
    client: Client,
    Ctx(ctx): Ctx<BotContext>,
) {
    if is_new_from_another(&room, &client, &event.sender, event.origin_server_ts).await {
        queue(&ctx, poll_job(&event, room), "vote").await;
    }
}

/// The worker's job for a response to a poll (unstable type).
pub(super) fn unstable_poll_job(event: &OriginalSyncUnstablePollResponseEvent, room: Room) -> Job {
    let answer = event.content.poll_response.answers.first().cloned().unwrap_or_default();
    vote_job(room, (&event.event_id, &event.sender), &event.content.relates_to.event_id, &answer)
}

/// The worker's job for a response to a poll (stable type).
pub(super) fn poll_job(event: &OriginalSyncPollResponseEvent, room: Room) -> Job {
    let answer = event.content.selections.iter().next().cloned().unwrap_or_default();
    vote_job(room, (&event.event_id, &event.sender), &event.content.relates_to.event_id, &answer)
}

fn vote_job(
    room: Room,
    (event_id, sender): (&EventId, &UserId),
    poll: &EventId,
    answer: &str,
) -> Job {
    // The answer's ID only (one word): never free text.
    let answer = answer.split_whitespace().next().unwrap_or_default().to_owned();
    Job {
        room,
        event_id: event_id.to_owned(),
        sender: sender.to_owned(),
        body: answer,
        thread_root: Some(poll.to_owned()),
        reply_to: None,
        reaction: true,
        deferred: None,
        encrypted: None,
    }
}
