//! Membership decided by the Executive Committee: `!apply` opens an
//! application and its poll in the committee room; each vote (a poll
//! response or `!vote`) is recorded with its event; the application is
//! decided as soon as the outcome is certain (or at its deadline, by the
//! scheduler): the poll is closed, the roster changed (its history cites the
//! decision), the plenary told, the applicant answered.

use std::collections::BTreeMap;

use tracing::info;

use super::{Answer, ChatService, Effect, Place, Request as ChatRequest};
use crate::commands::MembershipCommand;
use crate::domain::membership::tally;
use crate::domain::{
    Application, ApplicationStatus, CountryCode, Language, Permission, RoomKind, State, Status,
    Tally, Vote,
};
use crate::i18n::{Arg, Text};
use crate::service::Scheduled;
use crate::storage::{
    MembershipStore, NewApplication, PreferenceStore, RosterStore, StorageError, VoteRecord,
};

/// The kind of the job that decides an application at its deadline.
pub const MEMBERSHIP_JOB: &str = "membership_deadline";

impl<S: RosterStore + MembershipStore + PreferenceStore + Sync> ChatService<S> {
    pub(super) async fn membership_command(
        &self,
        req: &ChatRequest<'_>,
        command: MembershipCommand,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        match command {
            MembershipCommand::Apply { state: None, status, motivation } => {
                let Some(state) = req.roster.state_of(req.incoming.sender) else {
                    return Ok(self.say(lang, "apply-not-delegate", &[]));
                };
                if !roles.may(Permission::ApplyMembership) {
                    let name = Arg::Text(state.code.name(lang.code()));
                    return Ok(self.say(lang, "apply-already-member", &[("state", name)]));
                }
                self.open_application(req, state.code, status, &motivation).await
            }
            MembershipCommand::Apply { state: Some(code), status, motivation } => {
                if !roles.may(Permission::ProposeState) {
                    return Ok(self.say(lang, "apply-not-coordinator", &[]));
                }
                let name = Arg::Text(code.name(lang.code()));
                match req.roster.states.get(&code) {
                    Some(s) if !(s.status == Status::Observer && status == Status::Member) => {
                        return Ok(self.say(lang, "apply-already-in", &[("state", name)]));
                    }
                    _ => {}
                }
                if self.network().regions.region_of(code).is_none() {
                    let value = Arg::Code(code.to_string());
                    return Ok(self.say(lang, "roster-no-region", &[("value", value)]));
                }
                self.open_application(req, code, status, &motivation).await
            }
            MembershipCommand::Vote { id, vote } => self.vote(req, id, vote).await,
            MembershipCommand::List => self.applications(req).await,
        }
    }

    async fn open_application(
        &self,
        req: &ChatRequest<'_>,
        state: CountryCode,
        status: Status,
        motivation: &str,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let now = self.clock().now_ms();
        let new = NewApplication {
            state,
            status,
            motivation,
            applicant: req.incoming.sender,
            source_room: req.incoming.room_id,
            source_event: req.incoming.event_id,
            deadline: now + self.network().membership.deadline_ms,
            created_at: now,
        };
        let Some(app) = self.store.create_application(&new).await? else {
            let name = Arg::Text(state.name(lang.code()));
            return Ok(self.say(lang, "apply-open-already", &[("state", name)]));
        };
        let question = self.for_room(&RoomKind::Committee, |l| self.poll_question(l, &app));
        let answers = Vote::ALL
            .iter()
            .map(|v| {
                let label = self.catalog.render(self.committee_language(), vote_id(*v), &[]).plain;
                (v.as_str().to_owned(), label)
            })
            .collect();
        let args = [
            ("number", Arg::Text(format!("#{}", app.id))),
            ("when", Arg::Text(self.when(req, app.deadline))),
        ];
        let mut answer = self.say(lang, "apply-opened", &args);
        answer.effects.push(Effect::Poll { application: app.id, question, answers });
        answer.scheduled.push(Scheduled {
            kind: MEMBERSHIP_JOB,
            key: format!("membership:{}", app.id),
            due_at: app.deadline,
            payload: serde_json::json!({ "application": app.id }).to_string(),
        });
        Ok(answer)
    }

