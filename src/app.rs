//! The running service: wires storage, the message catalog, the Matrix
//! client, the worker and the sync loop, and shuts them down in order.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, Notify};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{info, warn};

use crate::config::ProvisioningSettings;
use crate::config::Settings;
use crate::domain::{AdminPolicy, MatrixUserId};
use crate::http::{self, HttpState, Tokens};
use crate::i18n::Catalog;
use crate::leader::Leadership;
use crate::matrix::{self, BotContext, OutboxSender, Provisioner, Worker};
use crate::service::ChatService;
use crate::storage::Database;

/// How long shutdown waits for queued commands and background tasks.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// Capacity of the command queue between the sync loop and the worker.
const QUEUE_CAPACITY: usize = 256;

/// Runs the bot until `shutdown` is cancelled; returns once in-flight work
/// is finished (or [`DRAIN_TIMEOUT`] has passed).
pub async fn run(settings: Settings, shutdown: CancellationToken) -> anyhow::Result<()> {
    // SQLite serves one running instance: a second one on the same file stops here.
    let _instance = match crate::storage::backup::sqlite_path(&settings.database.url) {
        Ok(Some(path)) => Some(crate::storage::backup::lock_sqlite(&path)?),
        _ => None,
    };
    let db =
        Database::connect_and_migrate(&settings.database.url, settings.database.max_connections)
            .await?;
    info!(backend = ?db.kind(), "database ready");
    crate::fault::warn_if_armed();
    let catalog = Arc::new(Catalog::load()?);
    let network = Arc::new(settings.load_network()?);
    let plan = settings.load_plan()?.map(Arc::new);
    let guidance = Arc::new(settings.load_guidance()?);
    let policy = AdminPolicy::new(settings.bot.admins.iter().map(String::as_str));
    let chat = ChatService::new(
        catalog.clone(),
        settings.bot.command_prefix.clone(),
        db.clone(),
        network.clone(),
        policy,
        settings.default_language(),
    )
    .with_rate_limit(
        settings.bot.rate_limit_per_minute,
        settings.bot.rate_limit_burst,
        settings.bot.rate_limit_backlog,
    )
    .with_plan(plan.clone())
    .with_guidance(guidance.clone());
    let client = matrix::connect(&settings).await?;
    info!(user_id = %settings.matrix.user_id, homeserver = %settings.matrix.homeserver_url, "logged in");

    let admins = settings.bot.admins.iter().filter_map(|a| MatrixUserId::parse(a).ok()).collect();
    let provisioner = Provisioner::new(
        client.clone(),
        db.clone(),
        network.clone(),
        admins,
        catalog.clone(),
        settings.default_language(),
    );
    // Bound early: the links the bot posts name the address it listens on.
    let http = if settings.http.enabled {
        let (listener, addr) = http::bind(&settings.http.listen).await.map_err(|e| {
            anyhow::anyhow!(
                "cannot listen on {} for HTTP: {e} (change http.listen, or set http.enabled = false)",
                settings.http.listen
            )
        })?;
        info!(%addr, "HTTP server listening (health, metrics, API)");
        Some((listener, addr))
    } else {
        None
    };
    let chat = match (&settings.http.public_url, &http) {
        (Some(url), _) => chat.with_public_url(url.clone()),
        (None, Some((_, addr))) => chat.with_public_url(format!("http://{addr}")),
        (None, None) => chat,
    };
    let tasks = TaskTracker::new();
    // Who leads when several instances share the database: a standby
    // serves health and the read-only API, and waits here.
    let holder = format!(
        "{}#{}",
        settings.matrix.user_id,
        client.device_id().map(|d| d.to_string()).unwrap_or_default()
    );
    let takeover = Duration::from_secs(settings.leadership.takeover_secs.max(5));
    let leadership = Leadership::new(db.clone(), holder, takeover);
    if let Some((listener, _)) = http {
        let state = HttpState {
            db: db.clone(),
            network: network.clone(),
            tokens: Arc::new(Tokens::new(&settings.http.tokens).with_database(db.clone())),
            plan,
            leadership: Some(leadership.clone()),
        };
        tasks.spawn(http::serve(listener, state, shutdown.clone()));
    }
    // Keys first, so that what is sent while this instance stands by can be
    // read once it leads; then the room keys as they come (standby.rs).
    matrix::standby::catch_up(&client).await?;
    let standing_by = shutdown.child_token();
    let device = tokio::spawn(matrix::standby::keep_current(client.clone(), standing_by.clone()));
    let leading = leadership.wait_to_lead(&shutdown).await;
    standing_by.cancel();
    let _ = device.await;
    if !leading? {
        tasks.close();
        tasks.wait().await;
        db.close().await;
        info!("stopped while standing by");
        return Ok(());
    }
    // What reached this device up to the moment it took the lead.
    matrix::standby::catch_up(&client).await?;
    tasks.spawn(leadership.clone().keep_leading(shutdown.clone()));
    // The leader keeps the guidance sections searchable.
    crate::service::memory::index_guidance(&db, &guidance).await?;
    let (queue, jobs) = mpsc::channel(QUEUE_CAPACITY);
    let wake_outbox = Arc::new(Notify::new());
    let worker = Worker {
        db: db.clone(),
        chat: chat.clone(),
        provisioner: provisioner.clone(),
        outbox: wake_outbox.clone(),
        shutdown: shutdown.clone(),
        client: client.clone(),
        unit: Arc::default(),
    };
    let worker_task = tokio::spawn(worker.run(jobs, shutdown.clone()));
    // Delivers what the worker commits, and what an earlier run left undelivered.
    let sender = OutboxSender {
        client: client.clone(),
        db: db.clone(),
        provisioner: provisioner.clone(),
        wake: wake_outbox,
        leadership: leadership.clone(),
    };
    tasks.spawn(sender.run(shutdown.clone()));
    let ctx = BotContext {
        chat,
        queue,
        tasks: tasks.clone(),
        shutdown: shutdown.clone(),
        provisioner: provisioner.clone(),
    };
    if settings.provisioning.roster_poll_secs > 0 {
        let every = Duration::from_secs(settings.provisioning.roster_poll_secs);
        tasks.spawn(provisioner.clone().watch_roster(every, shutdown.clone()));
    }
    tasks.spawn(keep_provisioned(provisioner, settings.provisioning.clone(), shutdown.clone()));

    let outcome = matrix::run(client, db.clone(), ctx).await;
    // Whether sync ended by a signal or an error, everything else stops too.
    shutdown.cancel();
    info!("stopping: finishing in-flight work");
    tasks.close();
    let drained = tokio::time::timeout(DRAIN_TIMEOUT, async {
        let _ = worker_task.await;
        tasks.wait().await;
    })
    .await;
    if drained.is_err() {
        warn!("in-flight work did not finish within {DRAIN_TIMEOUT:?}; stopping anyway");
    }
    leadership.resign().await;
    db.close().await;
    info!("stopped");
    if leadership.lost() {
        anyhow::bail!("stopped after losing the lead to another instance");
    }
    Ok(outcome?)
}

