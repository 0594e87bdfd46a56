//! Roster files, TOML or CSV: the whole roster as admins write it, read into
//! a checked [`Roster`] with every problem reported as `file:line: …`, and
//! written back in the same formats.
//!
//! TOML:
//!
//! ```toml
//! [[state]]
//! code = "MA"
//! status = "founding_member"
//! mechanism = "Interministerial Delegation for Human Rights (DIDH)"
//! delegates = [{ user = "@delegate:example.org", language = "fr" }]
//!
//! [[partner]]
//! id = "ohchr"
//! kind = "un_body"
//! names = { en = "Office of the UN High Commissioner for Human Rights", fr = "…" }
//! regions = ["africa"]
//! delegates = [{ user = "@ohchr:example.org", language = "en" }]
//! ```
//!
//! CSV (one row per delegate; a state without delegates has an empty
//! `delegate` cell): `country,region,status,mechanism,delegate,language`.
//! The `region` field/column is optional; when given it must match the
//! network's regions file. CSV describes states only: partners are written
//! in TOML, and a CSV import leaves them as they are.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Deserialize;
use toml::Spanned;

use crate::config::{line_of, FileProblem};
use crate::domain::{
    delegate_language, CountryCode, LocalizedText, MatrixUserId, Network, Partner, PartnerId,
    PartnerKind, Roster, RosterFormat, Seat, State, Status, DELEGATE_LANGUAGES,
};

