//! Roster files: problems reported on their lines, round trips, fuzzing.

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
    let text = include_str!("../../../../config/roster.example.toml");
    let roster = parse_roster("example", text, RosterFormat::Toml, &network()).unwrap();
    let codes: Vec<&str> = roster.states.keys().map(CountryCode::as_str).collect();
    assert_eq!(codes, ["MA", "PT", "PY"]);
    assert_eq!(roster.delegates.len(), 4);
    let ohchr = roster.find_partner("OHCHR").expect("the example has a partner");
    assert!(ohchr.name("fr").starts_with("Haut-Commissariat"), "{}", ohchr.name("fr"));
    assert_eq!(roster.partner_delegates.len(), 1);
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
fn partner_tables_report_each_problem_on_its_line() {
    let text = "[[state]]\ncode = \"MA\"\nstatus = \"member\"\ndelegates = [{ user = \"@a:ma.example\" }]\n\n\
                [[partner]]\nid = \"un\"\nkind = \"un_body\"\nnames = { en = \"UN\" }\n\n\
                [[partner]]\nid = \"undp\"\nkind = \"bank\"\nnames = { en = \"UNDP\" }\n\n\
                [[partner]]\nid = \"ohchr\"\nkind = \"un_body\"\nnames = { xx = \"OHCHR\" }\nregions = [\"atlantis\"]\n\
                delegates = [{ user = \"@a:ma.example\" }]\n";
    let p = problems(text, RosterFormat::Toml);
    let lines: Vec<Option<usize>> = p.iter().map(|p| p.line).collect();
    assert_eq!(lines, [Some(7), Some(13), Some(19), Some(20), Some(21)], "{p:?}");
    assert!(p[0].message.contains("not a partner ID"), "{p:?}");
    assert!(p[1].message.contains("not a partner kind"), "{p:?}");
    assert!(p[2].message.contains("`xx`"), "{p:?}");
    assert!(p[3].message.contains("atlantis"), "{p:?}");
    assert!(p[4].message.contains("already a delegate on line 4"), "{p:?}");
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
    let text = include_str!("../../../../config/roster.example.toml");
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
        let mut expected = roster.clone();
        if format == RosterFormat::Csv {
            // CSV describes states only.
            expected.partners.clear();
            expected.partner_delegates.clear();
        }
        assert_eq!(read, expected, "{format:?}");
    }
}
