//! Comparing a room as it is (its state events, read from the homeserver)
//! with the room as it should be, and listing the actions that close the
//! gap. Pure: no I/O, so every rule is unit tested.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::domain::{DesiredRoom, JoinRule, RoomKind};

/// A room's current state as the homeserver reports it.
#[derive(Debug, Clone, Default)]
pub struct ObservedRoom {
    /// Content of each state event, by `(type, state_key)`.
    pub state: BTreeMap<(String, String), Value>,
}

impl ObservedRoom {
    /// Membership of each user (`join`, `invite`, `leave`, `ban`, `knock`).
    pub fn memberships(&self) -> BTreeMap<&str, &str> {
        self.state
            .iter()
            .filter(|((t, _), _)| t == "m.room.member")
            .map(|((_, user), c)| (user.as_str(), c["membership"].as_str().unwrap_or("leave")))
            .collect()
    }

    /// The servers of joined members, most members first (for `via`).
    pub fn member_servers(&self) -> Vec<String> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (user, membership) in self.memberships() {
            if membership == "join" {
                if let Some((_, server)) = user.split_once(':') {
                    *counts.entry(server.to_owned()).or_default() += 1;
                }
            }
        }
        let mut servers: Vec<(String, usize)> = counts.into_iter().collect();
        servers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        servers.into_iter().map(|(s, _)| s).collect()
    }
}

/// One step towards the desired state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Create the room (it does not exist, or the bot lost it).
    Create {
        /// Which room.
        kind: RoomKind,
    },
    /// Set a state event.
    SetState {
        /// Which room.
        kind: RoomKind,
        /// Event type.
        event_type: String,
        /// State key.
        state_key: String,
        /// Full content to send.
        content: Value,
    },
    /// Invite a user.
    Invite {
        /// Which room.
        kind: RoomKind,
        /// Who.
        user: String,
    },
    /// Remove a user (joined or invited).
    Kick {
        /// Which room.
        kind: RoomKind,
        /// Who.
        user: String,
        /// Shown to the user.
        reason: String,
    },
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Action::Create { kind } => write!(f, "create the {kind}"),
            Action::SetState { kind, event_type, state_key, .. } if state_key.is_empty() => {
                write!(f, "set {event_type} in the {kind}")
            }
            Action::SetState { kind, event_type, state_key, .. } => {
                write!(f, "set {event_type} ({state_key}) in the {kind}")
            }
            Action::Invite { kind, user } => write!(f, "invite {user} to the {kind}"),
            Action::Kick { kind, user, reason } => {
                write!(f, "remove {user} from the {kind} ({reason})")
            }
        }
    }
}

/// What a room must look like besides its members.
#[derive(Debug, Clone)]
pub struct RoomSpec<'a> {
    /// The rules derived from the roster.
    pub desired: &'a DesiredRoom,
    /// Room name.
    pub name: String,
    /// Room topic.
    pub topic: String,
    /// The Space's room ID (for restricted joins and `m.space.parent`).
    pub space_id: Option<String>,
    /// Children of the Space, with their `via` servers (Space only).
    pub children: Vec<(String, Vec<String>)>,
    /// `via` servers for the parent link.
    pub via: Vec<String>,
}

/// Events that only admins (level 100) may send.
const ADMIN_EVENTS: [&str; 8] = [
    "m.room.power_levels",
    "m.room.join_rules",
    "m.room.history_visibility",
    "m.room.encryption",
    "m.room.server_acl",
    "m.room.tombstone",
    "m.space.child",
    "m.space.parent",
];

/// The power-levels fields the bot manages (others are left as they are).
pub fn power_levels_content(spec: &RoomSpec<'_>) -> Value {
    let mut events: serde_json::Map<String, Value> =
        ADMIN_EVENTS.iter().map(|e| ((*e).to_owned(), json!(100))).collect();
    for e in ["m.room.name", "m.room.topic", "m.room.avatar", "m.room.canonical_alias"] {
        events.insert(e.to_owned(), json!(50));
    }
    json!({
        "users": spec.desired.power.users,
        "users_default": 0,
        "events_default": spec.desired.power.events_default,
        "state_default": 50,
        "invite": 50,
        "kick": 50,
        "ban": 50,
        "redact": 50,
        "events": events,
    })
}

