//! Tests of `network`.

use super::*;

#[test]
fn the_default_regions_map_every_un_member_state_exactly_once() {
    let network = load_network(None).unwrap();
    let mut mapped: Vec<CountryCode> =
        network.regions.regions().iter().flat_map(|r| r.countries.clone()).collect();
    let total = mapped.len();
    mapped.sort();
    mapped.dedup();
    assert_eq!(total, 193, "193 states mapped");
    assert_eq!(mapped.len(), 193, "no state twice");
    assert_eq!(mapped, CountryCode::un_members(), "exactly the UN member states");
    assert!(network.regions.regions().len() >= 5);
}

#[test]
fn the_default_network_names_the_committee_and_coordinator_of_the_background_text() {
    let network = load_network(None).unwrap();
    let committee: Vec<&str> = network.committee.iter().map(CountryCode::as_str).collect();
    assert_eq!(committee, ["PY", "PT", "MA"]);
    assert_eq!(network.coordinator.as_str(), "MA");
    assert!(network.rooms.committee.encrypted, "the committee room is encrypted by default");
    assert_eq!(network.categories.len(), 5);
}

#[test]
fn the_files_in_config_are_the_built_in_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/network.toml");
    let from_file = load_network(Some(&path)).unwrap();
    let built_in = load_network(None).unwrap();
    assert_eq!(from_file.regions.regions(), built_in.regions.regions());
}

#[test]
fn a_state_in_two_regions_is_reported_with_its_line() {
    let text = "[[region]]\nid = \"a\"\nname = { en = \"A\" }\ncountries = [\"MA\"]\n\n\
                [[region]]\nid = \"b\"\nname = { en = \"B\" }\ncountries = [\"PT\",\n \"MA\"]\n";
    let err = parse_regions("regions.toml", text).unwrap_err();
    assert_eq!(err.0.len(), 1, "{err}");
    assert_eq!(err.0[0].line, Some(10), "{err}");
    assert!(err.0[0].message.contains("region `a` (line 4)"), "{err}");
}

#[test]
fn an_unknown_country_code_is_reported_with_its_line() {
    let text = "[[region]]\nid = \"a\"\nname = { en = \"A\" }\ncountries = [\"MA\",\n\"XX\"]\n";
    let err = parse_regions("r.toml", text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.toml:5: `XX` is not an ISO 3166-1 alpha-2 country code (two letters, like MA or PY)"
    );
}

#[test]
fn a_syntax_error_is_reported_with_its_line() {
    let err = parse_regions("r.toml", "[[region]]\nid = \"a\"\nname = \n").unwrap_err();
    assert_eq!(err.0[0].line, Some(3), "{err}");
}

#[test]
fn room_languages_are_read_and_a_wrong_one_is_reported_with_its_line() {
    let with = |rooms: &str| {
        DEFAULT_NETWORK.replace("[rooms.committee]\n", &format!("[rooms.committee]\n{rooms}\n"))
    };
    let ok = with("languages = [\"zh\", \"ru\", \"ar\"]");
    let network = parse_network("n.toml", &ok, |name| match name {
        "themes.toml" => Ok(("t".into(), super::DEFAULT_THEMES.into())),
        _ => Ok(("r".into(), DEFAULT_REGIONS.into())),
    })
    .unwrap();
    use crate::domain::Language::{Ar, Ru, ZhHans};
    assert_eq!(network.rooms.committee.languages, [ZhHans, Ru, Ar]);
    let bad = with("languages = [\"ru\",\n  \"klingon\"]");
    let err = parse_network("n.toml", &bad, |name| match name {
        "themes.toml" => Ok(("t".into(), super::DEFAULT_THEMES.into())),
        _ => Ok(("r".into(), DEFAULT_REGIONS.into())),
    });
    let err = err.unwrap_err().to_string();
    let line = bad.lines().position(|l| l.contains("klingon")).unwrap() + 1;
    assert!(err.contains(&format!("n.toml:{line}: `klingon` is not a catalog language")), "{err}");
}
