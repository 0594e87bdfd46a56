//! The homeserver goes away for 30 seconds in the middle of a flow: the bot
//! says so in /readyz, comes back by itself, and the flow completes with
//! nothing lost or answered twice. Uses a Synapse of its own (started and
//! stopped by PID with scripts/synapse.sh), so other tests are not disturbed.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::bot::BotProcess;
use common::client::TestClient;
use common::{eventually, Backend, Homeserver, TestDb};
use serde_json::Value;

struct OwnSynapse {
    dir: PathBuf,
    port: u16,
    _tmp: tempfile::TempDir,
}

fn synapse_sh(args: &[&str]) -> bool {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/synapse.sh");
    std::process::Command::new("bash")
        .arg(script)
        .args(args)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

impl OwnSynapse {
    /// A fresh Synapse on a free port, or a CI failure / loud skip.
    fn start() -> Option<(Self, Homeserver)> {
        // Only where the suite's homeserver is (the venv is then installed).
        Homeserver::from_env()?;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("synapse");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if !synapse_sh(&["start", dir.to_str().unwrap(), &port.to_string(), "localhost"]) {
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
        assert!(synapse_sh(&["stop", self.dir.to_str().unwrap()]));
    }

    fn restart(&self) {
        let port = self.port.to_string();
        assert!(synapse_sh(&["start", self.dir.to_str().unwrap(), &port, "localhost"]));
    }
}

impl Drop for OwnSynapse {
    fn drop(&mut self) {
        synapse_sh(&["stop", self.dir.to_str().unwrap()]);
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
async fn the_bot_rides_out_a_30_second_homeserver_outage() {
    let Some((synapse, hs)) = OwnSynapse::start() else { return };
    let Some(db) = TestDb::create(Backend::Sqlite).await else { return };
    let admin_account = hs.register("admin-").await;
    let admin = TestClient::login(&hs, &admin_account).await;
    let mut bot = BotProcess::start(&hs, &db.url, &[&admin_account.user_id]).await;
    let bot_id = bot.account.user_id.clone();
    let base = format!("http://{}", bot.http_addr());
    let room = admin.create_room(&[&bot_id]).await;
    admin.wait_joined(&room, &bot_id).await;
    let before = admin.send_text(&room, "!ping").await;
    admin.wait_reply(&room, &bot_id, before.as_str()).await;
    eventually("ready before the outage", Duration::from_secs(20), || async {
        (readyz(&base).await.0 == 200).then_some(())
    })
    .await;

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
    let after = admin.send_text(&room, "!ping").await;
    admin.wait_reply(&room, &bot_id, after.as_str()).await;
    for id in [&before, &after] {
        assert_eq!(admin.replies_to(&room, &bot_id, id.as_str()).await.len(), 1, "{id}");
    }
    assert!(bot.log().contains("sync failed"), "the outage was seen and logged");
    assert!(bot.log().contains("sync is back"), "and its end");
    assert!(bot.terminate().await);
    db.cleanup().await;
}
