//! Statistics over requests: counts by state, region and category, median
//! times to acknowledge and to resolve, and per-month figures, among them
//! the share of the month's requests acknowledged and resolved within their
//! category's response-time targets. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::ResponseTargets;
use crate::storage::RequestTimes;

/// Figures for one month (`YYYY-MM`, UTC).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Month {
    /// The month.
    pub month: String,
    /// Requests filed in it.
    pub filed: i64,
    /// Requests resolved in it.
    pub resolved: i64,
    /// Median hours to first acknowledgement of the requests filed in it.
    pub median_hours_to_acknowledge: Option<f64>,
    /// Median hours to resolution of the requests resolved in it.
    pub median_hours_to_resolve: Option<f64>,
    /// Of the requests filed in it whose acknowledge target has passed or
    /// that were acknowledged, the share (0 to 1) acknowledged within it.
    pub share_acknowledged_within_target: Option<f64>,
    /// Of the requests filed in it whose resolve target has passed or that
    /// were resolved (declined ones aside), the share resolved within it.
    pub share_resolved_within_target: Option<f64>,
}

/// All the statistics.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Requests in all.
    pub total: i64,
    /// Count by state.
    pub by_state: BTreeMap<String, i64>,
    /// Count by region.
    pub by_region: BTreeMap<String, i64>,
    /// Count by category.
    pub by_category: BTreeMap<String, i64>,
    /// Median hours from filing to first acknowledgement.
    pub median_hours_to_acknowledge: Option<f64>,
    /// Median hours from filing to resolution.
    pub median_hours_to_resolve: Option<f64>,
    /// Per month, oldest first.
    pub per_month: Vec<Month>,
}

/// The median of `values` (mean of the middle two for an even count).
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// Milliseconds as hours, to two decimals.
pub fn hours_of(ms: f64) -> f64 {
    (ms / 3_600_000.0 * 100.0).round() / 100.0
}

/// The median wait in hours of `waits` (milliseconds).
fn median_hours(waits: Vec<f64>) -> Option<f64> {
    median(waits).map(hours_of)
}

fn wait(from: i64, to: i64) -> f64 {
    (to - from) as f64
}

/// `YYYY-MM` of a stored month `YYYYMM`.
pub fn month_name(key: i64) -> String {
    format!("{:04}-{:02}", key / 100, key % 100)
}

fn month(ms: i64) -> String {
    crate::domain::time::utc(ms, "%Y-%m")
}

/// On-time counts of one month: (within target, judged) for acknowledging
/// and for resolving.
#[derive(Default)]
struct OnTime {
    acknowledged: (i64, i64),
    resolved: (i64, i64),
}

/// `within / judged`, rounded to 3 decimals; `None` when nothing is judged.
fn share((within, judged): (i64, i64)) -> Option<f64> {
    (judged > 0).then(|| (within as f64 / judged as f64 * 1000.0).round() / 1000.0)
}

/// The share of `within` of `judged` (for the aggregates read from the database).
pub fn share_of(within: i64, judged: i64) -> Option<f64> {
    share((within, judged))
}

/// Whether a step due within `target` after `filed` is judged at `now`
/// (done, or the target passed) and, if so, whether it was on time.
fn judge(filed: i64, done: Option<i64>, target: i64, now: i64) -> Option<bool> {
    let deadline = filed.saturating_add(target);
    match done {
        Some(at) => Some(at <= deadline),
        None => (now > deadline).then_some(false),
    }
}

