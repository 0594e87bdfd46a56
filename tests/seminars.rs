//! A seminar against the real Synapse, on SQLite and PostgreSQL: the
//! coordinator schedules it in the plenary (Lisbon time); three states
//! answer (France changes its answer, Portugal answers with a reaction on
//! the announcement); `!seminar 1` lists them; the 1-hour reminder arrives
//! once; the calendar feed, read with Python's `icalendar`, holds the event
//! at the right instant with a UID that stays the same when it is moved.

mod common;

use std::time::Duration;

use chrono::{DateTime, Duration as Span, DurationRound, Utc};
use common::net::Net;
use common::{eventually, missing, Backend};
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

/// `(date, time)` of `at` on Lisbon's clock.
fn lisbon(at: DateTime<Utc>) -> (String, String) {
    let local = at.with_timezone(&chrono_tz::Europe::Lisbon);
    (local.format("%Y-%m-%d").to_string(), local.format("%H:%M").to_string())
}

/// The events of the feed, as `scripts/check_ics.py` prints them.
async fn feed(url: &str) -> Option<Vec<Value>> {
    let text = reqwest::get(url).await.unwrap().error_for_status().unwrap().text().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.ics");
    std::fs::write(&path, &text).unwrap();
    let venv = std::env::var("PEERLINK_SYNAPSE_VENV")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/.local/synapse-venv").to_owned());
    let python = format!("{venv}/bin/python");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/check_ics.py");
    let out = std::process::Command::new(&python).arg(script).arg(&path).output();
    let out = match out {
        Ok(out) if out.status.success() => out,
        Ok(out) if String::from_utf8_lossy(&out.stderr).contains("No module named") => {
            return missing("Python's icalendar (scripts/synapse.sh install puts it in the venv)");
        }
        Ok(out) => {
            panic!("the feed does not parse:\n{}\n{text}", String::from_utf8_lossy(&out.stderr))
        }
        Err(e) => return missing(&format!("{python} ({e})")),
    };
    let lines = String::from_utf8(out.stdout).unwrap();
    Some(lines.lines().skip(1).map(|l| serde_json::from_str(l).unwrap()).collect())
}

fn token(net: &Net, scope: &str) -> String {
    let made = net.cli(&["token", "new", "--name", scope, "--scope", scope]);
    assert!(made.ok(), "{}", made.text());
    made.stdout.split_whitespace().find(|w| w.starts_with("pl_")).expect("printed").to_owned()
}

