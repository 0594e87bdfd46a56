//! Working rooms: one encrypted room per accepted request, where the
//! requesting state, the states and partners it is assigned to and the
//! Executive Committee do the work. Who belongs there follows the roster and
//! the assignees like every other room; a closed one (the request resolved
//! or declined) stays as the record of the work, read-only for all but the
//! committee, never deleted.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    CountryCode, DesiredRoom, JoinRule, MatrixUserId, Network, PowerLevels, RoomKind, Roster, Seat,
    ADMIN_LEVEL, MODERATOR_LEVEL,
};

/// What provisioning needs to know of a working room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingRoom {
    /// The request's number.
    pub request: i64,
    /// The state that filed it.
    pub requesting_state: CountryCode,
    /// Its assignees' keys (state codes, partner IDs).
    pub assignees: Vec<String>,
    /// Whether the request is resolved or declined (the room is read-only).
    pub closed: bool,
}

/// The working room as it should be: the requesting state's delegates, the
/// assignees' (states' or partners'), the committee's and the admins,
/// invited and nobody else; committee delegates moderate; once closed only
/// moderators speak.
pub fn desired_working_room(
    network: &Network,
    roster: &Roster,
    admins: &[MatrixUserId],
    room: &WorkingRoom,
) -> DesiredRoom {
    let admin_ids: BTreeSet<String> = admins.iter().map(ToString::to_string).collect();
    let committee: BTreeSet<String> = roster
        .delegates
        .values()
        .filter(|d| network.is_committee(d.state))
        .map(|d| d.user_id.to_string())
        .collect();
    let mut seats = vec![Seat::State(room.requesting_state)];
    seats.extend(room.assignees.iter().filter_map(|key| Seat::parse(key)));
    let members: BTreeSet<String> = seats
        .iter()
        .flat_map(|seat| roster.delegates_of_seat(seat))
        .map(ToString::to_string)
        .chain(committee.iter().cloned())
        .chain(admin_ids.iter().cloned())
        .collect();
    let mut users: BTreeMap<String, i64> =
        committee.iter().map(|u| (u.clone(), MODERATOR_LEVEL)).collect();
    users.extend(admin_ids.iter().map(|u| (u.clone(), ADMIN_LEVEL)));
    DesiredRoom {
        kind: RoomKind::Working(room.request),
        encrypted: true,
        join_rule: JoinRule::Invite,
        power: PowerLevels { users, events_default: if room.closed { MODERATOR_LEVEL } else { 0 } },
        invite: members.clone(),
        allowed: members,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::load_network;
    use crate::domain::{Delegate, LocalizedText, Partner, PartnerId, PartnerKind, State, Status};

    fn roster() -> Roster {
        let mut r = Roster::default();
        for (code, status) in [("MA", Status::FoundingMember), ("PT", Status::FoundingMember)]
            .into_iter()
            .chain([("CL", Status::Observer), ("FR", Status::Member)])
        {
            let code = CountryCode::parse(code).unwrap();
            r.add_state(State { code, status, mechanism: None }).unwrap();
        }
        for (user, code) in [("@ma:x", "MA"), ("@pt:x", "PT"), ("@cl:x", "CL"), ("@fr:x", "FR")] {
            let user_id = MatrixUserId::parse(user).unwrap();
            let state = CountryCode::parse(code).unwrap();
            r.add_delegate(Delegate { user_id, state, language: None }).unwrap();
        }
        let id = PartnerId::parse("ohchr").unwrap();
        let names = LocalizedText::default();
        let partner =
            Partner { id: id.clone(), kind: PartnerKind::UnBody, names, regions: [].into() };
        r.add_partner(partner).unwrap();
        r.add_seat_delegate(&Seat::Partner(id), MatrixUserId::parse("@o:un").unwrap(), None)
            .unwrap();
        r
    }

    fn room(closed: bool) -> DesiredRoom {
        let network = load_network(None).unwrap();
        let admins = [MatrixUserId::parse("@admin:x").unwrap()];
        let working = WorkingRoom {
            request: 7,
            requesting_state: CountryCode::parse("CL").unwrap(),
            assignees: vec!["ohchr".into(), "gone".into()],
            closed,
        };
        desired_working_room(&network, &roster(), &admins, &working)
    }

    #[test]
    fn the_requester_the_assignees_and_the_committee_are_in_and_nobody_else() {
        let room = room(false);
        let expected: BTreeSet<String> =
            ["@admin:x", "@cl:x", "@ma:x", "@o:un", "@pt:x"].map(String::from).into();
        assert_eq!(room.invite, expected);
        assert_eq!(room.allowed, expected, "FR, not involved, may not stay");
        assert!(room.encrypted);
        assert_eq!(room.join_rule, JoinRule::Invite);
        assert_eq!(room.kind, RoomKind::Working(7));
        assert_eq!(room.power.events_default, 0);
    }

    #[test]
    fn a_closed_room_is_read_only_for_all_but_the_committee() {
        let room = room(true);
        assert_eq!(room.power.events_default, MODERATOR_LEVEL);
        assert_eq!(room.power.users.get("@ma:x"), Some(&MODERATOR_LEVEL));
        assert_eq!(room.power.users.get("@o:un"), None);
        assert_eq!(room.power.users.get("@cl:x"), None);
        assert!(room.allowed.contains("@cl:x"), "closed, never emptied");
    }
}
