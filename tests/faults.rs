#![recursion_limit = "256"]
//! Fault injection against the real Synapse and both databases: the bot is
//! killed with SIGKILL at many points of the request lifecycle and started
//! again; afterwards the database and the rooms (read by the delegates' own
//! clients, not by the bot) hold every request, every state change and
//! every notice exactly once.
//!
//! Two kinds of kill: the bot kills itself at a named crash point
//! (`PEERLINK_FAULT`, see `src/fault.rs`): in the worker around its
//! transaction, in the outbox sender around a send, in the sync loop
//! around saving its position; or the test kills it from outside a fixed
//! time after sending the command.

mod common;

use std::time::Duration;

use common::net::Net;
use common::{eventually, Backend};
use matrix_sdk::ruma::OwnedEventId;
use peerlink::storage::{Database, Outbox, RequestStore};
use serde_json::Value;

#[derive(Debug, Clone, Copy)]
enum Kill {
    /// The bot kills itself at this crash point (`NAME` or `NAME:HIT`).
    At(&'static str),
    /// The test kills the bot this many milliseconds after the command.
    After(u64),
}

/// One step of a request's lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    /// The observer files the request in the plenary.
    File,
    /// A committee delegate acknowledges it (by number).
    Ack,
    /// The committee asks the requester a question.
    Info,
    /// The requester answers in their request's thread (relayed to the card).
    Answer,
    /// Accepted and assigned.
    Accept,
    /// Work started.
    Start,
    /// Resolved with an outcome.
    Resolve,
}

impl Act {
    /// What the requester's notice for this step says.
    fn notice(self, number: usize) -> String {
        match self {
            Act::File => format!("Your request is number #{number}"),
            Act::Ack => "has been acknowledged".into(),
            Act::Info => "asks about your request".into(),
            Act::Answer => "has been passed on".into(),
            Act::Accept => "assigned to Portugal".into(),
            Act::Start => "has started".into(),
            Act::Resolve => "is resolved (delivered)".into(),
        }
    }

    /// The transition it records (`None`: the filing's is `submit`).
    fn action(self) -> &'static str {
        match self {
            Act::File => "submit",
            Act::Ack => "ack",
            Act::Info => "info",
            Act::Answer => "answer",
            Act::Accept => "accept",
            Act::Start => "start",
            Act::Resolve => "resolve",
        }
    }
}

use Act::*;
use Kill::*;

/// Every request's lifecycle, each step with where the bot is killed: 29
/// kills at 13 crash points (several at different steps, where the outbox
/// holds different items) and 7 timings.
fn lifecycles() -> Vec<Vec<(Act, Kill)>> {
    vec![
        // Around the worker's transaction.
        vec![
            (File, At("worker_before_claim")),
            (Ack, At("worker_after_claim")),
            (Accept, At("worker_after_handle")),
            (Start, At("worker_before_commit")),
            (Resolve, At("worker_after_commit")),
        ],
        // Around the sends: item 1 is the answer, item 2 the card or notice.
        vec![
            (File, At("outbox_before_send:1")),
            (Ack, At("outbox_before_send:2")),
            (Accept, At("outbox_after_send:1")),
            (Start, At("outbox_after_send:2")),
            (Resolve, At("outbox_after_mark:1")),
        ],
        // The card sent but not recorded; a question and its relayed answer;
        // the sync position.
        vec![
            (File, At("outbox_after_send:2")),
            (Ack, At("outbox_after_mark:2")),
            (Info, At("outbox_after_send:2")),
            (Answer, At("outbox_after_send:2")),
            (Accept, At("sync_before_save:2")),
            (Start, At("sync_after_save:2")),
            (Resolve, After(0)),
        ],
        // From outside, at growing delays.
        vec![
            (File, After(40)),
            (Ack, After(120)),
            (Accept, After(250)),
            (Start, After(500)),
            (Resolve, After(900)),
        ],
        // Filed, then killed before the commit: on PostgreSQL the number
        // the request took from the sequence is lost (a gap), and the next
        // attempt gets the next one.
        vec![
            (File, At("worker_before_commit")),
            (Ack, At("sync_before_save:2")),
            (Info, At("worker_after_handle")),
            (Answer, At("worker_before_commit")),
            (Accept, At("outbox_after_mark:2")),
            (Start, After(60)),
            (Resolve, At("outbox_after_send:1")),
        ],
    ]
}

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

