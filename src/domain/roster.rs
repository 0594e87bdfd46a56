//! The roster: member and observer states, and the delegates who hold each
//! state's seat. A seat belongs to a state; delegates come and go.
//!
//! Every change is expressed as a list of [`RosterChange`]s computed by
//! [`Roster::diff`], so the CLI, chat commands and file imports all go
//! through one path and leave the same history.

use std::collections::BTreeMap;
use std::fmt;

use super::{CountryCode, MatrixUserId};

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
    /// Delegates by user ID.
    pub delegates: BTreeMap<MatrixUserId, Delegate>,
}

/// One atomic change to the roster, as stored in its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterChange {
    /// A state joins the roster.
    AddState(State),
    /// A state leaves (its delegates leave first).
    RemoveState(CountryCode),
    /// A state's status or mechanism changes.
    UpdateState {
        /// Before.
        before: State,
        /// After.
        after: State,
    },
    /// A delegate is added.
    AddDelegate(Delegate),
    /// A delegate is removed.
    RemoveDelegate(Delegate),
    /// A delegate's language changes.
    UpdateDelegate {
        /// Before.
        before: Delegate,
        /// After.
        after: Delegate,
    },
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
    /// The user already represents a state.
    #[error("{user} is already a delegate of {state}")]
    DelegateExists {
        /// The user.
        user: MatrixUserId,
        /// The state they represent.
        state: CountryCode,
    },
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
        if let Some(existing) = self.delegates.get(&delegate.user_id) {
            return Err(RosterError::DelegateExists {
                user: delegate.user_id.clone(),
                state: existing.state,
            });
        }
        self.delegates.insert(delegate.user_id.clone(), delegate);
        Ok(())
    }

    /// Removes a delegate.
    pub fn remove_delegate(&mut self, user: &MatrixUserId) -> Result<Delegate, RosterError> {
        self.delegates.remove(user).ok_or_else(|| RosterError::NoSuchDelegate(user.clone()))
    }

    /// Gives `old`'s seat (state, language) to `new`.
    pub fn replace_delegate(
        &mut self,
        old: &MatrixUserId,
        new: MatrixUserId,
    ) -> Result<(), RosterError> {
        let previous = self.remove_delegate(old)?;
        let added = self.add_delegate(Delegate { user_id: new, ..previous.clone() });
        if added.is_err() {
            self.delegates.insert(previous.user_id.clone(), previous);
        }
        added
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

    /// The changes that turn `self` into `target`, in an order that keeps
    /// every intermediate roster valid: delegates leave before their state,
    /// states arrive before their delegates.
    pub fn diff(&self, target: &Roster) -> Vec<RosterChange> {
        let mut changes = Vec::new();
        for (user, d) in &self.delegates {
            match target.delegates.get(user) {
                Some(t) if t.state == d.state => {}
                _ => changes.push(RosterChange::RemoveDelegate(d.clone())),
            }
        }
        for (code, s) in &self.states {
            match target.states.get(code) {
                None => changes.push(RosterChange::RemoveState(*code)),
                Some(t) if t != s => {
                    changes.push(RosterChange::UpdateState { before: s.clone(), after: t.clone() })
                }
                Some(_) => {}
            }
        }
        for (code, t) in &target.states {
            if !self.states.contains_key(code) {
                changes.push(RosterChange::AddState(t.clone()));
            }
        }
        for (user, t) in &target.delegates {
            match self.delegates.get(user) {
                Some(d) if d.state == t.state && d.language != t.language => changes
                    .push(RosterChange::UpdateDelegate { before: d.clone(), after: t.clone() }),
                Some(d) if d.state == t.state => {}
                _ => changes.push(RosterChange::AddDelegate(t.clone())),
            }
        }
        changes
    }
}

impl RosterChange {
    /// The action word stored in the history.
    pub fn action(&self) -> &'static str {
        match self {
            RosterChange::AddState(_) => "add_state",
            RosterChange::RemoveState(_) => "remove_state",
            RosterChange::UpdateState { .. } => "update_state",
            RosterChange::AddDelegate(_) => "add_delegate",
            RosterChange::RemoveDelegate(_) => "remove_delegate",
            RosterChange::UpdateDelegate { .. } => "update_delegate",
        }
    }

    /// The state concerned.
    pub fn state(&self) -> CountryCode {
        match self {
            RosterChange::AddState(s) => s.code,
            RosterChange::RemoveState(c) => *c,
            RosterChange::UpdateState { after, .. } => after.code,
            RosterChange::AddDelegate(d) | RosterChange::RemoveDelegate(d) => d.state,
            RosterChange::UpdateDelegate { after, .. } => after.state,
        }
    }

    /// The delegate concerned, if any.
    pub fn user(&self) -> Option<&MatrixUserId> {
        match self {
            RosterChange::AddDelegate(d) | RosterChange::RemoveDelegate(d) => Some(&d.user_id),
            RosterChange::UpdateDelegate { after, .. } => Some(&after.user_id),
            _ => None,
        }
    }
}

fn or_none(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("-")
}

