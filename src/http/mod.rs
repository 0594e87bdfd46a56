//! The operations server (axum): health, Prometheus metrics, the read-only
//! JSON API and the secretariat's dashboard. Loopback by default; shut down
//! with the bot.

mod api;
pub mod auth;
mod calendar;
mod dashboard;
mod error;
mod extract;
mod health;
pub mod ics;
mod plan;
mod search;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::routing::get;
use axum::Router;
use tokio_util::sync::CancellationToken;

use crate::domain::Network;
use crate::storage::Database;

pub use auth::{sha256_hex, Scope, Tokens};
pub use error::ApiError;

/// The OpenAPI document of the API, served at `/api/v1/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Every documented route, for the OpenAPI consistency test (the dashboard's
/// own files are not part of the API).
pub const ROUTES: [&str; 14] = [
    "/healthz",
    "/readyz",
    "/metrics",
    "/api/v1/requests",
    "/api/v1/requests/{number}",
    "/api/v1/roster",
    "/api/v1/stats",
    "/api/v1/outcomes",
    "/api/v1/outcomes.csv",
    "/api/v1/seminars",
    "/api/v1/plan",
    "/api/v1/search",
    "/api/v1/calendar.ics",
    "/calendar/{file}",
];

/// What the handlers share.
#[derive(Clone)]
pub struct HttpState {
    /// The database.
    pub db: Database,
    /// The network definition.
    pub network: Arc<Network>,
    /// API tokens.
    pub tokens: Arc<Tokens>,
    /// The action plan, if one is configured.
    pub plan: Option<Arc<crate::domain::plan::ActionPlan>>,
    /// This instance's part in leadership (`None`: tests of the API alone).
    pub leadership: Option<crate::leader::Leadership>,
}

/// The router of the whole server.
pub fn router(state: HttpState) -> Router {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics_text))
        .route("/api/v1/requests", get(api::requests))
        .route("/api/v1/requests/{number}", get(api::request))
        .route("/api/v1/roster", get(api::roster))
        .route("/api/v1/stats", get(api::statistics))
        .route("/api/v1/outcomes", get(api::outcomes_list))
        .route("/api/v1/outcomes.csv", get(api::outcomes_csv_file))
        .route("/api/v1/seminars", get(calendar::list))
        .route("/api/v1/plan", get(plan::plan))
        .route("/api/v1/search", get(search::search))
        .route("/api/v1/calendar.ics", get(calendar::feed))
        .route("/calendar/{file}", get(calendar::one))
        .route("/", get(dashboard::root))
        .route("/dashboard", get(dashboard::page))
        .route("/dashboard/app.js", get(dashboard::script))
        .route("/dashboard/app.css", get(dashboard::style))
        .route("/api/v1/openapi.json", get(api::openapi))
        .fallback(|| async { ApiError::NotFound })
        .with_state(state)
}

/// Binds `listen` (port 0: any free port) and returns the bound address.
pub async fn bind(listen: &str) -> std::io::Result<(tokio::net::TcpListener, SocketAddr)> {
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    Ok((listener, addr))
}

/// Serves until `shutdown` is cancelled, then finishes requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: HttpState,
    shutdown: CancellationToken,
) {
    let app = router(state);
    let result = axum::serve(listener, app)
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await;
    if let Err(e) = result {
        tracing::error!(error = %e, "the HTTP server stopped with an error");
    }
}
