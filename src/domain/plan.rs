//! The network's action plan: pillars (capacity building, membership
//! expansion, technical cooperation), their objectives and activities, each
//! with a lead (a state or a partner), a due date, an indicator and a
//! status. The plan is defined in a file; statuses change from chat and
//! requests and offers are linked to activities. Progress by pillar is
//! computed here.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::LocalizedText;

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityStatus {
    /// Not started.
    Planned,
    /// Under way.
    InProgress,
    /// Behind its due date or stalled.
    Delayed,
    /// Done.
    Done,
    /// Dropped.
    Cancelled,
}

impl ActivityStatus {
    /// Every status.
    pub const ALL: [ActivityStatus; 5] = [
        ActivityStatus::Planned,
        ActivityStatus::InProgress,
        ActivityStatus::Delayed,
        ActivityStatus::Done,
        ActivityStatus::Cancelled,
    ];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityStatus::Planned => "planned",
            ActivityStatus::InProgress => "in_progress",
            ActivityStatus::Delayed => "delayed",
            ActivityStatus::Done => "done",
            ActivityStatus::Cancelled => "cancelled",
        }
    }

    /// Reads a status (any case, `-` or `_`, `started` for in progress).
    pub fn parse(raw: &str) -> Option<Self> {
        let word = raw.trim().to_lowercase().replace('-', "_");
        match word.as_str() {
            "started" | "ongoing" => Some(ActivityStatus::InProgress),
            "completed" | "complete" => Some(ActivityStatus::Done),
            "canceled" => Some(ActivityStatus::Cancelled),
            _ => Self::ALL.into_iter().find(|s| s.as_str() == word),
        }
    }
}

impl fmt::Display for ActivityStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A pillar of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pillar {
    /// Slug, unique (`capacity-building`).
    pub id: String,
    /// Its name in each language it is given in.
    pub names: LocalizedText,
}

/// An objective, under a pillar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objective {
    /// Slug, unique.
    pub id: String,
    /// Its pillar's ID.
    pub pillar: String,
    /// Its name.
    pub names: LocalizedText,
}

/// An activity, under an objective.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// Short ID people type (`cb-1`), unique.
    pub id: String,
    /// Its objective's ID.
    pub objective: String,
    /// What it is.
    pub titles: LocalizedText,
    /// Who leads it: a state's code or a partner's ID, if anyone.
    pub lead: Option<String>,
    /// When it is due (`YYYY-MM-DD`), if set.
    pub due: Option<String>,
    /// How success is measured.
    pub indicator: String,
    /// Its status in the file (chat updates come on top).
    pub status: ActivityStatus,
}

/// The whole plan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionPlan {
    /// Its title.
    pub title: LocalizedText,
    /// Pillars, in the file's order.
    pub pillars: Vec<Pillar>,
    /// Objectives, in the file's order.
    pub objectives: Vec<Objective>,
    /// Activities, in the file's order.
    pub activities: Vec<Activity>,
}

impl ActionPlan {
    /// The activity `id` (any case).
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        let id = id.trim().to_lowercase();
        self.activities.iter().find(|a| a.id == id)
    }

    /// The pillar whose ID or name (any language, any case) is `query`.
    pub fn pillar(&self, query: &str) -> Option<&Pillar> {
        let q = query.trim().to_lowercase();
        self.pillars.iter().find(|p| p.id == q || p.names.0.values().any(|n| n.to_lowercase() == q))
    }

    /// The pillar an activity belongs to.
    pub fn pillar_of(&self, activity: &Activity) -> Option<&Pillar> {
        let objective = self.objectives.iter().find(|o| o.id == activity.objective)?;
        self.pillars.iter().find(|p| p.id == objective.pillar)
    }

    /// The activities under `pillar`, in order.
    pub fn activities_of<'a>(&'a self, pillar: &'a str) -> impl Iterator<Item = &'a Activity> {
        self.activities.iter().filter(move |a| self.pillar_of(a).is_some_and(|p| p.id == pillar))
    }
}

/// A pillar's progress.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PillarProgress {
    /// The pillar's ID.
    pub pillar: String,
    /// Its activities (cancelled ones not counted).
    pub activities: usize,
    /// Of which done.
    pub done: usize,
    /// `done / activities` (0 to 1; `None` without activities).
    pub share_done: Option<f64>,
    /// Requests linked to its activities.
    pub requests_linked: usize,
    /// Of which resolved with cooperation delivered (fully or in part).
    pub outcomes_delivered: usize,
}