impl fmt::Display for RosterChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RosterChange::AddState(s) => {
                write!(f, "+ state {} ({}), mechanism: {}", s.code, s.status, or_none(&s.mechanism))
            }
            RosterChange::RemoveState(code) => write!(f, "- state {code}"),
            RosterChange::UpdateState { before, after } => {
                write!(f, "~ state {}:", after.code)?;
                if before.status != after.status {
                    write!(f, " status {} -> {}", before.status, after.status)?;
                }
                if before.mechanism != after.mechanism {
                    write!(
                        f,
                        " mechanism {} -> {}",
                        or_none(&before.mechanism),
                        or_none(&after.mechanism)
                    )?;
                }
                Ok(())
            }
            RosterChange::AddDelegate(d) => {
                write!(
                    f,
                    "+ delegate {} for {} (language: {})",
                    d.user_id,
                    d.state,
                    or_none(&d.language)
                )
            }
            RosterChange::RemoveDelegate(d) => {
                write!(f, "- delegate {} for {}", d.user_id, d.state)
            }
            RosterChange::UpdateDelegate { before, after } => write!(
                f,
                "~ delegate {}: language {} -> {}",
                after.user_id,
                or_none(&before.language),
                or_none(&after.language)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delegates_may_choose_every_catalog_language_and_tags_read_as_its_code() {
        let codes: Vec<&str> = crate::domain::Language::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(DELEGATE_LANGUAGES.to_vec(), codes);
        assert_eq!(delegate_language("ZH").as_deref(), Some("zh-Hans"));
        assert_eq!(delegate_language("ru").as_deref(), Some("ru"));
        assert_eq!(delegate_language("fr-CA").as_deref(), Some("fr"));
        assert_eq!(delegate_language("xx"), None);
    }

    fn code(c: &str) -> CountryCode {
        CountryCode::parse(c).unwrap()
    }
    fn user(u: &str) -> MatrixUserId {
        MatrixUserId::parse(u).unwrap()
    }
    fn state(c: &str, status: Status) -> State {
        State { code: code(c), status, mechanism: None }
    }
    fn delegate(u: &str, c: &str) -> Delegate {
        Delegate { user_id: user(u), state: code(c), language: None }
    }
    fn roster() -> Roster {
        let mut r = Roster::default();
        r.add_state(state("MA", Status::FoundingMember)).unwrap();
        r.add_state(state("PT", Status::Member)).unwrap();
        r.add_delegate(delegate("@a:ma.example", "MA")).unwrap();
        r
    }

    #[test]
    fn status_words_are_read_leniently_and_stored_canonically() {
        assert_eq!(Status::parse("Founding").unwrap(), Status::FoundingMember);
        assert_eq!(Status::parse("founding-member").unwrap().as_str(), "founding_member");
        assert!(Status::parse("guest").is_err());
    }

    #[test]
    fn a_user_cannot_represent_two_states() {
        let mut r = roster();
        let err = r.add_delegate(delegate("@a:ma.example", "PT")).unwrap_err();
        assert_eq!(
            err,
            RosterError::DelegateExists { user: user("@a:ma.example"), state: code("MA") }
        );
    }

    #[test]
    fn the_same_localpart_on_another_server_is_another_person() {
        let mut r = roster();
        r.add_delegate(delegate("@a:evil.example", "PT")).unwrap();
        assert_eq!(r.state_of("@a:ma.example").unwrap().code, code("MA"));
        assert_eq!(r.state_of("@a:evil.example").unwrap().code, code("PT"));
    }

    #[test]
    fn removing_a_state_removes_its_delegates() {
        let mut r = roster();
        r.remove_state(code("MA")).unwrap();
        assert!(r.delegates.is_empty());
    }

    #[test]
    fn replacing_a_delegate_keeps_the_seat_and_fails_cleanly_on_conflict() {
        let mut r = roster();
        r.add_delegate(delegate("@b:pt.example", "PT")).unwrap();
        r.replace_delegate(&user("@a:ma.example"), user("@c:ma.example")).unwrap();
        assert_eq!(r.state_of("@c:ma.example").unwrap().code, code("MA"));
        assert!(r.state_of("@a:ma.example").is_none());
        let before = r.clone();
        assert!(r.replace_delegate(&user("@c:ma.example"), user("@b:pt.example")).is_err());
        assert_eq!(r, before, "a refused replacement changes nothing");
    }

    #[test]
    fn the_diff_orders_changes_so_each_step_is_valid() {
        let from = roster();
        let mut to = Roster::default();
        to.add_state(state("PT", Status::Observer)).unwrap();
        to.add_state(state("PY", Status::Member)).unwrap();
        to.add_delegate(delegate("@a:ma.example", "PY")).unwrap();
        let changes = from.diff(&to);
        let actions: Vec<&str> = changes.iter().map(RosterChange::action).collect();
        assert_eq!(
            actions,
            ["remove_delegate", "remove_state", "update_state", "add_state", "add_delegate"]
        );
        let mut replay = from.clone();
        for change in &changes {
            replay.apply(change).unwrap();
        }
        assert_eq!(replay, to);
        assert!(to.diff(&to).is_empty(), "no change, no diff");
    }
}
