//! The domain: the network's concepts and rules, free of any infrastructure
//! (no tokio, sqlx or matrix-sdk here), so that every rule can be unit tested.

mod authorization;
mod language;
mod user_id;

pub use authorization::AdminPolicy;
pub use language::Language;
pub use user_id::{MatrixUserId, UserIdError};
