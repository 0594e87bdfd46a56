//! Search over the network's memory on both backends (a real SQLite file,
//! a fresh PostgreSQL database): the project's own corpus of outcomes and
//! practices in English, French, Spanish and Portuguese
//! (`tests/data/search-corpus.toml`), and its queries with the document
//! each should find: at least 90 % in the top 3; accents and case do not
//! matter; a quoted phrase matches only the phrase; operators typed by
//! people are words, never a database error.

mod common;

use common::{Backend, TestDb};
use peerlink::domain::memory::{fold, SearchQuery};
use peerlink::storage::{Database, MemoryStore, SearchDocument, SearchFilter};
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    doc: Vec<Doc>,
    query: Vec<Query>,
}

#[derive(Deserialize)]
struct Doc {
    id: String,
    kind: String,
    lang: String,
    state: String,
    title: String,
    text: String,
    #[serde(default)]
    lessons: Option<String>,
    themes: Vec<String>,
    sdg: Vec<String>,
    #[serde(default)]
    category: Option<String>,
}

#[derive(Deserialize)]
struct Query {
    q: String,
    expect: String,
    #[serde(default)]
    note: Option<String>,
}

fn corpus() -> Corpus {
    toml::from_str(include_str!("data/search-corpus.toml")).expect("the corpus parses")
}

fn document(d: &Doc) -> SearchDocument {
    let mut sdgs: Vec<String> = d
        .sdg
        .iter()
        .flat_map(|s| [s.split('.').next().unwrap_or_default().to_owned(), s.clone()])
        .collect();
    sdgs.sort();
    sdgs.dedup();
    let body = [d.text.as_str(), d.lessons.as_deref().unwrap_or_default()].join("\n");
    SearchDocument {
        kind: if d.kind == "outcome" { "outcome" } else { "practice" },
        source: d.id.clone(),
        request_id: None,
        language: d.lang.clone(),
        title: d.title.clone(),
        body,
        seat: Some(d.state.clone()),
        region: None,
        category: d.category.clone(),
        themes: d.themes.clone(),
        sdgs,
        link: None,
        updated_at: 0,
    }
}

async fn loaded(backend: Backend) -> Option<(TestDb, Database, Corpus)> {
    let test_db = TestDb::create(backend).await?;
    let db = Database::connect(&test_db.url, 2).await.unwrap();
    db.migrate().await.unwrap();
    let corpus = corpus();
    for d in &corpus.doc {
        db.put_document(&document(d)).await.unwrap();
    }
    Some((test_db, db, corpus))
}

async fn top(db: &Database, q: &str, limit: i64) -> Vec<String> {
    let query = SearchQuery::parse(q).unwrap_or_else(|e| panic!("{q}: {e:?}"));
    let filter = SearchFilter {
        query: &query,
        theme: None,
        sdg: None,
        region: None,
        sees_all: false,
        seat: None,
        limit,
    };
    db.search(&filter).await.unwrap().into_iter().map(|h| h.source).collect()
}

async fn the_corpus_queries_find_their_document_in_the_top_three(backend: Backend) {
    let Some((test_db, db, corpus)) = loaded(backend).await else { return };
    assert!(corpus.doc.len() >= 300 && corpus.query.len() >= 30);
    for lang in ["en", "fr", "es", "pt"] {
        assert!(corpus.doc.iter().filter(|d| d.lang == lang).count() >= 50, "{lang}");
    }
    let mut misses = Vec::new();
    for q in &corpus.query {
        let found = top(&db, &q.q, 3).await;
        if !found.contains(&q.expect) {
            misses.push(format!("{} (want {}, got {found:?})", q.q, q.expect));
        }
    }
    let hits = corpus.query.len() - misses.len();
    println!(
        "{backend:?}: {hits} of {} queries in the top 3; misses: {misses:#?}",
        corpus.query.len()
    );
    assert!(
        hits * 10 >= corpus.query.len() * 9,
        "{backend:?}: only {hits} of {}: {misses:#?}",
        corpus.query.len()
    );
    db.close().await;
    test_db.cleanup().await;
}

