//! The weekly digests, on the network's clock (`[digest] weekly` in
//! `network.toml`): to the committee room, what is new, waiting for
//! acknowledgement, overdue and decided this week; to the plenary and each
//! regional room, in the room's languages, the cooperation delivered this
//! week (in the region, for a regional room), the offers of technical
//! cooperation published this week (by the region's states, for a regional
//! room) and the seminars of the next two weeks (international ones
//! everywhere, a region's sessions in its room). Nothing is posted where
//! there is nothing to say.
//!
//! One job per occurrence, keyed by its local date and time; each run
//! schedules the next, so a change of summer time moves nothing: the next
//! is computed on the local clock. A digest more than a day late (the bot was
//! down) is skipped and logged; a job that is no longer an occurrence of the
//! configured schedule (the schedule changed) is dropped.

use chrono::DateTime;
use serde::{Deserialize, Serialize};
use tracing::info;

use super::Decision;
use crate::domain::reminder;
use crate::domain::{
    when, CountryCode, Language, Network, Offer, OutcomeResult, Request, RequestState, RoomKind,
    Seminar, DAY_MS,
};
use crate::i18n::{Arg, Text};
use crate::service::{ChatService, Scheduled};
use crate::storage::{
    Destination, OfferStore, OutcomeRecord, Outgoing, PreferenceStore, RequestFilter, RequestStore,
    RosterStore, SeminarStore, StorageError,
};

/// The kind of a digest's scheduled job.
pub const DIGEST_JOB: &str = "digest";

/// A digest later than this after its time is skipped.
pub const STALE_AFTER_MS: i64 = DAY_MS;

/// Entries listed per section, at most.
const SECTION_LIMIT: usize = 10;

/// What a digest's job stores: its local date and time, for people reading
/// the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestJob {
    /// `2027-03-29T09:00`, on the network's clock.
    pub local: String,
}

/// The first digest after `after` (milliseconds since the Unix epoch), if
/// digests are on.
pub fn next_digest(network: &Network, after: i64) -> Option<Scheduled> {
    let weekly = network.digest?;
    let after = DateTime::from_timestamp_millis(after)?;
    let at = when::next_weekly(after, weekly, network.time_zone);
    let local = when::local(at, network.time_zone).format("%Y-%m-%dT%H:%M").to_string();
    let payload = serde_json::to_string(&DigestJob { local: local.clone() }).ok()?;
    Some(Scheduled {
        kind: DIGEST_JOB,
        key: format!("digest:{local}"),
        due_at: at.timestamp_millis(),
        payload,
    })
}

/// Whether `due_at` is an occurrence of the configured schedule.
fn is_occurrence(network: &Network, due_at: i64) -> bool {
    next_digest(network, due_at.saturating_sub(1)).is_some_and(|d| d.due_at == due_at)
}

