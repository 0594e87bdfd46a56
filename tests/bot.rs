//! The bot end to end: the real binary against the real Synapse, on SQLite
//! and on PostgreSQL.

mod common;

use std::time::Duration;

use common::bot::BotProcess;
use common::client::TestClient;
use common::{Backend, Homeserver, TestDb};
use peerlink::storage::{Database, SyncTokens};
use serde_json::json;

/// A homeserver, a database, an admin client and a bot that admin may invite.
struct Setup {
    hs: Homeserver,
    db: TestDb,
    admin: TestClient,
    bot: BotProcess,
}

impl Setup {
    async fn new(backend: Backend) -> Option<Self> {
        Self::new_with_env(backend, &[]).await
    }

    async fn new_with_env(backend: Backend, env: &[(&str, &str)]) -> Option<Self> {
        let hs = Homeserver::from_env()?;
        let db = TestDb::create(backend).await?;
        let admin_account = hs.register("admin-").await;
        let admin = TestClient::login(&hs, &admin_account).await;
        let bot = BotProcess::start_with_env(&hs, &db.url, &[&admin_account.user_id], env).await;
        Some(Self { hs, db, admin, bot })
    }

    /// A room with the bot in it, created by the admin.
    async fn room_with_bot(&self) -> matrix_sdk::ruma::OwnedRoomId {
        let room = self.admin.create_room(&[&self.bot.account.user_id]).await;
        self.admin.wait_joined(&room, &self.bot.account.user_id).await;
        room
    }

    fn bot_id(&self) -> &str {
        &self.bot.account.user_id
    }
}

async fn ping_is_answered_with_an_html_notice(backend: Backend) {
    let Some(mut s) = Setup::new(backend).await else { return };
    let room = s.room_with_bot().await;

    let ping = s.admin.send_text(&room, "!ping").await;
    let reply = s.admin.wait_reply(&room, s.bot_id(), ping.as_str()).await;

    assert_eq!(reply["content"]["msgtype"], "m.notice");
    assert_eq!(reply["content"]["format"], "org.matrix.custom.html");
    assert!(reply["content"]["body"].as_str().unwrap().starts_with("Pong"), "{reply}");
    assert!(reply["content"]["formatted_body"].as_str().is_some_and(|h| !h.is_empty()));
    assert!(s.bot.terminate().await, "peerlink exits cleanly on SIGTERM:\n{}", s.bot.log());
    let log = s.bot.log();
    assert!(log.contains("stopped"), "{log}");
    assert!(!log.contains(&s.bot.account.password), "the password is in the log");
    assert!(!log.contains(&s.bot.access_token()), "the access token is in the log");
    s.db.cleanup().await;
}

#[tokio::test]
async fn ping_is_answered_with_an_html_notice_on_sqlite() {
    ping_is_answered_with_an_html_notice(Backend::Sqlite).await;
}

#[tokio::test]
async fn ping_is_answered_with_an_html_notice_on_postgres() {
    ping_is_answered_with_an_html_notice(Backend::Postgres).await;
}

async fn a_restart_after_sigkill_never_answers_a_message_twice(backend: Backend) {
    let Some(mut s) = Setup::new_with_env(
        backend,
        &[(
            "PEERLINK__LOG__LEVEL",
            "info,peerlink=debug,matrix_sdk=warn,matrix_sdk_base=warn,matrix_sdk_crypto=error",
        )],
    )
    .await
    else {
        return;
    };
    let room = s.room_with_bot().await;
    let warm_up = s.admin.send_text(&room, "!ping").await;
    s.admin.wait_reply(&room, s.bot_id(), warm_up.as_str()).await;
    // The position saved once the bot has seen its join and the warm-up.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let db = Database::connect(&s.db.url, 1).await.unwrap();
    let position_before = db.sync_token(s.bot_id()).await.unwrap().expect("a saved sync position");
    let before = s.admin.send_text(&room, "!ping").await;
    s.admin.wait_reply(&room, s.bot_id(), before.as_str()).await;

    s.bot.kill().await;
    // As if the crash came after the answer but before the sync position was
    // saved: the next start receives `before` again and must not answer it.
    db.save_sync_token(s.bot_id(), &position_before).await.unwrap();
    let while_down = s.admin.send_text(&room, "!help").await;
    s.bot.launch().await;
    s.admin.wait_reply(&room, s.bot_id(), while_down.as_str()).await;
    let after = s.admin.send_text(&room, "!ping").await;
    s.admin.wait_reply(&room, s.bot_id(), after.as_str()).await;
    // A second restart replays nothing either.
    s.bot.kill().await;
    s.bot.launch().await;
    let last = s.admin.send_text(&room, "!ping").await;
    s.admin.wait_reply(&room, s.bot_id(), last.as_str()).await;

    for (what, id) in [("before", &before), ("while down", &while_down), ("after", &after)] {
        let replies = s.admin.replies_to(&room, s.bot_id(), id.as_str()).await;
        assert_eq!(replies.len(), 1, "the message sent {what} the crash got {replies:?}");
    }
    let log = s.bot.log();
    assert!(log.contains("already handled"), "the replay reached the bot:\n{log}");
    assert_eq!(log.matches("logged in with a new device").count(), 1, "{log}");
    assert_eq!(log.matches("restoring the saved Matrix session").count(), 2, "{log}");
    db.close().await;
    s.db.cleanup().await;
}