    fn poll_question(&self, lang: Language, app: &Application) -> Text {
        let args = [
            ("number", Arg::Text(format!("#{}", app.id))),
            ("state", Arg::Text(app.state.name(lang.code()))),
            ("status", Arg::Text(self.catalog.render(lang, status_word(app.status), &[]).plain)),
            ("motivation", Arg::Text(app.motivation.clone())),
            ("command", Arg::Code(format!("{}vote {} yes", self.prefix, app.id))),
        ];
        self.catalog.render(lang, "apply-poll", &args)
    }

    /// The first language of the committee room (poll answers have one label).
    fn committee_language(&self) -> Language {
        let configured = &self.network().rooms.policy(&RoomKind::Committee).languages;
        configured.first().copied().unwrap_or(self.default_language)
    }

    async fn vote(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
        vote: Vote,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let number = || Arg::Text(format!("#{id}"));
        let sender = req.incoming.sender;
        let roles = self.roles(req.roster, sender);
        let committee_state =
            roles.delegate.map(|(code, _)| code).filter(|_| roles.may(Permission::VoteMembership));
        let Some(state) = committee_state.filter(|_| req.incoming.place == Place::Committee) else {
            info!(
                application = id,
                voter = sender,
                "a vote from outside the committee is not counted"
            );
            return Ok(self.say(lang, "vote-not-committee", &[("number", number())]));
        };
        let app = match self.store.get_application(id).await? {
            Some(app) if app.outcome == ApplicationStatus::Open => app,
            Some(_) => return Ok(self.say(lang, "vote-closed", &[("number", number())])),
            None => return Ok(self.say(lang, "application-not-found", &[("number", number())])),
        };
        let now = self.clock().now_ms();
        let record = VoteRecord {
            state,
            voter: sender.to_owned(),
            vote,
            event_id: req.incoming.event_id.to_owned(),
            at: now,
        };
        self.store.record_vote(app.id, &record).await?;
        crate::fault::point("membership_after_vote");
        let t = self.tally_of(app.id).await?;
        let majority = self.network().membership.majority;
        let (text, effects) = match t.decision(majority, false) {
            Some(outcome) => {
                let effects = self.decide(&app, outcome, t, now).await?;
                let word = self.catalog.render(lang, outcome_id(outcome), &[]).plain;
                let args = [("number", number()), ("outcome", Arg::Text(word))];
                (self.catalog.render(lang, "vote-decided", &args), effects)
            }
            None => (self.catalog.render(lang, "vote-recorded", &self.tally_args(&app, t)), vec![]),
        };
        Ok(Answer { text, effects, start_thread: false, scheduled: Vec::new() })
    }

    /// Each committee state's last vote on application `id`.
    async fn tally_of(&self, id: i64) -> Result<Tally, StorageError> {
        let mut last: BTreeMap<CountryCode, Vote> = BTreeMap::new();
        for v in self.store.votes(id).await? {
            last.insert(v.state, v.vote);
        }
        Ok(tally(&last, &self.network().committee))
    }

    fn tally_args(&self, app: &Application, t: Tally) -> Vec<(&'static str, Arg)> {
        let count = |n: usize| Arg::Number(i64::try_from(n).unwrap_or(0));
        vec![
            ("number", Arg::Text(format!("#{}", app.id))),
            ("yes", count(t.yes)),
            ("no", count(t.no)),
            ("abstain", count(t.abstain)),
            ("pending", count(t.pending)),
            ("majority", count(self.network().membership.majority)),
        ]
    }

