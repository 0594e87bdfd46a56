#![recursion_limit = "256"]
//! Federation: delegates on another homeserver take part fully. Two Synapse
//! homeservers federate on loopback with their own TLS certificates
//! (`scripts/federation.sh`): the bot, the admin and the coordinator (MA)
//! and a committee delegate (PY) live on the first; a member delegate (FR)
//! and a committee delegate (PT) on the second. Everything is asserted from
//! the delegates' own clients, each talking to its own homeserver.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::bot::BotProcess;
use common::client::TestClient;
use common::net::Provisioned;
use common::{eventually, Account, Backend, Homeserver, TestDb};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId};
use peerlink::domain::RoomKind;
use peerlink::storage::{Database, RequestStore, RosterStore};
use serde_json::Value;

/// Two federating homeservers of the test's own.
struct Federation {
    dir: PathBuf,
    servers: Vec<Homeserver>,
    _tmp: tempfile::TempDir,
}

/// `KEY=value` lines of a file written by federation.sh.
fn env_file(path: &Path) -> std::collections::HashMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.trim_matches('"').to_owned()))
        .collect()
}

impl Federation {
    fn start() -> Option<Self> {
        // Only where the suite's homeserver is (the Synapse venv is then installed).
        Homeserver::from_env()?;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("federation");
        if !common::script("federation.sh", &["start", dir.to_str().unwrap(), "2"]) {
            return common::missing("two federating Synapses (scripts/federation.sh)");
        }
        let servers = (1..=2)
            .map(|k| {
                let env = env_file(&dir.join(format!("hs{k}/env")));
                Homeserver {
                    url: env["HS_CLIENT_URL"].clone(),
                    secret: std::fs::read_to_string(&env["HS_REGISTRATION_SECRET_FILE"]).unwrap(),
                    server_name: env["HS_SERVER_NAME"].clone(),
                }
            })
            .collect();
        Some(Self { dir, servers, _tmp: tmp })
    }

    fn stop_one(&self, k: usize) {
        assert!(common::script(
            "federation.sh",
            &["stop-one", self.dir.to_str().unwrap(), &k.to_string()]
        ));
    }

    fn start_one(&self, k: usize) {
        assert!(common::script(
            "federation.sh",
            &["start-one", self.dir.to_str().unwrap(), &k.to_string()]
        ));
    }
}

impl Drop for Federation {
    fn drop(&mut self) {
        common::script("federation.sh", &["stop", self.dir.to_str().unwrap()]);
    }
}

/// The network spread over the two homeservers.
struct FedNet {
    fed: Federation,
    db: TestDb,
    bot: BotProcess,
    /// A configured admin on the first homeserver.
    admin: TestClient,
    /// Coordinator (Morocco) on the first homeserver.
    ma: TestClient,
    ma_account: Account,
    /// Member delegate (France) on the second.
    fr: TestClient,
    /// Committee delegate (Portugal) on the second.
    pt: TestClient,
    space: OwnedRoomId,
    plenary: OwnedRoomId,
    weog: OwnedRoomId,
    africa: OwnedRoomId,
    asia: OwnedRoomId,
    committee: OwnedRoomId,
    _dir: tempfile::TempDir,
}

const WEOG: &str = "western-europe-others";

/// Joins `room` once the invitation has come over federation.
async fn join_when_invited(client: &TestClient, room: &OwnedRoomId) {
    eventually(&format!("joining {room}"), Duration::from_secs(60), || async {
        client.client.join_room_by_id(room).await.ok().map(|_| ())
    })
    .await;
}

impl FedNet {
    async fn new(fed: Federation) -> Option<Self> {
        let (hs1, hs2) = (&fed.servers[0], &fed.servers[1]);
        let db = TestDb::create(Backend::Sqlite).await?;
        let admin = hs1.register("admin-").await;
        let ma_account = hs1.register("ma-").await;
        let py = hs1.register("py-").await;
        let pt = hs2.register("pt-").await;
        let fr = hs2.register("fr-").await;
        let states = [
            ("MA", "founding_member", ma_account.user_id.as_str()),
            ("PY", "founding_member", py.user_id.as_str()),
            ("PT", "founding_member", pt.user_id.as_str()),
            ("FR", "member", fr.user_id.as_str()),
        ];
        // Unencrypted committee room: the test clients read the cards.
        let Provisioned { dir, bot, rooms } =
            Provisioned::start(hs1, &db, &admin.user_id, &states, false).await;
        let room = |kind| rooms.room(kind);
        let space = room(RoomKind::Space);
        let plenary = room(RoomKind::Plenary);
        let weog = room(RoomKind::Regional(WEOG.into()));
        let africa = room(RoomKind::Regional("africa".into()));
        let asia = room(RoomKind::Regional("asia-pacific".into()));
        let committee = room(RoomKind::Committee);

        let admin = TestClient::login(hs1, &admin).await;
        let ma = TestClient::login(hs1, &ma_account).await;
        let py = TestClient::login(hs1, &py).await;
        let pt = TestClient::login(hs2, &pt).await;
        let fr = TestClient::login(hs2, &fr).await;
        // The remote member takes the invitations to the Space and its rooms.
        for room in [&space, &plenary, &weog] {
            join_when_invited(&fr, room).await;
        }
        for client in [&admin, &ma, &py, &pt] {
            join_when_invited(client, &committee).await;
        }
        Some(Self {
            fed,
            db,
            bot,
            admin,
            ma,
            ma_account,
            fr,
            pt,
            space,
            plenary,
            weog,
            africa,
            asia,
            committee,
            _dir: dir,
        })
    }

