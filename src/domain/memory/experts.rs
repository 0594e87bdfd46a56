//! Who has done this before: the states and partners that delivered
//! cooperation in a category, theme or goal, ranked for one requester.
//!
//! A seat earns points for each outcome it delivered (a full delivery 1, a
//! partial one ½), halved for every two years of age so that recent work
//! counts more; then a little for speaking the requester's language, for
//! being in the same region, and for an open offer in the category. The
//! requester's own seat is never proposed. Pure: the service gathers the
//! deliveries, offers and seat profiles.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::OutcomeResult;

/// Half-life of a delivery's weight.
pub const HALF_LIFE_MS: i64 = 2 * 365 * 24 * 3600 * 1000;
/// Points for speaking the requester's language.
const LANGUAGE_BONUS: f64 = 0.3;
/// Points for sharing the requester's region.
const REGION_BONUS: f64 = 0.2;
/// Points for an open offer in the category.
const OFFER_BONUS: f64 = 0.5;

/// One recorded outcome: who delivered it, how well, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// The seats it names (state codes, partner IDs).
    pub seats: Vec<String>,
    /// How it went.
    pub result: OutcomeResult,
    /// Recorded at (ms since the epoch).
    pub recorded_at: i64,
}

impl Delivery {
    /// Reads `delivered_by` as stored (comma-separated seat keys).
    pub fn new(delivered_by: &str, result: OutcomeResult, recorded_at: i64) -> Self {
        let seats = delivered_by
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        Delivery { seats, result, recorded_at }
    }
}

/// What the ranking knows of a seat still on the roster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// The languages its delegates speak.
    pub languages: BTreeSet<String>,
    /// The regions it belongs to (a state's one, a partner's several).
    pub regions: BTreeSet<String>,
}

/// For whom the ranking is made.
#[derive(Debug, Clone, Copy, Default)]
pub struct Asker<'a> {
    /// The requesting seat, never proposed.
    pub seat: Option<&'a str>,
    /// The requester's language.
    pub language: Option<&'a str>,
    /// The requester's region.
    pub region: Option<&'a str>,
    /// Now (ms since the epoch).
    pub now: i64,
}

/// One proposed seat and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Expert {
    /// Its key (state code or partner ID).
    pub seat: String,
    /// Its score (higher first).
    pub score: f64,
    /// Outcomes fully delivered.
    pub delivered: u32,
    /// Outcomes partly delivered.
    pub partly: u32,
    /// Its latest delivery, if any.
    pub latest: Option<i64>,
    /// It speaks the requester's language.
    pub shared_language: bool,
    /// It is in the requester's region.
    pub same_region: bool,
    /// Its open offers in the category (numbers).
    pub offers: Vec<i64>,
}

/// The decay factor of a delivery recorded at `at`.
fn recency(at: i64, now: i64) -> f64 {
    let age = (now - at).max(0) as f64;
    0.5f64.powf(age / HALF_LIFE_MS as f64)
}

