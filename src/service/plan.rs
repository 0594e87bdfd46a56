//! The action plan as it stands (the file's activities with their current
//! statuses, notes, linked requests and each pillar's progress), and the
//! network's membership month by month from the roster's history: what
//! `!plan`, the API and the dashboard show.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::plan::{
    membership_by_month, progress, ActionPlan, ActivityStatus, MonthMembership, PillarProgress,
};
use crate::domain::{status_after, OutcomeResult, Status};
use crate::storage::{PlanLink, PlanStore, PlanUpdate, RequestStore, StorageError};

/// The plan as it stands: each activity's current status and last note,
/// the requests linked to each, and each pillar's progress.
pub struct PlanState {
    /// Current statuses (the file's, or the last update's).
    pub statuses: BTreeMap<String, ActivityStatus>,
    /// The last update's note, by activity.
    pub notes: BTreeMap<String, String>,
    /// Requests linked, by activity.
    pub requests: BTreeMap<String, BTreeSet<i64>>,
    /// Progress by pillar, in the plan's order.
    pub progress: Vec<PillarProgress>,
}

/// Reads the plan's state from `store`.
pub async fn plan_state<S: PlanStore + RequestStore + Sync>(
    store: &S,
    plan: &ActionPlan,
) -> Result<PlanState, StorageError> {
    let mut statuses: BTreeMap<String, ActivityStatus> =
        plan.activities.iter().map(|a| (a.id.clone(), a.status)).collect();
    let mut notes = BTreeMap::new();
    for PlanUpdate { activity, status, note, .. } in store.plan_updates().await? {
        statuses.insert(activity.clone(), status);
        match note {
            Some(note) => notes.insert(activity, note),
            None => notes.remove(&activity),
        };
    }
    let mut requests: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    for PlanLink { activity, kind, target } in store.plan_links().await? {
        if kind == "request" {
            requests.entry(activity).or_default().insert(target);
        }
    }
    let delivered: BTreeSet<i64> = store
        .outcomes()
        .await?
        .into_iter()
        .filter(|o| o.outcome.result != OutcomeResult::NotDelivered)
        .map(|o| o.request.id)
        .collect();
    let progress = progress(plan, &statuses, &requests, &delivered);
    Ok(PlanState { statuses, notes, requests, progress })
}

/// The network's membership at the end of each month up to `now`, from
/// the roster's history.
pub async fn membership_over_time<S: PlanStore + Sync>(
    store: &S,
    now: i64,
) -> Result<Vec<MonthMembership>, StorageError> {
    let mut current: BTreeMap<String, Status> = BTreeMap::new();
    let mut changes = Vec::new();
    for c in store.state_changes().await? {
        let after = status_after(&c.action, &c.detail, current.get(&c.state).copied());
        match after {
            Some(status) => current.insert(c.state.clone(), status),
            None => current.remove(&c.state),
        };
        changes.push((c.at, c.state, after));
    }
    Ok(membership_by_month(&changes, now))
}
