//! Process metrics (Prometheus) and liveness facts, recorded by the parts
//! that know them (worker, sync loop, API) and read by `/metrics` and
//! `/readyz`. One registry per process.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

/// Labels of the command counter.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CommandLabels {
    /// Command name (`ping`, `request`, …) or `message` for thread replies.
    pub command: String,
    /// `answered`, `failed` or `ignored`.
    pub result: String,
}

/// Labels of the requests-by-state gauge.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StateLabels {
    /// Request state.
    pub state: String,
}

/// Labels of the outbox delivery counter.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutboxLabels {
    /// `reply`, `card`, `relay`, `notice`, `invite` or `reconcile`.
    pub kind: String,
}

/// Every metric of the process.
pub struct Metrics {
    registry: Registry,
    commands: Family<CommandLabels, Counter>,
    command_seconds: Histogram,
    delivery_failures: Counter,
    deliveries_recovered: Counter,
    database_errors: Counter,
    sync_lag_seconds: Gauge<f64, AtomicU64>,
    queue_depth: Gauge,
    requests: Family<StateLabels, Gauge>,
    outbox_delivered: Family<OutboxLabels, Counter>,
    outbox_seconds: Histogram,
    outbox_pending: Gauge,
    outbox_failed: Gauge,
    last_sync_ms: AtomicI64,
    sync_failures: AtomicI64,
    remote_servers: Mutex<BTreeMap<String, RemoteServer>>,
}

/// What the bot last saw of another homeserver (a delegate's), from the
/// invitations it sent there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteServer {
    /// Failures in a row (0: the last attempt worked).
    pub failures: u32,
    /// Since when it fails (ms since the epoch), if it does.
    pub failing_since: Option<i64>,
    /// The last error.
    pub last_error: Option<String>,
}

static METRICS: OnceLock<Metrics> = OnceLock::new();

/// The process's metrics.
pub fn metrics() -> &'static Metrics {
    METRICS.get_or_init(|| {
        let mut registry = Registry::with_prefix("peerlink");
        let commands = Family::<CommandLabels, Counter>::default();
        registry.register("commands", "Commands handled, by command and result", commands.clone());
        let command_seconds = Histogram::new(exponential_buckets(0.001, 2.0, 14));
        registry.register(
            "command_duration_seconds",
            "Time from taking a command off the queue to its answer being sent",
            command_seconds.clone(),
        );
        let delivery_failures = Counter::default();
        registry.register(
            "delivery_failures",
            "Messages the bot could not send after retries",
            delivery_failures.clone(),
        );
        let deliveries_recovered = Counter::default();
        registry.register(
            "deliveries_recovered",
            "Outbox items found in their room from an earlier attempt (often another \
             instance's, just before it stopped leading) and recorded instead of sent again",
            deliveries_recovered.clone(),
        );
        let database_errors = Counter::default();
        registry.register(
            "database_errors",
            "Database operations that failed",
            database_errors.clone(),
        );
        let sync_lag_seconds = Gauge::<f64, AtomicU64>::default();
        registry.register(
            "sync_lag_seconds",
            "Seconds since the last successful sync with the homeserver",
            sync_lag_seconds.clone(),
        );
        let queue_depth = Gauge::default();
        registry.register(
            "queue_depth",
            "Commands received and not yet handled",
            queue_depth.clone(),
        );
        let requests = Family::<StateLabels, Gauge>::default();
        registry.register("requests", "Cooperation requests by state", requests.clone());
        let outbox_delivered = Family::<OutboxLabels, Counter>::default();
        registry.register(
            "outbox_delivered",
            "Outbox items delivered, by kind",
            outbox_delivered.clone(),
        );
        let outbox_seconds = Histogram::new(exponential_buckets(0.005, 2.0, 14));
        registry.register(
            "outbox_delivery_seconds",
            "Time from an item's commit to the outbox to its delivery",
            outbox_seconds.clone(),
        );
        let outbox_pending = Gauge::default();
        registry.register(
            "outbox_pending",
            "Outbox items not yet delivered",
            outbox_pending.clone(),
        );
        let outbox_failed = Gauge::default();
        registry.register(
            "outbox_failed",
            "Outbox items given up on (see the outbox table's last_error)",
            outbox_failed.clone(),
        );
        Metrics {
            registry,
            outbox_delivered,
            outbox_seconds,
            outbox_pending,
            outbox_failed,
            commands,
            command_seconds,
            delivery_failures,
            deliveries_recovered,
            database_errors,
            sync_lag_seconds,
            queue_depth,
            requests,
            last_sync_ms: AtomicI64::new(0),
            sync_failures: AtomicI64::new(0),
            remote_servers: Mutex::new(BTreeMap::new()),
        }
    })
}

