//! Seminars and sessions from chat: the coordinator schedules international
//! seminars in the plenary, a region's delegates schedule sessions in their
//! regional room; each is announced in its room (in the room's languages,
//! with a calendar link); states answer (`!attend`, `!decline-seminar`, or a
//! reaction on the announcement: one answer per state, any of its delegates
//! may change it); reminders come 7 days, 1 day and 1 hour before; minutes
//! are stored after it. Every time is checked ([`crate::domain::when`]).

use rand::distr::{Alphanumeric, SampleString};

use super::{Answer, ChatService, Effect, Request as ChatRequest};
use crate::commands::{SeminarCommand, When, MAX_TITLE_CHARS};
use crate::domain::{when, NewSeminar, Permission, RoomKind, Rsvp, Seminar};
use crate::i18n::Arg;
use crate::service::scheduler::seminar_reminder_jobs;
use crate::storage::{
    PreferenceStore, RequestStore, RoomStore, RosterStore, SeminarStore, StorageError,
};

/// A seminar's length when none is given, in minutes.
const DEFAULT_MINUTES: i64 = 120;
/// The longest, in minutes (a week).
const MAX_MINUTES: i64 = 7 * 24 * 60;
/// Longest place or link, in characters.
const MAX_FIELD_CHARS: usize = 300;

