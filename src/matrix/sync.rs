//! The sync loop.
//!
//! Taking the lead, the bot syncs once without handlers to learn every room
//! it is in (on the very first start, that also skips the history of rooms
//! it is already in). From then on it syncs from the position saved in the
//! database, and saves the next position only after the worker has handled
//! everything the previous response queued: a crash, or a takeover by
//! another instance, replays events (the database dedupes them) rather than
//! skipping them. matrix-sdk's own position is kept from hiding a response
//! ([`realign`]).

use std::time::Duration;

use matrix_sdk::config::{SyncSettings, SyncToken};
use matrix_sdk::event_handler::Ctx;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::api::client::filter::FilterDefinition;
use matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncStateEvent, AnySyncTimelineEvent, SyncMessageLikeEvent,
};
use matrix_sdk::sync::SyncResponse;
use matrix_sdk::Client;
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{debug, info, warn};

use super::worker::WorkItem;
use super::{handlers, own_user_id, MatrixError};
use crate::service::ChatService;
use crate::storage::{Database, SyncTokens};
use crate::telemetry::metrics;

/// Long-poll timeout of `/sync`.
const SYNC_TIMEOUT: Duration = Duration::from_secs(30);

/// Events per room in one sync response. Synapse's default is 10: twenty
/// delegates filing at once in the plenary would be cut to the last ten,
/// and the others never seen. A longer cut is still fetched page by page
/// ([`fill_gaps`]); this keeps that rare.
const TIMELINE_LIMIT: u32 = 100;

/// What the event handlers need, shared through matrix-sdk's handler context.
#[derive(Clone)]
pub struct BotContext {
    /// Recognizes commands.
    pub chat: ChatService<Database>,
    /// The worker's queue.
    pub queue: mpsc::Sender<WorkItem>,
    /// Background tasks (joins), waited for at shutdown.
    pub tasks: TaskTracker,
    /// Cancelled when the process stops.
    pub shutdown: CancellationToken,
    /// Keeps the network's rooms as the roster says.
    pub provisioner: super::Provisioner,
}

/// Set once this process's client knows the rooms the bot is in (its store
/// had them, or it synced them): before that, a room lookup could fail for
/// a room the bot is in, and the outbox waits.
pub static ROOMS_KNOWN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this process's client knows the bot's rooms (see [`ROOMS_KNOWN`]).
pub fn rooms_known() -> bool {
    ROOMS_KNOWN.load(std::sync::atomic::Ordering::SeqCst)
}

