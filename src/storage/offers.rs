//! Offers of technical cooperation.

use std::future::Future;

use super::{on_pool, Database, StorageError};
use crate::domain::{NewOffer, Offer};

const COLUMNS: &str = "id, category, title, description, offered_by, author, closed_at, created_at";

type Row = (i64, String, String, String, String, String, Option<i64>, i64);

fn offer(r: Row) -> Offer {
    let (id, category, title, description, offered_by, author, closed_at, created_at) = r;
    Offer { id, category, title, description, offered_by, author, closed_at, created_at }
}

/// Where offers are kept.
pub trait OfferStore {
    /// Stores `new` (once per source event); the stored offer and whether
    /// it is new.
    fn create_offer(
        &self,
        new: &NewOffer,
    ) -> impl Future<Output = Result<(Offer, bool), StorageError>> + Send;

    /// Offer `id`.
    fn get_offer(
        &self,
        id: i64,
    ) -> impl Future<Output = Result<Option<Offer>, StorageError>> + Send;

    /// Open offers (of `category` if given), newest first, at most `limit`.
    fn open_offers(
        &self,
        category: Option<&str>,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<Offer>, StorageError>> + Send;

    /// Closes offer `id`; `false` if it was closed already.
    fn close_offer(
        &self,
        id: i64,
        by: &str,
        at: i64,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

impl OfferStore for Database {
    async fn create_offer(&self, new: &NewOffer) -> Result<(Offer, bool), StorageError> {
        let insert = "INSERT INTO offers (category, title, description, offered_by, author, \
                      source_event, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                      ON CONFLICT (source_event) DO NOTHING";
        let inserted = on_pool!(self, pool => sqlx::query(insert)
            .bind(&new.category)
            .bind(&new.title)
            .bind(&new.description)
            .bind(&new.offered_by)
            .bind(&new.author)
            .bind(&new.source_event)
            .bind(new.created_at)
            .execute(pool)
            .await?
            .rows_affected());
        let sql = format!("SELECT {COLUMNS} FROM offers WHERE source_event = $1");
        let row: Option<Row> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(&new.source_event).fetch_optional(pool).await?
        });
        let row =
            row.ok_or_else(|| StorageError::Corrupt("an offer vanished after its insert".into()))?;
        Ok((offer(row), inserted == 1))
    }

    async fn get_offer(&self, id: i64) -> Result<Option<Offer>, StorageError> {
        let sql = format!("SELECT {COLUMNS} FROM offers WHERE id = $1");
        let row: Option<Row> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?
        });
        Ok(row.map(offer))
    }

    async fn open_offers(
        &self,
        category: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Offer>, StorageError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM offers WHERE closed_at IS NULL \
             AND ($1 IS NULL OR category = $1) ORDER BY created_at DESC, id DESC LIMIT $2"
        );
        let rows: Vec<Row> = on_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(category).bind(limit).fetch_all(pool).await?
        });
        Ok(rows.into_iter().map(offer).collect())
    }

    async fn close_offer(&self, id: i64, by: &str, at: i64) -> Result<bool, StorageError> {
        let sql =
            "UPDATE offers SET closed_by = $2, closed_at = $3 WHERE id = $1 AND closed_at IS NULL";
        let closed = on_pool!(self, pool => sqlx::query(sql)
            .bind(id)
            .bind(by)
            .bind(at)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(closed == 1)
    }
}
