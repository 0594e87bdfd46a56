//! The network's memory from chat: tagging requests with SDGs, themes and
//! UN recommendations (`!tag`, or options when filing), and searching
//! outcomes, lessons, practices and the requests the sender may see
//! (`!search`). Search applies the same visibility as `!status`.

use super::{Answer, ChatService, Request as ChatRequest};
use crate::commands::MemoryCommand;
use crate::domain::memory::query::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};
use crate::domain::memory::tags::MAX_TAGS_EACH;
use crate::domain::memory::{
    excerpt, QueryProblem, RawTags, ReferenceError, SearchQuery, TagProblem, Tags, SDG,
};
use crate::domain::{Language, Permission};
use crate::i18n::{Arg, Text};
use crate::service::memory::{index_request, search, SearchAsked, SearchProblem};
use crate::storage::{
    ExpertStore, MemoryStore, OfferStore, PracticeStore, RequestStore, RosterStore, SearchHit,
    StorageError,
};

/// Results `!search` shows.
const SHOWN: i64 = 5;
/// Words in an excerpt.
const EXCERPT_WORDS: usize = 24;

impl<S> ChatService<S> {
    /// `tags` checked against the SDG catalog and the network's themes, or
    /// the polite refusal.
    pub(super) fn check_tags(&self, lang: Language, raw: &RawTags) -> Result<Tags, Answer> {
        Tags::check(raw, &self.network().themes).map_err(|p| self.tag_problem(lang, &p).into())
    }

    fn tag_problem(&self, lang: Language, problem: &TagProblem) -> Text {
        let value = |v: &str| ("value", Arg::Code(super::help::echo(v)));
        match problem {
            TagProblem::UnknownSdg(v) => self.catalog.render(lang, "tag-unknown-sdg", &[value(v)]),
            TagProblem::UnknownTheme(v, closest) if closest.is_empty() => {
                self.catalog.render(lang, "tag-unknown-theme", &[value(v)])
            }
            TagProblem::UnknownTheme(v, closest) => {
                let args = [value(v), ("closest", Arg::Text(closest.join(", ")))];
                self.catalog.render(lang, "tag-unknown-theme-closest", &args)
            }
            TagProblem::BadReference(v, why) => {
                let id = match why {
                    ReferenceError::UnknownMechanism(_) => "ref-unknown-mechanism",
                    ReferenceError::BadUpr => "ref-bad-upr",
                    ReferenceError::BadTreatyBody => "ref-bad-treaty-body",
                    ReferenceError::WrongSymbol { .. } => "ref-wrong-symbol",
                    ReferenceError::BadSpecialProcedure => "ref-bad-special-procedure",
                    ReferenceError::TooLong => "ref-too-long",
                };
                let body = match why {
                    ReferenceError::WrongSymbol { body, prefix, .. } => {
                        vec![
                            value(v),
                            ("body", Arg::Code((*body).into())),
                            ("prefix", Arg::Code((*prefix).into())),
                        ]
                    }
                    _ => vec![value(v)],
                };
                self.catalog.render(lang, id, &body)
            }
            TagProblem::TooMany => self.catalog.render(
                lang,
                "tag-too-many",
                &[("max", Arg::Number(MAX_TAGS_EACH as i64))],
            ),
        }
    }

    /// `tags` as one line in `lang`: SDGs with their names, themes by
    /// name, references as cited.
    pub(super) fn tags_text(&self, lang: Language, tags: &Tags) -> String {
        let sdgs = tags.sdgs.iter().map(|c| SDG.label(c, lang.code()));
        let themes = tags.themes.iter().map(|t| self.network().themes.name(t, lang.code()));
        let refs = tags.references.iter().map(|r| r.text.clone());
        sdgs.chain(themes).chain(refs).collect::<Vec<_>>().join(" · ")
    }

