//! API tokens: stored as SHA-256 hashes, in the database (`peerlink token
//! new|list|revoke`, effective at once) or in the configuration file;
//! presented as `Authorization: Bearer <token>`. Configured hashes are
//! compared in constant time; stored ones are looked up by hash (the hash of
//! a random token tells an attacker nothing to aim at).

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::error::ApiError;
use crate::config::TokenSettings;
use crate::storage::{Database, TokenStore};

/// What a token may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// The network's calendar only (`/api/v1/calendar.ics`): what a
    /// delegate pastes into their calendar application.
    Calendar,
    /// Requests, statistics, outcomes, roster without user IDs, seminars.
    Reports,
    /// All of that, plus delegates' user IDs.
    Roster,
}

/// The configured tokens, and the database's.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    entries: Vec<(String, Scope, [u8; 32])>,
    db: Option<Database>,
}

impl Scope {
    /// `calendar`, `reports` or `roster`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "calendar" => Some(Scope::Calendar),
            "reports" => Some(Scope::Reports),
            "roster" => Some(Scope::Roster),
            _ => None,
        }
    }
}

/// Lowercase hex SHA-256 of `token`.
pub fn sha256_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_hex(hex: &str) -> Option<[u8; 32]> {
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

impl Tokens {
    /// The tokens of the configuration (invalid entries are reported by
    /// `check-config` and never match).
    pub fn new(settings: &[TokenSettings]) -> Self {
        let entries = settings
            .iter()
            .filter_map(|t| {
                let scope = Scope::parse(&t.scope)?;
                Some((t.name.clone(), scope, parse_hex(&t.sha256.to_ascii_lowercase())?))
            })
            .collect();
        Self { entries, db: None }
    }

    /// Also accepts the active tokens stored in `db`.
    pub fn with_database(mut self, db: Database) -> Self {
        self.db = Some(db);
        self
    }

    /// The scope of the bearer token in `headers`, if it needs at least
    /// `needed`; 401 without a valid token, 403 with too narrow a scope.
    pub async fn check(&self, headers: &HeaderMap, needed: Scope) -> Result<Scope, ApiError> {
        let presented = headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthorized)?;
        self.check_token(presented, needed).await
    }

    /// Like [`check`](Self::check), for a token presented otherwise (a
    /// calendar application cannot send headers: `?token=` in its URL).
    pub async fn check_token(&self, presented: &str, needed: Scope) -> Result<Scope, ApiError> {
        let digest: [u8; 32] = Sha256::digest(presented.trim().as_bytes()).into();
        // Compare with every entry, so timing says nothing about which matched.
        let mut found: Option<(String, Scope)> = None;
        for (name, scope, hash) in &self.entries {
            if bool::from(hash.ct_eq(&digest)) {
                found = Some((name.clone(), *scope));
            }
        }
        if let (None, Some(db)) = (&found, &self.db) {
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            found = db
                .token_by_hash(&hex)
                .await?
                .and_then(|(name, scope)| Some((name, Scope::parse(&scope)?)));
        }
        let (name, scope) = found.ok_or(ApiError::Unauthorized)?;
        if scope < needed {
            tracing::info!(token = name, "token scope too narrow");
            return Err(ApiError::Forbidden);
        }
        Ok(scope)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens() -> Tokens {
        Tokens::new(&[
            TokenSettings { name: "r".into(), scope: "reports".into(), sha256: sha256_hex("read") },
            TokenSettings { name: "o".into(), scope: "roster".into(), sha256: sha256_hex("all") },
        ])
    }

    fn headers(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(axum::http::header::AUTHORIZATION, value.parse().unwrap());
        h
    }

    #[tokio::test]
    async fn tokens_grant_their_scope_and_no_more() {
        let t = tokens();
        assert_eq!(t.check(&headers("Bearer read"), Scope::Reports).await.unwrap(), Scope::Reports);
        assert!(matches!(
            t.check(&headers("Bearer read"), Scope::Roster).await,
            Err(ApiError::Forbidden)
        ));
        assert_eq!(t.check(&headers("Bearer all"), Scope::Reports).await.unwrap(), Scope::Roster);
    }

    #[tokio::test]
    async fn missing_malformed_or_unknown_tokens_are_unauthorized() {
        let t = tokens();
        let unauthorized = |r: Result<Scope, ApiError>| matches!(r, Err(ApiError::Unauthorized));
        assert!(unauthorized(t.check(&HeaderMap::new(), Scope::Reports).await));
        assert!(unauthorized(t.check(&headers("read"), Scope::Reports).await));
        assert!(unauthorized(t.check(&headers("Bearer nope"), Scope::Reports).await));
    }

    #[tokio::test]
    async fn stored_tokens_work_at_once_and_stop_when_revoked() {
        let db = Database::connect("sqlite::memory:", 1).await.unwrap();
        db.migrate().await.unwrap();
        let t = tokens().with_database(db.clone());
        assert!(t.check(&headers("Bearer new"), Scope::Reports).await.is_err());
        db.add_token("secretariat", "roster", &sha256_hex("new"), "test").await.unwrap();
        assert_eq!(t.check(&headers("Bearer new"), Scope::Roster).await.unwrap(), Scope::Roster);
        let twice = db.add_token("secretariat", "reports", &sha256_hex("other"), "test").await;
        assert!(!twice.unwrap(), "one active token per name");
        assert!(db.revoke_token("secretariat").await.unwrap());
        assert!(matches!(
            t.check(&headers("Bearer new"), Scope::Reports).await,
            Err(ApiError::Unauthorized)
        ));
        assert!(!db.revoke_token("secretariat").await.unwrap());
    }

    #[test]
    fn the_hash_is_the_standard_sha256() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