impl<S: RosterStore + RequestStore + PreferenceStore + RoomStore + SeminarStore + Clone + Sync>
    ChatService<S>
{
    pub(super) async fn seminar_command(
        &self,
        req: &ChatRequest<'_>,
        command: SeminarCommand,
    ) -> Result<Answer, StorageError> {
        match command {
            SeminarCommand::List => self.seminar_list(req).await,
            SeminarCommand::Show(id) => self.seminar_show(req, id).await,
            SeminarCommand::Add { when, title, duration, place, link } => {
                self.seminar_add(req, &when, title, duration, place, link).await
            }
            SeminarCommand::Move(id, when) => self.seminar_move(req, id, &when).await,
            SeminarCommand::Cancel(id) => self.seminar_cancel(req, id).await,
            SeminarCommand::Answer(id, answer) => self.seminar_answer(req, id, answer).await,
            SeminarCommand::Minutes(id, text) => self.seminar_minutes(req, id, text).await,
        }
    }

    /// The provisioned room `room_id` is, if any.
    async fn room_kind(&self, room_id: &str) -> Result<Option<RoomKind>, StorageError> {
        let rooms = self.store.provisioned_rooms().await?;
        Ok(rooms.into_iter().find(|(_, id)| id == room_id).map(|(kind, _)| kind))
    }

    /// The instant of `when`, or the answer saying what is wrong with it.
    fn instant(&self, req: &ChatRequest<'_>, when: &When) -> Result<(i64, String), Answer> {
        let lang = req.lang;
        let parsed = when::parse_date(&when.date).and_then(|date| {
            let time = when::parse_time(&when.time)?;
            let zone = when::parse_zone(&when.zone)?;
            Ok((when::local_to_utc(date, time, zone)?, zone))
        });
        let (at, zone) = parsed.map_err(|e| Answer::from(self.when_error(lang, &e)))?;
        let ms = at.timestamp_millis();
        if ms <= self.clock().now_ms() {
            let args = [("when", Arg::Text(self.time_text(lang, zone, ms)))];
            return Err(self.say(lang, "seminar-in-the-past", &args));
        }
        Ok((ms, zone.name().to_owned()))
    }

    async fn seminar_add(
        &self,
        req: &ChatRequest<'_>,
        when: &When,
        title: String,
        duration: Option<String>,
        place: Option<String>,
        link: Option<String>,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        let coordinator = roles.may(Permission::ScheduleSeminar);
        let room = match self.room_kind(req.incoming.room_id).await? {
            Some(RoomKind::Plenary) if coordinator => RoomKind::Plenary,
            Some(RoomKind::Plenary) => {
                return Ok(self.say(lang, "seminar-add-plenary-only-coordinator", &[]))
            }
            Some(RoomKind::Regional(region)) => {
                let own = roles.may(Permission::ScheduleSession)
                    && roles.delegate.is_some_and(|(code, _)| {
                        self.network().regions.region_of(code).is_some_and(|r| r.id == region)
                    });
                if !(own || coordinator) {
                    return Ok(self.say(lang, "seminar-add-regional-only-region", &[]));
                }
                RoomKind::Regional(region)
            }
            _ => return Ok(self.say(lang, "seminar-add-wrong-place", &[])),
        };
        let (starts_at, zone) = match self.instant(req, when) {
            Ok(v) => v,
            Err(answer) => return Ok(answer),
        };
        let minutes = match duration.as_deref().map(|d| when::parse_duration(d, MAX_MINUTES)) {
            None => DEFAULT_MINUTES,
            Some(Ok(m)) => m,
            Some(Err(e)) => return Ok(self.when_error(lang, &e).into()),
        };
        let too_long =
            |s: &Option<String>, max: usize| s.as_ref().is_some_and(|s| s.chars().count() > max);
        if title.chars().count() > MAX_TITLE_CHARS
            || too_long(&place, MAX_FIELD_CHARS)
            || too_long(&link, MAX_FIELD_CHARS)
        {
            return Ok(self.say(
                lang,
                "seminar-too-long",
                &[("max", Arg::Number(MAX_FIELD_CHARS as i64))],
            ));
        }
        if let Some(l) = &link {
            let ok = url::Url::parse(l).is_ok_and(|u| matches!(u.scheme(), "https" | "http"));
            if !ok {
                return Ok(self.say(lang, "seminar-bad-link", &[("link", Arg::Code(l.clone()))]));
            }
        }
        let new = NewSeminar {
            room,
            title,
            starts_at,
            duration_minutes: minutes,
            zone,
            place,
            link,
            created_by: req.incoming.sender.to_owned(),
            source_event: req.incoming.event_id.to_owned(),
            feed_key: Alphanumeric.sample_string(&mut rand::rng(), 32),
            created_at: self.clock().now_ms(),
        };
        let (seminar, _) = self.store.create_seminar(&new).await?;
        let args = [
            ("number", Arg::Text(format!("#{}", seminar.id))),
            ("when", Arg::Text(self.time_text(lang, req.zone, seminar.starts_at))),
        ];
        let mut answer = self.say(lang, "seminar-scheduled", &args);
        let text = self.for_room(&seminar.room, |l| self.announcement(l, &seminar));
        answer.effects.push(Effect::Announce { seminar: seminar.id, text });
        answer.scheduled = seminar_reminder_jobs(&seminar, self.clock().now_ms());
        Ok(answer)
    }

    /// The seminar `id`, or the answer that it does not exist.
    async fn seminar_or(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
    ) -> Result<Result<Seminar, Answer>, StorageError> {
        Ok(self.store.get_seminar(id).await?.ok_or_else(|| {
            self.say(req.lang, "seminar-not-found", &[("number", Arg::Text(format!("#{id}")))])
        }))
    }

    /// Seminar `id` if the sender may change it; otherwise the answer
    /// saying it does not exist or is not theirs.
    async fn seminar_to_change(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
    ) -> Result<Result<Seminar, Answer>, StorageError> {
        Ok(match self.seminar_or(req, id).await? {
            Ok(s) if !self.may_change(req, &s) => Err(self.say(req.lang, "seminar-not-yours", &[])),
            found => found,
        })
    }

    /// Whether the sender may change `seminar`: the coordinator, an admin,
    /// or who scheduled it.
    fn may_change(&self, req: &ChatRequest<'_>, seminar: &Seminar) -> bool {
        let roles = self.roles(req.roster, req.incoming.sender);
        roles.may(Permission::ScheduleSeminar) || seminar.created_by == req.incoming.sender
    }

    async fn seminar_move(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
        when: &When,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let seminar = match self.seminar_to_change(req, id).await? {
            Ok(s) => s,
            Err(answer) => return Ok(answer),
        };
        if seminar.cancelled {
            return Ok(self.say(
                lang,
                "seminar-cancelled-already",
                &[("number", Arg::Text(format!("#{id}")))],
            ));
        }
        let (starts_at, zone) = match self.instant(req, when) {
            Ok(v) => v,
            Err(answer) => return Ok(answer),
        };
        let now = self.clock().now_ms();
        self.store.reschedule_seminar(id, starts_at, &zone, now).await?;
        let Some(moved) = self.store.get_seminar(id).await? else {
            return Ok(self.say(lang, "seminar-not-found", &[]));
        };
        let args = [
            ("number", Arg::Text(format!("#{id}"))),
            ("when", Arg::Text(self.time_text(lang, req.zone, moved.starts_at))),
        ];
        let mut answer = self.say(lang, "seminar-moved", &args);
        let text = self.for_room(&moved.room, |l| self.announcement(l, &moved));
        answer.effects.push(Effect::Post { room: moved.room.clone(), text });
        answer.scheduled = seminar_reminder_jobs(&moved, now);
        Ok(answer)
    }

    async fn seminar_cancel(&self, req: &ChatRequest<'_>, id: i64) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let seminar = match self.seminar_to_change(req, id).await? {
            Ok(s) => s,
            Err(answer) => return Ok(answer),
        };
        let number = || Arg::Text(format!("#{id}"));
        if seminar.cancelled {
            return Ok(self.say(lang, "seminar-cancelled-already", &[("number", number())]));
        }
        self.store.cancel_seminar(id, self.clock().now_ms()).await?;
        let mut answer = self.say(lang, "seminar-cancelled", &[("number", number())]);
        let text = self.for_room(&seminar.room, |l| {
            let args = [("number", number()), ("title", Arg::Text(seminar.title.clone()))];
            self.catalog.render(l, "seminar-cancelled-notice", &args)
        });
        answer.effects.push(Effect::Post { room: seminar.room.clone(), text });
        Ok(answer)
    }

    async fn seminar_answer(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
        rsvp: Rsvp,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        let state = req.roster.state_of(req.incoming.sender);
        let Some(state) = state.filter(|_| roles.may(Permission::AnswerSeminar)) else {
            return Ok(self.say(lang, "seminar-answer-not-delegate", &[]));
        };
        let seminar = match self.seminar_or(req, id).await? {
            Ok(s) => s,
            Err(answer) => return Ok(answer),
        };
        let number = Arg::Text(format!("#{id}"));
        if seminar.cancelled {
            return Ok(self.say(lang, "seminar-cancelled-already", &[("number", number)]));
        }
        let now = self.clock().now_ms();
        if seminar.ends_at() <= now {
            return Ok(self.say(lang, "seminar-over", &[("number", number)]));
        }
        let code = state.code;
        self.store
            .answer_seminar(id, code, rsvp, req.incoming.sender, req.incoming.event_id, now)
            .await?;
        let id = match rsvp {
            Rsvp::Attend => "seminar-answer-attend",
            Rsvp::Decline => "seminar-answer-decline",
        };
        let args = [
            ("number", number),
            ("state", Arg::Text(code.name(lang.code()))),
            ("title", Arg::Text(seminar.title.clone())),
        ];
        Ok(self.say(lang, id, &args))
    }

    async fn seminar_minutes(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
        text: String,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let seminar = match self.seminar_to_change(req, id).await? {
            Ok(s) => s,
            Err(answer) => return Ok(answer),
        };
        let number = Arg::Text(format!("#{id}"));
        let now = self.clock().now_ms();
        if seminar.starts_at > now {
            return Ok(self.say(lang, "seminar-minutes-too-early", &[("number", number)]));
        }
        if text.chars().count() > crate::commands::MAX_DESCRIPTION_CHARS {
            let max = Arg::Number(crate::commands::MAX_DESCRIPTION_CHARS as i64);
            return Ok(self.say(lang, "seminar-too-long", &[("max", max)]));
        }
        self.store.set_minutes(id, &text, req.incoming.sender, now).await?;
        let mut linked = Vec::new();
        for request in references(&text) {
            if self.store.link_request(id, request).await? {
                linked.push(format!("#{request}"));
            }
        }
        let mut answer = self.say(lang, "seminar-minutes-saved", &[("number", number)]);
        if !linked.is_empty() {
            let args = [("requests", Arg::Text(linked.join(", ")))];
            answer.text.push_line(&self.catalog.render(lang, "seminar-minutes-linked", &args));
        }
        Ok(answer)
    }
}

/// The request numbers a text refers to (`#12`, not inside a word), once
/// each, in order.
fn references(text: &str) -> Vec<i64> {
    let mut found: Vec<i64> = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let starts = c == '#' && !previous.is_some_and(char::is_alphanumeric);
        previous = Some(c);
        if !starts {
            continue;
        }
        let digits: String = text[i + 1..].chars().take_while(char::is_ascii_digit).collect();
        let followed = text[i + 1 + digits.len()..].chars().next();
        if let (Ok(n), false) = (digits.parse::<i64>(), followed.is_some_and(char::is_alphanumeric))
        {
            if n > 0 && !found.contains(&n) {
                found.push(n);
            }
        }
        while chars.peek().is_some_and(|(_, c)| c.is_ascii_digit()) {
            previous = chars.next().map(|(_, c)| c);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn minutes_refer_to_requests_by_number() {
        let text = "Decided on #12 and #3; see #12 again, not a#4, nor #5b, nor #0.\n#7";
        assert_eq!(super::references(text), [12, 3, 7]);
        assert!(super::references("no numbers # here").is_empty());
    }
}
