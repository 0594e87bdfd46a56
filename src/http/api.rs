//! The read-only JSON API under `/api/v1`, behind bearer tokens.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::auth::Scope;
use super::error::ApiError;
use super::extract::{ApiPath, ApiQuery};
use super::HttpState;
use crate::domain::time::iso;
use crate::domain::{CountryCode, Request, RequestState};
use crate::service::outcomes::{Export, Format};
use crate::service::reports;
use crate::storage::{MemoryStore, RequestFilter, RequestStore, RosterStore, StorageError};

/// Largest page.
const MAX_PER_PAGE: i64 = 500;

/// Query parameters of `/api/v1/requests`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestQuery {
    state: Option<String>,
    region: Option<String>,
    category: Option<String>,
    /// Only tagged with this theme (its ID).
    theme: Option<String>,
    /// Only tagged with this SDG goal (its targets too) or target.
    sdg: Option<String>,
    country: Option<String>,
    /// Filed on or after this date (YYYY-MM-DD, UTC).
    from: Option<String>,
    /// Filed before this date (YYYY-MM-DD, UTC).
    to: Option<String>,
    page: Option<i64>,
    per_page: Option<i64>,
}

fn date_ms(name: &str, raw: &str) -> Result<i64, ApiError> {
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_millis())
        .ok_or_else(|| ApiError::BadRequest(format!("`{name}` must be a date like 2026-11-29")))
}

/// Tags as the API shows them.
fn tags_json(rows: &[(String, String)]) -> Value {
    let of = |kind: &str| -> Vec<&str> {
        rows.iter().filter(|(k, _)| k == kind).map(|(_, v)| v.as_str()).collect()
    };
    json!({ "sdgs": of("sdg"), "themes": of("theme"), "references": of("ref") })
}

fn request_json(r: &Request, tags: &[(String, String)]) -> Value {
    json!({
        "tags": tags_json(tags),
        "number": r.id,
        "state": r.state.as_str(),
        "requesting_state": r.requesting_state.as_str(),
        "region": r.region,
        "category": r.category,
        "title": r.title,
        "description": r.description,
        "assignee": r.assignee,
        "filed_at": iso(r.created_at),
        "updated_at": iso(r.updated_at),
    })
}

/// `GET /api/v1/requests`
pub async fn requests(
    State(state): State<HttpState>,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<RequestQuery>,
) -> Result<Json<Value>, ApiError> {
    state.tokens.check(&headers, Scope::Reports).await?;
    let per_page = q.per_page.unwrap_or(50);
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(ApiError::BadRequest(format!("`per_page` must be 1 to {MAX_PER_PAGE}")));
    }
    let page = q.page.unwrap_or(1);
    if page < 1 {
        return Err(ApiError::BadRequest("`page` starts at 1".into()));
    }
    let filter = RequestFilter {
        state: q
            .state
            .as_deref()
            .map(|s| {
                RequestState::parse(s)
                    .ok_or_else(|| ApiError::BadRequest(format!("unknown state `{s}`")))
            })
            .transpose()?,
        requesting_state: q
            .country
            .as_deref()
            .map(|c| CountryCode::parse(c).map_err(|e| ApiError::BadRequest(e.to_string())))
            .transpose()?,
        region: q.region,
        category: q.category,
        theme: q.theme,
        sdg: q
            .sdg
            .as_deref()
            .map(|s| {
                crate::domain::memory::SDG.parse_code(s).map(|c| c.to_string()).ok_or_else(|| {
                    ApiError::BadRequest(format!("`{s}` is not an SDG goal or target"))
                })
            })
            .transpose()?,
        created_from: q.from.as_deref().map(|d| date_ms("from", d)).transpose()?,
        created_to: q.to.as_deref().map(|d| date_ms("to", d)).transpose()?,
        limit: per_page,
        offset: (page - 1)
            .checked_mul(per_page)
            .ok_or_else(|| ApiError::BadRequest("`page` is too large".into()))?,
        ..RequestFilter::default()
    };
    let total = state.db.count_requests(&filter).await?;
    let requests = state.db.list_requests(&filter).await?;
    let ids: Vec<i64> = requests.iter().map(|r| r.id).collect();
    let tags = state.db.tags_of("request", &ids).await?;
    let items: Vec<Value> = requests
        .iter()
        .map(|r| request_json(r, tags.get(&r.id).map_or(&[][..], Vec::as_slice)))
        .collect();
    Ok(Json(json!({ "page": page, "per_page": per_page, "total": total, "items": items })))
}