/// Prints the bot's log if the test fails while it is alive (a failed
/// wait says what it waited for; the log says why it did not come).
struct DumpLogOnPanic(std::path::PathBuf);

impl Drop for DumpLogOnPanic {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let log = std::fs::read_to_string(&self.0).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(120).collect();
            eprintln!("--- the bot's log, last lines ---");
            for line in tail.into_iter().rev() {
                eprintln!("{line}");
            }
        }
    }
}

/// What a lifecycle left to check.
struct Filed {
    number: usize,
    root: OwnedEventId,
    /// Triage commands sent in the committee room.
    commands: Vec<OwnedEventId>,
    acts: Vec<Act>,
}

/// The bot's request cards in the committee room for request `number`.
fn cards(events: &[Value], bot: &str, number: usize) -> Vec<Value> {
    let title = format!("Request #{number} ·");
    events
        .iter()
        .filter(|e| e["type"] == "m.room.message" && e["sender"] == bot)
        .filter(|e| e["content"]["m.relates_to"].is_null() && body(e).contains(&title))
        .cloned()
        .collect()
}

/// The bot's messages in the thread of `root`.
fn thread(events: &[Value], bot: &str, root: &str) -> Vec<Value> {
    events
        .iter()
        .filter(|e| e["type"] == "m.room.message" && e["sender"] == bot)
        .filter(|e| {
            e["content"]["m.relates_to"]["rel_type"] == "m.thread"
                && e["content"]["m.relates_to"]["event_id"] == root
        })
        .cloned()
        .collect()
}

/// Restarts the bot with crash point `fault` armed (or none).
async fn restart(net: &mut Net, fault: Option<&str>) {
    if net.bot.is_running() {
        assert!(net.bot.terminate().await, "a clean stop:\n{}", net.bot.log());
    }
    net.bot.set_env("PEERLINK_FAULT", fault);
    net.bot.launch().await;
}

/// Runs `act` on request `filed` while killing the bot as `kill` says, then
/// starts it again and waits until the step is complete.
async fn run_step(net: &mut Net, filed: &mut Filed, act: Act, kill: Kill) {
    let n = filed.number;
    match kill {
        At(point) => restart(net, Some(point)).await,
        After(_) if !net.bot.is_running() => restart(net, None).await,
        After(_) => {}
    }
    let sent = match act {
        File => {
            let text = format!("!request membership Fault-injection request {n}\nDetails of {n}.");
            let root = net.cl.send_text(&net.plenary, &text).await;
            filed.root = root.clone();
            root
        }
        Answer => {
            let answer = common::in_thread("The ministry of justice leads.", filed.root.as_str());
            net.cl.send_raw(&net.plenary, answer).await
        }
        _ => {
            let command = match act {
                Ack => format!("!ack {n}"),
                Info => format!("!info {n} Which ministry leads the follow-up?"),
                Accept => format!("!accept {n} PT"),
                Start => format!("!start {n}"),
                _ => format!("!resolve {n} delivered Guidance sent\nShare templates earlier"),
            };
            let id = net.ma.send_text(&net.committee, &command).await;
            filed.commands.push(id.clone());
            id
        }
    };
    match kill {
        At(point) => {
            let signal = net.bot.wait_exit(Duration::from_secs(90)).await;
            assert_eq!(signal, Some(9), "killed by SIGKILL at {point} during {act:?} #{n}");
        }
        After(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            net.bot.kill().await;
        }
    }
    net.bot.set_env("PEERLINK_FAULT", None);
    net.bot.launch().await;
    filed.acts.push(act);

    // The step completes after the restart: its notice reaches the requester.
    let expected = filed.acts.len();
    let bot = net.bot_id();
    let what = format!("{act:?} on #{n} after a kill at {kill:?}");
    let log = net.bot.log_path();
    let _dump = DumpLogOnPanic(log);
    let notices = eventually(&what, Duration::from_secs(40), || async {
        let events = net.cl.all_events(&net.plenary).await;
        let notices = thread(&events, &bot, filed.root.as_str());
        (notices.len() >= expected).then_some(notices)
    })
    .await;
    if act == File {
        // The number the request got: on PostgreSQL a transaction killed
        // after taking a number from the sequence leaves a gap (sequences
        // are not rolled back), so it is read, not assumed.
        let said = body(&notices[0]);
        let digits: String = said
            .split("#")
            .nth(1)
            .unwrap_or_default()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        filed.number = digits.parse().unwrap_or_else(|_| panic!("a number in {said:?}"));
    }
    let n = filed.number;
    if act == File || act == Answer {
        // The card (and the relayed answer in its thread) too.
        eventually(&format!("the card: {what}"), Duration::from_secs(40), || async {
            let events = net.pt.all_events(&net.committee).await;
            let card = cards(&events, &bot, n).into_iter().next()?;
            let relays = thread(&events, &bot, card["event_id"].as_str()?).len();
            (act == File || relays >= 1).then_some(())
        })
        .await;
    }
    if act != File && act != Answer {
        net.ma.wait_reply(&net.committee, &bot, sent.as_str()).await;
    }
    // The step is over when nothing of it is left to deliver: a message can
    // be in the room while its delivery is not recorded yet (the bot killed
    // between the two), and the next start would deliver it again (with the
    // same transaction ID) before the next step's command, hitting that
    // step's crash point too early.
    let store = Database::connect(&net.db.url, 1).await.unwrap();
    eventually(&format!("an empty outbox: {what}"), Duration::from_secs(40), || async {
        (store.outbox_counts().await.ok()?.pending == 0).then_some(())
    })
    .await;
    store.close().await;
}

