#![recursion_limit = "256"]
//! Technical cooperation delivered through the network, end to end against
//! the real Synapse, on SQLite and PostgreSQL: a partner (OHCHR, its
//! delegate on an account of its own, with an end-to-end encrypting client)
//! publishes an offer; a member files a request whose card lists the offer;
//! the committee accepts it with the partner as assignee; a working room
//! appears in the Space, encrypted, with exactly the requester's delegates,
//! the partner's, the committee's (and the network's admin); the partner
//! reports progress twice with `!update` there, which the card's thread and
//! `!status` show; resolving makes the room read-only for all but the
//! committee and posts the summary there.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::net::Net;
use common::{eventually, Backend};
use matrix_sdk::config::SyncSettings;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::api::client::membership::get_member_events;
use matrix_sdk::ruma::api::client::state::get_state_events;
use matrix_sdk::ruma::events::room::message::RoomMessageEventContent;
use matrix_sdk::ruma::OwnedRoomId;
use matrix_sdk::Client;
use peerlink::domain::RoomKind;
use peerlink::storage::{Database, RoomStore};
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

/// The room's state events as JSON, read by `client`.
async fn state(client: &Client, room: &OwnedRoomId) -> Vec<Value> {
    let response = client.send(get_state_events::v3::Request::new(room.clone())).await.unwrap();
    response.room_state.iter().map(|e| e.deserialize_as_unchecked().unwrap()).collect()
}

/// Joined and invited members, as `client` reads them from the homeserver.
async fn members(client: &Client, room: &OwnedRoomId) -> BTreeSet<String> {
    let response = client.send(get_member_events::v3::Request::new(room.clone())).await.unwrap();
    response
        .chunk
        .iter()
        .map(|e| e.deserialize_as_unchecked::<Value>().unwrap())
        .filter(|e| matches!(e["content"]["membership"].as_str(), Some("join" | "invite")))
        .map(|e| e["state_key"].as_str().unwrap().to_owned())
        .collect()
}

async fn provisioned(db: &Database, kind: &RoomKind) -> Option<OwnedRoomId> {
    let rooms = db.provisioned_rooms().await.ok()?;
    let id = rooms.into_iter().find(|(k, _)| k == kind)?.1;
    OwnedRoomId::try_from(id).ok()
}

