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

mod requests {
    use super::*;
    use peerlink::domain::{
        CountryCode, NewRequest, Outcome, OutcomeResult, RequestState as S, Transition,
    };
    use peerlink::storage::{RequestFilter, RequestStore, Step};

    fn new_request(state: &str, category: &str, event: &str) -> NewRequest {
        NewRequest {
            requesting_state: CountryCode::parse(state).unwrap(),
            region: Some("africa".into()),
            category: category.into(),
            title: "Support to set up a mechanism".into(),
            description: "We would like <b>help</b>.".into(),
            language: "fr".into(),
            requester: format!("@delegate:{}.example", state.to_lowercase()),
            source_room: "!plenary".into(),
            source_event: event.into(),
            created_at: peerlink::storage::now_ms(),
        }
    }

    fn step(action: &str, from: S, to: S, reason: Option<&str>) -> Transition {
        Transition {
            at: 1_000,
            actor: "@pt:pt.example".into(),
            actor_state: CountryCode::parse("PT").ok(),
            action: action.into(),
            from: Some(from),
            to,
            reason: reason.map(str::to_owned),
            event_id: Some(format!("$event-{action}")),
        }
    }

    async fn a_request_goes_through_its_lifecycle_with_every_step_recorded(backend: Backend) {
        let Some((test_db, db)) = open(backend).await else { return };
        db.migrate().await.unwrap();
        let (request, created) =
            db.create_request(&new_request("MA", "membership", "$src1")).await.unwrap();
        let (again, created_again) =
            db.create_request(&new_request("MA", "membership", "$src1")).await.unwrap();
        assert!(created && !created_again);
        assert_eq!(again.id, request.id);
        assert_eq!(request.state, S::Submitted);
        db.set_card(request.id, "!committee", "$card1").await.unwrap();

        let outcome = Outcome {
            result: OutcomeResult::PartlyDelivered,
            summary: "Two workshops held".into(),
            lessons: Some("Start earlier".into()),
            delivered_by: Some("PT".into()),
        };
        let steps = [
            (step("ack", S::Submitted, S::Acknowledged, None), None, None),
            (step("info", S::Acknowledged, S::NeedsInfo, Some("Which dates?")), None, None),
            (step("answer", S::NeedsInfo, S::Acknowledged, Some("March")), None, None),
            (step("accept", S::Acknowledged, S::Accepted, Some("PT")), Some("PT"), None),
            (step("start", S::Accepted, S::InProgress, None), None, None),
            (
                step("resolve", S::InProgress, S::Resolved, Some("Two workshops held")),
                None,
                Some(&outcome),
            ),
        ];
        for (t, assignee, outcome) in &steps {
            db.apply_step(
                request.id,
                Step { transition: t, assignee: *assignee, outcome: *outcome },
            )
            .await
            .unwrap();
        }

        let stored = db.find_request_by_event("$card1").await.unwrap().unwrap();
        assert_eq!(stored.state, S::Resolved);
        assert_eq!(stored.assignee.as_deref(), Some("PT"));
        assert_eq!(stored.description, "We would like <b>help</b>.");
        let history = db.transitions(request.id).await.unwrap();
        let actions: Vec<&str> = history.iter().map(|t| t.action.as_str()).collect();
        assert_eq!(actions, ["submit", "ack", "info", "answer", "accept", "start", "resolve"]);
        assert_eq!(history[2].reason.as_deref(), Some("Which dates?"));
        assert_eq!(history[2].event_id.as_deref(), Some("$event-info"));
        assert_eq!(db.outcome(request.id).await.unwrap(), Some(outcome));
        db.close().await;
        test_db.cleanup().await;
    }

