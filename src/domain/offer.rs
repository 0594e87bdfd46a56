//! Offers of technical cooperation: what a member state (later also a
//! partner) can provide, in a request category, open until its author or
//! the coordinator closes it. The committee sees the open offers of a new
//! request's category on its card.

/// An offer, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The number people quote.
    pub id: i64,
    /// Its category (a request category ID).
    pub category: String,
    /// One line.
    pub title: String,
    /// What exactly, in which languages, when (may be empty).
    pub description: String,
    /// Who offers it: a state's code.
    pub offered_by: String,
    /// Who published it (full Matrix user ID).
    pub author: String,
    /// Closed, and when (milliseconds since the Unix epoch).
    pub closed_at: Option<i64>,
    /// Published, likewise.
    pub created_at: i64,
}

impl Offer {
    /// Whether it is still open.
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}

/// What an offer is before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOffer {
    /// Its category.
    pub category: String,
    /// One line.
    pub title: String,
    /// The details.
    pub description: String,
    /// Who offers it.
    pub offered_by: String,
    /// Who publishes it.
    pub author: String,
    /// The command that publishes it.
    pub source_event: String,
    /// Now.
    pub created_at: i64,
}
