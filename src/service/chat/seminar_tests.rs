//! Seminars from chat on a clock the tests move: bad input answered with
//! nothing stored, who may schedule where, one answer per state, the
//! reminders once each (and none for an old version of a moved seminar).

use std::sync::Arc;

use super::tests::{incoming, service};
use super::{ChatService, Effect, Place};
use crate::domain::{RoomKind, Rsvp, DAY_MS};
use crate::service::clock::ManualClock;
use crate::service::scheduler::JobRun;
use crate::service::{Event, Handled};
use crate::storage::{Database, Destination, Outbox, Outgoing, RoomStore, SeminarStore};

/// 2027-03-01T00:00:00Z.
const MARCH_1: i64 = 1_803_859_200_000;

async fn on_clock(clock: &ManualClock) -> (ChatService<Database>, Database) {
    let s =
        service().await.with_clock(Arc::new(clock.clone())).with_public_url("https://pl.example");
    let db = s.store().clone();
    db.save_room(&RoomKind::Plenary, "!plenary").await.unwrap();
    db.save_room(&RoomKind::Regional("latin-america-caribbean".into()), "!latam").await.unwrap();
    db.save_room(&RoomKind::Regional("africa".into()), "!africa").await.unwrap();
    (s, db)
}

async fn say(s: &ChatService<Database>, who: &str, body: &str, room: &str) -> super::Answer {
    let mut msg = incoming(who, body, Place::NetworkRoom);
    msg.room_id = room;
    s.handle(&msg).await.unwrap().expect("an answer")
}

async fn handle_event(
    s: &ChatService<Database>,
    db: &Database,
    who: &str,
    body: &str,
    room: &str,
    id: &str,
) {
    let mut msg = incoming(who, body, Place::NetworkRoom);
    msg.room_id = room;
    msg.event_id = id;
    let event = Event { incoming: msg, reaction: false, ackable: false };
    assert_eq!(s.handle_event(db, &event).await.unwrap(), Handled::Answered, "{body}");
}

#[tokio::test]
async fn every_malformed_date_time_zone_and_duration_gets_a_clear_answer_and_nothing_is_stored() {
    let clock = ManualClock::at(MARCH_1);
    let (s, db) = on_clock(&clock).await;
    let cases = [
        ("2027-02-30 10:00 UTC", "", "does not exist in the calendar"),
        ("2027-13-01 10:00 UTC", "", "does not exist in the calendar"),
        ("2027/03/15 10:00 UTC", "", "is not a date"),
        ("15-03-2027 10:00 UTC", "", "is not a date"),
        ("2027-03-15 25:00 UTC", "", "is not a time"),
        ("2027-03-15 9am UTC", "", "is not a time"),
        ("2027-03-15 10:60 UTC", "", "is not a time"),
        ("2027-03-15 10:00 Europe/Lisbn", "", "Did you mean `Europe/Lisbon`"),
        ("2027-03-15 10:00 Mars/Olympus", "", "is not a time zone I know"),
        ("2027-03-28 01:30 Europe/Lisbon", "", "the clocks skip it"),
        ("2027-10-31 01:30 Europe/Lisbon", "", "happens twice"),
        ("2026-01-15 10:00 UTC", "", "has already passed"),
        ("2027-03-15 10:00 UTC", "--duration 0m", "more than zero"),
        ("2027-03-15 10:00 UTC", "--duration 10d", "is not a duration"),
        ("2027-03-15 10:00 UTC", "--duration 9h60", "is not a duration"),
        ("2027-03-15 10:00 UTC", "--duration 200h", "at most 7 days"),
        ("2027-03-15 10:00 UTC", "--link javascript:alert(1)", "is not a web link"),
        ("2027-03-15", "", "Usage"),
    ];
    for (when, options, expected) in cases {
        let body = format!("!seminar add {when} Title {options}");
        let answer = say(&s, "@admin:x.org", &body, "!plenary").await.text.plain;
        assert!(answer.contains(expected), "{body}: {answer}");
        assert!(answer.len() < 600, "short: {answer}");
    }
    assert!(db.list_seminars(0, true, 10).await.unwrap().is_empty(), "nothing stored");
    // The same with good input is stored.
    let ok = say(&s, "@admin:x.org", "!seminar add 2027-03-15 10:00 UTC Title", "!plenary").await;
    assert!(ok.text.plain.contains("#1"), "{}", ok.text.plain);
}