/// The state events the room must carry, by `(type, state_key)`.
pub fn desired_state(spec: &RoomSpec<'_>) -> Vec<(String, String, Value)> {
    let mut out = vec![
        ("m.room.name".into(), String::new(), json!({ "name": spec.name })),
        ("m.room.topic".into(), String::new(), json!({ "topic": spec.topic })),
        (
            "m.room.history_visibility".into(),
            String::new(),
            json!({ "history_visibility": "shared" }),
        ),
        ("m.room.guest_access".into(), String::new(), json!({ "guest_access": "forbidden" })),
        ("m.room.power_levels".into(), String::new(), power_levels_content(spec)),
    ];
    let join_rules = match (spec.desired.join_rule, &spec.space_id) {
        (JoinRule::RestrictedToSpace, Some(space)) => json!({
            "join_rule": "restricted",
            "allow": [{ "type": "m.room_membership", "room_id": space }],
        }),
        _ => json!({ "join_rule": "invite" }),
    };
    out.push(("m.room.join_rules".into(), String::new(), join_rules));
    if spec.desired.encrypted {
        out.push((
            "m.room.encryption".into(),
            String::new(),
            json!({ "algorithm": "m.megolm.v1.aes-sha2" }),
        ));
    }
    if let (Some(space), false) = (&spec.space_id, spec.desired.kind == RoomKind::Space) {
        out.push((
            "m.space.parent".into(),
            space.clone(),
            json!({ "via": spec.via, "canonical": true }),
        ));
    }
    for (child, via) in &spec.children {
        out.push(("m.space.child".into(), child.clone(), json!({ "via": via })));
    }
    out
}

/// Whether `current` already says what `desired` says. Objects compare key
/// by key (extra keys in `current` are fine), except power-level `users`
/// and `via` lists, which must match exactly.
pub fn satisfies(current: &Value, desired: &Value) -> bool {
    match (current, desired) {
        (Value::Object(c), Value::Object(d)) => d.iter().all(|(k, dv)| match c.get(k) {
            Some(cv) if k == "users" => cv == dv,
            Some(cv) => satisfies(cv, dv),
            None => false,
        }),
        _ => current == desired,
    }
}

/// Merges `desired` into `current` (to keep fields the bot does not manage).
fn merged(current: Option<&Value>, desired: &Value) -> Value {
    match (current, desired) {
        (Some(Value::Object(c)), Value::Object(d)) => {
            let mut out = c.clone();
            for (k, v) in d {
                let inner = if k == "users" { v.clone() } else { merged(c.get(k), v) };
                out.insert(k.clone(), inner);
            }
            Value::Object(out)
        }
        _ => desired.clone(),
    }
}

/// The actions that bring `observed` to `spec`; `bot` is never invited or removed.
pub fn plan_room(spec: &RoomSpec<'_>, observed: &ObservedRoom, bot: &str) -> Vec<Action> {
    let kind = &spec.desired.kind;
    let mut actions = Vec::new();
    for (event_type, state_key, content) in desired_state(spec) {
        let current = observed.state.get(&(event_type.clone(), state_key.clone()));
        if current.is_some_and(|c| satisfies(c, &content)) {
            continue;
        }
        let content = merged(current, &content);
        actions.push(Action::SetState { kind: kind.clone(), event_type, state_key, content });
    }
    let memberships = observed.memberships();
    for user in &spec.desired.invite {
        match memberships.get(user.as_str()) {
            Some(&"join" | &"invite" | &"ban") => {}
            _ => actions.push(Action::Invite { kind: kind.clone(), user: user.clone() }),
        }
    }
    for (user, membership) in &memberships {
        if matches!(*membership, "join" | "invite") {
            actions.extend(removal(spec.desired, user, bot));
        }
    }
    actions
}

