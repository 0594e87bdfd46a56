//! The network's calendar: `/api/v1/seminars` (JSON, reports tokens),
//! `/api/v1/calendar.ics` (RFC 5545, for a calendar application: a
//! calendar-only token, as a bearer header or `?token=` since calendar
//! applications cannot send headers), and `/calendar/<key>.ics`, one
//! seminar's file behind the unguessable key of its announcement's link.
//! UIDs are stable across edits; SEQUENCE counts them; a cancelled seminar
//! stays in the feed as STATUS:CANCELLED so calendars remove it.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::auth::Scope;
use super::error::ApiError;
use super::extract::ApiQuery;
use super::ics::{calendar, CalendarEvent};
use super::HttpState;
use crate::domain::time::iso;
use crate::domain::{Rsvp, Seminar};
use crate::storage::{now_ms, SeminarStore};

/// How far back the feed and the listing reach.
const PAST_MS: i64 = 180 * 86_400_000;
/// Most seminars served.
const LIMIT: i64 = 1_000;

/// Query parameters of `/api/v1/calendar.ics`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarQuery {
    token: Option<String>,
}

fn event(state: &HttpState, s: &Seminar) -> CalendarEvent {
    let name = state.network.short_name.get("en").to_owned();
    let mut description = format!("{name} #{}", s.id);
    if let Some(minutes) = &s.minutes {
        description.push_str("\n\n");
        description.push_str(minutes);
    }
    CalendarEvent {
        uid: format!("seminar-{}-{}@peerlink", s.id, &s.feed_key[..s.feed_key.len().min(8)]),
        start: s.starts_at,
        end: s.ends_at(),
        sequence: u32::try_from(s.sequence).unwrap_or(u32::MAX),
        updated: s.updated_at,
        created: s.created_at,
        summary: s.title.clone(),
        description: Some(description),
        location: s.place.clone(),
        url: s.link.clone(),
        cancelled: s.cancelled,
    }
}

fn ics(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], body).into_response()
}

/// `GET /api/v1/calendar.ics`
pub async fn feed(
    State(state): State<HttpState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<CalendarQuery>,
) -> Result<Response, ApiError> {
    match query.token {
        Some(token) => state.tokens.check_token(&token, Scope::Calendar).await?,
        None => state.tokens.check(&headers, Scope::Calendar).await?,
    };
    let seminars = state.db.list_seminars(now_ms() - PAST_MS, true, LIMIT).await?;
    let events: Vec<CalendarEvent> = seminars.iter().map(|s| event(&state, s)).collect();
    let name = state.network.short_name.get("en").to_owned();
    Ok(ics(calendar(&name, &events)))
}

/// `GET /calendar/{key}.ics`
pub async fn one(
    State(state): State<HttpState>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    let key = file.strip_suffix(".ics").unwrap_or_default();
    let valid = key.len() == 32 && key.chars().all(|c| c.is_ascii_alphanumeric());
    let found = if valid { state.db.seminar_by_feed_key(key).await? } else { None };
    let Some(seminar) = found else {
        return Ok((StatusCode::NOT_FOUND, "no such calendar file\n").into_response());
    };
    let name = state.network.short_name.get("en").to_owned();
    Ok(ics(calendar(&name, &[event(&state, &seminar)])))
}

/// `GET /api/v1/seminars`
pub async fn list(
    State(state): State<HttpState>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    state.tokens.check(&headers, Scope::Reports).await?;
    let seminars = state.db.list_seminars(now_ms() - PAST_MS, true, LIMIT).await?;
    let mut out = Vec::with_capacity(seminars.len());
    for s in &seminars {
        let answers = state.db.seminar_answers(s.id).await?;
        let states = |rsvp: Rsvp| -> Vec<&str> {
            answers.iter().filter(|a| a.answer == rsvp).map(|a| a.state.as_str()).collect()
        };
        let requests = state.db.seminar_requests(s.id).await?;
        let (kind, key) = s.room.key();
        out.push(json!({
            "number": s.id,
            "title": s.title,
            "kind": if s.is_regional() { "regional_session" } else { "international_seminar" },
            "room": { "kind": kind, "region": (!key.is_empty()).then_some(key) },
            "starts_at": iso(s.starts_at),
            "ends_at": iso(s.ends_at()),
            "time_zone": s.zone,
            "duration_minutes": s.duration_minutes,
            "place": s.place,
            "link": s.link,
            "cancelled": s.cancelled,
            "sequence": s.sequence,
            "attending": states(Rsvp::Attend),
            "declining": states(Rsvp::Decline),
            "minutes": s.minutes,
            "requests": requests,
        }));
    }
    Ok(Json(json!({ "seminars": out })))
}