/// The best `limit` seats: those that delivered (fully or partly) or offer
/// help, ranked for `asker`. `profile` says what the roster knows of a seat;
/// a seat it does not know (no longer on the roster) is left out.
pub fn rank(
    deliveries: &[Delivery],
    offers: &[(String, i64)],
    profile: impl Fn(&str) -> Option<Profile>,
    asker: Asker<'_>,
    limit: usize,
) -> Vec<Expert> {
    let mut experts: BTreeMap<&str, Expert> = BTreeMap::new();
    let blank = |seat: &str| Expert {
        seat: seat.to_owned(),
        score: 0.0,
        delivered: 0,
        partly: 0,
        latest: None,
        shared_language: false,
        same_region: false,
        offers: Vec::new(),
    };
    for d in deliveries {
        let weight = match d.result {
            OutcomeResult::Delivered => 1.0,
            OutcomeResult::PartlyDelivered => 0.5,
            OutcomeResult::NotDelivered => continue,
        };
        for seat in &d.seats {
            let e = experts.entry(seat).or_insert_with(|| blank(seat));
            e.score += weight * recency(d.recorded_at, asker.now);
            match d.result {
                OutcomeResult::Delivered => e.delivered += 1,
                _ => e.partly += 1,
            }
            e.latest = Some(e.latest.map_or(d.recorded_at, |l| l.max(d.recorded_at)));
        }
    }
    for (seat, id) in offers {
        let e = experts.entry(seat).or_insert_with(|| blank(seat));
        e.offers.push(*id);
    }
    let mut ranked: Vec<Expert> = experts
        .into_iter()
        .filter(|(seat, _)| Some(*seat) != asker.seat)
        .filter_map(|(seat, mut e)| {
            let p = profile(seat)?;
            e.shared_language = asker.language.is_some_and(|l| p.languages.contains(l));
            e.same_region = asker.region.is_some_and(|r| p.regions.contains(r));
            if e.shared_language {
                e.score += LANGUAGE_BONUS;
            }
            if e.same_region {
                e.score += REGION_BONUS;
            }
            if !e.offers.is_empty() {
                e.score += OFFER_BONUS;
            }
            e.offers.sort_unstable();
            Some(e)
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.latest.cmp(&a.latest))
            .then_with(|| a.seat.cmp(&b.seat))
    });
    ranked.truncate(limit);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEAR: i64 = 365 * 24 * 3600 * 1000;
    const NOW: i64 = 10 * YEAR;

    fn known(languages: &[&str], regions: &[&str]) -> Option<Profile> {
        Some(Profile {
            languages: languages.iter().map(|s| s.to_string()).collect(),
            regions: regions.iter().map(|s| s.to_string()).collect(),
        })
    }

    fn everyone(_: &str) -> Option<Profile> {
        known(&[], &[])
    }

    fn asker(seat: &str) -> Asker<'_> {
        Asker { seat: Some(seat), language: None, region: None, now: NOW }
    }

    #[test]
    fn more_deliveries_rank_higher_and_the_requester_is_never_proposed() {
        let d = [
            Delivery::new("PT", OutcomeResult::Delivered, NOW - YEAR),
            Delivery::new("PT,ohchr", OutcomeResult::Delivered, NOW - YEAR),
            Delivery::new("MA", OutcomeResult::Delivered, NOW - YEAR),
            Delivery::new("PY", OutcomeResult::Delivered, NOW),
            Delivery::new("PY", OutcomeResult::Delivered, NOW),
            Delivery::new("PY", OutcomeResult::Delivered, NOW),
        ];
        let ranked = rank(&d, &[], everyone, asker("PY"), 3);
        let seats: Vec<&str> = ranked.iter().map(|e| e.seat.as_str()).collect();
        assert_eq!(seats, ["PT", "MA", "ohchr"]);
        assert_eq!(ranked[0].delivered, 2);
    }

    #[test]
    fn recent_work_counts_more_and_failures_not_at_all() {
        let d = [
            Delivery::new("PT", OutcomeResult::Delivered, NOW - 6 * YEAR),
            Delivery::new("PT", OutcomeResult::Delivered, NOW - 6 * YEAR),
            Delivery::new("MA", OutcomeResult::Delivered, NOW - YEAR / 12),
            Delivery::new("CL", OutcomeResult::NotDelivered, NOW),
            Delivery::new("CL", OutcomeResult::NotDelivered, NOW),
        ];
        let ranked = rank(&d, &[], everyone, asker("PY"), 3);
        let seats: Vec<&str> = ranked.iter().map(|e| e.seat.as_str()).collect();
        assert_eq!(seats, ["MA", "PT"], "{ranked:?}");
        let half = recency(NOW - 2 * YEAR, NOW);
        assert!((half - 0.5).abs() < 0.01, "{half}");
    }

    #[test]
    fn language_region_and_offers_break_ties_and_say_so() {
        let d = [
            Delivery::new("PT", OutcomeResult::Delivered, NOW - YEAR),
            Delivery::new("MA", OutcomeResult::Delivered, NOW - YEAR),
            Delivery::new("FR", OutcomeResult::Delivered, NOW - YEAR),
        ];
        let profile = |seat: &str| match seat {
            "PT" => known(&["pt"], &["europe"]),
            "MA" => known(&["es", "fr"], &["africa"]),
            "FR" => known(&["fr"], &["americas"]),
            _ => None,
        };
        let offers = [("FR".to_owned(), 7)];
        let who =
            Asker { seat: Some("PY"), language: Some("es"), region: Some("americas"), now: NOW };
        let ranked = rank(&d, &offers, profile, who, 3);
        let seats: Vec<&str> = ranked.iter().map(|e| e.seat.as_str()).collect();
        assert_eq!(seats, ["FR", "MA", "PT"], "{ranked:?}");
        assert!(ranked[0].same_region && ranked[0].offers == [7] && !ranked[0].shared_language);
        assert!(ranked[1].shared_language && !ranked[1].same_region);
    }

    #[test]
    fn seats_gone_from_the_roster_and_empty_keys_are_left_out() {
        let d = [
            Delivery::new("XX, ,", OutcomeResult::Delivered, NOW),
            Delivery::new("PT", OutcomeResult::PartlyDelivered, NOW),
        ];
        let profile = |seat: &str| if seat == "PT" { known(&[], &[]) } else { None };
        let ranked = rank(&d, &[], profile, asker("PY"), 3);
        assert_eq!(ranked.len(), 1);
        assert_eq!((ranked[0].seat.as_str(), ranked[0].partly), ("PT", 1));
        assert!(rank(&[], &[], everyone, asker("PY"), 3).is_empty());
    }
}