/// Resolves when the process receives SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => info!("received SIGINT"),
        _ = term => info!("received SIGTERM"),
    }
}

/// Reconciles the rooms at start (if `on_start`), every `interval_secs`
/// (unless 0), whenever a roster change asks for it, and again after a
/// failed run (a homeserver that could not be reached, an invitation that
/// did not go through) with backoff from 15 s to 10 minutes until it works.
async fn keep_provisioned(
    provisioner: Provisioner,
    settings: ProvisioningSettings,
    shutdown: CancellationToken,
) {
    let mut run_now = settings.on_start;
    let mut failures = 0u32;
    loop {
        if run_now {
            let clean = match provisioner.reconcile(false).await {
                Ok(report) => report.failures.is_empty(),
                Err(e) => {
                    warn!(error = %e, "provisioning failed; will try again");
                    false
                }
            };
            failures = if clean { 0 } else { failures.saturating_add(1) };
        }
        let periodic =
            (settings.interval_secs > 0).then(|| Duration::from_secs(settings.interval_secs));
        let retry = (failures > 0).then(|| {
            Duration::from_secs(15)
                .saturating_mul(1 << (failures - 1).min(6))
                .min(Duration::from_secs(600))
        });
        let wait = match (retry, periodic) {
            (Some(r), Some(p)) => Some(r.min(p)),
            (r, p) => r.or(p),
        };
        if let Some(retry) = retry {
            info!(failures, retry_in_secs = retry.as_secs(), "provisioning incomplete; will retry");
        }
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = provisioner.reconcile_requested() => {}
            _ = async {
                match wait {
                    Some(d) => tokio::time::sleep(d).await,
                    None => std::future::pending().await,
                }
            } => {}
        }
        run_now = true;
    }
}
