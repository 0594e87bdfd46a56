//! Who may do what: the one place that decides, from the configured admins
//! and the roster only. Decisions compare full Matrix user IDs (server part
//! included), never display names.
//!
//! A person's [`Roles`] combine: an admin (configured account), a delegate
//! of a state (member or observer), of a committee state, of the
//! coordinating state, or of a partner (an organisation that is not a
//! state: it offers and delivers cooperation, never files or triages). [`Roles::may`] answers for each [`Permission`]; the
//! table is in docs/commands.md ("Who may do what") and [`PERMISSION_TABLE`], and a
//! test checks every cell. Rules that depend on the request at hand (an
//! observer's categories, a committee state's own request, who answers a
//! question) are in [`crate::domain::authorize`] and the request use cases.

use super::{CountryCode, MatrixUserId, Network, Roster, Status};

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

/// Something a person may or may not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Have the bot join a room (an invitation it accepts).
    InviteBot,
    /// Be invited to another regional room (`!join`).
    JoinRegion,
    /// File a cooperation request (`!request`).
    FileRequest,
    /// Take triage steps (`!ack`, `!accept`…; not on one's own state's request).
    Triage,
    /// See every state's requests (`!requests all`, `!status` of any).
    SeeAllRequests,
    /// Change the roster (`!state`, `!delegate`, `!roster import`).
    ManageRoster,
    /// Schedule international seminars in the plenary, and move, cancel or
    /// write the minutes of any seminar (`!seminar add|move|cancel`, `!minutes`).
    ScheduleSeminar,
    /// Schedule peer-learning sessions in the regional room of one's own
    /// state's region (and change the ones one scheduled).
    ScheduleSession,
    /// Answer for one's state (`!attend`, `!decline-seminar`, 👍 / 👎).
    AnswerSeminar,
    /// Publish what one's member state or partner can provide (`!offer`).
    PublishOffer,
    /// Apply for one's observer state to become a member (`!apply member`).
    ApplyMembership,
    /// Propose a state new to the network (`!apply <country> …`).
    ProposeState,
    /// Vote on membership applications (the committee's poll, `!vote`).
    VoteMembership,
    /// Change the status of any activity of the action plan (`!plan
    /// update`; an activity's lead's delegates change their own).
    UpdatePlan,
    /// Link requests and offers to the plan's activities (`!link`).
    LinkToPlan,
    /// Tag any request with SDGs, themes and references (`!tag`; the
    /// requesting state's delegates tag their own).
    TagAnyRequest,
    /// Share a good practice (`!practice`, `!save`).
    SharePractice,
    /// Edit or withdraw anyone's practice (authors edit their own).
    ManagePractices,
    /// Search the network's memory (`!search`, `!experts`, `!guide`).
    Search,
}

/// What a person is, for authorization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Roles {
    /// A configured admin account.
    pub admin: bool,
    /// The state they are a delegate of, and its status.
    pub delegate: Option<(CountryCode, Status)>,
    /// Their state is on the Executive Committee.
    pub committee: bool,
    /// Their state coordinates the network.
    pub coordinator: bool,
    /// They are a delegate of a partner (never also of a state).
    pub partner: bool,
}

impl Roles {
    /// The roles of `user` (full Matrix user ID).
    pub fn of(user: &str, admins: &AdminPolicy, roster: &Roster, network: &Network) -> Self {
        let delegate = roster.state_of(user).map(|s| (s.code, s.status));
        let code = delegate.map(|(c, _)| c);
        Roles {
            admin: admins.is_admin(user),
            delegate,
            committee: code.is_some_and(|c| network.is_committee(c)),
            coordinator: code == Some(network.coordinator),
            partner: roster.partner_of(user).is_some(),
        }
    }

    /// Whether these roles grant `permission` (the union of each role's).
    pub fn may(&self, permission: Permission) -> bool {
        let delegate = self.delegate.is_some();
        match permission {
            Permission::InviteBot => self.admin || delegate || self.partner,
            Permission::JoinRegion => self.admin || delegate,
            Permission::FileRequest => delegate,
            Permission::Triage => self.committee,
            Permission::SeeAllRequests => self.admin || self.committee,
            Permission::ManageRoster => self.admin || self.coordinator,
            Permission::ScheduleSeminar => self.admin || self.coordinator,
            Permission::ScheduleSession => self.admin || delegate,
            Permission::AnswerSeminar => delegate,
            Permission::PublishOffer => {
                self.partner || self.delegate.is_some_and(|(_, status)| status != Status::Observer)
            }
            Permission::ApplyMembership => {
                self.delegate.is_some_and(|(_, status)| status == Status::Observer)
            }
            Permission::ProposeState => self.admin || self.coordinator,
            Permission::VoteMembership => self.committee,
            Permission::UpdatePlan | Permission::LinkToPlan | Permission::TagAnyRequest => {
                self.admin || self.coordinator || self.committee
            }
            Permission::SharePractice => delegate || self.partner,
            Permission::ManagePractices => self.admin || self.coordinator,
            Permission::Search => self.admin || delegate || self.partner,
        }
    }
}

