//! The search benchmark: N searchable documents (100,000 by default) made
//! from the project's own test corpus, loaded in transactions of 1,000 (the
//! index is built as they are written), then the corpus queries run through
//! `!search` (the chat path: roster, visibility, excerpts, the answer's
//! text) and through the API's search use case with its JSON, each timed;
//! p50, p95 and maximum, on SQLite and PostgreSQL, and the peak memory.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use peerlink::config::load_network;
use peerlink::domain::memory::excerpt;
use peerlink::domain::{AdminPolicy, Language};
use peerlink::i18n::Catalog;
use peerlink::service::memory::{search, SearchAsked};
use peerlink::service::{ChatService, Incoming, Place};
use peerlink::storage::{Database, MemoryStore, RosterStore, SearchDocument};
use rand::{Rng, SeedableRng};
use serde::Deserialize;
use serde_json::json;

const CORPUS: &str = include_str!("../../../tests/data/search-corpus.toml");

/// Timed runs of each path.
const RUNS: usize = 400;

#[derive(Deserialize)]
struct Corpus {
    doc: Vec<Doc>,
    query: Vec<Query>,
}

#[derive(Deserialize)]
struct Doc {
    lang: String,
    state: String,
    title: String,
    text: String,
    themes: Vec<String>,
    sdg: Vec<String>,
}

#[derive(Deserialize)]
struct Query {
    q: String,
}

/// Document `i`: a corpus document with words of others mixed in, so the
/// index holds many distinct texts.
fn document(
    corpus: &Corpus,
    vocabulary: &[&str],
    rng: &mut rand::rngs::StdRng,
    i: usize,
) -> SearchDocument {
    let d = &corpus.doc[i % corpus.doc.len()];
    let extra: Vec<&str> =
        (0..30).map(|_| vocabulary[rng.random_range(0..vocabulary.len())]).collect();
    SearchDocument {
        kind: if i.is_multiple_of(2) { "outcome" } else { "practice" },
        source: i.to_string(),
        request_id: None,
        language: d.lang.clone(),
        title: d.title.clone(),
        body: format!("{} {}", d.text, extra.join(" ")),
        seat: Some(d.state.clone()),
        region: None,
        category: None,
        themes: d.themes.clone(),
        sdgs: d.sdg.clone(),
        link: Some(format!("https://matrix.to/#/!bench/$doc{i}")),
        updated_at: 0,
    }
}

fn percentiles(mut ms: Vec<f64>) -> serde_json::Value {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    json!({ "p50_ms": at(0.5), "p95_ms": at(0.95), "max_ms": at(1.0), "runs": ms.len() })
}

/// Loads `count` documents at `url` and times both search paths.
pub async fn run(backend: &str, url: &str, count: usize) -> anyhow::Result<serde_json::Value> {
    let corpus: Corpus = toml::from_str(CORPUS).context("the corpus")?;
    let vocabulary: Vec<&str> = corpus.doc.iter().flat_map(|d| d.text.split_whitespace()).collect();
    let db = Database::connect_and_migrate(url, 5).await.context("open the database")?;
    db.apply_roster_changes(&Roster::default().diff(&super::roster()?), "bench").await?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(17);
    let started = Instant::now();
    for chunk in (0..count).collect::<Vec<_>>().chunks(1_000) {
        let tx = db.begin().await?;
        for i in chunk {
            tx.put_document(&document(&corpus, &vocabulary, &mut rng, *i)).await?;
        }
        tx.commit().await?;
    }
    let index_secs = started.elapsed().as_secs_f64();
    let stored = db.count_documents().await?;
    anyhow::ensure!(stored == count as i64, "{stored} documents stored of {count}");

    let network = load_network(None)?;
    let chat = ChatService::new(
        Arc::new(Catalog::load()?),
        "!",
        db.clone(),
        Arc::new(network.clone()),
        AdminPolicy::default(),
        Language::En,
    )
    .with_rate_limit(u32::MAX, u32::MAX, 0);
    let sender = super::user("FR");
    let (mut chat_ms, mut api_ms, mut found) = (Vec::new(), Vec::new(), 0usize);
    for i in 0..RUNS {
        let q = &corpus.query[i % corpus.query.len()].q;
        let body = format!("!search {q}");
        let incoming = Incoming {
            sender: &sender,
            body: &body,
            place: Place::Direct,
            room_id: "!bench",
            event_id: "$search",
            thread_root: None,
            quoted: None,
        };
        let t = Instant::now();
        let answer = chat.handle(&incoming).await?.context("an answer")?;
        chat_ms.push(t.elapsed().as_secs_f64() * 1e3);
        if answer.text.plain.contains("matrix.to") {
            found += 1;
        }
        let asked = SearchAsked { query: q, sees_all: true, limit: 10, ..SearchAsked::default() };
        let t = Instant::now();
        let (query, hits) =
            search(&db, &network, &asked).await?.map_err(|p| anyhow::anyhow!("{p:?}"))?;
        let items: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| json!({ "source": h.source, "title": h.title, "excerpt": excerpt(&h.body, query.all_words(), 24) }))
            .collect();
        let _ = serde_json::to_string(&items)?;
        api_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    db.close().await;
    Ok(json!({
        "backend": backend,
        "documents": count,
        "index_seconds": index_secs,
        "chat_search": percentiles(chat_ms),
        "api_search": percentiles(api_ms),
        "chat_answers_with_results": found,
        "runs": RUNS,
    }))
}

use peerlink::domain::Roster;
