//! A provisioned network for end-to-end tests: the bot (provisioning on
//! start), an admin, an observer (CL), three committee delegates (MA, PT,
//! PY) and a member (FR), with an unencrypted committee room so the test
//! clients can read the request cards.

use std::time::Duration;

use matrix_sdk::ruma::OwnedRoomId;
use peerlink::domain::RoomKind;
use peerlink::storage::{Database, RoomStore};
use serde_json::Value;

use super::bot::BotProcess;
use super::client::TestClient;
use super::{eventually, Account, Backend, Homeserver, TestDb};

/// The bot, an admin, an observer (CL) and two committee delegates (MA, PT),
/// with an unencrypted committee room so the test clients can read cards.
pub struct Net {
    pub hs: Homeserver,
    pub db: TestDb,
    pub bot: BotProcess,
    /// Delegate of Chile, an observer.
    pub cl: TestClient,
    /// Delegate of Morocco: committee, coordinator.
    pub ma: TestClient,
    /// Delegate of Portugal: committee.
    pub pt: TestClient,
    /// Delegate of Paraguay: committee.
    pub py: TestClient,
    /// Delegate of France, a member.
    pub fr: TestClient,
    pub plenary: OwnedRoomId,
    pub committee: OwnedRoomId,
    /// Every provisioned room (regional rooms, the Space).
    pub rooms: Rooms,
    pub dir: tempfile::TempDir,
}

impl Net {
    pub async fn new(backend: Backend) -> Option<Self> {
        Self::with_committee_encryption(backend, false).await
    }

    pub async fn with_committee_encryption(backend: Backend, encrypted: bool) -> Option<Self> {
        let hs = Homeserver::from_env()?;
        let db = TestDb::create(backend).await?;
        Some(Self::build(hs, db, encrypted, &[], &|n| n).await)
    }

    /// The network with its `network.toml` changed by `edit` (short
    /// response-time targets, say).
    pub async fn with_network(backend: Backend, edit: &dyn Fn(String) -> String) -> Option<Self> {
        let hs = Homeserver::from_env()?;
        let db = TestDb::create(backend).await?;
        Some(Self::build(hs, db, false, &[], edit).await)
    }

    /// The network, its committee room reading `languages` (catalog codes).
    pub async fn with_committee_languages(backend: Backend, languages: &[&str]) -> Option<Self> {
        let hs = Homeserver::from_env()?;
        let db = TestDb::create(backend).await?;
        Some(Self::build(hs, db, false, languages, &|n| n).await)
    }

    /// The network on homeserver `hs` and database `db`.
    pub async fn on(hs: Homeserver, db: TestDb) -> Self {
        Self::build(hs, db, false, &[], &|n| n).await
    }

    /// The network on an existing database `db`.
    pub async fn on_database(db: TestDb) -> Option<Self> {
        let hs = Homeserver::from_env()?;
        Some(Self::build(hs, db, false, &[], &|n| n).await)
    }

    async fn build(
        hs: Homeserver,
        db: TestDb,
        encrypted: bool,
        languages: &[&str],
        edit: &dyn Fn(String) -> String,
    ) -> Self {
        let admin = hs.register("admin-").await;
        let accounts: Vec<Account> =
            futures_accounts(&hs, &["cl-", "ma-", "pt-", "py-", "fr-"]).await;
        let states = [
            ("CL", "observer", accounts[0].user_id.as_str()),
            ("MA", "founding_member", accounts[1].user_id.as_str()),
            ("PT", "founding_member", accounts[2].user_id.as_str()),
            ("PY", "founding_member", accounts[3].user_id.as_str()),
            ("FR", "member", accounts[4].user_id.as_str()),
        ];
        let Provisioned { dir, bot, rooms } = Provisioned::start_edited(
            &hs,
            &db,
            &admin.user_id,
            &states,
            encrypted,
            languages,
            edit,
        )
        .await;
        let (plenary, committee) = (rooms.room(RoomKind::Plenary), rooms.room(RoomKind::Committee));
        let cl = TestClient::login(&hs, &accounts[0]).await;
        let ma = TestClient::login(&hs, &accounts[1]).await;
        let pt = TestClient::login(&hs, &accounts[2]).await;
        let py = TestClient::login(&hs, &accounts[3]).await;
        let fr = TestClient::login(&hs, &accounts[4]).await;
        for c in [&cl, &fr] {
            c.client.join_room_by_id(&plenary).await.unwrap();
        }
        for c in [&ma, &pt, &py] {
            c.client.join_room_by_id(&committee).await.unwrap();
        }
        Self { hs, db, bot, cl, ma, pt, py, fr, plenary, committee, rooms, dir }
    }

