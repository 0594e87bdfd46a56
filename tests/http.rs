//! The HTTP server in process, on SQLite and PostgreSQL: health, metrics,
//! every API endpoint with its auth failures and filters, the CSV export,
//! and the OpenAPI document against the routes.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use common::{Backend, TestDb};
use peerlink::config::{load_network, TokenSettings};
use peerlink::domain::plan::ActivityStatus;
use peerlink::domain::{
    CountryCode, Delegate, MatrixUserId, NewRequest, Outcome, OutcomeResult, RequestState as S,
    Roster, State, Status, Transition,
};
use peerlink::http::{self, sha256_hex, HttpState, Tokens};
use peerlink::storage::{Database, MemoryStore, RequestStore, RosterStore, Step};
use peerlink::storage::{PlanLink, PlanStore, PlanUpdate};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

const REPORTS: &str = "reports-token";
const ROSTER: &str = "roster-token";
const DAY: i64 = 86_400_000;
const NOV_1: i64 = 1_793_491_200_000;

struct Server {
    base: String,
    http: reqwest::Client,
    stop: CancellationToken,
    db: Database,
    test_db: TestDb,
}

impl Server {
    async fn start(backend: Backend) -> Option<Self> {
        let test_db = TestDb::create(backend).await?;
        let db = Database::connect_and_migrate(&test_db.url, 2).await.unwrap();
        seed(&db).await;
        let tokens = Tokens::new(&[
            TokenSettings {
                name: "r".into(),
                scope: "reports".into(),
                sha256: sha256_hex(REPORTS),
            },
            TokenSettings { name: "o".into(), scope: "roster".into(), sha256: sha256_hex(ROSTER) },
        ]);
        let state = HttpState {
            db: db.clone(),
            network: Arc::new(load_network(None).unwrap()),
            tokens: Arc::new(tokens),
            plan: Some(Arc::new(
                peerlink::config::parse_plan(
                    "example",
                    include_str!("../config/action-plan.example.toml"),
                )
                .unwrap(),
            )),
            leadership: None,
        };
        let (listener, addr) = http::bind("127.0.0.1:0").await.unwrap();
        let stop = CancellationToken::new();
        tokio::spawn(http::serve(listener, state, stop.clone()));
        Some(Self {
            base: format!("http://{addr}"),
            http: reqwest::Client::new(),
            stop,
            db,
            test_db,
        })
    }

    async fn get(&self, path: &str, token: Option<&str>) -> (u16, String) {
        let (status, _, body) = self.get_typed(path, token).await;
        (status, body)
    }

    /// Status, Content-Type and body.
    async fn get_typed(&self, path: &str, token: Option<&str>) -> (u16, String, String) {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(t) = token {
            request = request.bearer_auth(t);
        }
        let response = request.send().await.unwrap();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (response.status().as_u16(), content_type, response.text().await.unwrap())
    }

    async fn json(&self, path: &str, token: &str) -> Value {
        let (status, body) = self.get(path, Some(token)).await;
        assert_eq!(status, 200, "{path}: {body}");
        serde_json::from_str(&body).unwrap()
    }

    async fn stop(self) {
        self.stop.cancel();
        self.db.close().await;
        self.test_db.cleanup().await;
    }
}

