//! Tests of the settings.

use super::*;

fn write(dir: &tempfile::TempDir, text: &str) -> PathBuf {
    let path = dir.path().join("peerlink.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_file_overrides_defaults_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "[bot]\ncommand_prefix = \"?\"\n");
    let s =
        Settings::load_with_env(&ConfigSource::Explicit(path), Env::prefixed("NOPE__")).unwrap();
    assert_eq!(s.bot.command_prefix, "?");
    assert_eq!(s.database.url, "sqlite://data/peerlink.db");
}

#[test]
fn a_password_written_in_the_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "[matrix]\npassword = \"hunter2\"\n");
    let err = Settings::load_with_env(&ConfigSource::Explicit(path), Env::prefixed("NOPE__"))
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("PEERLINK__MATRIX__PASSWORD"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
}

#[test]
fn an_unknown_key_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "[bot]\nadmin = []\n");
    let err = Settings::load_with_env(&ConfigSource::Explicit(path), Env::prefixed("NOPE__"))
        .unwrap_err();
    assert!(err.to_string().contains("admin"), "{err}");
}

#[test]
fn a_missing_explicit_file_is_an_error() {
    let err = Settings::load_with_env(
        &ConfigSource::Explicit("/nonexistent/peerlink.toml".into()),
        Env::prefixed("NOPE__"),
    )
    .unwrap_err();
    assert!(matches!(err, ConfigError::MissingFile(_)));
}

#[test]
fn env_names_follow_the_section_key_scheme() {
    assert_eq!(env_name("matrix.access_token"), "PEERLINK__MATRIX__ACCESS_TOKEN");
}
