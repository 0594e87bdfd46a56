//! The roster: member and observer states, partners (organisations that
//! are not states), and the delegates who hold each seat. A seat belongs to
//! a state or a partner; delegates come and go; a person holds one seat.
//!
//! Every change is expressed as a list of [`RosterChange`]s computed by
//! [`Roster::diff`], so the CLI, chat commands and file imports all go
//! through one path and leave the same history.

mod change;
mod partner;

use std::collections::BTreeMap;
use std::fmt;

use super::{CountryCode, MatrixUserId};
pub use change::{status_after, RosterChange};
pub use partner::{
    BadPartnerId, Partner, PartnerDelegate, PartnerId, PartnerKind, Seat, UnknownPartnerKind,
};

/// Languages a delegate may prefer: every language the catalog carries
/// (the UN's six official languages and Portuguese), by code.
pub const DELEGATE_LANGUAGES: [&str; 7] = ["ar", "zh-Hans", "en", "fr", "ru", "es", "pt"];

/// Reads a delegate language (any case; a region or script is ignored:
/// `fr-CA` is French, `zh` and `zh-CN` are `zh-Hans`) as its catalog code;
/// `None` if it is not one of [`DELEGATE_LANGUAGES`].
pub fn delegate_language(raw: &str) -> Option<String> {
    super::Language::parse(raw).map(|l| l.code().to_owned())
}

/// A roster file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterFormat {
    /// `[[state]]` tables.
    Toml,
    /// One row per delegate.
    Csv,
}

impl RosterFormat {
    /// Reads `toml` or `csv` (any case).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "toml" => Some(RosterFormat::Toml),
            "csv" => Some(RosterFormat::Csv),
            _ => None,
        }
    }

    /// The format a file name suggests (`.csv` is CSV, anything else TOML).
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("csv") => RosterFormat::Csv,
            _ => RosterFormat::Toml,
        }
    }

    /// Guesses the format of pasted text: CSV starts with its header.
    pub fn sniff(text: &str) -> Self {
        let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
        if first.to_ascii_lowercase().starts_with("country") && first.contains(',') {
            RosterFormat::Csv
        } else {
            RosterFormat::Toml
        }
    }
}

/// A state's standing in the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// One of the 24 states of the Asunción Declaration (2024).
    FoundingMember,
    /// A member that joined later.
    Member,
    /// A state without a formal mechanism yet, taking part as observer.
    Observer,
}

/// A status word that is not one of ours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a status: use founding_member, member or observer")]
pub struct UnknownStatus(pub String);

impl Status {
    /// Every status.
    pub const ALL: [Status; 3] = [Status::FoundingMember, Status::Member, Status::Observer];

    /// The stored and displayed word.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::FoundingMember => "founding_member",
            Status::Member => "member",
            Status::Observer => "observer",
        }
    }

    /// Reads a status (`founding`, `founding_member`, `founding-member`, `member`, `observer`).
    pub fn parse(raw: &str) -> Result<Self, UnknownStatus> {
        match raw.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "founding" | "founding_member" => Ok(Status::FoundingMember),
            "member" => Ok(Status::Member),
            "observer" => Ok(Status::Observer),
            _ => Err(UnknownStatus(raw.to_owned())),
        }
    }

    /// Members (founding or not), as opposed to observers.
    pub fn is_member(self) -> bool {
        !matches!(self, Status::Observer)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A state in the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// ISO code.
    pub code: CountryCode,
    /// Standing.
    pub status: Status,
    /// Name of its national mechanism, if known.
    pub mechanism: Option<String>,
}

/// A person holding (part of) a state's seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delegate {
    /// Full Matrix user ID, on any homeserver.
    pub user_id: MatrixUserId,
    /// The state represented.
    pub state: CountryCode,
    /// Preferred language (`en`, `fr`, `es`, `pt`…), if known.
    pub language: Option<String>,
}

