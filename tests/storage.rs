//! Storage on both backends: a real SQLite file and a fresh PostgreSQL database.

mod common;

use common::{Backend, TestDb};
use peerlink::storage::{Database, EventClaim, ProcessedEvents, SyncTokens};

async fn open(backend: Backend) -> Option<(TestDb, Database)> {
    let test_db = TestDb::create(backend).await?;
    let db = Database::connect(&test_db.url, 2).await.unwrap();
    Some((test_db, db))
}

async fn migrations_apply_once_and_then_change_nothing(backend: Backend) {
    let Some((test_db, db)) = open(backend).await else { return };
    let first = db.migrate().await.unwrap();
    let second = db.migrate().await.unwrap();
    assert!(first >= 1, "the first run applies the migrations");
    assert_eq!(second, 0, "a second run applies nothing");
    db.ping().await.unwrap();
    db.close().await;
    test_db.cleanup().await;
}

#[tokio::test]
async fn migrations_apply_once_and_then_change_nothing_on_sqlite() {
    migrations_apply_once_and_then_change_nothing(Backend::Sqlite).await;
}

#[tokio::test]
async fn migrations_apply_once_and_then_change_nothing_on_postgres() {
    migrations_apply_once_and_then_change_nothing(Backend::Postgres).await;
}

async fn an_event_can_be_claimed_only_once(backend: Backend) {
    let Some((test_db, db)) = open(backend).await else { return };
    db.migrate().await.unwrap();
    let claim = |id: &'static str| db.claim_event(id, "!room", "@a:example.org", "command");

    assert_eq!(claim("$one").await.unwrap(), EventClaim::New);
    assert_eq!(claim("$one").await.unwrap(), EventClaim::AlreadyHandled);
    assert_eq!(claim("$two").await.unwrap(), EventClaim::New);
    db.record_outcome("$one", "answered").await.unwrap();
    db.close().await;
    test_db.cleanup().await;
}

#[tokio::test]
async fn an_event_can_be_claimed_only_once_on_sqlite() {
    an_event_can_be_claimed_only_once(Backend::Sqlite).await;
}

#[tokio::test]
async fn an_event_can_be_claimed_only_once_on_postgres() {
    an_event_can_be_claimed_only_once(Backend::Postgres).await;
}

async fn the_sync_position_is_saved_per_account_and_overwritten(backend: Backend) {
    let Some((test_db, db)) = open(backend).await else { return };
    db.migrate().await.unwrap();

    assert_eq!(db.sync_token("@bot:a").await.unwrap(), None);
    db.save_sync_token("@bot:a", "s1").await.unwrap();
    db.save_sync_token("@bot:b", "t1").await.unwrap();
    db.save_sync_token("@bot:a", "s2").await.unwrap();

    assert_eq!(db.sync_token("@bot:a").await.unwrap().as_deref(), Some("s2"));
    assert_eq!(db.sync_token("@bot:b").await.unwrap().as_deref(), Some("t1"));
    db.close().await;
    test_db.cleanup().await;
}

#[tokio::test]
async fn the_sync_position_is_saved_per_account_and_overwritten_on_sqlite() {
    the_sync_position_is_saved_per_account_and_overwritten(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_sync_position_is_saved_per_account_and_overwritten_on_postgres() {
    the_sync_position_is_saved_per_account_and_overwritten(Backend::Postgres).await;
}

#[tokio::test]
async fn a_sqlite_file_and_its_folder_are_created_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/peerlink.db");
    let db = Database::connect(&format!("sqlite://{}", path.display()), 1).await.unwrap();
    db.migrate().await.unwrap();
    let Database::Sqlite(pool) = &db else { panic!("a SQLite URL opens SQLite") };
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(pool).await.unwrap();
    assert_eq!(mode, "wal");
    assert!(path.exists());
    db.close().await;
}

#[tokio::test]
async fn an_unreachable_postgres_server_is_a_clear_error() {
    let err = Database::connect("postgres://postgres@127.0.0.1:1/none", 1).await.unwrap_err();
    assert!(err.to_string().contains("cannot open the database"), "{err}");
}

mod roster {
    use super::*;
    use peerlink::domain::{CountryCode, Delegate, MatrixUserId, Roster, State, Status};
    use peerlink::storage::RosterStore;

    fn sample() -> Roster {
        let mut r = Roster::default();
        for (code, status) in [("MA", Status::FoundingMember), ("PT", Status::Member)] {
            let code = CountryCode::parse(code).unwrap();
            r.add_state(State { code, status, mechanism: Some(format!("Mechanism of {code}")) })
                .unwrap();
        }
        r.add_delegate(Delegate {
            user_id: MatrixUserId::parse("@didh:ma.example").unwrap(),
            state: CountryCode::parse("MA").unwrap(),
            language: Some("fr".into()),
        })
        .unwrap();
        r
    }

    async fn changes_round_trip_with_their_history(backend: Backend) {
        let Some((test_db, db)) = open(backend).await else { return };
        db.migrate().await.unwrap();
        let target = sample();

        db.apply_roster_changes(&Roster::default().diff(&target), "cli:test").await.unwrap();
        let loaded = db.load_roster().await.unwrap();
        let mut next = loaded.clone();
        next.replace_delegate(
            &MatrixUserId::parse("@didh:ma.example").unwrap(),
            MatrixUserId::parse("@new:ma.example").unwrap(),
        )
        .unwrap();
        db.apply_roster_changes(&loaded.diff(&next), "@coord:ma.example").await.unwrap();

        assert_eq!(loaded, target);
        assert_eq!(db.load_roster().await.unwrap(), next);
        let history = db.roster_history(10).await.unwrap();
        assert_eq!(history.len(), 5, "{history:?}");
        assert_eq!(history[0].actor, "@coord:ma.example");
        assert_eq!(history[0].action, "add_delegate");
        assert_eq!(history[0].user_id.as_deref(), Some("@new:ma.example"));
        assert_eq!(history[1].action, "remove_delegate");
        db.close().await;
        test_db.cleanup().await;
    }

    #[tokio::test]
    async fn changes_round_trip_with_their_history_on_sqlite() {
        changes_round_trip_with_their_history(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn changes_round_trip_with_their_history_on_postgres() {
        changes_round_trip_with_their_history(Backend::Postgres).await;
    }

    async fn a_stale_change_set_is_refused_whole(backend: Backend) {
        let Some((test_db, db)) = open(backend).await else { return };
        db.migrate().await.unwrap();
        let target = sample();
        let changes = Roster::default().diff(&target);
        db.apply_roster_changes(&changes, "cli:a").await.unwrap();

        // The same additions again, as from a second admin working on an old copy.
        let err = db.apply_roster_changes(&changes, "cli:b").await.unwrap_err();

        assert!(!err.to_string().is_empty());
        assert_eq!(db.load_roster().await.unwrap(), target);
        assert_eq!(db.roster_history(100).await.unwrap().len(), changes.len());
        db.close().await;
        test_db.cleanup().await;
    }

    #[tokio::test]
    async fn a_stale_change_set_is_refused_whole_on_sqlite() {
        a_stale_change_set_is_refused_whole(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn a_stale_change_set_is_refused_whole_on_postgres() {
        a_stale_change_set_is_refused_whole(Backend::Postgres).await;
    }
}
