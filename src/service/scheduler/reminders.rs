//! Response-time reminders: scheduled when a request is filed or reopened
//! (one job per threshold, [`crate::domain::reminder`]), and when one falls
//! due, a notice in the card's thread that mentions whoever must act: the
//! committee's delegates, the assignee's, or at twice a target the
//! coordinator's. A reminder whose request has moved on (acknowledged,
//! resolved, reopened since) says nothing.

use serde::{Deserialize, Serialize};

use super::Decision;
use crate::domain::reminder::{self, Audience, Threshold};
use crate::domain::{CountryCode, Language, Request, ResponseTargets, RoomKind, Roster, Seat};
use crate::i18n::{Arg, Text};
use crate::service::chat::assignee_names;
use crate::service::{ChatService, Scheduled};
use crate::storage::{
    Destination, Outgoing, PreferenceStore, RequestStore, RosterStore, StorageError,
};

/// The kind of a reminder's scheduled job.
pub const REMINDER_JOB: &str = "reminder";

/// What a reminder's job stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderJob {
    /// The request.
    pub request: i64,
    /// Its round: 0 from the filing, then one more at each reopening.
    pub round: i64,
    /// The threshold ([`Threshold::as_str`]).
    pub threshold: String,
    /// When the round started (milliseconds since the Unix epoch).
    pub start: i64,
}

/// The jobs of a round of `request` that started at `start`: one per
/// threshold, keyed by request, round and threshold.
pub fn reminder_jobs(
    request: i64,
    round: i64,
    start: i64,
    targets: ResponseTargets,
) -> Vec<Scheduled> {
    reminder::schedule(start, targets)
        .into_iter()
        .map(|(threshold, due_at)| {
            let job =
                ReminderJob { request, round, threshold: threshold.as_str().to_owned(), start };
            Scheduled {
                kind: REMINDER_JOB,
                key: format!("reminder:{request}:{round}:{}", threshold.as_str()),
                due_at,
                payload: serde_json::to_string(&job).unwrap_or_default(),
            }
        })
        .collect()
}

impl<S: RequestStore + Sync> ChatService<S> {
    /// How many times `request` was reopened: its current round.
    pub(crate) async fn round_of(&self, request: i64) -> Result<i64, StorageError> {
        let transitions = self.store().transitions(request).await?;
        Ok(transitions.iter().filter(|t| t.action == "reopen").count().try_into().unwrap_or(0))
    }
}

impl<S: RosterStore + RequestStore + PreferenceStore + Clone + Sync> ChatService<S> {
    /// The reminder of `job`, due at `due_at`, run at `now`.
    pub(super) async fn reminder(
        &self,
        job: &ReminderJob,
        due_at: i64,
        now: i64,
    ) -> Result<Decision, StorageError> {
        let Some(threshold) = Threshold::parse(&job.threshold) else {
            tracing::warn!(threshold = %job.threshold, "a reminder of an unknown threshold; dropping it");
            return Ok(Decision::nothing());
        };
        let Some(request) = self.store().get_request(job.request).await? else {
            return Ok(Decision::nothing());
        };
        if self.round_of(request.id).await? != job.round {
            return Ok(Decision::nothing()); // reopened since: a new round has its own
        }
        let Some(audience) = threshold.audience(request.state, request.assignee.is_some()) else {
            return Ok(Decision::nothing());
        };
        let roster = self.current_roster().await?;
        let people = self.audience_of(&roster, &request, audience);
        let targets = self.network().targets(&request.category);
        let late = now.saturating_sub(due_at) >= super::LATE_AFTER_MS;
        let text = self.for_room(&RoomKind::Committee, |lang| {
            self.reminder_text(
                &roster,
                lang,
                &request,
                threshold,
                targets,
                job.start,
                now,
                &people,
                late.then_some(due_at),
            )
        });
        let item = Outgoing::Message {
            to: Destination::CardThread { request: request.id },
            html: text.html_to_send(),
            plain: text.plain,
            mentions: people,
        };
        Ok(Decision { items: vec![item], next: Vec::new() })
    }

    /// The full user IDs a reminder to `audience` mentions.
    fn audience_of(&self, roster: &Roster, request: &Request, audience: Audience) -> Vec<String> {
        let network = self.network();
        let of_states = |states: &[CountryCode]| -> Vec<String> {
            let mut users: Vec<String> = roster
                .delegates
                .values()
                .filter(|d| states.contains(&d.state))
                .map(|d| d.user_id.as_str().to_owned())
                .collect();
            users.sort();
            users
        };
        match audience {
            Audience::Committee => of_states(&network.committee),
            Audience::Coordinator => of_states(&[network.coordinator]),
            Audience::Assignees => {
                // Each assignee's delegates, state or partner.
                let mut users: Vec<String> = request
                    .assignees()
                    .iter()
                    .filter_map(|key| Seat::parse(key))
                    .flat_map(|seat| roster.delegates_of_seat(&seat))
                    .map(|u| u.as_str().to_owned())
                    .collect();
                users.sort();
                users.dedup();
                if users.is_empty() {
                    // Assignees the roster does not know (older free text, a
                    // seat since removed): the committee follows it up.
                    return of_states(&network.committee);
                }
                users
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn reminder_text(
        &self,
        roster: &Roster,
        lang: Language,
        request: &Request,
        threshold: Threshold,
        targets: ResponseTargets,
        start: i64,
        now: i64,
        people: &[String],
        late_since: Option<i64>,
    ) -> Text {
        let id = match threshold {
            Threshold::Acknowledge => "reminder-acknowledge",
            Threshold::AcknowledgeEscalation => "reminder-escalation-acknowledge",
            Threshold::Resolve if request.assignee.is_some() => "reminder-resolve-assigned",
            Threshold::Resolve => "reminder-resolve",
            Threshold::ResolveEscalation => "reminder-escalation-resolve",
        };
        let args = [
            ("number", Arg::Text(format!("#{}", request.id))),
            ("title", Arg::Text(request.title.clone())),
            ("state", Arg::Text(request.requesting_state.name(lang.code()))),
            ("assignee", Arg::Text(assignee_names(roster, request, lang))),
            ("waited", Arg::Text(self.duration_text(lang, now.saturating_sub(start)))),
            ("target", Arg::Text(self.duration_text(lang, threshold.target_ms(targets)))),
            ("people", Arg::Mentions(people.to_vec())),
            ("command", Arg::Code(format!("{}status {}", self.prefix(), request.id))),
        ];
        let mut text = self.catalog().render(lang, id, &args);
        if let Some(due) = late_since {
            let when = self.time_text(lang, self.network().time_zone, due);
            text.push_line(&self.catalog().render(
                lang,
                "reminder-late",
                &[("due", Arg::Text(when))],
            ));
        }
        text
    }
}
