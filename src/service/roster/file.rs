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
//! ```
//!
//! CSV (one row per delegate; a state without delegates has an empty
//! `delegate` cell): `country,region,status,mechanism,delegate,language`.
//! The `region` field/column is optional; when given it must match the
//! network's regions file.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use crate::config::{line_of, FileProblem};
use crate::domain::{
    delegate_language, CountryCode, Delegate, MatrixUserId, Network, Roster, RosterFormat, State,
    Status, DELEGATE_LANGUAGES,
};

/// The CSV header.
pub const CSV_HEADER: [&str; 6] =
    ["country", "region", "status", "mechanism", "delegate", "language"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(rename = "state", default)]
    states: Vec<TomlState>,
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

    fn delegate(&mut self, line: usize, state: CountryCode, user: &str, language: Option<&str>) {
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
            return self.problem(line, format!("{user_id} is already a delegate on line {first}; a person represents one state"));
        }
        self.delegate_lines.insert(user_id.clone(), line);
        self.roster.delegates.insert(user_id.clone(), Delegate { user_id, state, language });
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
                code,
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
            b.delegate(line, code, cell(delegate), Some(cell(language)));
        }
    }
    b.finish()
}

/// Writes `roster` in `format` (states by code, delegates by user ID).
pub fn write_roster(roster: &Roster, format: RosterFormat, network: &Network) -> String {
    let region = |code: CountryCode| {
        network.regions.region_of(code).map(|r| r.id.clone()).unwrap_or_default()
    };
    match format {
        RosterFormat::Toml => write_toml(roster, region),
        RosterFormat::Csv => write_csv(roster, region),
    }
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn write_toml(roster: &Roster, region: impl Fn(CountryCode) -> String) -> String {
    let mut out = String::from("# peerlink roster: one [[state]] per state, with its delegates.\n");
    for state in roster.states.values() {
        out.push_str(&format!(
            "\n[[state]]\n# {}\ncode = \"{}\"\nregion = {}\nstatus = \"{}\"\n",
            state.code.name("en"),
            state.code,
            toml_string(&region(state.code)),
            state.status
        ));
        if let Some(m) = &state.mechanism {
            out.push_str(&format!("mechanism = {}\n", toml_string(m)));
        }
        let delegates: Vec<String> = roster
            .delegates_of(state.code)
            .map(|d| match &d.language {
                Some(l) => format!(
                    "  {{ user = {}, language = {} }},",
                    toml_string(d.user_id.as_str()),
                    toml_string(l)
                ),
                None => format!("  {{ user = {} }},", toml_string(d.user_id.as_str())),
            })
            .collect();
        if !delegates.is_empty() {
            out.push_str(&format!("delegates = [\n{}\n]\n", delegates.join("\n")));
        }
    }
    out
}

fn write_csv(roster: &Roster, region: impl Fn(CountryCode) -> String) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<[String; 6]> = Vec::new();
    for state in roster.states.values() {
        let base = |d: Option<&Delegate>| {
            [
                state.code.to_string(),
                region(state.code),
                state.status.to_string(),
                state.mechanism.clone().unwrap_or_default(),
                d.map(|d| d.user_id.to_string()).unwrap_or_default(),
                d.and_then(|d| d.language.clone()).unwrap_or_default(),
            ]
        };
        let mut any = false;
        for d in roster.delegates_of(state.code) {
            rows.push(base(Some(d)));
            any = true;
        }
        if !any {
            rows.push(base(None));
        }
    }
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(CSV_HEADER);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    writer.into_inner().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::load_network;

    fn network() -> Network {
        load_network(None).unwrap()
    }

    fn problems(text: &str, format: RosterFormat) -> Vec<FileProblem> {
        parse_roster("roster", text, format, &network()).unwrap_err()
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(64))]
        // Any text, as TOML or CSV: a roster or line-numbered problems, never a panic.
        #[test]
        fn fuzz_roster_files_never_panic(text in "\\PC{0,400}") {
            let net = network();
            for format in [RosterFormat::Toml, RosterFormat::Csv] {
                if let Err(problems) = parse_roster("f", &text, format, &net) {
                    proptest::prop_assert!(!problems.is_empty());
                }
            }
        }

        #[test]
        fn fuzz_csv_rows_of_near_valid_cells(rows in proptest::collection::vec(
            ("[A-Z]{2}", "(member|observer|founding|x)", "@[a-z]{1,5}:[a-z]{1,5}\\.org|[a-z@:]{0,8}"),
            0..20,
        )) {
            let mut text = String::from("country,status,mechanism,delegate,language\n");
            for (country, status, user) in &rows {
                text.push_str(&format!("{country},{status},,{user},\n"));
            }
            let _ = parse_roster("f.csv", &text, RosterFormat::Csv, &network());
        }
    }

    #[test]
    fn the_example_roster_names_the_three_committee_states() {
        let text = include_str!("../../../config/roster.example.toml");
        let roster = parse_roster("example", text, RosterFormat::Toml, &network()).unwrap();
        let codes: Vec<&str> = roster.states.keys().map(CountryCode::as_str).collect();
        assert_eq!(codes, ["MA", "PT", "PY"]);
        assert_eq!(roster.delegates.len(), 4);
    }

    #[test]
    fn an_unknown_country_code_is_reported_on_its_line() {
        let text = "[[state]]\ncode = \"MA\"\nstatus = \"member\"\n\n[[state]]\ncode = \"XK\"\nstatus = \"member\"\n";
        let p = problems(text, RosterFormat::Toml);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(6));
        assert!(p[0].message.contains("`XK`"), "{p:?}");
    }

    #[test]
    fn a_duplicate_delegate_is_reported_with_both_lines() {
        let text = "country,status,mechanism,delegate,language\n\
                    MA,member,,@a:ma.example,fr\n\
                    PT,member,,@b:pt.example,pt\n\
                    PY,member,,@a:ma.example,es\n";
        let p = problems(text, RosterFormat::Csv);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(4));
        assert!(p[0].message.contains("already a delegate on line 2"), "{p:?}");
    }

    #[test]
    fn a_malformed_user_id_is_reported_on_its_line() {
        let text = "[[state]]\ncode = \"MA\"\nstatus = \"member\"\ndelegates = [\n  { user = \"@ok:ma.example\" },\n  { user = \"didh\" },\n]\n";
        let p = problems(text, RosterFormat::Toml);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(6));
        assert!(p[0].message.contains("must start with @"), "{p:?}");
    }

    #[test]
    fn a_state_listed_in_two_regions_is_reported() {
        let text = "country,region,status,mechanism,delegate,language\n\
                    MA,africa,member,,@a:ma.example,\n\
                    MA,asia-pacific,member,,@b:ma.example,\n";
        let p = problems(text, RosterFormat::Csv);
        assert!(
            p.iter().any(|p| p.line == Some(3) && p.message.contains("in `africa` on line 2")),
            "{p:?}"
        );
    }

    #[test]
    fn a_region_that_contradicts_the_network_is_reported() {
        let text = "[[state]]\ncode = \"MA\"\nregion = \"asia-pacific\"\nstatus = \"member\"\n";
        let p = problems(text, RosterFormat::Toml);
        assert_eq!(p[0].line, Some(3), "{p:?}");
        assert!(p[0].message.contains("belongs to region `africa`"), "{p:?}");
    }

    #[test]
    fn a_bad_status_and_a_bad_language_are_each_reported() {
        let text = "[[state]]\ncode = \"MA\"\nstatus = \"guest\"\n\n[[state]]\ncode = \"PT\"\nstatus = \"member\"\ndelegates = [{ user = \"@a:pt.example\", language = \"xx\" }]\n";
        let p = problems(text, RosterFormat::Toml);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!((p[0].line, p[1].line), (Some(3), Some(8)), "{p:?}");
    }

    #[test]
    fn exports_read_back_to_the_same_roster_in_both_formats() {
        let net = network();
        let text = include_str!("../../../config/roster.example.toml");
        let mut roster = parse_roster("example", text, RosterFormat::Toml, &net).unwrap();
        roster
            .add_state(State {
                code: CountryCode::parse("CL").unwrap(),
                status: Status::Observer,
                mechanism: Some("Quote \" and, comma".into()),
            })
            .unwrap();
        for format in [RosterFormat::Toml, RosterFormat::Csv] {
            let written = write_roster(&roster, format, &net);
            let read = parse_roster("export", &written, format, &net)
                .unwrap_or_else(|p| panic!("{format:?}: {p:?}\n{written}"));
            assert_eq!(read, roster, "{format:?}");
        }
    }
}
