//! Keeping the network's memory searchable: what each request, outcome and
//! practice puts into the search index, written by the use case that
//! changes it, in the same unit of work (so search never shows what was not
//! committed, nor misses what was).

use crate::domain::memory::{Library, Practice, QueryProblem, SearchQuery, Tags, SDG};
use crate::domain::{Network, Outcome, Request};
use crate::storage::{
    MemoryStore, RequestStore, SearchDocument, SearchFilter, SearchHit, StorageError,
};

/// The theme IDs and SDG codes (goals added) of `tags`, as documents hold them.
fn tag_columns(tags: &Tags) -> (Vec<String>, Vec<String>) {
    let mut sdgs: Vec<String> = tags.sdgs.iter().flat_map(|c| c.with_goal()).collect();
    sdgs.sort();
    sdgs.dedup();
    (tags.themes.clone(), sdgs)
}

/// The references of `tags` as a line of text (found by search too).
fn references_line(tags: &Tags) -> String {
    tags.references.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join("; ")
}

/// A request's own text: found only by those it involves and the committee.
pub fn request_document(request: &Request, tags: &Tags) -> SearchDocument {
    let (themes, sdgs) = tag_columns(tags);
    let body = [request.description.as_str(), &references_line(tags)]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    SearchDocument {
        kind: "request",
        source: request.id.to_string(),
        request_id: Some(request.id),
        language: request.language.clone(),
        title: request.title.clone(),
        body,
        seat: Some(request.requesting_state.to_string()),
        region: request.region.clone(),
        category: Some(request.category.clone()),
        themes,
        sdgs,
        link: Some(format!("https://matrix.to/#/{}/{}", request.source_room, request.source_event)),
        updated_at: request.updated_at,
    }
}

/// A resolved request's outcome and lessons: the network's to learn from.
pub fn outcome_document(request: &Request, outcome: &Outcome, tags: &Tags) -> SearchDocument {
    let body = [outcome.summary.as_str(), outcome.lessons.as_deref().unwrap_or_default()]
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    SearchDocument { kind: "outcome", request_id: None, body, ..request_document(request, tags) }
}

/// A practice (none once withdrawn).
pub fn practice_document(network: &Network, practice: &Practice, tags: &Tags) -> SearchDocument {
    let (themes, sdgs) = tag_columns(tags);
    let region = crate::domain::CountryCode::parse(&practice.new.seat)
        .ok()
        .and_then(|code| network.regions.region_of(code))
        .map(|r| r.id.clone());
    SearchDocument {
        kind: "practice",
        source: practice.id.to_string(),
        request_id: None,
        language: practice.new.language.clone(),
        title: practice.new.title.clone(),
        body: practice.new.description.clone(),
        seat: Some(practice.new.seat.clone()),
        region,
        category: None,
        themes,
        sdgs,
        link: Some(practice.link()),
        updated_at: practice.new.created_at,
    }
}

/// Writes request `id`'s documents (its own text, and its outcome once
/// resolved) as they stand in `store`: called by every use case that files,
/// tags or resolves a request, on the unit of work that does it.
pub async fn index_request<S: RequestStore + MemoryStore + Sync>(
    store: &S,
    id: i64,
) -> Result<(), StorageError> {
    let Some(request) = store.get_request(id).await? else { return Ok(()) };
    let tags = Tags::from_rows(&store.tags(("request", id)).await?);
    store.put_document(&request_document(&request, &tags)).await?;
    let source = id.to_string();
    match store.outcome(id).await? {
        Some(outcome) => store.put_document(&outcome_document(&request, &outcome, &tags)).await,
        None => store.remove_document("outcome", &source).await,
    }
}

/// Writes practice `practice`'s document, or removes it once withdrawn.
pub async fn index_practice<S: MemoryStore + Sync>(
    store: &S,
    network: &Network,
    practice: &Practice,
) -> Result<(), StorageError> {
    if practice.withdrawn_at.is_some() {
        return store.remove_document("practice", &practice.id.to_string()).await;
    }
    let tags = Tags::from_rows(&store.tags(("practice", practice.id)).await?);
    store.put_document(&practice_document(network, practice, &tags)).await
}

