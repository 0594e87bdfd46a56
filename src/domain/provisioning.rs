//! The rooms the network should have, derived from the network definition
//! and the roster: who belongs where, who may stay, and who holds power.
//!
//! This is the "desired state" that provisioning converges the homeserver
//! to; computing it is pure, so every rule here is unit tested.

use std::collections::{BTreeMap, BTreeSet};

use super::{MatrixUserId, Network, RegionId, Roster};

/// Which network room.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoomKind {
    /// The Space holding every other room.
    Space,
    /// The plenary room for all members and observers.
    Plenary,
    /// One regional peer-learning room.
    Regional(RegionId),
    /// The Executive Committee room.
    Committee,
    /// The working room of an accepted request (by number).
    Working(i64),
}

impl RoomKind {
    /// `(kind, key)` as stored in the database.
    pub fn key(&self) -> (&'static str, String) {
        match self {
            RoomKind::Space => ("space", String::new()),
            RoomKind::Plenary => ("plenary", String::new()),
            RoomKind::Regional(id) => ("regional", id.clone()),
            RoomKind::Committee => ("committee", String::new()),
            RoomKind::Working(request) => ("working", request.to_string()),
        }
    }

    /// The kind from its stored form.
    pub fn from_key(kind: &str, key: &str) -> Option<Self> {
        match kind {
            "space" => Some(RoomKind::Space),
            "plenary" => Some(RoomKind::Plenary),
            "regional" => Some(RoomKind::Regional(key.to_owned())),
            "committee" => Some(RoomKind::Committee),
            "working" => key.parse().ok().map(RoomKind::Working),
            _ => None,
        }
    }
}

impl std::fmt::Display for RoomKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RoomKind::Regional(id) => write!(f, "regional room `{id}`"),
            RoomKind::Space => f.write_str("space"),
            RoomKind::Plenary => f.write_str("plenary room"),
            RoomKind::Committee => f.write_str("committee room"),
            RoomKind::Working(request) => write!(f, "working room of request #{request}"),
        }
    }
}

/// Who may join a room without an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinRule {
    /// Invitation only.
    Invite,
    /// Members of the network's Space may join (invitations still sent).
    RestrictedToSpace,
}

/// Power levels the bot maintains. The bot itself is the rooms' creator and
/// has unlimited power (room version 12), so it is not listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PowerLevels {
    /// Named users and their levels; everyone else has 0.
    pub users: BTreeMap<String, i64>,
    /// Level needed to send messages.
    pub events_default: i64,
}

/// Level of the configured admins (the coordinator's accounts).
pub const ADMIN_LEVEL: i64 = 100;
/// Level of committee and coordinator delegates.
pub const MODERATOR_LEVEL: i64 = 50;

/// One room as it should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesiredRoom {
    /// Which room.
    pub kind: RoomKind,
    /// Whether it is end-to-end encrypted.
    pub encrypted: bool,
    /// Join rule.
    pub join_rule: JoinRule,
    /// Power levels.
    pub power: PowerLevels,
    /// Users who must be in the room (invited if they are not).
    pub invite: BTreeSet<String>,
    /// Users who may stay (a superset of `invite`); anyone else is removed.
    pub allowed: BTreeSet<String>,
}

