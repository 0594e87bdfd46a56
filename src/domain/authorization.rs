//! Who may do what. For now: whose invitations the bot accepts.
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

    /// Whether the bot accepts an invitation from `inviter`.
    pub fn may_invite_bot(&self, inviter: &str) -> bool {
        self.is_admin(inviter)
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
    fn only_the_exact_full_admin_id_may_invite_the_bot() {
        let policy = AdminPolicy::new(["@coord:example.org"]);
        assert!(policy.may_invite_bot("@coord:example.org"));
        assert!(!policy.may_invite_bot("@coord:evil.example"));
        assert!(!policy.may_invite_bot("@Coord:example.org"));
        assert!(!policy.may_invite_bot("coord"));
    }

    #[test]
    fn invalid_configured_ids_match_nobody() {
        let policy = AdminPolicy::new(["coord", ""]);
        assert!(!policy.may_invite_bot("coord"));
        assert!(!policy.may_invite_bot(""));
    }
}
