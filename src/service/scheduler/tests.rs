//! The scheduler on a clock the tests move: each reminder once per
//! threshold, in the right thread, calling the right people; late ones say
//! so; nothing runs twice.

use std::sync::Arc;

use super::JobRun;
use crate::domain::DAY_MS;
use crate::service::chat::tests::{incoming, service};
use crate::service::clock::ManualClock;
use crate::service::{ChatService, Event, Handled, Place};
use crate::storage::{Database, Destination, Outbox, Outgoing};

/// A service reading `clock`, with CL (observer), MA (coordinator,
/// committee) and PT (committee) delegates.
async fn on_clock(clock: &ManualClock) -> (ChatService<Database>, Database) {
    let s = service().await.with_clock(Arc::new(clock.clone()));
    let db = s.store().clone();
    (s, db)
}

async fn say(
    s: &ChatService<Database>,
    db: &Database,
    who: &str,
    body: &str,
    place: Place,
    id: &str,
) {
    let mut incoming = incoming(who, body, place);
    incoming.event_id = id;
    let event = Event { incoming, reaction: false, ackable: false };
    assert_eq!(s.handle_event(db, &event).await.unwrap(), Handled::Answered, "{body}");
}

/// Runs every job due now; how each ended.
async fn run_due(s: &ChatService<Database>, db: &Database) -> Vec<JobRun> {
    let mut runs = Vec::new();
    for job in s.due_scheduled(db, 100).await.unwrap() {
        runs.push(s.run_scheduled(db, &job).await.unwrap());
        // Running it again (a second instance, a replay) does nothing.
        assert_eq!(s.run_scheduled(db, &job).await.unwrap(), JobRun::Before);
    }
    runs
}

/// The reminders in the outbox: (destination, text, mentions).
async fn reminders(db: &Database) -> Vec<(Destination, String, Vec<String>)> {
    db.pending(1_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.event_id.starts_with("job:"))
        .filter_map(|e| match e.item {
            Outgoing::Message { to, plain, mentions, .. } => Some((to, plain, mentions)),
            _ => None,
        })
        .collect()
}

fn done(messages: usize) -> JobRun {
    JobRun::Done { messages, late: false }
}

#[tokio::test]
async fn each_threshold_reminds_once_in_the_card_thread_calling_the_right_people() {
    let clock = ManualClock::at(crate::storage::now_ms());
    let (s, db) = on_clock(&clock).await;
    say(&s, &db, "@cl:x.org", "!request membership Set up a mechanism", Place::NetworkRoom, "$f")
        .await;
    let card = Destination::CardThread { request: 1 };

    clock.advance(7 * DAY_MS - 1_000);
    assert!(run_due(&s, &db).await.is_empty(), "nothing before the acknowledge target");
    clock.advance(2_000);
    assert_eq!(run_due(&s, &db).await, [done(1)]);
    let sent = reminders(&db).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].0, card);
    assert!(sent[0].1.contains("#1") && sent[0].1.contains("7 days"), "{}", sent[0].1);
    assert_eq!(sent[0].2, ["@ma:x.org", "@pt:x.org"], "the committee's delegates");
    assert!(sent[0].1.contains("@ma:x.org, @pt:x.org"), "named in the text too: {}", sent[0].1);
    assert!(run_due(&s, &db).await.is_empty(), "once");

    clock.advance(7 * DAY_MS);
    assert_eq!(run_due(&s, &db).await, [done(1)]);
    let sent = reminders(&db).await;
    assert_eq!(sent.len(), 2);
    assert_eq!((&sent[1].0, &sent[1].2), (&card, &vec!["@ma:x.org".to_owned()]), "coordinator");
    assert!(sent[1].1.contains("twice"), "{}", sent[1].1);

    // Acknowledged and assigned to Portugal: the resolve target calls PT.
    say(&s, &db, "@pt:x.org", "!ack 1", Place::Committee, "$a").await;
    say(&s, &db, "@pt:x.org", "!accept 1 PT", Place::Committee, "$b").await;
    clock.advance(76 * DAY_MS); // day 90
    assert_eq!(run_due(&s, &db).await, [done(1)]);
    let sent = reminders(&db).await;
    assert_eq!(sent.len(), 3);
    assert_eq!((&sent[2].0, &sent[2].2), (&card, &vec!["@pt:x.org".to_owned()]), "assignee");
    assert!(sent[2].1.contains("assigned to Portugal"), "{}", sent[2].1);

    clock.advance(90 * DAY_MS); // day 180: twice the resolve target
    assert_eq!(run_due(&s, &db).await, [done(1)]);
    let sent = reminders(&db).await;
    assert_eq!(sent.len(), 4);
    assert_eq!(sent[3].2, ["@ma:x.org"], "the coordinator is called in");
    clock.advance(1_000 * DAY_MS);
    assert!(run_due(&s, &db).await.is_empty(), "four thresholds, four reminders, no more");
    assert_eq!(reminders(&db).await.len(), 4);
}

#[tokio::test]
async fn a_request_that_moved_on_is_not_reminded_and_a_reopened_one_starts_a_new_round() {
    let clock = ManualClock::at(crate::storage::now_ms());
    let (s, db) = on_clock(&clock).await;
    say(&s, &db, "@cl:x.org", "!request membership Help", Place::NetworkRoom, "$f").await;
    say(&s, &db, "@pt:x.org", "!ack 1", Place::Committee, "$a").await;
    clock.advance(15 * DAY_MS);
    let late = JobRun::Done { messages: 0, late: true };
    assert_eq!(run_due(&s, &db).await, [late.clone(), late], "acknowledged in time: silent");
    say(&s, &db, "@pt:x.org", "!decline 1 out of scope", Place::Committee, "$d").await;
    say(&s, &db, "@pt:x.org", "!reopen 1 new facts", Place::Committee, "$r").await;
    clock.advance(100 * DAY_MS);
    let runs = run_due(&s, &db).await;
    let messages: Vec<usize> = runs
        .iter()
        .map(|r| match r {
            JobRun::Done { messages, .. } => *messages,
            JobRun::Before => 99,
        })
        .collect();
    // By due time: round 1's acknowledge (day 22) and its escalation (day
    // 29) speak, round 0's resolve (day 90) is silent (a new round began),
    // round 1's resolve (day 105) speaks: the request is open again.
    assert_eq!(messages, [1, 1, 0, 1], "{runs:?}");
    let sent = reminders(&db).await;
    assert_eq!(sent.len(), 3, "{sent:#?}");
    assert!(sent.iter().all(|(_, text, _)| text.contains("#1")));
}

#[tokio::test]
async fn a_job_missed_during_an_outage_runs_once_at_start_and_says_it_is_late() {
    let clock = ManualClock::at(crate::storage::now_ms());
    let (s, db) = on_clock(&clock).await;
    say(&s, &db, "@cl:x.org", "!request membership Help", Place::NetworkRoom, "$f").await;
    // Down from day 6 to day 10: the acknowledge reminder (day 7) is missed.
    clock.advance(10 * DAY_MS);
    let runs = run_due(&s, &db).await;
    assert_eq!(runs, [JobRun::Done { messages: 1, late: true }], "once, marked late");
    let sent = reminders(&db).await;
    assert!(sent[0].1.contains("was due on") && sent[0].1.contains("10 days"), "{}", sent[0].1);
    assert!(run_due(&s, &db).await.is_empty());
}
