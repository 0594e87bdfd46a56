//! Statistics over requests: counts by state, region and category, median
//! times to acknowledge and to resolve, and per-month figures. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

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

fn hours(from: i64, to: i64) -> f64 {
    ((to - from) as f64 / 3_600_000.0 * 100.0).round() / 100.0
}

fn month(ms: i64) -> String {
    crate::domain::time::utc(ms, "%Y-%m")
}

/// Computes the statistics of `requests`.
pub fn compute(requests: &[RequestTimes]) -> Stats {
    let mut stats =
        Stats { total: i64::try_from(requests.len()).unwrap_or(i64::MAX), ..Stats::default() };
    let mut months: BTreeMap<String, (Month, Vec<f64>, Vec<f64>)> = BTreeMap::new();
    let (mut to_ack, mut to_resolve) = (Vec::new(), Vec::new());
    for r in requests {
        *stats.by_state.entry(r.state.clone()).or_default() += 1;
        *stats.by_region.entry(r.region.clone().unwrap_or_else(|| "none".into())).or_default() += 1;
        *stats.by_category.entry(r.category.clone()).or_default() += 1;
        let filed = months.entry(month(r.created_at)).or_default();
        filed.0.filed += 1;
        if let Some(ack) = r.acknowledged_at {
            to_ack.push(hours(r.created_at, ack));
            filed.1.push(hours(r.created_at, ack));
        }
        if let Some(done) = r.resolved_at {
            to_resolve.push(hours(r.created_at, done));
            let resolved = months.entry(month(done)).or_default();
            resolved.0.resolved += 1;
            resolved.2.push(hours(r.created_at, done));
        }
    }
    stats.median_hours_to_acknowledge = median(to_ack);
    stats.median_hours_to_resolve = median(to_resolve);
    stats.per_month = months
        .into_iter()
        .map(|(name, (mut m, ack, resolve))| {
            m.month = name;
            m.median_hours_to_acknowledge = median(ack);
            m.median_hours_to_resolve = median(resolve);
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
        let stats = compute(&[
            times(1, "resolved", NOV, Some(NOV + 2 * HOUR), Some(NOV + 48 * HOUR)),
            times(2, "acknowledged", NOV + HOUR, Some(NOV + 5 * HOUR), None),
            times(3, "submitted", NOV + 31 * 24 * HOUR, None, None),
        ]);
        assert_eq!(stats.total, 3);
        assert_eq!(stats.by_state["resolved"], 1);
        assert_eq!(stats.by_category["membership"], 1);
        assert_eq!(stats.median_hours_to_acknowledge, Some(3.0));
        assert_eq!(stats.median_hours_to_resolve, Some(48.0));
        let months: Vec<(&str, i64, i64)> =
            stats.per_month.iter().map(|m| (m.month.as_str(), m.filed, m.resolved)).collect();
        assert_eq!(months, [("2026-11", 2, 1), ("2026-12", 1, 0)]);
    }
}
