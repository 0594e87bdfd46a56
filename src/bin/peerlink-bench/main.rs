//! peerlink-bench: how many chat commands per second peerlink's core handles
//! (claim + parse + authorize + state transition + store + outbox, in one
//! transaction per command: the worker's own path, `handle_event`), on
//! SQLite and PostgreSQL, side by side with a plain INSERT
//! loop of the same rows in the same run; then, over 10,000 historical
//! requests, how long the listing, statistics and export queries take.
//!
//! Run it in release mode: `scripts/bench.sh` (prints a table, writes JSON).
//!
//!     peerlink-bench [OUT.json]          core throughput and queries
//!     peerlink-bench history URL N       loads N historical requests into the
//!                                        database at URL (the scale benchmark
//!                                        does it beside a running peerlink)
//!     peerlink-bench search [N] [OUT]    N searchable documents (100,000),
//!                                        `!search` and the API's search timed
//!     peerlink-bench reports [N] [OUT]   N historical requests (100,000):
//!                                        statistics, listings, exports timed,
//!                                        the exports' own peak memory

mod reports;
mod search;

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use peerlink::config::load_network;
use peerlink::domain::{
    AdminPolicy, CountryCode, Delegate, Language, MatrixUserId, Roster, State, Status,
};
use peerlink::i18n::Catalog;
use peerlink::service::{ChatService, Event, Handled, Incoming, Place};
use peerlink::storage::Database;
use peerlink::storage::RosterStore;
use serde_json::json;
use sqlx::Connection;

/// Commands in the measured mix (PEERLINK_BENCH_COMMANDS overrides).
fn commands() -> usize {
    std::env::var("PEERLINK_BENCH_COMMANDS").ok().and_then(|n| n.parse().ok()).unwrap_or(4_000)
}

/// Member states with one delegate each, besides the committee.
const MEMBERS: &[&str] = &[
    "AR", "BR", "CL", "CO", "CR", "EC", "MX", "PE", "UY", "FR", "DE", "IT", "ES", "BE", "NL", "SN",
    "CI", "TN", "EG", "KE", "ZA", "RW", "GH", "NG", "ID", "PH", "TH", "IN", "JO", "QA",
];

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    // Off unless RUST_LOG asks (`RUST_LOG=sqlx::query=debug` shows every
    // statement a command runs).
    if let Ok(filter) = tracing_subscriber::EnvFilter::try_from_default_env() {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(std::io::stderr)
            .init();
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("history") {
        let (Some(url), Some(count)) = (args.get(1), args.get(2)) else {
            anyhow::bail!("usage: peerlink-bench history DATABASE_URL COUNT");
        };
        let count: usize = count.parse().context("COUNT must be a number")?;
        let db = Database::connect_and_migrate(url, 2).await.context("open the database")?;
        let started = Instant::now();
        reports::load_history(&db, count).await?;
        db.close().await;
        println!("{}", json!({ "requests": count, "seconds": started.elapsed().as_secs_f64() }));
        return Ok(());
    }
    if args.first().map(String::as_str) == Some("search") {
        return search_benchmark(&args[1..]).await;
    }
    if args.first().map(String::as_str) == Some("reports") {
        return reports::run(&args[1..]).await;
    }
    let out = args.first().cloned().unwrap_or_else(|| "bench-core.json".into());
    let mut results = Vec::new();
    let mut scale = Vec::new();
    let dir = tempfile_dir()?;
    let sqlite = format!("sqlite://{dir}/bench.db");
    results.push(run("sqlite", &sqlite).await?);
    scale.push(queries("sqlite", &format!("sqlite://{dir}/scale.db")).await?);
    let admin = std::env::var("PEERLINK_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    match fresh_postgres(&admin).await {
        Ok(url) => {
            results.push(run("postgres", &url).await?);
            drop_postgres(&admin, &url).await;
            if let Ok(url) = fresh_postgres(&admin).await {
                scale.push(queries("postgres", &url).await?);
                drop_postgres(&admin, &url).await;
            }
        }
        Err(e) => eprintln!("PostgreSQL skipped: {e}"),
    }
    println!("\n{:<10} {:>14} {:>16} {:>8}", "backend", "commands/s", "raw inserts/s", "ratio");
    for r in &results {
        println!(
            "{:<10} {:>14.0} {:>16.0} {:>8.2}",
            r["backend"].as_str().unwrap_or_default(),
            r["commands_per_second"].as_f64().unwrap_or_default(),
            r["raw_inserts_per_second"].as_f64().unwrap_or_default(),
            r["ratio"].as_f64().unwrap_or_default()
        );
    }
    println!("\nQueries over {HISTORY} requests (milliseconds, median of {REPEAT} runs):");
    println!(
        "{:<10} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "backend", "list open", "count", "by state", "stats", "export"
    );
    for q in &scale {
        let ms = |k: &str| q[k].as_f64().unwrap_or_default();
        println!(
            "{:<10} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>10.1}",
            q["backend"].as_str().unwrap_or_default(),
            ms("list_open_ms"),
            ms("count_ms"),
            ms("by_state_ms"),
            ms("stats_ms"),
            ms("export_ms")
        );
    }
    let report = json!({ "core": results, "queries": scale });
    std::fs::write(&out, serde_json::to_string_pretty(&report)?)?;
    println!("\nwritten: {out}");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// This process's peak resident memory in MiB (Linux's VmHWM).
fn peak_mib() -> f64 {
    status_mib("VmHWM:")
}

/// This process's resident memory now, in MiB (Linux's VmRSS).
fn rss_mib() -> f64 {
    status_mib("VmRSS:")
}

fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .unwrap_or_default();
    kib / 1024.0
}

