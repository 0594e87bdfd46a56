//! The domain: the network's concepts and rules, free of any infrastructure
//! (no tokio, sqlx or matrix-sdk here), so that every rule can be unit tested.

mod authorization;
mod country;
mod language;
pub mod membership;
pub mod memory;
mod network;
mod offer;
pub mod plan;
mod provisioning;
mod region;
pub mod reminder;
mod request;
mod roster;
pub mod seminar;
pub mod time;
mod user_id;
pub mod when;
mod working_room;

pub use authorization::{AdminPolicy, Permission, Roles, PERMISSION_TABLE};
pub use country::{CountryCode, UnknownCountry};
pub use language::Language;
pub use membership::{Application, ApplicationStatus, Tally, Vote};
pub use network::{
    Category, MembershipRules, Network, ResponseTargets, RoomPolicy, RoomSettings, DAY_MS,
};
pub use offer::{NewOffer, Offer};
pub use provisioning::{
    desired_rooms, DesiredRoom, JoinRule, PowerLevels, RoomKind, ADMIN_LEVEL, MODERATOR_LEVEL,
};
pub use region::{LocalizedText, Region, RegionError, RegionId, RegionMap};
pub use request::{
    authorize, may_update, split_assignees, ActionKind, NewRequest, Outcome, OutcomeResult,
    Refusal, Request, RequestState, Transition,
};
pub use roster::{
    delegate_language, status_after, BadPartnerId, Delegate, Partner, PartnerDelegate, PartnerId,
    PartnerKind, Roster, RosterChange, RosterError, RosterFormat, Seat, State, Status,
    UnknownPartnerKind, UnknownStatus, DELEGATE_LANGUAGES,
};
pub use seminar::{NewSeminar, Rsvp, Seminar, SeminarAnswer};
pub use user_id::{server_name_of, MatrixUserId, UserIdError};
pub use working_room::{desired_working_room, WorkingRoom};