async fn a_request_survives_sigkill_at_every_point_of_its_lifecycle(backend: Backend) {
    let Some(mut net) = Net::new(backend).await else { return };
    let mut all = Vec::new();
    for (i, steps) in lifecycles().into_iter().enumerate() {
        let mut filed = Filed {
            number: i + 1,
            root: OwnedEventId::try_from("$none:x").unwrap(),
            commands: Vec::new(),
            acts: Vec::new(),
        };
        for (act, kill) in steps {
            run_step(&mut net, &mut filed, act, kill).await;
        }
        all.push(filed);
    }
    // Let anything that would arrive twice arrive.
    tokio::time::sleep(Duration::from_secs(3)).await;

    // The rooms, as the delegates' own clients see them.
    let bot = net.bot_id();
    let plenary = net.cl.all_events(&net.plenary).await;
    let committee = net.pt.all_events(&net.committee).await;
    for filed in &all {
        let n = filed.number;
        let notices = thread(&plenary, &bot, filed.root.as_str());
        let bodies: Vec<&str> = notices.iter().map(body).collect();
        assert_eq!(notices.len(), filed.acts.len(), "#{n}: one notice per step: {bodies:#?}");
        for (notice, act) in bodies.iter().zip(&filed.acts) {
            assert!(notice.contains(&act.notice(n)), "#{n} {act:?}: {notice}");
        }
        let card = cards(&committee, &bot, n);
        assert_eq!(card.len(), 1, "#{n}: exactly one card: {card:#?}");
        let relays = thread(&committee, &bot, card[0]["event_id"].as_str().unwrap());
        let answers = filed.acts.iter().filter(|a| **a == Answer).count();
        assert_eq!(relays.len(), answers, "#{n}: each answer relayed once: {relays:#?}");
        for command in &filed.commands {
            let replies = net.ma.replies_to(&net.committee, &bot, command.as_str()).await;
            assert_eq!(replies.len(), 1, "#{n}: one reply to {command}: {replies:#?}");
        }
    }

    // The database: every request once, every step once, nothing left over.
    let store = Database::connect(&net.db.url, 1).await.unwrap();
    let requests = store.list_requests(&Default::default()).await.unwrap();
    assert_eq!(requests.len(), all.len(), "{requests:#?}");
    for filed in &all {
        let id = i64::try_from(filed.number).unwrap();
        let stored = store.get_request(id).await.unwrap().unwrap();
        assert_eq!(stored.source_event, filed.root.as_str());
        assert_eq!(stored.state, peerlink::domain::RequestState::Resolved);
        let actions: Vec<String> =
            store.transitions(id).await.unwrap().into_iter().map(|t| t.action).collect();
        let expected: Vec<&str> = filed.acts.iter().map(|a| a.action()).collect();
        assert_eq!(actions, expected, "#{}: each step recorded once", filed.number);
    }
    let outbox = store.outbox_counts().await.unwrap();
    assert_eq!((outbox.pending, outbox.failed), (0, 0), "everything delivered, nothing given up");
    store.close().await;
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn a_request_survives_sigkill_at_every_point_of_its_lifecycle_on_sqlite() {
    a_request_survives_sigkill_at_every_point_of_its_lifecycle(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_request_survives_sigkill_at_every_point_of_its_lifecycle_on_postgres() {
    a_request_survives_sigkill_at_every_point_of_its_lifecycle(Backend::Postgres).await;
}
