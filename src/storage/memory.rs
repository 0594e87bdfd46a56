//! The network's memory: tags (SDGs, themes, references) of requests and
//! practices, and the searchable documents with each backend's own
//! full-text engine (SQLite FTS5 kept by triggers; PostgreSQL text search
//! over a generated, GIN-indexed vector), both written in the caller's unit
//! of work so the index never lags the data.

use std::collections::HashMap;
use std::future::Future;

use super::{on_pool, Database, DatabaseKind, StorageError};
use crate::domain::memory::SearchQuery;

/// One searchable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDocument {
    /// `request`, `outcome`, `practice` or `guidance`.
    pub kind: &'static str,
    /// Its source within the kind (a number, or `document/section/lang`).
    pub source: String,
    /// For a request's own text: the request (only those it involves find it).
    pub request_id: Option<i64>,
    /// Its language.
    pub language: String,
    /// Title.
    pub title: String,
    /// Body.
    pub body: String,
    /// The state or partner it comes from.
    pub seat: Option<String>,
    /// That seat's region.
    pub region: Option<String>,
    /// The request category, if any.
    pub category: Option<String>,
    /// Theme IDs.
    pub themes: Vec<String>,
    /// SDG codes, goals included (`16`, `16.3`).
    pub sdgs: Vec<String>,
    /// A matrix.to link to its source message.
    pub link: Option<String>,
    /// When it last changed.
    pub updated_at: i64,
}

/// What to search, and for whom.
#[derive(Debug, Clone)]
pub struct SearchFilter<'a> {
    /// The words and phrases.
    pub query: &'a SearchQuery,
    /// Only documents with this theme.
    pub theme: Option<&'a str>,
    /// Only documents with this SDG code (a goal matches its targets').
    pub sdg: Option<&'a str>,
    /// Only documents from this region.
    pub region: Option<&'a str>,
    /// The reader sees every request (committee, admins).
    pub sees_all: bool,
    /// The reader's seat: they see the requests it filed or is assigned.
    pub seat: Option<&'a str>,
    /// At most this many, best first.
    pub limit: i64,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SearchHit {
    /// Kind of document.
    pub kind: String,
    /// Its source.
    pub source: String,
    /// Title.
    pub title: String,
    /// Body.
    pub body: String,
    /// The state or partner it comes from.
    pub seat: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Language.
    pub language: String,
    /// Link to the source message.
    pub link: Option<String>,
}

const SEARCH_WHERE: &str = "\
    AND ($2 IS NULL OR d.themes LIKE '% ' || $2 || ' %') \
    AND ($3 IS NULL OR d.sdgs LIKE '% ' || $3 || ' %') \
    AND ($4 IS NULL OR d.region = $4) \
    AND (d.request_id IS NULL OR $5 OR r.requesting_state = $6 \
         OR (',' || COALESCE(r.assignee, '') || ',') LIKE ('%,' || $6 || ',%'))";

