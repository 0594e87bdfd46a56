//! Roster changes: the one vocabulary of the roster's history. Every edit
//! (CLI, chat, file import) is a list of [`RosterChange`]s, and
//! [`Roster::diff`] computes the list that turns one roster into another in
//! an order that keeps every step valid.

use std::fmt;

use super::{
    Delegate, MatrixUserId, Partner, PartnerDelegate, PartnerId, Roster, Seat, State, Status,
};
use crate::domain::CountryCode;

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
    /// A partner joins the roster.
    AddPartner(Partner),
    /// A partner leaves (its delegates leave first).
    RemovePartner(PartnerId),
    /// A partner's kind, names or regions change.
    UpdatePartner {
        /// Before.
        before: Partner,
        /// After.
        after: Partner,
    },
    /// A partner's delegate is added.
    AddPartnerDelegate(PartnerDelegate),
    /// A partner's delegate is removed.
    RemovePartnerDelegate(PartnerDelegate),
    /// A partner delegate's language changes.
    UpdatePartnerDelegate {
        /// Before.
        before: PartnerDelegate,
        /// After.
        after: PartnerDelegate,
    },
}

impl Roster {
    /// The changes that turn `self` into `target`, in an order that keeps
    /// every intermediate roster valid: delegates leave before their state
    /// or partner, states and partners arrive before their delegates, and a
    /// person leaves one seat before taking another.
    pub fn diff(&self, target: &Roster) -> Vec<RosterChange> {
        let mut changes = Vec::new();
        for (user, d) in &self.delegates {
            match target.delegates.get(user) {
                Some(t) if t.state == d.state => {}
                _ => changes.push(RosterChange::RemoveDelegate(d.clone())),
            }
        }
        for (user, d) in &self.partner_delegates {
            match target.partner_delegates.get(user) {
                Some(t) if t.partner == d.partner => {}
                _ => changes.push(RosterChange::RemovePartnerDelegate(d.clone())),
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
        for (id, p) in &self.partners {
            match target.partners.get(id) {
                None => changes.push(RosterChange::RemovePartner(id.clone())),
                Some(t) if t != p => changes
                    .push(RosterChange::UpdatePartner { before: p.clone(), after: t.clone() }),
                Some(_) => {}
            }
        }
        for (code, t) in &target.states {
            if !self.states.contains_key(code) {
                changes.push(RosterChange::AddState(t.clone()));
            }
        }
        for (id, t) in &target.partners {
            if !self.partners.contains_key(id) {
                changes.push(RosterChange::AddPartner(t.clone()));
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
        for (user, t) in &target.partner_delegates {
            match self.partner_delegates.get(user) {
                Some(d) if d.partner == t.partner && d.language != t.language => {
                    changes.push(RosterChange::UpdatePartnerDelegate {
                        before: d.clone(),
                        after: t.clone(),
                    })
                }
                Some(d) if d.partner == t.partner => {}
                _ => changes.push(RosterChange::AddPartnerDelegate(t.clone())),
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
            RosterChange::AddPartner(_) => "add_partner",
            RosterChange::RemovePartner(_) => "remove_partner",
            RosterChange::UpdatePartner { .. } => "update_partner",
            RosterChange::AddPartnerDelegate(_) => "add_partner_delegate",
            RosterChange::RemovePartnerDelegate(_) => "remove_partner_delegate",
            RosterChange::UpdatePartnerDelegate { .. } => "update_partner_delegate",
        }
    }

    /// The state or partner concerned.
    pub fn seat(&self) -> Seat {
        match self {
            RosterChange::AddState(s) => Seat::State(s.code),
            RosterChange::RemoveState(c) => Seat::State(*c),
            RosterChange::UpdateState { after, .. } => Seat::State(after.code),
            RosterChange::AddDelegate(d) | RosterChange::RemoveDelegate(d) => Seat::State(d.state),
            RosterChange::UpdateDelegate { after, .. } => Seat::State(after.state),
            RosterChange::AddPartner(p) => Seat::Partner(p.id.clone()),
            RosterChange::RemovePartner(id) => Seat::Partner(id.clone()),
            RosterChange::UpdatePartner { after, .. } => Seat::Partner(after.id.clone()),
            RosterChange::AddPartnerDelegate(d) | RosterChange::RemovePartnerDelegate(d) => {
                Seat::Partner(d.partner.clone())
            }
            RosterChange::UpdatePartnerDelegate { after, .. } => {
                Seat::Partner(after.partner.clone())
            }
        }
    }

    /// The delegate concerned, if any.
    pub fn user(&self) -> Option<&MatrixUserId> {
        match self {
            RosterChange::AddDelegate(d) | RosterChange::RemoveDelegate(d) => Some(&d.user_id),
            RosterChange::UpdateDelegate { after, .. } => Some(&after.user_id),
            RosterChange::AddPartnerDelegate(d) | RosterChange::RemovePartnerDelegate(d) => {
                Some(&d.user_id)
            }
            RosterChange::UpdatePartnerDelegate { after, .. } => Some(&after.user_id),
            _ => None,
        }
    }
}

fn or_none(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("-")
}

fn partner_line(p: &Partner) -> String {
    let regions: Vec<&str> = p.regions.iter().map(String::as_str).collect();
    let regions = if regions.is_empty() { "-".to_owned() } else { regions.join(", ") };
    format!("{} ({}), name: {}, regional rooms: {regions}", p.id, p.kind, p.name("en"))
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
            RosterChange::AddPartner(p) => write!(f, "+ partner {}", partner_line(p)),
            RosterChange::RemovePartner(id) => write!(f, "- partner {id}"),
            RosterChange::UpdatePartner { before, after } => {
                write!(
                    f,
                    "~ partner {}: {} -> {}",
                    after.id,
                    partner_line(before),
                    partner_line(after)
                )
            }
            RosterChange::AddPartnerDelegate(d) => write!(
                f,
                "+ delegate {} for {} (language: {})",
                d.user_id,
                d.partner,
                or_none(&d.language)
            ),
            RosterChange::RemovePartnerDelegate(d) => {
                write!(f, "- delegate {} for {}", d.user_id, d.partner)
            }
            RosterChange::UpdatePartnerDelegate { before, after } => write!(
                f,
                "~ delegate {}: language {} -> {}",
                after.user_id,
                or_none(&before.language),
                or_none(&after.language)
            ),
        }
    }
}

/// A state's status after the change a history entry records, read from its
/// stored words (`add_state`: `+ state MA (founding_member)…`;
/// `update_state`: `… status observer -> member`); `None` when the state
/// left (`remove_state`) or the entry says nothing of its status.
pub fn status_after(action: &str, detail: &str, before: Option<Status>) -> Option<Status> {
    match action {
        "add_state" => {
            let inside = detail.split_once('(')?.1.split_once(')')?.0;
            Status::parse(inside).ok()
        }
        // The status part, when there is one, comes first after the colon.
        "update_state" => match detail.split_once(": ").map(|(_, rest)| rest) {
            Some(rest) if rest.starts_with("status ") => {
                let after = rest.split_once("-> ")?.1;
                Status::parse(after.split_whitespace().next()?).ok()
            }
            _ => before,
        },
        _ => None,
    }
}

#[cfg(test)]
mod status_tests {
    use super::*;

    #[test]
    fn statuses_are_read_back_from_the_history_words_the_display_writes() {
        let ma = State {
            code: CountryCode::parse("MA").unwrap(),
            status: Status::FoundingMember,
            mechanism: Some("DIDH (x)".into()),
        };
        let added = RosterChange::AddState(ma.clone()).to_string();
        assert_eq!(status_after("add_state", &added, None), Some(Status::FoundingMember));
        let cl = State {
            code: CountryCode::parse("CL").unwrap(),
            status: Status::Observer,
            mechanism: None,
        };
        let upgraded = RosterChange::UpdateState {
            before: cl.clone(),
            after: State { status: Status::Member, ..cl.clone() },
        };
        assert_eq!(
            status_after("update_state", &upgraded.to_string(), Some(Status::Observer)),
            Some(Status::Member)
        );
        let renamed = RosterChange::UpdateState {
            before: cl.clone(),
            after: State { mechanism: Some("status quo".into()), ..cl.clone() },
        };
        assert_eq!(
            status_after("update_state", &renamed.to_string(), Some(Status::Observer)),
            Some(Status::Observer)
        );
        assert_eq!(status_after("remove_state", "- state CL", Some(Status::Member)), None);
    }
}
