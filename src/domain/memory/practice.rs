//! Good practices: what a delegate or partner shares for others to learn
//! from (`!practice`, or `!save` on a message), with themes and SDGs.

/// A practice to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPractice {
    /// A short title.
    pub title: String,
    /// What was done, how, and what came of it.
    pub description: String,
    /// The language it is written in (the sharer's).
    pub language: String,
    /// The state code or partner ID it comes from.
    pub seat: String,
    /// Who wrote it (the saved message's sender for `!save`).
    pub author: String,
    /// Who ran the command.
    pub shared_by: String,
    /// The room of the message it comes from.
    pub source_room: String,
    /// The message it comes from (the command itself, or the saved one).
    pub source_event: String,
    /// The command that stored it (once per command).
    pub command_event: String,
    /// When, in milliseconds since the Unix epoch.
    pub created_at: i64,
}

/// A stored practice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practice {
    /// The number people quote.
    pub id: i64,
    /// What was stored.
    pub new: NewPractice,
    /// When it was withdrawn, if it was.
    pub withdrawn_at: Option<i64>,
}

impl Practice {
    /// The matrix.to link to the message it comes from.
    pub fn link(&self) -> String {
        format!("https://matrix.to/#/{}/{}", self.new.source_room, self.new.source_event)
    }
}
