//! The weekly digests on a clock the tests move: once a week at the
//! configured local time across both changes of summer time, to the right
//! rooms with the right content, silent with nothing to say, marked late
//! within a day and skipped beyond.

use std::sync::Arc;

use chrono::{Datelike, Timelike, Weekday};

use super::JobRun;
use crate::config::load_network;
use crate::domain::{when, Network, DAY_MS};
use crate::service::chat::tests::{incoming, service_on};
use crate::service::clock::{Clock, ManualClock};
use crate::service::{ChatService, Event, Handled, Place};
use crate::storage::{Database, Destination, JobStore, Outbox, Outgoing};

/// The default network on Lisbon's clock, digests on Mondays at 09:00.
fn lisbon() -> Network {
    let mut network = load_network(None).unwrap();
    network.time_zone = chrono_tz::Europe::Lisbon;
    network.digest = Some(when::parse_weekly("monday 09:00").unwrap());
    network
}

async fn on(clock: &ManualClock) -> (ChatService<Database>, Database) {
    let s = service_on(lisbon()).await.with_clock(Arc::new(clock.clone()));
    let db = s.store().clone();
    s.schedule_next_digest(&db).await.unwrap();
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

/// Runs the jobs due now; the digests among them, with their due times.
async fn run_due(s: &ChatService<Database>, db: &Database) -> Vec<(i64, JobRun)> {
    let mut runs = Vec::new();
    for job in s.due_scheduled(db, 100).await.unwrap() {
        let run = s.run_scheduled(db, &job).await.unwrap();
        if job.kind == super::DIGEST_JOB {
            runs.push((job.due_at, run));
        }
    }
    runs
}

/// The digests in the outbox: (room kind and key, text).
async fn digests(db: &Database) -> Vec<(String, String)> {
    db.pending(1_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.event_id.starts_with("job:digest:"))
        .filter_map(|e| match e.item {
            Outgoing::Message { to: Destination::Room { room_kind, room_key }, plain, .. } => {
                Some((format!("{room_kind}/{room_key}"), plain))
            }
            _ => None,
        })
        .collect()
}

fn ms(rfc3339: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339).unwrap().timestamp_millis()
}

#[tokio::test]
async fn a_weekly_digest_fires_once_a_week_at_nine_in_lisbon_across_both_changes_of_time() {
    let clock = ManualClock::at(ms("2027-01-01T00:00:00Z"));
    let (s, db) = on(&clock).await;
    let mut fired = Vec::new();
    while fired.len() < 52 {
        let next = db.next_due().await.unwrap().expect("a digest is always scheduled");
        clock.set(next - 1);
        assert!(run_due(&s, &db).await.is_empty(), "nothing a millisecond early");
        clock.set(next);
        let runs = run_due(&s, &db).await;
        assert_eq!(runs.len(), 1, "one digest at a time: {runs:?}");
        assert_eq!(runs[0].1, JobRun::Done { messages: 0, late: false }, "nothing to say");
        fired.push(runs[0].0);
        clock.advance(30 * 60_000);
        assert!(run_due(&s, &db).await.is_empty(), "once");
    }
    for at in &fired {
        let local =
            when::local(chrono::DateTime::from_timestamp_millis(*at).unwrap(), lisbon().time_zone);
        assert_eq!(
            (local.weekday(), local.hour(), local.minute()),
            (Weekday::Mon, 9, 0),
            "{local}"
        );
    }
    // Around the changes: 09:00 is 09:00 UTC in winter, 08:00 UTC in summer.
    assert!(fired.contains(&ms("2027-03-22T09:00:00Z")), "the Monday before the March change");
    assert!(fired.contains(&ms("2027-03-29T08:00:00Z")), "the Monday after it");
    assert!(fired.contains(&ms("2027-10-25T08:00:00Z")), "the Monday before the October change");
    assert!(fired.contains(&ms("2027-11-01T09:00:00Z")), "the Monday after it");
    assert!(fired.windows(2).all(|w| w[1] > w[0]), "no Monday twice");
    assert_eq!(fired.first(), Some(&ms("2027-01-04T09:00:00Z")));
    assert_eq!(fired.last(), Some(&ms("2027-12-27T09:00:00Z")), "52 Mondays of 2027, each once");
    assert!(digests(&db).await.is_empty(), "nothing posted with nothing to say");
}

