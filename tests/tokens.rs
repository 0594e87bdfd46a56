//! API tokens from the command line reach a running server at once: made
//! with `peerlink token new`, listed, revoked, with no restart, on SQLite
//! and PostgreSQL.

mod common;

use std::sync::Arc;

use common::{Backend, TestDb};
use peerlink::config::load_network;
use peerlink::http::{self, HttpState, Tokens};
use peerlink::storage::Database;
use tokio_util::sync::CancellationToken;

async fn status(base: &str, token: &str) -> u16 {
    let response = reqwest::Client::new()
        .get(format!("{base}/api/v1/stats"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    response.status().as_u16()
}

async fn a_token_made_on_the_command_line_works_at_once_until_revoked(backend: Backend) {
    let Some(test_db) = TestDb::create(backend).await else { return };
    let db = Database::connect_and_migrate(&test_db.url, 2).await.unwrap();
    let state = HttpState {
        db: db.clone(),
        network: Arc::new(load_network(None).unwrap()),
        tokens: Arc::new(Tokens::new(&[]).with_database(db.clone())),
        plan: None,
        leadership: None,
    };
    let (listener, addr) = http::bind("127.0.0.1:0").await.unwrap();
    let stop = CancellationToken::new();
    tokio::spawn(http::serve(listener, state, stop.clone()));
    let base = format!("http://{addr}");
    let dir = tempfile::tempdir().unwrap();
    let env = [("PEERLINK__DATABASE__URL", test_db.url.as_str())];
    let cli = |args: &[&str]| common::cli::peerlink(dir.path(), args, &env);

    let made = cli(&["token", "new", "--name", "secretariat"]);
    assert!(made.ok(), "{}", made.text());
    let token = made
        .stdout
        .split_whitespace()
        .find(|w| w.starts_with("pl_"))
        .expect("the token is printed")
        .to_owned();
    assert_eq!(status(&base, &token).await, 200, "accepted at once, no restart");
    assert_eq!(status(&base, "pl_not-a-token").await, 401);

    let again = cli(&["token", "new", "--name", "secretariat"]);
    assert!(!again.ok(), "one active token per holder: {}", again.text());
    assert!(again.stderr.contains("already has an active token"), "{}", again.text());
    let listed = cli(&["token", "list"]);
    assert!(listed.ok() && listed.stdout.contains("secretariat"), "{}", listed.text());
    assert!(!listed.stdout.contains(&token), "the list never shows a token");

    let revoked = cli(&["token", "revoke", "secretariat"]);
    assert!(revoked.ok(), "{}", revoked.text());
    assert_eq!(status(&base, &token).await, 401, "refused at once after revoking");
    let unknown = cli(&["token", "revoke", "nobody"]);
    assert_eq!(unknown.code, Some(1), "{}", unknown.text());

    stop.cancel();
    db.close().await;
    test_db.cleanup().await;
}

#[tokio::test]
async fn a_token_made_on_the_command_line_works_at_once_until_revoked_on_sqlite() {
    a_token_made_on_the_command_line_works_at_once_until_revoked(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_token_made_on_the_command_line_works_at_once_until_revoked_on_postgres() {
    a_token_made_on_the_command_line_works_at_once_until_revoked(Backend::Postgres).await;
}
