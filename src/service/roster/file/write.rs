//! Writing the roster as a file, in the formats [`super::parse_roster`]
//! reads back: TOML (states and partners) or CSV (states only).

use super::CSV_HEADER;
use crate::domain::{CountryCode, Delegate, Network, Roster, RosterFormat, Seat};

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
    let mut out = String::from(
        "# peerlink roster: one [[state]] per state and one [[partner]] per partner, with their \
         delegates.\n",
    );
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
            .map(|d| delegate_line(d.user_id.as_str(), d.language.as_deref()))
            .collect();
        if !delegates.is_empty() {
            out.push_str(&format!("delegates = [\n{}\n]\n", delegates.join("\n")));
        }
    }
    for partner in roster.partners.values() {
        let names: Vec<String> = partner
            .names
            .0
            .iter()
            .map(|(language, name)| format!("{} = {}", toml_key(language), toml_string(name)))
            .collect();
        let regions: Vec<String> = partner.regions.iter().map(|r| toml_string(r)).collect();
        out.push_str(&format!(
            "\n[[partner]]\nid = \"{}\"\nkind = \"{}\"\nnames = {{ {} }}\nregions = [{}]\n",
            partner.id,
            partner.kind,
            names.join(", "),
            regions.join(", ")
        ));
        let delegates: Vec<String> = roster
            .delegates_of_seat(&Seat::Partner(partner.id.clone()))
            .into_iter()
            .map(|user| delegate_line(user.as_str(), roster.language_of(user.as_str())))
            .collect();
        if !delegates.is_empty() {
            out.push_str(&format!("delegates = [\n{}\n]\n", delegates.join("\n")));
        }
    }
    out
}

/// A bare key if it may be one (`en`), else quoted (`"zh-Hans"` may be bare too).
fn toml_key(key: &str) -> String {
    if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        key.to_owned()
    } else {
        toml_string(key)
    }
}

fn delegate_line(user: &str, language: Option<&str>) -> String {
    match language {
        Some(l) => format!("  {{ user = {}, language = {} }},", toml_string(user), toml_string(l)),
        None => format!("  {{ user = {} }},", toml_string(user)),
    }
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