/// The whole roster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roster {
    /// States by code.
    pub states: BTreeMap<CountryCode, State>,
    /// Delegates of states by user ID.
    pub delegates: BTreeMap<MatrixUserId, Delegate>,
    /// Partners by ID.
    pub partners: BTreeMap<PartnerId, Partner>,
    /// Delegates of partners by user ID (never also in `delegates`).
    pub partner_delegates: BTreeMap<MatrixUserId, PartnerDelegate>,
}

/// Why a roster operation is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RosterError {
    /// The state is not in the roster.
    #[error("{0} is not in the roster")]
    NoSuchState(CountryCode),
    /// The state is already in the roster.
    #[error("{0} is already in the roster")]
    StateExists(CountryCode),
    /// The user is not a delegate.
    #[error("{0} is not a delegate")]
    NoSuchDelegate(MatrixUserId),
    /// The user already holds a seat.
    #[error("{user} is already a delegate of {seat}")]
    DelegateExists {
        /// The user.
        user: MatrixUserId,
        /// The state or partner they represent.
        seat: Seat,
    },
    /// The partner is not in the roster.
    #[error("{0} is not in the roster")]
    NoSuchPartner(PartnerId),
    /// The partner is already in the roster.
    #[error("{0} is already in the roster")]
    PartnerExists(PartnerId),
}

impl Roster {
    /// Adds a state.
    pub fn add_state(&mut self, state: State) -> Result<(), RosterError> {
        if self.states.contains_key(&state.code) {
            return Err(RosterError::StateExists(state.code));
        }
        self.states.insert(state.code, state);
        Ok(())
    }

    /// Replaces a state's status and mechanism.
    pub fn update_state(&mut self, state: State) -> Result<(), RosterError> {
        let slot = self.states.get_mut(&state.code).ok_or(RosterError::NoSuchState(state.code))?;
        *slot = state;
        Ok(())
    }

    /// Removes a state and its delegates.
    pub fn remove_state(&mut self, code: CountryCode) -> Result<(), RosterError> {
        self.states.remove(&code).ok_or(RosterError::NoSuchState(code))?;
        self.delegates.retain(|_, d| d.state != code);
        Ok(())
    }

    /// Adds a delegate to an existing state.
    pub fn add_delegate(&mut self, delegate: Delegate) -> Result<(), RosterError> {
        if !self.states.contains_key(&delegate.state) {
            return Err(RosterError::NoSuchState(delegate.state));
        }
        self.check_seatless(&delegate.user_id)?;
        self.delegates.insert(delegate.user_id.clone(), delegate);
        Ok(())
    }

    fn check_seatless(&self, user: &MatrixUserId) -> Result<(), RosterError> {
        match self.seat_of(user.as_str()) {
            Some(seat) => Err(RosterError::DelegateExists { user: user.clone(), seat }),
            None => Ok(()),
        }
    }

    /// Adds a partner.
    pub fn add_partner(&mut self, partner: Partner) -> Result<(), RosterError> {
        if self.partners.contains_key(&partner.id) {
            return Err(RosterError::PartnerExists(partner.id));
        }
        self.partners.insert(partner.id.clone(), partner);
        Ok(())
    }

    /// Replaces a partner's kind, names and regions.
    pub fn update_partner(&mut self, partner: Partner) -> Result<(), RosterError> {
        let slot = self
            .partners
            .get_mut(&partner.id)
            .ok_or_else(|| RosterError::NoSuchPartner(partner.id.clone()))?;
        *slot = partner;
        Ok(())
    }

    /// Removes a partner and its delegates.
    pub fn remove_partner(&mut self, id: &PartnerId) -> Result<(), RosterError> {
        self.partners.remove(id).ok_or_else(|| RosterError::NoSuchPartner(id.clone()))?;
        self.partner_delegates.retain(|_, d| d.partner != *id);
        Ok(())
    }

    /// Adds a delegate to an existing partner.
    pub fn add_partner_delegate(&mut self, delegate: PartnerDelegate) -> Result<(), RosterError> {
        if !self.partners.contains_key(&delegate.partner) {
            return Err(RosterError::NoSuchPartner(delegate.partner));
        }
        self.check_seatless(&delegate.user_id)?;
        self.partner_delegates.insert(delegate.user_id.clone(), delegate);
        Ok(())
    }

