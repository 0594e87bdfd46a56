//! `/healthz` (the process answers) and `/readyz` (database reachable,
//! homeserver syncing, command queue moving, outbox delivering), with a JSON
//! body naming the unhealthy part.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};

use super::HttpState;
use crate::storage::{now_ms, Outbox};
use crate::telemetry::metrics;

/// A sync is overdue after this long (the long-poll lasts 30 s).
const SYNC_STALE_MS: i64 = 90_000;
/// More queued commands than this means the worker is stuck.
const QUEUE_STUCK: i64 = 200;

/// Something waiting in the outbox this long means delivery is stuck.
const OUTBOX_STUCK_MS: i64 = 120_000;

/// `GET /healthz`
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// `GET /readyz`
pub async fn readyz(State(state): State<HttpState>) -> (StatusCode, Json<Value>) {
    let database = match state.db.ping().await {
        Ok(()) => json!({ "ok": true }),
        Err(e) => json!({ "ok": false, "error": e.to_string() }),
    };
    // A standby is ready for what it does (health, the read-only API) when
    // its database answers; it says who leads.
    if let Some(leadership) = state.leadership.as_ref().filter(|l| !l.has_led()) {
        let lease = state.db.lease().await.ok().flatten();
        let ok = database["ok"] == true;
        let body = json!({
            "status": if ok { "ready" } else { "not ready" },
            "role": "standby",
            "leader": lease.as_ref().map(|l| l.holder.clone()),
            "leader_lease_seconds_left": lease.map(|l| (l.expires_in_ms.max(0)) / 1000),
            "instance": leadership.holder(),
            "database": database,
        });
        let status = if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
        return (status, Json(body));
    }
    let (last_sync, failures) = metrics::sync_state();
    let age = now_ms() - last_sync;
    let homeserver = if last_sync == 0 {
        json!({ "ok": false, "error": "no successful sync yet" })
    } else if failures > 0 {
        json!({ "ok": false, "error": "the last sync failed", "seconds_since_sync": age / 1000, "failures": failures })
    } else if age > SYNC_STALE_MS {
        json!({ "ok": false, "error": "sync is overdue", "seconds_since_sync": age / 1000, "failures": failures })
    } else {
        json!({ "ok": true, "seconds_since_sync": age / 1000 })
    };
    let depth = metrics::queue_depth();
    let queue = json!({ "ok": depth <= QUEUE_STUCK, "depth": depth });
    let outbox = match state.db.outbox_counts().await {
        Ok(c) => {
            let waiting = c.oldest_pending_at.map_or(0, |at| (now_ms() - at).max(0) / 1000);
            json!({
                "ok": waiting * 1000 <= OUTBOX_STUCK_MS,
                "pending": c.pending,
                "failed": c.failed,
                "oldest_pending_seconds": waiting,
            })
        }
        Err(e) => json!({ "ok": false, "error": e.to_string() }),
    };
    let ready = [&database, &homeserver, &queue, &outbox].iter().all(|p| p["ok"] == true);
    // Other homeservers (delegates') do not make the bot unready: what is
    // meant for them waits and is retried. They are listed for operators.
    let now = now_ms();
    let remote: serde_json::Map<String, Value> = metrics::remote_servers()
        .into_iter()
        .map(|(server, state)| {
            let value = json!({
                "ok": state.failures == 0,
                "failures": state.failures,
                "failing_for_seconds": state.failing_since.map(|at| (now - at).max(0) / 1000),
                "last_error": state.last_error,
            });
            (server, value)
        })
        .collect();
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = json!({
        "status": if ready { "ready" } else { "not ready" },
        "role": "leader",
        "database": database,
        "homeserver": homeserver,
        "queue": queue,
        "outbox": outbox,
        "remote_servers": remote,
    });
    (status, Json(body))
}

/// `GET /metrics`
pub async fn metrics_text(
    State(state): State<HttpState>,
) -> (StatusCode, [(&'static str, &'static str); 1], String) {
    use crate::storage::RequestStore;
    let by_state = match state.db.requests_by_state().await {
        Ok(rows) => rows,
        Err(e) => {
            tracing::warn!(error = %e, "cannot count requests for /metrics");
            metrics::database_error();
            Vec::new()
        }
    };
    let outbox = match state.db.outbox_counts().await {
        Ok(c) => (c.pending, c.failed),
        Err(e) => {
            tracing::warn!(error = %e, "cannot count the outbox for /metrics");
            metrics::database_error();
            (0, 0)
        }
    };
    let body = metrics::render(now_ms(), &by_state, outbox);
    (
        StatusCode::OK,
        [("content-type", "application/openmetrics-text; version=1.0.0; charset=utf-8")],
        body,
    )
}
