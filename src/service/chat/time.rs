//! Times for people: each person's time zone (`!timezone`, stored by full
//! Matrix user ID; else the network's), times shown on its clock in their
//! language with the zone named, and durations in words.

use chrono_tz::Tz;

use super::{Answer, ChatService, Request};
use crate::domain::when::{self, WhenError};
use crate::domain::Language;
use crate::i18n::Arg;
use crate::storage::{PreferenceStore, StorageError};

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

impl<S: PreferenceStore + Sync> ChatService<S> {
    /// The zone `user` sees times in: their choice, else the network's.
    pub(crate) async fn zone_of(&self, user: &str) -> Result<Tz, StorageError> {
        let chosen = self.store.user_time_zone(user).await?;
        Ok(chosen.and_then(|z| z.parse::<Tz>().ok()).unwrap_or(self.network().time_zone))
    }

    /// `!timezone` (show) or `!timezone <zone>` (choose).
    pub(super) async fn timezone_command(
        &self,
        req: &Request<'_>,
        choice: Option<String>,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let now = self.clock().now_ms();
        let Some(raw) = choice else {
            let args = [
                ("zone", Arg::Code(req.zone.name().to_owned())),
                ("now", Arg::Text(self.time_text(lang, req.zone, now))),
                ("example", Arg::Code(format!("{}timezone Europe/Lisbon", self.prefix))),
            ];
            return Ok(self.catalog.render(lang, "timezone-current", &args).into());
        };
        let zone = match when::parse_zone(&raw) {
            Ok(zone) => zone,
            Err(e) => return Ok(self.when_error(lang, &e).into()),
        };
        self.store.set_user_time_zone(req.incoming.sender, zone.name()).await?;
        let args = [
            ("zone", Arg::Code(zone.name().to_owned())),
            ("now", Arg::Text(self.time_text(lang, zone, now))),
        ];
        Ok(self.catalog.render(lang, "timezone-set", &args).into())
    }
}

impl<S> ChatService<S> {
    /// `ms` on the clock of `zone`, in `lang`, with the zone named.
    pub(crate) fn time_text(&self, lang: Language, zone: Tz, ms: i64) -> String {
        crate::i18n::format::date_time(lang, ms, zone)
    }

    /// A duration in words, in the largest unit it reaches (rounded down):
    /// `7 days`, `36 hours`, `5 minutes`, `30 seconds`.
    pub(crate) fn duration_text(&self, lang: Language, ms: i64) -> String {
        let ms = ms.max(0);
        let (id, n) = if ms >= DAY_MS {
            ("duration-days", ms / DAY_MS)
        } else if ms >= HOUR_MS {
            ("duration-hours", ms / HOUR_MS)
        } else if ms >= MINUTE_MS {
            ("duration-minutes", ms / MINUTE_MS)
        } else {
            ("duration-seconds", ms / 1000)
        };
        self.catalog.render(lang, id, &[("n", Arg::Number(n))]).plain
    }

    /// The answer to a date, time, zone or duration that does not read.
    pub(crate) fn when_error(&self, lang: Language, e: &WhenError) -> crate::i18n::Text {
        let text = |s: &str| Arg::Code(s.to_owned());
        let (id, args): (&str, Vec<(&str, Arg)>) = match e {
            WhenError::UnknownZone { input, suggestion: Some(s) } => {
                ("when-zone-suggest", vec![("input", text(input)), ("suggestion", text(s))])
            }
            WhenError::UnknownZone { input, suggestion: None } => {
                ("when-zone-unknown", vec![("input", text(input))])
            }
            WhenError::BadDate { input } => ("when-bad-date", vec![("input", text(input))]),
            WhenError::ImpossibleDate { input } => {
                ("when-impossible-date", vec![("input", text(input))])
            }
            WhenError::BadTime { input } => ("when-bad-time", vec![("input", text(input))]),
            WhenError::NonexistentTime { date, time, zone, after } => (
                "when-nonexistent-time",
                vec![
                    ("date", text(&date.to_string())),
                    ("time", text(&time.format("%H:%M").to_string())),
                    ("zone", text(zone.name())),
                    ("after", text(&after.format("%H:%M").to_string())),
                ],
            ),
            WhenError::AmbiguousTime { date, time, zone, first_offset, second_offset } => (
                "when-ambiguous-time",
                vec![
                    ("date", text(&date.to_string())),
                    ("time", text(&time.format("%H:%M").to_string())),
                    ("zone", text(zone.name())),
                    ("first", text(first_offset)),
                    ("second", text(second_offset)),
                ],
            ),
            WhenError::BadDuration { input } => ("when-bad-duration", vec![("input", text(input))]),
            WhenError::DurationOutOfRange { input, max_minutes } => (
                "when-duration-range",
                vec![
                    ("input", text(input)),
                    ("max", Arg::Text(self.duration_text(lang, max_minutes * MINUTE_MS))),
                ],
            ),
            WhenError::BadWeekly { input } => ("when-bad-weekly", vec![("input", text(input))]),
        };
        self.catalog.render(lang, id, &args)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{incoming, service};
    use super::super::Place;

    #[tokio::test]
    async fn a_chosen_zone_is_kept_per_person_and_a_wrong_one_gets_the_closest_name() {
        let s = service().await;
        let ask = |who: &'static str, body: &'static str| {
            let s = s.clone();
            async move { s.handle(&incoming(who, body, Place::Direct)).await.unwrap().unwrap() }
        };
        let shown = ask("@pt:x.org", "!timezone").await.text.plain;
        assert!(
            shown.contains("`Africa/Casablanca`"),
            "the network's zone until one is chosen: {shown}"
        );
        let bad = ask("@pt:x.org", "!timezone Europe/Lisbn").await.text.plain;
        assert!(bad.contains("`Europe/Lisbon`"), "the closest name is suggested: {bad}");
        let set = ask("@pt:x.org", "!timezone europe/lisbon").await.text.plain;
        assert!(set.contains("`Europe/Lisbon`"), "{set}");
        let shown = ask("@pt:x.org", "!timezone").await.text.plain;
        assert!(shown.contains("`Europe/Lisbon`") && shown.contains("Europe/Lisbon"), "{shown}");
        let other = ask("@cl:x.org", "!timezone").await.text.plain;
        assert!(other.contains("`Africa/Casablanca`"), "others keep the network's: {other}");
        assert_eq!(s.zone_of("@pt:x.org").await.unwrap(), chrono_tz::Europe::Lisbon);
    }

    #[tokio::test]
    async fn durations_are_said_in_their_largest_unit() {
        let s = service().await;
        let en = crate::domain::Language::En;
        assert_eq!(s.duration_text(en, 7 * super::DAY_MS), "7 days");
        assert_eq!(s.duration_text(en, super::DAY_MS + 1), "1 day");
        assert_eq!(s.duration_text(en, 36 * super::HOUR_MS - 1), "1 day");
        assert_eq!(s.duration_text(en, 5 * super::HOUR_MS), "5 hours");
        assert_eq!(s.duration_text(en, 90_000), "1 minute");
        assert_eq!(s.duration_text(en, 3_000), "3 seconds");
        assert_eq!(s.duration_text(en, -5), "0 seconds");
    }
}