    /// Runs the `peerlink` CLI on this network's database.
    pub fn cli(&self, args: &[&str]) -> super::cli::CliOutput {
        super::cli::peerlink(
            self.dir.path(),
            args,
            &[("PEERLINK__DATABASE__URL", self.db.url.as_str())],
        )
    }

    pub fn bot_id(&self) -> String {
        self.bot.account.user_id.clone()
    }

    /// The bot's messages in `room` that belong to the thread of `root`.
    pub async fn thread(&self, client: &TestClient, room: &OwnedRoomId, root: &str) -> Vec<Value> {
        client
            .events(room)
            .await
            .into_iter()
            .filter(|e| e["type"] == "m.room.message" && e["sender"] == self.bot_id().as_str())
            .filter(|e| {
                e["content"]["m.relates_to"]["rel_type"] == "m.thread"
                    && e["content"]["m.relates_to"]["event_id"] == root
            })
            .collect()
    }

    /// The event ID of the bot's card for request `number` in the committee
    /// room (waits for it).
    pub async fn card(&self, number: i64) -> String {
        self.card_with(&format!("Request #{number} ·")).await
    }

    /// The event ID of the bot's card (a message of its own, not in a
    /// thread) in the committee room whose text holds `marker`.
    pub async fn card_with(&self, marker: &str) -> String {
        let bot = self.bot_id();
        eventually(&format!("the card with {marker}"), Duration::from_secs(30), || async {
            self.pt.all_events(&self.committee).await.into_iter().find_map(|e| {
                let is_card = e["type"] == "m.room.message"
                    && e["sender"] == bot.as_str()
                    && e["content"]["m.relates_to"].is_null()
                    && e["content"]["body"].as_str().is_some_and(|b| b.contains(marker));
                is_card.then(|| e["event_id"].as_str().unwrap_or_default().to_owned())
            })
        })
        .await
    }

    /// Waits until the thread of `root` holds `count` bot messages.
    pub async fn wait_thread(
        &self,
        client: &TestClient,
        room: &OwnedRoomId,
        root: &str,
        count: usize,
    ) -> Vec<Value> {
        eventually(&format!("{count} notices in the thread"), Duration::from_secs(20), || async {
            let messages = self.thread(client, room, root).await;
            (messages.len() >= count).then_some(messages)
        })
        .await
    }
}

/// A network provisioned by a running bot.
pub struct Provisioned {
    /// The configuration folder (network and regions files, roster).
    pub dir: tempfile::TempDir,
    /// The bot, provisioning at start.
    pub bot: BotProcess,
    /// The rooms it provisioned.
    pub rooms: Rooms,
}

/// The provisioned rooms, by kind.
pub struct Rooms(Vec<(RoomKind, String)>);

impl Rooms {
    /// The room of `kind`.
    pub fn room(&self, kind: RoomKind) -> OwnedRoomId {
        let id = self.0.iter().find(|(k, _)| *k == kind).expect("provisioned").1.clone();
        OwnedRoomId::try_from(id).unwrap()
    }
}