/// MA (member, committee) with a delegate; CL observer; five requests:
/// #1 MA membership resolved, #2 CL capacity-building acknowledged,
/// #3 CL membership submitted (December), #4 MA peer-exchange declined,
/// #5 CL membership submitted.
async fn seed(db: &Database) {
    let mut roster = Roster::default();
    for (code, status) in [("MA", Status::FoundingMember), ("CL", Status::Observer)] {
        let code = CountryCode::parse(code).unwrap();
        roster.add_state(State { code, status, mechanism: None }).unwrap();
    }
    roster
        .add_delegate(Delegate {
            user_id: MatrixUserId::parse("@didh:ma.example").unwrap(),
            state: CountryCode::parse("MA").unwrap(),
            language: Some("fr".into()),
        })
        .unwrap();
    db.apply_roster_changes(&Roster::default().diff(&roster), "test").await.unwrap();

    let specs = [
        ("MA", "membership", "=cmd|' /C calc'!A0", NOV_1),
        ("CL", "capacity-building", "Training", NOV_1 + DAY),
        ("CL", "membership", "Set up", NOV_1 + 31 * DAY),
        ("MA", "peer-exchange", "Visit", NOV_1 + 2 * DAY),
        ("CL", "membership", "Guidance", NOV_1 + 3 * DAY),
    ];
    for (i, (country, category, title, _)) in specs.iter().enumerate() {
        let new = NewRequest {
            requesting_state: CountryCode::parse(country).unwrap(),
            region: Some(
                if *country == "MA" { "africa" } else { "latin-america-caribbean" }.into(),
            ),
            category: (*category).into(),
            title: (*title).into(),
            description: String::new(),
            language: "en".into(),
            requester: format!("@d:{}.example", country.to_lowercase()),
            source_room: "!r".into(),
            source_event: format!("$src{i}"),
            created_at: peerlink::storage::now_ms(),
        };
        db.create_request(&new).await.unwrap();
    }
    // Filing dates as specified (the store stamps "now").
    for (i, (_, _, _, at)) in specs.iter().enumerate() {
        let id = i64::try_from(i).unwrap() + 1;
        set_created(db, id, *at).await;
    }
    let step = |action: &str, from: S, to: S, at: i64, reason: Option<&str>| Transition {
        at,
        actor: "@pt:pt.example".into(),
        actor_state: CountryCode::parse("PT").ok(),
        action: action.into(),
        from: Some(from),
        to,
        reason: reason.map(str::to_owned),
        event_id: None,
    };
    let outcome = Outcome {
        result: OutcomeResult::Delivered,
        summary: "@SUM(1)".into(),
        lessons: None,
        delivered_by: Some("PT".into()),
    };
    let steps: [(i64, Transition, Option<&str>, Option<&Outcome>); 6] = [
        (1, step("ack", S::Submitted, S::Acknowledged, NOV_1 + 2 * 3_600_000, None), None, None),
        (
            1,
            step("accept", S::Acknowledged, S::Accepted, NOV_1 + DAY, Some("PT")),
            Some("PT"),
            None,
        ),
        (1, step("start", S::Accepted, S::InProgress, NOV_1 + DAY, None), None, None),
        (
            1,
            step("resolve", S::InProgress, S::Resolved, NOV_1 + 4 * DAY, None),
            None,
            Some(&outcome),
        ),
        (
            2,
            step("ack", S::Submitted, S::Acknowledged, NOV_1 + DAY + 4 * 3_600_000, None),
            None,
            None,
        ),
        (4, step("decline", S::Submitted, S::Declined, NOV_1 + 3 * DAY, Some("No")), None, None),
    ];
    for (id, t, assignee, outcome) in &steps {
        db.apply_step(*id, Step { transition: t, assignee: *assignee, outcome: *outcome })
            .await
            .unwrap();
    }
    // The action plan (the example file): requests 1 (delivered) and 2 serve
    // tc-1; cb-2 is done.
    for (target, event) in [(1, "$l1"), (2, "$l2")] {
        let link = PlanLink { activity: "tc-1".into(), kind: "request".into(), target };
        assert!(db.link_to_plan(&link, "@didh:ma.example", event, NOV_1).await.unwrap());
    }
    let update = PlanUpdate {
        activity: "cb-2".into(),
        status: ActivityStatus::Done,
        note: Some("Ten mechanisms trained".into()),
        actor: "@didh:ma.example".into(),
        at: NOV_1,
    };
    db.record_plan_update(&update, "$u1").await.unwrap();
    // Request 2 is about education (SDG 4.7).
    let tags = [("theme", "education".to_owned()), ("sdg", "4.7".to_owned())];
    db.add_tags(("request", 2), &tags, "@didh:ma.example", NOV_1).await.unwrap();
    // Request 1's outcome is about national mechanisms (SDG 16.6), and searchable.
    let tags = [("theme", "nmirf".to_owned()), ("sdg", "16.6".to_owned())];
    db.add_tags(("request", 1), &tags, "@didh:ma.example", NOV_1).await.unwrap();
    for id in 1..=5 {
        peerlink::service::memory::index_request(db, id).await.unwrap();
    }
}