#[tokio::test]
async fn the_committee_hears_what_waits_and_the_rooms_hear_what_was_delivered() {
    let clock = ManualClock::at(crate::storage::now_ms());
    let (s, db) = on(&clock).await;
    say(&s, &db, "@cl:x.org", "!request membership Set up a mechanism", Place::NetworkRoom, "$f")
        .await;
    let first = db.next_due().await.unwrap().unwrap();
    clock.set(first);
    assert_eq!(run_due(&s, &db).await, [(first, JobRun::Done { messages: 1, late: false })]);
    let sent = digests(&db).await;
    assert_eq!(sent.len(), 1, "{sent:#?}");
    assert_eq!(sent[0].0, "committee/");
    assert!(sent[0].1.contains("New requests this week (1)"), "{}", sent[0].1);
    assert!(
        sent[0].1.contains("Waiting for acknowledgement (1)") && sent[0].1.contains("#1 Chile"),
        "{}",
        sent[0].1
    );

    for (i, step) in
        ["!ack 1", "!accept 1 PT", "!start 1", "!resolve 1 delivered Two workshops held"]
            .into_iter()
            .enumerate()
    {
        say(&s, &db, "@pt:x.org", step, Place::Committee, &format!("$s{i}")).await;
    }
    let jobs = db.due_jobs(i64::MAX, 100).await.unwrap();
    let second = jobs.iter().find(|j| j.kind == super::DIGEST_JOB).unwrap().due_at;
    clock.set(second + 2 * 60 * 60_000); // two hours late: posted, and says so
    let runs = run_due(&s, &db).await;
    assert_eq!(runs, [(second, JobRun::Done { messages: 3, late: true })], "{runs:?}");
    let sent = digests(&db).await;
    let rooms: Vec<&str> = sent[1..].iter().map(|(room, _)| room.as_str()).collect();
    assert_eq!(rooms, ["committee/", "plenary/", "regional/latin-america-caribbean"]);
    assert!(sent[1].1.contains("Decided this week (1)"), "{}", sent[1].1);
    assert!(!sent[1].1.contains("Waiting"), "{}", sent[1].1);
    assert!(
        sent[2].1.contains("Two workshops held") && sent[2].1.contains("#1 Chile"),
        "{}",
        sent[2].1
    );
    assert!(sent.iter().skip(1).all(|(_, text)| text.contains("was due on")), "{sent:#?}");
}

#[tokio::test]
async fn a_digest_more_than_a_day_late_is_skipped_and_the_next_one_is_on_time() {
    let clock = ManualClock::at(crate::storage::now_ms());
    let (s, db) = on(&clock).await;
    say(&s, &db, "@cl:x.org", "!request membership Help", Place::NetworkRoom, "$f").await;
    let due = db.next_due().await.unwrap().unwrap();
    clock.set(due + 3 * DAY_MS); // a three-day outage over the digest's time
    let runs = run_due(&s, &db).await;
    assert_eq!(runs, [(due, JobRun::Done { messages: 0, late: true })], "skipped, once");
    assert!(digests(&db).await.is_empty());
    let jobs = db.due_jobs(i64::MAX, 100).await.unwrap();
    let next: Vec<i64> =
        jobs.iter().filter(|j| j.kind == super::DIGEST_JOB).map(|j| j.due_at).collect();
    assert_eq!(next, [due + 7 * DAY_MS], "the next digest, a week after the skipped one");
}

#[tokio::test]
async fn every_room_hears_of_the_coming_international_seminar() {
    use crate::domain::RoomKind;
    use crate::storage::RoomStore;
    let clock = ManualClock::at(ms("2027-03-01T00:00:00Z"));
    let (s, db) = on(&clock).await;
    db.save_room(&RoomKind::Plenary, "!plenary").await.unwrap();
    let mut add = incoming(
        "@admin:x.org",
        "!seminar add 2027-03-10 10:00 UTC Network seminar",
        Place::NetworkRoom,
    );
    add.room_id = "!plenary";
    add.event_id = "$s";
    let event = Event { incoming: add, reaction: false, ackable: false };
    assert_eq!(s.handle_event(&db, &event).await.unwrap(), Handled::Answered);
    clock.set(ms("2027-03-01T09:00:00Z")); // Monday, 09:00 in Lisbon (winter time)
    let runs = run_due(&s, &db).await;
    let rooms = 1 + lisbon().regions.regions().len();
    assert_eq!(runs, [(clock.now_ms(), JobRun::Done { messages: rooms, late: false })]);
    let sent = digests(&db).await;
    assert_eq!(sent[0].0, "plenary/");
    assert!(
        sent[0].1.contains("Seminars in the next two weeks (1)")
            && sent[0].1.contains("Network seminar"),
        "{}",
        sent[0].1
    );
    assert!(
        !sent[0].1.contains("Cooperation delivered"),
        "nothing delivered, no such section: {}",
        sent[0].1
    );
    assert!(sent.iter().all(|(_, text)| text.contains("#1")), "{sent:#?}");
}

#[tokio::test]
async fn the_weeks_offers_reach_the_plenary_and_the_offering_states_region() {
    let clock = ManualClock::at(ms("2027-03-01T00:00:00Z"));
    let (s, db) = on(&clock).await;
    let mut offer = incoming(
        "@pt:x.org",
        "!offer capacity-building Training on tracking databases",
        Place::NetworkRoom,
    );
    offer.event_id = "$o";
    let event = Event { incoming: offer, reaction: false, ackable: false };
    assert_eq!(s.handle_event(&db, &event).await.unwrap(), Handled::Answered);
    clock.set(ms("2027-03-01T09:00:00Z"));
    let runs = run_due(&s, &db).await;
    assert_eq!(runs, [(clock.now_ms(), JobRun::Done { messages: 2, late: false })]);
    let sent = digests(&db).await;
    let rooms: Vec<&str> = sent.iter().map(|(room, _)| room.as_str()).collect();
    assert_eq!(rooms, ["plenary/", "regional/western-europe-others"]);
    for (_, text) in &sent {
        assert!(text.contains("published this week (1)") && text.contains("#1 Portugal"), "{text}");
    }
}