    /// Adds `user` as a delegate of `seat`.
    pub fn add_seat_delegate(
        &mut self,
        seat: &Seat,
        user: MatrixUserId,
        language: Option<String>,
    ) -> Result<(), RosterError> {
        match seat {
            Seat::State(state) => {
                self.add_delegate(Delegate { user_id: user, state: *state, language })
            }
            Seat::Partner(partner) => self.add_partner_delegate(PartnerDelegate {
                user_id: user,
                partner: partner.clone(),
                language,
            }),
        }
    }

    /// Removes a delegate (of a state or a partner); returns the seat they held.
    pub fn remove_delegate(&mut self, user: &MatrixUserId) -> Result<Seat, RosterError> {
        if let Some(d) = self.delegates.remove(user) {
            return Ok(Seat::State(d.state));
        }
        match self.partner_delegates.remove(user) {
            Some(d) => Ok(Seat::Partner(d.partner)),
            None => Err(RosterError::NoSuchDelegate(user.clone())),
        }
    }

    /// Gives `old`'s seat (state or partner, language) to `new`.
    pub fn replace_delegate(
        &mut self,
        old: &MatrixUserId,
        new: MatrixUserId,
    ) -> Result<(), RosterError> {
        let before = self.clone();
        let language = self.language_of(old.as_str()).map(str::to_owned);
        let seat = self.remove_delegate(old)?;
        let added = self.add_seat_delegate(&seat, new, language);
        if added.is_err() {
            *self = before;
        }
        added
    }

    /// The seat `user` holds, if any (exact, full user ID).
    pub fn seat_of(&self, user: &str) -> Option<Seat> {
        let key = MatrixUserId::parse(user).ok()?;
        if let Some(d) = self.delegates.get(&key) {
            return Some(Seat::State(d.state));
        }
        self.partner_delegates.get(&key).map(|d| Seat::Partner(d.partner.clone()))
    }

    /// The partner `user` represents, if any (exact, full user ID).
    pub fn partner_of(&self, user: &str) -> Option<&Partner> {
        let key = MatrixUserId::parse(user).ok()?;
        self.partners.get(&self.partner_delegates.get(&key)?.partner)
    }

    /// The roster language of `user` (a state's or a partner's delegate).
    pub fn language_of(&self, user: &str) -> Option<&str> {
        let key = MatrixUserId::parse(user).ok()?;
        match self.delegates.get(&key) {
            Some(d) => d.language.as_deref(),
            None => self.partner_delegates.get(&key)?.language.as_deref(),
        }
    }

    /// The delegates of a seat.
    pub fn delegates_of_seat(&self, seat: &Seat) -> Vec<&MatrixUserId> {
        match seat {
            Seat::State(code) => self.delegates_of(*code).map(|d| &d.user_id).collect(),
            Seat::Partner(id) => self
                .partner_delegates
                .values()
                .filter(|d| d.partner == *id)
                .map(|d| &d.user_id)
                .collect(),
        }
    }

    /// The partner whose ID, or name in any language, is `query` (any case).
    pub fn find_partner(&self, query: &str) -> Option<&Partner> {
        let q = query.trim().to_lowercase();
        self.partners
            .values()
            .find(|p| p.id.as_str() == q || p.names.0.values().any(|n| n.to_lowercase() == q))
    }