/// Syncs until `ctx.shutdown` is cancelled or the session becomes invalid.
pub async fn run(client: Client, db: Database, ctx: BotContext) -> Result<(), MatrixError> {
    let account = own_user_id(&client);
    let mut token = db.sync_token(&account).await?;
    // Before any handler is set: learn every room the bot is in. On the very
    // first start this also skips the history of those rooms; after that, it
    // is what a device new to the account, or one whose store is behind (it
    // last led before other instances joined rooms), needs: an incremental
    // sync from the shared position names only the rooms with news.
    if token.is_none() {
        info!("first start: syncing once to skip the history of rooms the bot is already in");
    } else {
        info!("learning the rooms the bot is in");
    }
    let Some(learned) = learn_rooms(&client, &ctx.shutdown).await? else { return Ok(()) };
    if token.is_none() {
        db.save_sync_token(&account, &learned).await?;
        token = Some(learned);
    }

    client.add_event_handler_context(ctx.clone());
    client.add_event_handler(handlers::on_invite);
    client.add_event_handler(handlers::on_message);
    client.add_event_handler(handlers::on_member);
    client.add_event_handler(handlers::on_reaction);
    client.add_event_handler(handlers::on_unstable_poll_response);
    client.add_event_handler(handlers::on_poll_response);
    client.add_event_handler(super::unreadable::on_encrypted);
    handlers::accept_pending_invites(&client, &ctx).await;
    ROOMS_KNOWN.store(true, std::sync::atomic::Ordering::SeqCst);
    info!("listening for commands");

    let mut failures = 0u32;
    let filter = {
        let mut filter = FilterDefinition::default();
        filter.room.timeline.limit = Some(TIMELINE_LIMIT.into());
        Filter::FilterDefinition(filter)
    };
    loop {
        let known = sdk_position(&client).await;
        let aligned = tokio::select! {
            _ = ctx.shutdown.cancelled() => break,
            r = realign(&client, known.as_deref(), token.as_deref()) => r,
        };
        // After realigning, a request unlike any earlier one (see `uncached`).
        let timeout = match aligned {
            Ok(true) => uncached(SYNC_TIMEOUT),
            _ => SYNC_TIMEOUT,
        };
        let mut settings = SyncSettings::default().timeout(timeout).filter(filter.clone());
        if let Some(t) = &token {
            settings = settings.token(t.clone());
        }
        let result = match aligned {
            Ok(_) => tokio::select! {
                _ = ctx.shutdown.cancelled() => break,
                r = client.sync_once(settings) => r,
            },
            Err(e) => Err(e),
        };
        match result {
            Ok(response) if dropped(&known, token.as_deref(), &response.next_batch) => {
                // Rare after `realign` (see `uncached`); nothing is lost:
                // the position stays, and the next round realigns.
                info!(since = ?token, next_batch = %response.next_batch, "matrix-sdk set a sync response aside as already seen; asking again");
            }
            Ok(response) => {
                metrics::sync_succeeded(crate::storage::now_ms());
                metrics::set_queue_depth(
                    i64::try_from(ctx.queue.max_capacity() - ctx.queue.capacity()).unwrap_or(0),
                );
                let timeline_events: usize =
                    response.rooms.joined.values().map(|r| r.timeline.events.len()).sum();
                debug!(since = ?token, next_batch = %response.next_batch, timeline_events, "synced");
                if failures > 0 {
                    info!(failures, "sync is back");
                }
                failures = 0;
                // Before the barrier: the position is saved only once the
                // events of a gap are handled too.
                if let Some(since) = token.as_deref() {
                    fill_gaps(&client, &response, since, &ctx).await;
                }
                if !wait_for_worker(&ctx.queue).await {
                    // Stopping: leave the position where it was; the events
                    // come back at the next start and are deduplicated.
                    break;
                }
                crate::fault::point("sync_before_save");
                if let Err(e) = db.save_sync_token(&account, &response.next_batch).await {
                    warn!(error = %e, "cannot save the sync position; events may be replayed");
                }
                crate::fault::point("sync_after_save");
                token = Some(response.next_batch);
            }
            Err(e) if is_fatal(&e) => return Err(e.into()),
            Err(e) => {
                metrics::sync_failed();
                failures += 1;
                let delay = backoff(failures);
                warn!(error = %e, failures, retry_in_ms = delay.as_millis() as u64, "sync failed");
                tokio::select! {
                    _ = ctx.shutdown.cancelled() => break,
                    _ = tokio::time::sleep(delay) => {}
                }
            }
        }
    }
    info!("sync stopped");
    Ok(())
}

/// One sync from no position, handled by no one: every room the bot is in,
/// with its state. Returns its position (`None`: stopping).
async fn learn_rooms(
    client: &Client,
    shutdown: &CancellationToken,
) -> Result<Option<String>, MatrixError> {
    let mut filter = FilterDefinition::default();
    filter.room.timeline.limit = Some(1u32.into());
    let mut failures = 0;
    loop {
        let known = sdk_position(client).await;
        let attempt = async {
            realign(client, known.as_deref(), None).await?;
            let settings = SyncSettings::default()
                .token(SyncToken::NoToken)
                .timeout(uncached(Duration::ZERO))
                .filter(Filter::FilterDefinition(filter.clone()));
            client.sync_once(settings).await
        };
        let result = tokio::select! {
            _ = shutdown.cancelled() => return Ok(None),
            r = attempt => r,
        };
        match result {
            Ok(response) if dropped(&known, None, &response.next_batch) => {
                info!(next_batch = %response.next_batch, "matrix-sdk set the rooms' sync aside as already seen; asking again");
            }
            Ok(response) => return Ok(Some(response.next_batch)),
            Err(e) if is_fatal(&e) => return Err(e.into()),
            Err(e) => {
                failures += 1;
                warn!(error = %e, failures, "cannot sync the rooms the bot is in; retrying");
                tokio::select! {
                    _ = shutdown.cancelled() => return Ok(None),
                    _ = tokio::time::sleep(backoff(failures)) => {}
                }
            }
        }
    }
}

