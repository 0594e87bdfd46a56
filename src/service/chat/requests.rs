//! Cooperation requests from chat: intake, listings, status and triage.
//! Every decision is authorized from the roster ([`authorize`]) and
//! recorded with the Matrix event that caused it.

use super::{Answer, ChatService, Effect, Place, Request as ChatRequest};
use crate::commands::{
    RequestCommand, Scope, TriageCommand, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS,
};
use crate::domain::{
    authorize, ActionKind, CountryCode, Language, NewRequest, Outcome, Permission, Refusal,
    Request, RequestState, Status, Transition,
};
use crate::i18n::{Arg, Text};
use crate::storage::{now_ms, RequestFilter, RequestStore, RosterStore, Step, StorageError};

/// How many requests a listing shows at most.
const LIST_LIMIT: i64 = 20;

impl<S: RosterStore + RequestStore + Sync> ChatService<S> {
    pub(super) async fn request_command(
        &self,
        req: &ChatRequest<'_>,
        command: RequestCommand,
    ) -> Answer {
        let result = match command {
            RequestCommand::File { category, title, description } => {
                self.file(req, &category, &title, &description).await
            }
            RequestCommand::List { scope, region, category } => {
                self.list(req, scope, region, category).await.map(Answer::from)
            }
            RequestCommand::Status { id } => self.status(req, id).await.map(Answer::from),
            RequestCommand::Triage(t) => self.triage(req, t).await,
        };
        result.unwrap_or_else(|e| {
            tracing::error!(error = %e, "request command failed");
            self.catalog.render(req.lang, "internal-error", &[]).into()
        })
    }

    fn say(&self, lang: Language, id: &str, args: &[(&str, Arg)]) -> Answer {
        self.catalog.render(lang, id, args).into()
    }