/// Each pillar's progress, given the activities' current `statuses`, the
/// requests linked to each activity and the requests whose outcome
/// delivered cooperation.
pub fn progress(
    plan: &ActionPlan,
    statuses: &BTreeMap<String, ActivityStatus>,
    links: &BTreeMap<String, BTreeSet<i64>>,
    delivered: &BTreeSet<i64>,
) -> Vec<PillarProgress> {
    plan.pillars
        .iter()
        .map(|pillar| {
            let mut activities = 0;
            let mut done = 0;
            let mut requests: BTreeSet<i64> = BTreeSet::new();
            for a in plan.activities_of(&pillar.id) {
                let status = statuses.get(&a.id).copied().unwrap_or(a.status);
                if status != ActivityStatus::Cancelled {
                    activities += 1;
                    done += usize::from(status == ActivityStatus::Done);
                }
                requests.extend(links.get(&a.id).into_iter().flatten());
            }
            PillarProgress {
                pillar: pillar.id.clone(),
                activities,
                done,
                share_done: (activities > 0).then(|| done as f64 / activities as f64),
                requests_linked: requests.len(),
                outcomes_delivered: requests.intersection(delivered).count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> LocalizedText {
        LocalizedText([("en".to_owned(), s.to_owned())].into())
    }

    fn plan() -> ActionPlan {
        let activity = |id: &str, objective: &str, status| Activity {
            id: id.into(),
            objective: objective.into(),
            titles: text(id),
            lead: Some("MA".into()),
            due: None,
            indicator: String::new(),
            status,
        };
        ActionPlan {
            title: text("Plan"),
            pillars: vec![
                Pillar { id: "capacity-building".into(), names: text("Capacity building") },
                Pillar { id: "membership".into(), names: text("Membership expansion") },
            ],
            objectives: vec![
                Objective { id: "cb".into(), pillar: "capacity-building".into(), names: text("x") },
                Objective { id: "me".into(), pillar: "membership".into(), names: text("y") },
            ],
            activities: vec![
                activity("cb-1", "cb", ActivityStatus::Done),
                activity("cb-2", "cb", ActivityStatus::Planned),
                activity("cb-3", "cb", ActivityStatus::Planned),
                activity("me-1", "me", ActivityStatus::Cancelled),
            ],
        }
    }

    #[test]
    fn progress_counts_current_statuses_links_and_delivered_outcomes_per_pillar() {
        let plan = plan();
        let statuses = [("cb-2".to_owned(), ActivityStatus::Done)].into();
        let links = [("cb-1".to_owned(), [1, 2].into()), ("cb-3".to_owned(), [2, 3].into())].into();
        let delivered = [2, 3, 9].into();
        let p = progress(&plan, &statuses, &links, &delivered);
        assert_eq!((p[0].activities, p[0].done), (3, 2));
        assert!((p[0].share_done.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!((p[0].requests_linked, p[0].outcomes_delivered), (3, 2));
        assert_eq!((p[1].activities, p[1].share_done), (0, None), "cancelled ones do not count");
    }

    #[test]
    fn activities_and_pillars_are_found_leniently() {
        let plan = plan();
        assert_eq!(plan.activity(" CB-2 ").unwrap().id, "cb-2");
        assert_eq!(plan.pillar("Membership expansion").unwrap().id, "membership");
        assert_eq!(plan.pillar_of(plan.activity("me-1").unwrap()).unwrap().id, "membership");
        assert_eq!(ActivityStatus::parse("In-Progress"), Some(ActivityStatus::InProgress));
        assert_eq!(ActivityStatus::parse("finished"), None);
    }
}

/// How many states had each status at the end of one month.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MonthMembership {
    /// `YYYY-MM` (UTC).
    pub month: String,
    /// Founding members.
    pub founding_member: usize,
    /// Members that joined later.
    pub member: usize,
    /// Observers.
    pub observer: usize,
}

/// The network's membership at the end of each month, from the first state
/// change to the month of `now`: `changes` are (time, state, status after
/// the change; `None` when the state left), oldest first.
pub fn membership_by_month(
    changes: &[(i64, String, Option<super::Status>)],
    now: i64,
) -> Vec<MonthMembership> {
    use chrono::{Datelike, TimeZone};
    let month_of = |ms: i64| {
        let t = chrono::Utc.timestamp_millis_opt(ms).single().unwrap_or_default();
        (t.year(), t.month())
    };
    let Some(first) = changes.first() else { return Vec::new() };
    let (mut year, mut month) = month_of(first.0);
    let end = month_of(now.max(first.0));
    let mut statuses: BTreeMap<String, super::Status> = BTreeMap::new();
    let mut next = 0;
    let mut months = Vec::new();
    loop {
        while next < changes.len() && month_of(changes[next].0) <= (year, month) {
            let (_, state, status) = &changes[next];
            match status {
                Some(status) => statuses.insert(state.clone(), *status),
                None => statuses.remove(state),
            };
            next += 1;
        }
        let count = |s: super::Status| statuses.values().filter(|v| **v == s).count();
        months.push(MonthMembership {
            month: format!("{year:04}-{month:02}"),
            founding_member: count(super::Status::FoundingMember),
            member: count(super::Status::Member),
            observer: count(super::Status::Observer),
        });
        if (year, month) >= end {
            break months;
        }
        (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    }
}

#[cfg(test)]
mod membership_tests {
    use super::*;
    use crate::domain::Status;

    #[test]
    fn membership_is_counted_at_each_months_end_across_years() {
        const DAY: i64 = 86_400_000;
        let nov_2026 = 1_793_491_200_000; // 2026-11-01
        let changes = vec![
            (nov_2026, "MA".to_owned(), Some(Status::FoundingMember)),
            (nov_2026 + DAY, "CL".to_owned(), Some(Status::Observer)),
            (nov_2026 + 40 * DAY, "CL".to_owned(), Some(Status::Member)),
            (nov_2026 + 70 * DAY, "FR".to_owned(), Some(Status::Observer)),
            (nov_2026 + 71 * DAY, "FR".to_owned(), None),
        ];
        let months = membership_by_month(&changes, nov_2026 + 100 * DAY);
        let summary: Vec<(&str, usize, usize, usize)> = months
            .iter()
            .map(|m| (m.month.as_str(), m.founding_member, m.member, m.observer))
            .collect();
        assert_eq!(
            summary,
            [
                ("2026-11", 1, 0, 1),
                ("2026-12", 1, 1, 0),
                ("2027-01", 1, 1, 0),
                ("2027-02", 1, 1, 0)
            ]
        );
        assert!(membership_by_month(&[], 0).is_empty());
    }
}