    #[tokio::test]
    async fn a_request_goes_through_its_lifecycle_with_every_step_recorded_on_sqlite() {
        a_request_goes_through_its_lifecycle_with_every_step_recorded(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn a_request_goes_through_its_lifecycle_with_every_step_recorded_on_postgres() {
        a_request_goes_through_its_lifecycle_with_every_step_recorded(Backend::Postgres).await;
    }

    async fn a_step_from_a_stale_state_is_refused_and_changes_nothing(backend: Backend) {
        let Some((test_db, db)) = open(backend).await else { return };
        db.migrate().await.unwrap();
        let (request, _) =
            db.create_request(&new_request("CL", "capacity-building", "$src")).await.unwrap();
        let ack = step("ack", S::Submitted, S::Acknowledged, None);
        db.apply_step(request.id, Step { transition: &ack, assignee: None, outcome: None })
            .await
            .unwrap();

        // A second committee member acknowledging the same request at the same time.
        let err = db
            .apply_step(request.id, Step { transition: &ack, assignee: None, outcome: None })
            .await;

        assert!(matches!(err, Err(peerlink::storage::StorageError::Conflict(_))), "{err:?}");
        assert_eq!(db.transitions(request.id).await.unwrap().len(), 2);
        assert_eq!(db.get_request(request.id).await.unwrap().unwrap().state, S::Acknowledged);
        db.close().await;
        test_db.cleanup().await;
    }

    #[tokio::test]
    async fn a_step_from_a_stale_state_is_refused_and_changes_nothing_on_sqlite() {
        a_step_from_a_stale_state_is_refused_and_changes_nothing(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn a_step_from_a_stale_state_is_refused_and_changes_nothing_on_postgres() {
        a_step_from_a_stale_state_is_refused_and_changes_nothing(Backend::Postgres).await;
    }

    async fn listings_filter_by_state_requester_and_category(backend: Backend) {
        let Some((test_db, db)) = open(backend).await else { return };
        db.migrate().await.unwrap();
        for (i, (state, category)) in
            [("MA", "membership"), ("CL", "membership"), ("MA", "peer-exchange")].iter().enumerate()
        {
            db.create_request(&new_request(state, category, &format!("$e{i}"))).await.unwrap();
        }
        let decline = step("decline", S::Submitted, S::Declined, Some("Out of scope"));
        db.apply_step(1, Step { transition: &decline, assignee: None, outcome: None })
            .await
            .unwrap();
        let ids = |requests: Vec<peerlink::domain::Request>| {
            requests.iter().map(|r| r.id).collect::<Vec<_>>()
        };

        let all = db.list_requests(&RequestFilter::default()).await.unwrap();
        let open_ = db
            .list_requests(&RequestFilter { open_only: true, ..Default::default() })
            .await
            .unwrap();
        let ma =
            RequestFilter { requesting_state: CountryCode::parse("MA").ok(), ..Default::default() };
        let membership =
            RequestFilter { category: Some("membership".into()), limit: 1, ..Default::default() };

        assert_eq!(ids(all), [3, 2, 1]);
        assert_eq!(ids(open_), [3, 2]);
        assert_eq!(ids(db.list_requests(&ma).await.unwrap()), [3, 1]);
        assert_eq!(ids(db.list_requests(&membership).await.unwrap()), [2]);
        db.close().await;
        test_db.cleanup().await;
    }

    #[tokio::test]
    async fn listings_filter_by_state_requester_and_category_on_sqlite() {
        listings_filter_by_state_requester_and_category(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn listings_filter_by_state_requester_and_category_on_postgres() {
        listings_filter_by_state_requester_and_category(Backend::Postgres).await;
    }
}

mod units_of_work {
    use super::*;
    use peerlink::domain::{CountryCode, NewRequest};
    use peerlink::storage::{Destination, Outbox, Outgoing, RequestStore, Retry};

    fn filing(event: &str) -> NewRequest {
        NewRequest {
            requesting_state: CountryCode::parse("CL").unwrap(),
            region: Some("latin-america-caribbean".into()),
            category: "membership".into(),
            title: "Help".into(),
            description: String::new(),
            language: "en".into(),
            requester: "@cl:x.org".into(),
            source_room: "!plenary".into(),
            source_event: event.into(),
            created_at: peerlink::storage::now_ms(),
        }
    }

    fn reply(text: &str) -> Outgoing {
        Outgoing::Message {
            to: Destination::Reply { room: "!r".into(), event: "$e".into(), thread: None },
            plain: text.into(),
            html: text.into(),
            mentions: Vec::new(),
        }
    }

    /// Claim, domain change and outbox commit together, or vanish together.
    async fn a_unit_of_work_commits_or_rolls_back_as_a_whole(backend: Backend) {
        let Some((test_db, db)) = open(backend).await else { return };
        db.migrate().await.unwrap();

        // Rolled back (as by a crash before the commit): nothing is left.
        let tx = db.begin().await.unwrap();
        assert_eq!(
            tx.claim_event("$a", "!r", "@cl:x.org", "command").await.unwrap(),
            EventClaim::New
        );
        tx.create_request(&filing("$a")).await.unwrap();
        tx.enqueue("$a", &[reply("filed"), Outgoing::Reconcile]).await.unwrap();
        // Reads in the unit of work see its own writes.
        assert_eq!(tx.pending(10).await.unwrap().len(), 2);
        tx.clone().rollback().await.unwrap();
        assert!(tx.pending(10).await.is_err(), "an ended unit of work refuses queries");
        assert!(db.find_request_by_event("$a").await.unwrap().is_none());
        assert!(db.pending(10).await.unwrap().is_empty());
        assert_eq!(db.claim_event("$a", "!r", "@cl:x.org", "x").await.unwrap(), EventClaim::New);

        // Committed: all of it, and a second claim of the event is refused.
        let tx = db.begin().await.unwrap();
        assert_eq!(
            tx.claim_event("$b", "!r", "@cl:x.org", "command").await.unwrap(),
            EventClaim::New
        );
        let (request, created) = tx.create_request(&filing("$b")).await.unwrap();
        assert!(created);
        tx.enqueue(
            "$b",
            &[
                reply("filed"),
                Outgoing::Message {
                    to: Destination::Card { request: request.id },
                    plain: "card".into(),
                    html: "card".into(),
                    mentions: Vec::new(),
                },
            ],
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert!(db.find_request_by_event("$b").await.unwrap().is_some());
        assert_eq!(
            db.claim_event("$b", "!r", "@cl:x.org", "x").await.unwrap(),
            EventClaim::AlreadyHandled
        );

        // The outbox: oldest first, distinct fixed transaction IDs; sent and
        // given-up items leave the queue.
        let pending = db.pending(10).await.unwrap();
        assert_eq!(pending.len(), 2);
        assert!(pending[0].id < pending[1].id);
        assert_eq!(pending[0].item, reply("filed"));
        assert_eq!(pending[1].item.kind(), "card");
        assert_ne!(pending[0].txn_id, pending[1].txn_id);
        db.mark_attempt_failed(pending[0].id, "homeserver unreachable", Retry::InPlace)
            .await
            .unwrap();
        let again = db.pending(10).await.unwrap();
        assert_eq!((again[0].attempts, again[0].txn_id.as_str()), (1, pending[0].txn_id.as_str()));
        db.mark_sent(pending[0].id, Some("$sent")).await.unwrap();
        // Deferred: out of the queue until its time.
        let later = peerlink::storage::now_ms() + 60_000;
        db.mark_attempt_failed(pending[1].id, "remote down", Retry::NotBefore(later))
            .await
            .unwrap();
        assert!(db.pending(10).await.unwrap().is_empty());
        assert_eq!(db.outbox_counts().await.unwrap().pending, 1, "deferred, still pending");
        db.mark_attempt_failed(pending[1].id, "M_FORBIDDEN", Retry::GiveUp).await.unwrap();
        assert!(db.pending(10).await.unwrap().is_empty());
        let counts = db.outbox_counts().await.unwrap();
        assert_eq!((counts.pending, counts.failed, counts.oldest_pending_at), (0, 1, None));
        db.close().await;
        test_db.cleanup().await;
    }

    #[tokio::test]
    async fn a_unit_of_work_commits_or_rolls_back_as_a_whole_on_sqlite() {
        a_unit_of_work_commits_or_rolls_back_as_a_whole(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn a_unit_of_work_commits_or_rolls_back_as_a_whole_on_postgres() {
        a_unit_of_work_commits_or_rolls_back_as_a_whole(Backend::Postgres).await;
    }
}