/// The CSV header.
pub const CSV_HEADER: [&str; 6] =
    ["country", "region", "status", "mechanism", "delegate", "language"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(rename = "state", default)]
    states: Vec<TomlState>,
    #[serde(rename = "partner", default)]
    partners: Vec<TomlPartner>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlPartner {
    id: Spanned<String>,
    kind: Spanned<String>,
    names: Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    regions: Vec<Spanned<String>>,
    #[serde(default)]
    delegates: Vec<TomlDelegate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlState {
    code: Spanned<String>,
    status: Spanned<String>,
    mechanism: Option<String>,
    region: Option<Spanned<String>>,
    #[serde(default)]
    delegates: Vec<TomlDelegate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlDelegate {
    user: Spanned<String>,
    language: Option<Spanned<String>>,
}

/// Builds a roster from rows, checking each against the network.
struct Builder<'a> {
    file: &'a str,
    network: &'a Network,
    roster: Roster,
    state_lines: HashMap<CountryCode, usize>,
    partner_lines: HashMap<PartnerId, usize>,
    delegate_lines: HashMap<MatrixUserId, usize>,
    region_claims: HashMap<CountryCode, (String, usize)>,
    problems: Vec<FileProblem>,
}

/// One state as a file gives it.
struct StateRow<'r> {
    code: &'r str,
    line: usize,
    status: &'r str,
    status_line: usize,
    mechanism: Option<String>,
    /// The region the file claims, with its line (optional column).
    region: Option<(&'r str, usize)>,
}

impl<'a> Builder<'a> {
    fn new(file: &'a str, network: &'a Network) -> Self {
        Self {
            file,
            network,
            roster: Roster::default(),
            state_lines: HashMap::new(),
            partner_lines: HashMap::new(),
            delegate_lines: HashMap::new(),
            region_claims: HashMap::new(),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(FileProblem {
            file: self.file.to_owned(),
            line: Some(line),
            message: message.into(),
        });
    }

    /// A state row; `merge` allows the same state on several rows (CSV) if
    /// the rows agree.
    fn state(&mut self, row: StateRow<'_>, merge: bool) -> Option<CountryCode> {
        let code = match CountryCode::parse(row.code) {
            Ok(c) => c,
            Err(e) => {
                self.problem(row.line, e.to_string());
                return None;
            }
        };
        let region = self.network.regions.region_of(code).map(|r| r.id.clone());
        if region.is_none() {
            self.problem(
                row.line,
                format!("{code} is in no region of the network; add it to the regions file first"),
            );
        }
        if let Some((claimed, line)) = row.region.filter(|(c, _)| !c.is_empty()) {
            match self.region_claims.get(&code).cloned() {
                Some((other, other_line)) if other != claimed => self.problem(
                    line,
                    format!(
                        "{code} is listed in region `{claimed}` here and in `{other}` on line \
                         {other_line}; a state belongs to one region"
                    ),
                ),
                Some(_) => {}
                None => {
                    if let Some(actual) = region.as_deref().filter(|a| *a != claimed) {
                        self.problem(
                            line,
                            format!(
                                "{code} belongs to region `{actual}` in the network definition, \
                                 not `{claimed}`"
                            ),
                        );
                    }
                    self.region_claims.insert(code, (claimed.to_owned(), line));
                }
            }
        }
        let status = match Status::parse(row.status) {
            Ok(s) => s,
            Err(e) => {
                self.problem(row.status_line, e.to_string());
                return None;
            }
        };
        let mechanism = row.mechanism.map(|m| m.trim().to_owned()).filter(|m| !m.is_empty());
        let state = State { code, status, mechanism };
        match self.roster.states.get(&code) {
            Some(existing) if merge && *existing == state => {}
            Some(_) => {
                let first = self.state_lines[&code];
                let why = if merge {
                    "given with different details than on"
                } else {
                    "already listed on"
                };
                self.problem(row.line, format!("{code} is {why} line {first}"));
            }
            None => {
                self.state_lines.insert(code, row.line);
                self.roster.states.insert(code, state);
            }
        }
        Some(code)
    }

    /// A partner table.
    fn partner(&mut self, raw: &TomlPartner, text: &str) -> Option<PartnerId> {
        let line = line_of(text, raw.id.span().start);
        let id = match PartnerId::parse(raw.id.get_ref()) {
            Ok(id) => id,
            Err(e) => {
                self.problem(line, e.to_string());
                return None;
            }
        };
        if let Some(first) = self.partner_lines.get(&id) {
            let first = *first;
            self.problem(line, format!("{id} is already listed on line {first}"));
            return None;
        }
        let kind = match PartnerKind::parse(raw.kind.get_ref()) {
            Ok(k) => k,
            Err(e) => {
                self.problem(line_of(text, raw.kind.span().start), e.to_string());
                return None;
            }
        };
        let names_line = line_of(text, raw.names.span().start);
        let mut names = BTreeMap::new();
        for (language, name) in raw.names.get_ref() {
            let Some(code) = delegate_language(language) else {
                let known = DELEGATE_LANGUAGES.join(", ");
                self.problem(names_line, format!("language `{language}` is not one of {known}"));
                continue;
            };
            if name.trim().is_empty() {
                self.problem(names_line, format!("the {code} name of {id} is empty"));
                continue;
            }
            names.insert(code, name.trim().to_owned());
        }
        if raw.names.get_ref().is_empty() {
            self.problem(names_line, format!("{id} needs a name in at least one language"));
        }
        let mut regions = BTreeSet::new();
        for region in &raw.regions {
            let line = line_of(text, region.span().start);
            match self.network.regions.find(region.get_ref()) {
                Some(r) => {
                    regions.insert(r.id.clone());
                }
                None => self.problem(
                    line,
                    format!("`{}` is not a region of the network", region.get_ref()),
                ),
            }
        }
        self.partner_lines.insert(id.clone(), line);
        let partner = Partner { id: id.clone(), kind, names: LocalizedText(names), regions };
        self.roster.partners.insert(id.clone(), partner);
        Some(id)
    }

    fn delegate(&mut self, line: usize, seat: Seat, user: &str, language: Option<&str>) {
        let user_id = match MatrixUserId::parse(user.trim()) {
            Ok(u) => u,
            Err(e) => return self.problem(line, e.to_string()),
        };
        let language = match language.map(str::trim).filter(|l| !l.is_empty()) {
            None => None,
            Some(l) => match delegate_language(l) {
                Some(l) => Some(l),
                None => {
                    let (l, known) = (l.to_lowercase(), DELEGATE_LANGUAGES.join(", "));
                    return self.problem(line, format!("language `{l}` is not one of {known}"));
                }
            },
        };
        if let Some(first) = self.delegate_lines.get(&user_id) {
            let first = *first;
            return self.problem(line, format!("{user_id} is already a delegate on line {first}; a person holds one seat, of a state or a partner"));
        }
        self.delegate_lines.insert(user_id.clone(), line);
        // Each person once (checked above), each seat in the roster: cannot fail.
        let _ = self.roster.add_seat_delegate(&seat, user_id, language);
    }

    fn finish(self) -> Result<Roster, Vec<FileProblem>> {
        if self.problems.is_empty() {
            Ok(self.roster)
        } else {
            Err(self.problems)
        }
    }
}

/// Reads a roster file's text.
pub fn parse_roster(
    file: &str,
    text: &str,
    format: RosterFormat,
    network: &Network,
) -> Result<Roster, Vec<FileProblem>> {
    match format {
        RosterFormat::Toml => parse_toml(file, text, network),
        RosterFormat::Csv => parse_csv(file, text, network),
    }
}

fn parse_toml(file: &str, text: &str, network: &Network) -> Result<Roster, Vec<FileProblem>> {
    let raw: TomlFile = toml::from_str(text).map_err(|e| {
        vec![FileProblem {
            file: file.to_owned(),
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().to_owned(),
        }]
    })?;
    let mut b = Builder::new(file, network);
    for s in &raw.states {
        let row = StateRow {
            code: s.code.get_ref(),
            line: line_of(text, s.code.span().start),
            status: s.status.get_ref(),
            status_line: line_of(text, s.status.span().start),
            mechanism: s.mechanism.clone(),
            region: s
                .region
                .as_ref()
                .map(|r| (r.get_ref().as_str(), line_of(text, r.span().start))),
        };
        let Some(code) = b.state(row, false) else {
            continue;
        };
        for d in &s.delegates {
            let line = line_of(text, d.user.span().start);
            b.delegate(
                line,
                Seat::State(code),
                d.user.get_ref(),
                d.language.as_ref().map(|l| l.get_ref().as_str()),
            );
        }
    }
    for p in &raw.partners {
        let Some(id) = b.partner(p, text) else {
            continue;
        };
        for d in &p.delegates {
            let line = line_of(text, d.user.span().start);
            b.delegate(
                line,
                Seat::Partner(id.clone()),
                d.user.get_ref(),
                d.language.as_ref().map(|l| l.get_ref().as_str()),
            );
        }
    }
    b.finish()
}

fn parse_csv(file: &str, text: &str, network: &Network) -> Result<Roster, Vec<FileProblem>> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let problem = |line: usize, message: String| FileProblem {
        file: file.to_owned(),
        line: Some(line),
        message,
    };
    let headers = reader.headers().map_err(|e| vec![problem(1, e.to_string())])?.clone();
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(country), Some(status)) = (column("country"), column("status")) else {
        return Err(vec![problem(
            1,
            format!("the header must name the columns {}", CSV_HEADER.join(",")),
        )]);
    };
    let (mechanism, delegate, language, region) =
        (column("mechanism"), column("delegate"), column("language"), column("region"));
    let mut b = Builder::new(file, network);
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
                b.problem(line, e.to_string());
                continue;
            }
        };
        let line = record.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("");
        let row = StateRow {
            code: cell(Some(country)),
            line,
            status: cell(Some(status)),
            status_line: line,
            mechanism: Some(cell(mechanism).to_owned()),
            region: region.map(|_| (cell(region), line)),
        };
        let Some(code) = b.state(row, true) else {
            continue;
        };
        if !cell(delegate).is_empty() {
            b.delegate(line, Seat::State(code), cell(delegate), Some(cell(language)));
        }
    }
    b.finish()
}

mod write;
pub use write::write_roster;

#[cfg(test)]
mod tests;