#[tokio::test]
async fn the_corpus_queries_find_their_document_in_the_top_three_on_sqlite() {
    the_corpus_queries_find_their_document_in_the_top_three(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_corpus_queries_find_their_document_in_the_top_three_on_postgres() {
    the_corpus_queries_find_their_document_in_the_top_three(Backend::Postgres).await;
}

async fn accents_case_and_phrases_behave_as_people_expect(backend: Backend) {
    let Some((test_db, db, corpus)) = loaded(backend).await else { return };
    // Every accent-insensitive query finds the same as its accented document's words.
    for q in corpus.query.iter().filter(|q| q.note.as_deref() == Some("accent-insensitive")) {
        let upper = top(&db, &q.q.to_uppercase(), 10).await;
        let lower = top(&db, &fold(&q.q), 10).await;
        assert_eq!(upper, lower, "{}", q.q);
    }
    // A phrase finds only documents where its words stand side by side.
    let texts: std::collections::HashMap<&str, String> = corpus
        .doc
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                fold(&format!("{} {} {}", d.title, d.text, d.lessons.clone().unwrap_or_default())),
            )
        })
        .collect();
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !(c.is_alphabetic() || c.is_ascii_digit()))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let phrases: Vec<&Query> =
        corpus.query.iter().filter(|q| q.note.as_deref() == Some("phrase")).collect();
    assert!(phrases.len() >= 5);
    for q in phrases {
        let phrase = words(&fold(&q.q));
        for id in top(&db, &q.q, 50).await {
            let doc = words(&texts[id.as_str()]);
            assert!(
                doc.windows(phrase.len()).any(|w| w == phrase.as_slice()),
                "{} found {id}",
                q.q
            );
        }
        // The same words unquoted match at least as many documents.
        let loose = top(&db, &q.q.replace('"', ""), 50).await;
        assert!(!loose.is_empty());
    }
    // Operators people type are words to both engines, never an error.
    for raw in [
        "NEAR(a b)",
        "a* OR -b",
        "col:umn",
        "\"a\" \"b\"",
        "AND OR NOT x",
        "x' OR 1=1 --",
        "ÉDUCATION éducation",
    ] {
        let query = SearchQuery::parse(raw).unwrap();
        let filter = SearchFilter {
            query: &query,
            theme: None,
            sdg: None,
            region: None,
            sees_all: true,
            seat: None,
            limit: 5,
        };
        db.search(&filter).await.unwrap_or_else(|e| panic!("{raw}: {e}"));
    }
    db.close().await;
    test_db.cleanup().await;
}

#[tokio::test]
async fn accents_case_and_phrases_behave_as_people_expect_on_sqlite() {
    accents_case_and_phrases_behave_as_people_expect(Backend::Sqlite).await;
}

#[tokio::test]
async fn accents_case_and_phrases_behave_as_people_expect_on_postgres() {
    accents_case_and_phrases_behave_as_people_expect(Backend::Postgres).await;
}

async fn filters_narrow_by_theme_and_sdg_goal(backend: Backend) {
    let Some((test_db, db, corpus)) = loaded(backend).await else { return };
    let with_theme = corpus.doc.iter().find(|d| !d.themes.is_empty() && !d.sdg.is_empty()).unwrap();
    let word = with_theme.title.split_whitespace().max_by_key(|w| w.len()).unwrap();
    let query = SearchQuery::parse(word).unwrap();
    let goal = with_theme.sdg[0].split('.').next().unwrap().to_owned();
    let filter = SearchFilter {
        query: &query,
        theme: Some(&with_theme.themes[0]),
        sdg: Some(&goal),
        region: None,
        sees_all: false,
        seat: None,
        limit: 100,
    };
    let hits = db.search(&filter).await.unwrap();
    assert!(hits.iter().any(|h| h.source == with_theme.id), "{word}");
    for h in &hits {
        let d = corpus.doc.iter().find(|d| d.id == h.source).unwrap();
        assert!(d.themes.contains(&with_theme.themes[0]), "{} lacks the theme", d.id);
        assert!(d.sdg.iter().any(|s| s.split('.').next() == Some(goal.as_str())), "{}", d.id);
    }
    db.close().await;
    test_db.cleanup().await;
}

