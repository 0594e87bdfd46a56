//! Reports aggregated by the database equal the reference computed over
//! every loaded row, on SQLite and PostgreSQL: 600 requests spread over
//! fourteen months, three categories with different response-time
//! targets, acknowledged or not, resolved (some twice, after a reopening),
//! declined, late or on time, with and without a region; and the same after
//! migration 0020's backfill recomputes the kept columns from the
//! transitions, as it does for an older database. Exports read page by
//! page give exactly the whole register.

mod common;

use common::{Backend, TestDb};
use peerlink::domain::{
    CountryCode, NewRequest, Outcome, OutcomeResult, RequestState as S, ResponseTargets, Transition,
};
use peerlink::service::outcomes::{self, Export, Format};
use peerlink::service::{reports, stats};
use peerlink::storage::{Database, RequestStore, Step};

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;
/// 2025-10-01T00:00:00Z.
const START: i64 = 1_759_276_800_000;

fn targets(category: &str) -> ResponseTargets {
    match category {
        "membership" => ResponseTargets { acknowledge_ms: 2 * DAY, resolve_ms: 30 * DAY },
        "peer-exchange" => ResponseTargets { acknowledge_ms: 5 * DAY, resolve_ms: 60 * DAY },
        _ => ResponseTargets::DEFAULT,
    }
}

/// A small deterministic generator (no two runs differ).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

async fn load(db: &Database) {
    let mut rng = Lcg(7);
    let states = ["FR", "CL", "SN", "MA", "PT"];
    for i in 0..600u64 {
        let created = START + i64::try_from(rng.below(420 * 24)).unwrap() * HOUR;
        let state = states[usize::try_from(i % 5).unwrap()];
        let new = NewRequest {
            requesting_state: CountryCode::parse(state).unwrap(),
            region: (i % 7 != 0)
                .then(|| ["africa", "europe"][usize::try_from(i % 2).unwrap()].into()),
            category: ["membership", "peer-exchange", "capacity-building"]
                [usize::try_from(i % 3).unwrap()]
            .into(),
            title: format!("Request {i}"),
            description: "For the reports test.".into(),
            language: "en".into(),
            requester: format!("@{}:example.org", state.to_lowercase()),
            source_room: "!r".into(),
            source_event: format!("$r{i}"),
            created_at: created,
        };
        let (request, _) = db.create_request(&new).await.unwrap();
        let mut at = created;
        let mut step = |action: &str, from: S, to: S, wait_hours: u64| {
            at += i64::try_from(1 + wait_hours).unwrap() * HOUR;
            Transition {
                at,
                actor: "@pt:example.org".into(),
                actor_state: CountryCode::parse("PT").ok(),
                action: action.into(),
                from: Some(from),
                to,
                reason: None,
                event_id: None,
            }
        };
        let outcome = Outcome {
            result: OutcomeResult::Delivered,
            summary: "Done".into(),
            lessons: None,
            delivered_by: None,
        };
        let apply = |t: Transition, outcome: Option<&Outcome>| {
            let db = db.clone();
            let outcome = outcome.cloned();
            async move {
                let step = Step { transition: &t, assignee: None, outcome: outcome.as_ref() };
                db.apply_step(request.id, step).await.unwrap();
            }
        };
        match rng.below(6) {
            0 => {} // never acknowledged
            1 => apply(step("decline", S::Submitted, S::Declined, rng.below(200)), None).await,
            2 => apply(step("ack", S::Submitted, S::Acknowledged, rng.below(200)), None).await,
            kind => {
                apply(step("ack", S::Submitted, S::Acknowledged, rng.below(150)), None).await;
                apply(step("accept", S::Acknowledged, S::Accepted, rng.below(48)), None).await;
                apply(step("start", S::Accepted, S::InProgress, rng.below(48)), None).await;
                let wait = rng.below(80 * 24);
                apply(step("resolve", S::InProgress, S::Resolved, wait), Some(&outcome)).await;
                if kind == 5 {
                    // Reopened, then resolved again later: the last counts.
                    apply(step("reopen", S::Resolved, S::InProgress, rng.below(400)), None).await;
                    apply(
                        step("resolve", S::InProgress, S::Resolved, rng.below(400)),
                        Some(&outcome),
                    )
                    .await;
                }
            }
        }
    }
}

