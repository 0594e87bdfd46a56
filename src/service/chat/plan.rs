//! The action plan from chat: `!plan` (pillars and their progress, or one
//! pillar's activities), `!plan update` (an activity's lead, the committee,
//! the coordinator), `!link` (a request or an offer serves an activity).

use super::{Answer, ChatService, Request as ChatRequest};
use crate::commands::PlanCommand;
use crate::domain::plan::{ActionPlan, Activity, ActivityStatus};
use crate::domain::{Language, Permission};
use crate::i18n::{Arg, Text};
use crate::service::plan::{plan_state, PlanState};
use crate::storage::{
    OfferStore, PlanLink, PlanStore, PlanUpdate, PreferenceStore, RequestStore, RosterStore,
    StorageError,
};

impl<S: RosterStore + RequestStore + OfferStore + PlanStore + PreferenceStore + Sync>
    ChatService<S>
{
    pub(super) async fn plan_command(
        &self,
        req: &ChatRequest<'_>,
        command: PlanCommand,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let Some(plan) = self.plan.clone() else {
            return Ok(self.say(lang, "plan-none", &[]));
        };
        match command {
            PlanCommand::Show { pillar: None } => {
                let state = plan_state(&self.store, &plan).await?;
                Ok(self.plan_overview(lang, &plan, &state).into())
            }
            PlanCommand::Show { pillar: Some(query) } => {
                let Some(pillar) = plan.pillar(&query) else {
                    let ids: Vec<&str> = plan.pillars.iter().map(|p| p.id.as_str()).collect();
                    let args = [
                        ("value", Arg::Text(super::help::echo(&query))),
                        ("pillars", Arg::Text(ids.join(", "))),
                    ];
                    return Ok(self.say(lang, "plan-no-pillar", &args));
                };
                let state = plan_state(&self.store, &plan).await?;
                let mut text = self.catalog.render(
                    lang,
                    "plan-pillar-heading",
                    &[("name", Arg::Text(pillar.names.get(lang.code()).to_owned()))],
                );
                for a in plan.activities_of(&pillar.id) {
                    text.push_line(&self.activity_line(req, a, &state));
                }
                Ok(text.into())
            }
            PlanCommand::Update { activity, status, note } => {
                let Some(a) = plan.activity(&activity) else {
                    return Ok(self.no_activity(lang, &activity));
                };
                let roles = self.roles(req.roster, req.incoming.sender);
                let seat = req.roster.seat_of(req.incoming.sender).map(|s| s.key());
                let leads = seat.is_some() && seat == a.lead;
                if !(roles.may(Permission::UpdatePlan) || leads) {
                    let args = [("id", Arg::Code(a.id.clone()))];
                    return Ok(self.say(lang, "plan-update-not-allowed", &args));
                }
                let update = PlanUpdate {
                    activity: a.id.clone(),
                    status,
                    note,
                    actor: req.incoming.sender.to_owned(),
                    at: self.clock().now_ms(),
                };
                self.store.record_plan_update(&update, req.incoming.event_id).await?;
                let args = [
                    ("id", Arg::Code(a.id.clone())),
                    ("title", Arg::Text(a.titles.get(lang.code()).to_owned())),
                    ("status", Arg::Text(self.plan_status(lang, status))),
                ];
                Ok(self.say(lang, "plan-updated", &args))
            }
            PlanCommand::Link { kind, target, activity } => {
                if !self.roles(req.roster, req.incoming.sender).may(Permission::LinkToPlan) {
                    return Ok(self.say(lang, "plan-link-not-allowed", &[]));
                }
                let Some(a) = plan.activity(&activity) else {
                    return Ok(self.no_activity(lang, &activity));
                };
                let number = Arg::Text(format!("#{target}"));
                let (exists, what) = match kind {
                    "offer" => (self.store.get_offer(target).await?.is_some(), "plan-what-offer"),
                    _ => (self.store.get_request(target).await?.is_some(), "plan-what-request"),
                };
                if !exists {
                    let missing =
                        if kind == "offer" { "offer-not-found" } else { "request-not-found" };
                    return Ok(self.say(lang, missing, &[("number", number)]));
                }
                let link = PlanLink { activity: a.id.clone(), kind: kind.to_owned(), target };
                let now = self.clock().now_ms();
                let linked = self
                    .store
                    .link_to_plan(&link, req.incoming.sender, req.incoming.event_id, now)
                    .await?;
                let what = self.catalog.render(lang, what, &[("number", number)]).plain;
                let args = [
                    ("what", Arg::Text(what)),
                    ("id", Arg::Code(a.id.clone())),
                    ("title", Arg::Text(a.titles.get(lang.code()).to_owned())),
                ];
                let id = if linked { "plan-linked" } else { "plan-linked-already" };
                Ok(self.say(lang, id, &args))
            }
        }
    }

    fn plan_overview(&self, lang: Language, plan: &ActionPlan, state: &PlanState) -> Text {
        let mut text = self.catalog.render(
            lang,
            "plan-title",
            &[("title", Arg::Text(plan.title.get(lang.code()).to_owned()))],
        );
        let count = |n: usize| Arg::Number(i64::try_from(n).unwrap_or(0));
        for (pillar, p) in plan.pillars.iter().zip(&state.progress) {
            let args = [
                ("name", Arg::Text(pillar.names.get(lang.code()).to_owned())),
                ("done", count(p.done)),
                ("total", count(p.activities)),
                ("requests", count(p.requests_linked)),
                ("delivered", count(p.outcomes_delivered)),
            ];
            text.push_line(&self.catalog.render(lang, "plan-pillar-line", &args));
        }
        text
    }

    fn activity_line(&self, req: &ChatRequest<'_>, a: &Activity, state: &PlanState) -> Text {
        let lang = req.lang;
        let none = "—".to_owned();
        let lead = a
            .lead
            .as_deref()
            .map_or(none.clone(), |key| super::offers::seat_name(req.roster, key, lang));
        let status = state.statuses.get(&a.id).copied().unwrap_or(a.status);
        let requests: Vec<String> =
            state.requests.get(&a.id).into_iter().flatten().map(|id| format!("#{id}")).collect();
        let args = [
            ("id", Arg::Code(a.id.clone())),
            ("title", Arg::Text(a.titles.get(lang.code()).to_owned())),
            ("lead", Arg::Text(lead)),
            ("due", Arg::Text(a.due.clone().unwrap_or_else(|| none.clone()))),
            ("status", Arg::Text(self.plan_status(lang, status))),
            (
                "requests",
                Arg::Text(if requests.is_empty() { none.clone() } else { requests.join(", ") }),
            ),
        ];
        let mut line = self.catalog.render(lang, "plan-activity-line", &args);
        if let Some(note) = state.notes.get(&a.id) {
            let args = [("note", Arg::Text(note.clone()))];
            line.push_line(&self.catalog.render(lang, "plan-activity-note", &args));
        }
        line
    }

    fn no_activity(&self, lang: Language, typed: &str) -> Answer {
        let args = [("value", Arg::Text(super::help::echo(typed)))];
        self.say(lang, "plan-no-activity", &args)
    }

    fn plan_status(&self, lang: Language, status: ActivityStatus) -> String {
        let id = match status {
            ActivityStatus::Planned => "plan-status-planned",
            ActivityStatus::InProgress => "plan-status-in-progress",
            ActivityStatus::Delayed => "plan-status-delayed",
            ActivityStatus::Done => "plan-status-done",
            ActivityStatus::Cancelled => "plan-status-cancelled",
        };
        self.catalog.render(lang, id, &[]).plain
    }
}