    fn bot_id(&self) -> String {
        self.bot.account.user_id.clone()
    }

    /// The `via` servers of the Space's link to `room`, as the remote
    /// member's homeserver shows them (`None` before there is a link).
    async fn space_via(&self, room: &OwnedRoomId) -> Option<Vec<String>> {
        let link = self
            .fr
            .all_events(&self.space)
            .await
            .into_iter()
            .rev()
            .find(|e| e["type"] == "m.space.child" && e["state_key"] == room.as_str())?;
        serde_json::from_value(link["content"]["via"].clone()).ok()
    }

    /// The bot's messages in the thread of `root` in `room`, as `client` sees them.
    async fn thread(&self, client: &TestClient, room: &OwnedRoomId, root: &str) -> Vec<Value> {
        let bot = self.bot_id();
        client
            .all_events(room)
            .await
            .into_iter()
            .filter(|e| e["type"] == "m.room.message" && e["sender"] == bot.as_str())
            .filter(|e| {
                e["content"]["m.relates_to"]["rel_type"] == "m.thread"
                    && e["content"]["m.relates_to"]["event_id"] == root
            })
            .collect()
    }

    async fn wait_thread(&self, client: &TestClient, room: &OwnedRoomId, root: &str, n: usize) {
        eventually(&format!("{n} notices in the thread"), Duration::from_secs(90), || async {
            (self.thread(client, room, root).await.len() >= n).then_some(())
        })
        .await;
    }

    /// Sends a triage command and waits for the bot's reply (both seen
    /// from `client`'s own homeserver).
    async fn triage(&self, client: &TestClient, command: &str) -> OwnedEventId {
        let sent = client.send_text(&self.committee, command).await;
        let reply = eventually(command, Duration::from_secs(90), || async {
            client.replies_to(&self.committee, &self.bot_id(), sent.as_str()).await.pop()
        })
        .await;
        assert!(body(&reply).contains("is now"), "{command}: {reply}");
        sent
    }

