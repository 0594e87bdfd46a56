//! The reports part: a history of N requests (100,000 by default) spread
//! over three years, loaded through the storage layer; then, on SQLite and
//! PostgreSQL, the statistics, the listings and the outcomes exports timed
//! (median of 7), and the exports' own peak memory (the peak is reset
//! before each, so it is the export's, over what the process held). After
//! loading, the database is analyzed (and vacuumed on PostgreSQL), as
//! routine maintenance would have done over the years of that history.

use std::time::Instant;

use peerlink::domain::{
    CountryCode, NewRequest, Outcome, OutcomeResult, RequestState as S, ResponseTargets, Transition,
};
use peerlink::service::outcomes::{Export, Format};
use peerlink::service::reports;
use peerlink::storage::{Database, RequestFilter, RequestStore, Step};
use serde_json::{json, Value};

use super::{median_ms, user, MEMBERS};

const HOUR: i64 = 3_600_000;
/// The history spans three years.
const SPAN: i64 = 3 * 365 * 24 * HOUR;
/// Requests loaded in one unit of work.
const BATCH: usize = 1_000;

/// Loads `count` historical requests, filed over the last three years: a
/// third resolved with an outcome, a third acknowledged, a third just filed.
pub async fn load_history(db: &Database, count: usize) -> anyhow::Result<()> {
    let now = peerlink::storage::now_ms();
    let step = SPAN / i64::try_from(count.max(1))?;
    for start in (0..count).step_by(BATCH) {
        let tx = db.begin().await?;
        for i in start..(start + BATCH).min(count) {
            let filed = now - SPAN + i64::try_from(i)? * step;
            load_one(&tx, i, filed).await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

async fn load_one(db: &Database, i: usize, filed: i64) -> anyhow::Result<()> {
    let member = MEMBERS[i % MEMBERS.len()];
    let new = NewRequest {
        requesting_state: CountryCode::parse(member)?,
        region: Some(["africa", "asia-pacific", "latin-america-caribbean"][i % 3].into()),
        category: ["membership", "peer-exchange", "capacity-building"][i % 3].into(),
        title: format!("Historical request {i}"),
        description: "Loaded for the benchmark.".into(),
        language: "en".into(),
        requester: user(member),
        source_room: "!history".into(),
        source_event: format!("$history-{i}"),
        created_at: filed,
    };
    let (request, _) = db.create_request(&new).await?;
    // Waits vary (1 to 96 hours per step), so medians have work to do.
    let wait = HOUR * i64::try_from(1 + (i * 7919) % 96)?;
    let t = |n: i64, action: &str, from: S, to: S| Transition {
        at: filed + n * wait,
        actor: user("PT"),
        actor_state: CountryCode::parse("PT").ok(),
        action: action.into(),
        from: Some(from),
        to,
        reason: None,
        event_id: None,
    };
    if i % 3 != 2 {
        let ack = t(1, "ack", S::Submitted, S::Acknowledged);
        db.apply_step(request.id, Step { transition: &ack, assignee: None, outcome: None }).await?;
    }
    if i.is_multiple_of(3) {
        let outcome = Outcome {
            result: OutcomeResult::Delivered,
            summary: format!("Done: a peer exchange on follow-up tools, number {i}."),
            lessons: Some("Start with the recommendations already clustered.".into()),
            delivered_by: Some("PT".into()),
        };
        for (n, action, from, to) in [
            (2, "accept", S::Acknowledged, S::Accepted),
            (3, "start", S::Accepted, S::InProgress),
            (9, "resolve", S::InProgress, S::Resolved),
        ] {
            let step = t(n, action, from, to);
            let outcome = (action == "resolve").then_some(&outcome);
            db.apply_step(request.id, Step { transition: &step, assignee: Some("PT"), outcome })
                .await?;
        }
    }
    Ok(())
}

/// The queries the API and exports run over the history in `db`.
pub async fn time_queries(backend: &str, db: &Database, count: usize) -> anyhow::Result<Value> {
    let open = RequestFilter { open_only: true, limit: 50, ..RequestFilter::default() };
    let deep = RequestFilter {
        state: Some(S::Resolved),
        limit: 50,
        offset: 20_000.min(i64::try_from(count / 4)?),
        ..RequestFilter::default()
    };
    let list_open_ms = median_ms(|| async { db.list_requests(&open).await.map(drop) }).await?;
    let list_deep_ms = median_ms(|| async { db.list_requests(&deep).await.map(drop) }).await?;
    let count_ms = median_ms(|| async { db.count_requests(&open).await.map(drop) }).await?;
    let now = peerlink::storage::now_ms();
    let stats_ms = median_ms(|| async {
        reports::statistics(db, |_| ResponseTargets::DEFAULT, ResponseTargets::DEFAULT, now)
            .await
            .map(drop)
    })
    .await?;
    let mut exports = serde_json::Map::new();
    for (name, format) in [("csv", Format::Csv), ("json", Format::Json)] {
        let before = super::rss_mib();
        reset_peak();
        let mut bytes = 0usize;
        let started = Instant::now();
        let mut export = Export::new(db.clone(), format);
        while let Some(piece) = export.next().await? {
            bytes += piece.len();
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let peak = super::peak_mib();
        exports.insert(
            name.into(),
            json!({ "ms": ms, "bytes": bytes, "rss_before_mib": before, "peak_mib": peak,
                    "growth_mib": peak - before }),
        );
    }
    eprintln!("{backend}: queries timed");
    Ok(json!({
        "backend": backend,
        "requests": count,
        "list_open_ms": list_open_ms,
        "list_deep_page_ms": list_deep_ms,
        "count_ms": count_ms,
        "stats_ms": stats_ms,
        "export": exports,
    }))
}

/// `VACUUM ANALYZE` on PostgreSQL, `ANALYZE` on SQLite.
async fn analyze(db: &Database) -> anyhow::Result<()> {
    match db {
        Database::Postgres(pool) => {
            sqlx::raw_sql("VACUUM ANALYZE").execute(pool).await?;
        }
        Database::Sqlite(pool) => {
            sqlx::raw_sql("ANALYZE").execute(pool).await?;
        }
        _ => {}
    }
    Ok(())
}

/// Resets this process's peak resident memory (Linux: `clear_refs` 5).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// `peerlink-bench reports [N] [OUT.json]`: both backends.
pub async fn run(args: &[String]) -> anyhow::Result<()> {
    let count: usize = args.first().map(|n| n.parse()).transpose()?.unwrap_or(100_000);
    let out = args.get(1).cloned().unwrap_or_else(|| "bench-reports.json".into());
    let dir = super::tempfile_dir()?;
    let mut results = Vec::new();
    let admin = std::env::var("PEERLINK_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let postgres = super::fresh_postgres(&admin).await?;
    // PEERLINK_BENCH_BACKENDS=postgres (or sqlite) runs one of them.
    let only = std::env::var("PEERLINK_BENCH_BACKENDS").unwrap_or_default();
    for (backend, url) in
        [("sqlite", format!("sqlite://{dir}/reports.db")), ("postgres", postgres.clone())]
    {
        if !only.is_empty() && !only.split(',').any(|b| b == backend) {
            continue;
        }
        let db = Database::connect_and_migrate(&url, 5).await?;
        let started = Instant::now();
        load_history(&db, count).await?;
        let load_s = started.elapsed().as_secs_f64();
        eprintln!("{backend}: {count} requests loaded in {load_s:.1} s");
        // What autovacuum (PostgreSQL) or a routine ANALYZE would have done
        // over three years of use: statistics for the planner, and on
        // PostgreSQL a visibility map, so index-only scans need no heap.
        analyze(&db).await?;
        let mut timed = time_queries(backend, &db, count).await?;
        timed["load_seconds"] = json!(load_s);
        results.push(timed);
        db.close().await;
    }
    super::drop_postgres(&admin, &postgres).await;
    println!("\nReports over {count} requests (milliseconds; stats and listings median of 7):");
    println!(
        "{:<10} {:>9} {:>9} {:>7} {:>7} {:>9} {:>9} {:>11}",
        "backend", "list open", "list deep", "count", "stats", "csv", "json", "export +MiB"
    );
    for r in &results {
        let ms = |k: &str| r[k].as_f64().unwrap_or_default();
        let ex = |f: &str, k: &str| r["export"][f][k].as_f64().unwrap_or_default();
        println!(
            "{:<10} {:>9.1} {:>9.1} {:>7.1} {:>7.1} {:>9.0} {:>9.0} {:>11.1}",
            r["backend"].as_str().unwrap_or_default(),
            ms("list_open_ms"),
            ms("list_deep_page_ms"),
            ms("count_ms"),
            ms("stats_ms"),
            ex("csv", "ms"),
            ex("json", "ms"),
            ex("csv", "growth_mib").max(ex("json", "growth_mib")),
        );
    }
    let report = json!({ "reports": results, "peak_rss_mib": super::peak_mib() });
    std::fs::write(&out, serde_json::to_string_pretty(&report)?)?;
    println!("written: {out}");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
