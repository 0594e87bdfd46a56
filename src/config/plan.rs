//! The action plan file (see `config/action-plan.example.toml`): pillars,
//! objectives and activities, read into a checked [`ActionPlan`] with every
//! problem reported as `file:line: …`.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{line_of, FileProblem, NetworkError};
use crate::domain::plan::{ActionPlan, Activity, ActivityStatus, Objective, Pillar};
use crate::domain::{delegate_language, LocalizedText, Seat, DELEGATE_LANGUAGES};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    title: Spanned<BTreeMap<String, String>>,
    #[serde(rename = "pillar", default)]
    pillars: Vec<PillarFile>,
    #[serde(rename = "objective", default)]
    objectives: Vec<ObjectiveFile>,
    #[serde(rename = "activity", default)]
    activities: Vec<ActivityFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PillarFile {
    id: Spanned<String>,
    name: Spanned<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ObjectiveFile {
    id: Spanned<String>,
    pillar: Spanned<String>,
    name: Spanned<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivityFile {
    id: Spanned<String>,
    objective: Spanned<String>,
    title: Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    lead: Option<Spanned<String>>,
    #[serde(default)]
    due: Option<Spanned<String>>,
    #[serde(default)]
    indicator: String,
    #[serde(default)]
    status: Option<Spanned<String>>,
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<FileProblem>,
}

impl Checker<'_> {
    fn at(&mut self, offset: usize, message: impl Into<String>) {
        let line = Some(line_of(self.text, offset));
        self.problems.push(FileProblem {
            file: self.file.to_owned(),
            line,
            message: message.into(),
        });
    }

    /// Names by catalog language, at least one.
    fn names(&mut self, raw: &Spanned<BTreeMap<String, String>>, what: &str) -> LocalizedText {
        let mut names = BTreeMap::new();
        for (language, name) in raw.get_ref() {
            match delegate_language(language) {
                Some(code) if !name.trim().is_empty() => {
                    names.insert(code, name.trim().to_owned());
                }
                Some(_) => {
                    self.at(raw.span().start, format!("{what}: the {language} text is empty"))
                }
                None => self.at(
                    raw.span().start,
                    format!(
                        "{what}: language `{language}` is not one of {}",
                        DELEGATE_LANGUAGES.join(", ")
                    ),
                ),
            }
        }
        if raw.get_ref().is_empty() {
            self.at(raw.span().start, format!("{what} needs a text in at least one language"));
        }
        LocalizedText(names)
    }

    /// An ID: lowercase letters, digits and `-`, unique among `seen`.
    fn id(&mut self, raw: &Spanned<String>, seen: &mut HashSet<String>, what: &str) -> String {
        let id = raw.get_ref().trim().to_lowercase();
        let ok = !id.is_empty()
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            self.at(
                raw.span().start,
                format!("{what} id `{id}` must be lowercase letters, digits and dashes"),
            );
        } else if !seen.insert(id.clone()) {
            self.at(raw.span().start, format!("{what} id `{id}` is used twice"));
        }
        id
    }
}

