//! Scheduled jobs: work that must happen later, exactly once. A job is a
//! row written in the unit of work that decided it (keyed, so deciding twice
//! schedules once); whoever runs it marks it done in the unit of work that
//! records its effects ([`JobStore::finish_job`] says whether it was still
//! pending), so a crash before the commit runs it again and one after it
//! never does.

use std::future::Future;

use super::{now_ms, on_pool, Database, StorageError};

/// A job waiting for its time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledJob {
    /// Its row.
    pub id: i64,
    /// What kind of work (`command`, …).
    pub kind: String,
    /// Its unique key.
    pub key: String,
    /// When it is due, milliseconds since the Unix epoch.
    pub due_at: i64,
    /// What it needs, as JSON.
    pub payload: String,
}

/// Where scheduled jobs are kept.
pub trait JobStore {
    /// Schedules a job; `false` if one with this key exists already.
    fn schedule_job(
        &self,
        kind: &str,
        key: &str,
        due_at: i64,
        payload: &str,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Pending jobs due at `now` or before, oldest due first (then in the
    /// order they were scheduled), at most `limit`.
    fn due_jobs(
        &self,
        now: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<ScheduledJob>, StorageError>> + Send;

    /// When the next pending job is due, if any.
    fn next_due(&self) -> impl Future<Output = Result<Option<i64>, StorageError>> + Send;

    /// Marks job `id` done; `false` if it was done already (by an earlier
    /// run that committed): then its work must not be done again.
    fn finish_job(&self, id: i64) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Records that what `key` names happened, as a job done at once (so
    /// that it happens once: a notice sent at most once a day); `false` if
    /// it was recorded already.
    fn record_once(
        &self,
        kind: &str,
        key: &str,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
}

impl JobStore for Database {
    async fn schedule_job(
        &self,
        kind: &str,
        key: &str,
        due_at: i64,
        payload: &str,
    ) -> Result<bool, StorageError> {
        let sql = "INSERT INTO scheduled_jobs (kind, job_key, due_at, payload, created_at) \
                   VALUES ($1, $2, $3, $4, $5) ON CONFLICT (job_key) DO NOTHING";
        let now = now_ms();
        let inserted = on_pool!(self, pool => sqlx::query(sql)
            .bind(kind)
            .bind(key)
            .bind(due_at)
            .bind(payload)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(inserted == 1)
    }

    async fn due_jobs(&self, now: i64, limit: i64) -> Result<Vec<ScheduledJob>, StorageError> {
        let sql = "SELECT id, kind, job_key, due_at, payload FROM scheduled_jobs \
                   WHERE done_at IS NULL AND due_at <= $1 ORDER BY due_at, id LIMIT $2";
        let rows: Vec<(i64, String, String, i64, String)> = on_pool!(self, pool => {
            sqlx::query_as(sql).bind(now).bind(limit).fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, kind, key, due_at, payload)| ScheduledJob { id, kind, key, due_at, payload })
            .collect())
    }

    async fn next_due(&self) -> Result<Option<i64>, StorageError> {
        let sql = "SELECT MIN(due_at) FROM scheduled_jobs WHERE done_at IS NULL";
        let due: Option<i64> =
            on_pool!(self, pool => sqlx::query_scalar(sql).fetch_one(pool).await?);
        Ok(due)
    }

    async fn record_once(&self, kind: &str, key: &str) -> Result<bool, StorageError> {
        let sql =
            "INSERT INTO scheduled_jobs (kind, job_key, due_at, payload, created_at, done_at) \
                   VALUES ($1, $2, $3, '{}', $3, $3) ON CONFLICT (job_key) DO NOTHING";
        let now = now_ms();
        let inserted = on_pool!(self, pool => sqlx::query(sql)
            .bind(kind)
            .bind(key)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(inserted == 1)
    }

    async fn finish_job(&self, id: i64) -> Result<bool, StorageError> {
        let sql = "UPDATE scheduled_jobs SET done_at = $1 WHERE id = $2 AND done_at IS NULL";
        let now = now_ms();
        let updated = on_pool!(self, pool => sqlx::query(sql)
            .bind(now)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(updated == 1)
    }
}