#[tokio::test]
async fn a_restart_after_sigkill_never_answers_a_message_twice_on_sqlite() {
    a_restart_after_sigkill_never_answers_a_message_twice(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_restart_after_sigkill_never_answers_a_message_twice_on_postgres() {
    a_restart_after_sigkill_never_answers_a_message_twice(Backend::Postgres).await;
}

/// More commands than one sync response holds (the homeserver cuts a
/// room's timeline at the filter's limit, 10 by default, 100 here): all
/// arrive while the bot is down, and every one is answered once.
async fn a_burst_longer_than_a_sync_response_is_answered_in_full(backend: Backend) {
    let env = [
        ("PEERLINK__BOT__RATE_LIMIT_PER_MINUTE", "100000"),
        ("PEERLINK__BOT__RATE_LIMIT_BURST", "100000"),
    ];
    let Some(mut s) = Setup::new_with_env(backend, &env).await else { return };
    let room = s.room_with_bot().await;
    let warm_up = s.admin.send_text(&room, "!ping").await;
    s.admin.wait_reply(&room, s.bot_id(), warm_up.as_str()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(s.bot.terminate().await);

    const BURST: usize = 130;
    let mut sent = std::collections::HashSet::new();
    for _ in 0..BURST {
        sent.insert(s.admin.send_text(&room, "!ping").await.to_string());
    }
    s.bot.launch().await;
    let bot = s.bot_id().to_owned();
    let answered =
        common::eventually("every command answered", Duration::from_secs(90), || async {
            let mut replies: std::collections::HashMap<String, usize> = Default::default();
            for e in s.admin.all_events(&room).await {
                let to = e["content"]["m.relates_to"]["m.in_reply_to"]["event_id"].as_str();
                if let (true, Some(to)) = (e["sender"] == bot.as_str(), to) {
                    *replies.entry(to.to_owned()).or_default() += 1;
                }
            }
            sent.iter().all(|id| replies.contains_key(id)).then_some(replies)
        })
        .await;
    for id in &sent {
        assert_eq!(answered[id], 1, "{id} answered more than once");
    }
    let log = s.bot.log();
    assert!(log.contains("fetched the events left out of a sync"), "the gap was fetched:\n{log}");
    assert!(s.bot.terminate().await);
    s.db.cleanup().await;
}

#[tokio::test]
async fn a_burst_longer_than_a_sync_response_is_answered_in_full_on_sqlite() {
    a_burst_longer_than_a_sync_response_is_answered_in_full(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_burst_longer_than_a_sync_response_is_answered_in_full_on_postgres() {
    a_burst_longer_than_a_sync_response_is_answered_in_full(Backend::Postgres).await;
}

#[tokio::test]
async fn an_invitation_from_someone_who_is_not_an_admin_is_declined_and_logged() {
    let Some(s) = Setup::new(Backend::Sqlite).await else { return };
    let stranger_account = s.hs.register("stranger-").await;
    let stranger = TestClient::login(&s.hs, &stranger_account).await;

    let room = stranger.create_room(&[s.bot_id()]).await;
    s.bot.wait_for_log("declining an invitation").await;

    let log = s.bot.log();
    let line = log.lines().find(|l| l.contains("declining an invitation")).unwrap();
    assert!(line.contains(&stranger_account.user_id), "the log names the inviter: {line}");
    // The admin's invitation to another room still works afterwards.
    let other = s.room_with_bot().await;
    assert!(s.admin.is_joined(&other, s.bot_id()).await);
    assert!(!stranger.is_joined(&room, s.bot_id()).await, "the bot joined a stranger's room");
    s.db.cleanup().await;
}

#[tokio::test]
async fn malformed_and_unknown_commands_get_a_clear_reply() {
    let Some(s) = Setup::new(Backend::Sqlite).await else { return };
    let room = s.room_with_bot().await;

    let malformed = s.admin.send_text(&room, "!ping loudly").await;
    let unknown = s.admin.send_text(&room, "!frobnicate <b>now</b>").await;

    let reply = s.admin.wait_reply(&room, s.bot_id(), malformed.as_str()).await;
    let body = reply["content"]["body"].as_str().unwrap();
    assert!(body.contains("takes no arguments") && body.contains("Usage: `!ping`"), "{body}");
    let reply = s.admin.wait_reply(&room, s.bot_id(), unknown.as_str()).await;
    let body = reply["content"]["body"].as_str().unwrap();
    assert!(body.contains("!frobnicate") && body.contains("`!help`"), "{body}");
    let html = reply["content"]["formatted_body"].as_str().unwrap();
    assert!(html.contains("<code>!help</code>"), "{html}");
    s.db.cleanup().await;
}

#[tokio::test]
async fn commands_sent_before_the_bot_joined_are_not_answered() {
    let Some(s) = Setup::new(Backend::Sqlite).await else { return };
    let room = s.admin.create_room(&[]).await;
    let old = s.admin.send_text(&room, "!ping").await;

    s.admin.invite(&room, s.bot_id()).await;
    s.admin.wait_joined(&room, s.bot_id()).await;
    let new = s.admin.send_text(&room, "!ping").await;
    s.admin.wait_reply(&room, s.bot_id(), new.as_str()).await;

    assert!(s.admin.replies_to(&room, s.bot_id(), old.as_str()).await.is_empty());
    s.db.cleanup().await;
}

#[tokio::test]
async fn notices_edits_and_the_bots_own_messages_are_ignored() {
    let Some(s) = Setup::new(Backend::Sqlite).await else { return };
    let room = s.room_with_bot().await;
    let original = s.admin.send_text(&room, "hello").await;

    let notice = s.admin.send_raw(&room, json!({"msgtype": "m.notice", "body": "!ping"})).await;
    let edit = s
        .admin
        .send_raw(
            &room,
            json!({
                "msgtype": "m.text",
                "body": "!ping",
                "m.new_content": {"msgtype": "m.text", "body": "!ping"},
                "m.relates_to": {"rel_type": "m.replace", "event_id": original},
            }),
        )
        .await;
    // Handled in order: once this is answered, the two above have been seen.
    let marker = s.admin.send_text(&room, "!ping").await;
    let marker_reply = s.admin.wait_reply(&room, s.bot_id(), marker.as_str()).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    for id in [&notice, &edit] {
        assert!(s.admin.replies_to(&room, s.bot_id(), id.as_str()).await.is_empty(), "{id}");
    }
    let bot_messages = s
        .admin
        .events(&room)
        .await
        .into_iter()
        .filter(|e| e["type"] == "m.room.message" && e["sender"] == s.bot_id())
        .count();
    assert_eq!(bot_messages, 1, "only the marker was answered, and the answer was not answered");
    assert_eq!(marker_reply["content"]["msgtype"], "m.notice");
    s.db.cleanup().await;
}

#[tokio::test]
async fn commands_in_a_room_the_bot_does_not_manage_are_ignored() {
    let Some(s) = Setup::new(Backend::Sqlite).await else { return };
    // A group chat: the admin, a colleague and the bot. Not a network room,
    // not a direct chat with the bot: other people's conversation.
    let colleague_account = s.hs.register("colleague-").await;
    let colleague = TestClient::login(&s.hs, &colleague_account).await;
    let group = s.admin.create_room(&[s.bot_id(), &colleague_account.user_id]).await;
    colleague.client.join_room_by_id(&group).await.unwrap();
    s.admin.wait_joined(&group, s.bot_id()).await;
    s.admin.wait_joined(&group, &colleague_account.user_id).await;
    let ignored = [
        s.admin.send_text(&group, "!ping").await,
        colleague.send_text(&group, "!help").await,
        s.admin.send_text(&group, "!request membership Filed in the wrong place").await,
    ];
    tokio::time::sleep(Duration::from_secs(1)).await;
    // The same admin in a direct chat with the bot is answered.
    let direct = s.room_with_bot().await;
    let marker = s.admin.send_text(&direct, "!ping").await;
    s.admin.wait_reply(&direct, s.bot_id(), marker.as_str()).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    for id in &ignored {
        assert!(s.admin.replies_to(&group, s.bot_id(), id.as_str()).await.is_empty(), "{id}");
    }
    let said = s.admin.events(&group).await.into_iter().filter(|e| e["sender"] == s.bot_id());
    assert!(said.filter(|e| e["type"] == "m.room.message").count() == 0);
    let store = Database::connect(&s.db.url, 1).await.unwrap();
    use peerlink::storage::RequestStore;
    assert!(store.list_requests(&Default::default()).await.unwrap().is_empty());
    store.close().await;
    s.db.cleanup().await;
}

#[tokio::test]
async fn the_json_log_format_writes_one_object_per_line() {
    let Some(hs) = Homeserver::from_env() else { return };
    let Some(db) = TestDb::create(Backend::Sqlite).await else { return };
    let mut bot =
        BotProcess::start_with_env(&hs, &db.url, &[], &[("PEERLINK__LOG__FORMAT", "json")]).await;
    assert!(bot.terminate().await);

    let log = bot.log();
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() >= 3, "{log}");
    for line in lines {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        assert!(value["level"].is_string() && value["timestamp"].is_string(), "{line}");
    }
    db.cleanup().await;
}

#[tokio::test]
async fn the_bot_can_log_in_with_an_access_token_instead_of_a_password() {
    let Some(hs) = Homeserver::from_env() else { return };
    let Some(db) = TestDb::create(Backend::Sqlite).await else { return };
    let admin_account = hs.register("admin-").await;
    let admin = TestClient::login(&hs, &admin_account).await;
    let bot_account = hs.register("bot-").await;
    let token = TestClient::login(&hs, &bot_account).await.client.access_token().unwrap();
    let env = [("PEERLINK__MATRIX__ACCESS_TOKEN", token.as_str())];
    let mut bot =
        BotProcess::start_as(&hs, bot_account, &db.url, &[&admin_account.user_id], &env).await;
    let bot_id = bot.account.user_id.clone();

    let room = admin.create_room(&[&bot_id]).await;
    admin.wait_joined(&room, &bot_id).await;
    let ping = admin.send_text(&room, "!ping").await;
    admin.wait_reply(&room, &bot_id, ping.as_str()).await;
    assert!(bot.terminate().await);

    let log = bot.log();
    assert!(log.contains("using the configured access token"), "{log}");
    assert!(!log.contains(&token), "the access token is in the log");
    db.cleanup().await;
}

/// The value of the Prometheus sample `name{labels}` in `text` (0 if absent).
fn sample(text: &str, series: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test]
async fn metrics_and_readiness_follow_what_the_bot_does() {
    let Some(s) = Setup::new(Backend::Sqlite).await else { return };
    let base = format!("http://{}", s.bot.http_addr());
    let http = reqwest::Client::new();
    let get = |path: &str| {
        let (http, url) = (http.clone(), format!("{base}{path}"));
        async move {
            let r = http.get(url).send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let room = s.room_with_bot().await;
    let (status, ready) = get("/readyz").await;
    assert_eq!(status, 200, "a syncing bot is ready: {ready}");
    let (_, before) = get("/metrics").await;

    for body in ["!ping", "!ping", "!frobnicate"] {
        let sent = s.admin.send_text(&room, body).await;
        s.admin.wait_reply(&room, s.bot_id(), sent.as_str()).await;
    }
    s.admin.send_text(&room, "just chatting").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let (_, after) = get("/metrics").await;

    let ping = "peerlink_commands_total{command=\"ping\",result=\"answered\"}";
    let unknown = "peerlink_commands_total{command=\"unknown\",result=\"answered\"}";
    assert_eq!(sample(&after, ping) - sample(&before, ping), 2.0, "{after}");
    assert_eq!(sample(&after, unknown) - sample(&before, unknown), 1.0, "{after}");
    let count = "peerlink_command_duration_seconds_count";
    assert_eq!(sample(&after, count) - sample(&before, count), 3.0, "{after}");
    assert!(sample(&after, "peerlink_sync_lag_seconds") < 60.0, "{after}");
    assert_eq!(sample(&after, "peerlink_delivery_failures_total"), 0.0);
    let replies = "peerlink_outbox_delivered_total{kind=\"reply\"}";
    assert_eq!(sample(&after, replies) - sample(&before, replies), 3.0, "{after}");
    assert_eq!(sample(&after, "peerlink_outbox_pending"), 0.0, "{after}");
    let (_, ready) = get("/readyz").await;
    let ready: serde_json::Value = serde_json::from_str(&ready).unwrap();
    assert_eq!(ready["outbox"]["pending"], 0, "{ready}");
    assert_eq!(ready["outbox"]["ok"], true, "{ready}");
    s.db.cleanup().await;
}
