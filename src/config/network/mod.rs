//! Loading the network definition (`config/network.toml` and the regions
//! file it names) into a checked [`Network`], with every problem reported
//! as `file:line: what is wrong`.
//!
//! The defaults shipped in `config/` are also compiled into the binary, so a
//! bare `peerlink` knows the network without any file.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::domain::membership::default_majority;
use crate::domain::{
    Category, CountryCode, Language, LocalizedText, MembershipRules, Network, Region, RegionMap,
    ResponseTargets, RoomPolicy, RoomSettings,
};

const DEFAULT_NETWORK: &str = include_str!("../../../config/network.toml");
const DEFAULT_REGIONS: &str = include_str!("../../../config/regions.toml");
const DEFAULT_THEMES: &str = include_str!("../../../config/themes.toml");

mod themes;

/// The digests' default time: Mondays at 09:00 on the network's clock.
const DEFAULT_DIGEST: crate::domain::when::Weekly = crate::domain::when::Weekly {
    weekday: chrono::Weekday::Mon,
    time: match chrono::NaiveTime::from_hms_opt(9, 0, 0) {
        Some(t) => t,
        None => chrono::NaiveTime::MIN,
    },
};

/// One problem in a network or regions file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file (or `(built-in)`).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// All problems found in a network definition.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct NetworkError(pub Vec<FileProblem>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkFile {
    name: BTreeMap<String, String>,
    short_name: BTreeMap<String, String>,
    regions: String,
    /// The themes file (default: the built-in `config/themes.toml`).
    #[serde(default)]
    themes: Option<String>,
    committee: Vec<Spanned<String>>,
    coordinator: Spanned<String>,
    #[serde(rename = "category", default)]
    categories: Vec<CategoryFile>,
    #[serde(default)]
    rooms: RoomsFile,
    #[serde(default)]
    time_zone: Option<Spanned<String>>,
    #[serde(default)]
    targets: TargetsFile,
    #[serde(default)]
    digest: DigestFile,
    #[serde(default)]
    membership: MembershipFile,
}

/// How membership applications are decided: `majority` committee states in
/// favour (default: more than half), within `deadline` (default `14d`).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MembershipFile {
    #[serde(default)]
    majority: Option<Spanned<usize>>,
    #[serde(default)]
    deadline: Option<Spanned<String>>,
}

/// When the weekly digests are posted: `weekly = "monday 09:00"` on the
/// network's clock, or `"off"`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DigestFile {
    #[serde(default)]
    weekly: Option<Spanned<String>>,
}

/// Response targets as durations (`7d`, `36h`, `3s`); unset: the defaults
/// (or, in a category, the network's).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TargetsFile {
    #[serde(default)]
    acknowledge: Option<Spanned<String>>,
    #[serde(default)]
    resolve: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    id: Spanned<String>,
    name: BTreeMap<String, String>,
    #[serde(default)]
    observers: bool,
    #[serde(default)]
    acknowledge: Option<Spanned<String>>,
    #[serde(default)]
    resolve: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RoomsFile {
    #[serde(default)]
    plenary: PolicyFile,
    #[serde(default)]
    regional: PolicyFile,
    #[serde(default = "PolicyFile::encrypted")]
    committee: PolicyFile,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    #[serde(default)]
    encrypted: bool,
    #[serde(default)]
    announcement_only: bool,
    #[serde(default)]
    languages: Vec<Spanned<String>>,
}

impl PolicyFile {
    fn encrypted() -> Self {
        Self { encrypted: true, ..Self::default() }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    #[serde(rename = "region", default)]
    regions: Vec<RegionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionFile {
    id: Spanned<String>,
    name: BTreeMap<String, String>,
    countries: Vec<Spanned<String>>,
}

/// Collects problems against one file's text.
pub(super) struct Reporter<'a> {
    file: String,
    text: &'a str,
    problems: Vec<FileProblem>,
}

impl<'a> Reporter<'a> {
    pub(super) fn new(file: String, text: &'a str) -> Self {
        Self { file, text, problems: Vec::new() }
    }

    pub(super) fn at(&mut self, offset: Option<usize>, message: impl Into<String>) {
        let line = offset.map(|o| line_of(self.text, o));
        self.problems.push(FileProblem { file: self.file.clone(), line, message: message.into() });
    }

    pub(super) fn parse<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        match toml::from_str(self.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let offset = e.span().map(|s| s.start);
                self.at(offset, e.message().to_owned());
                None
            }
        }
    }
}

