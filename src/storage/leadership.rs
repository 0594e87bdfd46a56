//! The leadership lease: one row naming the instance that leads, until
//! when. Taking it and renewing it are one statement; on PostgreSQL the
//! time is the database's, so instances on machines with different clocks
//! agree.

use super::{now_ms, Database, StorageError};

/// Who leads, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The holder (user ID and device ID).
    pub holder: String,
    /// The fencing token.
    pub token: i64,
    /// Milliseconds until it expires (negative: expired).
    pub expires_in_ms: i64,
}

impl Database {
    /// Takes the lead for `holder` (when the lease expired, or is its own)
    /// or renews it, for `lease_ms`; the fencing token if it leads.
    pub async fn try_lead(&self, holder: &str, lease_ms: i64) -> Result<Option<i64>, StorageError> {
        let update = "ON CONFLICT (name) DO UPDATE SET \
             token = CASE WHEN leadership.holder = EXCLUDED.holder \
                          THEN leadership.token ELSE leadership.token + 1 END, \
             holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at \
             WHERE leadership.holder = EXCLUDED.holder OR leadership.expires_at < NOW_MS \
             RETURNING token";
        match self {
            Database::Postgres(pool) => {
                let now = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";
                let sql = format!(
                    "INSERT INTO leadership (name, holder, token, expires_at) \
                     VALUES ('leader', $1, 1, {now} + $2) {}",
                    update.replace("NOW_MS", now)
                );
                Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .bind(holder)
                    .bind(lease_ms)
                    .fetch_optional(pool)
                    .await?)
            }
            Database::Sqlite(pool) => {
                let sql = format!(
                    "INSERT INTO leadership (name, holder, token, expires_at) \
                     VALUES ('leader', $1, 1, $3 + $2) {}",
                    update.replace("NOW_MS", "$3")
                );
                Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .bind(holder)
                    .bind(lease_ms)
                    .bind(now_ms())
                    .fetch_optional(pool)
                    .await?)
            }
            _ => Err(StorageError::TransactionEnded),
        }
    }

    /// The current lease, if any.
    pub async fn lease(&self) -> Result<Option<Lease>, StorageError> {
        let row: Option<(String, i64, i64)> =
            match self {
                Database::Postgres(pool) => {
                    sqlx::query_as(
                        "SELECT holder, token, \
                     expires_at - (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT \
                     FROM leadership WHERE name = 'leader'",
                    )
                    .fetch_optional(pool)
                    .await?
                }
                Database::Sqlite(pool) => sqlx::query_as(
                    "SELECT holder, token, expires_at - $1 FROM leadership WHERE name = 'leader'",
                )
                .bind(now_ms())
                .fetch_optional(pool)
                .await?,
                _ => return Err(StorageError::TransactionEnded),
            };
        Ok(row.map(|(holder, token, expires_in_ms)| Lease { holder, token, expires_in_ms }))
    }

    /// Gives the lead up at once (a clean stop), if `holder` has it.
    pub async fn resign(&self, holder: &str) -> Result<(), StorageError> {
        let sql = "UPDATE leadership SET expires_at = 0 WHERE name = 'leader' AND holder = $1";
        super::on_pool!(self, pool => { sqlx::query(sql).bind(holder).execute(pool).await?; });
        Ok(())
    }
}
