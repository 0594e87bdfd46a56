//! The command line as a user meets it: help, check-config, migrate.

mod common;

use common::cli::{self, CliOutput};

fn peerlink(args: &[&str], env: &[(&str, &str)], dir: &std::path::Path) -> CliOutput {
    cli::peerlink(dir, args, env)
}

fn text(output: &CliOutput) -> String {
    output.text()
}

#[test]
fn help_names_every_subcommand_and_the_secret_variables() {
    let dir = tempfile::tempdir().unwrap();
    let out = peerlink(&["--help"], &[], dir.path());
    let help = text(&out);
    assert!(out.ok());
    for word in ["run", "migrate", "check-config", "PEERLINK__MATRIX__PASSWORD"] {
        assert!(help.contains(word), "--help lacks {word}:\n{help}");
    }
}

#[test]
fn check_config_lists_every_problem_in_plain_words_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.toml");
    std::fs::write(
        &file,
        "[matrix]\nuser_id = \"peerlink\"\n[bot]\nadmins = [\"@ok:example.org\", \"admin\"]\n\
         default_language = \"xx\"\n[database]\nurl = \"mysql://db\"\n",
    )
    .unwrap();
    let out = peerlink(&["check-config", "--config", file.to_str().unwrap()], &[], dir.path());
    let report = text(&out);
    assert_eq!(out.code, Some(1), "{report}");
    for needle in [
        "matrix.user_id",
        "bot.admins[1]",
        "bot.default_language",
        "database.url",
        "PEERLINK__MATRIX__PASSWORD",
    ] {
        assert!(report.contains(needle), "the report lacks {needle}:\n{report}");
    }
}

#[test]
fn check_config_accepts_a_complete_configuration_and_never_prints_the_secret() {
    let dir = tempfile::tempdir().unwrap();
    let env = [
        ("PEERLINK__MATRIX__USER_ID", "@peerlink:example.org"),
        ("PEERLINK__MATRIX__PASSWORD", "correct-horse-battery"),
        ("PEERLINK__BOT__ADMINS", "[\"@coordinator:example.org\"]"),
    ];
    let out = peerlink(&["check-config"], &env, dir.path());
    let report = text(&out);
    assert!(out.ok(), "{report}");
    assert!(report.contains("The configuration is valid"), "{report}");
    assert!(report.contains("@coordinator:example.org"), "env overrides are applied: {report}");
    assert!(!report.contains("correct-horse-battery"), "the password leaked:\n{report}");
}

#[test]
fn a_secret_in_the_configuration_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret.toml");
    std::fs::write(&file, "[matrix]\naccess_token = \"syt_abc\"\n").unwrap();
    let out = peerlink(&["check-config", "-c", file.to_str().unwrap()], &[], dir.path());
    let report = text(&out);
    assert!(!out.ok());
    assert!(report.contains("PEERLINK__MATRIX__ACCESS_TOKEN"), "{report}");
    assert!(!report.contains("syt_abc"), "{report}");
}

#[test]
fn run_refuses_to_start_with_a_broken_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let out = peerlink(&["run"], &[], dir.path());
    let report = text(&out);
    assert_eq!(out.code, Some(2), "{report}");
    assert!(report.contains("matrix.user_id is not set"), "{report}");
}

#[test]
fn migrate_creates_the_default_sqlite_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = peerlink(&["migrate"], &[], dir.path());
    assert!(out.ok(), "{}", text(&out));
    assert!(dir.path().join("data/peerlink.db").exists());
    let again = peerlink(&["migrate"], &[], dir.path());
    assert!(text(&again).contains("0 migration(s) applied now"), "{}", text(&again));
}

#[test]
fn the_example_configuration_is_valid_once_a_secret_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/config/peerlink.example.toml");
    let env = [("PEERLINK__MATRIX__PASSWORD", "x")];
    let out = peerlink(&["check-config", "--config", example], &env, dir.path());
    assert!(out.ok(), "{}", text(&out));
}

#[test]
fn check_config_reports_a_broken_network_definition_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("regions.toml"),
        "[[region]]\nid = \"a\"\nname = { en = \"A\" }\ncountries = [\"MA\", \"ZZ\"]\n",
    )
    .unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/config/themes.toml"),
        dir.path().join("themes.toml"),
    )
    .unwrap();
    let network =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config/network.toml"))
            .unwrap()
            .replace("coordinator = \"MA\"", "coordinator = \"Morocco\"");
    std::fs::write(dir.path().join("network.toml"), network).unwrap();
    let env = [
        ("PEERLINK__MATRIX__USER_ID", "@peerlink:example.org"),
        ("PEERLINK__MATRIX__PASSWORD", "x"),
        ("PEERLINK__NETWORK__FILE", "network.toml"),
    ];
    let out = peerlink(&["check-config"], &env, dir.path());
    let report = text(&out);
    assert_eq!(out.code, Some(1), "{report}");
    assert!(report.contains("regions.toml:4: `ZZ`"), "{report}");
    assert!(report.contains("network.toml:") && report.contains("`Morocco`"), "{report}");
}

#[test]
fn a_failing_command_says_why_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/peerlink.db", dir.path().display());
    let out = peerlink(
        &["roster", "import", "no-such-roster.toml"],
        &[("PEERLINK__DATABASE__URL", db.as_str())],
        dir.path(),
    );
    let report = text(&out);
    assert_eq!(out.code, Some(1), "{report}");
    assert!(report.contains("no-such-roster.toml"), "{report}");
    let mentions = report.lines().filter(|l| l.contains("no-such-roster.toml")).count();
    assert_eq!(mentions, 1, "the error is printed once:\n{report}");
}

#[test]
fn a_bad_action_plan_is_reported_on_its_lines_and_the_example_passes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "title = { en = \"Plan\" }\n[[pillar]]\nid = \"cb\"\nname = { en = \"CB\" }\n\
         [[activity]]\nid = \"a1\"\nobjective = \"none\"\ntitle = { en = \"A\" }\nstatus = \"finished\"\n",
    )
    .unwrap();
    let env = [("PEERLINK__NETWORK__ACTION_PLAN", plan.to_str().unwrap())];
    let out = peerlink(&["check-config"], &env, dir.path());
    let report = text(&out);
    assert_eq!(out.code, Some(1), "{report}");
    let file = plan.display().to_string();
    assert!(report.contains(&format!("action plan: {file}:7")), "no objective: {report}");
    assert!(report.contains(&format!("action plan: {file}:9")), "bad status: {report}");
    // The example passes.
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/config/action-plan.example.toml");
    let out =
        peerlink(&["check-config"], &[("PEERLINK__NETWORK__ACTION_PLAN", example)], dir.path());
    assert!(!text(&out).contains("action plan"), "{}", text(&out));
}
