//! API tokens: stored as SHA-256 hashes in the configuration, presented as
//! `Authorization: Bearer <token>`, compared in constant time.

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::error::ApiError;
use crate::config::TokenSettings;

/// What a token may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// Requests, statistics, outcomes, roster without user IDs.
    Reports,
    /// All of that, plus delegates' user IDs.
    Roster,
}

/// The configured tokens.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    entries: Vec<(String, Scope, [u8; 32])>,
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
                let scope = match t.scope.as_str() {
                    "reports" => Scope::Reports,
                    "roster" => Scope::Roster,
                    _ => return None,
                };
                Some((t.name.clone(), scope, parse_hex(&t.sha256.to_ascii_lowercase())?))
            })
            .collect();
        Self { entries }
    }

    /// The scope of the bearer token in `headers`, if it needs at least
    /// `needed`; 401 without a valid token, 403 with too narrow a scope.
    pub fn check(&self, headers: &HeaderMap, needed: Scope) -> Result<Scope, ApiError> {
        let presented = headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthorized)?;
        let digest: [u8; 32] = Sha256::digest(presented.trim().as_bytes()).into();
        // Compare with every entry, so timing says nothing about which matched.
        let mut found: Option<(&str, Scope)> = None;
        for (name, scope, hash) in &self.entries {
            if bool::from(hash.ct_eq(&digest)) {
                found = Some((name, *scope));
            }
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

    #[test]
    fn tokens_grant_their_scope_and_no_more() {
        let t = tokens();
        assert_eq!(t.check(&headers("Bearer read"), Scope::Reports).unwrap(), Scope::Reports);
        assert!(matches!(
            t.check(&headers("Bearer read"), Scope::Roster),
            Err(ApiError::Forbidden)
        ));
        assert_eq!(t.check(&headers("Bearer all"), Scope::Reports).unwrap(), Scope::Roster);
    }

    #[test]
    fn missing_malformed_or_unknown_tokens_are_unauthorized() {
        let t = tokens();
        assert!(matches!(t.check(&HeaderMap::new(), Scope::Reports), Err(ApiError::Unauthorized)));
        assert!(matches!(t.check(&headers("read"), Scope::Reports), Err(ApiError::Unauthorized)));
        assert!(matches!(
            t.check(&headers("Bearer nope"), Scope::Reports),
            Err(ApiError::Unauthorized)
        ));
    }

    #[test]
    fn the_hash_is_the_standard_sha256() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
