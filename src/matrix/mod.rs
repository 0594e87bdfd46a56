//! Everything that speaks Matrix: the client and its session, the sync loop,
//! the event handlers that turn room events into work, and the worker that
//! does the work and sends the answers.
//!
//! Event handlers run inside the sync loop, so they only filter and enqueue;
//! the [`worker`] handles each event once, in one transaction that also
//! records what to send in the outbox, and the [`outbox`] sender delivers
//! it. That keeps sync responsive, lets shutdown drain the queue before the
//! process exits, and makes a crash at any point lose and repeat nothing.

mod deferred;
mod handlers;
mod lanes;
mod outbox;
pub mod provision;
mod quote;
mod send;
mod session;
pub mod standby;
mod sync;
mod unreadable;
mod worker;

use matrix_sdk::Client;

pub use outbox::OutboxSender;
pub use provision::{Provisioner, Report};
pub use session::{connect, connect_for_cli};
pub use sync::{run, BotContext};
pub use worker::{Job, WorkItem, Worker};

/// Errors of the Matrix layer.
#[derive(Debug, thiserror::Error)]
pub enum MatrixError {
    /// The local store could not be opened or written.
    #[error("Matrix store: {0}")]
    Store(String),
    /// Logging in failed.
    #[error("cannot log in to the homeserver: {0}")]
    Login(String),
    /// Neither a password nor an access token is configured.
    #[error("no credentials: set PEERLINK__MATRIX__PASSWORD or PEERLINK__MATRIX__ACCESS_TOKEN")]
    NoCredentials,
    /// The homeserver accepted the login but no session was created.
    #[error("the login returned no session")]
    NoSession,
    /// The saved session belongs to another account than the configured one.
    #[error("{file} belongs to {saved}, but matrix.user_id is {configured}")]
    SessionMismatch {
        /// Where the other session came from.
        file: String,
        /// Its user.
        saved: String,
        /// The configured user.
        configured: String,
    },
    /// An identifier did not parse.
    #[error("invalid identifier: {0}")]
    Id(#[from] matrix_sdk::ruma::IdParseError),
    /// Any other matrix-sdk error.
    #[error(transparent)]
    Sdk(#[from] matrix_sdk::Error),
    /// Another homeserver (a delegate's) did not answer in time.
    #[error("the homeserver {0} did not answer in time")]
    Unreachable(String),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
}

/// The bot's own user ID as text (empty if the client is not logged in).
fn own_user_id(client: &Client) -> String {
    client.user_id().map(ToString::to_string).unwrap_or_default()
}
