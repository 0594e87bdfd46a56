//! A request's lifecycle as the fault tests drive it: its steps, what
//! each step's notice says and records, and how to read the bot's cards
//! and thread messages out of the rooms (as the delegates' clients see them).

use std::time::Duration;

use matrix_sdk::ruma::OwnedEventId;
use peerlink::storage::{Database, Outbox, RequestStore};
use serde_json::Value;

use super::eventually;
use super::net::Net;

/// One step of a request's lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
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
    pub fn notice(self, number: usize) -> String {
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
    pub fn action(self) -> &'static str {
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
    /// The triage command for this step on request `n` (`None` for the
    /// filing and the answer, which are not commands in the committee room).
    pub fn command(self, n: usize) -> Option<String> {
        match self {
            Act::File | Act::Answer => None,
            Act::Ack => Some(format!("!ack {n}")),
            Act::Info => Some(format!("!info {n} Which ministry leads the follow-up?")),
            Act::Accept => Some(format!("!accept {n} PT")),
            Act::Start => Some(format!("!start {n}")),
            Act::Resolve => {
                Some(format!("!resolve {n} delivered Guidance sent\nShare templates earlier"))
            }
        }
    }
}

/// The text of a message event.
pub fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

/// Prints the bot's log if the test fails while it is alive (a failed
/// wait says what it waited for; the log says why it did not come).
pub struct DumpLogOnPanic(pub std::path::PathBuf);

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

/// The bot's request cards in the committee room for request `number`.
pub fn cards(events: &[Value], bot: &str, number: usize) -> Vec<Value> {
    let title = format!("Request #{number} ·");
    events
        .iter()
        .filter(|e| e["type"] == "m.room.message" && e["sender"] == bot)
        .filter(|e| e["content"]["m.relates_to"].is_null() && body(e).contains(&title))
        .cloned()
        .collect()
}

/// The bot's messages in the thread of `root`.
pub fn thread(events: &[Value], bot: &str, root: &str) -> Vec<Value> {
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

/// What a lifecycle left to check.
pub struct Filed {
    /// The request's number (read from its first notice).
    pub number: usize,
    /// The filing message, the root of the requester's thread.
    pub root: OwnedEventId,
    /// Triage commands sent in the committee room.
    pub commands: Vec<OwnedEventId>,
    /// The steps done so far.
    pub acts: Vec<Act>,
}

impl Filed {
    /// A request about to be filed, expected to get `number`.
    pub fn new(number: usize) -> Self {
        Self {
            number,
            root: OwnedEventId::try_from("$none:x").unwrap(),
            commands: Vec::new(),
            acts: Vec::new(),
        }
    }
}

/// Sends the message of step `act` on `filed`: the filing (by CL in the
/// plenary), the requester's answer in its thread, or a triage command (by
/// MA in the committee room). Returns the message's ID.
pub async fn send(net: &Net, filed: &mut Filed, act: Act) -> OwnedEventId {
    let n = filed.number;
    match act {
        Act::File => {
            let text = format!("!request membership Fault-injection request {n}\nDetails of {n}.");
            let root = net.cl.send_text(&net.plenary, &text).await;
            filed.root = root.clone();
            root
        }
        Act::Answer => {
            let answer = super::in_thread("The ministry of justice leads.", filed.root.as_str());
            net.cl.send_raw(&net.plenary, answer).await
        }
        _ => {
            let command = act.command(n).expect("a triage step");
            let id = net.ma.send_text(&net.committee, &command).await;
            filed.commands.push(id.clone());
            id
        }
    }
}

/// Waits until step `act` (its message `sent`) is complete: its notice has
/// reached the requester, the card or relayed answer is in the committee
/// room, the command has its reply, and nothing of it is left to deliver.
/// `what` names the step in a failure.
pub async fn complete(net: &Net, filed: &mut Filed, act: Act, sent: &OwnedEventId, what: &str) {
    filed.acts.push(act);
    let expected = filed.acts.len();
    let bot = net.bot_id();
    let notices = eventually(what, Duration::from_secs(40), || async {
        let events = net.cl.all_events(&net.plenary).await;
        let notices = thread(&events, &bot, filed.root.as_str());
        (notices.len() >= expected).then_some(notices)
    })
    .await;
    if act == Act::File {
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
    if act == Act::File || act == Act::Answer {
        // The card (and the relayed answer in its thread) too.
        eventually(&format!("the card: {what}"), Duration::from_secs(40), || async {
            let events = net.pt.all_events(&net.committee).await;
            let card = cards(&events, &bot, n).into_iter().next()?;
            let relays = thread(&events, &bot, card["event_id"].as_str()?).len();
            (act == Act::File || relays >= 1).then_some(())
        })
        .await;
    } else {
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

/// The rooms, as the delegates' own clients see them, and the database
/// hold every request, step, notice, card, relayed answer and reply once,
/// and nothing is left to deliver.
pub async fn exactly_once(net: &Net, all: &[Filed]) {
    // Let anything that would arrive twice arrive.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let bot = net.bot_id();
    let plenary = net.cl.all_events(&net.plenary).await;
    let committee = net.pt.all_events(&net.committee).await;
    for filed in all {
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
        let answers = filed.acts.iter().filter(|a| **a == Act::Answer).count();
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
    for filed in all {
        let id = i64::try_from(filed.number).unwrap();
        let stored = store.get_request(id).await.unwrap().unwrap();
        assert_eq!(stored.source_event, filed.root.as_str());
        let actions: Vec<String> =
            store.transitions(id).await.unwrap().into_iter().map(|t| t.action).collect();
        let expected: Vec<&str> = filed.acts.iter().map(|a| a.action()).collect();
        assert_eq!(actions, expected, "#{}: each step recorded once", filed.number);
        if filed.acts.last() == Some(&Act::Resolve) {
            assert_eq!(stored.state, peerlink::domain::RequestState::Resolved);
        }
    }
    let outbox = store.outbox_counts().await.unwrap();
    assert_eq!((outbox.pending, outbox.failed), (0, 0), "everything delivered, nothing given up");
    store.close().await;
}
