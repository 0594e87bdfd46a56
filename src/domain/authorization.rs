//! Who administers the bot. Other decisions (who may change the roster,
//! join a room, invite the bot) combine this with the roster.
//!
//! Decisions compare full Matrix user IDs (server part included), never
//! display names.

use super::MatrixUserId;

/// The accounts that administer the bot.
#[derive(Debug, Clone, Default)]
pub struct AdminPolicy {
    admins: Vec<MatrixUserId>,
}

impl AdminPolicy {
    /// Builds the policy from configured IDs; invalid ones are reported by
    /// `check-config` and never match anyone.
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        Self { admins: ids.into_iter().filter_map(|id| MatrixUserId::parse(id).ok()).collect() }
    }

    /// Whether `user` is a configured admin (exact, full ID match).
    pub fn is_admin(&self, user: &str) -> bool {
        self.admins.iter().any(|a| a.as_str() == user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_full_id_is_an_admin() {
        let policy = AdminPolicy::new(["@coord:example.org"]);
        assert!(policy.is_admin("@coord:example.org"));
        assert!(!policy.is_admin("@coord:evil.example"));
        assert!(!policy.is_admin("@Coord:example.org"));
        assert!(!policy.is_admin("coord"));
    }

    #[test]
    fn invalid_configured_ids_match_nobody() {
        let policy = AdminPolicy::new(["coord", ""]);
        assert!(!policy.is_admin("coord"));
        assert!(!policy.is_admin(""));
    }
}