async fn partners_deliver_cooperation_in_working_rooms(backend: Backend) {
    let Some(net) = Net::new(backend).await else { return };
    let bot = net.bot_id();
    let db = Database::connect(&net.db.url, 2).await.unwrap();

    // OHCHR joins the roster from the command line; its delegate logs in
    // with a client that syncs and encrypts.
    let ohchr = net.hs.register("ohchr-").await;
    for args in [
        &[
            "partner",
            "add",
            "ohchr",
            "--kind",
            "un_body",
            "--name",
            "en=OHCHR",
            "--regions",
            "africa",
        ][..],
        &["delegate", "add", "ohchr", &ohchr.user_id, "--language", "en"],
    ] {
        let out = net.cli(args);
        assert!(out.ok(), "{args:?}: {}", out.text());
    }
    let partner = Client::builder().homeserver_url(&net.hs.url).build().await.unwrap();
    partner.matrix_auth().login_username(&ohchr.user_id, &ohchr.password).send().await.unwrap();
    partner.sync_once(SyncSettings::default()).await.unwrap();
    let syncing = partner.clone();
    let sync_task = tokio::spawn(async move { syncing.sync(SyncSettings::default()).await });
    eventually("OHCHR invited to the plenary", Duration::from_secs(30), || async {
        partner.join_room_by_id(&net.plenary).await.ok()
    })
    .await;

    // The partner offers; a member files a request; its card lists the offer.
    let plenary = partner.get_room(&net.plenary).unwrap();
    let sent = plenary
        .send(RoomMessageEventContent::text_plain(
            "!offer technical-cooperation Training on recommendation tracking databases\nIn French and Spanish",
        ))
        .await
        .unwrap();
    let reply = net.fr.wait_reply(&net.plenary, &bot, sent.response.event_id.as_str()).await;
    assert!(body(&reply).contains("#1"), "{reply}");
    net.fr
        .send_text(
            &net.plenary,
            "!request technical-cooperation Help with a tracking database\nWe start from scratch.",
        )
        .await;
    let card = net.card(1).await;
    let card_event = net
        .pt
        .all_events(&net.committee)
        .await
        .into_iter()
        .find(|e| e["event_id"] == card.as_str())
        .unwrap();
    assert!(
        body(&card_event).contains("Training on recommendation tracking databases"),
        "{card_event}"
    );
    assert!(body(&card_event).contains("OHCHR"), "the offer names its partner: {card_event}");

    // The committee accepts it with the partner as assignee.
    for step in ["!ack 1", "!accept 1 ohchr Begin with a needs assessment"] {
        let sent = net.ma.send_text(&net.committee, step).await;
        let reply = net.ma.wait_reply(&net.committee, &bot, sent.as_str()).await;
        assert!(body(&reply).contains("Request #1 is now"), "{step}: {reply}");
    }

    // The working room: in the Space, encrypted, exactly these people.
    let working = eventually("the working room", Duration::from_secs(30), || async {
        provisioned(&db, &RoomKind::Working(1)).await
    })
    .await;
    eventually("OHCHR invited to the working room", Duration::from_secs(30), || async {
        partner.join_room_by_id(&working).await.ok()
    })
    .await;
    let expected: BTreeSet<String> = [
        bot.as_str(),
        net.fr.account.user_id.as_str(),
        net.ma.account.user_id.as_str(),
        net.pt.account.user_id.as_str(),
        net.py.account.user_id.as_str(),
        ohchr.user_id.as_str(),
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    let seen = eventually("every invitation", Duration::from_secs(30), || async {
        let seen = members(&partner, &working).await;
        expected.is_subset(&seen).then_some(seen)
    })
    .await;
    let admins: Vec<&String> = seen.difference(&expected).collect();
    assert_eq!(admins.len(), 1, "only the network's admin besides them: {seen:?}");
    assert!(admins[0].contains("admin-"), "{seen:?}");
    assert!(expected.is_subset(&seen), "{seen:?}");
    assert!(!seen.contains(&net.cl.account.user_id), "CL has nothing to do there");
    let room_state = state(&partner, &working).await;
    assert!(room_state.iter().any(|e| e["type"] == "m.room.encryption"), "encrypted");
    let space = provisioned(&db, &RoomKind::Space).await.unwrap();
    eventually("OHCHR in the Space", Duration::from_secs(30), || async {
        partner.join_room_by_id(&space).await.ok()
    })
    .await;
    let children = state(&partner, &space).await;
    assert!(
        children.iter().any(|e| e["type"] == "m.space.child" && e["state_key"] == working.as_str()),
        "the working room is in the Space"
    );

    // The partner reports progress twice in the room, encrypted.
    let room =
        eventually("the working room in OHCHR's client", Duration::from_secs(20), || async {
            partner.get_room(&working)
        })
        .await;
    room.sync_members().await.unwrap();
    for progress in ["Needs assessment done", "First workshop held in Rabat"] {
        room.send(RoomMessageEventContent::text_plain(format!("!update {progress}")))
            .await
            .unwrap();
        eventually("the update in the card's thread", Duration::from_secs(30), || async {
            let thread = net.thread(&net.pt, &net.committee, &card).await;
            thread.iter().any(|e| body(e).contains(progress)).then_some(())
        })
        .await;
    }
    let status = net.fr.send_text(&net.plenary, "!status 1").await;
    let reply = net.fr.wait_reply(&net.plenary, &bot, status.as_str()).await;
    for progress in ["Needs assessment done", "First workshop held in Rabat"] {
        assert!(body(&reply).contains(progress), "{progress}: {reply}");
    }

    // Resolution: the summary in the room, then read-only for all but the committee.
    for step in
        ["!start 1", "!resolve 1 delivered Tracking database in use\nStart with one ministry"]
    {
        let sent = net.ma.send_text(&net.committee, step).await;
        net.ma.wait_reply(&net.committee, &bot, sent.as_str()).await;
    }
    eventually("the working room read-only", Duration::from_secs(30), || async {
        let levels = state(&partner, &working)
            .await
            .into_iter()
            .find(|e| e["type"] == "m.room.power_levels")?;
        let content = &levels["content"];
        let partner_level = content["users"][ohchr.user_id.as_str()].as_i64().unwrap_or(0);
        let committee_level =
            content["users"][net.pt.account.user_id.as_str()].as_i64().unwrap_or(0);
        (content["events_default"].as_i64() == Some(50)
            && partner_level < 50
            && committee_level >= 50)
            .then_some(())
    })
    .await;
    let summary = eventually("the summary, decrypted", Duration::from_secs(30), || async {
        let messages = room.messages(MessagesOptions::backward()).await.ok()?;
        messages.chunk.iter().find_map(|event| {
            let json: Value = event.raw().deserialize_as_unchecked().ok()?;
            (json["sender"] == bot.as_str() && body(&json).contains("Tracking database in use"))
                .then_some(json)
        })
    })
    .await;
    assert!(body(&summary).contains("read-only"), "{summary}");
    let refused = room.send(RoomMessageEventContent::text_plain("one more thing")).await;
    assert!(refused.is_err(), "a closed working room refuses the partner's messages");

    // The request serves an activity of the plan: the chat and the API
    // (which the dashboard draws) say the same.
    for step in ["!link 1 tc-2", "!plan update tc-2 in_progress First exchange under way"] {
        let sent = net.ma.send_text(&net.committee, step).await;
        net.ma.wait_reply(&net.committee, &bot, sent.as_str()).await;
    }
    let asked = net.fr.send_text(&net.plenary, "!plan").await;
    let plan = net.fr.wait_reply(&net.plenary, &bot, asked.as_str()).await;
    assert!(
        body(&plan).contains("Technical cooperation: 0 of 2 activities done · 1 requests linked · 1 with cooperation delivered"),
        "{plan}"
    );
    let token = net.cli(&["token", "new", "--name", "secretariat", "--scope", "reports"]);
    let token = token
        .stdout
        .lines()
        .find(|l| l.trim().starts_with("pl_"))
        .unwrap_or_default()
        .trim()
        .to_owned();
    let api: Value = reqwest::Client::new()
        .get(format!("http://{}/api/v1/plan", net.bot.http_addr()))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let tc = api["plan"]["pillars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "technical-cooperation")
        .unwrap()
        .clone();
    assert_eq!((tc["done"].as_i64(), tc["activities"].as_i64()), (Some(0), Some(2)), "{api}");
    assert_eq!(
        (tc["requests_linked"].as_i64(), tc["outcomes_delivered"].as_i64()),
        (Some(1), Some(1)),
        "{api}"
    );
    let tc2 = &tc["objectives"][0]["activities"][1];
    assert_eq!(
        (tc2["status"].as_str(), tc2["note"].as_str()),
        (Some("in_progress"), Some("First exchange under way")),
        "{api}"
    );

    // Waiting for the room to be made is expected, not a warning.
    let log = net.bot.log();
    let bad: Vec<&str> =
        log.lines().filter(|l| l.contains(" WARN ") || l.contains(" ERROR ")).collect();
    assert!(bad.is_empty(), "a healthy run:\n{}", bad.join("\n"));

    sync_task.abort();
    net.db.cleanup().await;
}

#[tokio::test]
async fn partners_deliver_cooperation_in_working_rooms_on_sqlite() {
    partners_deliver_cooperation_in_working_rooms(Backend::Sqlite).await;
}

#[tokio::test]
async fn partners_deliver_cooperation_in_working_rooms_on_postgres() {
    partners_deliver_cooperation_in_working_rooms(Backend::Postgres).await;
}
