//! Good practices shared by delegates and partners.

use std::future::Future;

use super::{on_pool, Database, StorageError};
use crate::domain::memory::{NewPractice, Practice};

const COLUMNS: &str = "id, title, description, language, seat, author, shared_by, source_room, \
                       source_event, command_event, created_at, withdrawn_at";

type Row =
    (i64, String, String, String, String, String, String, String, String, String, i64, Option<i64>);

fn practice(r: Row) -> Practice {
    let (
        id,
        title,
        description,
        language,
        seat,
        author,
        shared_by,
        source_room,
        source_event,
        command_event,
        created_at,
        withdrawn_at,
    ) = r;
    Practice {
        id,
        new: NewPractice {
            title,
            description,
            language,
            seat,
            author,
            shared_by,
            source_room,
            source_event,
            command_event,
            created_at,
        },
        withdrawn_at,
    }
}

/// Where practices are kept.
pub trait PracticeStore {
    /// Stores `new` (once per command); the practice and whether it is new.
    fn create_practice(
        &self,
        new: &NewPractice,
    ) -> impl Future<Output = Result<(Practice, bool), StorageError>> + Send;

    /// Practice `id`.
    fn get_practice(
        &self,
        id: i64,
    ) -> impl Future<Output = Result<Option<Practice>, StorageError>> + Send;

    /// The practice, withdrawn or not, that saved message `event` of `room`.
    fn practice_by_source(
        &self,
        room: &str,
        event: &str,
    ) -> impl Future<Output = Result<Option<Practice>, StorageError>> + Send;

    /// Changes a practice's title and description (not a withdrawn one);
    /// whether it did.
    fn edit_practice(
        &self,
        id: i64,
        title: &str,
        description: &str,
        at: i64,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Withdraws practice `id`; `false` if it was withdrawn already.
    fn withdraw_practice(
        &self,
        id: i64,
        by: &str,
        at: i64,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

impl PracticeStore for Database {
    async fn create_practice(&self, new: &NewPractice) -> Result<(Practice, bool), StorageError> {
        let insert = "INSERT INTO practices (title, description, language, seat, author, \
                      shared_by, source_room, source_event, command_event, created_at, updated_at) \
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
                      ON CONFLICT (command_event) DO NOTHING";
        let inserted = on_pool!(self, pool => sqlx::query(insert)
            .bind(&new.title)
            .bind(&new.description)
            .bind(&new.language)
            .bind(&new.seat)
            .bind(&new.author)
            .bind(&new.shared_by)
            .bind(&new.source_room)
            .bind(&new.source_event)
            .bind(&new.command_event)
            .bind(new.created_at)
            .execute(pool)
            .await?
            .rows_affected());
        let sql = format!("SELECT {COLUMNS} FROM practices WHERE command_event = $1");
        let row: Option<Row> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(&new.command_event).fetch_optional(pool).await?
        });
        let row = row
            .ok_or_else(|| StorageError::Corrupt("a practice vanished after its insert".into()))?;
        Ok((practice(row), inserted == 1))
    }

    async fn get_practice(&self, id: i64) -> Result<Option<Practice>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM practices WHERE id = $1");
        let row: Option<Row> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?
        });
        Ok(row.map(practice))
    }

    async fn practice_by_source(
        &self,
        room: &str,
        event: &str,
    ) -> Result<Option<Practice>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM practices WHERE source_room = $1 AND source_event = $2 \
             ORDER BY id LIMIT 1"
        );
        let row: Option<Row> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(room).bind(event).fetch_optional(pool).await?
        });
        Ok(row.map(practice))
    }

    async fn edit_practice(
        &self,
        id: i64,
        title: &str,
        description: &str,
        at: i64,
    ) -> Result<bool, StorageError> {
        let sql = "UPDATE practices SET title = $2, description = $3, updated_at = $4 \
                   WHERE id = $1 AND withdrawn_at IS NULL";
        let changed = on_pool!(self, pool => sqlx::query(sql)
            .bind(id).bind(title).bind(description).bind(at)
            .execute(pool).await?.rows_affected());
        Ok(changed == 1)
    }

    async fn withdraw_practice(&self, id: i64, by: &str, at: i64) -> Result<bool, StorageError> {
        let sql = "UPDATE practices SET withdrawn_by = $2, withdrawn_at = $3, updated_at = $3 \
                   WHERE id = $1 AND withdrawn_at IS NULL";
        let changed = on_pool!(self, pool => sqlx::query(sql)
            .bind(id).bind(by).bind(at)
            .execute(pool).await?.rows_affected());
        Ok(changed == 1)
    }
}
