//! `GET /api/v1/search`: the network's memory for the secretariat (a
//! reports token sees every request, as `/api/v1/requests` does), with the
//! same engine, ranking and refusals as `!search`.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::auth::Scope;
use super::error::ApiError;
use super::extract::ApiQuery;
use super::HttpState;
use crate::domain::memory::query::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};
use crate::domain::memory::{excerpt, QueryProblem};
use crate::service::memory::{search as run, SearchAsked, SearchProblem};

/// Most results a call returns.
const MAX_LIMIT: i64 = 50;

/// Query parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    q: Option<String>,
    theme: Option<String>,
    sdg: Option<String>,
    region: Option<String>,
    limit: Option<i64>,
}

fn problem_text(problem: SearchProblem) -> String {
    match problem {
        SearchProblem::Query(QueryProblem::Empty) => "`q` is empty: give words to look for".into(),
        SearchProblem::Query(QueryProblem::NoWords) => {
            "`q` has nothing to look for (only punctuation or very common words)".into()
        }
        SearchProblem::Query(QueryProblem::UnbalancedQuotes) => {
            "`q` opens a quote and never closes it".into()
        }
        SearchProblem::Query(QueryProblem::TooManyWords) => {
            format!("`q` has more than {MAX_QUERY_WORDS} words")
        }
        SearchProblem::Query(QueryProblem::TooLong { chars }) => {
            format!("`q` is {chars} characters long; at most {MAX_QUERY_CHARS}")
        }
        SearchProblem::UnknownTheme(t, _) => format!("unknown theme `{t}`"),
        SearchProblem::UnknownSdg(s) => format!("`{s}` is not an SDG goal or target"),
        SearchProblem::UnknownRegion(r) => format!("unknown region `{r}`"),
    }
}

/// `GET /api/v1/search?q=…[&theme=…][&sdg=…][&region=…][&limit=…]`
pub async fn search(
    State(state): State<HttpState>,
    headers: HeaderMap,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Json<Value>, ApiError> {
    state.tokens.check(&headers, Scope::Reports).await?;
    let limit = p.limit.unwrap_or(10);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::BadRequest(format!("`limit` must be 1 to {MAX_LIMIT}")));
    }
    let asked = SearchAsked {
        query: p.q.as_deref().unwrap_or_default(),
        theme: p.theme.as_deref(),
        sdg: p.sdg.as_deref(),
        region: p.region.as_deref(),
        sees_all: true,
        seat: None,
        limit,
    };
    let (query, hits) = run(&state.db, &state.network, &asked)
        .await?
        .map_err(|problem| ApiError::BadRequest(problem_text(problem)))?;
    let items: Vec<Value> = hits
        .iter()
        .map(|h| {
            let text = if h.body.trim().is_empty() { &h.title } else { &h.body };
            json!({
                "kind": h.kind,
                "source": h.source,
                "title": h.title,
                "excerpt": excerpt(text, query.all_words(), 24),
                "seat": h.seat,
                "region": h.region,
                "language": h.language,
                "link": h.link,
            })
        })
        .collect();
    Ok(Json(json!({ "query": asked.query.trim(), "items": items })))
}