#[tokio::test]
async fn who_may_schedule_where_and_one_answer_per_state() {
    let clock = ManualClock::at(MARCH_1);
    let (s, db) = on_clock(&clock).await;
    let add = "!seminar add 2027-03-15 10:00 America/Asuncion Regional session";
    let refused = say(&s, "@pt:x.org", "!seminar add 2027-03-15 10:00 UTC T", "!plenary").await;
    assert!(refused.text.plain.contains("Only the coordinator"), "{}", refused.text.plain);
    let refused = say(&s, "@pt:x.org", add, "!latam").await;
    assert!(
        refused.text.plain.contains("this region"),
        "PT is not in the region: {}",
        refused.text.plain
    );
    let ok = say(&s, "@cl:x.org", add, "!latam").await;
    assert!(ok.text.plain.contains("#1"), "Chile schedules in its region: {}", ok.text.plain);
    let [Effect::Announce { seminar: 1, text }] = ok.effects.as_slice() else { panic!("{ok:?}") };
    assert!(text.plain.contains("Regional peer-learning session #1"), "{}", text.plain);
    assert!(
        text.plain.contains("America/Asuncion") && text.plain.contains("!attend 1"),
        "{}",
        text.plain
    );
    let seminar = db.get_seminar(1).await.unwrap().unwrap();
    assert_eq!(seminar.starts_at, MARCH_1 + 14 * DAY_MS + 13 * 3_600_000, "10:00 at UTC-3");
    assert!(text.plain.contains(&format!("https://pl.example/calendar/{}.ics", seminar.feed_key)));

    say(&s, "@cl:x.org", "!attend 1", "!latam").await;
    say(&s, "@pt:x.org", "!attend 1", "!plenary").await;
    let changed = say(&s, "@pt:x.org", "!decline-seminar 1", "!plenary").await;
    assert!(changed.text.plain.contains("Portugal will not attend"), "{}", changed.text.plain);
    let stranger = say(&s, "@z:x.org", "!attend 1", "!plenary").await;
    assert!(stranger.text.plain.contains("Only delegates"), "{}", stranger.text.plain);
    let answers = db.seminar_answers(1).await.unwrap();
    let by_state: Vec<(&str, Rsvp)> =
        answers.iter().map(|a| (a.state.as_str(), a.answer)).collect();
    assert_eq!(
        by_state,
        [("CL", Rsvp::Attend), ("PT", Rsvp::Decline)],
        "one answer per state, the last"
    );
    let shown = say(&s, "@fr:x.org", "!seminar 1", "!plenary").await.text.plain;
    assert!(shown.contains("Attending (1): Chile (CL)"), "{shown}");
    assert!(shown.contains("Not attending (1): Portugal (PT)"), "{shown}");
    let minutes = say(&s, "@cl:x.org", "!minutes 1\nWe agreed on a calendar.", "!latam").await;
    assert!(minutes.text.plain.contains("not started yet"), "{}", minutes.text.plain);
}

