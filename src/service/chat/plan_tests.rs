//! The action plan from chat: progress by pillar, status updates by leads
//! and the committee (others refused), links of requests and offers.

use std::sync::Arc;

use super::requests::tests::filed;
use super::tests::incoming;
use super::{ChatService, Place};
use crate::config::parse_plan;
use crate::storage::Database;

const PLAN: &str = r#"
title = { en = "Test plan" }
[[pillar]]
id = "capacity-building"
name = { en = "Capacity building" }
[[pillar]]
id = "technical-cooperation"
name = { en = "Technical cooperation" }
[[objective]]
id = "cb"
pillar = "capacity-building"
name = { en = "Tools" }
[[objective]]
id = "tc"
pillar = "technical-cooperation"
name = { en = "Exchanges" }
[[activity]]
id = "cb-1"
objective = "cb"
title = { en = "Workshops" }
lead = "CL"
due = "2027-06-30"
[[activity]]
id = "cb-2"
objective = "cb"
title = { en = "Training" }
lead = "PT"
status = "done"
[[activity]]
id = "tc-1"
objective = "tc"
title = { en = "Visits" }
lead = "MA"
"#;

async fn say(s: &ChatService<Database>, who: &str, body: &str, place: Place, id: &str) -> String {
    let event = super::Incoming { event_id: id, ..incoming(who, body, place) };
    s.handle(&event).await.unwrap().unwrap().text.plain
}

#[tokio::test]
async fn leads_and_the_committee_move_the_plan_and_link_requests_to_it() {
    let (s, request) = filed().await;
    let s = s.with_plan(Some(Arc::new(parse_plan("plan", PLAN).unwrap())));
    let overview = say(&s, "@cl:x.org", "!plan", Place::Direct, "$1").await;
    assert!(overview.contains("Capacity building: 1 of 2 activities done"), "{overview}");
    assert!(overview.contains("Technical cooperation: 0 of 1"), "{overview}");

    // CL leads cb-1: it may update it, not tc-1; the committee may update any.
    let own =
        say(&s, "@cl:x.org", "!plan update cb-1 done Five workshops held", Place::Direct, "$2")
            .await;
    assert!(own.contains("is now: done"), "{own}");
    let other = say(&s, "@cl:x.org", "!plan update tc-1 done", Place::Direct, "$3").await;
    assert!(other.contains("Only the delegates of the lead"), "{other}");
    let unknown = say(&s, "@pt:x.org", "!plan update zz-9 done", Place::Committee, "$4").await;
    assert!(unknown.contains("no activity"), "{unknown}");
    let overview = say(&s, "@cl:x.org", "!plan", Place::Direct, "$5").await;
    assert!(overview.contains("Capacity building: 2 of 2 activities done"), "{overview}");

    // Links: the committee only; the request must exist; once.
    let refused = say(&s, "@cl:x.org", &format!("!link {request} tc-1"), Place::Direct, "$6").await;
    assert!(refused.contains("Only the Executive Committee"), "{refused}");
    let linked =
        say(&s, "@pt:x.org", &format!("!link {request} TC-1"), Place::Committee, "$7").await;
    assert!(linked.contains("now serves activity"), "{linked}");
    let again =
        say(&s, "@pt:x.org", &format!("!link {request} tc-1"), Place::Committee, "$8").await;
    assert!(again.contains("already serves"), "{again}");
    let missing = say(&s, "@pt:x.org", "!link 99 tc-1", Place::Committee, "$9").await;
    assert!(missing.contains("no request #99"), "{missing}");
    let pillar = say(&s, "@cl:x.org", "!plan technical cooperation", Place::Direct, "$10").await;
    assert!(
        pillar.contains(&format!("requests: #{request}")) && pillar.contains("lead: Morocco"),
        "{pillar}"
    );
    let overview = say(&s, "@cl:x.org", "!plan", Place::Direct, "$11").await;
    assert!(overview.contains("1 requests linked"), "{overview}");
    let notes = say(&s, "@cl:x.org", "!plan capacity-building", Place::Direct, "$12").await;
    assert!(notes.contains("Five workshops held"), "{notes}");
}

#[tokio::test]
async fn without_a_plan_the_bot_says_so() {
    let (s, _) = filed().await;
    let text = say(&s, "@cl:x.org", "!plan", Place::Direct, "$1").await;
    assert!(text.contains("No action plan"), "{text}");
}