/// The removal of `user` from `room` if the roster does not allow them
/// there (never the bot); used at each reconciliation and when someone joins.
pub fn removal(room: &DesiredRoom, user: &str, bot: &str) -> Option<Action> {
    if user == bot || room.allowed.contains(user) {
        return None;
    }
    let reason = match room.kind {
        RoomKind::Committee => "this room is for Executive Committee delegates only",
        RoomKind::Working(_) => {
            "this working room is for the requesting state, the assignees and the Executive \
             Committee"
        }
        _ => "not a delegate on the network roster",
    };
    Some(Action::Kick { kind: room.kind.clone(), user: user.to_owned(), reason: reason.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PowerLevels;

    fn desired() -> DesiredRoom {
        DesiredRoom {
            kind: RoomKind::Committee,
            encrypted: true,
            join_rule: JoinRule::Invite,
            power: PowerLevels { users: [("@admin:x".to_owned(), 100)].into(), events_default: 0 },
            invite: ["@admin:x".to_owned(), "@ma:x".to_owned()].into(),
            allowed: ["@admin:x".to_owned(), "@ma:x".to_owned()].into(),
        }
    }

    fn spec(desired: &DesiredRoom) -> RoomSpec<'_> {
        RoomSpec {
            desired,
            name: "Committee".into(),
            topic: "Topic".into(),
            space_id: Some("!space".into()),
            children: vec![],
            via: vec!["x".into()],
        }
    }

    /// A room that already matches `spec`, with the bot and `members` joined.
    fn converged(spec: &RoomSpec<'_>, members: &[&str]) -> ObservedRoom {
        let mut observed = ObservedRoom::default();
        for (t, k, c) in desired_state(spec) {
            observed.state.insert((t, k), c);
        }
        for m in members.iter().chain(&["@bot:x"]) {
            observed
                .state
                .insert(("m.room.member".into(), (*m).into()), json!({"membership": "join"}));
        }
        observed
    }

    #[test]
    fn a_converged_room_needs_nothing() {
        let d = desired();
        let s = spec(&d);
        assert!(plan_room(&s, &converged(&s, &["@admin:x", "@ma:x"]), "@bot:x").is_empty());
    }

    #[test]
    fn a_stranger_in_the_committee_room_is_removed_and_a_missing_delegate_invited() {
        let d = desired();
        let s = spec(&d);
        let actions = plan_room(&s, &converged(&s, &["@admin:x", "@ma:evil"]), "@bot:x");
        assert_eq!(
            actions,
            vec![
                Action::Invite { kind: RoomKind::Committee, user: "@ma:x".into() },
                Action::Kick {
                    kind: RoomKind::Committee,
                    user: "@ma:evil".into(),
                    reason: "this room is for Executive Committee delegates only".into()
                },
            ]
        );
    }

    #[test]
    fn a_changed_power_level_is_restored_keeping_unmanaged_fields() {
        let d = desired();
        let s = spec(&d);
        let mut observed = converged(&s, &["@admin:x", "@ma:x"]);
        let key = ("m.room.power_levels".to_owned(), String::new());
        let pl = observed.state.get_mut(&key).unwrap();
        pl["users"]["@ma:x"] = json!(100);
        pl["notifications"] = json!({"room": 50});

        let actions = plan_room(&s, &observed, "@bot:x");

        let [Action::SetState { event_type, content, .. }] = actions.as_slice() else {
            panic!("{actions:?}")
        };
        assert_eq!(event_type, "m.room.power_levels");
        assert_eq!(content["users"], json!({"@admin:x": 100}));
        assert_eq!(content["notifications"], json!({"room": 50}));
    }

    #[test]
    fn extra_keys_in_state_are_tolerated_but_missing_ones_are_not() {
        assert!(satisfies(&json!({"a": 1, "b": 2}), &json!({"a": 1})));
        assert!(!satisfies(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
        assert!(!satisfies(&json!({"users": {"a": 1, "b": 2}}), &json!({"users": {"a": 1}})));
    }

    #[test]
    fn via_servers_follow_joined_members() {
        let mut observed = ObservedRoom::default();
        for (u, m) in
            [("@a:one", "join"), ("@b:two", "join"), ("@c:two", "join"), ("@d:three", "leave")]
        {
            observed.state.insert(("m.room.member".into(), u.into()), json!({"membership": m}));
        }
        assert_eq!(observed.member_servers(), ["two", "one"]);
    }
}
