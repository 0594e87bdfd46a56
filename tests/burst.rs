//! A registration wave against the real Synapse, on SQLite and PostgreSQL:
//! 200 delegates of 100 states send `!attend 1` within the same instant,
//! one of each state in the plenary and the other in a direct chat of its
//! own with the bot (101 rooms at once). Every command is answered exactly
//! once, counted by the delegates' clients, and the seminar holds one
//! answer per state. The worker handles rooms in parallel and each room in
//! order, and the units of work one at a time, so two delegates of one
//! state answering at once in two rooms leave one answer, not two.

mod common;

use std::collections::HashMap;
use std::time::Duration;

use common::net::Provisioned;
use common::{eventually, unique, Account, Backend, Homeserver, TestDb};
use futures_util::future::join_all;
use futures_util::stream::{self, StreamExt};
use peerlink::domain::{CountryCode, RoomKind};
use peerlink::storage::{Database, SeminarStore};
use serde_json::{json, Value};

/// States in the wave; each has two delegates.
const STATES: usize = 100;

/// Requests to the homeserver at once while setting up.
const SETUP: usize = 16;

/// One wave at a time: the two backends' waves at once would double the
/// homeserver's load (hundreds of invitations and joins each), which is not
/// what the test measures.
static ONE_WAVE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A delegate over plain client-server requests (200 matrix-sdk clients
/// would each keep a store and a sync loop).
struct Delegate {
    user_id: String,
    token: String,
    base: String,
    http: reqwest::Client,
}

impl Delegate {
    async fn login(hs: &Homeserver, account: &Account) -> Self {
        let http = reqwest::Client::new();
        let body = json!({
            "type": "m.login.password",
            "identifier": { "type": "m.id.user", "user": account.localpart },
            "password": account.password,
        });
        let resp: Value = http
            .post(format!("{}/_matrix/client/v3/login", hs.url))
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = resp["access_token"].as_str().expect("logged in").to_owned();
        Self {
            user_id: account.user_id.clone(),
            token,
            base: format!("{}/_matrix/client/v3", hs.url),
            http,
        }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut req =
            self.http.request(method, format!("{}{path}", self.base)).bearer_auth(&self.token);
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let value: Value = resp.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "{} {path}: {status} {value}", self.user_id);
        value
    }

    async fn join(&self, room: &str) {
        self.call(reqwest::Method::POST, &format!("/join/{}", enc(room)), Some(json!({}))).await;
    }

    async fn direct_chat_with(&self, bot: &str) -> String {
        let body = json!({ "invite": [bot], "is_direct": true, "preset": "trusted_private_chat" });
        let made = self.call(reqwest::Method::POST, "/createRoom", Some(body)).await;
        made["room_id"].as_str().unwrap().to_owned()
    }

    async fn send(&self, room: &str, text: &str) -> String {
        let path = format!("/rooms/{}/send/m.room.message/{}", enc(room), unique("txn"));
        let sent = self
            .call(reqwest::Method::PUT, &path, Some(json!({ "msgtype": "m.text", "body": text })))
            .await;
        sent["event_id"].as_str().unwrap().to_owned()
    }

    async fn members(&self, room: &str) -> Vec<String> {
        let path = format!("/rooms/{}/joined_members", enc(room));
        let got = self.call(reqwest::Method::GET, &path, None).await;
        got["joined"].as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
    }

    /// Every message event of `room`, oldest first.
    async fn messages(&self, room: &str) -> Vec<Value> {
        let mut events = Vec::new();
        let mut from: Option<String> = None;
        loop {
            let mut path = format!("/rooms/{}/messages?dir=f&limit=500", enc(room));
            if let Some(f) = &from {
                path.push_str(&format!("&from={}", enc(f)));
            }
            let page = self.call(reqwest::Method::GET, &path, None).await;
            let chunk = page["chunk"].as_array().cloned().unwrap_or_default();
            let done = chunk.is_empty() || page["end"].is_null();
            events.extend(chunk.into_iter().filter(|e| e["type"] == "m.room.message"));
            if done {
                return events;
            }
            from = page["end"].as_str().map(str::to_owned);
        }
    }
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The bot's replies in `events`, counted by the event they answer.
fn replies(events: &[Value], bot: &str, to: &mut HashMap<String, usize>) {
    for e in events.iter().filter(|e| e["sender"] == bot) {
        if let Some(id) = e["content"]["m.relates_to"]["m.in_reply_to"]["event_id"].as_str() {
            *to.entry(id.to_owned()).or_default() += 1;
        }
    }
}

async fn two_hundred_delegates_at_once_are_each_answered_once(backend: Backend) {
    let Some(hs) = Homeserver::from_env() else { return };
    let _alone = ONE_WAVE_AT_A_TIME.lock().await;
    let Some(db) = TestDb::create(backend).await else { return };
    let admin = hs.register("admin-").await;
    let codes: Vec<CountryCode> = CountryCode::un_members()
        .into_iter()
        .filter(|c| !["MA", "PT", "PY"].contains(&c.as_str()))
        .take(STATES)
        .collect();
    let accounts: Vec<Account> = stream::iter(0..STATES * 2 + 1)
        .map(|i| {
            let hs = &hs;
            async move { hs.register(&format!("wave{i}-")).await }
        })
        .buffered(SETUP)
        .collect()
        .await;
    let coordinator = &accounts[STATES * 2];
    let mut roster = format!(
        "[[state]]\ncode = \"MA\"\nstatus = \"founding_member\"\n\
         delegates = [{{ user = \"{}\" }}]\n",
        coordinator.user_id
    );
    for (i, code) in codes.iter().enumerate() {
        roster.push_str(&format!(
            "[[state]]\ncode = \"{}\"\nstatus = \"member\"\n\
             delegates = [{{ user = \"{}\" }}, {{ user = \"{}\" }}]\n",
            code.as_str(),
            accounts[2 * i].user_id,
            accounts[2 * i + 1].user_id
        ));
    }
    let Provisioned { dir: _dir, bot, rooms } =
        Provisioned::start_with_roster(&hs, &db, &admin.user_id, &roster, false, &[], &|n| n).await;
    let bot_id = bot.account.user_id.clone();
    let plenary = rooms.room(RoomKind::Plenary).to_string();

    let delegates: Vec<Delegate> =
        stream::iter(&accounts).map(|a| Delegate::login(&hs, a)).buffered(SETUP).collect().await;
    let coordinator = &delegates[STATES * 2];
    stream::iter(&delegates).for_each_concurrent(SETUP, |d| d.join(&plenary)).await;
    // The second delegate of each state opens a direct chat with the bot.
    let in_plenary: Vec<&Delegate> = delegates[..STATES * 2].iter().step_by(2).collect();
    let in_direct: Vec<&Delegate> = delegates[..STATES * 2].iter().skip(1).step_by(2).collect();
    let directs: Vec<String> = stream::iter(&in_direct)
        .map(|d| d.direct_chat_with(&bot_id))
        .buffered(SETUP)
        .collect()
        .await;
    for (d, room) in in_direct.iter().zip(&directs) {
        eventually("the bot in a direct chat", Duration::from_secs(60), || async {
            d.members(room).await.contains(&bot_id).then_some(())
        })
        .await;
    }

    let start = chrono::Utc::now() + chrono::Duration::days(30);
    let add =
        format!("!seminar add {} 10:00 Europe/Lisbon Registration wave", start.format("%Y-%m-%d"));
    let added = coordinator.send(&plenary, &add).await;
    eventually("the seminar", Duration::from_secs(30), || async {
        let mut got = HashMap::new();
        replies(&coordinator.messages(&plenary).await, &bot_id, &mut got);
        got.contains_key(&added).then_some(())
    })
    .await;

    // The wave: 200 commands in 101 rooms, all at once.
    let plenary_wave = in_plenary.iter().map(|d| d.send(&plenary, "!attend 1"));
    let direct_wave = in_direct.iter().zip(&directs).map(|(d, room)| d.send(room, "!attend 1"));
    let began = std::time::Instant::now();
    let (mut sent, more) = tokio::join!(join_all(plenary_wave), join_all(direct_wave));
    sent.extend(more);
    assert_eq!(sent.len(), STATES * 2);

    let count = || async {
        let mut got = HashMap::new();
        replies(&coordinator.messages(&plenary).await, &bot_id, &mut got);
        let reads = join_all(in_direct.iter().zip(&directs).map(|(d, r)| d.messages(r))).await;
        for events in reads {
            replies(&events, &bot_id, &mut got);
        }
        got
    };
    eventually("an answer to each of the 200", Duration::from_secs(240), || async {
        let got = count().await;
        sent.iter().all(|e| got.contains_key(e)).then_some(())
    })
    .await;
    eprintln!(
        "{} commands in {} rooms answered within {:?}",
        sent.len(),
        directs.len() + 1,
        began.elapsed()
    );
    // Anything answered twice would have arrived by now.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let got = count().await;
    let twice: Vec<_> = sent.iter().filter(|e| got.get(*e) != Some(&1)).collect();
    assert!(twice.is_empty(), "answered other than once: {twice:?}");

    let store = Database::connect(&db.url, 1).await.unwrap();
    let answers = store.seminar_answers(1).await.unwrap();
    assert_eq!(answers.len(), STATES, "one answer per state: {answers:?}");
    store.close().await;
    let log = bot.log();
    if let Ok(keep) = std::env::var("PEERLINK_TEST_KEEP_LOG") {
        std::fs::write(keep, &log).unwrap();
    }
    let bad: Vec<&str> =
        log.lines().filter(|l| l.contains(" WARN ") || l.contains(" ERROR ")).collect();
    assert!(bad.is_empty(), "{bad:#?}");
    drop(bot);
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_delegates_at_once_on_sqlite() {
    two_hundred_delegates_at_once_are_each_answered_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_delegates_at_once_on_postgres() {
    two_hundred_delegates_at_once_are_each_answered_once(Backend::Postgres).await;
}
