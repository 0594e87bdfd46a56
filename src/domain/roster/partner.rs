//! Partners: organisations that are not states (OHCHR, UN agencies, donor
//! states' agencies, national human-rights institutions, civil society,
//! academia) and take part in the network's technical cooperation. A
//! partner has delegates like a state, belongs to the plenary and the
//! regional rooms it chose, never to the committee room, offers
//! cooperation and may be assigned requests; it never files or triages.

use std::collections::BTreeSet;
use std::fmt;

use super::super::{CountryCode, LocalizedText, MatrixUserId, RegionId};

/// A partner's identifier: 3 to 32 characters, lowercase ASCII letters,
/// digits and `-`, starting with a letter (`ohchr`, `undp`, `cndh-ma`).
/// Never two letters, so it is never mistaken for a state's code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartnerId(String);

/// A text that is not a partner ID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a partner ID: 3 to 32 lowercase letters, digits or `-`, starting with a letter \
     (like ohchr or cndh-ma)"
)]
pub struct BadPartnerId(pub String);

impl PartnerId {
    /// Reads an ID in any case (stored in lowercase).
    pub fn parse(raw: &str) -> Result<Self, BadPartnerId> {
        let id = raw.trim().to_ascii_lowercase();
        let valid = (3..=32).contains(&id.len())
            && id.starts_with(|c: char| c.is_ascii_lowercase())
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.ends_with('-');
        if valid {
            Ok(Self(id))
        } else {
            Err(BadPartnerId(raw.to_owned()))
        }
    }

    /// The ID.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PartnerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of organisation a partner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartnerKind {
    /// A UN body or office (OHCHR, a treaty body's secretariat).
    UnBody,
    /// A UN agency, fund or programme (UNDP, UNICEF).
    UnAgency,
    /// A donor state or its development agency.
    StateDonor,
    /// A national human-rights institution.
    Nhri,
    /// A civil-society organisation.
    CivilSociety,
    /// A university or research centre.
    Academia,
}

/// A kind word that is not one of ours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a partner kind: use un_body, un_agency, state_donor, nhri, civil_society or \
     academia"
)]
pub struct UnknownPartnerKind(pub String);

impl PartnerKind {
    /// Every kind.
    pub const ALL: [PartnerKind; 6] = [
        PartnerKind::UnBody,
        PartnerKind::UnAgency,
        PartnerKind::StateDonor,
        PartnerKind::Nhri,
        PartnerKind::CivilSociety,
        PartnerKind::Academia,
    ];

    /// The stored and displayed word.
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerKind::UnBody => "un_body",
            PartnerKind::UnAgency => "un_agency",
            PartnerKind::StateDonor => "state_donor",
            PartnerKind::Nhri => "nhri",
            PartnerKind::CivilSociety => "civil_society",
            PartnerKind::Academia => "academia",
        }
    }

    /// Reads a kind (any case, `-` or `_`).
    pub fn parse(raw: &str) -> Result<Self, UnknownPartnerKind> {
        let word = raw.trim().to_ascii_lowercase().replace('-', "_");
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == word)
            .ok_or_else(|| UnknownPartnerKind(raw.to_owned()))
    }
}

impl fmt::Display for PartnerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A partner in the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    /// Its ID.
    pub id: PartnerId,
    /// What it is.
    pub kind: PartnerKind,
    /// Its name by catalog language (at least one).
    pub names: LocalizedText,
    /// The regional rooms its delegates belong to (besides the plenary).
    pub regions: BTreeSet<RegionId>,
}

impl Partner {
    /// Its name in `language`, else in English, else any, else its ID.
    pub fn name(&self, language: &str) -> String {
        match self.names.get(language) {
            "" => self.id.to_string(),
            name => name.to_owned(),
        }
    }
}

/// A person holding (part of) a partner's seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerDelegate {
    /// Full Matrix user ID, on any homeserver.
    pub user_id: MatrixUserId,
    /// The partner represented.
    pub partner: PartnerId,
    /// Preferred language, if known.
    pub language: Option<String>,
}

/// Whom a delegate represents: a state or a partner.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seat {
    /// A state, by code.
    State(CountryCode),
    /// A partner, by ID.
    Partner(PartnerId),
}

impl Seat {
    /// Reads a state code (two letters) or a partner ID; `None` if it is
    /// neither. Whether it is in the roster is not checked here.
    pub fn parse(raw: &str) -> Option<Self> {
        match CountryCode::parse(raw) {
            Ok(code) => Some(Seat::State(code)),
            Err(_) => PartnerId::parse(raw).ok().map(Seat::Partner),
        }
    }

    /// The stored form: a state's code or a partner's ID.
    pub fn key(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Seat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seat::State(code) => write!(f, "{code}"),
            Seat::Partner(id) => write!(f, "{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_ids_are_slugs_never_two_letters() {
        assert_eq!(PartnerId::parse(" OHCHR ").unwrap().as_str(), "ohchr");
        assert_eq!(PartnerId::parse("cndh-ma").unwrap().as_str(), "cndh-ma");
        for bad in ["un", "1abc", "a b c", "ohchr-", "é-org", "", &"x".repeat(33)] {
            assert!(PartnerId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_seat_is_a_state_code_or_a_partner_id() {
        assert_eq!(Seat::parse("ma"), Some(Seat::State(CountryCode::parse("MA").unwrap())));
        assert_eq!(Seat::parse("undp"), Some(Seat::Partner(PartnerId::parse("undp").unwrap())));
        assert_eq!(Seat::parse("zz"), None, "two letters are a state's code or nothing");
        assert_eq!(Seat::parse("@a:b.c"), None);
    }

    #[test]
    fn kinds_read_leniently_and_names_fall_back_to_english_then_the_id() {
        assert_eq!(PartnerKind::parse("UN-Agency").unwrap(), PartnerKind::UnAgency);
        assert!(PartnerKind::parse("company").is_err());
        let mut partner = Partner {
            id: PartnerId::parse("ohchr").unwrap(),
            kind: PartnerKind::UnBody,
            names: LocalizedText::default(),
            regions: BTreeSet::new(),
        };
        assert_eq!(partner.name("fr"), "ohchr");
        partner.names.0.insert("en".into(), "OHCHR".into());
        partner.names.0.insert("fr".into(), "HCDH".into());
        assert_eq!(partner.name("fr"), "HCDH");
        assert_eq!(partner.name("ar"), "OHCHR");
    }
}
