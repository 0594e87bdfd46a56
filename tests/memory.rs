#![recursion_limit = "256"]
//! The network's memory end to end against the real Synapse: a request
//! filed with an SDG target, a theme and a UPR recommendation shows them on
//! its card; a member searching from the plenary does not find another
//! state's open request, and finds its outcome once resolved.

mod common;

use common::net::Net;
use common::Backend;
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

async fn a_tagged_request_shows_its_tags_and_its_outcome_is_found_by_others(backend: Backend) {
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
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn a_tagged_request_shows_its_tags_and_its_outcome_is_found_by_others_on_sqlite() {
    a_tagged_request_shows_its_tags_and_its_outcome_is_found_by_others(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_tagged_request_shows_its_tags_and_its_outcome_is_found_by_others_on_postgres() {
    a_tagged_request_shows_its_tags_and_its_outcome_is_found_by_others(Backend::Postgres).await;
}
