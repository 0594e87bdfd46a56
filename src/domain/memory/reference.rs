//! References to UN human-rights recommendations, as people cite them:
//!
//! ```text
//! UPR 4 123.45                         Universal Periodic Review, cycle 4, recommendation 123.45
//! CAT CAT/C/PRY/CO/7 para 12           a treaty body, its concluding observations, a paragraph
//! CEDAW para 23 | CRC 45(b)            a treaty body and a paragraph alone
//! SP torture A/HRC/40/59/Add.1 §85     a special procedure: mandate, report symbol, paragraph
//! ```
//!
//! The shape is checked; the text is kept verbatim (spaces tidied).

use std::fmt;

/// Who made the recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mechanism {
    /// The Universal Periodic Review.
    Upr,
    /// A treaty body (its acronym).
    TreatyBody(&'static str),
    /// A special procedure of the Human Rights Council.
    SpecialProcedure,
}

/// The treaty bodies, and how their documents' symbols begin.
const TREATY_BODIES: &[(&str, &str)] = &[
    ("CAT", "CAT/"),
    ("SPT", "CAT/OP/"),
    ("CEDAW", "CEDAW/"),
    ("CERD", "CERD/"),
    ("CCPR", "CCPR/"),
    ("CESCR", "E/C.12/"),
    ("CRC", "CRC/"),
    ("CRPD", "CRPD/"),
    ("CMW", "CMW/"),
    ("CED", "CED/"),
];

/// A checked reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Who made it.
    pub mechanism: Mechanism,
    /// The UPR cycle, for the UPR.
    pub cycle: Option<u8>,
    /// As typed, spaces tidied.
    pub text: String,
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Why a reference was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    /// The first word is no mechanism.
    #[error("`{0}` is not a mechanism (UPR, a treaty body such as CAT or CEDAW, or SP)")]
    UnknownMechanism(String),
    /// The UPR needs a cycle and a recommendation number.
    #[error("a UPR reference is `UPR <cycle> <recommendation>`, e.g. `UPR 4 123.45`")]
    BadUpr,
    /// A treaty body needs a symbol or a paragraph (or both).
    #[error("a treaty body reference is `<body> [symbol] [para] <paragraph>`, e.g. `CAT CAT/C/PRY/CO/7 para 12`")]
    BadTreatyBody,
    /// A document symbol of another body.
    #[error("`{symbol}` is not a document of {body} (its symbols begin `{prefix}`)")]
    WrongSymbol {
        /// The body cited.
        body: &'static str,
        /// The symbol typed.
        symbol: String,
        /// How that body's symbols begin.
        prefix: &'static str,
    },
    /// A special procedure needs a report symbol or a paragraph.
    #[error("a special procedure reference is `SP <mandate> <symbol> [para <n>]`, e.g. `SP torture A/HRC/40/59/Add.1 para 85`")]
    BadSpecialProcedure,
    /// Longer than any real citation.
    #[error("a reference is at most 120 characters")]
    TooLong,
}

impl Reference {
    /// Reads `raw`.
    pub fn parse(raw: &str) -> Result<Self, ReferenceError> {
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() > 120 {
            return Err(ReferenceError::TooLong);
        }
        let mut words = text.split(' ');
        let first = words.next().unwrap_or_default();
        let rest: Vec<&str> = words.collect();
        let upper = first.to_ascii_uppercase();
        let (mechanism, cycle) = match upper.as_str() {
            "UPR" => (Mechanism::Upr, Some(upr(&rest)?)),
            "SP" => {
                special_procedure(&rest)?;
                (Mechanism::SpecialProcedure, None)
            }
            _ => match TREATY_BODIES.iter().find(|(b, _)| *b == upper) {
                Some(&(body, prefix)) => {
                    treaty_body(body, prefix, &rest)?;
                    (Mechanism::TreatyBody(body), None)
                }
                None => return Err(ReferenceError::UnknownMechanism(first.to_owned())),
            },
        };
        Ok(Self { mechanism, cycle, text })
    }
}

/// `4 123.45`: the cycle.
fn upr(rest: &[&str]) -> Result<u8, ReferenceError> {
    let [cycle, number] = rest else { return Err(ReferenceError::BadUpr) };
    let cycle = cycle.strip_prefix(['c', 'C']).unwrap_or(cycle);
    let cycle: u8 =
        cycle.parse().ok().filter(|c| (1..=9).contains(c)).ok_or(ReferenceError::BadUpr)?;
    let parts: Vec<&str> = number.split('.').collect();
    let numeric = |p: &&str| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(numeric) {
        return Err(ReferenceError::BadUpr);
    }
    Ok(cycle)
}

/// A document symbol: upper-case segments with `/`, like `CAT/C/PRY/CO/7`.
fn is_symbol(word: &str) -> bool {
    let segments: Vec<&str> = word.split('/').collect();
    segments.len() >= 3
        && segments.iter().all(|s| {
            !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        })
}

