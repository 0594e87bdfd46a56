//! `GET /api/v1/plan`: the action plan's progress by pillar (share of
//! activities done, requests linked, outcomes delivered), each activity as
//! it stands, and the network's membership month by month.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::auth::Scope;
use super::error::ApiError;
use super::HttpState;
use crate::service::plan::{membership_over_time, plan_state};

/// `GET /api/v1/plan`
pub async fn plan(
    State(state): State<HttpState>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    state.tokens.check(&headers, Scope::Reports).await?;
    let membership = membership_over_time(&state.db, crate::storage::now_ms()).await?;
    let Some(plan) = &state.plan else {
        return Ok(Json(json!({ "plan": null, "membership": membership })));
    };
    let current = plan_state(&state.db, plan).await?;
    let pillars: Vec<Value> = plan
        .pillars
        .iter()
        .zip(&current.progress)
        .map(|(pillar, progress)| {
            let objectives: Vec<Value> = plan
                .objectives
                .iter()
                .filter(|o| o.pillar == pillar.id)
                .map(|o| {
                    let activities: Vec<Value> = plan
                        .activities
                        .iter()
                        .filter(|a| a.objective == o.id)
                        .map(|a| {
                            let requests: Vec<i64> = current
                                .requests
                                .get(&a.id)
                                .into_iter()
                                .flatten()
                                .copied()
                                .collect();
                            json!({
                                "id": a.id,
                                "title": a.titles.0,
                                "lead": a.lead,
                                "due": a.due,
                                "indicator": a.indicator,
                                "status": current.statuses.get(&a.id).copied().unwrap_or(a.status).as_str(),
                                "note": current.notes.get(&a.id),
                                "requests": requests,
                            })
                        })
                        .collect();
                    json!({ "id": o.id, "name": o.names.0, "activities": activities })
                })
                .collect();
            json!({
                "id": pillar.id,
                "name": pillar.names.0,
                "activities": progress.activities,
                "done": progress.done,
                "share_done": progress.share_done,
                "requests_linked": progress.requests_linked,
                "outcomes_delivered": progress.outcomes_delivered,
                "objectives": objectives,
            })
        })
        .collect();
    Ok(Json(json!({
        "plan": { "title": plan.title.0, "pillars": pillars },
        "membership": membership,
    })))
}