    /// The seat in the roster that `typed` names: a state's code or name
    /// (any catalog language), a partner's ID or name, any case. Otherwise
    /// the closest keys (state codes, partner IDs), best first, at most 3.
    pub fn resolve_seat(&self, typed: &str) -> Result<Seat, Vec<String>> {
        if let Some(p) = self.find_partner(typed) {
            return Ok(Seat::Partner(p.id.clone()));
        }
        if let Some(code) = CountryCode::find(typed).filter(|c| self.states.contains_key(c)) {
            return Ok(Seat::State(code));
        }
        let wanted = typed.trim().to_lowercase();
        let mut candidates: Vec<(usize, String)> = Vec::new();
        let mut consider = |key: String, names: Vec<String>| {
            let distance = std::iter::once(key.to_lowercase())
                .chain(names.into_iter().map(|n| n.to_lowercase()))
                .map(|n| {
                    if n.starts_with(&wanted) || (wanted.len() >= 3 && n.contains(&wanted)) {
                        0
                    } else {
                        strsim::levenshtein(&wanted, &n)
                    }
                })
                .min()
                .unwrap_or(usize::MAX);
            candidates.push((distance, key));
        };
        for code in self.states.keys() {
            let names = super::Language::ALL.iter().map(|l| code.name(l.code())).collect();
            consider(code.to_string(), names);
        }
        for p in self.partners.values() {
            consider(p.id.to_string(), p.names.0.values().cloned().collect());
        }
        let limit = (wanted.chars().count() / 3).max(1);
        candidates.sort();
        let close: Vec<String> =
            candidates.iter().filter(|(d, _)| *d <= limit).map(|(_, k)| k.clone()).collect();
        if !close.is_empty() || wanted.chars().count() <= 2 {
            return Err(close.into_iter().take(3).collect());
        }
        // Nothing close to an organisation's name: the nearest partners.
        Err(candidates
            .into_iter()
            .filter(|(_, key)| self.partners.keys().any(|p| p.as_str() == key))
            .take(3)
            .map(|(_, key)| key)
            .collect())
    }

    /// Whether `seat` is in the roster.
    pub fn has_seat(&self, seat: &Seat) -> bool {
        match seat {
            Seat::State(code) => self.states.contains_key(code),
            Seat::Partner(id) => self.partners.contains_key(id),
        }
    }

    /// Applies one change (as recorded in the history).
    pub fn apply(&mut self, change: &RosterChange) -> Result<(), RosterError> {
        match change {
            RosterChange::AddState(s) => self.add_state(s.clone()),
            RosterChange::RemoveState(code) => self.remove_state(*code),
            RosterChange::UpdateState { after, .. } => self.update_state(after.clone()),
            RosterChange::AddDelegate(d) => self.add_delegate(d.clone()),
            RosterChange::RemoveDelegate(d) => self.remove_delegate(&d.user_id).map(drop),
            RosterChange::UpdateDelegate { after, .. } => {
                let slot = self
                    .delegates
                    .get_mut(&after.user_id)
                    .ok_or_else(|| RosterError::NoSuchDelegate(after.user_id.clone()))?;
                *slot = after.clone();
                Ok(())
            }
            RosterChange::AddPartner(p) => self.add_partner(p.clone()),
            RosterChange::RemovePartner(id) => self.remove_partner(id),
            RosterChange::UpdatePartner { after, .. } => self.update_partner(after.clone()),
            RosterChange::AddPartnerDelegate(d) => self.add_partner_delegate(d.clone()),
            RosterChange::RemovePartnerDelegate(d) => self.remove_delegate(&d.user_id).map(drop),
            RosterChange::UpdatePartnerDelegate { after, .. } => {
                let slot = self
                    .partner_delegates
                    .get_mut(&after.user_id)
                    .ok_or_else(|| RosterError::NoSuchDelegate(after.user_id.clone()))?;
                *slot = after.clone();
                Ok(())
            }
        }
    }

    /// The delegates of `state`.
    pub fn delegates_of(&self, state: CountryCode) -> impl Iterator<Item = &Delegate> {
        self.delegates.values().filter(move |d| d.state == state)
    }

    /// The state `user` represents, if any (exact, full user ID).
    pub fn state_of(&self, user: &str) -> Option<&State> {
        let delegate = self.delegates.values().find(|d| d.user_id.as_str() == user)?;
        self.states.get(&delegate.state)
    }
}

#[cfg(test)]
mod tests;