/// `peerlink-bench search [N] [OUT.json]`: both backends.
async fn search_benchmark(args: &[String]) -> anyhow::Result<()> {
    let count: usize = args.first().map(|n| n.parse()).transpose()?.unwrap_or(100_000);
    let out = args.get(1).cloned().unwrap_or_else(|| "bench-search.json".into());
    let dir = tempfile_dir()?;
    let mut results =
        vec![search::run("sqlite", &format!("sqlite://{dir}/search.db"), count).await?];
    let sqlite_peak = peak_mib();
    let admin = std::env::var("PEERLINK_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let url = fresh_postgres(&admin).await.context("PostgreSQL for the search benchmark")?;
    results.push(search::run("postgres", &url, count).await?);
    drop_postgres(&admin, &url).await;
    println!(
        "
Search over {count} documents (milliseconds; index: seconds to write them all):"
    );
    println!(
        "{:<10} {:>8} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "backend", "index s", "chat p50", "chat p95", "chat max", "api p50", "api p95", "api max"
    );
    for r in &results {
        let ms = |path: &str, k: &str| r[path][k].as_f64().unwrap_or_default();
        println!(
            "{:<10} {:>8.1} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>10.1}",
            r["backend"].as_str().unwrap_or_default(),
            r["index_seconds"].as_f64().unwrap_or_default(),
            ms("chat_search", "p50_ms"),
            ms("chat_search", "p95_ms"),
            ms("chat_search", "max_ms"),
            ms("api_search", "p50_ms"),
            ms("api_search", "p95_ms"),
            ms("api_search", "max_ms"),
        );
    }
    let peak = peak_mib();
    println!("peak memory: {sqlite_peak:.0} MiB after SQLite, {peak:.0} MiB in all");
    let report = json!({
        "search": results,
        "peak_rss_mib_after_sqlite": sqlite_peak,
        "peak_rss_mib": peak,
    });
    std::fs::write(&out, serde_json::to_string_pretty(&report)?)?;
    println!("written: {out}");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn tempfile_dir() -> anyhow::Result<String> {
    let dir = std::env::temp_dir().join(format!("peerlink-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir.display().to_string())
}

async fn fresh_postgres(admin: &str) -> anyhow::Result<String> {
    let mut conn = sqlx::PgConnection::connect(admin).await?;
    let name = format!("peerlink_bench_{}", std::process::id());
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await?;
    let mut url = url::Url::parse(admin)?;
    url.set_path(&name);
    Ok(url.to_string())
}

async fn drop_postgres(admin: &str, url: &str) {
    let name = url.rsplit('/').next().unwrap_or_default().to_owned();
    if let Ok(mut conn) = sqlx::PgConnection::connect(admin).await {
        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).execute(&mut conn).await;
    }
}

fn user(code: &str) -> String {
    format!("@delegate-{}:bench.example", code.to_lowercase())
}

/// The roster: the three committee states and the members, one delegate each.
fn roster() -> anyhow::Result<Roster> {
    let mut r = Roster::default();
    let committee = ["MA", "PT", "PY"];
    for code in committee.iter().chain(MEMBERS) {
        let code = CountryCode::parse(code)?;
        r.add_state(State { code, status: Status::Member, mechanism: None })?;
        r.add_delegate(Delegate {
            user_id: MatrixUserId::parse(&user(code.as_str()))?,
            state: code,
            language: None,
        })?;
    }
    Ok(r)
}

/// The command mix: a request filed, then its triage chain by a committee
/// state, a status query and a ping, repeated.
fn mix() -> Vec<(String, String, Place)> {
    let count = commands();
    let mut commands = Vec::with_capacity(count);
    let mut n = 0;
    while commands.len() < count {
        let member = MEMBERS[n % MEMBERS.len()];
        n += 1;
        let id = n;
        let pt = user("PT");
        commands.push((
            user(member),
            format!("!request peer-exchange Visit number {n}\nDetails of the visit."),
            Place::NetworkRoom,
        ));
        for step in ["!ack", "!accept", "!start", "!resolve"] {
            let body = match step {
                "!accept" => format!("!accept {id} Portugal"),
                "!resolve" => format!("!resolve {id} delivered Visit held\nPlan earlier"),
                other => format!("{other} {id}"),
            };
            commands.push((pt.clone(), body, Place::Committee));
        }
        commands.push((user(member), format!("!status {id}"), Place::Direct));
        commands.push((user(member), "!ping".into(), Place::Direct));
    }
    commands.truncate(count);
    commands
}

async fn run(backend: &str, url: &str) -> anyhow::Result<serde_json::Value> {
    let db = Database::connect_and_migrate(url, 5).await.context("open the database")?;
    db.apply_roster_changes(&Roster::default().diff(&roster()?), "bench").await?;
    let chat = ChatService::new(
        Arc::new(Catalog::load()?),
        "!",
        db.clone(),
        Arc::new(load_network(None)?),
        AdminPolicy::default(),
        Language::En,
    )
    .with_rate_limit(u32::MAX, u32::MAX, 0);
    let commands = mix();

    let started = Instant::now();
    let mut answered = 0usize;
    for (i, (sender, body, place)) in commands.iter().enumerate() {
        let event = format!("$bench-{i}");
        let incoming = Incoming {
            sender,
            body,
            place: *place,
            room_id: "!bench",
            event_id: &event,
            thread_root: None,
            quoted: None,
        };
        // The worker's own path: claim, command and outbox in one transaction.
        let event = Event { incoming, reaction: false, ackable: false };
        if chat.handle_event(&db, &event).await? == Handled::Answered {
            answered += 1;
        }
    }
    let core_secs = started.elapsed().as_secs_f64();

    // The work was real: every filed request went through its whole chain.
    use peerlink::storage::RequestStore;
    let by_state = db.requests_by_state().await?;
    // The same number of rows, inserted raw, one statement each.
    let started = Instant::now();
    raw_inserts(&db, commands.len()).await?;
    let raw_secs = started.elapsed().as_secs_f64();
    db.close().await;

    let core = commands.len() as f64 / core_secs;
    let raw = commands.len() as f64 / raw_secs;
    Ok(json!({
        "backend": backend,
        "commands": commands.len(),
        "answered": answered,
        "seconds": core_secs,
        "commands_per_second": core,
        "raw_inserts_per_second": raw,
        "ratio": core / raw,
        "requests_by_state": by_state,
    }))
}

/// Historical requests loaded for the query timings.
const HISTORY: usize = 10_000;
/// Runs per query; the median is reported.
const REPEAT: usize = 7;

/// Loads `HISTORY` requests and times the queries the API and exports run.
async fn queries(backend: &str, url: &str) -> anyhow::Result<serde_json::Value> {
    let db = Database::connect_and_migrate(url, 5).await.context("open the database")?;
    let loading = Instant::now();
    reports::load_history(&db, HISTORY).await?;
    eprintln!("{backend}: {HISTORY} requests loaded in {:.1} s", loading.elapsed().as_secs_f64());
    let mut timed = reports::time_queries(backend, &db, HISTORY).await?;
    timed["export_ms"] = timed["export"]["csv"]["ms"].clone();
    db.close().await;
    Ok(timed)
}

/// The median wall time of `REPEAT` runs of `f`, in milliseconds.
async fn median_ms<F, Fut>(f: F) -> anyhow::Result<f64>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<(), peerlink::storage::StorageError>>,
{
    let mut times = Vec::with_capacity(REPEAT);
    for _ in 0..REPEAT {
        let started = Instant::now();
        f().await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[REPEAT / 2])
}

/// As many rows, one plain parameterized INSERT each (the storage layer's
/// own event claim, which is exactly that), for comparison.
async fn raw_inserts(db: &Database, rows: usize) -> anyhow::Result<()> {
    use peerlink::storage::ProcessedEvents;
    for i in 0..rows {
        db.claim_event(&format!("$raw-{i}"), "!r", "@a:b.c", "raw").await?;
    }
    Ok(())
}
