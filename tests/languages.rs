//! Every person in their own language, against the real Synapse on SQLite
//! and PostgreSQL: the observer's delegate reads Arabic, two committee
//! delegates read Chinese and Russian (each chose with `!language`), the
//! committee room reads Chinese and Russian. A request goes from filing to
//! acceptance; every answer, notice and card is checked on markers of the
//! right catalog (never on English), the Arabic ones for their
//! right-to-left markup and isolated arguments; `!language es` switches the
//! next answer at once.

mod common;

use common::net::Net;
use common::Backend;
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

fn html(event: &Value) -> &str {
    event["content"]["formatted_body"].as_str().unwrap_or_default()
}

/// An Arabic message: right to left as a whole, in Arabic, arguments isolated.
fn assert_arabic(event: &Value, marker: &str) {
    assert!(body(event).contains(marker), "Arabic `{marker}`: {}", body(event));
    assert!(html(event).starts_with("<div dir=\"rtl\">"), "{}", html(event));
}

async fn each_person_reads_the_bot_in_their_own_language(backend: Backend) {
    let Some(net) = Net::with_committee_languages(backend, &["zh-Hans", "ru"]).await else {
        return;
    };
    let bot = net.bot_id();

    // Each chooses a language; the answer already speaks it.
    let cl = net.cl.send_text(&net.plenary, "!language ar").await;
    assert_arabic(&net.cl.wait_reply(&net.plenary, &bot, cl.as_str()).await, "من الآن فصاعدًا");
    let pt = net.pt.send_text(&net.committee, "!language zh").await;
    let reply = net.pt.wait_reply(&net.committee, &bot, pt.as_str()).await;
    assert!(body(&reply).contains("从现在起"), "{}", body(&reply));
    let py = net.py.send_text(&net.committee, "!language ru").await;
    let reply = net.py.wait_reply(&net.committee, &bot, py.as_str()).await;
    assert!(body(&reply).contains("Теперь я отвечаю"), "{}", body(&reply));

    // The Arabic reader files a request with a Latin title and digits.
    let title = "Training on UPR 2024 follow-up";
    let filed = net.cl.send_text(&net.plenary, &format!("!request membership {title}")).await;
    let notices = net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 1).await;
    assert_arabic(&notices[0], "رقم طلبك");
    assert!(body(&notices[0]).contains("\u{2068}#1\u{2069}"), "isolated: {}", body(&notices[0]));

    // The card: a Chinese and a Russian section, no English one; the Latin
    // title inside each as typed.
    let card = net.card_with("请求 #1 ·").await;
    let card = net
        .pt
        .all_events(&net.committee)
        .await
        .into_iter()
        .find(|e| e["event_id"] == card.as_str())
        .unwrap();
    for marker in ["请求 #1", "Запрос #1", title] {
        assert!(body(&card).contains(marker), "{marker}: {}", body(&card));
    }
    assert!(!body(&card).contains("Request #1"), "no English: {}", body(&card));
    assert!(html(&card).contains("lang=\"zh-Hans\"") && html(&card).contains("lang=\"ru\""));

    // Triage in Chinese and Russian; the requester's notices in Arabic.
    let ack = net.pt.send_text(&net.committee, "!ack 1").await;
    let reply = net.pt.wait_reply(&net.committee, &bot, ack.as_str()).await;
    assert!(body(&reply).contains("现在的状态"), "{}", body(&reply));
    let notices = net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 2).await;
    assert_arabic(&notices[1], "أقرّت اللجنة التنفيذية");
    let accept = net.py.send_text(&net.committee, "!accept 1 PT").await;
    let reply = net.py.wait_reply(&net.committee, &bot, accept.as_str()).await;
    assert!(body(&reply).contains("теперь"), "{}", body(&reply));
    let notices = net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 3).await;
    assert_arabic(&notices[2], "قُبل طلبك");
    // The assignee by name, in the reader's language, isolated in the right-to-left text.
    assert!(body(&notices[2]).contains("\u{2068}البرتغال\u{2069}"), "{}", body(&notices[2]));

    // A switch to Spanish takes effect with the very next answer.
    let es = net.cl.send_text(&net.plenary, "!language es").await;
    let reply = net.cl.wait_reply(&net.plenary, &bot, es.as_str()).await;
    assert!(body(&reply).contains("A partir de ahora"), "{}", body(&reply));
    let status = net.cl.send_text(&net.plenary, "!status 1").await;
    let reply = net.cl.wait_reply(&net.plenary, &bot, status.as_str()).await;
    assert!(body(&reply).contains("Asignada a: Portugal"), "{}", body(&reply));
    assert!(!html(&reply).contains("dir=\"rtl\""), "{}", html(&reply));

    let mut net = net;
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn each_person_reads_the_bot_in_their_own_language_on_sqlite() {
    each_person_reads_the_bot_in_their_own_language(Backend::Sqlite).await;
}

#[tokio::test]
async fn each_person_reads_the_bot_in_their_own_language_on_postgres() {
    each_person_reads_the_bot_in_their_own_language(Backend::Postgres).await;
}
