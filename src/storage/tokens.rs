//! API tokens kept in the database (their SHA-256 only): made, listed and
//! revoked by the CLI while the service runs, read by the API at each call.

use std::future::Future;

use super::{now_ms, on_pool, Database, StorageError};

/// A token as listed (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredToken {
    /// Who holds it.
    pub name: String,
    /// `reports` or `roster`.
    pub scope: String,
    /// When it was made, milliseconds since the Unix epoch.
    pub created_at: i64,
    /// Who made it.
    pub created_by: String,
    /// When it was revoked, if it was.
    pub revoked_at: Option<i64>,
}

/// Where API tokens are kept.
pub trait TokenStore {
    /// Stores a token's hash; `false` (nothing stored) if `name` already
    /// has an active token.
    fn add_token(
        &self,
        name: &str,
        scope: &str,
        sha256: &str,
        actor: &str,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// The name and scope of the active token whose hash is `sha256`.
    fn token_by_hash(
        &self,
        sha256: &str,
    ) -> impl Future<Output = Result<Option<(String, String)>, StorageError>> + Send;

    /// Every token, active and revoked, oldest first.
    fn tokens(&self) -> impl Future<Output = Result<Vec<StoredToken>, StorageError>> + Send;

    /// Revokes `name`'s active token; `false` if it has none.
    fn revoke_token(&self, name: &str) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

impl TokenStore for Database {
    async fn add_token(
        &self,
        name: &str,
        scope: &str,
        sha256: &str,
        actor: &str,
    ) -> Result<bool, StorageError> {
        let sql = "INSERT INTO api_tokens (name, scope, sha256, created_at, created_by) \
                   VALUES ($1, $2, $3, $4, $5)";
        let now = now_ms();
        let result = on_pool!(self, pool => sqlx::query(sql)
            .bind(name)
            .bind(scope)
            .bind(sha256)
            .bind(now)
            .bind(actor)
            .execute(pool)
            .await
            .map(|_| ()));
        match result {
            Ok(()) => Ok(true),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    async fn token_by_hash(&self, sha256: &str) -> Result<Option<(String, String)>, StorageError> {
        let sql = "SELECT name, scope FROM api_tokens WHERE sha256 = $1 AND revoked_at IS NULL";
        let row: Option<(String, String)> = on_pool!(self, pool => {
            sqlx::query_as(sql).bind(sha256).fetch_optional(pool).await?
        });
        Ok(row)
    }

    async fn tokens(&self) -> Result<Vec<StoredToken>, StorageError> {
        let sql =
            "SELECT name, scope, created_at, created_by, revoked_at FROM api_tokens ORDER BY id";
        let rows: Vec<(String, String, i64, String, Option<i64>)> = on_pool!(self, pool => {
            sqlx::query_as(sql).fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|(name, scope, created_at, created_by, revoked_at)| StoredToken {
                name,
                scope,
                created_at,
                created_by,
                revoked_at,
            })
            .collect())
    }

    async fn revoke_token(&self, name: &str) -> Result<bool, StorageError> {
        let sql = "UPDATE api_tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL";
        let now = now_ms();
        let updated = on_pool!(self, pool => sqlx::query(sql)
            .bind(now)
            .bind(name)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(updated > 0)
    }
}
