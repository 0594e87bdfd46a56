//! Scheduled jobs on both backends: scheduled once per key, due in order,
//! finished once even when two units of work race for the same job.

mod common;

use common::{Backend, TestDb};
use peerlink::storage::{Database, JobStore};

async fn a_job_is_scheduled_once_found_when_due_and_finished_once(backend: Backend) {
    let Some(test_db) = TestDb::create(backend).await else { return };
    let db = Database::connect_and_migrate(&test_db.url, 3).await.unwrap();

    assert!(db.schedule_job("command", "$b", 2_000, "{\"n\":2}").await.unwrap());
    assert!(db.schedule_job("command", "$a", 1_000, "{\"n\":1}").await.unwrap());
    assert!(db.schedule_job("command", "$c", 2_000, "{\"n\":3}").await.unwrap());
    assert!(!db.schedule_job("command", "$a", 5, "{}").await.unwrap(), "one job per key");

    assert_eq!(db.next_due().await.unwrap(), Some(1_000));
    assert!(db.due_jobs(999, 10).await.unwrap().is_empty(), "nothing is due yet");
    let due = db.due_jobs(2_000, 10).await.unwrap();
    let keys: Vec<&str> = due.iter().map(|j| j.key.as_str()).collect();
    assert_eq!(keys, ["$a", "$b", "$c"], "by due time, then in the order scheduled");
    assert_eq!(due[0].payload, "{\"n\":1}");

    // Two units of work take the same job: only the first commit does it.
    let (first, second) = (db.begin().await.unwrap(), db.begin().await.unwrap());
    assert!(first.finish_job(due[0].id).await.unwrap());
    first.commit().await.unwrap();
    let again = second.finish_job(due[0].id).await;
    assert!(!again.unwrap_or(false), "a job is finished once");
    let _ = second.rollback().await;

    // A unit of work rolled back leaves the job to do.
    let tx = db.begin().await.unwrap();
    assert!(tx.finish_job(due[1].id).await.unwrap());
    tx.rollback().await.unwrap();
    let left: Vec<String> =
        db.due_jobs(i64::MAX, 10).await.unwrap().into_iter().map(|j| j.key).collect();
    assert_eq!(left, ["$b", "$c"]);
    assert_eq!(db.next_due().await.unwrap(), Some(2_000));
    db.close().await;
    test_db.cleanup().await;
}

#[tokio::test]
async fn a_job_is_scheduled_once_found_when_due_and_finished_once_on_sqlite() {
    a_job_is_scheduled_once_found_when_due_and_finished_once(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_job_is_scheduled_once_found_when_due_and_finished_once_on_postgres() {
    a_job_is_scheduled_once_found_when_due_and_finished_once(Backend::Postgres).await;
}
