//! Cooperation requests from chat: intake, listings, status and triage.
//! Every decision is authorized from the roster ([`authorize`]) and
//! recorded with the Matrix event that caused it.

use super::triage::result_id;
use super::{Answer, ChatService, Effect, Place, Request as ChatRequest};
use crate::commands::{RequestCommand, Scope, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use crate::domain::memory::{Expert, RawTags, Tags};
use crate::domain::{
    Language, NewRequest, Offer, Permission, Request, RequestState, RoomKind, Roster, Status,
};
use crate::i18n::{Arg, Text};
use crate::service::memory::index_request;
use crate::service::scheduler::reminder_jobs;
use crate::storage::{
    ExpertStore, MemoryStore, OfferStore, PracticeStore, PreferenceStore, RequestFilter,
    RequestStore, RosterStore, SeminarStore, StorageError, WorkingRoomStore,
};

/// How many requests a listing shows at most.
const LIST_LIMIT: i64 = 20;

/// Open offers shown on a new request's card, at most.
const CARD_OFFERS: i64 = 5;

impl<
        S: RosterStore
            + RequestStore
            + PreferenceStore
            + SeminarStore
            + OfferStore
            + WorkingRoomStore
            + MemoryStore
            + PracticeStore
            + ExpertStore
            + Sync,
    > ChatService<S>
{
    pub(super) async fn request_command(
        &self,
        req: &ChatRequest<'_>,
        command: RequestCommand,
    ) -> Result<Answer, StorageError> {
        match command {
            RequestCommand::File { category, title, description, tags } => {
                self.file(req, &category, &title, &description, &tags).await
            }
            RequestCommand::List { scope, region, category, theme, sdg } => {
                let filter = RequestFilter { region, category, ..RequestFilter::default() };
                self.list(req, scope, filter, theme, sdg).await
            }
            RequestCommand::Status { id } => self.status(req, id).await.map(Answer::from),
            RequestCommand::Triage(t) => self.triage(req, t).await,
            RequestCommand::Overdue => self.overdue(req).await.map(Answer::from),
            RequestCommand::Update { id, text } => self.update(req, id, text).await,
        }
    }

    async fn file(
        &self,
        req: &ChatRequest<'_>,
        category: &str,
        title: &str,
        description: &str,
        raw_tags: &RawTags,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        if !matches!(req.incoming.place, Place::NetworkRoom | Place::Direct) {
            return Ok(self.say(lang, "request-wrong-place", &[]));
        }
        let network = self.roster.network();
        let roles = self.roles(req.roster, req.incoming.sender);
        let (true, Some((code, status))) = (roles.may(Permission::FileRequest), roles.delegate)
        else {
            return Ok(self.say(lang, "request-not-delegate", &[]));
        };
        let ids: Vec<String> = network.categories.iter().map(|c| c.id.clone()).collect();
        let Some(cat) = network.category(&category.to_lowercase()) else {
            let args = [
                ("category", Arg::Code(category.into())),
                ("categories", Arg::Text(ids.join(", "))),
            ];
            return Ok(self.say(lang, "request-unknown-category", &args));
        };
        if status == Status::Observer && !cat.observers {
            let open: Vec<String> =
                network.categories.iter().filter(|c| c.observers).map(|c| c.id.clone()).collect();
            let args = [
                ("category", Arg::Code(cat.id.clone())),
                ("categories", Arg::Text(open.join(", "))),
            ];
            return Ok(self.say(lang, "request-observer-category", &args));
        }
        let title_chars = title.chars().count();
        if title_chars > MAX_TITLE_CHARS {
            let args = [("length", num(title_chars)), ("max", num(MAX_TITLE_CHARS))];
            return Ok(self.say(lang, "request-title-too-long", &args));
        }
        let description_chars = description.chars().count();
        if description_chars > MAX_DESCRIPTION_CHARS {
            let args = [("length", num(description_chars)), ("max", num(MAX_DESCRIPTION_CHARS))];
            return Ok(self.say(lang, "request-description-too-long", &args));
        }
        let tags = match self.check_tags(lang, raw_tags) {
            Ok(tags) => tags,
            Err(answer) => return Ok(answer),
        };
        let new = NewRequest {
            requesting_state: code,
            region: network.regions.region_of(code).map(|r| r.id.clone()),
            category: cat.id.clone(),
            title: title.to_owned(),
            description: description.to_owned(),
            language: lang.code().to_owned(),
            requester: req.incoming.sender.to_owned(),
            source_room: req.incoming.room_id.to_owned(),
            source_event: req.incoming.event_id.to_owned(),
            created_at: self.clock().now_ms(),
        };
        let (request, _) = self.store.create_request(&new).await?;
        let now = self.clock().now_ms();
        self.store
            .add_tags(("request", request.id), &tags.rows(), req.incoming.sender, now)
            .await?;
        index_request(&self.store, request.id).await?;
        let number = Arg::Text(format!("#{}", request.id));
        let mut answer = self.say(lang, "request-filed", &[("number", number)]);
        answer.start_thread = true;
        let offers = self.store.open_offers(Some(&request.category), CARD_OFFERS).await?;
        let experts = self.card_experts(req.roster, &request).await?;
        let text = self.card(&request, req.roster, &offers, &tags, &experts);
        answer.effects.push(Effect::PostCard { request_id: request.id, text });
        let targets = network.targets(&request.category);
        let start = self.clock().now_ms();
        answer.scheduled = reminder_jobs(request.id, 0, start, targets);
        Ok(answer)
    }

    /// A request's card, in each language of the committee room, with the
    /// open offers of its category and who has done this before.
    pub(super) fn card(
        &self,
        request: &Request,
        roster: &Roster,
        offers: &[Offer],
        tags: &Tags,
        experts: &[Expert],
    ) -> Text {
        self.for_room(&RoomKind::Committee, |lang| {
            let mut text = self.card_in(lang, request);
            if let Some(line) = self.tags_line(lang, tags) {
                text.push_line(&line);
            }
            if !offers.is_empty() {
                text.push_line(&self.catalog.render(lang, "card-offers", &[]));
                for o in offers {
                    text.push_line(&self.offer_line(lang, roster, o));
                }
            }
            for line in self.card_expert_lines(lang, roster, request, experts) {
                text.push_line(&line);
            }
            text
        })
    }

    fn card_in(&self, lang: Language, request: &Request) -> Text {
        let network = self.roster.network();
        let category = network
            .category(&request.category)
            .map_or_else(|| request.category.clone(), |c| c.names.get(lang.code()).to_owned());
        let region = request
            .region
            .as_deref()
            .and_then(|r| network.regions.get(r))
            .map_or_else(String::new, |r| r.names.get(lang.code()).to_owned());
        let link = format!("https://matrix.to/#/{}/{}", request.source_room, request.source_event);
        let args = [
            ("number", Arg::Text(format!("#{}", request.id))),
            ("category", Arg::Text(category)),
            ("state", Arg::Text(request.requesting_state.name(lang.code()))),
            ("region", Arg::Text(region)),
            ("title", Arg::Text(request.title.clone())),
            ("description", Arg::Text(request.description.clone())),
            ("requester", Arg::Text(request.requester.clone())),
            ("link", Arg::Text(link)),
        ];
        self.catalog.render(lang, "request-card", &args)
    }

    /// `!requests`: `filter` holds the region and category as typed.
    async fn list(
        &self,
        req: &ChatRequest<'_>,
        scope: Scope,
        mut filter: RequestFilter,
        theme: Option<String>,
        sdg: Option<String>,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let raw = RawTags {
            themes: theme.into_iter().collect(),
            sdgs: sdg.into_iter().collect(),
            references: Vec::new(),
        };
        let tags = match self.check_tags(lang, &raw) {
            Ok(tags) => tags,
            Err(answer) => return Ok(answer),
        };
        filter.theme = tags.themes.first().cloned();
        filter.sdg = tags.sdgs.first().map(ToString::to_string);
        let roles = self.roles(req.roster, req.incoming.sender);
        let own = req.roster.seat_of(req.incoming.sender).map(|seat| seat.key());
        let sees_all = roles.may(Permission::SeeAllRequests);
        // The committee and admins see every state's requests (`mine`: those
        // their own state filed or is assigned); other delegates, of states
        // or partners, those their seat filed or is assigned.
        let involving = match (sees_all, own) {
            (true, own) if scope == Scope::Mine => own,
            (true, _) => None,
            (false, Some(own)) => Some(own),
            (false, None) => return Ok(self.say(lang, "request-not-delegate", &[])),
        };
        let filter = RequestFilter {
            open_only: scope == Scope::Open,
            involving,
            limit: LIST_LIMIT,
            ..filter
        };
        self.list_filtered(lang, &filter).await.map(Answer::from)
    }

    async fn list_filtered(
        &self,
        lang: Language,
        filter: &RequestFilter,
    ) -> Result<Text, StorageError> {
        let requests = self.store.list_requests(filter).await?;
        if requests.is_empty() {
            return Ok(self.catalog.render(lang, "requests-none", &[]));
        }
        let mut text = self.catalog.render(lang, "requests-intro", &[]);
        for r in &requests {
            text.push_line(&self.catalog.render(
                lang,
                "requests-entry",
                &self.summary_args(lang, r),
            ));
        }
        Ok(text)
    }

    pub(super) fn summary_args(&self, lang: Language, r: &Request) -> Vec<(&'static str, Arg)> {
        vec![
            ("number", Arg::Text(format!("#{}", r.id))),
            ("state", Arg::Text(self.catalog.render(lang, state_id(r.state), &[]).plain)),
            ("country", Arg::Text(r.requesting_state.name(lang.code()))),
            ("title", Arg::Text(r.title.clone())),
            ("category", Arg::Text(r.category.clone())),
        ]
    }

    async fn status(&self, req: &ChatRequest<'_>, id: i64) -> Result<Text, StorageError> {
        let lang = req.lang;
        let Some(request) = self.visible_request(req, id).await? else {
            return Ok(self.catalog.render(
                lang,
                "request-not-found",
                &[("number", Arg::Text(format!("#{id}")))],
            ));
        };
        let mut text =
            self.catalog.render(lang, "request-status", &self.summary_args(lang, &request));
        let tags = Tags::from_rows(&self.store.tags(("request", id)).await?);
        if let Some(line) = self.tags_line(lang, &tags) {
            text.push_line(&line);
        }
        if request.assignee.is_some() {
            let names = assignee_names(req.roster, &request, lang);
            text.push_line(&self.catalog.render(
                lang,
                "request-status-assignee",
                &[("assignee", Arg::Text(names))],
            ));
        }
        if let Some(outcome) = self.store.outcome(id).await? {
            let result = self.catalog.render(lang, result_id(outcome.result), &[]).plain;
            text.push_line(&self.catalog.render(
                lang,
                "request-status-outcome",
                &[("result", Arg::Text(result)), ("summary", Arg::Text(outcome.summary))],
            ));
            if let Some(lessons) = outcome.lessons.filter(|l| !l.trim().is_empty()) {
                text.push_line(&self.catalog.render(
                    lang,
                    "request-status-lessons",
                    &[("lessons", Arg::Text(lessons))],
                ));
            }
        }
        for s in self.store.request_seminars(id).await? {
            let args = [
                ("number", Arg::Text(format!("#{}", s.id))),
                ("title", Arg::Text(s.title.clone())),
                ("when", Arg::Text(self.time_text(lang, req.zone, s.starts_at))),
            ];
            text.push_line(&self.catalog.render(lang, "request-status-seminar", &args));
        }
        for t in self.store.transitions(id).await? {
            let when = self.time_text(lang, req.zone, t.at);
            let args = [
                ("when", Arg::Text(when)),
                ("actor", Arg::Text(t.actor)),
                ("to", Arg::Text(self.catalog.render(lang, state_id(t.to), &[]).plain)),
                ("reason", Arg::Text(t.reason.unwrap_or_default())),
            ];
            text.push_line(&self.catalog.render(lang, "request-status-step", &args));
        }
        Ok(text)
    }

    /// Request `id` if the sender may see it: committee and admins see all,
    /// delegates their own state's.
    async fn visible_request(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
    ) -> Result<Option<Request>, StorageError> {
        let Some(request) = self.store.get_request(id).await? else { return Ok(None) };
        Ok(self.may_see(req.roster, req.incoming.sender, &request).then_some(request))
    }
}

/// The names of a request's assignees in `lang` (states and partners by
/// name; a key the roster no longer knows, or older free text, as is).
pub(crate) fn assignee_names(roster: &Roster, request: &Request, lang: Language) -> String {
    let names: Vec<String> =
        request.assignees().iter().map(|key| super::offers::seat_name(roster, key, lang)).collect();
    names.join(", ")
}

fn num(n: usize) -> Arg {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Catalog ID of a request state's name.
pub(super) fn state_id(state: RequestState) -> &'static str {
    match state {
        RequestState::Submitted => "state-submitted",
        RequestState::Acknowledged => "state-acknowledged",
        RequestState::NeedsInfo => "state-needs-info",
        RequestState::Accepted => "state-accepted",
        RequestState::InProgress => "state-in-progress",
        RequestState::Resolved => "state-resolved",
        RequestState::Declined => "state-declined",
        RequestState::Reopened => "state-reopened",
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::tests::{incoming, service};
    use super::super::{Effect, Incoming, Place};
    use crate::domain::RequestState;
    use crate::storage::{RequestFilter, RequestStore};

    const FILE: &str = "!request membership Help to set up our <b>NMIRF</b>\nWe are an *observer* & need guidance.";

    pub(crate) async fn filed() -> (super::super::ChatService<crate::storage::Database>, i64) {
        let s = service().await;
        let answer =
            s.handle(&incoming("@cl:x.org", FILE, Place::NetworkRoom)).await.unwrap().unwrap();
        let [Effect::PostCard { request_id, .. }] = answer.effects.as_slice() else {
            panic!("{answer:?}")
        };
        (s, *request_id)
    }

    #[tokio::test]
    async fn an_observer_files_a_request_and_a_card_is_prepared_with_user_text_escaped() {
        let s = service().await;
        let answer =
            s.handle(&incoming("@cl:x.org", FILE, Place::NetworkRoom)).await.unwrap().unwrap();
        assert!(answer.start_thread);
        assert!(answer.text.plain.contains("#1"), "{}", answer.text.plain);
        let [Effect::PostCard { request_id: 1, text }] = answer.effects.as_slice() else {
            panic!("{answer:?}")
        };
        assert!(text.html.contains("&lt;b&gt;NMIRF&lt;/b&gt;"), "{}", text.html);
        assert!(!text.html.contains("<b>NMIRF"), "{}", text.html);
        assert!(text.html.contains("*observer* &amp; need"), "{}", text.html);
        assert!(text.plain.contains("Chile"), "{}", text.plain);
        let stored = s.store().get_request(1).await.unwrap().unwrap();
        assert_eq!(
            (stored.state, stored.requesting_state.as_str()),
            (RequestState::Submitted, "CL")
        );
    }

    #[tokio::test]
    async fn intake_refusals_are_polite_and_store_nothing() {
        let s = service().await;
        let long_title = format!("!request membership {}", "t".repeat(201));
        let long_description = format!("!request membership Title\n{}", "d".repeat(8_001));
        let cases = [
            ("@cl:x.org", long_title.as_str(), Place::NetworkRoom, "title is too long"),
            ("@cl:x.org", long_description.as_str(), Place::NetworkRoom, "description is too long"),
            (
                "@cl:x.org",
                "!request technical-cooperation Training",
                Place::NetworkRoom,
                "Observer states cannot",
            ),
            ("@cl:x.org", "!request gardening Roses", Place::NetworkRoom, "not a category"),
            ("@cl:evil.example", FILE, Place::NetworkRoom, "Only delegates"),
            ("@cl:x.org", FILE, Place::Committee, "plenary"),
        ];
        for (sender, body, place, expected) in cases {
            let answer = s.handle(&incoming(sender, body, place)).await.unwrap().unwrap();
            assert!(answer.text.plain.contains(expected), "{body}: {}", answer.text.plain);
            assert!(answer.effects.is_empty());
        }
        assert!(s.store().list_requests(&RequestFilter::default()).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn delegates_list_their_own_states_requests_and_the_committee_all() {
        let (s, _) = filed().await;
        let own = Incoming {
            event_id: "$own",
            ..incoming("@ma:x.org", "!request peer-exchange Visit", Place::NetworkRoom)
        };
        s.handle(&own).await.unwrap().unwrap();
        let cl = s
            .handle(&incoming("@cl:x.org", "!requests", Place::Direct))
            .await
            .unwrap()
            .unwrap()
            .text
            .plain;
        let pt = s
            .handle(&incoming("@pt:x.org", "!requests all", Place::Direct))
            .await
            .unwrap()
            .unwrap()
            .text
            .plain;
        assert!(cl.contains("#1") && !cl.contains("#2"), "{cl}");
        assert!(pt.contains("#1") && pt.contains("#2"), "{pt}");
        let hidden = s
            .handle(&incoming("@cl:x.org", "!status 2", Place::Direct))
            .await
            .unwrap()
            .unwrap()
            .text
            .plain;
        assert!(hidden.contains("no request #2"), "{hidden}");
    }
}
