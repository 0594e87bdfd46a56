//! The real `peerlink` binary, run as a child process against the test homeserver.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use tokio::process::{Child, Command};

use super::{Account, Homeserver};

/// A running (or stopped) bot process with its own data directory and log.
pub struct BotProcess {
    /// The bot account.
    pub account: Account,
    /// Its data directory (session, store; kept across restarts).
    pub data_dir: PathBuf,
    child: Option<Child>,
    env: Vec<(String, String)>,
    log_path: PathBuf,
    _dir: tempfile::TempDir,
}

impl BotProcess {
    /// Registers a bot account and starts peerlink on `database_url`,
    /// accepting invitations from `admins`. Returns once it listens.
    pub async fn start(hs: &Homeserver, database_url: &str, admins: &[&str]) -> Self {
        Self::start_with_env(hs, database_url, admins, &[]).await
    }

    /// Like [`BotProcess::start`], with extra `PEERLINK__…` variables.
    pub async fn start_with_env(
        hs: &Homeserver,
        database_url: &str,
        admins: &[&str],
        extra_env: &[(&str, &str)],
    ) -> Self {
        let account = hs.register("bot-").await;
        Self::start_as(hs, account, database_url, admins, extra_env).await
    }

    /// Starts peerlink as an already registered `account`.
    pub async fn start_as(
        hs: &Homeserver,
        account: Account,
        database_url: &str,
        admins: &[&str],
        extra_env: &[(&str, &str)],
    ) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = dir.path().join("data");
        let admins_toml = format!(
            "[{}]",
            admins.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ")
        );
        let mut env: Vec<(String, String)> = vec![
            ("PEERLINK__DATA_DIR".into(), data_dir.display().to_string()),
            ("PEERLINK__DATABASE__URL".into(), database_url.to_owned()),
            ("PEERLINK__MATRIX__HOMESERVER_URL".into(), hs.url.clone()),
            ("PEERLINK__MATRIX__USER_ID".into(), account.user_id.clone()),
            ("PEERLINK__MATRIX__PASSWORD".into(), account.password.clone()),
            ("PEERLINK__BOT__ADMINS".into(), admins_toml),
            // Provisioning has its own tests; elsewhere it would only add rooms.
            ("PEERLINK__PROVISIONING__ON_START".into(), "false".into()),
            ("PEERLINK__PROVISIONING__INTERVAL_SECS".into(), "0".into()),
            // Many bots run at once: each HTTP server on a free port.
            ("PEERLINK__HTTP__LISTEN".into(), "127.0.0.1:0".into()),
        ];
        for (k, v) in extra_env {
            env.retain(|(key, _)| key != k);
            env.push(((*k).to_owned(), (*v).to_owned()));
        }
        let log_path = dir.path().join("peerlink.log");
        let mut bot = Self { account, data_dir, child: None, env, log_path, _dir: dir };
        bot.launch().await;
        bot
    }

    /// Starts the process (again) and waits until it listens for commands.
    pub async fn launch(&mut self) {
        assert!(self.child.is_none(), "the bot is already running");
        // Up: listening for commands (leading), or standing by (another
        // instance leads).
        let up = |log: String| {
            log.matches("listening for commands").count() + log.matches("standing by").count()
        };
        let before = up(self.log());
        let log =
            std::fs::OpenOptions::new().create(true).append(true).open(&self.log_path).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_peerlink"))
            .arg("run")
            .current_dir(self._dir.path())
            .env_remove("RUST_LOG")
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .kill_on_drop(true)
            .spawn()
            .expect("the peerlink binary starts");
        self.child = Some(child);
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        while up(self.log()) <= before {
            if let Some(Ok(Some(status))) = self.child.as_mut().map(|c| c.try_wait()) {
                panic!("peerlink exited with {status} during start-up:\n{}", self.log());
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "peerlink did not start:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Another instance of the same bot account, with the same settings and
    /// a data directory (a Matrix device) of its own.
    pub async fn twin(&self) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = dir.path().join("data");
        let mut env = self.env.clone();
        env.retain(|(k, _)| k != "PEERLINK__DATA_DIR");
        env.push(("PEERLINK__DATA_DIR".into(), data_dir.display().to_string()));
        let log_path = dir.path().join("peerlink.log");
        let mut twin =
            Self { account: self.account.clone(), data_dir, child: None, env, log_path, _dir: dir };
        twin.launch().await;
        twin
    }

    /// The process ID, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().and_then(|c| c.id())
    }

    /// Sets (or, with `None`, removes) an environment variable for the
    /// next [`launch`](Self::launch).
    pub fn set_env(&mut self, key: &str, value: Option<&str>) {
        self.env.retain(|(k, _)| k != key);
        if let Some(v) = value {
            self.env.push((key.to_owned(), v.to_owned()));
        }
    }

    /// Whether the process is running (not started, or exited, is `false`).
    pub fn is_running(&mut self) -> bool {
        self.child.as_mut().is_some_and(|c| matches!(c.try_wait(), Ok(None)))
    }

    /// Waits up to `timeout` for the process to exit by itself and returns
    /// the signal that ended it (`None`: it exited normally).
    pub async fn wait_exit(&mut self, timeout: Duration) -> Option<i32> {
        use std::os::unix::process::ExitStatusExt;
        let mut child = self.child.take().expect("the bot was started");
        let status = match tokio::time::timeout(timeout, child.wait()).await {
            Ok(status) => status.unwrap(),
            Err(_) => panic!("peerlink did not exit within {timeout:?}:\n{}", self.log()),
        };
        status.signal()
    }

    /// SIGKILL: no chance to clean up, as in a crash.
    pub async fn kill(&mut self) {
        let mut child = self.child.take().expect("the bot is running");
        child.kill().await.unwrap();
    }

    /// SIGTERM, then waits for the exit; returns whether it exited cleanly.
    pub async fn terminate(&mut self) -> bool {
        let mut child = self.child.take().expect("the bot is running");
        let pid = child.id().expect("running child has a pid");
        let status =
            std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
        assert!(status.success());
        let exit = tokio::time::timeout(Duration::from_secs(40), child.wait())
            .await
            .expect("peerlink stops within 40 s of SIGTERM")
            .unwrap();
        self.assert_no_secrets_logged();
        exit.success()
    }

    /// The log never holds the bot's password or access token (checked at
    /// every clean stop, so every test that stops its bot checks it).
    pub fn assert_no_secrets_logged(&self) {
        let log = self.log();
        assert!(!log.contains(&self.account.password), "the bot's password is in its log");
        let secrets: Vec<String> = self
            .env
            .iter()
            .filter(|(k, _)| k.ends_with("ACCESS_TOKEN") || k.ends_with("PASSWORD"))
            .map(|(_, v)| v.clone())
            .chain(self.saved_access_token())
            .collect();
        for secret in secrets {
            assert!(!log.contains(&secret), "a secret is in the bot's log");
        }
    }

    fn saved_access_token(&self) -> Option<String> {
        let session = std::fs::read_to_string(self.data_dir.join("matrix-session.json")).ok()?;
        let session: serde_json::Value = serde_json::from_str(&session).ok()?;
        session["access_token"].as_str().map(str::to_owned)
    }

    /// Where the process logs.
    pub fn log_path(&self) -> PathBuf {
        self.log_path.clone()
    }

    /// Everything the process logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    /// The access token the bot saved at login.
    pub fn access_token(&self) -> String {
        let session = std::fs::read_to_string(self.data_dir.join("matrix-session.json")).unwrap();
        let session: serde_json::Value = serde_json::from_str(&session).unwrap();
        session["access_token"].as_str().unwrap().to_owned()
    }

    /// The address the bot's HTTP server listens on (from its log).
    pub fn http_addr(&self) -> String {
        let log = self.log();
        let line =
            log.lines().rev().find(|l| l.contains("HTTP server listening")).expect("HTTP is on");
        let addr = line.split("addr=").nth(1).expect("the address is logged");
        addr.split_whitespace().next().unwrap_or_default().to_owned()
    }

    /// Waits until the log contains `needle`, for at most 60 s.
    pub async fn wait_for_log(&self, needle: &str) {
        self.wait_for_log_within(needle, Duration::from_secs(60)).await;
    }

    /// Waits until the log contains `needle`. `ceiling` is a ceiling, not a
    /// target: with many tests at once on two cores, provisioning a whole
    /// network can take a while. On a timeout the panic shows the log's
    /// last lines.
    pub async fn wait_for_log_within(&self, needle: &str, ceiling: Duration) {
        let deadline = tokio::time::Instant::now() + ceiling;
        while !self.log().contains(needle) {
            if tokio::time::Instant::now() >= deadline {
                let log = self.log();
                let mut tail: Vec<&str> = log.lines().rev().take(30).collect();
                tail.reverse();
                panic!(
                    "timed out after {ceiling:?} waiting for `{needle}` in the bot's log; it ends:\n{}",
                    tail.join("\n")
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