#[tokio::test]
async fn reminders_come_once_each_and_a_moved_seminar_keeps_only_its_new_ones() {
    let clock = ManualClock::at(MARCH_1);
    let (s, db) = on_clock(&clock).await;
    handle_event(
        &s,
        &db,
        "@ma:x.org",
        "!seminar add 2027-03-15 10:00 UTC Second seminar",
        "!plenary",
        "$a",
    )
    .await;
    let run_due = || async {
        let mut spoke = Vec::new();
        for job in s.due_scheduled(&db, 100).await.unwrap() {
            if let JobRun::Done { messages, .. } = s.run_scheduled(&db, &job).await.unwrap() {
                spoke.push((job.key.clone(), messages));
            }
        }
        spoke
    };
    clock.set(MARCH_1 + 7 * DAY_MS + 10 * 3_600_000); // 7 days before
    assert_eq!(run_due().await, [("seminar:1:0:7d".to_owned(), 1)]);
    // Moved to the 16th: sequence 1; the old 1-day reminder says nothing.
    handle_event(&s, &db, "@ma:x.org", "!seminar move 1 2027-03-16 10:00 UTC", "!plenary", "$m")
        .await;
    clock.set(MARCH_1 + 13 * DAY_MS + 10 * 3_600_000);
    // The moved seminar's week-ahead reminder (9 March) is five days late
    // by now: skipped; the old version's 1-day reminder: silent.
    let expected = [("seminar:1:1:7d".to_owned(), 0), ("seminar:1:0:1d".to_owned(), 0)];
    assert_eq!(run_due().await, expected);
    clock.set(MARCH_1 + 14 * DAY_MS + 10 * 3_600_000);
    assert_eq!(
        run_due().await,
        [("seminar:1:0:1h".to_owned(), 0), ("seminar:1:1:1d".to_owned(), 1)]
    );
    clock.set(MARCH_1 + 15 * DAY_MS + 9 * 3_600_000);
    assert_eq!(run_due().await, [("seminar:1:1:1h".to_owned(), 1)]);
    assert!(run_due().await.is_empty(), "once");
    let posts: Vec<String> = db
        .pending(100)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.item {
            Outgoing::Message { to: Destination::Room { room_kind, .. }, plain, .. }
                if room_kind == "plenary" =>
            {
                Some(plain)
            }
            _ => None,
        })
        .collect();
    assert_eq!(posts.len(), 4, "the move's notice and three reminders: {posts:#?}");
    assert!(posts[3].contains("In one hour") && posts[3].contains("Mar 16"), "{}", posts[3]);
    clock.set(MARCH_1 + 15 * DAY_MS + 11 * 3_600_000);
    say(&s, "@cl:x.org", "!request membership Set up a mechanism", "!plenary").await;
    let minutes = "!minutes 1\nThe action plan was adopted; support to Chile agreed (#1, #99).";
    let saved = say(&s, "@admin:x.org", minutes, "!plenary").await.text.plain;
    assert!(
        saved.contains("are stored") && saved.contains("requests it discusses: #1;"),
        "{saved}"
    );
    let stored = db.get_seminar(1).await.unwrap().unwrap().minutes.unwrap_or_default();
    assert!(stored.starts_with("The action plan was adopted"), "{stored}");
    assert_eq!(db.seminar_requests(1).await.unwrap(), [1], "#99 does not exist");
    let status = say(&s, "@pt:x.org", "!status 1", "!plenary").await.text.plain;
    assert!(status.contains("Discussed at seminar #1 “Second seminar”"), "{status}");
}

#[tokio::test]
async fn a_cancelled_seminar_is_said_so_kept_and_refuses_answers() {
    let clock = ManualClock::at(MARCH_1);
    let (s, db) = on_clock(&clock).await;
    say(&s, "@admin:x.org", "!seminar add 2027-03-15 10:00 UTC Network seminar", "!plenary").await;
    let refused = say(&s, "@cl:x.org", "!seminar cancel 1", "!plenary").await.text.plain;
    assert!(refused.contains("Only the coordinator"), "{refused}");
    let cancelled = say(&s, "@admin:x.org", "!seminar cancel 1", "!plenary").await;
    assert!(cancelled.text.plain.contains("called off"), "{}", cancelled.text.plain);
    let [Effect::Post { room: RoomKind::Plenary, text }] = cancelled.effects.as_slice() else {
        panic!("{cancelled:?}")
    };
    assert!(text.plain.contains("Network seminar"), "{}", text.plain);
    let stored = db.get_seminar(1).await.unwrap().unwrap();
    assert!(stored.cancelled && stored.sequence == 1, "{stored:?}");
    assert!(db.list_seminars(0, false, 10).await.unwrap().is_empty(), "not among the coming ones");
    assert_eq!(db.list_seminars(0, true, 10).await.unwrap().len(), 1, "kept for the calendar");
    let answer = say(&s, "@cl:x.org", "!attend 1", "!plenary").await.text.plain;
    assert!(answer.contains("called off"), "{answer}");
    assert!(db.seminar_answers(1).await.unwrap().is_empty());
    let again = say(&s, "@admin:x.org", "!seminar cancel 1", "!plenary").await.text.plain;
    assert!(again.contains("called off"), "{again}");
    assert_eq!(db.get_seminar(1).await.unwrap().unwrap().sequence, 1, "cancelled once");
}
