//! Aggregates over requests, computed by the database from the columns each
//! step keeps up (`acknowledged_at`, `resolved_at`, the waits and the UTC
//! months; migration 0020) and their indexes, so statistics over 100,000
//! requests read a few thousand index entries rather than every row and
//! transition. What the figures mean is the service's business
//! ([`crate::service::stats`]).

use std::future::Future;

use crate::storage::{on_pool, Database, StorageError};

/// The UTC month of `ms` as `YYYYMM` (how months are stored).
pub fn month_key(ms: i64) -> i64 {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp_millis(ms)
        .map_or(0, |t| i64::from(t.year()) * 100 + i64::from(t.month()))
}

/// Requests of one state, region (if any) and category.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CountRow {
    /// The state.
    pub state: String,
    /// The region.
    pub region: Option<String>,
    /// The category.
    pub category: String,
    /// How many.
    pub count: i64,
}

/// Response-time deadlines of one category, in milliseconds after filing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    /// To acknowledge.
    pub acknowledge_ms: i64,
    /// To resolve.
    pub resolve_ms: i64,
}

/// The requests filed in one month, judged against their deadlines at a
/// moment: a step is judged once done or once its deadline has passed.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct FiledMonth {
    /// `YYYYMM`.
    pub month: i64,
    /// Filed in it.
    pub filed: i64,
    /// Of them, acknowledged.
    pub acknowledged: i64,
    /// Acknowledgements judged, and of those on time.
    pub ack_judged: i64,
    /// See `ack_judged`.
    pub ack_within: i64,
    /// Resolutions judged (declined requests aside), and of those on time.
    pub resolve_judged: i64,
    /// See `resolve_judged`.
    pub resolve_within: i64,
}

/// Which wait a median is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Filing to first acknowledgement, by month of filing.
    Acknowledge,
    /// Filing to (last) resolution, by month of resolution.
    Resolve,
}

/// Aggregates over requests.
pub trait RequestStatsStore {
    /// Counts by state, region and category.
    fn request_counts(&self) -> impl Future<Output = Result<Vec<CountRow>, StorageError>> + Send;
    /// Per month of filing, counts and on-time judgments at `now`:
    /// `deadlines` per category, `default` for any other.
    fn filed_months(
        &self,
        deadlines: &[(String, Deadlines)],
        default: Deadlines,
        now: i64,
    ) -> impl Future<Output = Result<Vec<FiledMonth>, StorageError>> + Send;
    /// Requests resolved per month of resolution (`YYYYMM`, count).
    fn resolved_months(&self)
        -> impl Future<Output = Result<Vec<(i64, i64)>, StorageError>> + Send;
    /// The waits (ms) at positions `offset..offset + count` in increasing
    /// order, of one month (`Some(YYYYMM)`) or of all (`None`).
    fn waits_at(
        &self,
        wait: Wait,
        month: Option<i64>,
        offset: i64,
        count: i64,
    ) -> impl Future<Output = Result<Vec<i64>, StorageError>> + Send;
}

impl RequestStatsStore for Database {
    async fn request_counts(&self) -> Result<Vec<CountRow>, StorageError> {
        let sql = "SELECT state, region, category, COUNT(*) AS count FROM requests \
                   GROUP BY state, region, category";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?))
    }

    async fn filed_months(
        &self,
        deadlines: &[(String, Deadlines)],
        default: Deadlines,
        now: i64,
    ) -> Result<Vec<FiledMonth>, StorageError> {
        // The categories' deadlines as a table of bound values (an empty
        // category stands for "none configured").
        let rows: Vec<String> = (0..deadlines.len().max(1))
            .map(|i| format!("(${}, ${}, ${})", 4 + 3 * i, 5 + 3 * i, 6 + 3 * i))
            .collect();
        let sql = format!(
            "WITH d (category, ack, res) AS (VALUES {}), r AS ( \
               SELECT q.filed_month, q.state, q.created_at, q.acknowledged_at, q.resolved_at, \
                 q.created_at + COALESCE(d.ack, $1) AS ack_by, \
                 q.created_at + COALESCE(d.res, $2) AS res_by \
               FROM requests q LEFT JOIN d ON d.category = q.category) \
             SELECT filed_month AS month, COUNT(*) AS filed, \
               COUNT(acknowledged_at) AS acknowledged, \
               SUM(CASE WHEN acknowledged_at IS NOT NULL OR $3 > ack_by THEN 1 ELSE 0 END) \
                 AS ack_judged, \
               SUM(CASE WHEN acknowledged_at <= ack_by THEN 1 ELSE 0 END) AS ack_within, \
               SUM(CASE WHEN state <> 'declined' AND (resolved_at IS NOT NULL OR $3 > res_by) \
                   THEN 1 ELSE 0 END) AS resolve_judged, \
               SUM(CASE WHEN state <> 'declined' AND resolved_at <= res_by THEN 1 ELSE 0 END) \
                 AS resolve_within \
             FROM r GROUP BY filed_month ORDER BY filed_month",
            rows.join(", ")
        );
        let none = [(String::new(), default)];
        let deadlines = if deadlines.is_empty() { &none[..] } else { deadlines };
        Ok(on_pool!(self, pool => {
            let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(default.acknowledge_ms)
                .bind(default.resolve_ms)
                .bind(now);
            for (category, d) in deadlines {
                query = query.bind(category.clone()).bind(d.acknowledge_ms).bind(d.resolve_ms);
            }
            query.fetch_all(pool).await?
        }))
    }

    async fn resolved_months(&self) -> Result<Vec<(i64, i64)>, StorageError> {
        let sql = "SELECT resolved_month, COUNT(*) FROM requests \
                   WHERE resolve_wait_ms IS NOT NULL GROUP BY resolved_month \
                   ORDER BY resolved_month";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?))
    }

    async fn waits_at(
        &self,
        wait: Wait,
        month: Option<i64>,
        offset: i64,
        count: i64,
    ) -> Result<Vec<i64>, StorageError> {
        let (column, month_column) = match wait {
            Wait::Acknowledge => ("ack_wait_ms", "filed_month"),
            Wait::Resolve => ("resolve_wait_ms", "resolved_month"),
        };
        let within =
            if month.is_some() { format!(" AND {month_column} = $3") } else { String::new() };
        let sql = format!(
            "SELECT {column} FROM requests WHERE {column} IS NOT NULL{within} \
             ORDER BY {column} LIMIT $1 OFFSET $2"
        );
        Ok(on_pool!(self, pool => {
            let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone())).bind(count).bind(offset);
            if let Some(m) = month {
                query = query.bind(m);
            }
            query.fetch_all(pool).await?
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_utc_year_and_month() {
        assert_eq!(month_key(0), 197_001);
        assert_eq!(month_key(1_795_969_377_159), 202_611);
        // 2026-11-30T23:30:00-01:00 is already December in UTC.
        assert_eq!(month_key(1_796_085_000_000), 202_612);
    }
}