impl Provisioned {
    /// Writes the network files (the committee room `encrypted` or not),
    /// imports the roster `states` (code, status, delegate's user ID) with
    /// the CLI into `db`, starts the bot on `hs` with `admin` as its admin
    /// and waits until it has provisioned the rooms.
    pub async fn start(
        hs: &Homeserver,
        db: &TestDb,
        admin: &str,
        states: &[(&str, &str, &str)],
        encrypted: bool,
    ) -> Self {
        Self::start_edited(hs, db, admin, states, encrypted, &[], &|n| n).await
    }

    /// Like [`Provisioned::start`], the committee room reading `languages`
    /// and the network file changed by `edit`.
    pub async fn start_edited(
        hs: &Homeserver,
        db: &TestDb,
        admin: &str,
        states: &[(&str, &str, &str)],
        encrypted: bool,
        languages: &[&str],
        edit: &dyn Fn(String) -> String,
    ) -> Self {
        let roster: String = states
            .iter()
            .map(|(code, status, user)| {
                format!(
                    "[[state]]\ncode = \"{code}\"\nstatus = \"{status}\"\n\
                     delegates = [{{ user = \"{user}\" }}]\n"
                )
            })
            .collect();
        Self::start_with_roster(hs, db, admin, &roster, encrypted, languages, edit).await
    }

    /// Like [`Provisioned::start_edited`], with the roster file's text.
    pub async fn start_with_roster(
        hs: &Homeserver,
        db: &TestDb,
        admin: &str,
        roster: &str,
        encrypted: bool,
        languages: &[&str],
        edit: &dyn Fn(String) -> String,
    ) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = concat!(env!("CARGO_MANIFEST_DIR"), "/config");
        let network = std::fs::read_to_string(format!("{config}/network.toml")).unwrap();
        let listed: Vec<String> = languages.iter().map(|l| format!("\"{l}\"")).collect();
        let setting = format!(
            "[rooms.committee]\nencrypted = {encrypted}\nlanguages = [{}]",
            listed.join(", ")
        );
        let network = network.replace("[rooms.committee]\nencrypted = true", &setting);
        assert!(network.contains(&setting));
        let network = edit(network);
        std::fs::write(dir.path().join("network.toml"), network).unwrap();
        std::fs::copy(format!("{config}/regions.toml"), dir.path().join("regions.toml")).unwrap();
        std::fs::copy(format!("{config}/themes.toml"), dir.path().join("themes.toml")).unwrap();

        let roster_path = dir.path().join("roster.toml");
        std::fs::write(&roster_path, roster).unwrap();
        let network_file = dir.path().join("network.toml").display().to_string();
        let env = [
            ("PEERLINK__DATABASE__URL", db.url.as_str()),
            ("PEERLINK__NETWORK__FILE", network_file.as_str()),
        ];
        let out = super::cli::peerlink(
            dir.path(),
            &["roster", "import", roster_path.to_str().unwrap()],
            &env,
        );
        assert!(out.ok(), "{}", out.text());

        let plan = concat!(env!("CARGO_MANIFEST_DIR"), "/config/action-plan.example.toml");
        let bot_env = [
            ("PEERLINK__PROVISIONING__ON_START", "true"),
            ("PEERLINK__NETWORK__FILE", network_file.as_str()),
            ("PEERLINK__NETWORK__ACTION_PLAN", plan),
        ];
        let bot = BotProcess::start_with_env(hs, &db.url, &[admin], &bot_env).await;
        // Hundreds of invitations on a busy homeserver (the burst test's
        // network) take longer than the usual minute.
        bot.wait_for_log_within("provisioning done", Duration::from_secs(300)).await;
        let store = Database::connect(&db.url, 1).await.unwrap();
        let rooms = store.provisioned_rooms().await.unwrap();
        store.close().await;
        Self { dir, bot, rooms: Rooms(rooms) }
    }
}

async fn futures_accounts(hs: &Homeserver, prefixes: &[&str]) -> Vec<Account> {
    let mut accounts = Vec::new();
    for p in prefixes {
        accounts.push(hs.register(p).await);
    }
    accounts
}
