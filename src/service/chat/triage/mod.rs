//! Triage of cooperation requests in the committee room, the requester's
//! answers to the committee's questions, and the notices that tell the
//! requester what happened. Every step is authorized from the roster
//! ([`authorize`]) and recorded with the Matrix event that caused it.

use super::requests::{assignee_names, state_id};
use super::{Answer, ChatService, Effect, Place, Request as ChatRequest};
use crate::commands::TriageCommand;
use crate::domain::{
    authorize, split_assignees, ActionKind, Language, Outcome, Refusal, Request, RequestState,
    RoomKind, Roster, Seat, Transition,
};
use crate::i18n::{Arg, Text};
use crate::service::scheduler::reminder_jobs;
use crate::storage::{
    MemoryStore, PreferenceStore, RequestStore, RosterStore, Step, StorageError, WorkingRoomStore,
};

impl<S: RosterStore + RequestStore + PreferenceStore + WorkingRoomStore + MemoryStore + Sync>
    ChatService<S>
{
    pub(super) async fn triage(
        &self,
        req: &ChatRequest<'_>,
        t: TriageCommand,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        if req.incoming.place != Place::Committee {
            return Ok(self.say(lang, "triage-wrong-place", &[]));
        }
        crate::fault::fail("triage_request")?;
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
        let assignees = match t.action {
            ActionKind::Accept | ActionKind::Assign => {
                match self.resolve_assignees(req, &request, &t) {
                    Ok(keys) => Some(keys),
                    Err(answer) => return Ok(answer),
                }
            }
            _ => None,
        };
        let outcome = t.result.map(|result| Outcome {
            result,
            summary: t.text.clone().unwrap_or_default(),
            lessons: t.lessons.clone(),
            delivered_by: request.assignee.clone(),
        });
        let transition = Transition {
            at: self.clock().now_ms(),
            actor: actor.to_owned(),
            actor_state: req.roster.state_of(actor).map(|s| s.code),
            action: t.action.as_str().to_owned(),
            from: Some(request.state),
            to,
            reason: match &assignees {
                Some(keys) => Some(assignment_reason(&request, keys, t.text.as_deref())),
                None => t.text.clone(),
            },
            event_id: Some(req.incoming.event_id.to_owned()),
        };
        let assignee = assignees.as_ref().map(|keys| keys.join(","));
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
        // Its outcome (once resolved) is searchable in the same unit of work.
        crate::service::memory::index_request(&self.store, request.id).await?;
        let state_word = self.catalog.render(lang, state_id(to), &[]).plain;
        let mut answer =
            self.say(lang, "triage-done", &[("number", number), ("state", Arg::Text(state_word))]);
        answer.effects.push(Effect::Notify {
            request_id: request.id,
            text: self.notice(req.roster, &request, &t, to, assignee.as_deref()).await?,
        });
        // The working room: opened on acceptance (the request and the
        // committee's note posted there), told of new assignees, closed
        // with a summary on resolution (read-only from then on).
        let now = self.clock().now_ms();
        let room = RoomKind::Working(request.id);
        match (t.action, &assignee) {
            (ActionKind::Accept, Some(keys)) => {
                self.store.open_working_room(request.id, now).await?;
                let text = self.working_opened(req.roster, &request, keys, t.text.as_deref());
                answer.effects.push(Effect::Post { room, text });
                answer.effects.push(Effect::Reconcile);
            }
            (ActionKind::Assign, Some(keys)) => {
                let text = self.working_reassigned(req.roster, &request, keys);
                answer.effects.push(Effect::Post { room, text });
                answer.effects.push(Effect::Reconcile);
            }
            (ActionKind::Resolve, _) => {
                if let Some(outcome) = &outcome {
                    if self.store.close_working_room(request.id, now).await? {
                        let text = self.working_closed(&request, outcome);
                        answer.effects.push(Effect::Post { room, text });
                        answer.effects.push(Effect::Reconcile);
                    }
                }
            }
            _ => {}
        }
        if t.action == ActionKind::Reopen {
            // A new round: the targets count again from now.
            let round = self.round_of(request.id).await?;
            let targets = self.network().targets(&request.category);
            let start = self.clock().now_ms();
            answer.scheduled = reminder_jobs(request.id, round, start, targets);
        }
        Ok(answer)
    }

    /// A non-command message in a thread: if it answers the committee's
    /// question on the sender's state's request, the request goes back to
    /// the committee with the answer in its card's thread. Anything else is
    /// ordinary conversation and gets no answer.
    /// A storage error is returned, never taken for "not an answer".
    pub(super) async fn thread_reply(
        &self,
        incoming: &super::Incoming<'_>,
    ) -> Result<Option<Answer>, StorageError> {
        let Some(root) = incoming.thread_root else { return Ok(None) };
        crate::fault::fail("thread_request")?;
        let Some(request) = self.store.find_request_by_event(root).await? else {
            return Ok(None);
        };
        if request.source_event != root || request.state != RequestState::NeedsInfo {
            return Ok(None);
        }
        let roster = self.roster.roster().await.map_err(super::storage_error)?;
        let actor = incoming.sender;
        let roles = self.roles(&roster, actor);
        let Ok(to) = authorize(&roles, request.requesting_state, request.state, ActionKind::Answer)
        else {
            return Ok(None);
        };
        let transition = Transition {
            at: self.clock().now_ms(),
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
            .apply_step(request.id, Step { transition: &transition, assignee: None, outcome: None })
            .await
        {
            Err(StorageError::Conflict(_)) => return Ok(None),
            other => other?,
        }
        let lang = self.language_of(&roster, actor).await?;
        let number = Arg::Text(format!("#{}", request.id));
        let relayed = self.for_room(&RoomKind::Committee, |l| {
            let args = [
                ("number", number.clone()),
                ("requester", Arg::Text(actor.to_owned())),
                ("text", Arg::Text(incoming.body.to_owned())),
            ];
            self.catalog.render(l, "card-answer", &args)
        });
        let mut answer = self.say(lang, "answer-relayed", &[("number", number)]);
        answer.effects.push(Effect::PostToCard { request_id: request.id, text: relayed });
        Ok(Some(answer))
    }

    /// The notice for the requester, in the language they read now (their
    /// `!language`, else the roster's), else the one they filed in.
    async fn notice(
        &self,
        roster: &Roster,
        request: &Request,
        t: &TriageCommand,
        to: RequestState,
        assignee: Option<&str>,
    ) -> Result<Text, StorageError> {
        let filed_in = Language::parse(&request.language).unwrap_or(self.default_language);
        let lang = self.chosen_language(roster, &request.requester).await?.unwrap_or(filed_in);
        if let Some(keys) = assignee {
            let assigned = Request { assignee: Some(keys.to_owned()), ..request.clone() };
            let names = assignee_names(roster, &assigned, lang);
            let id =
                if t.action == ActionKind::Assign { "notice-assigned" } else { "notice-accepted" };
            let args = [
                ("number", Arg::Text(format!("#{}", request.id))),
                ("assignees", Arg::Text(names)),
                ("text", Arg::Text(t.text.clone().unwrap_or_default())),
            ];
            return Ok(self.catalog.render(lang, id, &args));
        }
        let id = match (t.action, to) {
            (ActionKind::AskInfo, _) => "notice-needs-info",
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
        Ok(self.catalog.render(lang, id, &args))
    }

    /// The roster keys of the assignees typed in an `!accept` or `!assign`,
    /// or the answer that says what is wrong: not in the roster (with the
    /// closest names), the requesting state itself, or no change.
    fn resolve_assignees(
        &self,
        req: &ChatRequest<'_>,
        request: &Request,
        t: &TriageCommand,
    ) -> Result<Vec<String>, Answer> {
        let lang = req.lang;
        let mut keys: Vec<String> = Vec::new();
        for typed in &t.assignees {
            let seat = match req.roster.resolve_seat(typed) {
                Ok(seat) => seat,
                Err(closest) => {
                    let value = Arg::Code(super::help::echo(typed));
                    if closest.is_empty() {
                        return Err(self.say(lang, "assign-unknown", &[("value", value)]));
                    }
                    let closest: Vec<String> = closest
                        .iter()
                        .map(|k| format!("{k} ({})", super::offers::seat_name(req.roster, k, lang)))
                        .collect();
                    let args = [("value", value), ("closest", Arg::Text(closest.join(", ")))];
                    return Err(self.say(lang, "assign-unknown-closest", &args));
                }
            };
            if seat == Seat::State(request.requesting_state) {
                let state = Arg::Text(request.requesting_state.name(lang.code()));
                return Err(self.say(lang, "assign-requester", &[("state", state)]));
            }
            if !keys.contains(&seat.key()) {
                keys.push(seat.key());
            }
        }
        if t.action == ActionKind::Assign && keys == request.assignees() {
            let args = [
                ("number", Arg::Text(format!("#{}", request.id))),
                ("assignees", Arg::Text(assignee_names(req.roster, request, lang))),
            ];
            return Err(self.say(lang, "assign-unchanged", &args));
        }
        Ok(keys)
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
            Refusal::NotInvolved => self.say(lang, "update-not-involved", &[("number", number)]),
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

/// What the history says of an assignment: who, after whom (on a change),
/// and the committee's note.
fn assignment_reason(request: &Request, keys: &[String], note: Option<&str>) -> String {
    let now = keys.join(", ");
    let mut reason = match request.assignee.as_deref() {
        Some(before) if request.state != RequestState::Acknowledged => {
            format!("{} → {now}", split_assignees(before).join(", "))
        }
        _ => now,
    };
    if let Some(note) = note {
        reason.push_str(" — ");
        reason.push_str(note);
    }
    reason
}

pub(crate) fn result_id(result: crate::domain::OutcomeResult) -> &'static str {
    match result {
        crate::domain::OutcomeResult::Delivered => "result-delivered",
        crate::domain::OutcomeResult::PartlyDelivered => "result-partly-delivered",
        crate::domain::OutcomeResult::NotDelivered => "result-not-delivered",
    }
}

#[cfg(test)]
mod tests;
