//! Working rooms of accepted requests: which requests have one, whether it
//! is closed (read-only), and whether provisioning has made it ready for
//! the bot's messages.

use std::future::Future;

use super::{on_pool, Database, StorageError};

/// A working room as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkingRoomRecord {
    /// The request's number.
    pub request_id: i64,
    /// Closed (the request resolved or declined).
    pub closed: bool,
    /// Provisioning created it and invited its members.
    pub ready: bool,
}

/// Where working rooms are recorded.
pub trait WorkingRoomStore {
    /// Opens request `id`'s working room (or opens it again), at `at`.
    fn open_working_room(
        &self,
        id: i64,
        at: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Closes request `id`'s working room, if it has one; whether it had.
    fn close_working_room(
        &self,
        id: i64,
        at: i64,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Every working room, by request number.
    fn working_rooms(
        &self,
    ) -> impl Future<Output = Result<Vec<WorkingRoomRecord>, StorageError>> + Send;

    /// Records that provisioning made request `id`'s room ready.
    fn mark_working_room_ready(
        &self,
        id: i64,
        at: i64,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Whether request `id`'s working room is ready for messages.
    fn working_room_ready(
        &self,
        id: i64,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

impl WorkingRoomStore for Database {
    async fn open_working_room(&self, id: i64, at: i64) -> Result<(), StorageError> {
        let sql = "INSERT INTO working_rooms (request_id, opened_at) VALUES ($1, $2) \
                   ON CONFLICT (request_id) DO UPDATE SET closed_at = NULL";
        on_pool!(self, pool => { sqlx::query(sql).bind(id).bind(at).execute(pool).await?; });
        Ok(())
    }

    async fn close_working_room(&self, id: i64, at: i64) -> Result<bool, StorageError> {
        let sql = "UPDATE working_rooms SET closed_at = $2 WHERE request_id = $1";
        let done = on_pool!(self, pool => {
            sqlx::query(sql).bind(id).bind(at).execute(pool).await?.rows_affected()
        });
        Ok(done > 0)
    }

    async fn working_rooms(&self) -> Result<Vec<WorkingRoomRecord>, StorageError> {
        let sql = "SELECT request_id, closed_at, ready_at FROM working_rooms ORDER BY request_id";
        let rows: Vec<(i64, Option<i64>, Option<i64>)> =
            on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|(request_id, closed, ready)| WorkingRoomRecord {
                request_id,
                closed: closed.is_some(),
                ready: ready.is_some(),
            })
            .collect())
    }

    async fn mark_working_room_ready(&self, id: i64, at: i64) -> Result<(), StorageError> {
        let sql =
            "UPDATE working_rooms SET ready_at = $2 WHERE request_id = $1 AND ready_at IS NULL";
        on_pool!(self, pool => { sqlx::query(sql).bind(id).bind(at).execute(pool).await?; });
        Ok(())
    }

    async fn working_room_ready(&self, id: i64) -> Result<bool, StorageError> {
        let sql =
            "SELECT COUNT(*) FROM working_rooms WHERE request_id = $1 AND ready_at IS NOT NULL";
        let n: i64 =
            on_pool!(self, pool => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await?);
        Ok(n > 0)
    }
}
