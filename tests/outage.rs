//! Outages in the middle of a flow: the homeserver goes away for 30 seconds,
//! or the PostgreSQL server restarts. The bot says so in /readyz, comes back
//! by itself, and the flow completes with nothing lost or done twice. Each
//! test has a server of its own (a Synapse started and stopped by PID with
//! scripts/synapse.sh, a PostgreSQL cluster with scripts/postgres-private.sh),
//! so other tests are not disturbed.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::net::Net;
use common::{eventually, Backend, Homeserver, TestDb};
use serde_json::Value;

struct OwnSynapse {
    dir: PathBuf,
    port: u16,
    _tmp: tempfile::TempDir,
}

impl OwnSynapse {
    /// A fresh Synapse on a free port, or a CI failure / loud skip.
    fn start() -> Option<(Self, Homeserver)> {
        // Only where the suite's homeserver is (the venv is then installed).
        Homeserver::from_env()?;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("synapse");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if !common::script(
            "synapse.sh",
            &["start", dir.to_str().unwrap(), &port.to_string(), "localhost"],
        ) {
            return common::missing("a second Synapse started by scripts/synapse.sh");
        }
        let secret = std::fs::read_to_string(dir.join("registration_secret")).unwrap();
        let hs = Homeserver {
            url: format!("http://127.0.0.1:{port}"),
            secret,
            server_name: "localhost".into(),
        };
        Some((Self { dir, port, _tmp: tmp }, hs))
    }

    fn stop(&self) {
        assert!(common::script("synapse.sh", &["stop", self.dir.to_str().unwrap()]));
    }

    fn restart(&self) {
        let port = self.port.to_string();
        assert!(common::script(
            "synapse.sh",
            &["start", self.dir.to_str().unwrap(), &port, "localhost"]
        ));
    }
}