    /// The bot's membership in `room` as `client` sees it.
    async fn membership(&self, client: &TestClient, room: &OwnedRoomId, user: &str) -> String {
        client
            .all_events(room)
            .await
            .into_iter()
            .rev()
            .find(|e| e["type"] == "m.room.member" && e["state_key"] == user)
            .and_then(|e| e["content"]["membership"].as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

async fn readyz(base: &str) -> Value {
    match reqwest::get(format!("{base}/readyz")).await {
        Ok(r) => r.json().await.unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

/// The notices the requester gets, in order, for filing, ack, accept,
/// start and resolve.
const NOTICES: [&str; 5] = [
    "Your request is number #1",
    "has been acknowledged",
    "assigned to Portugal",
    "has started",
    "is resolved (delivered)",
];

async fn assert_notices_once(net: &FedNet, root: &str) {
    tokio::time::sleep(Duration::from_secs(2)).await;
    let notices = net.thread(&net.fr, &net.weog, root).await;
    let bodies: Vec<&str> = notices.iter().map(body).collect();
    assert_eq!(notices.len(), NOTICES.len(), "each notice once: {bodies:#?}");
    for (notice, part) in bodies.iter().zip(NOTICES) {
        assert!(notice.contains(part), "{part}: {notice}");
    }
}

#[tokio::test]
async fn a_member_and_a_committee_delegate_on_another_homeserver_take_part_fully() {
    let Some(fed) = Federation::start() else { return };
    let hs2 = fed.servers[1].clone();
    let Some(mut net) = FedNet::new(fed).await else { return };
    let bot = net.bot_id();

    // The remote member is in the Space and its regional room.
    let fr_id = net.fr.client.user_id().unwrap().to_string();
    for room in [&net.space, &net.weog, &net.plenary] {
        assert_eq!(net.membership(&net.fr, room, &fr_id).await, "join", "{room}");
    }
    // Their joining alone (no roster change) brings the Space's link to
    // their regional room up to date: its `via` names their server.
    eventually("via naming the member's server", Duration::from_secs(30), || async {
        net.space_via(&net.weog).await?.contains(&hs2.server_name).then_some(())
    })
    .await;
    // `!join` from the remote member: invited to another region's room.
    let join = net.fr.send_text(&net.weog, "!join africa").await;
    net.fr.wait_reply(&net.weog, &bot, join.as_str()).await;
    join_when_invited(&net.fr, &net.africa).await;

    // A restricted join across servers, as a client does it from the Space:
    // with the `via` servers of the Space's link, the remote member joins
    // another regional room with no invitation at all.
    let via = net.space_via(&net.asia).await.expect("the Space links the regional room");
    assert!(!via.is_empty(), "{via:?}");
    let via: Vec<matrix_sdk::ruma::OwnedServerName> =
        via.iter().map(|s| s.as_str().try_into().unwrap()).collect();
    net.fr
        .client
        .join_room_by_id_or_alias((&*net.asia).into(), &via)
        .await
        .expect("a restricted join from the other server");
    assert_eq!(net.membership(&net.fr, &net.asia, &fr_id).await, "join");

    // Intake from the remote member, triage by the remote committee delegate.
    let request =
        net.fr.send_text(&net.weog, "!request peer-exchange Exchange across homeservers").await;
    net.wait_thread(&net.fr, &net.weog, request.as_str(), 1).await;
    let card = eventually(
        "the card, seen from the remote homeserver",
        Duration::from_secs(60),
        || async {
            net.pt
                .all_events(&net.committee)
                .await
                .into_iter()
                .find(|e| e["sender"] == bot.as_str() && body(e).contains("Request #1"))
        },
    )
    .await;
    assert!(body(&card).contains("Exchange across homeservers"), "{card}");
    for step in [
        "!ack 1",
        "!accept 1 PT",
        "!start 1",
        "!resolve 1 delivered Exchange held\nShare the agenda earlier",
    ] {
        net.triage(&net.pt, step).await;
    }
    net.wait_thread(&net.fr, &net.weog, request.as_str(), NOTICES.len()).await;
    assert_notices_once(&net, request.as_str()).await;
    let store = Database::connect(&net.db.url, 1).await.unwrap();
    let transitions = store.transitions(1).await.unwrap();
    let actors: Vec<&str> = transitions.iter().map(|t| t.actor.as_str()).collect();
    let pt_id = net.pt.client.user_id().unwrap().to_string();
    assert_eq!(actors[0], fr_id, "filed by the remote member");
    assert!(actors[1..].iter().all(|a| *a == pt_id), "triaged by the remote delegate: {actors:?}");

    // Spoofing: the coordinator's localpart on the other homeserver.
    let spoof_account = hs2.register_as(&net.ma_account.localpart).await;
    assert_ne!(spoof_account.user_id, net.ma_account.user_id);
    let spoof = TestClient::login(&hs2, &spoof_account).await;
    // Its invitation to a direct chat is declined (the real one's is accepted).
    let dm = spoof.create_room(&[&bot]).await;
    eventually("the spoofer's invitation declined", Duration::from_secs(60), || async {
        (net.membership(&spoof, &dm, &bot).await == "leave").then_some(())
    })
    .await;
    let real_dm = net.ma.create_room(&[&bot]).await;
    net.ma.wait_joined(&real_dm, &bot).await;
    // No way into the committee room or the plenary.
    assert!(spoof.client.join_room_by_id(&net.committee).await.is_err());
    assert!(spoof.client.join_room_by_id(&net.plenary).await.is_err());
    // An admin fooled by the display name lets the spoofer into the
    // committee room: the bot removes them at once, and their coordinator
    // and committee commands change nothing.
    spoof.client.account().set_display_name(Some("Morocco (coordinator)")).await.unwrap();
    net.admin.invite(&net.committee, &spoof_account.user_id).await;
    join_when_invited(&spoof, &net.committee).await;
    let attempts = [
        spoof.send_text(&net.committee, "!state add GH --status observer").await,
        spoof.send_text(&net.committee, "!reopen 1 spoofed").await,
    ];
    eventually("the spoofer removed from the committee room", Duration::from_secs(60), || async {
        (net.membership(&net.pt, &net.committee, &spoof_account.user_id).await == "leave")
            .then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    for attempt in &attempts {
        // Whether the bot read them depends on a race it is meant to win:
        // once the removal reaches the spoofer's server, their messages are
        // rejected by the bot's. Read or not, they are refused.
        for reply in net.pt.replies_to(&net.committee, &bot, attempt.as_str()).await {
            assert!(body(&reply).starts_with("Only"), "refused: {reply}");
        }
    }
    let request_state = store.get_request(1).await.unwrap().unwrap().state;
    assert_eq!(request_state, peerlink::domain::RequestState::Resolved);
    let roster = store.load_roster().await.unwrap();
    assert_eq!(roster.states.len(), 4, "no state added by the spoofer");
    assert!(roster.delegates.keys().all(|d| d.as_str() != spoof_account.user_id));
    // The real coordinator, in a direct chat, can.
    let real = net.ma.send_text(&real_dm, "!state add GH --status observer").await;
    let reply = net.ma.wait_reply(&real_dm, &bot, real.as_str()).await;
    assert!(store.load_roster().await.unwrap().states.len() == 5, "{reply}");
    // That change reconciled the rooms: the Space's link to the regional
    // room now names the second server too, where the member lives (`via`
    // comes from the servers of joined members).
    let hs1_name = net.bot_id().split_once(':').unwrap().1.to_owned();
    let via = eventually("via servers of the regional room", Duration::from_secs(60), || async {
        let via = net.space_via(&net.weog).await?;
        via.contains(&hs2.server_name).then_some(via)
    })
    .await;
    assert!(via.contains(&hs1_name), "{via:?}");

    // A roster change made on the command line while the bot runs, which
    // drops the remote member, removes them from every room, across the
    // federation, within seconds.
    let started = std::time::Instant::now();
    let network_file = net._dir.path().join("network.toml").display().to_string();
    let env = [
        ("PEERLINK__DATABASE__URL", net.db.url.as_str()),
        ("PEERLINK__NETWORK__FILE", network_file.as_str()),
    ];
    let removed = common::cli::peerlink(net._dir.path(), &["delegate", "remove", &fr_id], &env);
    assert!(removed.ok(), "{}", removed.text());
    for room in [&net.space, &net.plenary, &net.weog, &net.asia] {
        eventually("the removed delegate out of every room", Duration::from_secs(60), || async {
            // As the member's own homeserver sees it.
            (net.membership(&net.fr, room, &fr_id).await == "leave").then_some(())
        })
        .await;
    }
    let elapsed = started.elapsed();
    println!("CLI removal of the remote member applied across the federation in {elapsed:?}");
    assert!(elapsed < Duration::from_secs(10), "applied in {elapsed:?}");
    store.close().await;
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn the_flow_completes_after_the_remote_homeserver_is_down_for_30_seconds() {
    let Some(fed) = Federation::start() else { return };
    let hs2 = fed.servers[1].clone();
    let Some(mut net) = FedNet::new(fed).await else { return };
    let bot = net.bot_id();
    let base = format!("http://{}", net.bot.http_addr());
    let request =
        net.fr.send_text(&net.weog, "!request peer-exchange Exchange over an outage").await;
    net.wait_thread(&net.fr, &net.weog, request.as_str(), 1).await;
    net.triage(&net.pt, "!ack 1").await;

    // The remote homeserver goes away; the committee carries on from the
    // first one, and the coordinator adds a second French delegate there.
    let fr2_account = hs2.register("fr2-").await;
    net.fed.stop_one(2);
    let stopped = std::time::Instant::now();
    net.triage(&net.ma, "!accept 1 PT").await;
    net.triage(&net.ma, "!start 1").await;
    let add = net
        .ma
        .send_text(&net.committee, &format!("!delegate add FR {}", fr2_account.user_id))
        .await;
    net.ma.wait_reply(&net.committee, &bot, add.as_str()).await;
    let mut down = Value::Null;
    for _ in 0..600 {
        down = readyz(&base).await;
        if down["remote_servers"][&hs2.server_name]["ok"] == false {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        down["remote_servers"][&hs2.server_name]["ok"],
        false,
        "/readyz names the unreachable homeserver: {down}\n{}",
        net.bot.log()
    );
    assert_eq!(down["status"], "ready", "a remote outage does not make the bot unready: {down}");
    let rest = Duration::from_secs(30).saturating_sub(stopped.elapsed());
    tokio::time::sleep(rest).await;
    net.fed.start_one(2);

    // Everything reaches the remote side, once; it carries on.
    net.wait_thread(&net.fr, &net.weog, request.as_str(), 3).await;
    net.triage(&net.pt, "!resolve 1 delivered Exchange held after all").await;
    net.wait_thread(&net.fr, &net.weog, request.as_str(), NOTICES.len()).await;
    // The notice of `!start` went out during the outage too.
    assert_notices_once(&net, request.as_str()).await;
    // The invitations that failed during the outage went through after it.
    let fr2_client = TestClient::login(&hs2, &fr2_account).await;
    join_when_invited(&fr2_client, &net.space).await;
    eventually("/readyz to clear the remote homeserver", Duration::from_secs(60), || async {
        let body = readyz(&base).await;
        (body["remote_servers"][&hs2.server_name]["ok"] == true).then_some(())
    })
    .await;
    let log = net.bot.log();
    assert!(log.contains("provisioning incomplete; will retry"), "retries are logged");
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}
