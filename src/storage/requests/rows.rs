//! The rows of the request tables as read, their conversion to domain
//! values, and the conditions of a listing's filter.

use sqlx::{FromRow, QueryBuilder};

use super::super::StorageError;
use super::RequestFilter;
use crate::domain::{CountryCode, Outcome, OutcomeResult, Request, RequestState};

#[derive(FromRow)]
pub(super) struct RequestRow {
    pub(super) id: i64,
    pub(super) state: String,
    pub(super) requesting_state: String,
    pub(super) region: Option<String>,
    pub(super) category: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) language: String,
    pub(super) requester: String,
    pub(super) source_room: String,
    pub(super) source_event: String,
    pub(super) card_room: Option<String>,
    pub(super) card_event: Option<String>,
    pub(super) assignee: Option<String>,
    pub(super) created_at: i64,
    pub(super) updated_at: i64,
}

impl TryFrom<RequestRow> for Request {
    type Error = StorageError;

    fn try_from(r: RequestRow) -> Result<Self, StorageError> {
        Ok(Request {
            id: r.id,
            state: RequestState::parse(&r.state)
                .ok_or_else(|| StorageError::Corrupt(format!("request state `{}`", r.state)))?,
            requesting_state: CountryCode::parse(&r.requesting_state)
                .map_err(|e| StorageError::Corrupt(e.to_string()))?,
            region: r.region,
            category: r.category,
            title: r.title,
            description: r.description,
            language: r.language,
            requester: r.requester,
            source_room: r.source_room,
            source_event: r.source_event,
            card_room: r.card_room,
            card_event: r.card_event,
            assignee: r.assignee,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

#[derive(FromRow)]
pub(super) struct TransitionRow {
    pub(super) at: i64,
    pub(super) actor: String,
    pub(super) actor_state: Option<String>,
    pub(super) action: String,
    pub(super) from_state: Option<String>,
    pub(super) to_state: String,
    pub(super) reason: Option<String>,
    pub(super) event_id: Option<String>,
}

#[derive(FromRow)]
pub(super) struct OutcomeRow {
    pub(super) result: String,
    pub(super) summary: String,
    pub(super) lessons: Option<String>,
    pub(super) delivered_by: Option<String>,
}

impl TryFrom<OutcomeRow> for Outcome {
    type Error = StorageError;

    fn try_from(r: OutcomeRow) -> Result<Self, StorageError> {
        Ok(Outcome {
            result: OutcomeResult::parse(&r.result)
                .ok_or_else(|| StorageError::Corrupt(format!("outcome `{}`", r.result)))?,
            summary: r.summary,
            lessons: r.lessons,
            delivered_by: r.delivered_by,
        })
    }
}

#[derive(FromRow)]
pub(super) struct RegisterRow {
    #[sqlx(flatten)]
    pub(super) request: RequestRow,
    #[sqlx(flatten)]
    pub(super) outcome: OutcomeRow,
    pub(super) recorded_by: String,
    pub(super) recorded_at: i64,
}

pub(super) const COLUMNS: &str =
    "id, state, requesting_state, region, category, title, description, \
    language, requester, source_room, source_event, card_room, card_event, assignee, \
    created_at, updated_at";

/// The WHERE conditions of `filter` (the query already has `WHERE 1 = 1`).
pub(super) fn push_conditions<DB>(q: &mut QueryBuilder<DB>, filter: &RequestFilter)
where
    DB: sqlx::Database,
    String: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    i64: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    if filter.open_only {
        q.push(" AND state NOT IN ('resolved', 'declined')");
    }
    if let Some(state) = filter.state {
        q.push(" AND state = ").push_bind(state.as_str().to_owned());
    }
    if let Some(code) = filter.requesting_state {
        q.push(" AND requesting_state = ").push_bind(code.to_string());
    }
    if let Some(seat) = &filter.involving {
        // Assignees are stored comma-separated: `PT,ohchr`.
        q.push(" AND (requesting_state = ").push_bind(seat.clone());
        q.push(" OR (',' || COALESCE(assignee, '') || ',') LIKE ").push_bind(format!("%,{seat},%"));
        q.push(")");
    }
    if let Some(region) = &filter.region {
        q.push(" AND region = ").push_bind(region.clone());
    }
    if let Some(category) = &filter.category {
        q.push(" AND category = ").push_bind(category.clone());
    }
    if let Some(theme) = &filter.theme {
        q.push(
            " AND EXISTS (SELECT 1 FROM memory_tags t WHERE t.subject_kind = 'request' \
             AND t.subject_id = requests.id AND t.kind = 'theme' AND t.value = ",
        )
        .push_bind(theme.clone())
        .push(")");
    }
    if let Some(sdg) = &filter.sdg {
        // A goal (`16`) matches its targets (`16.3`) too.
        q.push(
            " AND EXISTS (SELECT 1 FROM memory_tags t WHERE t.subject_kind = 'request' \
             AND t.subject_id = requests.id AND t.kind = 'sdg' AND (t.value = ",
        )
        .push_bind(sdg.clone())
        .push(" OR t.value LIKE ")
        .push_bind(format!("{sdg}.%"))
        .push("))");
    }
    if let Some(from) = filter.created_from {
        q.push(" AND created_at >= ").push_bind(from);
    }
    if let Some(to) = filter.created_to {
        q.push(" AND created_at < ").push_bind(to);
    }
}

pub(super) fn rows_to_requests(rows: Vec<RequestRow>) -> Result<Vec<Request>, StorageError> {
    rows.into_iter().map(Request::try_from).collect()
}