/// `12`, `12.3`, `45(b)`, `§12`: a paragraph.
fn is_paragraph(word: &str) -> bool {
    let word = word.strip_prefix('§').unwrap_or(word);
    let (number, letter) = match word.split_once('(') {
        Some((n, l)) => (n, Some(l)),
        None => (word, None),
    };
    let number_ok = !number.is_empty()
        && number
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()));
    let letter_ok = letter.is_none_or(|l| {
        l.strip_suffix(')').is_some_and(|l| {
            (1..=4).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase())
        })
    });
    number_ok && letter_ok
}

/// `[symbol] [para|paras|§] <paragraph>` or a symbol alone; the symbol, if any.
fn symbol_and_paragraph<'a>(rest: &[&'a str]) -> Option<Option<&'a str>> {
    let (symbol, rest) = match rest.first() {
        Some(w) if is_symbol(w) => (Some(*w), &rest[1..]),
        _ => (None, rest),
    };
    let rest = match rest.first().map(|w| w.to_ascii_lowercase()) {
        Some(w) if matches!(w.as_str(), "para" | "para." | "paras" | "paragraph" | "§") => {
            &rest[1..]
        }
        _ => rest,
    };
    match rest {
        [] if symbol.is_some() => Some(symbol),
        [p] if is_paragraph(p) => Some(symbol),
        _ => None,
    }
}

fn treaty_body(
    body: &'static str,
    prefix: &'static str,
    rest: &[&str],
) -> Result<(), ReferenceError> {
    let symbol = symbol_and_paragraph(rest).ok_or(ReferenceError::BadTreatyBody)?;
    match symbol {
        // CAT/OP/ belongs to the SPT; CAT's own symbols begin CAT/C/.
        Some(s)
            if !s.to_ascii_uppercase().starts_with(prefix)
                || (body == "CAT" && s.to_ascii_uppercase().starts_with("CAT/OP/")) =>
        {
            Err(ReferenceError::WrongSymbol { body, symbol: s.to_owned(), prefix })
        }
        _ => Ok(()),
    }
}

fn special_procedure(rest: &[&str]) -> Result<(), ReferenceError> {
    // Mandate words (at least one), then a symbol and/or a paragraph.
    let start =
        rest.iter().position(|w| is_symbol(w) || is_paragraph(w) || w.eq_ignore_ascii_case("para"));
    match start {
        Some(i) if i >= 1 && symbol_and_paragraph(&rest[i..]).is_some() => Ok(()),
        _ => Err(ReferenceError::BadSpecialProcedure),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_of_every_mechanism_are_read_and_kept_verbatim() {
        let upr = Reference::parse("  upr 4   123.45 ").unwrap();
        assert_eq!(
            (upr.mechanism, upr.cycle, upr.text.as_str()),
            (Mechanism::Upr, Some(4), "upr 4 123.45")
        );
        for ok in [
            "CAT CAT/C/PRY/CO/7 para 12",
            "CEDAW para 23",
            "CRC 45(b)",
            "CESCR E/C.12/PRY/CO/4 §10",
            "CRPD CRPD/C/MAR/CO/1",
            "SPT CAT/OP/PRY/1 para 30",
            "SP torture A/HRC/40/59/Add.1 para 85",
            "SP education 12",
            "UPR 3 108.7.1",
        ] {
            assert!(Reference::parse(ok).is_ok(), "{ok}: {:?}", Reference::parse(ok));
        }
    }

    #[test]
    fn malformed_references_are_refused_with_the_expected_shape() {
        let err = |raw| Reference::parse(raw).unwrap_err();
        assert_eq!(err("UN 4 12.3"), ReferenceError::UnknownMechanism("UN".into()));
        for bad in ["UPR", "UPR 4", "UPR 12 1.2", "UPR 4 abc", "UPR 4 12", "UPR 4 1.2 extra"] {
            assert_eq!(err(bad), ReferenceError::BadUpr, "{bad}");
        }
        for bad in ["CAT", "CAT torture", "CEDAW para", "CRC 45(B)", "CAT 12 13"] {
            assert_eq!(err(bad), ReferenceError::BadTreatyBody, "{bad}");
        }
        assert!(matches!(err("CAT CEDAW/C/PRY/CO/8 para 2"), ReferenceError::WrongSymbol { .. }));
        assert!(matches!(err("CAT CAT/OP/PRY/1"), ReferenceError::WrongSymbol { .. }));
        assert_eq!(err("SP A/HRC/40/59"), ReferenceError::BadSpecialProcedure);
        assert_eq!(err(&format!("UPR 4 {}", "1".repeat(130))), ReferenceError::TooLong);
    }
}
