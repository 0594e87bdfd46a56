//! Seminar reminders: 7 days, 1 day and 1 hour before, in the seminar's
//! room and languages, with how many states come. One job per seminar,
//! version (its sequence: a moved seminar gets new ones, the old ones say
//! nothing) and reminder; none for a time already past when scheduled,
//! none once the seminar has started or was called off, and none that comes
//! too late to mean what it says (a "week ahead" reminder more than a
//! quarter of a week late: a quarter of each reminder's lead).

use serde::{Deserialize, Serialize};

use super::Decision;
use crate::domain::seminar::REMINDERS;
use crate::domain::{Language, Rsvp, Seminar};
use crate::i18n::{Arg, Text};
use crate::service::{ChatService, Scheduled};
use crate::storage::{Destination, Outgoing, SeminarStore, StorageError};

/// The kind of a seminar reminder's scheduled job.
pub const SEMINAR_JOB: &str = "seminar";

/// What a seminar reminder's job stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeminarJob {
    /// The seminar.
    pub seminar: i64,
    /// Its sequence when the job was scheduled.
    pub sequence: i64,
    /// `7d`, `1d` or `1h`.
    pub before: String,
}

/// The reminders of `seminar` still ahead at `now`.
pub fn seminar_reminder_jobs(seminar: &Seminar, now: i64) -> Vec<Scheduled> {
    REMINDERS
        .iter()
        .filter_map(|(label, before)| {
            let due_at = seminar.starts_at.saturating_sub(*before);
            (due_at > now).then(|| {
                let job = SeminarJob {
                    seminar: seminar.id,
                    sequence: seminar.sequence,
                    before: (*label).to_owned(),
                };
                Scheduled {
                    kind: SEMINAR_JOB,
                    key: format!("seminar:{}:{}:{label}", seminar.id, seminar.sequence),
                    due_at,
                    payload: serde_json::to_string(&job).unwrap_or_default(),
                }
            })
        })
        .collect()
}

impl<S: SeminarStore + Sync> ChatService<S> {
    /// The reminder of `job`, run at `now`.
    pub(super) async fn seminar_reminder(
        &self,
        job: &SeminarJob,
        due_at: i64,
        now: i64,
    ) -> Result<Decision, StorageError> {
        let lead = REMINDERS.iter().find(|(label, _)| *label == job.before).map_or(0, |r| r.1);
        if now.saturating_sub(due_at) > lead / 4 {
            tracing::info!(seminar = job.seminar, before = %job.before, "a seminar reminder too late to be right; skipping it");
            return Ok(Decision::nothing());
        }
        let Some(seminar) = self.store().get_seminar(job.seminar).await? else {
            return Ok(Decision::nothing());
        };
        if seminar.cancelled || seminar.sequence != job.sequence || seminar.starts_at <= now {
            return Ok(Decision::nothing());
        }
        let answers = self.store().seminar_answers(seminar.id).await?;
        let coming = answers.iter().filter(|a| a.answer == Rsvp::Attend).count();
        let text = self
            .for_room(&seminar.room, |lang| self.reminder_of(lang, &seminar, &job.before, coming));
        let (room_kind, room_key) = seminar.room.key();
        let item = Outgoing::Message {
            to: Destination::Room {
                room_kind: room_kind.to_owned(),
                room_key: room_key.to_owned(),
            },
            html: text.html_to_send(),
            plain: text.plain,
            mentions: Vec::new(),
        };
        Ok(Decision { items: vec![item], next: Vec::new() })
    }

    fn reminder_of(&self, lang: Language, s: &Seminar, before: &str, coming: usize) -> Text {
        let id = match before {
            "7d" => "seminar-reminder-week",
            "1d" => "seminar-reminder-day",
            _ => "seminar-reminder-hour",
        };
        let zone = s.zone.parse().unwrap_or(chrono_tz::UTC);
        let args = [
            ("number", Arg::Text(format!("#{}", s.id))),
            ("title", Arg::Text(s.title.clone())),
            ("when", Arg::Text(self.time_text(lang, zone, s.starts_at))),
            ("count", Arg::Number(i64::try_from(coming).unwrap_or(i64::MAX))),
            ("command", Arg::Code(format!("{}seminar {}", self.prefix(), s.id))),
        ];
        self.catalog().render(lang, id, &args)
    }
}
