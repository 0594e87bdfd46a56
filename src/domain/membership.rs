//! Membership decided by the Executive Committee: an observer state applies
//! to become a member (or the coordinator proposes a state new to the
//! network), the committee votes in a poll, one vote per committee state
//! (the last of any of its delegates counts), and the application is
//! decided as soon as the outcome is certain, or at its deadline. Founding
//! membership is never granted or removed this way.

use std::collections::BTreeMap;
use std::fmt;

use super::{CountryCode, Status};

/// A committee state's vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vote {
    /// In favour.
    Yes,
    /// Against.
    No,
    /// Neither.
    Abstain,
}

impl Vote {
    /// Every vote, in the poll's order.
    pub const ALL: [Vote; 3] = [Vote::Yes, Vote::No, Vote::Abstain];

    /// The stored word, also the poll answer's ID.
    pub fn as_str(self) -> &'static str {
        match self {
            Vote::Yes => "yes",
            Vote::No => "no",
            Vote::Abstain => "abstain",
        }
    }

    /// Reads a vote (any case; `y`, `n`, `abstention` too).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_lowercase().as_str() {
            "yes" | "y" | "oui" | "sí" | "si" | "sim" => Some(Vote::Yes),
            "no" | "n" | "non" | "não" | "nao" => Some(Vote::No),
            "abstain" | "abstention" | "abstención" | "abstenção" => Some(Vote::Abstain),
            _ => None,
        }
    }
}

impl fmt::Display for Vote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationStatus {
    /// The committee is voting.
    Open,
    /// Granted: the roster changed.
    Approved,
    /// Not granted (a majority against, or none in favour by the deadline).
    Rejected,
}

impl ApplicationStatus {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Open => "open",
            ApplicationStatus::Approved => "approved",
            ApplicationStatus::Rejected => "rejected",
        }
    }

    /// Reads a stored word.
    pub fn parse(raw: &str) -> Option<Self> {
        [ApplicationStatus::Open, ApplicationStatus::Approved, ApplicationStatus::Rejected]
            .into_iter()
            .find(|s| s.as_str() == raw)
    }
}

/// An application, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    /// The number people quote.
    pub id: i64,
    /// The state concerned.
    pub state: CountryCode,
    /// The status it would get: member, or observer (for a state new to
    /// the network).
    pub status: Status,
    /// Why.
    pub motivation: String,
    /// Who applied or proposed it (full Matrix user ID).
    pub applicant: String,
    /// The room and event of the command that opened it (the applicant is
    /// told there).
    pub source_room: String,
    /// Likewise.
    pub source_event: String,
    /// The poll in the committee room, once posted.
    pub poll_event: Option<String>,
    /// Where it stands.
    pub outcome: ApplicationStatus,
    /// When the committee must have decided (milliseconds since the Unix epoch).
    pub deadline: i64,
    /// Opened at.
    pub created_at: i64,
    /// Decided at.
    pub decided_at: Option<i64>,
}

/// The counted votes of an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Committee states in favour.
    pub yes: usize,
    /// Against.
    pub no: usize,
    /// Abstaining.
    pub abstain: usize,
    /// Committee states that have not voted.
    pub pending: usize,
}

/// Counts `votes` (each committee state's last vote; anyone else's is not
/// counted) of a committee of `committee` states.
pub fn tally(votes: &BTreeMap<CountryCode, Vote>, committee: &[CountryCode]) -> Tally {
    let mut t = Tally::default();
    for state in committee {
        match votes.get(state) {
            Some(Vote::Yes) => t.yes += 1,
            Some(Vote::No) => t.no += 1,
            Some(Vote::Abstain) => t.abstain += 1,
            None => t.pending += 1,
        }
    }
    t
}

impl Tally {
    /// The decision once it is certain: approved when `majority` states are
    /// in favour, rejected when that can no longer happen; at the deadline
    /// (`final_count`), rejected unless approved. `None`: still open.
    pub fn decision(&self, majority: usize, final_count: bool) -> Option<ApplicationStatus> {
        if self.yes >= majority {
            Some(ApplicationStatus::Approved)
        } else if self.yes + self.pending < majority || final_count {
            Some(ApplicationStatus::Rejected)
        } else {
            None
        }
    }
}

/// The default majority of a committee of `size` states: more than half.
pub fn default_majority(size: usize) -> usize {
    size / 2 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> CountryCode {
        CountryCode::parse(c).unwrap()
    }

    fn committee() -> Vec<CountryCode> {
        ["MA", "PT", "PY"].map(code).to_vec()
    }

    #[test]
    fn only_committee_states_count_and_the_decision_comes_as_soon_as_it_is_certain() {
        let mut votes = BTreeMap::new();
        votes.insert(code("MA"), Vote::Yes);
        votes.insert(code("FR"), Vote::Yes); // not on the committee
        let t = tally(&votes, &committee());
        assert_eq!(t, Tally { yes: 1, no: 0, abstain: 0, pending: 2 });
        assert_eq!(t.decision(2, false), None);
        votes.insert(code("PT"), Vote::Yes);
        assert_eq!(
            tally(&votes, &committee()).decision(2, false),
            Some(ApplicationStatus::Approved)
        );
        votes.insert(code("PT"), Vote::No); // PT changes its vote
        votes.insert(code("PY"), Vote::Abstain);
        let t = tally(&votes, &committee());
        assert_eq!((t.yes, t.no, t.abstain, t.pending), (1, 1, 1, 0));
        assert_eq!(t.decision(2, false), Some(ApplicationStatus::Rejected), "cannot reach 2");
    }

    #[test]
    fn at_the_deadline_an_application_without_a_majority_is_rejected() {
        let mut votes = BTreeMap::new();
        votes.insert(code("MA"), Vote::Yes);
        let t = tally(&votes, &committee());
        assert_eq!(t.decision(2, false), None);
        assert_eq!(t.decision(2, true), Some(ApplicationStatus::Rejected));
        assert_eq!(default_majority(3), 2);
        assert_eq!(default_majority(4), 3);
    }

    #[test]
    fn votes_read_in_several_languages() {
        assert_eq!(Vote::parse("YES"), Some(Vote::Yes));
        assert_eq!(Vote::parse("non"), Some(Vote::No));
        assert_eq!(Vote::parse("abstención"), Some(Vote::Abstain));
        assert_eq!(Vote::parse("maybe"), None);
    }
}
