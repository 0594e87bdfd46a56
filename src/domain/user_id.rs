//! Matrix user IDs as the domain sees them: always full, server part included.
//!
//! Authorization compares whole IDs. `@alice:example.org` and
//! `@alice:evil.example` are different people, whatever their display names.

use std::fmt;

/// A syntactically valid, full Matrix user ID (`@localpart:server`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MatrixUserId(String);

/// Why a text is not a full Matrix user ID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserIdError {
    /// Does not start with `@`.
    #[error("`{0}` is not a Matrix user ID: it must start with @, like @name:example.org")]
    NoSigil(String),
    /// No `:server` part.
    #[error("`{0}` has no server part: write the full ID, like @name:example.org")]
    NoServer(String),
    /// Empty or invalid localpart.
    #[error("`{0}` has an invalid name part: use lowercase letters, digits and . _ = - /")]
    BadLocalpart(String),
    /// Empty or invalid server name.
    #[error("`{0}` has an invalid server name")]
    BadServer(String),
    /// Longer than the 255 bytes the Matrix specification allows.
    #[error("a Matrix user ID is at most 255 bytes long")]
    TooLong,
}

impl MatrixUserId {
    /// Parses a full user ID. Localparts follow the historical grammar that
    /// homeservers still accept (any printable ASCII but `:`); server names
    /// are a host name or IP literal with an optional port.
    pub fn parse(raw: &str) -> Result<Self, UserIdError> {
        if raw.len() > 255 {
            return Err(UserIdError::TooLong);
        }
        let rest = raw.strip_prefix('@').ok_or_else(|| UserIdError::NoSigil(raw.to_owned()))?;
        let (local, server) =
            rest.split_once(':').ok_or_else(|| UserIdError::NoServer(raw.to_owned()))?;
        if local.is_empty() || !local.chars().all(|c| c.is_ascii_graphic() && c != ':') {
            return Err(UserIdError::BadLocalpart(raw.to_owned()));
        }
        if !valid_server_name(server) {
            return Err(UserIdError::BadServer(raw.to_owned()));
        }
        Ok(MatrixUserId(raw.to_owned()))
    }

    /// The whole ID.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the first `:` (host and optional port).
    pub fn server_name(&self) -> &str {
        server_name_of(&self.0)
    }
}

/// The server part of a user ID given as text (after the first `:`; empty
/// when there is none): where an invitation to that user goes.
pub fn server_name_of(user_id: &str) -> &str {
    user_id.split_once(':').map_or("", |(_, s)| s)
}

fn valid_server_name(server: &str) -> bool {
    let (host, port) = match server.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((addr, rest)) => (addr, rest.strip_prefix(':')),
            None => return false,
        },
        None => match server.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (server, None),
        },
    };
    let host_ok = !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.parse::<u16>().is_ok());
    host_ok && port_ok
}

impl fmt::Display for MatrixUserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn fuzz_parsed_ids_always_have_a_sigil_and_a_server(raw in "\\PC{0,300}") {
            if let Ok(id) = MatrixUserId::parse(&raw) {
                proptest::prop_assert!(id.as_str().starts_with('@'));
                proptest::prop_assert!(!id.server_name().is_empty());
                proptest::prop_assert!(id.as_str().len() <= 255);
            }
        }
    }

    #[test]
    fn full_ids_with_ports_and_ip_literals_are_accepted() {
        for ok in ["@a:example.org", "@bot:localhost:8008", "@x.y=z:[::1]:8448", "@u:127.0.0.1"] {
            assert!(MatrixUserId::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn ids_without_sigil_or_server_are_rejected_with_a_reason() {
        assert!(matches!(MatrixUserId::parse("alice"), Err(UserIdError::NoSigil(_))));
        assert!(matches!(MatrixUserId::parse("@alice"), Err(UserIdError::NoServer(_))));
        assert!(matches!(MatrixUserId::parse("@:x.org"), Err(UserIdError::BadLocalpart(_))));
        assert!(matches!(MatrixUserId::parse("@a:"), Err(UserIdError::BadServer(_))));
        assert!(matches!(MatrixUserId::parse("@a:x.org:99999"), Err(UserIdError::BadServer(_))));
        assert!(matches!(MatrixUserId::parse("@a b:x.org"), Err(UserIdError::BadLocalpart(_))));
    }

    #[test]
    fn the_server_part_is_what_follows_the_first_colon() {
        let id = MatrixUserId::parse("@a:localhost:8008").unwrap();
        assert_eq!(id.server_name(), "localhost:8008");
    }
}
