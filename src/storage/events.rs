//! Processed Matrix events and the sync position: what makes restarts safe.
//!
//! Every event the bot acts on is claimed here first, keyed by its event ID,
//! so an event delivered again (after a crash, a restart, or a replayed sync)
//! is never handled twice. The sync token is saved after the events of a sync
//! response were handled, so a crash replays rather than skips.

use super::{now_ms, on_pool, Database, StorageError};

/// The result of claiming an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventClaim {
    /// First time: go ahead.
    New,
    /// Already handled earlier: do nothing.
    AlreadyHandled,
}

/// Events the bot has handled.
pub trait ProcessedEvents {
    /// Claims `event_id`; only the first claim returns [`EventClaim::New`].
    fn claim_event(
        &self,
        event_id: &str,
        room_id: &str,
        sender: &str,
        kind: &str,
    ) -> impl std::future::Future<Output = Result<EventClaim, StorageError>> + Send;

    /// Records how handling ended (`answered`, `failed: …`), for operators.
    fn record_outcome(
        &self,
        event_id: &str,
        outcome: &str,
    ) -> impl std::future::Future<Output = Result<(), StorageError>> + Send;

    /// Records that the answer to `event_id` was delivered: `queued`
    /// becomes `answered`; any other outcome (`failed: …`) stays.
    fn record_answered(
        &self,
        event_id: &str,
    ) -> impl std::future::Future<Output = Result<(), StorageError>> + Send;
}

/// Where the bot's sync stands.
pub trait SyncTokens {
    /// The last saved `next_batch` of `account`.
    fn sync_token(
        &self,
        account: &str,
    ) -> impl std::future::Future<Output = Result<Option<String>, StorageError>> + Send;

    /// Saves `next_batch` for `account`.
    fn save_sync_token(
        &self,
        account: &str,
        token: &str,
    ) -> impl std::future::Future<Output = Result<(), StorageError>> + Send;
}

impl ProcessedEvents for Database {
    async fn claim_event(
        &self,
        event_id: &str,
        room_id: &str,
        sender: &str,
        kind: &str,
    ) -> Result<EventClaim, StorageError> {
        let sql = "INSERT INTO processed_events (event_id, room_id, sender, kind, processed_at) \
                   VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING";
        let now = now_ms();
        let inserted = on_pool!(self, pool => sqlx::query(sql)
            .bind(event_id)
            .bind(room_id)
            .bind(sender)
            .bind(kind)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(if inserted == 1 { EventClaim::New } else { EventClaim::AlreadyHandled })
    }

    async fn record_outcome(&self, event_id: &str, outcome: &str) -> Result<(), StorageError> {
        let sql = "UPDATE processed_events SET outcome = $1 WHERE event_id = $2";
        on_pool!(self, pool => {
            sqlx::query(sql).bind(outcome).bind(event_id).execute(pool).await?;
        });
        Ok(())
    }

    async fn record_answered(&self, event_id: &str) -> Result<(), StorageError> {
        let sql = "UPDATE processed_events SET outcome = 'answered' \
                   WHERE event_id = $1 AND outcome = 'queued'";
        on_pool!(self, pool => {
            sqlx::query(sql).bind(event_id).execute(pool).await?;
        });
        Ok(())
    }
}

impl SyncTokens for Database {
    async fn sync_token(&self, account: &str) -> Result<Option<String>, StorageError> {
        let sql = "SELECT next_batch FROM sync_state WHERE account = $1";
        let token = on_pool!(self, pool => sqlx::query_scalar(sql)
            .bind(account)
            .fetch_optional(pool)
            .await?);
        Ok(token)
    }

    async fn save_sync_token(&self, account: &str, token: &str) -> Result<(), StorageError> {
        let sql = "INSERT INTO sync_state (account, next_batch, updated_at) VALUES ($1, $2, $3) \
                   ON CONFLICT (account) DO UPDATE SET next_batch = $2, updated_at = $3";
        let now = now_ms();
        on_pool!(self, pool => {
            sqlx::query(sql).bind(account).bind(token).bind(now).execute(pool).await?;
        });
        Ok(())
    }
}