/// Backdates request `id` (before any step: its month moves with it).
async fn set_created(db: &Database, id: i64, at: i64) {
    let sql = "UPDATE requests SET created_at = $1, filed_month = $3 WHERE id = $2";
    let month = peerlink::storage::month_key(at);
    match db {
        Database::Sqlite(p) => {
            sqlx::query(sql).bind(at).bind(id).bind(month).execute(p).await.unwrap();
        }
        Database::Postgres(p) => {
            sqlx::query(sql).bind(at).bind(id).bind(month).execute(p).await.unwrap();
        }
        other => panic!("a pool, not a unit of work: {other:?}"),
    }
}

fn numbers(page: &Value) -> Vec<i64> {
    page["items"].as_array().unwrap().iter().map(|i| i["number"].as_i64().unwrap()).collect()
}

async fn every_endpoint_answers_as_documented(backend: Backend) {
    let Some(server) = Server::start(backend).await else { return };

    // Health is public; readiness names the unhealthy part (no sync in this process).
    assert_eq!(server.get("/healthz", None).await.0, 200);
    let (status, body) = server.get("/readyz", None).await;
    let ready: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 503, "{body}");
    assert_eq!(ready["database"]["ok"], true, "{body}");
    assert_eq!(ready["homeserver"]["ok"], false, "{body}");

    // No data without a valid token, on every API route.
    for path in [
        "/api/v1/requests",
        "/api/v1/requests/1",
        "/api/v1/roster",
        "/api/v1/stats",
        "/api/v1/outcomes.csv",
    ] {
        assert_eq!(server.get(path, None).await.0, 401, "{path}");
        assert_eq!(server.get(path, Some("wrong")).await.0, 401, "{path}");
        assert_eq!(server.get(path, Some(REPORTS)).await.0, 200, "{path}");
    }

    // Roster: user IDs only for the roster scope.
    let roster = server.json("/api/v1/roster", REPORTS).await;
    assert!(!roster.to_string().contains("@didh:ma.example"), "{roster}");
    assert_eq!(roster["states"].as_array().unwrap().len(), 2);
    let full = server.json("/api/v1/roster", ROSTER).await;
    assert!(full.to_string().contains("@didh:ma.example"), "{full}");
    assert_eq!(full["regions"].as_array().unwrap().len(), 5);

    // Tags: shown on each request, and filters (a goal finds its targets).
    let tagged = server.json("/api/v1/requests?theme=education", REPORTS).await;
    assert_eq!(numbers(&tagged), [2], "{tagged}");
    assert_eq!(numbers(&server.json("/api/v1/requests?sdg=4", REPORTS).await), [2]);
    assert_eq!(numbers(&server.json("/api/v1/requests?sdg=4.7", REPORTS).await), [2]);
    assert!(numbers(&server.json("/api/v1/requests?sdg=4.1", REPORTS).await).is_empty());
    assert_eq!(server.get("/api/v1/requests?sdg=18", Some(REPORTS)).await.0, 400);
    let two = server.json("/api/v1/requests/2", REPORTS).await;
    assert_eq!(two["tags"]["themes"], serde_json::json!(["education"]), "{two}");
    assert_eq!(two["tags"]["sdgs"], serde_json::json!(["4.7"]), "{two}");

    // The action plan: progress by pillar, activities as they stand, and
    // membership month by month from the roster's history.
    let plan = server.json("/api/v1/plan", REPORTS).await;
    let pillars = plan["plan"]["pillars"].as_array().unwrap();
    let ids: Vec<&str> = pillars.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["capacity-building", "membership-expansion", "technical-cooperation"]);
    // The example: cb-1 in progress, cb-2 planned (done by chat); me-2 done.
    assert_eq!(
        (pillars[0]["done"].as_i64(), pillars[0]["activities"].as_i64()),
        (Some(2 - 1), Some(2))
    );
    assert_eq!(pillars[0]["share_done"].as_f64(), Some(0.5));
    assert_eq!(pillars[2]["requests_linked"], 2, "{plan}");
    assert_eq!(pillars[2]["outcomes_delivered"], 1, "request 1 was delivered: {plan}");
    let cb2 = &pillars[0]["objectives"][0]["activities"][1];
    assert_eq!((cb2["id"].as_str(), cb2["status"].as_str()), (Some("cb-2"), Some("done")));
    assert_eq!(cb2["note"], "Ten mechanisms trained");
    let months = plan["membership"].as_array().unwrap();
    let last = months.last().unwrap();
    assert_eq!(
        (last["founding_member"].as_i64(), last["observer"].as_i64()),
        (Some(1), Some(1)),
        "{plan}"
    );
    assert_eq!(server.get("/api/v1/plan", None).await.0, 401);

    // Listing: filters, date range, pages, bad parameters.
    let all = server.json("/api/v1/requests", REPORTS).await;
    assert_eq!((numbers(&all), all["total"].as_i64()), (vec![5, 4, 3, 2, 1], Some(5)));
    let cl_membership =
        server.json("/api/v1/requests?country=CL&category=membership", REPORTS).await;
    assert_eq!(numbers(&cl_membership), [5, 3]);
    let submitted = server.json("/api/v1/requests?state=submitted", REPORTS).await;
    assert_eq!(numbers(&submitted), [5, 3]);
    let region = server.json("/api/v1/requests?region=africa", REPORTS).await;
    assert_eq!(numbers(&region), [4, 1]);
    let november = server.json("/api/v1/requests?from=2026-11-01&to=2026-12-01", REPORTS).await;
    assert_eq!(numbers(&november), [5, 4, 2, 1]);
    let page2 = server.json("/api/v1/requests?per_page=2&page=2", REPORTS).await;
    assert_eq!((numbers(&page2), page2["total"].as_i64()), (vec![3, 2], Some(5)));
    // Every malformed parameter or path: a 4xx in the documented JSON shape
    // (`{"error": "…"}`), and the server keeps serving.
    let bad_requests = [
        "/api/v1/requests?state=lost",
        "/api/v1/requests?from=yesterday",
        "/api/v1/requests?per_page=0",
        "/api/v1/requests?page=0",
        "/api/v1/requests?country=ZZ",
        "/api/v1/requests?colour=red",
        "/api/v1/requests?page=abc",
        "/api/v1/requests?per_page=1.5",
        "/api/v1/requests?page=-1",
        "/api/v1/requests?page=9223372036854775807",
        "/api/v1/requests?page=99999999999999999999",
        "/api/v1/requests?per_page=99999999999999999999",
        "/api/v1/requests/abc",
        "/api/v1/requests/1.5",
        "/api/v1/requests/99999999999999999999",
        "/api/v1/requests/%00",
    ];
    for path in bad_requests {
        let (status, content_type, body) = server.get_typed(path, Some(REPORTS)).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert!(content_type.starts_with("application/json"), "{path}: {content_type}");
        let error: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(error["error"].as_str().is_some_and(|e| !e.is_empty()), "{path}: {body}");
        assert_eq!(error.as_object().map(|o| o.len()), Some(1), "{path}: {body}");
    }
    for path in ["/api/v1/nothing", "/api/v1/requests/1/more", "/nothing"] {
        let (status, content_type, body) = server.get_typed(path, Some(REPORTS)).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert!(content_type.starts_with("application/json"), "{path}: {content_type}");
    }
    assert_eq!(server.get("/healthz", None).await.0, 200, "still serving");

    // One request: history and outcome.
    let one = server.json("/api/v1/requests/1", REPORTS).await;
    let actions: Vec<&str> =
        one["history"].as_array().unwrap().iter().map(|h| h["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["submit", "ack", "accept", "start", "resolve"]);
    assert_eq!(one["outcome"]["result"], "delivered");
    assert_eq!(one["assignee"], "PT");
    assert_eq!(server.get("/api/v1/requests/99", Some(REPORTS)).await.0, 404);

    // Statistics.
    let stats = server.json("/api/v1/stats", REPORTS).await;
    assert_eq!(stats["total"], 5);
    assert_eq!(stats["by_state"]["submitted"], 2);
    assert_eq!(stats["by_category"]["membership"], 3);
    assert_eq!(stats["median_hours_to_acknowledge"], 3.0, "{stats}");
    assert_eq!(stats["median_hours_to_resolve"], 96.0, "{stats}");
    assert_eq!(stats["per_month"][0]["month"], "2026-11");
    assert_eq!(stats["per_month"][1]["filed"], 1);

    // The outcomes register: CSV, formula-safe.
    let (_, csv) = server.get("/api/v1/outcomes.csv", Some(REPORTS)).await;
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("number,requesting_state,region,category,title"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("1,MA,africa,membership,'=cmd|' /C calc'!A0,"), "{row}");
    assert!(row.contains(",'@SUM(1),"), "{row}");
    // The recorder's Matrix ID verbatim, then the tag columns (no reference).
    assert!(
        row.ends_with(",@pt:pt.example,16.6,nmirf,"),
        "the recorder's Matrix ID verbatim: {row}"
    );

    // Metrics count requests by state from the database, in the format
    // their Content-Type declares.
    let (status, content_type, metrics) = server.get_typed("/metrics", None).await;
    assert_eq!(status, 200);
    assert!(
        content_type.starts_with("application/openmetrics-text; version=1.0.0"),
        "{content_type}"
    );
    parse_openmetrics(&metrics);
    assert!(metrics.contains("peerlink_requests{state=\"submitted\"} 2"), "{metrics}");
    assert!(metrics.contains("peerlink_requests{state=\"resolved\"} 1"), "{metrics}");
    server.stop().await;
}

/// Parses `text` with the reference OpenMetrics parser (the Python
/// `prometheus_client`, in the Synapse venv the test scripts install) and
/// checks that every counter is typed as one.
fn parse_openmetrics(text: &str) {
    let venv = std::env::var("PEERLINK_SYNAPSE_VENV")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/.local/synapse-venv").into());
    let python = format!("{venv}/bin/python");
    if !std::path::Path::new(&python).exists() {
        return common::missing::<()>("the Python venv with prometheus_client").unwrap_or(());
    }
    let script = r#"
import sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
families = list(text_string_to_metric_families(sys.stdin.read()))
types = {f.name: f.type for f in families}
for name in ("peerlink_commands", "peerlink_database_errors", "peerlink_requests"):
    assert name in types, (name, types)
assert types["peerlink_commands"] == "counter", types
assert all(t != "unknown" for t in types.values()), types
print(len(families), "families:", ",".join(f"{n}={t}" for n, t in sorted(types.items())))
"#;
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new(python)
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}\n{text}", String::from_utf8_lossy(&out.stderr));
    println!("{}", String::from_utf8_lossy(&out.stdout));
}