/// Reads an action plan file's text.
pub fn parse_plan(file: &str, text: &str) -> Result<ActionPlan, NetworkError> {
    let raw: PlanFile = toml::from_str(text).map_err(|e| {
        NetworkError(vec![FileProblem {
            file: file.to_owned(),
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().to_owned(),
        }])
    })?;
    let mut c = Checker { file, text, problems: Vec::new() };
    let title = c.names(&raw.title, "the plan's title");
    let mut plan = ActionPlan { title, ..ActionPlan::default() };
    let mut seen = HashSet::new();
    for p in &raw.pillars {
        let id = c.id(&p.id, &mut seen, "pillar");
        let names = c.names(&p.name, &format!("pillar `{id}`"));
        plan.pillars.push(Pillar { id, names });
    }
    let pillars: HashSet<String> = plan.pillars.iter().map(|p| p.id.clone()).collect();
    for o in &raw.objectives {
        let id = c.id(&o.id, &mut seen, "objective");
        let pillar = o.pillar.get_ref().trim().to_lowercase();
        if !pillars.contains(&pillar) {
            c.at(o.pillar.span().start, format!("objective `{id}`: no pillar `{pillar}`"));
        }
        let names = c.names(&o.name, &format!("objective `{id}`"));
        plan.objectives.push(Objective { id, pillar, names });
    }
    let objectives: HashSet<String> = plan.objectives.iter().map(|o| o.id.clone()).collect();
    for a in &raw.activities {
        let id = c.id(&a.id, &mut seen, "activity");
        let objective = a.objective.get_ref().trim().to_lowercase();
        if !objectives.contains(&objective) {
            c.at(a.objective.span().start, format!("activity `{id}`: no objective `{objective}`"));
        }
        let titles = c.names(&a.title, &format!("activity `{id}`"));
        let lead = a.lead.as_ref().and_then(|lead| match Seat::parse(lead.get_ref()) {
            Some(seat) => Some(seat.key()),
            None => {
                c.at(
                    lead.span().start,
                    format!(
                        "activity `{id}`: the lead `{}` is neither a country code nor a partner ID",
                        lead.get_ref()
                    ),
                );
                None
            }
        });
        let due =
            a.due.as_ref().and_then(|due| match crate::domain::when::parse_date(due.get_ref()) {
                Ok(date) => Some(date.format("%Y-%m-%d").to_string()),
                Err(e) => {
                    c.at(due.span().start, format!("activity `{id}`: {e}"));
                    None
                }
            });
        let status = match &a.status {
            None => ActivityStatus::Planned,
            Some(s) => ActivityStatus::parse(s.get_ref()).unwrap_or_else(|| {
                c.at(s.span().start, format!("activity `{id}`: `{}` is not a status (planned, in_progress, delayed, done, cancelled)", s.get_ref()));
                ActivityStatus::Planned
            }),
        };
        plan.activities.push(Activity {
            id,
            objective,
            titles,
            lead,
            due,
            indicator: a.indicator.trim().to_owned(),
            status,
        });
    }
    if c.problems.is_empty() {
        Ok(plan)
    } else {
        Err(NetworkError(c.problems))
    }
}

/// Loads the action plan file at `path`.
pub fn load_plan(path: &Path) -> Result<ActionPlan, NetworkError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        NetworkError(vec![FileProblem { file: file.clone(), line: None, message: e.to_string() }])
    })?;
    parse_plan(&file, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_plan_reads_with_its_three_pillars() {
        let text = include_str!("../../config/action-plan.example.toml");
        let plan = parse_plan("example", text).unwrap();
        let pillars: Vec<&str> = plan.pillars.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(pillars, ["capacity-building", "membership-expansion", "technical-cooperation"]);
        assert!(plan.activities.len() >= 6);
        assert!(plan.activities.iter().all(|a| plan.pillar_of(a).is_some()));
    }

    #[test]
    fn every_problem_is_reported_on_its_line() {
        let text = "title = { en = \"Plan\" }\n\
                    [[pillar]]\nid = \"cb\"\nname = { en = \"CB\" }\n\
                    [[objective]]\nid = \"o1\"\npillar = \"nope\"\nname = { en = \"O\" }\n\
                    [[activity]]\nid = \"a1\"\nobjective = \"o1\"\ntitle = { xx = \"A\" }\n\
                    lead = \"zz\"\ndue = \"2027-02-30\"\nstatus = \"finished\"\n\
                    [[activity]]\nid = \"a1\"\nobjective = \"o1\"\ntitle = { en = \"B\" }\n";
        let NetworkError(problems) = parse_plan("plan", text).unwrap_err();
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(
            lines,
            [Some(7), Some(12), Some(13), Some(14), Some(15), Some(17)],
            "{problems:?}"
        );
        assert!(problems[4].message.contains("not a status"), "{problems:?}");
        assert!(problems[5].message.contains("used twice"), "{problems:?}");
    }
}