    /// Decides `app` (once): the roster changes if it is approved, with a
    /// history entry citing the decision; the poll is closed, the plenary
    /// and the applicant told. The effects to carry it out.
    pub(crate) async fn decide(
        &self,
        app: &Application,
        outcome: ApplicationStatus,
        t: Tally,
        now: i64,
    ) -> Result<Vec<Effect>, StorageError> {
        if !self.store.decide_application(app.id, outcome, now).await? {
            return Ok(Vec::new());
        }
        let mut effects = Vec::new();
        if outcome == ApplicationStatus::Approved {
            let poll = app.poll_event.as_deref().unwrap_or("-");
            let actor = format!("committee decision on application #{} (poll {poll})", app.id);
            let (code, status) = (app.state, app.status);
            let edit = self
                .roster
                .edit(&actor, |r| match r.states.get(&code).cloned() {
                    Some(mut state) => {
                        state.status = status;
                        r.update_state(state)
                    }
                    None => r.add_state(State { code, status, mechanism: None }),
                })
                .await;
            match edit {
                Ok(_) => effects.push(Effect::Reconcile),
                Err(crate::service::RosterServiceError::Storage(e)) => return Err(e),
                // The roster cannot take it (the state left its region):
                // the decision stands and says so in the logs.
                Err(e) => {
                    info!(application = app.id, error = %e, "an approved application could not change the roster")
                }
            }
        }
        let result = |lang: Language| {
            let mut args = self.tally_args(app, t);
            args.push(("state", Arg::Text(app.state.name(lang.code()))));
            args.push((
                "status",
                Arg::Text(self.catalog.render(lang, status_word(app.status), &[]).plain),
            ));
            let id = match outcome {
                ApplicationStatus::Approved => "application-approved",
                _ => "application-rejected",
            };
            self.catalog.render(lang, id, &args)
        };
        effects.push(Effect::PollEnd {
            application: app.id,
            text: self.for_room(&RoomKind::Committee, result),
        });
        if outcome == ApplicationStatus::Approved {
            effects.push(Effect::Post {
                room: RoomKind::Plenary,
                text: self.for_room(&RoomKind::Plenary, result),
            });
        }
        let roster = self.current_roster().await?;
        let lang = self.language_of(&roster, &app.applicant).await?;
        effects.push(Effect::TellApplicant { application: app.id, text: result(lang) });
        Ok(effects)
    }

    /// `!applications`: the open ones with their votes, then the latest decided.
    async fn applications(&self, req: &ChatRequest<'_>) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let apps = self.store.list_applications(10).await?;
        if apps.is_empty() {
            return Ok(self.say(lang, "applications-none", &[]));
        }
        let mut text = self.catalog.render(lang, "applications-intro", &[]);
        for app in &apps {
            let t = self.tally_of(app.id).await?;
            let mut args = self.tally_args(app, t);
            args.push(("state", Arg::Text(app.state.name(lang.code()))));
            args.push((
                "status",
                Arg::Text(self.catalog.render(lang, status_word(app.status), &[]).plain),
            ));
            args.push((
                "outcome",
                Arg::Text(self.catalog.render(lang, outcome_id(app.outcome), &[]).plain),
            ));
            args.push(("when", Arg::Text(self.when(req, app.deadline))));
            text.push_line(&self.catalog.render(lang, "applications-entry", &args));
        }
        Ok(text.into())
    }

    /// A time on the sender's clock, in their language.
    fn when(&self, req: &ChatRequest<'_>, at: i64) -> String {
        self.time_text(req.lang, req.zone, at)
    }
}

fn vote_id(vote: Vote) -> &'static str {
    match vote {
        Vote::Yes => "vote-yes",
        Vote::No => "vote-no",
        Vote::Abstain => "vote-abstain",
    }
}

fn status_word(status: Status) -> &'static str {
    super::network::status_id(status)
}

fn outcome_id(outcome: ApplicationStatus) -> &'static str {
    match outcome {
        ApplicationStatus::Open => "application-open",
        ApplicationStatus::Approved => "application-outcome-approved",
        ApplicationStatus::Rejected => "application-outcome-rejected",
    }
}

/// The payload of a [`MEMBERSHIP_JOB`].
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct MembershipJob {
    /// The application.
    pub application: i64,
}

impl<S: RosterStore + MembershipStore + PreferenceStore + Sync> ChatService<S> {
    /// An application's deadline: still open, it is decided on the votes
    /// cast (without the majority in favour, refused). The effects.
    pub(crate) async fn membership_deadline(
        &self,
        job: MembershipJob,
        now: i64,
    ) -> Result<Vec<Effect>, StorageError> {
        let Some(app) = self.store.get_application(job.application).await? else {
            return Ok(Vec::new());
        };
        if app.outcome != ApplicationStatus::Open {
            return Ok(Vec::new());
        }
        let t = self.tally_of(app.id).await?;
        let outcome = t
            .decision(self.network().membership.majority, true)
            .unwrap_or(ApplicationStatus::Rejected);
        info!(
            application = app.id,
            outcome = outcome.as_str(),
            "an application reached its deadline"
        );
        self.decide(&app, outcome, t, now).await
    }
}
