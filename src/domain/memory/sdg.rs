//! The Sustainable Development Goals: 17 goals and 169 targets with a short
//! name in every catalog language, compiled in (`sdg.toml` beside this
//! file), and the codes people type for them (`16`, `16.3`, `SDG 16.a`).

use std::fmt;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::domain::LocalizedText;

/// The catalog, parsed once (the file is part of the binary and checked by
/// a unit test, so a parse failure is a build defect).
pub static SDG: LazyLock<SdgCatalog> = LazyLock::new(|| {
    SdgCatalog::parse(include_str!("sdg.toml")).unwrap_or_else(|e| {
        // Stated invariant: the compiled-in file parses (tested below).
        panic!("the compiled-in SDG catalog does not parse: {e}")
    })
});

/// A goal (`16`) or a target of one (`16.3`, `16.a`), as checked against
/// the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SdgCode {
    goal: u8,
    target: Option<String>,
}

impl SdgCode {
    /// The goal's number (1 to 17).
    pub fn goal(&self) -> u8 {
        self.goal
    }

    /// Whether this is a whole goal rather than one target.
    pub fn is_goal(&self) -> bool {
        self.target.is_none()
    }

    /// The codes a document tagged with this one is found under: the
    /// target and its goal.
    pub fn with_goal(&self) -> Vec<String> {
        let mut codes = vec![self.goal.to_string()];
        if self.target.is_some() {
            codes.push(self.to_string());
        }
        codes
    }
}

impl fmt::Display for SdgCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.target {
            Some(t) => write!(f, "{}.{t}", self.goal),
            None => write!(f, "{}", self.goal),
        }
    }
}

#[derive(Deserialize)]
struct CatalogFile {
    goal: Vec<Entry>,
    target: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    number: Option<u8>,
    #[serde(default)]
    id: Option<String>,
    #[serde(flatten)]
    names: std::collections::BTreeMap<String, String>,
}

/// The goals and targets with their names.
#[derive(Debug, Clone)]
pub struct SdgCatalog {
    goals: Vec<(u8, LocalizedText)>,
    targets: Vec<(SdgCode, LocalizedText)>,
}

impl SdgCatalog {
    fn parse(text: &str) -> Result<Self, String> {
        let file: CatalogFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let goals = file
            .goal
            .into_iter()
            .map(|g| g.number.map(|n| (n, LocalizedText(g.names))).ok_or("a goal has no number"))
            .collect::<Result<Vec<_>, _>>()?;
        let mut targets = Vec::new();
        for t in file.target {
            let id = t.id.ok_or("a target has no id")?;
            let code = split(&id).ok_or_else(|| format!("bad target id {id}"))?;
            targets.push((code, LocalizedText(t.names)));
        }
        Ok(Self { goals, targets })
    }

    /// Every goal, in order.
    pub fn goals(&self) -> impl Iterator<Item = (u8, &LocalizedText)> {
        self.goals.iter().map(|(n, names)| (*n, names))
    }

    /// Every target, in order.
    pub fn targets(&self) -> impl Iterator<Item = (&SdgCode, &LocalizedText)> {
        self.targets.iter().map(|(c, names)| (c, names))
    }

    /// The code typed as `raw` (`16`, `16.3`, `16.A`, `SDG16.3`, `sdg 5`),
    /// if the catalog has it.
    pub fn parse_code(&self, raw: &str) -> Option<SdgCode> {
        let trimmed = raw.trim();
        let lower = trimmed.to_ascii_lowercase();
        let bare = match lower.strip_prefix("sdg") {
            Some(rest) => rest.trim_start_matches([' ', '-']),
            None => lower.as_str(),
        };
        let code = split(bare)?;
        let known = match &code.target {
            None => self.goals.iter().any(|(n, _)| *n == code.goal),
            Some(_) => self.targets.iter().any(|(c, _)| *c == code),
        };
        known.then_some(code)
    }

    /// The name of `code` in `lang` (a target's, or a goal's).
    pub fn name(&self, code: &SdgCode, lang: &str) -> String {
        let names = match &code.target {
            None => self.goals.iter().find(|(n, _)| *n == code.goal).map(|(_, t)| t),
            Some(_) => self.targets.iter().find(|(c, _)| c == code).map(|(_, t)| t),
        };
        names.map_or_else(String::new, |t| t.get(lang).to_owned())
    }

    /// `SDG 16.3 (Rule of law…)` in `lang`.
    pub fn label(&self, code: &SdgCode, lang: &str) -> String {
        format!("SDG {code} ({})", self.name(code, lang))
    }
}

/// `16` or `16.3` / `16.a` into its parts, without checking the catalog.
fn split(raw: &str) -> Option<SdgCode> {
    let (goal, target) = match raw.split_once('.') {
        Some((g, t)) => (g, Some(t)),
        None => (raw, None),
    };
    let goal: u8 = goal.parse().ok().filter(|g| (1..=17).contains(g))?;
    let target = match target {
        None => None,
        Some(t) if !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit()) => {
            Some(t.trim_start_matches('0').to_owned()).filter(|t| !t.is_empty())
        }
        Some(t) if t.len() == 1 && t.chars().all(|c| c.is_ascii_lowercase()) => Some(t.to_owned()),
        Some(_) => return None,
    };
    Some(SdgCode { goal, target })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::language::Language;

    #[test]
    fn the_catalog_has_17_goals_and_169_targets_named_in_every_language() {
        assert_eq!(SDG.goals().count(), 17);
        assert_eq!(SDG.targets().count(), 169);
        let mut seen = std::collections::HashSet::new();
        for (code, names) in SDG.targets() {
            assert!(seen.insert(code.clone()), "{code} twice");
            for lang in Language::ALL {
                assert!(names.0.get(lang.code()).is_some_and(|n| !n.is_empty()), "{code} {lang:?}");
            }
        }
        for (n, names) in SDG.goals() {
            for lang in Language::ALL {
                assert!(names.0.get(lang.code()).is_some_and(|t| !t.is_empty()), "{n} {lang:?}");
            }
        }
        let per_goal = |g: u8| SDG.targets().filter(|(c, _)| c.goal() == g).count();
        assert_eq!((per_goal(16), per_goal(17), per_goal(3)), (12, 19, 13));
    }

    #[test]
    fn codes_are_read_as_people_type_them_and_checked_against_the_catalog() {
        let code = |raw| SDG.parse_code(raw).map(|c| c.to_string());
        assert_eq!(code("16.3").as_deref(), Some("16.3"));
        assert_eq!(code("SDG 16.A").as_deref(), Some("16.a"));
        assert_eq!(code("sdg5").as_deref(), Some("5"));
        assert_eq!(code(" 17.19 ").as_deref(), Some("17.19"));
        for bad in ["0", "18", "16.13", "16.z", "1.6", "abc", "", "16.", ".3", "16.3.1", "-1"] {
            assert_eq!(code(bad), None, "{bad}");
        }
        let target = SDG.parse_code("16.3").unwrap();
        assert_eq!(target.with_goal(), ["16", "16.3"]);
        assert!(SDG.label(&target, "fr").starts_with("SDG 16.3 ("));
    }
}
