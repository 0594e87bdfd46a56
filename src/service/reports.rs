//! Reports over the whole history, from the database's aggregates: the
//! statistics of [`super::stats`] without loading one row per request.
//! Counts and on-time judgments are summed by the database; each median is
//! read as the one or two middle waits from an index (a handful of index
//! entries per month). A test holds these figures equal to
//! [`super::stats::compute`] over the same requests.

use std::collections::BTreeMap;

use super::stats::{hours_of, month_name, share_of, Month, Stats};
use crate::domain::ResponseTargets;
use crate::storage::{Deadlines, RequestStatsStore, StorageError, Wait};

/// The statistics at `now`, each request judged against its category's
/// response-time targets (`targets`).
pub async fn statistics(
    store: &impl RequestStatsStore,
    targets: impl Fn(&str) -> ResponseTargets,
    default: ResponseTargets,
    now: i64,
) -> Result<Stats, StorageError> {
    let mut stats = Stats::default();
    let counts = store.request_counts().await?;
    for row in &counts {
        stats.total += row.count;
        *stats.by_state.entry(row.state.clone()).or_default() += row.count;
        let region = row.region.clone().unwrap_or_else(|| "none".into());
        *stats.by_region.entry(region).or_default() += row.count;
        *stats.by_category.entry(row.category.clone()).or_default() += row.count;
    }
    let by_category: Vec<(String, Deadlines)> =
        stats.by_category.keys().map(|c| (c.clone(), deadlines(targets(c)))).collect();
    let filed = store.filed_months(&by_category, deadlines(default), now).await?;
    let resolved = store.resolved_months().await?;

    let acknowledged: i64 = filed.iter().map(|m| m.acknowledged).sum();
    let resolved_total: i64 = resolved.iter().map(|(_, n)| n).sum();
    stats.median_hours_to_acknowledge =
        median_wait(store, Wait::Acknowledge, None, acknowledged).await?;
    stats.median_hours_to_resolve = median_wait(store, Wait::Resolve, None, resolved_total).await?;

    let mut months: BTreeMap<i64, Month> = BTreeMap::new();
    for f in &filed {
        let m = months.entry(f.month).or_default();
        m.filed = f.filed;
        m.share_acknowledged_within_target = share_of(f.ack_within, f.ack_judged);
        m.share_resolved_within_target = share_of(f.resolve_within, f.resolve_judged);
        m.median_hours_to_acknowledge =
            median_wait(store, Wait::Acknowledge, Some(f.month), f.acknowledged).await?;
    }
    for &(month, count) in &resolved {
        let m = months.entry(month).or_default();
        m.resolved = count;
        m.median_hours_to_resolve = median_wait(store, Wait::Resolve, Some(month), count).await?;
    }
    stats.per_month = months
        .into_iter()
        .map(|(key, mut m)| {
            m.month = month_name(key);
            m
        })
        .collect();
    Ok(stats)
}

fn deadlines(t: ResponseTargets) -> Deadlines {
    Deadlines { acknowledge_ms: t.acknowledge_ms, resolve_ms: t.resolve_ms }
}

/// The median (in hours) of the `count` waits of one kind and month.
async fn median_wait(
    store: &impl RequestStatsStore,
    wait: Wait,
    month: Option<i64>,
    count: i64,
) -> Result<Option<f64>, StorageError> {
    if count <= 0 {
        return Ok(None);
    }
    let (offset, take) = if count % 2 == 1 { ((count - 1) / 2, 1) } else { (count / 2 - 1, 2) };
    let middle = store.waits_at(wait, month, offset, take).await?;
    if middle.is_empty() {
        return Ok(None);
    }
    let sum: f64 = middle.iter().map(|&w| w as f64).sum();
    Ok(Some(hours_of(sum / middle.len() as f64)))
}