/// A command was handled.
pub fn command_handled(command: &str, result: &str, seconds: f64) {
    let m = metrics();
    let labels = CommandLabels { command: command.to_owned(), result: result.to_owned() };
    m.commands.get_or_create(&labels).inc();
    m.command_seconds.observe(seconds);
}

/// A message could not be delivered.
pub fn delivery_failed() {
    metrics().delivery_failures.inc();
}

/// An outbox item was found in its room from an earlier attempt, and
/// recorded instead of sent again.
pub fn delivery_recovered() {
    metrics().deliveries_recovered.inc();
}

/// An outbox item of `kind` was delivered `seconds` after its commit.
pub fn outbox_delivered(kind: &str, seconds: f64) {
    let m = metrics();
    m.outbox_delivered.get_or_create(&OutboxLabels { kind: kind.to_owned() }).inc();
    m.outbox_seconds.observe(seconds);
}

/// Reaching homeserver `server` (for an invitation) failed with `error`.
pub fn remote_server_failed(server: &str, error: &str) {
    if server.is_empty() {
        return;
    }
    let mut servers = metrics().remote_servers.lock().unwrap_or_else(|e| e.into_inner());
    let entry = servers.entry(server.to_owned()).or_insert(RemoteServer {
        failures: 0,
        failing_since: None,
        last_error: None,
    });
    entry.failures = entry.failures.saturating_add(1);
    entry.failing_since.get_or_insert(crate::storage::now_ms());
    entry.last_error = Some(error.chars().take(300).collect());
}

/// Reaching homeserver `server` worked.
pub fn remote_server_ok(server: &str) {
    let mut servers = metrics().remote_servers.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(entry) = servers.get_mut(server) {
        *entry = RemoteServer { failures: 0, failing_since: None, last_error: None };
    }
}

/// Every other homeserver the bot has had trouble reaching, and its state.
pub fn remote_servers() -> BTreeMap<String, RemoteServer> {
    metrics().remote_servers.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// A database operation failed.
pub fn database_error() {
    metrics().database_errors.inc();
}

/// A sync with the homeserver succeeded now.
pub fn sync_succeeded(now_ms: i64) {
    let m = metrics();
    m.last_sync_ms.store(now_ms, Ordering::Relaxed);
    m.sync_failures.store(0, Ordering::Relaxed);
}

/// A sync with the homeserver failed.
pub fn sync_failed() {
    metrics().sync_failures.fetch_add(1, Ordering::Relaxed);
}

/// The worker's queue holds `depth` commands.
pub fn set_queue_depth(depth: i64) {
    metrics().queue_depth.set(depth);
}

/// When the last sync succeeded (ms since the epoch; 0: never) and how many
/// failed since.
pub fn sync_state() -> (i64, i64) {
    let m = metrics();
    (m.last_sync_ms.load(Ordering::Relaxed), m.sync_failures.load(Ordering::Relaxed))
}

/// The queue depth last recorded.
pub fn queue_depth() -> i64 {
    metrics().queue_depth.get()
}

/// The Prometheus text exposition, with `requests` by state and the
/// outbox's `(pending, failed)` counts as given.
pub fn render(now_ms: i64, requests_by_state: &[(String, i64)], outbox: (i64, i64)) -> String {
    let m = metrics();
    m.outbox_pending.set(outbox.0);
    m.outbox_failed.set(outbox.1);
    let (last, _) = sync_state();
    let lag = if last == 0 { f64::NAN } else { (now_ms - last) as f64 / 1000.0 };
    m.sync_lag_seconds.set(lag);
    m.requests.clear();
    for (state, count) in requests_by_state {
        m.requests.get_or_create(&StateLabels { state: state.clone() }).set(*count);
    }
    let mut out = String::new();
    if prometheus_client::encoding::text::encode(&mut out, &m.registry).is_err() {
        out.clear();
    }
    out
}
