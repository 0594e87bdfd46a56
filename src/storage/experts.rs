//! What "who has done this before" reads: the outcomes recorded in a
//! category, a theme or an SDG (a goal takes its targets), newest first.
//! The ranking itself is the domain's ([`crate::domain::memory::experts`]).

use std::future::Future;

use super::{on_pool, Database, StorageError};
use crate::domain::memory::Delivery;
use crate::domain::OutcomeResult;

/// The outcomes read at most (the newest; older ones weigh little).
const MAX_DELIVERIES: i64 = 2_000;

/// Which outcomes count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpertScope {
    /// Of requests in this category.
    Category(String),
    /// Of requests tagged with this theme.
    Theme(String),
    /// Of requests tagged with this SDG code (a goal matches its targets).
    Sdg(String),
}

/// Where deliveries are read.
pub trait ExpertStore {
    /// The outcomes of `scope` that name who delivered them, newest first.
    fn deliveries(
        &self,
        scope: &ExpertScope,
    ) -> impl Future<Output = Result<Vec<Delivery>, StorageError>> + Send;
}

impl ExpertStore for Database {
    async fn deliveries(&self, scope: &ExpertScope) -> Result<Vec<Delivery>, StorageError> {
        let select = "SELECT o.delivered_by, o.result, o.recorded_at FROM outcomes o \
                      JOIN requests r ON r.id = o.request_id ";
        let tagged = "JOIN memory_tags t ON t.subject_kind = 'request' AND t.subject_id = r.id ";
        let (join, filter, value) = match scope {
            ExpertScope::Category(c) => ("", "r.category = $1", c.clone()),
            ExpertScope::Theme(t) => (tagged, "t.kind = 'theme' AND t.value = $1", t.clone()),
            ExpertScope::Sdg(s) => {
                (tagged, "t.kind = 'sdg' AND (t.value = $1 OR t.value LIKE $2)", s.clone())
            }
        };
        let sql = format!(
            "{select}{join}WHERE {filter} AND o.delivered_by IS NOT NULL \
             AND o.result <> 'not_delivered' ORDER BY o.recorded_at DESC, o.request_id DESC \
             LIMIT {MAX_DELIVERIES}"
        );
        let rows: Vec<(String, String, i64)> = on_pool!(self, pool => {
            let q = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(&value);
            let q = if matches!(scope, ExpertScope::Sdg(_)) {
                q.bind(format!("{value}.%"))
            } else {
                q
            };
            q.fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(by, result, at)| {
                OutcomeResult::parse(&result).map(|r| Delivery::new(&by, r, at))
            })
            .collect())
    }
}