#[tokio::test]
async fn every_endpoint_answers_as_documented_on_sqlite() {
    every_endpoint_answers_as_documented(Backend::Sqlite).await;
}

#[tokio::test]
async fn every_endpoint_answers_as_documented_on_postgres() {
    every_endpoint_answers_as_documented(Backend::Postgres).await;
}

#[tokio::test]
async fn the_openapi_document_matches_the_routes() {
    let Some(server) = Server::start(Backend::Sqlite).await else { return };
    let (status, body) = server.get("/api/v1/openapi.json", None).await;
    assert_eq!(status, 200);
    let doc: Value = serde_json::from_str(&body).unwrap();
    let documented: BTreeSet<&str> =
        doc["paths"].as_object().unwrap().keys().map(String::as_str).collect();
    let routed: BTreeSet<&str> = http::ROUTES.into_iter().collect();
    assert_eq!(documented, routed);
    // Every documented query parameter of the listing is accepted…
    let params = doc["paths"]["/api/v1/requests"]["get"]["parameters"].as_array().unwrap();
    let samples = [
        ("state", "submitted"),
        ("region", "africa"),
        ("category", "membership"),
        ("theme", "justice"),
        ("sdg", "16"),
        ("country", "CL"),
        ("from", "2026-11-01"),
        ("to", "2027-01-01"),
        ("page", "1"),
        ("per_page", "10"),
    ];
    assert_eq!(params.len(), samples.len());
    for p in params {
        let name = p["name"].as_str().unwrap();
        let value = samples
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("no sample for {name}"));
        let (status, body) =
            server.get(&format!("/api/v1/requests?{name}={value}"), Some(REPORTS)).await;
        assert_eq!(status, 200, "{name}: {body}");
    }
    // …and every route in the document answers (with a token where it says so).
    for path in routed {
        let path = path.replace("{number}", "1").replace("{file}", "not-a-seminar.ics");
        let path = if path == "/api/v1/search" { format!("{path}?q=workshop") } else { path };
        let status = server.get(&path, Some(REPORTS)).await.0;
        let unknown_file = path.starts_with("/calendar/") && status == 404;
        assert!(
            status == 200 || unknown_file || (path == "/readyz" && status == 503),
            "{path}: {status}"
        );
    }
    server.stop().await;
}

