//! Working rooms from the service's side: what the bot posts there when a
//! request is accepted, reassigned and resolved, and `!update`, the progress
//! the people doing the work report (in the room, or anywhere by number):
//! recorded in the request's history and relayed to the card's thread.

use super::requests::{assignee_names, state_id};
use super::{Answer, ChatService, Effect, Place, Request as ChatRequest};
use crate::domain::{
    may_update, ActionKind, Outcome, Refusal, Request, RoomKind, Roster, Seat, Transition,
};
use crate::i18n::{Arg, Text};
use crate::storage::{
    PreferenceStore, RequestStore, RosterStore, Step, StorageError, WorkingRoomStore,
};

impl<S> ChatService<S> {
    /// Whether `user` may see `request`: admins and the committee see all;
    /// a state's or partner's delegates, those their seat filed or is
    /// assigned.
    pub(crate) fn may_see(&self, roster: &Roster, user: &str, request: &Request) -> bool {
        let network = self.roster.network();
        if self.admins.is_admin(user) {
            return true;
        }
        match roster.seat_of(user) {
            Some(Seat::State(code)) if network.is_committee(code) => true,
            Some(Seat::State(code)) if code == request.requesting_state => true,
            Some(seat) => request.assignees().contains(&seat.key()),
            None => false,
        }
    }
}

impl<S: RosterStore + RequestStore + PreferenceStore + WorkingRoomStore + Sync> ChatService<S> {
    /// `!update [n] <progress>`.
    pub(super) async fn update(
        &self,
        req: &ChatRequest<'_>,
        id: Option<i64>,
        text: String,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let Some(id) = id.or(match req.incoming.place {
            Place::Working(request) => Some(request),
            _ => None,
        }) else {
            return Ok(self.say(lang, "update-which-request", &[]));
        };
        let number = || Arg::Text(format!("#{id}"));
        let request = match self.store.get_request(id).await? {
            Some(r) if self.may_see(req.roster, req.incoming.sender, &r) => r,
            _ => return Ok(self.say(lang, "request-not-found", &[("number", number())])),
        };
        let actor = req.incoming.sender;
        let roles = self.roles(req.roster, actor);
        let seat = req.roster.seat_of(actor);
        let to = match may_update(&roles, seat.as_ref(), &request) {
            Ok(to) => to,
            Err(Refusal::NotInvolved) => {
                return Ok(self.say(lang, "update-not-involved", &[("number", number())]))
            }
            Err(_) => {
                let state = self.catalog.render(lang, state_id(request.state), &[]).plain;
                let args = [("number", number()), ("state", Arg::Text(state))];
                return Ok(self.say(lang, "update-not-now", &args));
            }
        };
        let transition = Transition {
            at: self.clock().now_ms(),
            actor: actor.to_owned(),
            actor_state: req.roster.state_of(actor).map(|s| s.code),
            action: ActionKind::Update.as_str().to_owned(),
            from: Some(request.state),
            to,
            reason: Some(text.clone()),
            event_id: Some(req.incoming.event_id.to_owned()),
        };
        let step = Step { transition: &transition, assignee: None, outcome: None };
        match self.store.apply_step(id, step).await {
            Ok(()) => {}
            // It moved on (resolved) in the meantime: say where it stands.
            Err(StorageError::Conflict(_)) => {
                let now = self.store.get_request(id).await?.map_or(request.state, |r| r.state);
                let state = self.catalog.render(lang, state_id(now), &[]).plain;
                let args = [("number", number()), ("state", Arg::Text(state))];
                return Ok(self.say(lang, "update-not-now", &args));
            }
            Err(e) => return Err(e),
        }
        let who = match &seat {
            Some(seat) => format!(
                "{actor} ({})",
                super::offers::seat_name(req.roster, &seat.key(), self.default_language)
            ),
            None => actor.to_owned(),
        };
        let relay = |lang| {
            let args = [
                ("number", number()),
                ("who", Arg::Text(who.clone())),
                ("text", Arg::Text(text.clone())),
            ];
            self.catalog.render(lang, "card-update", &args)
        };
        let mut answer = self.say(lang, "update-recorded", &[("number", number())]);
        answer.effects.push(Effect::PostToCard {
            request_id: id,
            text: self.for_room(&RoomKind::Committee, relay),
        });
        if req.incoming.place != Place::Working(id) {
            // Reported elsewhere: the working room hears of it too.
            let room = RoomKind::Working(id);
            answer.effects.push(Effect::Post { text: self.for_room(&room, relay), room });
        }
        Ok(answer)
    }

    /// What the bot posts in a new working room: the request, who it is
    /// assigned to, the committee's note, how to report progress.
    pub(super) fn working_opened(
        &self,
        roster: &Roster,
        request: &Request,
        assignees: &str,
        note: Option<&str>,
    ) -> Text {
        let assigned = Request { assignee: Some(assignees.to_owned()), ..request.clone() };
        self.for_room(&RoomKind::Working(request.id), |lang| {
            let args = [
                ("number", Arg::Text(format!("#{}", request.id))),
                ("title", Arg::Text(request.title.clone())),
                ("state", Arg::Text(request.requesting_state.name(lang.code()))),
                ("assignees", Arg::Text(assignee_names(roster, &assigned, lang))),
                ("command", Arg::Code(format!("{}update", self.prefix))),
            ];
            let mut text = self.catalog.render(lang, "working-opened", &args);
            if !request.description.is_empty() {
                let args = [("description", Arg::Text(request.description.clone()))];
                text.push_line(&self.catalog.render(lang, "working-description", &args));
            }
            if let Some(note) = note {
                let args = [("note", Arg::Text(note.to_owned()))];
                text.push_line(&self.catalog.render(lang, "working-note", &args));
            }
            text
        })
    }

    /// What the bot posts in a working room when the assignees change.
    pub(super) fn working_reassigned(
        &self,
        roster: &Roster,
        request: &Request,
        keys: &str,
    ) -> Text {
        let assigned = Request { assignee: Some(keys.to_owned()), ..request.clone() };
        self.for_room(&RoomKind::Working(request.id), |lang| {
            let args = [
                ("number", Arg::Text(format!("#{}", request.id))),
                ("assignees", Arg::Text(assignee_names(roster, &assigned, lang))),
            ];
            self.catalog.render(lang, "working-reassigned", &args)
        })
    }

    /// The final summary of a working room, as it becomes read-only.
    pub(super) fn working_closed(&self, request: &Request, outcome: &Outcome) -> Text {
        self.for_room(&RoomKind::Working(request.id), |lang| {
            let result = self.catalog.render(lang, super::result_id(outcome.result), &[]).plain;
            let args = [
                ("number", Arg::Text(format!("#{}", request.id))),
                ("result", Arg::Text(result)),
                ("summary", Arg::Text(outcome.summary.clone())),
            ];
            let mut text = self.catalog.render(lang, "working-closed", &args);
            if let Some(lessons) = &outcome.lessons {
                let args = [("lessons", Arg::Text(lessons.clone()))];
                text.push_line(&self.catalog.render(lang, "request-status-lessons", &args));
            }
            text
        })
    }
}