#[tokio::test]
async fn filters_narrow_by_theme_and_sdg_goal_on_sqlite() {
    filters_narrow_by_theme_and_sdg_goal(Backend::Sqlite).await;
}

#[tokio::test]
async fn filters_narrow_by_theme_and_sdg_goal_on_postgres() {
    filters_narrow_by_theme_and_sdg_goal(Backend::Postgres).await;
}

async fn the_search_api_ranks_like_chat_and_refuses_politely(backend: Backend) {
    use std::sync::Arc;
    let Some((test_db, db, corpus)) = loaded(backend).await else { return };
    let tokens = peerlink::http::Tokens::new(&[peerlink::config::TokenSettings {
        name: "r".into(),
        scope: "reports".into(),
        sha256: peerlink::http::sha256_hex("reports-token"),
    }]);
    let state = peerlink::http::HttpState {
        db: db.clone(),
        network: Arc::new(peerlink::config::load_network(None).unwrap()),
        tokens: Arc::new(tokens),
        plan: None,
        leadership: None,
    };
    let (listener, addr) = peerlink::http::bind("127.0.0.1:0").await.unwrap();
    let stop = tokio_util::sync::CancellationToken::new();
    tokio::spawn(peerlink::http::serve(listener, state, stop.clone()));
    let client = reqwest::Client::new();
    let get = |query: String| {
        let mut url = url::Url::parse(&format!("http://{addr}/api/v1/search")).unwrap();
        url.query_pairs_mut().append_pair("q", &query);
        let request = client.get(url);
        async move {
            let response = request.bearer_auth("reports-token").send().await.unwrap();
            let status = response.status().as_u16();
            (status, response.json::<serde_json::Value>().await.unwrap())
        }
    };
    let q = &corpus.query[0];
    let (status, body) = get(q.q.clone()).await;
    assert_eq!(status, 200, "{body}");
    let sources: Vec<&str> =
        body["items"].as_array().unwrap().iter().map(|i| i["source"].as_str().unwrap()).collect();
    assert_eq!(sources, top(&db, &q.q, 10).await, "the API ranks as the store does");
    assert!(body["items"][0]["excerpt"].as_str().is_some_and(|e| !e.is_empty()), "{body}");
    for (bad, expected) in [
        (String::new(), "empty"),
        ("?!*:".to_owned(), "nothing to look for"),
        ("\"open".to_owned(), "quote"),
        ("x".repeat(10_240), "at most 300"),
    ] {
        let (status, body) = get(bad).await;
        assert_eq!(status, 400, "{body}");
        assert!(body["error"].as_str().unwrap().contains(expected), "{body}");
    }
    let response = client
        .get(format!("http://{addr}/api/v1/search?q=x&sdg=18"))
        .bearer_auth("reports-token")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let unauthorized = client.get(format!("http://{addr}/api/v1/search?q=x")).send().await.unwrap();
    assert_eq!(unauthorized.status().as_u16(), 401);
    stop.cancel();
    db.close().await;
    test_db.cleanup().await;
}

#[tokio::test]
async fn the_search_api_ranks_like_chat_and_refuses_politely_on_sqlite() {
    the_search_api_ranks_like_chat_and_refuses_politely(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_search_api_ranks_like_chat_and_refuses_politely_on_postgres() {
    the_search_api_ranks_like_chat_and_refuses_politely(Backend::Postgres).await;
}