/// What someone asked to search, as typed.
#[derive(Debug, Clone, Default)]
pub struct SearchAsked<'a> {
    /// Words and "phrases".
    pub query: &'a str,
    /// A theme ID or name.
    pub theme: Option<&'a str>,
    /// An SDG goal or target.
    pub sdg: Option<&'a str>,
    /// A region ID or name.
    pub region: Option<&'a str>,
    /// The reader sees every request.
    pub sees_all: bool,
    /// The reader's seat (the requests it filed or is assigned).
    pub seat: Option<&'a str>,
    /// At most this many results.
    pub limit: i64,
}

/// Why a search cannot be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchProblem {
    /// The words.
    Query(QueryProblem),
    /// The theme filter (with the closest IDs).
    UnknownTheme(String, Vec<String>),
    /// The SDG filter.
    UnknownSdg(String),
    /// The region filter.
    UnknownRegion(String),
}

/// Runs `asked` (for chat and the API alike): the query read, and the
/// best results, or why it cannot run.
pub async fn search<S: MemoryStore + Sync>(
    store: &S,
    network: &Network,
    asked: &SearchAsked<'_>,
) -> Result<Result<(SearchQuery, Vec<SearchHit>), SearchProblem>, StorageError> {
    let query = match SearchQuery::parse(asked.query) {
        Ok(q) => q,
        Err(p) => return Ok(Err(SearchProblem::Query(p))),
    };
    let theme = match asked.theme {
        None => None,
        Some(t) => match network.themes.find(t) {
            Some(theme) => Some(theme.id.clone()),
            None => {
                let closest = network.themes.closest(t).into_iter().map(str::to_owned).collect();
                return Ok(Err(SearchProblem::UnknownTheme(t.to_owned(), closest)));
            }
        },
    };
    let sdg = match asked.sdg {
        None => None,
        Some(s) => match SDG.parse_code(s) {
            Some(code) => Some(code.to_string()),
            None => return Ok(Err(SearchProblem::UnknownSdg(s.to_owned()))),
        },
    };
    let region = match asked.region {
        None => None,
        Some(r) => match network.regions.find(r) {
            Some(region) => Some(region.id.clone()),
            None => return Ok(Err(SearchProblem::UnknownRegion(r.to_owned()))),
        },
    };
    let filter = SearchFilter {
        query: &query,
        theme: theme.as_deref(),
        sdg: sdg.as_deref(),
        region: region.as_deref(),
        sees_all: asked.sees_all,
        seat: asked.seat,
        limit: asked.limit,
    };
    let hits = store.search(&filter).await?;
    Ok(Ok((query, hits)))
}

/// Brings the guidance sections in the search index in line with
/// `library` (each section of each language one document; those of
/// documents or sections no longer there removed), in one unit of work.
/// Returns how many sections are indexed.
pub async fn index_guidance(
    db: &crate::storage::Database,
    library: &Library,
) -> Result<usize, StorageError> {
    let tx = db.begin().await?;
    let mut sources = Vec::new();
    for doc in &library.documents {
        for (lang, version) in &doc.versions {
            for (i, section) in version.sections.iter().enumerate() {
                let source = format!("{}/{}/{lang}", doc.id, i + 1);
                tx.put_document(&SearchDocument {
                    kind: "guidance",
                    source: source.clone(),
                    request_id: None,
                    language: lang.clone(),
                    title: format!("{} · {}", version.title, section.title),
                    body: section.body.clone(),
                    seat: None,
                    region: None,
                    category: None,
                    themes: Vec::new(),
                    sdgs: Vec::new(),
                    link: None,
                    updated_at: 0,
                })
                .await?;
                sources.push(source);
            }
        }
    }
    let removed = tx.remove_documents_except("guidance", &sources).await?;
    tx.commit().await?;
    tracing::info!(sections = sources.len(), removed, "guidance library indexed for search");
    Ok(sources.len())
}
