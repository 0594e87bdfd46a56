//! Use cases: given who said what, decide what to do and what to answer.
//!
//! The service layer knows neither Matrix nor SQL: the `matrix` layer hands it
//! plain data and sends back the [`Text`](crate::i18n::Text) it returns.

mod chat;
pub mod clock;
pub mod handling;
pub mod memory;
pub mod outcomes;
pub mod pacing;
pub mod plan;
pub mod rate_limit;
pub mod reports;
pub mod roster;
pub mod scheduler;
pub mod stats;
pub mod unreadable;

pub use chat::{Answer, ChatService, Effect, Incoming, Place, Quoted, QuotedMessage, Scheduled};
pub use handling::{Event, Handled};
pub use roster::{RosterService, RosterServiceError};