/// The permission table, as documented: for each permission, whether an
/// admin, a coordinator delegate, a committee delegate, a member delegate,
/// an observer delegate, a partner delegate and anyone else holds it (each
/// role alone).
pub const PERMISSION_TABLE: [(Permission, [bool; 7]); 19] = [
    (Permission::InviteBot, [true, true, true, true, true, true, false]),
    (Permission::JoinRegion, [true, true, true, true, true, false, false]),
    (Permission::FileRequest, [false, true, true, true, true, false, false]),
    (Permission::Triage, [false, false, true, false, false, false, false]),
    (Permission::SeeAllRequests, [true, false, true, false, false, false, false]),
    (Permission::ManageRoster, [true, true, false, false, false, false, false]),
    (Permission::ScheduleSeminar, [true, true, false, false, false, false, false]),
    (Permission::ScheduleSession, [true, true, true, true, true, false, false]),
    (Permission::AnswerSeminar, [false, true, true, true, true, false, false]),
    (Permission::PublishOffer, [false, true, true, true, false, true, false]),
    (Permission::ApplyMembership, [false, false, false, false, true, false, false]),
    (Permission::ProposeState, [true, true, false, false, false, false, false]),
    (Permission::VoteMembership, [false, false, true, false, false, false, false]),
    (Permission::UpdatePlan, [true, true, true, false, false, false, false]),
    (Permission::LinkToPlan, [true, true, true, false, false, false, false]),
    (Permission::TagAnyRequest, [true, true, true, false, false, false, false]),
    (Permission::SharePractice, [false, true, true, true, true, true, false]),
    (Permission::ManagePractices, [true, true, false, false, false, false, false]),
    (Permission::Search, [true, true, true, true, true, true, false]),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> CountryCode {
        CountryCode::parse(c).unwrap()
    }

    /// Each role alone, in the table's column order.
    fn columns() -> [Roles; 7] {
        let member = Some((code("FR"), Status::Member));
        [
            Roles { admin: true, ..Roles::default() },
            Roles { delegate: member, coordinator: true, ..Roles::default() },
            Roles { delegate: member, committee: true, ..Roles::default() },
            Roles { delegate: member, ..Roles::default() },
            Roles { delegate: Some((code("CL"), Status::Observer)), ..Roles::default() },
            Roles { partner: true, ..Roles::default() },
            Roles::default(),
        ]
    }

    #[test]
    fn every_cell_of_the_permission_table_holds() {
        for (permission, expected) in PERMISSION_TABLE {
            for (roles, allowed) in columns().iter().zip(expected) {
                assert_eq!(roles.may(permission), allowed, "{permission:?} for {roles:?}");
            }
        }
    }

    #[test]
    fn the_documented_table_is_the_same() {
        let doc = include_str!("../../docs/commands.md");
        let mark = |b: bool| if b { "yes" } else { "no" };
        for (permission, expected) in PERMISSION_TABLE {
            let row = format!("| {} |", expected.map(mark).join(" | "));
            let name = format!("{permission:?}");
            let line = doc
                .lines()
                .find(|l| l.contains(&format!("`{name}`")))
                .unwrap_or_else(|| panic!("docs/commands.md lacks the {name} row"));
            assert!(
                line.ends_with(&row),
                "docs/commands.md row for {name} is `{line}`, expected to end `{row}`"
            );
        }
    }

    #[test]
    fn roles_come_from_full_user_ids_on_the_roster() {
        use crate::domain::{Delegate, State};
        let network = crate::config::load_network(None).unwrap();
        let mut roster = Roster::default();
        roster
            .add_state(State { code: code("MA"), status: Status::FoundingMember, mechanism: None })
            .unwrap();
        roster
            .add_delegate(Delegate {
                user_id: MatrixUserId::parse("@ma:ma.example").unwrap(),
                state: code("MA"),
                language: None,
            })
            .unwrap();
        let admins = AdminPolicy::new(["@admin:hq.example"]);
        let ma = Roles::of("@ma:ma.example", &admins, &roster, &network);
        assert!(ma.committee && ma.coordinator && !ma.admin);
        assert!(ma.may(Permission::ManageRoster) && ma.may(Permission::Triage));
        let look_alike = Roles::of("@ma:evil.example", &admins, &roster, &network);
        assert_eq!(look_alike, Roles::default());
        assert!(Roles::of("@admin:hq.example", &admins, &roster, &network).admin);
    }

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