/// Computes the statistics of `requests` at `now`, each judged against
/// the response-time targets of its category (`targets`).
pub fn compute(
    requests: &[RequestTimes],
    targets: impl Fn(&str) -> ResponseTargets,
    now: i64,
) -> Stats {
    let mut stats =
        Stats { total: i64::try_from(requests.len()).unwrap_or(i64::MAX), ..Stats::default() };
    let mut months: BTreeMap<String, (Month, Vec<f64>, Vec<f64>)> = BTreeMap::new();
    let (mut to_ack, mut to_resolve) = (Vec::new(), Vec::new());
    let mut on_time: BTreeMap<String, OnTime> = BTreeMap::new();
    for r in requests {
        let t = targets(&r.category);
        let month_of_filing = on_time.entry(month(r.created_at)).or_default();
        if let Some(ok) = judge(r.created_at, r.acknowledged_at, t.acknowledge_ms, now) {
            month_of_filing.acknowledged.0 += i64::from(ok);
            month_of_filing.acknowledged.1 += 1;
        }
        if r.state != "declined" {
            if let Some(ok) = judge(r.created_at, r.resolved_at, t.resolve_ms, now) {
                month_of_filing.resolved.0 += i64::from(ok);
                month_of_filing.resolved.1 += 1;
            }
        }
        *stats.by_state.entry(r.state.clone()).or_default() += 1;
        *stats.by_region.entry(r.region.clone().unwrap_or_else(|| "none".into())).or_default() += 1;
        *stats.by_category.entry(r.category.clone()).or_default() += 1;
        let filed = months.entry(month(r.created_at)).or_default();
        filed.0.filed += 1;
        if let Some(ack) = r.acknowledged_at {
            to_ack.push(wait(r.created_at, ack));
            filed.1.push(wait(r.created_at, ack));
        }
        if let Some(done) = r.resolved_at {
            to_resolve.push(wait(r.created_at, done));
            let resolved = months.entry(month(done)).or_default();
            resolved.0.resolved += 1;
            resolved.2.push(wait(r.created_at, done));
        }
    }
    stats.median_hours_to_acknowledge = median_hours(to_ack);
    stats.median_hours_to_resolve = median_hours(to_resolve);
    stats.per_month = months
        .into_iter()
        .map(|(name, (mut m, ack, resolve))| {
            if let Some(o) = on_time.get(&name) {
                m.share_acknowledged_within_target = share(o.acknowledged);
                m.share_resolved_within_target = share(o.resolved);
            }
            m.month = name;
            m.median_hours_to_acknowledge = median_hours(ack);
            m.median_hours_to_resolve = median_hours(resolve);
            m
        })
        .collect();
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3_600_000;
    const NOV: i64 = 1_793_491_200_000; // 2026-11-01T00:00:00Z

    fn times(
        id: i64,
        state: &str,
        created: i64,
        ack: Option<i64>,
        resolved: Option<i64>,
    ) -> RequestTimes {
        RequestTimes {
            id,
            state: state.into(),
            region: Some("africa".into()),
            category: if id % 2 == 0 { "membership".into() } else { "peer-exchange".into() },
            created_at: created,
            acknowledged_at: ack,
            resolved_at: resolved,
        }
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }

    #[test]
    fn counts_medians_and_months_come_from_the_requests() {
        let stats = compute(
            &[
                times(1, "resolved", NOV, Some(NOV + 2 * HOUR), Some(NOV + 48 * HOUR)),
                times(2, "acknowledged", NOV + HOUR, Some(NOV + 5 * HOUR), None),
                times(3, "submitted", NOV + 31 * 24 * HOUR, None, None),
            ],
            |_| ResponseTargets::DEFAULT,
            NOV + 32 * 24 * HOUR,
        );
        assert_eq!(stats.total, 3);
        assert_eq!(stats.by_state["resolved"], 1);
        assert_eq!(stats.by_category["membership"], 1);
        assert_eq!(stats.median_hours_to_acknowledge, Some(3.0));
        assert_eq!(stats.median_hours_to_resolve, Some(48.0));
        let months: Vec<(&str, i64, i64)> =
            stats.per_month.iter().map(|m| (m.month.as_str(), m.filed, m.resolved)).collect();
        assert_eq!(months, [("2026-11", 2, 1), ("2026-12", 1, 0)]);
    }

    #[test]
    fn each_month_says_what_share_was_acknowledged_and_resolved_within_target() {
        const DAY: i64 = 24 * HOUR;
        let targets = ResponseTargets { acknowledge_ms: 2 * DAY, resolve_ms: 10 * DAY };
        let stats = compute(
            &[
                // November: on time; late to acknowledge; never acknowledged
                // (target passed); declined (not judged on resolving).
                times(1, "resolved", NOV, Some(NOV + DAY), Some(NOV + 9 * DAY)),
                times(2, "resolved", NOV, Some(NOV + 3 * DAY), Some(NOV + 11 * DAY)),
                times(3, "submitted", NOV, None, None),
                times(4, "declined", NOV, Some(NOV + DAY), None),
                // December, filed a day before `now`: not judged yet.
                times(5, "submitted", NOV + 40 * DAY, None, None),
            ],
            |_| targets,
            NOV + 41 * DAY,
        );
        let nov = &stats.per_month[0];
        assert_eq!(nov.month, "2026-11");
        assert_eq!(nov.share_acknowledged_within_target, Some(0.5), "2 of 4");
        assert_eq!(nov.share_resolved_within_target, Some(0.333), "1 of 3: #1 yes, #2 and #3 no");
        let dec = stats.per_month.iter().find(|m| m.month == "2026-12").unwrap();
        assert_eq!(dec.share_acknowledged_within_target, None, "too early to judge");
    }
}