/// 1-based line number of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Loads the network from `path`, or the built-in default when `None`.
pub fn load_network(path: Option<&Path>) -> Result<Network, NetworkError> {
    let Some(path) = path else {
        return parse_network("(built-in network.toml)", DEFAULT_NETWORK, |name| match name {
            "themes.toml" => Ok(("(built-in themes.toml)".to_owned(), DEFAULT_THEMES.to_owned())),
            _ => Ok(("(built-in regions.toml)".to_owned(), DEFAULT_REGIONS.to_owned())),
        });
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        NetworkError(vec![FileProblem {
            file: path.display().to_string(),
            line: None,
            message: format!("cannot read the file: {e}"),
        }])
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    parse_network(&path.display().to_string(), &text, |name: &str| {
        let companion: PathBuf = dir.join(name);
        std::fs::read_to_string(&companion)
            .map(|t| (companion.display().to_string(), t))
            .map_err(|e| format!("cannot read the file {}: {e}", companion.display()))
    })
}

fn parse_network(
    file: &str,
    text: &str,
    read_companion: impl Fn(&str) -> Result<(String, String), String>,
) -> Result<Network, NetworkError> {
    let mut rep = Reporter::new(file.to_owned(), text);
    let Some(raw) = rep.parse::<NetworkFile>() else {
        return Err(NetworkError(rep.problems));
    };
    let taxonomy = match &raw.themes {
        None => themes::parse_themes("(built-in themes.toml)", DEFAULT_THEMES),
        Some(name) => match read_companion(name) {
            Ok((themes_file, themes_text)) => themes::parse_themes(&themes_file, &themes_text),
            Err(message) => {
                Err(NetworkError(vec![FileProblem { file: file.to_owned(), line: None, message }]))
            }
        },
    };
    let regions = match read_companion(&raw.regions) {
        Ok((regions_file, regions_text)) => parse_regions(&regions_file, &regions_text),
        Err(message) => {
            Err(NetworkError(vec![FileProblem { file: file.to_owned(), line: None, message }]))
        }
    };
    let country = |rep: &mut Reporter<'_>, raw: &Spanned<String>| {
        CountryCode::parse(raw.get_ref())
            .map_err(|e| rep.at(Some(raw.span().start), e.to_string()))
            .ok()
    };
    let committee: Vec<CountryCode> =
        raw.committee.iter().filter_map(|c| country(&mut rep, c)).collect();
    let coordinator = country(&mut rep, &raw.coordinator);
    if raw.committee.is_empty() {
        rep.at(None, "`committee` lists no state; the Executive Committee needs at least one");
    }
    if !raw.name.contains_key("en") || !raw.short_name.contains_key("en") {
        rep.at(None, "`name` and `short_name` need at least an English text (en = \"…\")");
    }
    let time_zone = match &raw.time_zone {
        None => chrono_tz::UTC,
        Some(zone) => crate::domain::when::parse_zone(zone.get_ref()).unwrap_or_else(|e| {
            rep.at(Some(zone.span().start), e.to_string());
            chrono_tz::UTC
        }),
    };
    let defaults = ResponseTargets {
        acknowledge_ms: duration(&mut rep, raw.targets.acknowledge.as_ref())
            .unwrap_or(ResponseTargets::DEFAULT.acknowledge_ms),
        resolve_ms: duration(&mut rep, raw.targets.resolve.as_ref())
            .unwrap_or(ResponseTargets::DEFAULT.resolve_ms),
    };
    let digest = match &raw.digest.weekly {
        None => Some(DEFAULT_DIGEST),
        Some(w) if w.get_ref().trim().eq_ignore_ascii_case("off") => None,
        Some(w) => crate::domain::when::parse_weekly(w.get_ref())
            .map_err(|e| rep.at(Some(w.span().start), e.to_string()))
            .ok(),
    };
    let mut categories: Vec<Category> = Vec::new();
    for c in &raw.categories {
        let id = c.id.get_ref();
        if !is_slug(id) {
            rep.at(
                Some(c.id.span().start),
                format!("category id `{id}` must be lowercase letters, digits and dashes"),
            );
        } else if categories.iter().any(|k| &k.id == id) {
            rep.at(Some(c.id.span().start), format!("category id `{id}` is used twice"));
        } else {
            let targets = ResponseTargets {
                acknowledge_ms: duration(&mut rep, c.acknowledge.as_ref())
                    .unwrap_or(defaults.acknowledge_ms),
                resolve_ms: duration(&mut rep, c.resolve.as_ref()).unwrap_or(defaults.resolve_ms),
            };
            if targets.resolve_ms < targets.acknowledge_ms {
                rep.at(
                    Some(c.id.span().start),
                    format!("category `{id}`: `resolve` is shorter than `acknowledge`"),
                );
            }
            categories.push(Category {
                id: id.clone(),
                names: LocalizedText(c.name.clone()),
                observers: c.observers,
                targets,
            });
        }
    }
    let rooms = RoomSettings {
        plenary: policy(raw.rooms.plenary, &mut rep),
        regional: policy(raw.rooms.regional, &mut rep),
        committee: policy(raw.rooms.committee, &mut rep),
    };
    let membership = MembershipRules {
        majority: match &raw.membership.majority {
            None => default_majority(committee.len()),
            Some(m) if (1..=committee.len().max(1)).contains(m.get_ref()) => *m.get_ref(),
            Some(m) => {
                rep.at(
                    Some(m.span().start),
                    format!(
                        "`majority` must be between 1 and the {} committee states",
                        committee.len()
                    ),
                );
                1
            }
        },
        deadline_ms: duration(&mut rep, raw.membership.deadline.as_ref())
            .unwrap_or(14 * crate::domain::DAY_MS),
    };
    let mut problems = rep.problems;
    let regions = match regions {
        Ok(map) => Some(map),
        Err(NetworkError(mut more)) => {
            problems.append(&mut more);
            None
        }
    };
    let themes = match taxonomy {
        Ok(t) => Some(t),
        Err(NetworkError(mut more)) => {
            problems.append(&mut more);
            None
        }
    };
    match (regions, coordinator, themes, problems.is_empty()) {
        (Some(regions), Some(coordinator), Some(themes), true) => Ok(Network {
            name: LocalizedText(raw.name),
            short_name: LocalizedText(raw.short_name),
            regions,
            committee,
            coordinator,
            categories,
            rooms,
            time_zone,
            digest,
            membership,
            themes,
        }),
        _ => Err(NetworkError(problems)),
    }
}

