//! What people read about seminars: the announcement (in the room's
//! languages, with its calendar link), `!seminar` (the coming ones) and
//! `!seminar <n>` (one, with who comes).

use super::{Answer, ChatService, Request as ChatRequest};
use crate::domain::{Language, RoomKind, Rsvp, Seminar, SeminarAnswer};
use crate::i18n::{Arg, Text};
use crate::storage::{SeminarStore, StorageError};

/// Seminars listed at most.
const LIST_LIMIT: i64 = 20;

impl<S: SeminarStore + Sync> ChatService<S> {
    /// `!seminar`: the coming seminars, soonest first.
    pub(super) async fn seminar_list(&self, req: &ChatRequest<'_>) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let now = self.clock().now_ms();
        let seminars = self.store.list_seminars(now, false, LIST_LIMIT).await?;
        if seminars.is_empty() {
            return Ok(self.catalog.render(lang, "seminar-none", &[]).into());
        }
        let mut text = self.catalog.render(lang, "seminar-list-intro", &[]);
        for s in &seminars {
            let attending = self.store.seminar_answers(s.id).await?;
            let coming = attending.iter().filter(|a| a.answer == Rsvp::Attend).count();
            let args = [
                ("number", Arg::Text(format!("#{}", s.id))),
                ("when", Arg::Text(self.time_text(lang, req.zone, s.starts_at))),
                ("title", Arg::Text(s.title.clone())),
                ("where", Arg::Text(self.room_name(lang, &s.room))),
                ("count", Arg::Number(i64::try_from(coming).unwrap_or(i64::MAX))),
            ];
            text.push_line(&self.catalog.render(lang, "seminar-list-entry", &args));
        }
        Ok(text.into())
    }

    /// `!seminar <n>`: one seminar, with the states' answers.
    pub(super) async fn seminar_show(
        &self,
        req: &ChatRequest<'_>,
        id: i64,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let Some(s) = self.store.get_seminar(id).await? else {
            let args = [("number", Arg::Text(format!("#{id}")))];
            return Ok(self.catalog.render(lang, "seminar-not-found", &args).into());
        };
        let mut text = self.seminar_heading(lang, &s, req.zone);
        let answers = self.store.seminar_answers(id).await?;
        let names = |rsvp: Rsvp| -> Vec<String> {
            answers
                .iter()
                .filter(|a: &&SeminarAnswer| a.answer == rsvp)
                .map(|a| format!("{} ({})", a.state.name(lang.code()), a.state.as_str()))
                .collect()
        };
        for (rsvp, id) in
            [(Rsvp::Attend, "seminar-show-attend"), (Rsvp::Decline, "seminar-show-decline")]
        {
            let list = names(rsvp);
            let args = [
                ("count", Arg::Number(i64::try_from(list.len()).unwrap_or(i64::MAX))),
                ("states", Arg::Text(list.join(", "))),
            ];
            text.push_line(&self.catalog.render(lang, id, &args));
        }
        if let Some(minutes) = &s.minutes {
            let args = [("minutes", Arg::Text(minutes.clone()))];
            text.push_line(&self.catalog.render(lang, "seminar-show-minutes", &args));
        }
        let requests = self.store.seminar_requests(id).await?;
        if !requests.is_empty() {
            let list: Vec<String> = requests.iter().map(|r| format!("#{r}")).collect();
            let args = [("requests", Arg::Text(list.join(", ")))];
            text.push_line(&self.catalog.render(lang, "seminar-show-requests", &args));
        }
        Ok(text.into())
    }

    /// Title, time (on `zone`'s clock), length, place, link, and whether
    /// it is called off.
    fn seminar_heading(&self, lang: Language, s: &Seminar, zone: chrono_tz::Tz) -> Text {
        let kind =
            if s.is_regional() { "seminar-kind-regional" } else { "seminar-kind-international" };
        let args = [
            ("kind", Arg::Text(self.catalog.render(lang, kind, &[]).plain)),
            ("number", Arg::Text(format!("#{}", s.id))),
            ("title", Arg::Text(s.title.clone())),
            ("when", Arg::Text(self.time_text(lang, zone, s.starts_at))),
            ("duration", Arg::Text(self.duration_text(lang, s.duration_minutes * 60_000))),
        ];
        let mut text = self.catalog.render(lang, "seminar-heading", &args);
        if let Some(place) = &s.place {
            text.push_line(&self.catalog.render(
                lang,
                "seminar-place",
                &[("place", Arg::Text(place.clone()))],
            ));
        }
        if let Some(link) = &s.link {
            text.push_line(&self.catalog.render(
                lang,
                "seminar-link",
                &[("link", Arg::Text(link.clone()))],
            ));
        }
        if s.cancelled {
            text.push_line(&self.catalog.render(lang, "seminar-is-cancelled", &[]));
        }
        text
    }

    /// The announcement of `s` in `lang`: its time on the clock it was given
    /// in, how to answer, and its calendar link.
    pub(crate) fn announcement(&self, lang: Language, s: &Seminar) -> Text {
        let zone = s.zone.parse().unwrap_or(chrono_tz::UTC);
        let mut text = self.seminar_heading(lang, s, zone);
        let args = [
            ("attend", Arg::Code(format!("{}attend {}", self.prefix(), s.id))),
            ("decline", Arg::Code(format!("{}decline-seminar {}", self.prefix(), s.id))),
        ];
        text.push_line(&self.catalog.render(lang, "seminar-how-to-answer", &args));
        if let Some(base) = self.public_url() {
            let link = format!("{}/calendar/{}.ics", base.trim_end_matches('/'), s.feed_key);
            text.push_line(&self.catalog.render(
                lang,
                "seminar-calendar-link",
                &[("link", Arg::Text(link))],
            ));
        }
        text
    }

    /// The name of the room a seminar is in.
    fn room_name(&self, lang: Language, room: &RoomKind) -> String {
        match room {
            RoomKind::Regional(region) => self
                .network()
                .regions
                .get(region)
                .map_or_else(|| region.clone(), |r| r.names.get(lang.code()).to_owned()),
            _ => self.catalog.render(lang, "seminar-kind-international", &[]).plain,
        }
    }
}