async fn reference(db: &Database, now: i64) -> stats::Stats {
    stats::compute(&db.request_times().await.unwrap(), targets, now)
}

async fn aggregated(db: &Database, now: i64) -> stats::Stats {
    reports::statistics(db, targets, ResponseTargets::DEFAULT, now).await.unwrap()
}

async fn the_database_aggregates_equal_the_reference(backend: Backend) {
    let Some(test_db) = TestDb::create(backend).await else { return };
    let db = Database::connect_and_migrate(&test_db.url, 2).await.unwrap();
    for format in [Format::Csv, Format::Json] {
        let mut export = Export::new(db.clone(), format);
        let mut text = String::new();
        while let Some(piece) = export.next().await.unwrap() {
            text.push_str(&piece);
        }
        let whole = match format {
            Format::Csv => outcomes::outcomes_csv(&[]),
            Format::Json => outcomes::outcomes_json(&[]),
        };
        assert_eq!(text, whole, "an empty register");
    }
    let empty = aggregated(&db, START).await;
    assert_eq!(empty, reference(&db, START).await);
    assert_eq!(empty.total, 0);
    load(&db).await;
    let now = START + 400 * DAY;
    let expected = reference(&db, now).await;
    assert_eq!(expected.total, 600);
    assert!(expected.per_month.len() >= 14, "{:?}", expected.per_month.len());
    assert!(expected.per_month.iter().any(|m| m.share_acknowledged_within_target < Some(1.0)));
    assert!(expected.median_hours_to_resolve.is_some());
    assert_eq!(aggregated(&db, now).await, expected);

    // Exports page by page are the register exactly (pages of 7 and 1).
    let register = db.outcomes().await.unwrap();
    assert!(register.len() > 100, "{}", register.len());
    for page in [7, 1, 500] {
        for format in [Format::Csv, Format::Json] {
            let mut export = Export::new(db.clone(), format).paged(page);
            let mut text = String::new();
            while let Some(piece) = export.next().await.unwrap() {
                text.push_str(&piece);
            }
            let whole = match format {
                Format::Csv => outcomes::outcomes_csv(&register),
                Format::Json => outcomes::outcomes_json(&register),
            };
            assert!(text == whole, "{format:?} in pages of {page}");
        }
    }

    // The backfill of migration 0020, as on a database made before it.
    let dir = if backend == Backend::Sqlite { "sqlite" } else { "postgres" };
    let migration = std::fs::read_to_string(format!(
        "{}/migrations/{dir}/0020_request_times.sql",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let pool = Database::connect(&test_db.url, 1).await.unwrap();
    let wipe = "UPDATE requests SET acknowledged_at = NULL, resolved_at = NULL, \
                ack_wait_ms = NULL, resolve_wait_ms = NULL, filed_month = NULL, \
                resolved_month = NULL";
    execute(&test_db.url, wipe).await;
    for statement in migration.split(';').filter(|s| s.lines().any(|l| l.starts_with("UPDATE"))) {
        execute(&test_db.url, statement).await;
    }
    assert_eq!(aggregated(&pool, now).await, expected, "after the backfill");
    pool.close().await;
    db.close().await;
    test_db.cleanup().await;
}

/// Runs one statement on the database at `url`.
async fn execute(url: &str, sql: &str) {
    use sqlx::Connection;
    if url.starts_with("sqlite") {
        let mut conn = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned())).execute(&mut conn).await.unwrap();
    } else {
        let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned())).execute(&mut conn).await.unwrap();
    }
}

#[tokio::test]
async fn the_database_aggregates_equal_the_reference_on_sqlite() {
    the_database_aggregates_equal_the_reference(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_database_aggregates_equal_the_reference_on_postgres() {
    the_database_aggregates_equal_the_reference(Backend::Postgres).await;
}