/// The rooms of the network for `roster`, administered by `admins`.
pub fn desired_rooms(
    network: &Network,
    roster: &Roster,
    admins: &[MatrixUserId],
) -> Vec<DesiredRoom> {
    let admin_ids: BTreeSet<String> = admins.iter().map(ToString::to_string).collect();
    // Delegates of states and of partners: all are in the Space and the plenary.
    let all_delegates: BTreeSet<String> = roster
        .delegates
        .keys()
        .chain(roster.partner_delegates.keys())
        .map(ToString::to_string)
        .collect();
    let state_delegates: BTreeSet<String> =
        roster.delegates.keys().map(ToString::to_string).collect();
    let committee_delegates: BTreeSet<String> = roster
        .delegates
        .values()
        .filter(|d| network.is_committee(d.state))
        .map(|d| d.user_id.to_string())
        .collect();
    let moderators: BTreeSet<String> = roster
        .delegates
        .values()
        .filter(|d| network.is_committee(d.state) || d.state == network.coordinator)
        .map(|d| d.user_id.to_string())
        .collect();
    let power = |announcement_only: bool| {
        let mut users: BTreeMap<String, i64> =
            moderators.iter().map(|u| (u.clone(), MODERATOR_LEVEL)).collect();
        users.extend(admin_ids.iter().map(|u| (u.clone(), ADMIN_LEVEL)));
        PowerLevels { users, events_default: if announcement_only { MODERATOR_LEVEL } else { 0 } }
    };
    let everyone: BTreeSet<String> = all_delegates.union(&admin_ids).cloned().collect();

    let mut rooms = vec![
        DesiredRoom {
            kind: RoomKind::Space,
            encrypted: false,
            join_rule: JoinRule::Invite,
            power: power(true),
            invite: everyone.clone(),
            allowed: everyone.clone(),
        },
        DesiredRoom {
            kind: RoomKind::Plenary,
            encrypted: network.rooms.plenary.encrypted,
            join_rule: JoinRule::RestrictedToSpace,
            power: power(network.rooms.plenary.announcement_only),
            invite: everyone.clone(),
            allowed: everyone.clone(),
        },
    ];
    for region in network.regions.regions() {
        let partners: BTreeSet<String> = roster
            .partner_delegates
            .values()
            .filter(|d| {
                roster.partners.get(&d.partner).is_some_and(|p| p.regions.contains(&region.id))
            })
            .map(|d| d.user_id.to_string())
            .collect();
        let members: BTreeSet<String> = roster
            .delegates
            .values()
            .filter(|d| region.countries.contains(&d.state))
            .map(|d| d.user_id.to_string())
            .chain(admin_ids.iter().cloned())
            .chain(partners.iter().cloned())
            .collect();
        // Any member's or observer's delegate may join any regional room; a
        // partner's, those its partner chose.
        let allowed = state_delegates.union(&admin_ids).chain(&partners).cloned().collect();
        rooms.push(DesiredRoom {
            kind: RoomKind::Regional(region.id.clone()),
            encrypted: network.rooms.regional.encrypted,
            join_rule: JoinRule::RestrictedToSpace,
            power: power(network.rooms.regional.announcement_only),
            invite: members,
            allowed,
        });
    }
    let committee: BTreeSet<String> = committee_delegates.union(&admin_ids).cloned().collect();
    let mut committee_power = power(network.rooms.committee.announcement_only);
    committee_power.users.retain(|u, _| committee.contains(u));
    rooms.push(DesiredRoom {
        kind: RoomKind::Committee,
        encrypted: network.rooms.committee.encrypted,
        join_rule: JoinRule::Invite,
        power: committee_power,
        invite: committee.clone(),
        allowed: committee,
    });
    rooms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::load_network;
    use crate::domain::{CountryCode, Delegate, State, Status};

    fn roster() -> Roster {
        let mut r = Roster::default();
        for (code, status) in
            [("MA", Status::FoundingMember), ("CL", Status::Observer), ("FR", Status::Member)]
        {
            let code = CountryCode::parse(code).unwrap();
            r.add_state(State { code, status, mechanism: None }).unwrap();
        }
        for (user, code) in
            [("@ma:ma.example", "MA"), ("@cl:cl.example", "CL"), ("@fr:fr.example", "FR")]
        {
            r.add_delegate(Delegate {
                user_id: MatrixUserId::parse(user).unwrap(),
                state: CountryCode::parse(code).unwrap(),
                language: None,
            })
            .unwrap();
        }
        r
    }

    fn rooms() -> Vec<DesiredRoom> {
        let admins = [MatrixUserId::parse("@admin:hq.example").unwrap()];
        desired_rooms(&load_network(None).unwrap(), &roster(), &admins)
    }

    fn room(kind: RoomKind) -> DesiredRoom {
        rooms().into_iter().find(|r| r.kind == kind).unwrap()
    }

    #[test]
    fn there_is_a_space_a_plenary_a_committee_room_and_one_room_per_region() {
        let rooms = rooms();
        assert_eq!(rooms.len(), 3 + 5);
        assert_eq!(rooms[0].kind, RoomKind::Space);
    }

    #[test]
    fn delegates_are_invited_to_their_own_region_only_but_may_join_any() {
        let africa = room(RoomKind::Regional("africa".into()));
        assert!(africa.invite.contains("@ma:ma.example"));
        assert!(!africa.invite.contains("@cl:cl.example"));
        assert!(africa.allowed.contains("@cl:cl.example"));
        assert_eq!(africa.join_rule, JoinRule::RestrictedToSpace);
    }

    #[test]
    fn only_committee_delegates_and_admins_belong_in_the_committee_room() {
        let committee = room(RoomKind::Committee);
        let expected: BTreeSet<String> =
            ["@admin:hq.example", "@ma:ma.example"].map(String::from).into();
        assert_eq!(committee.allowed, expected);
        assert_eq!(committee.invite, expected);
        assert_eq!(committee.join_rule, JoinRule::Invite);
        assert!(committee.encrypted);
    }

    #[test]
    fn committee_delegates_moderate_and_admins_administer_everywhere() {
        let plenary = room(RoomKind::Plenary);
        assert_eq!(plenary.power.users.get("@ma:ma.example"), Some(&MODERATOR_LEVEL));
        assert_eq!(plenary.power.users.get("@admin:hq.example"), Some(&ADMIN_LEVEL));
        assert_eq!(plenary.power.users.get("@fr:fr.example"), None);
        assert_eq!(plenary.power.events_default, 0, "observers and members may speak");
        assert!(plenary.invite.contains("@cl:cl.example"), "observers are in the plenary");
    }

    #[test]
    fn a_partners_delegates_are_in_the_space_the_plenary_and_its_regions_never_the_committee() {
        use crate::domain::{LocalizedText, Partner, PartnerId, PartnerKind, Seat};
        let mut r = roster();
        let id = PartnerId::parse("ohchr").unwrap();
        r.add_partner(Partner {
            id: id.clone(),
            kind: PartnerKind::UnBody,
            names: LocalizedText::default(),
            regions: ["africa".to_owned()].into(),
        })
        .unwrap();
        let ohchr = MatrixUserId::parse("@o:un.example").unwrap();
        r.add_seat_delegate(&Seat::Partner(id), ohchr, None).unwrap();
        let rooms = desired_rooms(&load_network(None).unwrap(), &r, &[]);
        let find = |kind: RoomKind| rooms.iter().find(|room| room.kind == kind).unwrap();
        for kind in [RoomKind::Space, RoomKind::Plenary, RoomKind::Regional("africa".into())] {
            let room = find(kind.clone());
            assert!(room.invite.contains("@o:un.example"), "{kind}");
            assert!(room.allowed.contains("@o:un.example"), "{kind}");
        }
        let elsewhere = find(RoomKind::Regional("asia-pacific".into()));
        assert!(!elsewhere.allowed.contains("@o:un.example"));
        assert!(elsewhere.allowed.contains("@cl:cl.example"), "states' delegates still may");
        let committee = find(RoomKind::Committee);
        assert!(!committee.allowed.contains("@o:un.example"));
        assert_eq!(committee.power.users.get("@o:un.example"), None);
    }

    #[test]
    fn room_kinds_round_trip_through_their_stored_form() {
        for kind in [
            RoomKind::Space,
            RoomKind::Plenary,
            RoomKind::Regional("x".into()),
            RoomKind::Committee,
            RoomKind::Working(12),
        ] {
            let (k, key) = kind.key();
            assert_eq!(RoomKind::from_key(k, &key), Some(kind.clone()));
        }
    }
}