    async fn file(
        &self,
        req: &ChatRequest<'_>,
        category: &str,
        title: &str,
        description: &str,
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
        };
        let (request, _) = self.store.create_request(&new).await?;
        let number = Arg::Text(format!("#{}", request.id));
        let mut answer = self.say(lang, "request-filed", &[("number", number)]);
        answer.start_thread = true;
        answer.effects.push(Effect::PostCard { request_id: request.id, text: self.card(&request) });
        Ok(answer)
    }

    /// The card posted in the committee room (in the configured language).
    pub(super) fn card(&self, request: &Request) -> Text {
        let lang = self.default_language;
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

    async fn list(
        &self,
        req: &ChatRequest<'_>,
        scope: Scope,
        region: Option<String>,
        category: Option<String>,
    ) -> Result<Text, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        let own = roles.delegate.map(|(code, _)| code);
        let sees_all = roles.may(Permission::SeeAllRequests);
        // The committee and admins see every state's requests (`mine`: their
        // own state's); other delegates only their own state's.
        let state = match (sees_all, own) {
            (true, own) if scope == Scope::Mine => own,
            (true, _) => None,
            (false, Some(own)) => Some(own),
            (false, None) => return Ok(self.catalog.render(lang, "request-not-delegate", &[])),
        };
        self.list_filtered(lang, scope, state, region, category).await
    }

    async fn list_filtered(
        &self,
        lang: Language,
        scope: Scope,
        state: Option<CountryCode>,
        region: Option<String>,
        category: Option<String>,
    ) -> Result<Text, StorageError> {
        let filter = RequestFilter {
            open_only: scope == Scope::Open,
            requesting_state: state,
            region,
            category,
            limit: LIST_LIMIT,
            ..RequestFilter::default()
        };
        let requests = self.store.list_requests(&filter).await?;
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

    fn summary_args(&self, lang: Language, r: &Request) -> Vec<(&'static str, Arg)> {
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
        if let Some(assignee) = &request.assignee {
            text.push_line(&self.catalog.render(
                lang,
                "request-status-assignee",
                &[("assignee", Arg::Text(assignee.clone()))],
            ));
        }
        if let Some(outcome) = self.store.outcome(id).await? {
            let result = self.catalog.render(lang, result_id(outcome.result), &[]).plain;
            text.push_line(&self.catalog.render(
                lang,
                "request-status-outcome",
                &[("result", Arg::Text(result)), ("summary", Arg::Text(outcome.summary))],
            ));
        }
        for t in self.store.transitions(id).await? {
            let when = chrono::DateTime::from_timestamp_millis(t.at)
                .map_or_else(String::new, |d| d.format("%Y-%m-%d %H:%M").to_string());
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
        let sender_state = req.roster.state_of(req.incoming.sender).map(|s| s.code);
        let network = self.roster.network();
        let visible = self.admins.is_admin(req.incoming.sender)
            || sender_state
                .is_some_and(|c| network.is_committee(c) || c == request.requesting_state);
        Ok(visible.then_some(request))
    }

    async fn triage(
        &self,
        req: &ChatRequest<'_>,
        t: TriageCommand,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        if req.incoming.place != Place::Committee {
            return Ok(self.say(lang, "triage-wrong-place", &[]));
        }
        let request = match t.id {
            Some(id) => self.store.get_request(id).await?,
            None => match req.incoming.thread_root {
                Some(root) => self.store.find_request_by_event(root).await?,
                None => None,
            },
        };
        let Some(request) = request else {
            return Ok(match t.id {
                Some(id) => {
                    self.say(lang, "request-not-found", &[("number", Arg::Text(format!("#{id}")))])
                }
                None => self.say(lang, "triage-which-request", &[]),
            });
        };
        let actor = req.incoming.sender;
        let number = Arg::Text(format!("#{}", request.id));
        let roles = self.roles(req.roster, actor);
        let to = match authorize(&roles, request.requesting_state, request.state, t.action) {
            Ok(to) => to,
            Err(refusal) => return Ok(self.refusal(lang, &request, refusal)),
        };
        let outcome = t.result.map(|result| Outcome {
            result,
            summary: t.text.clone().unwrap_or_default(),
            lessons: t.lessons.clone(),
            delivered_by: request.assignee.clone(),
        });
        let transition = Transition {
            at: now_ms(),
            actor: actor.to_owned(),
            actor_state: req.roster.state_of(actor).map(|s| s.code),
            action: t.action.as_str().to_owned(),
            from: Some(request.state),
            to,
            reason: t.text.clone(),
            event_id: Some(req.incoming.event_id.to_owned()),
        };
        let assignee = (t.action == ActionKind::Accept).then(|| t.text.clone()).flatten();
        let step = Step {
            transition: &transition,
            assignee: assignee.as_deref(),
            outcome: outcome.as_ref(),
        };
        match self.store.apply_step(request.id, step).await {
            Ok(()) => {}
            Err(StorageError::Conflict(_)) => {
                // Someone else moved it first: say where it stands now.
                let current =
                    self.store.get_request(request.id).await?.map_or(request.state, |r| r.state);
                return Ok(self.refusal(
                    lang,
                    &request,
                    Refusal::NotNow { state: current, allowed: current.allowed_actions() },
                ));
            }
            Err(e) => return Err(e),
        }
        let state_word = self.catalog.render(lang, state_id(to), &[]).plain;
        let mut answer =
            self.say(lang, "triage-done", &[("number", number), ("state", Arg::Text(state_word))]);
        answer
            .effects
            .push(Effect::Notify { request_id: request.id, text: self.notice(&request, &t, to) });
        Ok(answer)
    }

    /// A non-command message in a thread: if it answers the committee's
    /// question on the sender's state's request, the request goes back to
    /// the committee with the answer in its card's thread. Anything else is
    /// ordinary conversation and gets no answer.
    pub(super) async fn thread_reply(&self, incoming: &super::Incoming<'_>) -> Option<Answer> {
        let root = incoming.thread_root?;
        let outcome = async {
            let Some(request) = self.store.find_request_by_event(root).await? else {
                return Ok(None);
            };
            if request.source_event != root || request.state != RequestState::NeedsInfo {
                return Ok(None);
            }
            let roster =
                self.roster.roster().await.map_err(|e| StorageError::Corrupt(e.to_string()))?;
            let actor = incoming.sender;
            let roles = self.roles(&roster, actor);
            let Ok(to) =
                authorize(&roles, request.requesting_state, request.state, ActionKind::Answer)
            else {
                return Ok(None);
            };
            let transition = Transition {
                at: now_ms(),
                actor: actor.to_owned(),
                actor_state: roster.state_of(actor).map(|s| s.code),
                action: ActionKind::Answer.as_str().to_owned(),
                from: Some(request.state),
                to,
                reason: Some(incoming.body.to_owned()),
                event_id: Some(incoming.event_id.to_owned()),
            };
            match self
                .store
                .apply_step(
                    request.id,
                    Step { transition: &transition, assignee: None, outcome: None },
                )
                .await
            {
                Err(StorageError::Conflict(_)) => return Ok(None),
                other => other?,
            }
            let lang = Language::parse(&request.language).unwrap_or(self.default_language);
            let number = Arg::Text(format!("#{}", request.id));
            let relayed = self.catalog.render(
                self.default_language,
                "card-answer",
                &[
                    ("number", number.clone()),
                    ("requester", Arg::Text(actor.to_owned())),
                    ("text", Arg::Text(incoming.body.to_owned())),
                ],
            );
            let mut answer = self.say(lang, "answer-relayed", &[("number", number)]);
            answer.effects.push(Effect::PostToCard { request_id: request.id, text: relayed });
            Ok::<_, StorageError>(Some(answer))
        };
        outcome.await.unwrap_or_else(|e| {
            tracing::error!(error = %e, "could not handle a thread reply");
            None
        })
    }

    /// The notice for the requester, in the request's language.
    fn notice(&self, request: &Request, t: &TriageCommand, to: RequestState) -> Text {
        let lang = Language::parse(&request.language).unwrap_or(self.default_language);
        let id = match (t.action, to) {
            (ActionKind::AskInfo, _) => "notice-needs-info",
            (ActionKind::Accept, _) => "notice-accepted",
            (ActionKind::Decline, _) => "notice-declined",
            (ActionKind::Start, _) => "notice-in-progress",
            (ActionKind::Resolve, _) => "notice-resolved",
            (ActionKind::Reopen, _) => "notice-reopened",
            _ => "notice-acknowledged",
        };
        let result = t
            .result
            .map(|r| self.catalog.render(lang, result_id(r), &[]).plain)
            .unwrap_or_default();
        let args = [
            ("number", Arg::Text(format!("#{}", request.id))),
            ("text", Arg::Text(t.text.clone().unwrap_or_default())),
            ("result", Arg::Text(result)),
        ];
        self.catalog.render(lang, id, &args)
    }

    fn refusal(&self, lang: Language, request: &Request, refusal: Refusal) -> Answer {
        let number = Arg::Text(format!("#{}", request.id));
        match refusal {
            Refusal::NotCommittee => self.say(lang, "triage-not-committee", &[]),
            Refusal::OwnRequest { state } => self.say(
                lang,
                "triage-own-request",
                &[("number", number), ("state", Arg::Text(state.name(lang.code())))],
            ),
            Refusal::NotRequester => self.say(lang, "triage-not-requester", &[("number", number)]),
            Refusal::NotNow { state, allowed } => {
                let state_word = self.catalog.render(lang, state_id(state), &[]).plain;
                let allowed: Vec<String> = allowed
                    .iter()
                    .filter(|a| a.is_triage())
                    .map(|a| format!("{}{}", self.prefix, a.as_str()))
                    .collect();
                let allowed =
                    if allowed.is_empty() { "—".to_owned() } else { allowed.join(", ") };
                self.say(
                    lang,
                    "triage-not-now",
                    &[
                        ("number", number),
                        ("state", Arg::Text(state_word)),
                        ("allowed", Arg::Text(allowed)),
                    ],
                )
            }
        }
    }
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

fn result_id(result: crate::domain::OutcomeResult) -> &'static str {
    match result {
        crate::domain::OutcomeResult::Delivered => "result-delivered",
        crate::domain::OutcomeResult::PartlyDelivered => "result-partly-delivered",
        crate::domain::OutcomeResult::NotDelivered => "result-not-delivered",
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{incoming, service};
    use super::super::{Effect, Incoming, Place};
    use crate::domain::RequestState;
    use crate::storage::{RequestFilter, RequestStore};

    const FILE: &str = "!request membership Help to set up our <b>NMIRF</b>\nWe are an *observer* & need guidance.";

    async fn filed() -> (super::super::ChatService<crate::storage::Database>, i64) {
        let s = service().await;
        let answer = s.handle(&incoming("@cl:x.org", FILE, Place::NetworkRoom)).await.unwrap();
        let [Effect::PostCard { request_id, .. }] = answer.effects.as_slice() else {
            panic!("{answer:?}")
        };
        (s, *request_id)
    }

    #[tokio::test]
    async fn an_observer_files_a_request_and_a_card_is_prepared_with_user_text_escaped() {
        let s = service().await;
        let answer = s.handle(&incoming("@cl:x.org", FILE, Place::NetworkRoom)).await.unwrap();
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
            ("@cl:x.org", FILE, Place::Other, "plenary"),
        ];
        for (sender, body, place, expected) in cases {
            let answer = s.handle(&incoming(sender, body, place)).await.unwrap();
            assert!(answer.text.plain.contains(expected), "{body}: {}", answer.text.plain);
            assert!(answer.effects.is_empty());
        }
        assert!(s.store().list_requests(&RequestFilter::default()).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn the_committee_triages_by_number_and_the_requester_is_told() {
        let (s, id) = filed().await;
        let answer = s
            .handle(&incoming("@pt:x.org", &format!("!ack {id}"), Place::Committee))
            .await
            .unwrap();
        assert!(answer.text.plain.contains("acknowledged"), "{}", answer.text.plain);
        let [Effect::Notify { request_id, text }] = answer.effects.as_slice() else {
            panic!("{answer:?}")
        };
        assert_eq!(*request_id, id);
        assert!(text.plain.contains("acknowledged by the Executive Committee"), "{}", text.plain);
        let history = s.store().transitions(id).await.unwrap();
        assert_eq!(history.last().unwrap().actor, "@pt:x.org");
        assert_eq!(history.last().unwrap().event_id.as_deref(), Some("$e"));
    }

    #[tokio::test]
    async fn in_the_card_thread_the_number_can_be_left_out() {
        let (s, id) = filed().await;
        s.store().set_card(id, "!committee", "$card").await.unwrap();
        let command = Incoming {
            thread_root: Some("$card"),
            ..incoming("@ma:x.org", "!decline Out of scope", Place::Committee)
        };
        let answer = s.handle(&command).await.unwrap();
        assert!(answer.text.plain.contains("#1"), "{}", answer.text.plain);
        assert_eq!(s.store().get_request(id).await.unwrap().unwrap().state, RequestState::Declined);
    }

    #[tokio::test]
    async fn unauthorized_or_forbidden_steps_are_refused_and_change_nothing() {
        let (s, id) = filed().await;
        // MA files its own request too.
        let own = Incoming {
            event_id: "$own",
            ..incoming("@ma:x.org", "!request peer-exchange Visit", Place::NetworkRoom)
        };
        s.handle(&own).await.unwrap();
        let cases = [
            ("@cl:x.org", format!("!ack {id}"), "Only delegates of the Executive Committee"),
            ("@pt:evil.example", format!("!ack {id}"), "Only delegates of the Executive Committee"),
            ("@pt:x.org", format!("!resolve {id} delivered Done"), "possible now: !ack, !decline"),
            ("@ma:x.org", "!accept 2 PT".to_owned(), "votre propre État"),
            ("@pt:x.org", "!ack 99".to_owned(), "no request #99"),
        ];
        for (sender, body, expected) in cases {
            let answer = s.handle(&incoming(sender, &body, Place::Committee)).await.unwrap();
            assert!(answer.text.plain.contains(expected), "{body}: {}", answer.text.plain);
            assert!(answer.effects.is_empty(), "{body}");
        }
        for id in [1, 2] {
            assert_eq!(
                s.store().get_request(id).await.unwrap().unwrap().state,
                RequestState::Submitted
            );
            assert_eq!(s.store().transitions(id).await.unwrap().len(), 1);
        }
        for place in [Place::NetworkRoom, Place::Direct, Place::Other] {
            let outside = s.handle(&incoming("@pt:x.org", "!ack 1", place)).await.unwrap();
            assert!(outside.text.plain.contains("Executive Committee room"), "{place:?}");
            assert!(outside.effects.is_empty());
        }
        assert_eq!(s.store().get_request(1).await.unwrap().unwrap().state, RequestState::Submitted);
    }

    #[tokio::test]
    async fn the_full_lifecycle_ends_in_the_outcomes_register() {
        let (s, id) = filed().await;
        let steps = [
            format!("!ack {id}"),
            format!("!accept {id} PT"),
            format!("!start {id}"),
            format!("!resolve {id} partly Two workshops held\nStart earlier"),
            format!("!reopen {id} New needs"),
            format!("!ack {id}"),
        ];
        for body in &steps {
            let answer = s.handle(&incoming("@pt:x.org", body, Place::Committee)).await.unwrap();
            assert!(
                matches!(answer.effects.as_slice(), [Effect::Notify { .. }]),
                "{body}: {}",
                answer.text.plain
            );
        }
        let outcome = s.store().outcome(id).await.unwrap().unwrap();
        assert_eq!(
            (outcome.summary.as_str(), outcome.lessons.as_deref()),
            ("Two workshops held", Some("Start earlier"))
        );
        let status = s
            .handle(&incoming("@cl:x.org", &format!("!status {id}"), Place::Direct))
            .await
            .unwrap();
        for part in ["Assigned to: PT", "partly delivered", "@pt:x.org"] {
            assert!(status.text.plain.contains(part), "{part}: {}", status.text.plain);
        }
    }

    #[tokio::test]
    async fn the_requesters_answer_in_its_thread_goes_back_to_the_committee() {
        let (s, id) = filed().await;
        for body in [format!("!ack {id}"), format!("!info {id} Which dates suit you?")] {
            s.handle(&incoming("@pt:x.org", &body, Place::Committee)).await.unwrap();
        }
        // Someone else chatting in the thread is not an answer.
        let chatter = Incoming {
            thread_root: Some("$e"),
            event_id: "$c",
            ..incoming("@pt:x.org", "Any news?", Place::NetworkRoom)
        };
        assert_eq!(s.handle(&chatter).await, None);

        let reply = Incoming {
            thread_root: Some("$e"),
            event_id: "$a",
            ..incoming("@cl:x.org", "March or April", Place::NetworkRoom)
        };
        let answer = s.handle(&reply).await.unwrap();

        let [Effect::PostToCard { request_id, text }] = answer.effects.as_slice() else {
            panic!("{answer:?}")
        };
        assert_eq!(*request_id, id);
        assert!(
            text.plain.contains("March or April") && text.plain.contains("@cl:x.org"),
            "{}",
            text.plain
        );
        let request = s.store().get_request(id).await.unwrap().unwrap();
        assert_eq!(request.state, RequestState::Acknowledged);
        let last = s.store().transitions(id).await.unwrap().pop().unwrap();
        assert_eq!((last.action.as_str(), last.event_id.as_deref()), ("answer", Some("$a")));
        // Once answered, further messages are conversation again.
        let again = Incoming { event_id: "$b", ..reply.clone() };
        assert_eq!(s.handle(&again).await, None);
    }

    #[tokio::test]
    async fn delegates_list_their_own_states_requests_and_the_committee_all() {
        let (s, _) = filed().await;
        let own = Incoming {
            event_id: "$own",
            ..incoming("@ma:x.org", "!request peer-exchange Visit", Place::NetworkRoom)
        };
        s.handle(&own).await.unwrap();
        let cl =
            s.handle(&incoming("@cl:x.org", "!requests", Place::Direct)).await.unwrap().text.plain;
        let pt = s
            .handle(&incoming("@pt:x.org", "!requests all", Place::Direct))
            .await
            .unwrap()
            .text
            .plain;
        assert!(cl.contains("#1") && !cl.contains("#2"), "{cl}");
        assert!(pt.contains("#1") && pt.contains("#2"), "{pt}");
        let hidden =
            s.handle(&incoming("@cl:x.org", "!status 2", Place::Direct)).await.unwrap().text.plain;
        assert!(hidden.contains("no request #2"), "{hidden}");
    }
}