impl<
        S: RosterStore + RequestStore + PreferenceStore + SeminarStore + OfferStore + Clone + Sync,
    > ChatService<S>
{
    /// The digest due at `due_at`, run at `now`.
    pub(super) async fn digest(&self, due_at: i64, now: i64) -> Result<Decision, StorageError> {
        let network = self.network();
        let next: Vec<Scheduled> = next_digest(network, due_at.max(now)).into_iter().collect();
        if !is_occurrence(network, due_at) {
            info!(due_at, "a digest of an earlier schedule; dropping it");
            return Ok(Decision { items: Vec::new(), next });
        }
        let late = now.saturating_sub(due_at);
        if late > STALE_AFTER_MS {
            info!(due_at, late_ms = late, "a digest more than a day late; skipping it");
            return Ok(Decision { items: Vec::new(), next });
        }
        let since = due_at.saturating_sub(7 * DAY_MS);
        let late_since = (late >= super::LATE_AFTER_MS).then_some(due_at);
        let mut items = Vec::new();
        if let Some(text) = self.committee_digest(since, due_at, now, late_since).await? {
            items.push(room_message(RoomKind::Committee, text));
        }
        let delivered: Vec<OutcomeRecord> = self
            .store()
            .outcomes()
            .await?
            .into_iter()
            .filter(|o| o.recorded_at >= since && o.outcome.result != OutcomeResult::NotDelivered)
            .collect();
        let mut rooms = vec![(RoomKind::Plenary, None)];
        for region in network.regions.regions() {
            rooms.push((RoomKind::Regional(region.id.clone()), Some(region.id.clone())));
        }
        let coming: Vec<Seminar> = self
            .store()
            .list_seminars(due_at, false, 100)
            .await?
            .into_iter()
            .filter(|s| s.starts_at >= due_at && s.starts_at <= due_at + 14 * DAY_MS)
            .collect();
        let offers: Vec<Offer> = self
            .store()
            .open_offers(None, 100)
            .await?
            .into_iter()
            .filter(|o| o.created_at >= since)
            .collect();
        let roster = self.current_roster().await?;
        for (kind, region) in rooms {
            let here: Vec<&OutcomeRecord> = delivered
                .iter()
                .filter(|o| region.is_none() || o.request.region == region)
                .collect();
            // A state's offer goes to its region's room; a partner's, to the
            // rooms of the regions it chose.
            let in_region = |key: &str| match (&region, CountryCode::parse(key)) {
                (None, _) => true,
                (Some(region), Ok(code)) => {
                    network.regions.region_of(code).is_some_and(|r| r.id == *region)
                }
                (Some(region), Err(_)) => {
                    roster.find_partner(key).is_some_and(|p| p.regions.contains(region))
                }
            };
            let offered: Vec<&Offer> = offers.iter().filter(|o| in_region(&o.offered_by)).collect();
            let seminars: Vec<&Seminar> =
                coming.iter().filter(|s| s.room == RoomKind::Plenary || s.room == kind).collect();
            if here.is_empty() && seminars.is_empty() && offered.is_empty() {
                continue;
            }
            let text = self.for_room(&kind, |lang| {
                let mut text = self.room_digest(lang, due_at, &here, &seminars, late_since);
                if !offered.is_empty() {
                    let args = [("count", count(offered.len()))];
                    text.push_line(&self.catalog().render(lang, "digest-offers", &args));
                    for o in offered.iter().take(SECTION_LIMIT) {
                        text.push_line(&self.offer_line(lang, &roster, o));
                    }
                }
                text
            });
            items.push(room_message(kind, text));
        }
        Ok(Decision { items, next })
    }

    /// The committee's digest, or `None` with nothing to say.
    async fn committee_digest(
        &self,
        since: i64,
        due_at: i64,
        now: i64,
        late_since: Option<i64>,
    ) -> Result<Option<Text>, StorageError> {
        let all = RequestFilter { limit: 10_000, ..RequestFilter::default() };
        let requests = self.store().list_requests(&all).await?;
        let new: Vec<&Request> = requests.iter().filter(|r| r.created_at >= since).collect();
        let waiting: Vec<&Request> = requests
            .iter()
            .filter(|r| matches!(r.state, RequestState::Submitted | RequestState::Reopened))
            .collect();
        let decided: Vec<&Request> =
            requests.iter().filter(|r| !r.state.is_open() && r.updated_at >= since).collect();
        let mut overdue = Vec::new();
        for r in requests.iter().filter(|r| r.state.is_open()) {
            let start = self.round_start(r).await?;
            let targets = self.network().targets(&r.category);
            if reminder::overdue(r.state, start, targets, now).is_some() {
                overdue.push(r);
            }
        }
        if new.is_empty() && waiting.is_empty() && decided.is_empty() && overdue.is_empty() {
            return Ok(None);
        }
        let sections = [
            ("digest-new", &new),
            ("digest-waiting", &waiting),
            ("digest-overdue", &overdue),
            ("digest-decided", &decided),
        ];
        Ok(Some(self.for_room(&RoomKind::Committee, |lang| {
            let mut text = self.digest_title(lang, "digest-committee-title", due_at);
            for (id, list) in &sections {
                if list.is_empty() {
                    continue;
                }
                text.push_line(&self.catalog().render(lang, id, &[("count", count(list.len()))]));
                for r in list.iter().take(SECTION_LIMIT) {
                    text.push_line(&self.catalog().render(lang, "digest-entry", &entry(lang, r)));
                }
                if list.len() > SECTION_LIMIT {
                    let more = [
                        ("count", count(list.len() - SECTION_LIMIT)),
                        ("command", Arg::Code(format!("{}requests all", self.prefix()))),
                    ];
                    text.push_line(&self.catalog().render(lang, "digest-more", &more));
                }
            }
            self.late_line(lang, &mut text, late_since);
            text
        })))
    }

    /// A room's digest in `lang`: the cooperation delivered this week, the
    /// coming seminars.
    fn room_digest(
        &self,
        lang: Language,
        due_at: i64,
        delivered: &[&OutcomeRecord],
        seminars: &[&Seminar],
        late_since: Option<i64>,
    ) -> Text {
        let mut text = self.digest_title(lang, "digest-room-title", due_at);
        if !delivered.is_empty() {
            let heading = self.catalog().render(
                lang,
                "digest-outcomes",
                &[("count", count(delivered.len()))],
            );
            text.push_line(&heading);
        }
        for o in delivered.iter().take(SECTION_LIMIT) {
            let result =
                self.catalog().render(lang, crate::service::chat::result_id(o.outcome.result), &[]);
            let mut args = entry(lang, &o.request);
            args.push(("result", Arg::Text(result.plain)));
            args.push(("summary", Arg::Text(o.outcome.summary.clone())));
            text.push_line(&self.catalog().render(lang, "digest-outcome-entry", &args));
        }
        if !seminars.is_empty() {
            let heading =
                self.catalog().render(lang, "digest-seminars", &[("count", count(seminars.len()))]);
            text.push_line(&heading);
        }
        for s in seminars.iter().take(SECTION_LIMIT) {
            let zone = s.zone.parse().unwrap_or(self.network().time_zone);
            let args = [
                ("number", Arg::Text(format!("#{}", s.id))),
                ("when", Arg::Text(self.time_text(lang, zone, s.starts_at))),
                ("title", Arg::Text(s.title.clone())),
            ];
            text.push_line(&self.catalog().render(lang, "digest-seminar-entry", &args));
        }
        self.late_line(lang, &mut text, late_since);
        text
    }

    fn digest_title(&self, lang: Language, id: &str, due_at: i64) -> Text {
        let when = self.time_text(lang, self.network().time_zone, due_at);
        self.catalog().render(lang, id, &[("date", Arg::Text(when))])
    }

    fn late_line(&self, lang: Language, text: &mut Text, late_since: Option<i64>) {
        if let Some(due) = late_since {
            let when = self.time_text(lang, self.network().time_zone, due);
            text.push_line(&self.catalog().render(
                lang,
                "digest-late",
                &[("due", Arg::Text(when))],
            ));
        }
    }
}

fn count(n: usize) -> Arg {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

fn entry(lang: Language, r: &Request) -> Vec<(&'static str, Arg)> {
    vec![
        ("number", Arg::Text(format!("#{}", r.id))),
        ("country", Arg::Text(r.requesting_state.name(lang.code()))),
        ("title", Arg::Text(r.title.clone())),
    ]
}

fn room_message(kind: RoomKind, text: Text) -> Outgoing {
    let (room_kind, room_key) = kind.key();
    Outgoing::Message {
        to: Destination::Room { room_kind: room_kind.to_owned(), room_key: room_key.to_owned() },
        html: text.html_to_send(),
        plain: text.plain,
        mentions: Vec::new(),
    }
}
