//! The network as configured: regions, Executive Committee, coordinator,
//! request categories and room policies.

use super::{CountryCode, LocalizedText, RegionMap};

/// The whole network definition.
#[derive(Debug, Clone)]
pub struct Network {
    /// Full display name.
    pub name: LocalizedText,
    /// Short name, used in room names.
    pub short_name: LocalizedText,
    /// Regions and the states in each.
    pub regions: RegionMap,
    /// States on the Executive Committee.
    pub committee: Vec<CountryCode>,
    /// The coordinating state.
    pub coordinator: CountryCode,
    /// Categories of cooperation requests.
    pub categories: Vec<Category>,
    /// Room policies.
    pub rooms: RoomSettings,
    /// The network's time zone: digests run on its clock, and people who
    /// chose none see times in it.
    pub time_zone: chrono_tz::Tz,
    /// When the weekly digests are posted, on the network's clock (`None`:
    /// never).
    pub digest: Option<super::when::Weekly>,
    /// How the committee decides membership applications.
    pub membership: MembershipRules,
    /// The themes and concerned groups things are tagged with.
    pub themes: super::memory::Taxonomy,
}

/// How the Executive Committee decides membership applications.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MembershipRules {
    /// Committee states in favour needed to grant one.
    pub majority: usize,
    /// How long the committee has to decide, in milliseconds.
    pub deadline_ms: i64,
}

/// A category of cooperation requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// Slug, unique.
    pub id: String,
    /// Display names.
    pub names: LocalizedText,
    /// Whether observer states may file requests in it.
    pub observers: bool,
    /// How soon its requests should be acknowledged and resolved.
    pub targets: ResponseTargets,
}

/// How soon a request should be acknowledged and resolved, counted from
/// its filing (or its reopening).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseTargets {
    /// Acknowledged within this many milliseconds.
    pub acknowledge_ms: i64,
    /// Resolved (or declined) within this many milliseconds.
    pub resolve_ms: i64,
}

impl ResponseTargets {
    /// The documented defaults: acknowledged within 7 days, resolved
    /// within 90.
    pub const DEFAULT: ResponseTargets =
        ResponseTargets { acknowledge_ms: 7 * DAY_MS, resolve_ms: 90 * DAY_MS };
}

/// A day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;

/// Policies of the provisioned rooms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RoomSettings {
    /// The plenary room.
    pub plenary: RoomPolicy,
    /// Every regional room.
    pub regional: RoomPolicy,
    /// The Executive Committee room.
    pub committee: RoomPolicy,
}

/// How one kind of room is set up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RoomPolicy {
    /// End-to-end encrypted.
    pub encrypted: bool,
    /// Only the committee, the coordinator and the bot may speak.
    pub announcement_only: bool,
    /// The languages of what the bot posts to the whole room (request
    /// cards, relayed answers, topics): one section per language, in this
    /// order. Empty: the configured default language.
    pub languages: Vec<super::Language>,
}

impl RoomSettings {
    /// The policy of rooms of `kind` (the Space follows the plenary's).
    pub fn policy(&self, kind: &super::RoomKind) -> &RoomPolicy {
        match kind {
            super::RoomKind::Space | super::RoomKind::Plenary => &self.plenary,
            super::RoomKind::Regional(_) => &self.regional,
            // A working room speaks the committee room's languages.
            super::RoomKind::Committee | super::RoomKind::Working(_) => &self.committee,
        }
    }
}

impl Network {
    /// Whether `state` sits on the Executive Committee.
    pub fn is_committee(&self, state: CountryCode) -> bool {
        self.committee.contains(&state)
    }

    /// The category with `id`.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The response targets of category `id` (the defaults for a category
    /// no longer configured).
    pub fn targets(&self, category: &str) -> ResponseTargets {
        self.category(category).map_or(ResponseTargets::DEFAULT, |c| c.targets)
    }
}