/// Headless Chromium (Debian's `chromium`), or a CI failure / loud skip.
fn chromium() -> Option<std::path::PathBuf> {
    let path =
        std::env::var("PEERLINK_TEST_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let path = std::path::PathBuf::from(path);
    if path.exists() {
        Some(path)
    } else {
        common::missing("headless Chromium (Debian package `chromium`)")
    }
}

/// Runs Chromium headless on `url` with `extra` flags; returns stdout.
fn headless(chromium: &std::path::Path, url: &str, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=15000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn the_dashboard_renders_data_charts_and_filters_in_headless_chromium() {
    let Some(server) = Server::start(Backend::Sqlite).await else { return };
    let Some(chromium) = chromium() else { return };
    let page = format!("{}/dashboard#token={REPORTS}", server.base);
    let (base, chromium2) = (page.clone(), chromium.clone());
    let english = tokio::task::spawn_blocking(move || headless(&chromium2, &base, &["--dump-dom"]))
        .await
        .unwrap();

    assert!(english.contains("data-loaded=\"true\""), "the data did not load:\n{english}");
    assert!(english.contains("Outcomes register") && english.contains("Network dashboard"));
    assert!(english.contains("<tr data-number=\"1\">"), "{english}");
    assert!(english.contains("'=cmd|' /C calc'!A0") || english.contains("=cmd|' /C calc'!A0"));
    assert!(english.matches("class=\"bar\"").count() >= 4, "bars in the charts");
    assert!(english.contains("class=\"line-ack\""), "the trend chart is drawn");
    // The share within the response-time targets, by month of filing.
    let on_time = english.split("id=\"on-time\" data-rows=\"").nth(1).unwrap_or_default();
    let rows: usize = on_time.split('"').next().unwrap_or_default().parse().unwrap_or(0);
    assert!(rows >= 1, "months judged against the targets:\n{english}");
    assert!(english.contains("Acknowledged within target") && english.contains('%'), "{english}");
    assert_eq!(english.matches("<tr data-region=").count(), 5, "the roster by region");
    assert_eq!(english.matches("<tr data-pillar=").count(), 3, "the plan by pillar");
    assert!(english.contains("First action plan of the network (example)"), "the plan's title");
    assert!(!english.contains("id=\"membership\" data-rows=\"0\""), "membership over time");
    assert!(english.contains("data-rows=\"1\""), "one outcome in the register");
    assert!(!english.contains(REPORTS), "the token must not stay in the page or its address");

    // A filter changes the table.
    let filtered = format!("{page}&category=peer-exchange");
    let chromium3 = chromium.clone();
    let filtered =
        tokio::task::spawn_blocking(move || headless(&chromium3, &filtered, &["--dump-dom"]))
            .await
            .unwrap();
    assert!(filtered.contains("data-rows=\"0\""), "the category filter emptied the table");
    assert!(!filtered.contains("<tr data-number=\"1\">"));

    // The memory's search box (`/api/v1/search`): the outcome found, its
    // title as text, linked to its source message; a refused query says why.
    let searched = format!("{page}&s=calc");
    let chromium_s = chromium.clone();
    let searched =
        tokio::task::spawn_blocking(move || headless(&chromium_s, &searched, &["--dump-dom"]))
            .await
            .unwrap();
    let results = searched.split("id=\"search-results\"").nth(1).unwrap_or_default();
    let results = results.split("</ol>").next().unwrap_or_default();
    assert!(results.contains("data-rows=\"2\""), "request #1 and its outcome:\n{results}");
    assert!(results.contains("data-kind=\"outcome\" data-source=\"1\""), "{results}");
    assert!(results.contains("<bdi>=cmd|' /C calc'!A0</bdi>"), "the title as text: {results}");
    assert!(results.contains("Outcome of request #1"), "{results}");
    assert!(results.contains("href=\"https://matrix.to/#/!r/$src0\""), "{results}");
    assert!(!results.contains("<script"), "{results}");
    let refused = format!("{page}&s=%22unbalanced");
    let chromium_r = chromium.clone();
    let refused =
        tokio::task::spawn_blocking(move || headless(&chromium_r, &refused, &["--dump-dom"]))
            .await
            .unwrap();
    assert!(
        refused.contains("class=\"error\">The search was refused: `q` opens a quote"),
        "{refused}"
    );
    // The register filtered by a tag: only request 1 carries SDG 16.6.
    let tagged = format!("{page}&tag=sdg:16.6");
    let chromium_t = chromium.clone();
    let tagged =
        tokio::task::spawn_blocking(move || headless(&chromium_t, &tagged, &["--dump-dom"]))
            .await
            .unwrap();
    assert!(tagged.contains("<option value=\"sdg:16.6\">SDG 16.6</option>"), "{tagged}");
    assert!(tagged.contains("<tr data-number=\"1\">"), "{tagged}");
    assert!(tagged.contains("id=\"outcomes\" data-rows=\"1\""), "{tagged}");

    // In French.
    let french = format!("{page}&lang=fr");
    let chromium4 = chromium.clone();
    let french =
        tokio::task::spawn_blocking(move || headless(&chromium4, &french, &["--dump-dom"]))
            .await
            .unwrap();
    assert!(
        french.contains("Tableau de bord du réseau") && french.contains("Registre des résultats"),
        "{french}"
    );
    assert!(french.contains("lang=\"fr\""));

    // In Arabic: laid out right to left, tables and charts present; in
    // Chinese and Russian the labels are not English.
    for (lang, markers) in [
        ("ar", ["لوحة متابعة الشبكة", "سجل النتائج"]),
        ("zh-Hans", ["网络仪表板", "成果登记册"]),
        ("ru", ["Панель сети", "Реестр результатов"]),
    ] {
        let url = format!("{page}&lang={lang}");
        let chromium5 = chromium.clone();
        let dom = tokio::task::spawn_blocking(move || headless(&chromium5, &url, &["--dump-dom"]))
            .await
            .unwrap();
        assert!(dom.contains("data-loaded=\"true\""), "{lang}: the data did not load");
        for marker in markers {
            assert!(dom.contains(marker), "{lang}: {marker}");
        }
        for english in ["Network dashboard", "Outcomes register", "Roster by region"] {
            assert!(!dom.contains(english), "{lang}: `{english}` left in English");
        }
        assert!(dom.contains(&format!("lang=\"{lang}\"")), "{lang}");
        assert_eq!(dom.contains("dir=\"rtl\""), lang == "ar", "{lang}: the document's direction");
        assert!(dom.matches("class=\"bar\"").count() >= 4, "{lang}: the charts are drawn");
        assert_eq!(dom.matches("<tr data-region=").count(), 5, "{lang}: the roster table");
    }
    let arabic_shot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("dashboard-ar.png");
    let arg = format!("--screenshot={}", arabic_shot.display());
    let (url, chromium6) = (format!("{page}&lang=ar"), chromium.clone());
    tokio::task::spawn_blocking(move || {
        headless(&chromium6, &url, &[&arg, "--window-size=1280,1800"])
    })
    .await
    .unwrap();
    let size = std::fs::metadata(&arabic_shot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 20_000, "a real screenshot at {} ({size} bytes)", arabic_shot.display());
    eprintln!("dashboard screenshot in Arabic: {}", arabic_shot.display());

    // A screenshot for people to look at.
    let shot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("dashboard.png");
    let arg = format!("--screenshot={}", shot.display());
    let base = page.clone();
    tokio::task::spawn_blocking(move || {
        headless(&chromium, &base, &[&arg, "--window-size=1280,1800"])
    })
    .await
    .unwrap();
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 20_000, "a real screenshot at {} ({size} bytes)", shot.display());
    eprintln!("dashboard screenshot: {}", shot.display());
    server.stop().await;
}
