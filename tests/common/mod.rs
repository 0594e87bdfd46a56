//! Test harness: the real Synapse started by `scripts/test.sh`, the machine's
//! PostgreSQL, real SQLite files, and the real `peerlink` binary.
//!
//! Environment (set by `scripts/test.sh`):
//! - `PEERLINK_TEST_HOMESERVER_URL`, `PEERLINK_TEST_REGISTRATION_SECRET`,
//!   `PEERLINK_TEST_SERVER_NAME`: the homeserver.
//! - `PEERLINK_TEST_POSTGRES_URL`: an admin URL of the PostgreSQL server
//!   (default `postgres://postgres@127.0.0.1:5432/test`); each test creates
//!   and drops its own database.
//!
//! Under `CI=true` a missing homeserver or database fails the test with a
//! clear message; elsewhere the test says loudly that it was skipped.
#![allow(dead_code)]

pub mod bot;
pub mod cli;
pub mod client;
pub mod flow;
pub mod net;

use std::time::Duration;

use rand::distr::{Alphanumeric, SampleString};
use sqlx::Connection;

/// Whether we run in CI, where nothing may be skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Reports a missing prerequisite: a failure in CI, a loud skip elsewhere.
/// Returns `None` so tests can `let Some(x) = … else { return };`.
pub fn missing<T>(what: &str) -> Option<T> {
    let msg = format!(
        "{what} is not available. Run the tests with scripts/test.sh, which installs \
         and starts everything they need."
    );
    if in_ci() {
        panic!("CI=true and {msg}");
    }
    eprintln!("SKIPPED: {msg}");
    None
}

/// Runs the project script `scripts/NAME` with `args`; whether it succeeded.
pub fn script(name: &str, args: &[&str]) -> bool {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts").join(name);
    std::process::Command::new("bash")
        .arg(path)
        .args(args)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// A message in the thread of `root`, as Element sends it (with the reply
/// fallback for clients without threads).
pub fn in_thread(body: &str, root: &str) -> serde_json::Value {
    serde_json::json!({
        "msgtype": "m.text", "body": body,
        "m.relates_to": {"rel_type": "m.thread", "event_id": root, "is_falling_back": true,
                         "m.in_reply_to": {"event_id": root}},
    })
}

/// A short random suffix for unique names.
pub fn unique(prefix: &str) -> String {
    let suffix = Alphanumeric.sample_string(&mut rand::rng(), 8).to_lowercase();
    format!("{prefix}{suffix}")
}

/// The homeserver under test.
#[derive(Debug, Clone)]
pub struct Homeserver {
    /// Client-server API base URL.
    pub url: String,
    /// Shared secret of the admin registration API.
    pub secret: String,
    /// Server name (the part after `:` in user IDs).
    pub server_name: String,
}

/// A registered account.
#[derive(Debug, Clone)]
pub struct Account {
    /// Full user ID.
    pub user_id: String,
    /// Localpart.
    pub localpart: String,
    /// Password.
    pub password: String,
}

impl Homeserver {
    /// The homeserver from the environment, or a CI failure / loud skip.
    pub fn from_env() -> Option<Self> {
        let url = std::env::var("PEERLINK_TEST_HOMESERVER_URL").ok();
        let secret = std::env::var("PEERLINK_TEST_REGISTRATION_SECRET").ok();
        match (url, secret) {
            (Some(url), Some(secret)) => Some(Self {
                url,
                secret,
                server_name: std::env::var("PEERLINK_TEST_SERVER_NAME")
                    .unwrap_or_else(|_| "localhost".into()),
            }),
            _ => missing("a Synapse homeserver (PEERLINK_TEST_HOMESERVER_URL)"),
        }
    }

    /// Registers a fresh account whose localpart starts with `prefix`.
    pub async fn register(&self, prefix: &str) -> Account {
        self.register_as(&unique(prefix)).await
    }

    /// Registers the account `localpart` (which must be free).
    pub async fn register_as(&self, localpart: &str) -> Account {
        use hmac::{Hmac, Mac};
        let localpart = localpart.to_owned();
        let password = unique("pw-");
        let http = reqwest::Client::new();
        let endpoint = format!("{}/_synapse/admin/v1/register", self.url);
        let nonce: serde_json::Value =
            http.get(&endpoint).send().await.unwrap().json().await.unwrap();
        let nonce = nonce["nonce"].as_str().unwrap().to_owned();
        let mut mac = Hmac::<sha1::Sha1>::new_from_slice(self.secret.as_bytes()).unwrap();
        mac.update(format!("{nonce}\0{localpart}\0{password}\0notadmin").as_bytes());
        let body = serde_json::json!({
            "nonce": nonce, "username": localpart, "password": password, "admin": false,
            "mac": hex::encode(mac.finalize().into_bytes()),
        });
        let resp = http.post(&endpoint).json(&body).send().await.unwrap();
        assert!(
            resp.status().is_success(),
            "registering {localpart}: {}",
            resp.text().await.unwrap()
        );
        Account { user_id: format!("@{localpart}:{}", self.server_name), localpart, password }
    }
}

/// The database backends every storage-touching test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in a temporary directory.
    Sqlite,
    /// A fresh database on the machine's PostgreSQL server.
    Postgres,
}

/// A database made for one test, removed by [`TestDb::cleanup`].
pub struct TestDb {
    /// URL to give peerlink.
    pub url: String,
    /// The backend.
    pub backend: Backend,
    pg: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

fn postgres_admin_url() -> String {
    std::env::var("PEERLINK_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

impl TestDb {
    /// Creates an empty database on `backend`.
    pub async fn create(backend: Backend) -> Option<Self> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!("sqlite://{}/peerlink.db", dir.path().display());
                Some(Self { url, backend, pg: None, _dir: Some(dir) })
            }
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let mut conn = match tokio::time::timeout(
                    Duration::from_secs(10),
                    sqlx::PgConnection::connect(&admin),
                )
                .await
                {
                    Ok(Ok(c)) => c,
                    Ok(Err(e)) => return missing(&format!("PostgreSQL at {admin} ({e})")),
                    Err(_) => return missing(&format!("PostgreSQL at {admin} (timed out)")),
                };
                let name = unique("peerlink_test_");
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                conn.close().await.ok();
                let mut url = url::Url::parse(&admin).unwrap();
                url.set_path(&name);
                Some(Self { url: url.to_string(), backend, pg: Some((admin, name)), _dir: None })
            }
        }
    }

    /// A database someone else made (and removes) at `url`.
    pub fn existing(url: &str, backend: Backend) -> Self {
        Self { url: url.to_owned(), backend, pg: None, _dir: None }
    }

    /// Drops the PostgreSQL database (SQLite files go with their temp dir).
    pub async fn cleanup(self) {
        if let Some((admin, name)) = &self.pg {
            let mut conn = sqlx::PgConnection::connect(admin).await.unwrap();
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut conn)
            .await
            .unwrap();
        }
    }
}

/// Polls `check` every 100 ms until it returns `Some`, or panics after `timeout`.
pub async fn eventually<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