/// A room policy; a language the catalog does not carry is reported on its line.
fn policy(p: PolicyFile, rep: &mut Reporter<'_>) -> RoomPolicy {
    let mut languages = Vec::new();
    for raw in &p.languages {
        match Language::parse(raw.get_ref()) {
            Some(l) if !languages.contains(&l) => languages.push(l),
            Some(_) => {
                rep.at(Some(raw.span().start), format!("`{}` is listed twice", raw.get_ref()))
            }
            None => rep.at(
                Some(raw.span().start),
                format!(
                    "`{}` is not a catalog language; use {}",
                    raw.get_ref(),
                    Language::ALL.map(|l| l.code()).join(", ")
                ),
            ),
        }
    }
    RoomPolicy { encrypted: p.encrypted, announcement_only: p.announcement_only, languages }
}

/// A duration written for people (`7d`, `36h`, `90s`), in milliseconds;
/// `None` (and a problem on its line) when it does not read or is zero.
fn duration(rep: &mut Reporter<'_>, raw: Option<&Spanned<String>>) -> Option<i64> {
    let raw = raw?;
    let parsed = humantime::parse_duration(raw.get_ref().trim())
        .ok()
        .and_then(|d| i64::try_from(d.as_millis()).ok())
        .filter(|ms| *ms > 0);
    if parsed.is_none() {
        rep.at(
            Some(raw.span().start),
            format!("`{}` is not a duration; write e.g. \"7d\", \"36h\" or \"30s\"", raw.get_ref()),
        );
    }
    parsed
}

fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Parses a regions file; each state must be a known code listed once.
pub fn parse_regions(file: &str, text: &str) -> Result<RegionMap, NetworkError> {
    let mut rep = Reporter::new(file.to_owned(), text);
    let Some(raw) = rep.parse::<RegionsFile>() else {
        return Err(NetworkError(rep.problems));
    };
    let mut seen: HashMap<CountryCode, (String, usize)> = HashMap::new();
    let mut regions = Vec::new();
    for r in raw.regions {
        let id = r.id.get_ref().clone();
        let mut countries = Vec::new();
        for c in &r.countries {
            let offset = c.span().start;
            match CountryCode::parse(c.get_ref()) {
                Err(e) => rep.at(Some(offset), e.to_string()),
                Ok(code) => match seen.get(&code) {
                    Some((first, line)) => rep.at(
                        Some(offset),
                        format!("{code} is already listed in region `{first}` (line {line}); a state belongs to one region"),
                    ),
                    None => {
                        seen.insert(code, (id.clone(), line_of(text, offset)));
                        countries.push(code);
                    }
                },
            }
        }
        regions.push((r.id.span().start, Region { id, names: LocalizedText(r.name), countries }));
    }
    if regions.is_empty() {
        rep.at(None, "no [[region]] is defined");
    }
    let offsets: Vec<usize> = regions.iter().map(|(o, _)| *o).collect();
    let regions: Vec<Region> = regions.into_iter().map(|(_, r)| r).collect();
    if !rep.problems.is_empty() {
        return Err(NetworkError(rep.problems));
    }
    RegionMap::new(regions.clone()).map_err(|errors| {
        for e in errors {
            let offset = match &e {
                crate::domain::RegionError::DuplicateId(id)
                | crate::domain::RegionError::BadId(id)
                | crate::domain::RegionError::NoEnglishName(id) => {
                    regions.iter().rposition(|r| &r.id == id).map(|i| offsets[i])
                }
                crate::domain::RegionError::CountryInTwoRegions { .. } => None,
            };
            rep.at(offset, e.to_string());
        }
        NetworkError(rep.problems)
    })
}

#[cfg(test)]
mod tests;