async fn a_seminar_gathers_answers_reminds_once_and_reaches_calendars(backend: Backend) {
    let Some(net) = Net::new(backend).await else { return };
    let bot = net.bot_id();
    for c in [&net.ma, &net.pt] {
        c.client.join_room_by_id(&net.plenary).await.unwrap();
    }
    // Starts an hour and a minute or so from now: the 1-hour reminder is due
    // within about a minute.
    let start = (Utc::now() + Span::minutes(61)).duration_trunc(Span::minutes(1)).unwrap();
    let (date, time) = lisbon(start);
    let add = format!(
        "!seminar add {date} {time} Europe/Lisbon Integration seminar --duration 90m --place \"Rabat, DIDH\""
    );
    let sent = net.ma.send_text(&net.plenary, &add).await;
    let reply = net.ma.wait_reply(&net.plenary, &bot, sent.as_str()).await;
    assert!(body(&reply).contains("#1"), "{}", body(&reply));
    let announcement = eventually("the announcement", Duration::from_secs(30), || async {
        net.cl.events(&net.plenary).await.into_iter().find(|e| {
            e["sender"] == bot.as_str()
                && e["content"]["m.relates_to"].is_null()
                && body(e).contains("International seminar #1")
        })
    })
    .await;
    let announced = body(&announcement).to_owned();
    assert!(
        announced.contains("Europe/Lisbon") && announced.contains("Rabat, DIDH"),
        "{announced}"
    );
    let announcement_id = announcement["event_id"].as_str().unwrap().to_owned();

    // Three states answer; France changes its mind; Portugal reacts.
    for (client, command) in
        [(&net.cl, "!attend 1"), (&net.fr, "!attend 1"), (&net.fr, "!decline-seminar 1")]
    {
        let id = client.send_text(&net.plenary, command).await;
        client.wait_reply(&net.plenary, &bot, id.as_str()).await;
    }
    net.pt.react(&net.plenary, &announcement_id, "👍").await;
    let noted = net.wait_thread(&net.cl, &net.plenary, &announcement_id, 1).await;
    assert!(body(&noted[0]).contains("Portugal"), "{}", body(&noted[0]));
    let asked = net.cl.send_text(&net.plenary, "!seminar 1").await;
    let shown = net.cl.wait_reply(&net.plenary, &bot, asked.as_str()).await;
    let shown = body(&shown);
    assert!(shown.contains("Attending (2): Chile (CL), Portugal (PT)"), "{shown}");
    assert!(shown.contains("Not attending (1): France (FR)"), "{shown}");

    // The calendar: a calendar-only token, as a calendar application uses it.
    let base = format!("http://{}", net.bot.http_addr());
    let calendar = token(&net, "calendar");
    let stats = reqwest::Client::new()
        .get(format!("{base}/api/v1/stats"))
        .bearer_auth(&calendar)
        .send()
        .await
        .unwrap();
    assert_eq!(stats.status(), 403, "a calendar token reads the calendar only");
    let url = format!("{base}/api/v1/calendar.ics?token={calendar}");
    let Some(events) = feed(&url).await else { return };
    assert_eq!(events.len(), 1, "{events:?}");
    let uid = events[0]["uid"].as_str().unwrap().to_owned();
    assert_eq!(events[0]["dtstart"], start.format("%Y-%m-%dT%H:%M:%S+00:00").to_string());
    assert_eq!(events[0]["sequence"], 0);
    assert_eq!(events[0]["location"], "Rabat, DIDH");
    // The announcement's own link gives the same event.
    let link =
        announced.split_whitespace().find(|w| w.contains("/calendar/")).expect("a calendar link");
    let own = feed(link).await.unwrap();
    assert_eq!(own[0]["uid"], uid.as_str());

    // The 1-hour reminder, once.
    let reminder = |events: Vec<Value>| -> usize {
        events
            .iter()
            .filter(|e| e["sender"] == bot.as_str() && body(e).contains("In one hour"))
            .count()
    };
    eventually("the 1-hour reminder", Duration::from_secs(120), || async {
        (reminder(net.cl.events(&net.plenary).await) >= 1).then_some(())
    })
    .await;

    // Moved a day later: same UID, one more in its sequence, a new start.
    let (date, time) = lisbon(start + Span::days(1));
    let moved = net
        .ma
        .send_text(&net.plenary, &format!("!seminar move 1 {date} {time} Europe/Lisbon"))
        .await;
    net.ma.wait_reply(&net.plenary, &bot, moved.as_str()).await;
    let events = feed(&url).await.unwrap();
    assert_eq!(events[0]["uid"], uid.as_str(), "the UID is stable across edits");
    assert_eq!(events[0]["sequence"], 1);
    let next = start + Span::days(1);
    assert_eq!(events[0]["dtstart"], next.format("%Y-%m-%dT%H:%M:%S+00:00").to_string());
    let reports = token(&net, "reports");
    let listed: Value = reqwest::Client::new()
        .get(format!("{base}/api/v1/seminars"))
        .bearer_auth(&reports)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let s = &listed["seminars"][0];
    assert_eq!(
        (s["attending"].clone(), s["declining"].clone()),
        (serde_json::json!(["CL", "PT"]), serde_json::json!(["FR"]))
    );

    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(reminder(net.cl.events(&net.plenary).await), 1, "the reminder came once");
    let log = net.bot.log();
    assert!(!log.contains(" WARN ") && !log.contains(" ERROR "), "a healthy run:\n{log}");
    let mut net = net;
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn a_seminar_gathers_answers_reminds_once_and_reaches_calendars_on_sqlite() {
    a_seminar_gathers_answers_reminds_once_and_reaches_calendars(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_seminar_gathers_answers_reminds_once_and_reaches_calendars_on_postgres() {
    a_seminar_gathers_answers_reminds_once_and_reaches_calendars(Backend::Postgres).await;
}
