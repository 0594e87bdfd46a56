//! The rooms provisioning created: which Matrix room is the plenary, the
//! committee room, each regional room and the Space.

use std::future::Future;

use sqlx::Row;

use super::{now_ms, on_pool, Database, StorageError};
use crate::domain::RoomKind;

/// Where provisioned room IDs are kept.
pub trait RoomStore {
    /// Every provisioned room with its Matrix room ID.
    fn provisioned_rooms(
        &self,
    ) -> impl Future<Output = Result<Vec<(RoomKind, String)>, StorageError>> + Send;

    /// Records (or replaces, after a re-creation) the room of `kind`.
    fn save_room(
        &self,
        kind: &RoomKind,
        room_id: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
}

impl RoomStore for Database {
    async fn provisioned_rooms(&self) -> Result<Vec<(RoomKind, String)>, StorageError> {
        let sql = "SELECT kind, key, room_id FROM provisioned_rooms ORDER BY kind, key";
        let rows: Vec<(String, String, String)> = on_pool!(self, pool => sqlx::query(sql)
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect());
        Ok(rows
            .into_iter()
            .filter_map(|(kind, key, room)| RoomKind::from_key(&kind, &key).map(|k| (k, room)))
            .collect())
    }

    async fn save_room(&self, kind: &RoomKind, room_id: &str) -> Result<(), StorageError> {
        let (kind, key) = kind.key();
        let now = now_ms();
        let sql = "INSERT INTO provisioned_rooms (kind, key, room_id, created_at, updated_at) \
                   VALUES ($1, $2, $3, $4, $4) \
                   ON CONFLICT (kind, key) DO UPDATE SET room_id = $3, updated_at = $4";
        on_pool!(self, pool => {
            sqlx::query(sql).bind(kind).bind(key).bind(room_id).bind(now).execute(pool).await?;
        });
        Ok(())
    }
}
