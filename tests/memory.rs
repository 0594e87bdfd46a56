#![recursion_limit = "256"]
//! The network's memory end to end against the real Synapse: a request
//! filed with an SDG target, a theme and a UPR recommendation shows them on
//! its card; a member searching from the plenary does not find another
//! state's open request, and finds its outcome once resolved; the next
//! request in the category names on its card the state that delivered; a
//! message of a regional room kept with `!save` (a reply, with an older
//! client's quoted fallback) is found from another region.

mod common;

use common::net::Net;
use common::Backend;
use peerlink::domain::RoomKind;
use serde_json::{json, Value};

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

async fn tags_outcomes_experts_and_saved_messages_end_to_end(backend: Backend) {
    let Some(mut net) = Net::new(backend).await else { return };
    let filing = "!request membership Recommendation tracking database --sdg 16.6 --theme nmirf --ref \"UPR 4 123.45\"\nWe want to follow up UPR recommendations.";
    let request = net.cl.send_text(&net.plenary, filing).await;
    net.wait_thread(&net.cl, &net.plenary, request.as_str(), 1).await;
    let card_id = net.card(1).await;
    let card = net
        .pt
        .all_events(&net.committee)
        .await
        .into_iter()
        .find(|e| e["event_id"] == card_id.as_str())
        .unwrap();
    for expected in ["SDG 16.6 (", "National mechanisms for implementation", "UPR 4 123.45"] {
        assert!(body(&card).contains(expected), "the card lacks {expected}: {card}");
    }

    // FR (a member) does not find CL's open request.
    let early = net.fr.send_text(&net.plenary, "!search tracking database").await;
    let reply = net.fr.wait_reply(&net.plenary, &net.bot_id(), early.as_str()).await;
    assert!(body(&reply).contains("Nothing matches"), "{reply}");

    for step in ["!ack 1", "!accept 1 PT", "!start 1", "!resolve 1 delivered Two workshops on the tracking database\nStart with the ministries that report most."] {
        let sent = net.pt.send_text(&net.committee, step).await;
        net.pt.wait_reply(&net.committee, &net.bot_id(), sent.as_str()).await;
    }
    let late = net.fr.send_text(&net.plenary, "!search TRACKING ministries").await;
    let reply = net.fr.wait_reply(&net.plenary, &net.bot_id(), late.as_str()).await;
    let text = body(&reply);
    assert!(text.contains("Outcome of request #1") && text.contains("Chile"), "{reply}");
    assert!(text.contains(&format!("https://matrix.to/#/{}/{request}", net.plenary)), "{reply}");
    assert!(!text.contains("Request #1 ·"), "the request itself stays hidden: {reply}");

    // The next request in the category: its card names Portugal, who delivered.
    let next =
        net.fr.send_text(&net.plenary, "!request membership A tracking database for us too").await;
    net.wait_thread(&net.fr, &net.plenary, next.as_str(), 1).await;
    let card_id = net.card(2).await;
    let events = net.pt.all_events(&net.committee).await;
    let card = events.iter().find(|e| e["event_id"] == card_id.as_str()).unwrap();
    assert!(body(card).contains("Who has done this before:"), "{card}");
    assert!(body(card).contains("Portugal: one outcome delivered, latest on"), "{card}");

    // Paraguay keeps Chile's message of their regional room with `!save`.
    let latam = net.rooms.room(RoomKind::Regional("latin-america-caribbean".into()));
    for c in [&net.cl, &net.py] {
        c.client.join_room_by_id(&latam).await.unwrap();
    }
    let said = "In Chile every recommendation is published with its follow-up in an open tracker.";
    let message = net.cl.send_text(&latam, said).await;
    let cl_id = net.cl.client.user_id().unwrap().to_string();
    let save = json!({
        "msgtype": "m.text",
        "body": format!("> <{cl_id}> {said}\n\n!save --theme nmirf"),
        "m.relates_to": { "m.in_reply_to": { "event_id": message.as_str() } },
    });
    let sent = net.py.send_raw(&latam, save).await;
    let reply = net.py.wait_reply(&latam, &net.bot_id(), sent.as_str()).await;
    assert!(body(&reply).contains("practice #1") && body(&reply).contains("Chile"), "{reply}");
    // France, of another region, finds it from the plenary, linked to the message.
    let asked = net.fr.send_text(&net.plenary, "!search open tracker --theme nmirf").await;
    let reply = net.fr.wait_reply(&net.plenary, &net.bot_id(), asked.as_str()).await;
    let link = format!("https://matrix.to/#/{latam}/{message}");
    assert!(body(&reply).contains("Practice #1") && body(&reply).contains(&link), "{reply}");
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn tags_outcomes_experts_and_saved_messages_end_to_end_on_sqlite() {
    tags_outcomes_experts_and_saved_messages_end_to_end(Backend::Sqlite).await;
}

#[tokio::test]
async fn tags_outcomes_experts_and_saved_messages_end_to_end_on_postgres() {
    tags_outcomes_experts_and_saved_messages_end_to_end(Backend::Postgres).await;
}
