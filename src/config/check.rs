//! Checks of loaded settings that types cannot express, and a summary that
//! is safe to print. `peerlink check-config` shows both.

use secrecy::{ExposeSecret, SecretString};

use super::{env_name, redact_url, Settings};
use crate::domain::{Language, MatrixUserId};

impl Settings {
    /// Checks what types cannot: IDs, URLs, languages, secrets. Returns every
    /// problem found, in plain words; empty means the settings are usable.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.matrix.user_id.is_empty() {
            problems.push(format!(
                "matrix.user_id is not set: give the bot's full Matrix ID, \
                 e.g. @peerlink:example.org (or set {})",
                env_name("matrix.user_id")
            ));
        } else if let Err(e) = MatrixUserId::parse(&self.matrix.user_id) {
            problems.push(format!("matrix.user_id: {e}"));
        }
        if !matches!(self.matrix.homeserver_url.scheme(), "http" | "https") {
            problems.push(format!(
                "matrix.homeserver_url must start with http:// or https:// (got {})",
                self.matrix.homeserver_url
            ));
        }
        if self.matrix.password.is_none() && self.matrix.access_token.is_none() {
            problems.push(format!(
                "no credentials for the bot: set {} or {} in the environment",
                env_name("matrix.password"),
                env_name("matrix.access_token")
            ));
        }
        for (i, admin) in self.bot.admins.iter().enumerate() {
            if let Err(e) = MatrixUserId::parse(admin) {
                problems.push(format!("bot.admins[{i}]: {e}"));
            }
        }
        if self.bot.command_prefix.is_empty()
            || self.bot.command_prefix.chars().any(char::is_whitespace)
        {
            problems.push("bot.command_prefix must be non-empty and contain no spaces".to_owned());
        }
        if Language::parse(&self.bot.default_language).is_none() {
            problems.push(format!(
                "bot.default_language `{}` is not available; choose one of: {}",
                self.bot.default_language,
                Language::ALL.map(|l| l.code()).join(", ")
            ));
        }
        if let Err(e) = crate::storage::DatabaseKind::from_url(&self.database.url) {
            problems.push(format!("database.url: {e}"));
        }
        if let Err(e) = self.load_network() {
            problems.extend(e.0.iter().map(|p| format!("network definition: {p}")));
        }
        if let Err(e) = self.load_plan() {
            problems.extend(e.0.iter().map(|p| format!("action plan: {p}")));
        }
        if let Err(e) = self.load_guidance() {
            problems.extend(e.0.iter().map(|p| format!("guidance library: {p}")));
        }
        if self.http.enabled && self.http.listen.parse::<std::net::SocketAddr>().is_err() {
            problems.push(format!(
                "http.listen `{}` is not an address like 127.0.0.1:8090",
                self.http.listen
            ));
        }
        for (i, t) in self.http.tokens.iter().enumerate() {
            if !matches!(t.scope.as_str(), "calendar" | "reports" | "roster") {
                problems
                    .push(format!("http.tokens[{i}].scope must be calendar, reports or roster"));
            }
            if t.sha256.len() != 64 || !t.sha256.chars().all(|c| c.is_ascii_hexdigit()) {
                problems.push(format!(
                    "http.tokens[{i}].sha256 must be 64 hex digits (use `peerlink token new`)"
                ));
            }
        }
        if self.database.max_connections == 0 {
            problems.push("database.max_connections must be at least 1".to_owned());
        }
        problems
    }

    /// A summary safe to print: secrets appear only as set / not set.
    pub fn redacted_summary(&self) -> String {
        let set = |s: &Option<SecretString>| match s {
            Some(v) if !v.expose_secret().is_empty() => "set",
            _ => "not set",
        };
        format!(
            "data_dir = {}\nmatrix.homeserver_url = {}\nmatrix.user_id = {}\n\
             matrix.device_name = {}\nmatrix.password = ({})\nmatrix.access_token = ({})\n\
             matrix.store_passphrase = ({})\nbot.admins = {:?}\nbot.command_prefix = {:?}\n\
             bot.default_language = {}\ndatabase.url = {}\ndatabase.max_connections = {}\n\
             log.format = {:?}\nlog.level = {}\nnetwork.file = {}",
            self.data_dir.display(),
            self.matrix.homeserver_url,
            self.matrix.user_id,
            self.matrix.device_name,
            set(&self.matrix.password),
            set(&self.matrix.access_token),
            set(&self.matrix.store_passphrase),
            self.bot.admins,
            self.bot.command_prefix,
            self.bot.default_language,
            redact_url(&self.database.url),
            self.database.max_connections,
            self.log.format,
            self.log.level,
            self.network_file()
                .map_or_else(|| "(built-in)".to_owned(), |p| p.display().to_string()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_every_bad_value_in_plain_words() {
        let mut s = Settings::default();
        s.matrix.user_id = "peerlink".into();
        s.bot.admins = vec!["@ok:example.org".into(), "admin".into()];
        s.bot.default_language = "xx".into();
        s.database.url = "mysql://x".into();
        let problems = s.problems();
        let all = problems.join("\n");
        assert!(all.contains("matrix.user_id"), "{all}");
        assert!(all.contains("bot.admins[1]"), "{all}");
        assert!(!all.contains("bot.admins[0]"), "{all}");
        assert!(all.contains("bot.default_language"), "{all}");
        assert!(all.contains("database.url"), "{all}");
        assert!(all.contains("PEERLINK__MATRIX__PASSWORD"), "{all}");
    }

    #[test]
    fn the_summary_never_shows_secrets() {
        let mut s = Settings::default();
        s.matrix.password = Some(SecretString::from("hunter2"));
        s.database.url = "postgres://u:pgsecret@127.0.0.1/db".into();
        let text = s.redacted_summary();
        assert!(!text.contains("hunter2") && !text.contains("pgsecret"), "{text}");
        assert!(text.contains("matrix.password = (set)"), "{text}");
    }
}
