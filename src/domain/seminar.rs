//! Seminars and peer-learning sessions: an international seminar in the
//! plenary (scheduled by the coordinator), a regional session in a regional
//! room (scheduled by that region's delegates); the states' answers (one per
//! state, any delegate may change it); the reminders before it.

use super::{CountryCode, RoomKind};

/// A scheduled seminar or session, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seminar {
    /// The number people quote.
    pub id: i64,
    /// Where it is announced: the plenary or a regional room.
    pub room: RoomKind,
    /// What it is.
    pub title: String,
    /// When it starts, milliseconds since the Unix epoch.
    pub starts_at: i64,
    /// How long it lasts, in minutes.
    pub duration_minutes: i64,
    /// The zone it was given in (an IANA name).
    pub zone: String,
    /// Where it takes place, if said.
    pub place: Option<String>,
    /// A link (an online meeting), if given.
    pub link: Option<String>,
    /// Who scheduled it (full Matrix user ID).
    pub created_by: String,
    /// The bot's announcement, once posted.
    pub announcement_event: Option<String>,
    /// The unguessable part of its own calendar link.
    pub feed_key: String,
    /// Changes so far (the calendar feed's SEQUENCE).
    pub sequence: i64,
    /// Called off.
    pub cancelled: bool,
    /// Minutes, once written.
    pub minutes: Option<String>,
    /// Created, milliseconds since the Unix epoch.
    pub created_at: i64,
    /// Last changed, likewise.
    pub updated_at: i64,
}

impl Seminar {
    /// When it ends, milliseconds since the Unix epoch.
    pub fn ends_at(&self) -> i64 {
        self.starts_at.saturating_add(self.duration_minutes.saturating_mul(60_000))
    }

    /// Whether it is a regional session rather than an international seminar.
    pub fn is_regional(&self) -> bool {
        matches!(self.room, RoomKind::Regional(_))
    }
}

/// What a seminar is before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSeminar {
    /// Where it is announced.
    pub room: RoomKind,
    /// What it is.
    pub title: String,
    /// When it starts.
    pub starts_at: i64,
    /// How long, in minutes.
    pub duration_minutes: i64,
    /// The zone it was given in.
    pub zone: String,
    /// Where, if said.
    pub place: Option<String>,
    /// A link, if given.
    pub link: Option<String>,
    /// Who schedules it.
    pub created_by: String,
    /// The command that schedules it.
    pub source_event: String,
    /// The unguessable part of its calendar link.
    pub feed_key: String,
    /// Now.
    pub created_at: i64,
}

/// A state's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rsvp {
    /// It will attend.
    Attend,
    /// It will not.
    Decline,
}

impl Rsvp {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Rsvp::Attend => "attend",
            Rsvp::Decline => "decline",
        }
    }

    /// Reads a stored word.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "attend" => Some(Rsvp::Attend),
            "decline" => Some(Rsvp::Decline),
            _ => None,
        }
    }

    /// The answer a reaction gives (👍 and its skin tones, ✅: attend; 👎,
    /// ❌: decline); `None` for any other reaction.
    pub fn of_reaction(key: &str) -> Option<Self> {
        let base: String =
            key.chars().filter(|c| !('\u{1F3FB}'..='\u{1F3FF}').contains(c)).collect();
        match base.trim_end_matches('\u{FE0F}') {
            "👍" | "✅" | "✔" | "☑" => Some(Rsvp::Attend),
            "👎" | "❌" | "✖" => Some(Rsvp::Decline),
            _ => None,
        }
    }
}

/// One state's answer, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeminarAnswer {
    /// The state.
    pub state: CountryCode,
    /// Its answer.
    pub answer: Rsvp,
    /// The delegate who gave it last.
    pub user_id: String,
    /// When.
    pub at: i64,
}

/// The reminders before a seminar: 7 days, 1 day and 1 hour.
pub const REMINDERS: [(&str, i64); 3] =
    [("7d", 7 * 86_400_000), ("1d", 86_400_000), ("1h", 3_600_000)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reactions_answer_with_any_skin_tone_and_others_say_nothing() {
        assert_eq!(Rsvp::of_reaction("👍"), Some(Rsvp::Attend));
        assert_eq!(Rsvp::of_reaction("👍🏽"), Some(Rsvp::Attend));
        assert_eq!(Rsvp::of_reaction("✅"), Some(Rsvp::Attend));
        assert_eq!(Rsvp::of_reaction("✔️"), Some(Rsvp::Attend));
        assert_eq!(Rsvp::of_reaction("👎🏿"), Some(Rsvp::Decline));
        assert_eq!(Rsvp::of_reaction("❌"), Some(Rsvp::Decline));
        assert_eq!(Rsvp::of_reaction("🎉"), None);
        assert_eq!(Rsvp::of_reaction("!attend 1"), None);
        for r in [Rsvp::Attend, Rsvp::Decline] {
            assert_eq!(Rsvp::parse(r.as_str()), Some(r));
        }
    }
}
