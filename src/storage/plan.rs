//! The action plan's updates and links (the plan itself is a file), and the
//! roster's state changes in order (for membership over time).

use std::future::Future;

use super::{on_pool, Database, StorageError};
use crate::domain::plan::ActivityStatus;

/// A status update of an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanUpdate {
    /// The activity.
    pub activity: String,
    /// Its new status.
    pub status: ActivityStatus,
    /// What was said.
    pub note: Option<String>,
    /// Who.
    pub actor: String,
    /// When.
    pub at: i64,
}

/// A request or offer linked to an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanLink {
    /// The activity.
    pub activity: String,
    /// `request` or `offer`.
    pub kind: String,
    /// Its number.
    pub target: i64,
}

/// A change of a state's standing, from the roster's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateChange {
    /// When.
    pub at: i64,
    /// `add_state`, `update_state` or `remove_state`.
    pub action: String,
    /// The state's code.
    pub state: String,
    /// The change in words (`+ state MA (founding_member)…`, `~ state CL: status observer -> member`).
    pub detail: String,
}

/// Where the plan's updates and links are kept.
pub trait PlanStore {
    /// Records a status update (once per event).
    fn record_plan_update(
        &self,
        update: &PlanUpdate,
        event_id: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Every status update, oldest first.
    fn plan_updates(&self) -> impl Future<Output = Result<Vec<PlanUpdate>, StorageError>> + Send;

    /// Links `kind` `target` to `activity`; `false` if it was linked already.
    fn link_to_plan(
        &self,
        link: &PlanLink,
        actor: &str,
        event_id: &str,
        at: i64,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Every link.
    fn plan_links(&self) -> impl Future<Output = Result<Vec<PlanLink>, StorageError>> + Send;

    /// The roster's state changes, oldest first.
    fn state_changes(&self) -> impl Future<Output = Result<Vec<StateChange>, StorageError>> + Send;
}

impl PlanStore for Database {
    async fn record_plan_update(&self, u: &PlanUpdate, event_id: &str) -> Result<(), StorageError> {
        let sql = "INSERT INTO plan_updates (activity, status, note, actor, event_id, at) \
                   VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING";
        on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(&u.activity)
                .bind(u.status.as_str())
                .bind(&u.note)
                .bind(&u.actor)
                .bind(event_id)
                .bind(u.at)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    async fn plan_updates(&self) -> Result<Vec<PlanUpdate>, StorageError> {
        let sql = "SELECT activity, status, note, actor, at FROM plan_updates ORDER BY id";
        let rows: Vec<(String, String, Option<String>, String, i64)> =
            on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?);
        rows.into_iter()
            .map(|(activity, status, note, actor, at)| {
                let status = ActivityStatus::parse(&status)
                    .ok_or_else(|| StorageError::Corrupt(format!("plan status `{status}`")))?;
                Ok(PlanUpdate { activity, status, note, actor, at })
            })
            .collect()
    }

    async fn link_to_plan(
        &self,
        link: &PlanLink,
        actor: &str,
        event_id: &str,
        at: i64,
    ) -> Result<bool, StorageError> {
        let sql = "INSERT INTO plan_links (activity, kind, target, actor, event_id, at) \
                   VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (activity, kind, target) DO NOTHING";
        let inserted = on_pool!(self, pool => sqlx::query(sql)
            .bind(&link.activity)
            .bind(&link.kind)
            .bind(link.target)
            .bind(actor)
            .bind(event_id)
            .bind(at)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(inserted == 1)
    }

    async fn plan_links(&self) -> Result<Vec<PlanLink>, StorageError> {
        let sql = "SELECT activity, kind, target FROM plan_links ORDER BY id";
        let rows: Vec<(String, String, i64)> =
            on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|(activity, kind, target)| PlanLink { activity, kind, target })
            .collect())
    }

    async fn state_changes(&self) -> Result<Vec<StateChange>, StorageError> {
        let sql = "SELECT at, action, state_code, detail FROM roster_changes \
                   WHERE action IN ('add_state', 'update_state', 'remove_state') ORDER BY id";
        let rows: Vec<(i64, String, String, String)> =
            on_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|(at, action, state, detail)| StateChange { at, action, state, detail })
            .collect())
    }
}