/// `GET /api/v1/requests/{number}`
pub async fn request(
    State(state): State<HttpState>,
    headers: HeaderMap,
    ApiPath(number): ApiPath<i64>,
) -> Result<Json<Value>, ApiError> {
    state.tokens.check(&headers, Scope::Reports).await?;
    let request = state.db.get_request(number).await?.ok_or(ApiError::NotFound)?;
    let history: Vec<Value> = state
        .db
        .transitions(number)
        .await?
        .into_iter()
        .map(|t| {
            json!({
                "at": iso(t.at),
                "actor": t.actor,
                "acting_state": t.actor_state.map(|c| c.to_string()),
                "action": t.action,
                "from": t.from.map(RequestState::as_str),
                "to": t.to.as_str(),
                "reason": t.reason,
                "event_id": t.event_id,
            })
        })
        .collect();
    let outcome = state.db.outcome(number).await?.map(|o| {
        json!({
            "result": o.result.as_str(),
            "summary": o.summary,
            "lessons": o.lessons,
            "delivered_by": o.delivered_by,
        })
    });
    let tags = state.db.tags(("request", number)).await?;
    let mut body = request_json(&request, &tags);
    body["history"] = Value::Array(history);
    body["outcome"] = outcome.unwrap_or(Value::Null);
    Ok(Json(body))
}

/// `GET /api/v1/roster`: delegates' user IDs only for `roster` tokens.
pub async fn roster(
    State(state): State<HttpState>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let scope = state.tokens.check(&headers, Scope::Reports).await?;
    let roster = state.db.load_roster().await?;
    let states: Vec<Value> = roster
        .states
        .values()
        .map(|s| {
            let mut item = json!({
                "code": s.code.as_str(),
                "name": s.code.name("en"),
                "status": s.status.as_str(),
                "region": state.network.regions.region_of(s.code).map(|r| r.id.clone()),
                "mechanism": s.mechanism,
                "committee": state.network.is_committee(s.code),
                "delegate_count": roster.delegates_of(s.code).count(),
            });
            if scope >= Scope::Roster {
                let delegates: Vec<Value> = roster
                    .delegates_of(s.code)
                    .map(|d| json!({ "user_id": d.user_id.as_str(), "language": d.language }))
                    .collect();
                item["delegates"] = Value::Array(delegates);
            }
            item
        })
        .collect();
    let partners: Vec<Value> = roster
        .partners
        .values()
        .map(|p| {
            let seat = crate::domain::Seat::Partner(p.id.clone());
            let users = roster.delegates_of_seat(&seat);
            let mut item = json!({
                "id": p.id.as_str(),
                "kind": p.kind.as_str(),
                "name": p.names.0,
                "regions": p.regions,
                "delegate_count": users.len(),
            });
            if scope >= Scope::Roster {
                let delegates: Vec<Value> = users
                    .iter()
                    .map(|u| json!({ "user_id": u.as_str(), "language": roster.language_of(u.as_str()) }))
                    .collect();
                item["delegates"] = Value::Array(delegates);
            }
            item
        })
        .collect();
    let regions: Vec<Value> = state
        .network
        .regions
        .regions()
        .iter()
        .map(|r| json!({ "id": r.id, "name": r.names.0, "states": r.countries.len() }))
        .collect();
    Ok(Json(json!({ "states": states, "partners": partners, "regions": regions })))
}

/// `GET /api/v1/stats`
pub async fn statistics(
    State(state): State<HttpState>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    state.tokens.check(&headers, Scope::Reports).await?;
    let now = crate::storage::now_ms();
    let targets = |c: &str| state.network.targets(c);
    let computed =
        reports::statistics(&state.db, targets, crate::domain::ResponseTargets::DEFAULT, now)
            .await?;
    Ok(Json(serde_json::to_value(computed).unwrap_or(Value::Null)))
}

/// `GET /api/v1/outcomes`
pub async fn outcomes_list(
    State(state): State<HttpState>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    state.tokens.check(&headers, Scope::Reports).await?;
    let body = export_body(&state, Format::Json).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body))
}

/// `GET /api/v1/outcomes.csv`
pub async fn outcomes_csv_file(
    State(state): State<HttpState>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    state.tokens.check(&headers, Scope::Reports).await?;
    let body = export_body(&state, Format::Csv).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"outcomes.csv\""),
        ],
        body,
    ))
}

/// The register as a streamed body, read page by page while it is sent.
/// The first page is read before answering, so a database that is down
/// gets a proper error; a failure later cuts the body short (the client
/// sees an incomplete transfer, never a shorter register passed as whole).
async fn export_body(state: &HttpState, format: Format) -> Result<Body, ApiError> {
    let mut export = Export::new(state.db.clone(), format);
    let first = export.next().await?.unwrap_or_default();
    let rest = futures_util::stream::unfold(Some(export), |export| async move {
        let mut export = export?;
        match export.next().await {
            Ok(Some(text)) => Some((Ok(text), Some(export))),
            Ok(None) => None,
            Err(e) => {
                tracing::warn!(error = %e, "the outcomes export stopped half-way");
                Some((Err(e), None))
            }
        }
    });
    let pieces = futures_util::stream::once(async move { Ok::<_, StorageError>(first) });
    Ok(Body::from_stream(futures_util::StreamExt::chain(pieces, rest)))
}

/// `GET /api/v1/openapi.json`
pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], super::OPENAPI)
}