/// Account data written to move the homeserver's stream on (see [`realign`]).
const RESUME_EVENT: &str = "org.peerlink.resume";

/// Makes sure the next sync response is not set aside by matrix-sdk.
///
/// matrix-sdk remembers the position of the last response it processed and
/// drops, as already seen, any response that ends at that same position.
/// peerlink syncs from its own position (the shared one in the database,
/// saved only once the events are handled), and matrix-sdk's can be ahead
/// of it: this device synced on its own while standing by, or crashed
/// between the two saves. A response from our position to the present
/// would end where matrix-sdk already is, and the events in it (a command
/// sent while no instance led) would be lost. So when the two positions
/// differ, this writes one account-data event first: the homeserver's
/// stream moves past matrix-sdk's position, and the next response ends
/// after it.
///
/// `known` is matrix-sdk's position ([`sdk_position`]). Returns whether it
/// wrote: the next request must then be [`uncached`].
async fn realign(
    client: &Client,
    known: Option<&str>,
    since: Option<&str>,
) -> Result<bool, matrix_sdk::Error> {
    if known.is_none() || known == since {
        return Ok(false);
    }
    let content = serde_json::json!({
        "since": since,
        "device": client.device_id().map(ToString::to_string),
        "at": crate::storage::now_ms(),
    });
    let raw = serde_json::value::to_raw_value(&content).map_err(matrix_sdk::Error::from)?;
    client
        .account()
        .set_account_data_raw(RESUME_EVENT.into(), matrix_sdk::ruma::serde::Raw::from_json(raw))
        .await?;
    debug!(?known, ?since, "moved the homeserver's stream past matrix-sdk's position");
    Ok(true)
}

/// `timeout` made a few milliseconds unlike any recent request's.
///
/// Synapse keeps each sync response for two minutes and gives it again to
/// the same request (same position, filter, timeout, full state), for
/// clients whose connection dropped. A process that crashed after such a
/// response, before saving the position, would be handed the very response
/// matrix-sdk already has, which it sets aside; the moved stream of
/// [`realign`] would not show. A request from the shared position right
/// after starting returns at once anyway (the homeserver has news since
/// then), so its timeout only has to differ: by the clock's milliseconds,
/// within ten seconds. A rare equal one costs one more round.
fn uncached(timeout: Duration) -> Duration {
    let ms = u64::try_from(crate::storage::now_ms()).unwrap_or_default() % 10_000;
    timeout + Duration::from_millis(ms)
}

/// The position matrix-sdk last processed (as its store has it; `None` if
/// unreadable, which only costs a needless realignment).
async fn sdk_position(client: &Client) -> Option<String> {
    use matrix_sdk::store::{StateStoreDataKey, StateStoreDataValue};
    match client.state_store().get_kv_data(StateStoreDataKey::SyncToken).await {
        Ok(Some(StateStoreDataValue::SyncToken(token))) => Some(token),
        _ => None,
    }
}

/// Whether matrix-sdk set a response aside: it ended at matrix-sdk's last
/// position (`known`), which is not where this sync started.
fn dropped(known: &Option<String>, since: Option<&str>, next_batch: &str) -> bool {
    known.as_deref() == Some(next_batch) && since != Some(next_batch)
}