/// Tags and searchable documents.
pub trait MemoryStore {
    /// Adds tags `(kind, value)` to a subject (`request` or `practice`);
    /// how many were new.
    fn add_tags(
        &self,
        subject: (&str, i64),
        tags: &[(&'static str, String)],
        by: &str,
        at: i64,
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// Removes tags; how many there were.
    fn remove_tags(
        &self,
        subject: (&str, i64),
        tags: &[(&'static str, String)],
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// A subject's tags as `(kind, value)`, in the order they were added.
    fn tags(
        &self,
        subject: (&str, i64),
    ) -> impl Future<Output = Result<Vec<(String, String)>, StorageError>> + Send;

    /// The tags of each of `ids` (subjects of `kind`), as `(kind, value)`.
    fn tags_of(
        &self,
        kind: &str,
        ids: &[i64],
    ) -> impl Future<Output = Result<HashMap<i64, Vec<(String, String)>>, StorageError>> + Send;

    /// Writes `doc` (replacing the one of the same kind and source).
    fn put_document(
        &self,
        doc: &SearchDocument,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Removes the document of `kind` and `source`, if any.
    fn remove_document(
        &self,
        kind: &str,
        source: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Removes every document of `kind` whose source is not in `keep`; how
    /// many there were.
    fn remove_documents_except(
        &self,
        kind: &str,
        keep: &[String],
    ) -> impl Future<Output = Result<u64, StorageError>> + Send;

    /// The best matches of `filter`, best first.
    fn search(
        &self,
        filter: &SearchFilter<'_>,
    ) -> impl Future<Output = Result<Vec<SearchHit>, StorageError>> + Send;

    /// How many documents there are.
    fn count_documents(&self) -> impl Future<Output = Result<i64, StorageError>> + Send;
}

/// `[a, b]` as ` a b ` (what `LIKE '% a %'` finds).
fn spaced(values: &[String]) -> String {
    format!(" {} ", values.join(" "))
}

impl MemoryStore for Database {
    async fn add_tags(
        &self,
        (kind, id): (&str, i64),
        tags: &[(&'static str, String)],
        by: &str,
        at: i64,
    ) -> Result<u64, StorageError> {
        let sql = "INSERT INTO memory_tags (subject_kind, subject_id, kind, value, added_by, \
                   added_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING";
        let mut added = 0;
        for (tag_kind, value) in tags {
            added += on_pool!(self, pool => sqlx::query(sql)
                .bind(kind).bind(id).bind(*tag_kind).bind(value).bind(by).bind(at)
                .execute(pool).await?.rows_affected());
        }
        Ok(added)
    }

    async fn remove_tags(
        &self,
        (kind, id): (&str, i64),
        tags: &[(&'static str, String)],
    ) -> Result<u64, StorageError> {
        let sql = "DELETE FROM memory_tags WHERE subject_kind = $1 AND subject_id = $2 \
                   AND kind = $3 AND value = $4";
        let mut removed = 0;
        for (tag_kind, value) in tags {
            removed += on_pool!(self, pool => sqlx::query(sql)
                .bind(kind).bind(id).bind(*tag_kind).bind(value)
                .execute(pool).await?.rows_affected());
        }
        Ok(removed)
    }

    async fn tags(&self, (kind, id): (&str, i64)) -> Result<Vec<(String, String)>, StorageError> {
        let sql =
            "SELECT kind, value FROM memory_tags WHERE subject_kind = $1 AND subject_id = $2 \
                   ORDER BY added_at, kind, value";
        Ok(on_pool!(self, pool => sqlx::query_as(sql).bind(kind).bind(id).fetch_all(pool).await?))
    }

    async fn tags_of(
        &self,
        kind: &str,
        ids: &[i64],
    ) -> Result<HashMap<i64, Vec<(String, String)>>, StorageError> {
        let mut all: HashMap<i64, Vec<(String, String)>> = HashMap::new();
        // In chunks: both engines limit the parameters of one statement.
        for chunk in ids.chunks(500) {
            let rows: Vec<(i64, String, String)> = on_pool!(self, pool => {
                let mut q = sqlx::QueryBuilder::new(
                    "SELECT subject_id, kind, value FROM memory_tags WHERE subject_kind = ",
                );
                q.push_bind(kind.to_owned()).push(" AND subject_id IN (");
                let mut list = q.separated(", ");
                for id in chunk {
                    list.push_bind(*id);
                }
                q.push(") ORDER BY added_at, kind, value");
                q.build_query_as().fetch_all(pool).await?
            });
            for (id, k, v) in rows {
                all.entry(id).or_default().push((k, v));
            }
        }
        Ok(all)
    }

    async fn put_document(&self, doc: &SearchDocument) -> Result<(), StorageError> {
        let sql = "INSERT INTO search_documents (kind, source, request_id, language, title, body, \
                   seat, region, category, themes, sdgs, link, updated_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
                   ON CONFLICT (kind, source) DO UPDATE SET request_id = excluded.request_id, \
                   language = excluded.language, title = excluded.title, body = excluded.body, \
                   seat = excluded.seat, region = excluded.region, category = excluded.category, \
                   themes = excluded.themes, sdgs = excluded.sdgs, link = excluded.link, \
                   updated_at = excluded.updated_at";
        on_pool!(self, pool => sqlx::query(sql)
            .bind(doc.kind)
            .bind(&doc.source)
            .bind(doc.request_id)
            .bind(&doc.language)
            .bind(&doc.title)
            .bind(&doc.body)
            .bind(&doc.seat)
            .bind(&doc.region)
            .bind(&doc.category)
            .bind(spaced(&doc.themes))
            .bind(spaced(&doc.sdgs))
            .bind(&doc.link)
            .bind(doc.updated_at)
            .execute(pool)
            .await
            .map(|_| ())?);
        Ok(())
    }

    async fn remove_document(&self, kind: &str, source: &str) -> Result<(), StorageError> {
        let sql = "DELETE FROM search_documents WHERE kind = $1 AND source = $2";
        on_pool!(self, pool => sqlx::query(sql).bind(kind).bind(source).execute(pool).await.map(|_| ())?);
        Ok(())
    }

    async fn remove_documents_except(
        &self,
        kind: &str,
        keep: &[String],
    ) -> Result<u64, StorageError> {
        let sql = "SELECT source FROM search_documents WHERE kind = $1";
        let stored: Vec<String> =
            on_pool!(self, pool => sqlx::query_scalar(sql).bind(kind).fetch_all(pool).await?);
        let mut removed = 0;
        for source in stored.iter().filter(|s| !keep.contains(s)) {
            self.remove_document(kind, source).await?;
            removed += 1;
        }
        Ok(removed)
    }

    async fn search(&self, f: &SearchFilter<'_>) -> Result<Vec<SearchHit>, StorageError> {
        let columns = "d.kind, d.source, d.title, d.body, d.seat, d.region, d.language, d.link";
        let (sql, expression) = match self.kind() {
            DatabaseKind::Sqlite => (
                format!(
                    "SELECT {columns} FROM search_index \
                     JOIN search_documents d ON d.id = search_index.rowid \
                     LEFT JOIN requests r ON r.id = d.request_id \
                     WHERE search_index MATCH $1 {SEARCH_WHERE} \
                     ORDER BY bm25(search_index, 2.0, 1.0), d.id DESC LIMIT $7"
                ),
                f.query.fts5(),
            ),
            DatabaseKind::Postgres => (
                format!(
                    "SELECT {columns} FROM search_documents d \
                     LEFT JOIN requests r ON r.id = d.request_id, \
                     to_tsquery('simple', public.peerlink_unaccent($1)) q \
                     WHERE d.words @@ q {SEARCH_WHERE} \
                     ORDER BY ts_rank(d.words, q, 1) DESC, d.id DESC LIMIT $7"
                ),
                f.query.tsquery(),
            ),
        };
        let hits: Vec<SearchHit> = on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(&expression)
            .bind(f.theme)
            .bind(f.sdg)
            .bind(f.region)
            .bind(f.sees_all)
            .bind(f.seat)
            .bind(f.limit)
            .fetch_all(pool)
            .await?);
        Ok(hits)
    }

    async fn count_documents(&self) -> Result<i64, StorageError> {
        let sql = "SELECT COUNT(*) FROM search_documents";
        Ok(on_pool!(self, pool => sqlx::query_scalar(sql).fetch_one(pool).await?))
    }
}
