#![recursion_limit = "256"]
//! Membership decided by the Executive Committee, end to end against the
//! real Synapse, on SQLite and PostgreSQL: an observer applies; the bot
//! opens a poll (MSC3381) in the committee room; committee delegates answer
//! it with real poll responses (one changes its vote; a member's delegate
//! is not counted); at the majority the bot ends the poll, the roster
//! changes (its history cites the decision), the plenary and the applicant
//! are told; matrix-nio reads the poll as a client with polls does.

mod common;

use std::time::Duration;

use common::net::Net;
use common::{eventually, Backend};
use matrix_sdk::ruma::OwnedRoomId;
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

/// What matrix-nio reads of the polls in `room` as `account` (see
/// scripts/check_poll.py).
fn read_polls(net: &Net, account: &common::Account, room: &OwnedRoomId) -> Value {
    let venv = std::env::var("PEERLINK_SYNAPSE_VENV")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/.local/synapse-venv").into());
    let python = format!("{venv}/bin/python");
    if !std::path::Path::new(&python).exists() {
        return common::missing::<Value>("the Python venv with matrix-nio").unwrap_or(Value::Null);
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/check_poll.py");
    let out = std::process::Command::new(python)
        .args([script, &net.hs.url, &account.user_id, &account.password, room.as_str()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

async fn an_observer_becomes_a_member_by_the_committees_poll(backend: Backend) {
    let Some(net) = Net::new(backend).await else { return };
    let bot = net.bot_id();

    let apply = net
        .cl
        .send_text(&net.plenary, "!apply member Our mechanism was set up by decree in 2025.")
        .await;
    let opened = net.cl.wait_reply(&net.plenary, &bot, apply.as_str()).await;
    assert!(body(&opened).contains("Application #1 is open"), "{opened}");

    // The poll in the committee room: question, three answers, a text fallback.
    let poll =
        eventually("the poll", Duration::from_secs(20), || async {
            net.pt.events(&net.committee).await.into_iter().find(|e| {
                e["type"] == "org.matrix.msc3381.poll.start" && e["sender"] == bot.as_str()
            })
        })
        .await;
    let start = &poll["content"]["org.matrix.msc3381.poll.start"];
    let question = start["question"]["org.matrix.msc1767.text"].as_str().unwrap();
    assert!(question.contains("Chile") && question.contains("!vote 1 yes"), "{poll}");
    let ids: Vec<&str> =
        start["answers"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["yes", "no", "abstain"]);
    assert!(poll["content"]["org.matrix.msc1767.text"].as_str().unwrap().contains("Chile"));
    let poll_id = poll["event_id"].as_str().unwrap().to_owned();

    // A member's delegate cannot vote (nor reach the committee room).
    let outside = net.fr.send_text(&net.plenary, "!vote 1 yes").await;
    let refused = net.fr.wait_reply(&net.plenary, &bot, outside.as_str()).await;
    assert!(body(&refused).contains("not counted"), "{refused}");
    // Portugal says no, then changes its mind (its last vote counts, once);
    // Morocco says no.
    let thread_has = |text: &'static str| {
        let (net, poll_id) = (&net, poll_id.clone());
        async move {
            eventually(text, Duration::from_secs(20), || async {
                let thread = net.thread(&net.pt, &net.committee, &poll_id).await;
                thread.iter().any(|e| body(e).contains(text)).then_some(())
            })
            .await
        }
    };
    net.pt.respond_to_poll(&net.committee, &poll_id, "no").await;
    thread_has("0 yes, 1 no").await;
    net.pt.respond_to_poll(&net.committee, &poll_id, "yes").await;
    thread_has("1 yes, 0 no").await;
    net.ma.respond_to_poll(&net.committee, &poll_id, "no").await;
    thread_has("1 yes, 1 no").await;
    // Paraguay's yes makes the majority: two yes, one no.
    net.py.respond_to_poll(&net.committee, &poll_id, "yes").await;
    let end = eventually("the poll's end", Duration::from_secs(20), || async {
        net.pt.events(&net.committee).await.into_iter().find(|e| {
            e["type"] == "org.matrix.msc3381.poll.end"
                && e["content"]["m.relates_to"]["event_id"] == poll_id.as_str()
        })
    })
    .await;
    let end_text = end["content"]["org.matrix.msc1767.text"].as_str().unwrap();
    assert!(end_text.contains("approved") && end_text.contains("2 yes, 1 no"), "{end}");

    // The poll as a client with polls reads it (matrix-nio, reading what
    // Element reads).
    let seen = read_polls(&net, &net.pt.account, &net.committee);
    let start = &seen["starts"][0];
    assert_eq!(start["event_id"], poll_id.as_str(), "{seen}");
    assert_eq!(start["kind"], "org.matrix.msc3381.poll.disclosed", "{seen}");
    assert_eq!(start["max_selections"], 1, "{seen}");
    assert_eq!(start["answers"][0][0], "yes", "{seen}");
    assert_eq!(start["answers"].as_array().unwrap().len(), 3, "{seen}");
    assert!(start["fallback"].as_str().unwrap().contains("Chile"), "a text fallback: {seen}");
    assert_eq!(seen["ends"][0]["ends"], poll_id.as_str(), "{seen}");

    // The applicant is answered; the plenary is told; the roster changed.
    eventually("the applicant told", Duration::from_secs(20), || async {
        let replies = net.cl.replies_to(&net.plenary, &bot, apply.as_str()).await;
        replies.iter().any(|r| body(r).contains("is approved")).then_some(())
    })
    .await;
    eventually("the plenary told", Duration::from_secs(20), || async {
        net.fr.events(&net.plenary).await.into_iter().find(|e| {
            e["sender"] == bot.as_str()
                && e["content"]["m.relates_to"].is_null()
                && body(e).contains("Application #1 is approved")
        })
    })
    .await;
    let shown = net.cli(&["roster", "show"]);
    assert!(
        shown.stdout.contains("CL Chile") && shown.stdout.contains(" member "),
        "{}",
        shown.text()
    );
    let history = net.cli(&["roster", "history"]);
    assert!(
        history.stdout.contains("committee decision on application #1")
            && history.stdout.contains("status observer -> member"),
        "{}",
        history.text()
    );

    let log = net.bot.log();
    let bad: Vec<&str> =
        log.lines().filter(|l| l.contains(" WARN ") || l.contains(" ERROR ")).collect();
    assert!(bad.is_empty(), "a healthy run:\n{}", bad.join("\n"));
    net.db.cleanup().await;
}

#[tokio::test]
async fn an_observer_becomes_a_member_by_the_committees_poll_on_sqlite() {
    an_observer_becomes_a_member_by_the_committees_poll(Backend::Sqlite).await;
}

#[tokio::test]
async fn an_observer_becomes_a_member_by_the_committees_poll_on_postgres() {
    an_observer_becomes_a_member_by_the_committees_poll(Backend::Postgres).await;
}