/// Fetches what the homeserver left out of a room's timeline (a timeline
/// "limited" by more events than [`TIMELINE_LIMIT`] since the last sync)
/// and hands those events to the same handlers, oldest first. They reach the
/// worker after the newer events of the response; the worker's claim makes
/// an event seen twice harmless.
async fn fill_gaps(client: &Client, response: &SyncResponse, since: &str, ctx: &BotContext) {
    for (room_id, update) in &response.rooms.joined {
        let (true, Some(prev_batch)) = (update.timeline.limited, &update.timeline.prev_batch)
        else {
            continue;
        };
        // A room the bot joined in this response (one it just created, or
        // an invitation it accepted) has no gap: everything before its join
        // is history it must not answer anyway. Its state may also still be
        // arriving, and fetching its messages would need it.
        if joined_in(update, &own_user_id(client)) {
            debug!(%room_id, "joined in this sync: nothing was left out");
            continue;
        }
        let Some(room) = client.get_room(room_id) else { continue };
        let mut events = Vec::new();
        let mut from = prev_batch.clone();
        loop {
            let mut options = MessagesOptions::backward().from(from.as_str());
            options.to = Some(since.to_owned());
            options.limit = GAP_PAGE.into();
            match room.messages(options).await {
                Ok(page) => {
                    let empty = page.chunk.is_empty();
                    events.extend(page.chunk);
                    match page.end {
                        Some(end) if !empty => from = end,
                        _ => break,
                    }
                }
                Err(e) => {
                    // The events stay unseen: say so, loudly.
                    warn!(%room_id, error = %e, fetched = events.len(), "cannot fetch the events the homeserver left out of a sync; some may go unanswered");
                    break;
                }
            }
        }
        // A room joined in this response is "limited" too, with nothing
        // left out since the last sync: only a real gap is worth a line.
        if events.is_empty() {
            debug!(%room_id, "nothing was left out of the sync");
        } else {
            info!(%room_id, events = events.len(), "fetched the events left out of a sync");
        }
        for event in events.into_iter().rev() {
            let Ok(event) = event.raw().deserialize() else { continue };
            let (room, client, ctx) = (room.clone(), client.clone(), Ctx(ctx.clone()));
            match event {
                AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
                    SyncMessageLikeEvent::Original(message),
                )) => handlers::on_message(message, room, client, ctx).await,
                AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::Reaction(
                    SyncMessageLikeEvent::Original(reaction),
                )) => handlers::on_reaction(reaction, room, client, ctx).await,
                AnySyncTimelineEvent::MessageLike(
                    AnySyncMessageLikeEvent::UnstablePollResponse(SyncMessageLikeEvent::Original(
                        response,
                    )),
                ) => handlers::on_unstable_poll_response(response, room, client, ctx).await,
                AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::PollResponse(
                    SyncMessageLikeEvent::Original(response),
                )) => handlers::on_poll_response(response, room, client, ctx).await,
                _ => {}
            }
        }
    }
}

/// Whether the timeline of `update` holds `own` joining the room.
fn joined_in(update: &matrix_sdk::sync::JoinedRoomUpdate, own: &str) -> bool {
    update.timeline.events.iter().any(|event| {
        matches!(
            event.raw().deserialize(),
            Ok(AnySyncTimelineEvent::State(AnySyncStateEvent::RoomMember(member)))
                if member.state_key().as_str() == own
                    && member.membership() == &MembershipState::Join
        )
    })
}

/// Events per page when fetching a gap.
const GAP_PAGE: u32 = 100;

/// Waits until the worker has handled everything queued so far; `false` if
/// the worker is shutting down.
async fn wait_for_worker(queue: &mpsc::Sender<WorkItem>) -> bool {
    let (done, wait) = oneshot::channel();
    queue.send(WorkItem::Barrier(done)).await.is_ok() && wait.await.is_ok()
}

/// Errors that retrying cannot fix: the session is gone.
fn is_fatal(error: &matrix_sdk::Error) -> bool {
    matches!(
        error.client_api_error_kind(),
        Some(ErrorKind::UnknownToken(_) | ErrorKind::UserDeactivated)
    )
}

/// Longest wait between two sync attempts: short enough that the bot is
/// back within seconds of the homeserver.
const MAX_SYNC_BACKOFF: Duration = Duration::from_secs(15);

/// Capped exponential backoff with jitter: about 1 s, 2 s, 4 s … up to 15 s.
pub(super) fn backoff(failures: u32) -> Duration {
    let base = Duration::from_secs(1).saturating_mul(1 << failures.saturating_sub(1).min(6));
    let capped = base.min(MAX_SYNC_BACKOFF);
    let jitter = rand::random_range(0.5..1.0);
    capped.mul_f64(jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_stays_capped() {
        assert!(backoff(1) <= Duration::from_secs(1));
        assert!(backoff(3) >= Duration::from_secs(2) && backoff(3) <= Duration::from_secs(4));
        for n in [7, 20, u32::MAX] {
            assert!(backoff(n) <= MAX_SYNC_BACKOFF && backoff(n) >= MAX_SYNC_BACKOFF / 2);
        }
    }
}