impl OwnSynapse {
    /// Restarts the homeserver with `rc_message` (the message rate limit,
    /// per user) set to `limit`.
    fn limit_messages(&self, limit: &str) {
        let path = self.dir.join("homeserver.yaml");
        let config = std::fs::read_to_string(&path).unwrap();
        let config: String = config
            .lines()
            .map(|l| {
                if l.starts_with("rc_message:") {
                    format!("rc_message: {limit}")
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&path, config + "\n").unwrap();
        self.stop();
        self.restart();
    }
}

impl Drop for OwnSynapse {
    fn drop(&mut self) {
        common::script("synapse.sh", &["stop", self.dir.to_str().unwrap()]);
    }
}

async fn readyz(base: &str) -> (u16, Value) {
    match reqwest::get(format!("{base}/readyz")).await {
        Ok(r) => {
            let status = r.status().as_u16();
            (status, r.json().await.unwrap_or(Value::Null))
        }
        Err(_) => (0, Value::Null),
    }
}

#[tokio::test]
async fn a_request_flow_rides_out_a_30_second_homeserver_outage() {
    let Some((synapse, hs)) = OwnSynapse::start() else { return };
    let Some(db) = TestDb::create(Backend::Sqlite).await else { return };
    let mut net = Net::on(hs, db).await;
    let bot = net.bot_id();
    let base = format!("http://{}", net.bot.http_addr());
    let request = net.cl.send_text(&net.plenary, "!request membership Help across an outage").await;
    net.wait_thread(&net.cl, &net.plenary, request.as_str(), 1).await;
    eventually("ready before the outage", Duration::from_secs(20), || async {
        (readyz(&base).await.0 == 200).then_some(())
    })
    .await;

    // A command the homeserver takes just before it goes away: its answer
    // and the requester's notice may be in flight when it stops.
    let ack = net.ma.send_text(&net.committee, "!ack 1").await;
    synapse.stop();
    let down = eventually("/readyz to report the homeserver", Duration::from_secs(60), || async {
        let (status, body) = readyz(&base).await;
        (status == 503 && body["homeserver"]["ok"] == false).then_some(body)
    })
    .await;
    assert_eq!(down["database"]["ok"], true, "{down}");
    tokio::time::sleep(Duration::from_secs(30)).await;
    synapse.restart();

    eventually("the bot back in sync", Duration::from_secs(60), || async {
        (readyz(&base).await.0 == 200).then_some(())
    })
    .await;
    let accept = net.ma.send_text(&net.committee, "!accept 1 PT").await;
    let notices = net.wait_thread(&net.cl, &net.plenary, request.as_str(), 3).await;
    let expected = ["#1", "has been acknowledged", "assigned to Portugal"];
    for (notice, part) in notices.iter().zip(expected) {
        assert!(body(notice).contains(part), "{part}: {}", body(notice));
    }
    for id in [&ack, &accept] {
        net.ma.wait_reply(&net.committee, &bot, id.as_str()).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    for id in [&ack, &accept] {
        assert_eq!(net.ma.replies_to(&net.committee, &bot, id.as_str()).await.len(), 1, "{id}");
    }
    assert_eq!(net.thread(&net.cl, &net.plenary, request.as_str()).await.len(), 3);
    let log = net.bot.log();
    assert!(log.contains("sync failed"), "the outage was seen and logged");
    assert!(log.contains("sync is back"), "and its end");
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

/// A PostgreSQL cluster of the test's own, on a free port.
struct OwnPostgres {
    dir: PathBuf,
    port: u16,
    _tmp: tempfile::TempDir,
}

impl OwnPostgres {
    fn start() -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        // Run as root, the cluster's owner (`postgres`) must reach its folder.
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let dir = tmp.path().join("pg");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if !common::script(
            "postgres-private.sh",
            &["start", dir.to_str().unwrap(), &port.to_string()],
        ) {
            return common::missing("a private PostgreSQL cluster (scripts/postgres-private.sh)");
        }
        Some(Self { dir, port, _tmp: tmp })
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn stop(&self) {
        assert!(common::script("postgres-private.sh", &["stop", self.dir.to_str().unwrap()]));
    }

    fn restart(&self) {
        assert!(common::script(
            "postgres-private.sh",
            &["start", self.dir.to_str().unwrap(), &self.port.to_string()]
        ));
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        common::script("postgres-private.sh", &["stop", self.dir.to_str().unwrap()]);
    }
}

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn a_request_flow_rides_out_a_postgresql_restart() {
    use peerlink::storage::{Database, Outbox, RequestStore};

    // The homeserver is checked first: without it there is nothing to test.
    Homeserver::from_env();
    let Some(pg) = OwnPostgres::start() else { return };
    let Some(mut net) = Net::on_database(TestDb::existing(&pg.url(), Backend::Postgres)).await
    else {
        return;
    };
    let bot = net.bot_id();
    let base = format!("http://{}", net.bot.http_addr());
    let request = net.cl.send_text(&net.plenary, "!request membership Help during a restart").await;
    net.wait_thread(&net.cl, &net.plenary, request.as_str(), 1).await;
    let card = net.card(1).await;

    // The database goes away; committee delegates carry on triaging in the
    // card's thread: a reaction (an acknowledgement), then two commands.
    pg.stop();
    let down = eventually("/readyz to report the database", Duration::from_secs(30), || async {
        let (status, body) = readyz(&base).await;
        (status == 503 && body["database"]["ok"] == false).then_some(body)
    })
    .await;
    assert_eq!(down["homeserver"]["ok"], true, "{down}");
    let outage = std::time::Instant::now();
    net.pt.react(&net.committee, &card, "👍").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let accept = net.ma.send_raw(&net.committee, common::in_thread("!accept PT", &card)).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let start = net.py.send_raw(&net.committee, common::in_thread("!start", &card)).await;
    let ping = net.cl.send_text(&net.plenary, "!ping").await;
    tokio::time::sleep(Duration::from_secs(20).saturating_sub(outage.elapsed())).await;
    assert!(
        net.ma.replies_to(&net.committee, &bot, accept.as_str()).await.is_empty(),
        "nothing can be decided without the database"
    );
    pg.restart();

    // Everything sent during the outage is handled, in order, once.
    let notices = net.wait_thread(&net.cl, &net.plenary, request.as_str(), 4).await;
    let expected = ["#1", "has been acknowledged", "assigned to Portugal", "has started"];
    for (notice, part) in notices.iter().zip(expected) {
        assert!(body(notice).contains(part), "{part}: {}", body(notice));
    }
    for (room, client, id) in [
        (&net.committee, &net.ma, &accept),
        (&net.committee, &net.py, &start),
        (&net.plenary, &net.cl, &ping),
    ] {
        client.wait_reply(room, &bot, id.as_str()).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    for (room, client, id) in [
        (&net.committee, &net.ma, &accept),
        (&net.committee, &net.py, &start),
        (&net.plenary, &net.cl, &ping),
    ] {
        assert_eq!(client.replies_to(room, &bot, id.as_str()).await.len(), 1, "{id}");
    }
    assert_eq!(net.thread(&net.cl, &net.plenary, request.as_str()).await.len(), 4);
    // The card's thread: the answer to each of the three, once, in order.
    let answers: Vec<String> = net
        .thread(&net.pt, &net.committee, &card)
        .await
        .iter()
        .map(|e| body(e).to_owned())
        .collect();
    let expected = ["is now: acknowledged", "is now: accepted", "is now: in progress"];
    assert_eq!(answers.len(), expected.len(), "{answers:#?}");
    for (answer, part) in answers.iter().zip(expected) {
        assert!(answer.contains(part), "{part}: {answer}");
    }
    eventually("ready again", Duration::from_secs(30), || async {
        (readyz(&base).await.0 == 200).then_some(())
    })
    .await;

    let store = Database::connect(&pg.url(), 1).await.unwrap();
    let actions: Vec<String> =
        store.transitions(1).await.unwrap().into_iter().map(|t| t.action).collect();
    assert_eq!(actions, ["submit", "ack", "accept", "start"]);
    let outbox = store.outbox_counts().await.unwrap();
    assert_eq!((outbox.pending, outbox.failed), (0, 0));
    store.close().await;
    let log = net.bot.log();
    assert!(log.contains("cannot handle an event yet; retrying"), "the outage was logged");
    assert!(net.bot.terminate().await);
}

#[tokio::test]
async fn answers_held_back_by_the_homeserver_rate_limit_all_arrive_once() {
    use common::bot::BotProcess;
    use common::client::TestClient;
    let Some((synapse, hs)) = OwnSynapse::start() else { return };
    // Six messages at once, then one every two seconds, per user: two
    // people sending five commands each stay under it, the bot answering
    // all ten does not.
    synapse.limit_messages("{per_second: 0.5, burst_count: 6}");
    let Some(db) = TestDb::create(Backend::Sqlite).await else { return };
    let (a, b) = (hs.register("admin-").await, hs.register("admin-").await);
    let mut bot = BotProcess::start(&hs, &db.url, &[&a.user_id, &b.user_id]).await;
    let bot_id = bot.account.user_id.clone();
    let mut sent = Vec::new();
    for account in [&a, &b] {
        let client = TestClient::login(&hs, account).await;
        let room = client.create_room(&[&bot_id]).await;
        client.wait_joined(&room, &bot_id).await;
        sent.push((client, room));
    }
    let mut commands = Vec::new();
    for _ in 0..5 {
        for (client, room) in &sent {
            commands.push((client, room, client.send_text(room, "!ping").await));
        }
    }
    for (client, room, id) in &commands {
        eventually("every answer, in the end", Duration::from_secs(90), || async {
            (!client.replies_to(room, &bot_id, id.as_str()).await.is_empty()).then_some(())
        })
        .await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut times = Vec::new();
    for (client, room, id) in &commands {
        let replies = client.replies_to(room, &bot_id, id.as_str()).await;
        assert_eq!(replies.len(), 1, "{id}");
        times.push(replies[0]["origin_server_ts"].as_i64().unwrap());
    }
    // The homeserver held the bot back: ten answers at six plus one every
    // two seconds take eight seconds at least (matrix-sdk waits out each
    // M_LIMIT_EXCEEDED for its retry_after before the outbox sees it).
    let spread = times.iter().max().unwrap() - times.iter().min().unwrap();
    assert!(spread >= 6_000, "the answers were throttled: {spread} ms from first to last");
    assert!(bot.terminate().await);
    db.cleanup().await;
}