    /// The "tagged" line of a card or `!status`, if there are tags.
    pub(super) fn tags_line(&self, lang: Language, tags: &Tags) -> Option<Text> {
        (!tags.is_empty()).then(|| {
            let args = [("tags", Arg::Text(self.tags_text(lang, tags)))];
            self.catalog.render(lang, "request-tags", &args)
        })
    }
}

impl<
        S: RosterStore + RequestStore + MemoryStore + PracticeStore + ExpertStore + OfferStore + Sync,
    > ChatService<S>
{
    pub(super) async fn memory_command(
        &self,
        req: &ChatRequest<'_>,
        command: MemoryCommand,
    ) -> Result<Answer, StorageError> {
        match command {
            MemoryCommand::Tag { id, tags, remove } => self.tag(req, id, &tags, remove).await,
            MemoryCommand::Guide { document, section } => {
                Ok(self.guide(req, document.as_deref(), section.as_deref()))
            }
            MemoryCommand::Search { query, theme, sdg, region } => {
                self.search_command(req, &query, theme, sdg, region).await.map(Answer::from)
            }
            MemoryCommand::Experts { about } => self.experts_command(req, &about).await,
            other => self.practice_command(req, other).await,
        }
    }

    async fn tag(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
        raw: &RawTags,
        remove: bool,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let number = ("number", Arg::Text(format!("#{id}")));
        let roles = self.roles(req.roster, req.incoming.sender);
        let Some(request) = self.store.get_request(id).await? else {
            return Ok(self.say(lang, "request-not-found", &[number]));
        };
        let own = roles.delegate.is_some_and(|(code, _)| code == request.requesting_state);
        if !(own || roles.may(Permission::TagAnyRequest)) {
            // Someone who may not even see it learns nothing more of it.
            let id = if self.may_see(req.roster, req.incoming.sender, &request) {
                "tag-not-allowed"
            } else {
                "request-not-found"
            };
            return Ok(self.say(lang, id, &[number]));
        }
        let tags = match self.check_tags(lang, raw) {
            Ok(tags) => tags,
            Err(answer) => return Ok(answer),
        };
        let subject = ("request", id);
        if remove {
            self.store.remove_tags(subject, &tags.rows()).await?;
        } else {
            let existing = self.store.tags(subject).await?;
            let mut all = Tags::from_rows(&existing);
            all.sdgs.extend(tags.sdgs.iter().cloned());
            all.themes.extend(tags.themes.iter().cloned());
            all.references.extend(tags.references.iter().cloned());
            let count = |kind: &str| {
                let mut values: Vec<String> = all
                    .rows()
                    .into_iter()
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, v)| v.to_lowercase())
                    .collect();
                values.sort();
                values.dedup();
                values.len()
            };
            if ["sdg", "theme", "ref"].into_iter().any(|k| count(k) > MAX_TAGS_EACH) {
                return Ok(self.tag_problem(lang, &TagProblem::TooMany).into());
            }
            let now = self.clock().now_ms();
            self.store.add_tags(subject, &tags.rows(), req.incoming.sender, now).await?;
        }
        index_request(&self.store, id).await?;
        let now_tags = Tags::from_rows(&self.store.tags(subject).await?);
        Ok(match self.tags_line(lang, &now_tags) {
            Some(line) => {
                let mut text = self.catalog.render(lang, "tag-done", &[number]);
                text.push_line(&line);
                text.into()
            }
            None => self.say(lang, "tag-none-left", &[number]),
        })
    }

    async fn search_command(
        &self,
        req: &ChatRequest<'_>,
        raw: &str,
        theme: Option<String>,
        sdg: Option<String>,
        region: Option<String>,
    ) -> Result<Text, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        if !roles.may(Permission::Search) {
            return Ok(self.catalog.render(lang, "search-not-allowed", &[]));
        }
        let seat = req.roster.seat_of(req.incoming.sender).map(|s| s.key());
        let asked = SearchAsked {
            query: raw,
            theme: theme.as_deref(),
            sdg: sdg.as_deref(),
            region: region.as_deref(),
            sees_all: roles.may(Permission::SeeAllRequests),
            seat: seat.as_deref(),
            limit: SHOWN,
        };
        let (query, hits) = match search(&self.store, self.network(), &asked).await? {
            Ok(found) => found,
            Err(problem) => return Ok(self.search_problem(lang, problem)),
        };
        let shown = ("query", Arg::Text(raw.trim().to_owned()));
        if hits.is_empty() {
            return Ok(self.catalog.render(lang, "search-none", &[shown]));
        }
        let count = ("count", Arg::Number(hits.len() as i64));
        let mut text = self.catalog.render(lang, "search-intro", &[count, shown]);
        for (rank, hit) in hits.iter().enumerate() {
            text.push_line(&self.hit_line(lang, req, rank + 1, hit, &query));
        }
        Ok(text)
    }

    fn hit_line(
        &self,
        lang: Language,
        req: &ChatRequest<'_>,
        rank: usize,
        hit: &SearchHit,
        query: &SearchQuery,
    ) -> Text {
        let kind = match hit.kind.as_str() {
            "request" => "search-kind-request",
            "outcome" => "search-kind-outcome",
            "practice" => "search-kind-practice",
            _ => "search-kind-guidance",
        };
        let source = ("source", Arg::Text(format!("#{}", hit.source)));
        let kind = self.catalog.render(lang, kind, &[source]).plain;
        let seat = hit
            .seat
            .as_deref()
            .map_or_else(String::new, |s| super::offers::seat_name(req.roster, s, lang));
        let text = if hit.body.trim().is_empty() { &hit.title } else { &hit.body };
        let args = [
            ("rank", Arg::Number(rank as i64)),
            ("kind", Arg::Text(kind)),
            ("title", Arg::Text(hit.title.clone())),
            ("seat", Arg::Text(seat)),
            ("excerpt", Arg::Text(excerpt(text, query.all_words(), EXCERPT_WORDS))),
            ("link", Arg::Text(hit.link.clone().unwrap_or_default())),
        ];
        self.catalog.render(lang, "search-hit", &args)
    }

    fn search_problem(&self, lang: Language, problem: SearchProblem) -> Text {
        match problem {
            SearchProblem::Query(p) => self.query_problem(lang, &p),
            SearchProblem::UnknownTheme(t, closest) => {
                self.tag_problem(lang, &TagProblem::UnknownTheme(t, closest))
            }
            SearchProblem::UnknownSdg(s) => self.tag_problem(lang, &TagProblem::UnknownSdg(s)),
            SearchProblem::UnknownRegion(r) => {
                let regions = self.network().regions.regions();
                let ids: Vec<&str> = regions.iter().map(|r| r.id.as_str()).collect();
                let args = [
                    ("value", Arg::Code(super::help::echo(&r))),
                    ("regions", Arg::Text(ids.join(", "))),
                ];
                self.catalog.render(lang, "search-unknown-region", &args)
            }
        }
    }

    fn query_problem(&self, lang: Language, problem: &QueryProblem) -> Text {
        match problem {
            QueryProblem::Empty => self.catalog.render(lang, "search-empty", &[]),
            QueryProblem::NoWords => self.catalog.render(lang, "search-no-words", &[]),
            QueryProblem::UnbalancedQuotes => {
                self.catalog.render(lang, "search-unbalanced-quotes", &[])
            }
            QueryProblem::TooManyWords => self.catalog.render(
                lang,
                "search-too-many-words",
                &[("max", Arg::Number(MAX_QUERY_WORDS as i64))],
            ),
            QueryProblem::TooLong { chars } => self.catalog.render(
                lang,
                "search-too-long",
                &[
                    ("length", Arg::Number(*chars as i64)),
                    ("max", Arg::Number(MAX_QUERY_CHARS as i64)),
                ],
            ),
        }
    }
}
