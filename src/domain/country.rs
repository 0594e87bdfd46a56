//! States, identified by their ISO 3166-1 alpha-2 code.
//!
//! Country data (names in several languages, UN membership) comes from the
//! `keshvar` crate, so that no list of states is typed by hand.

use std::fmt;

/// An ISO 3166-1 alpha-2 code known to the country data (`MA`, `PY`, `PT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

/// Why a text is not a known country code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 3166-1 alpha-2 country code (two letters, like MA or PY)")]
pub struct UnknownCountry(pub String);

impl CountryCode {
    /// Parses a code in any case; only codes of existing countries are accepted.
    pub fn parse(raw: &str) -> Result<Self, UnknownCountry> {
        let upper = raw.trim().to_ascii_uppercase();
        let bytes: [u8; 2] =
            upper.as_bytes().try_into().map_err(|_| UnknownCountry(raw.to_owned()))?;
        keshvar::Alpha2::try_from(upper.as_str()).map_err(|_| UnknownCountry(raw.to_owned()))?;
        Ok(Self(bytes))
    }

    /// The two-letter code.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    fn country(&self) -> Option<keshvar::Country> {
        keshvar::Alpha2::try_from(self.as_str()).ok().map(|a| a.to_country())
    }

    /// The state's short name in `language` (`en`, `fr`, `es`, `pt`…), in
    /// English when no translation exists.
    pub fn name(&self, language: &str) -> String {
        let Some(country) = self.country() else {
            return self.as_str().to_owned();
        };
        // The data names Simplified Chinese by its main region.
        let key = match language {
            "zh-Hans" => "zh_CN",
            other => other,
        };
        match key {
            "en" => country.iso_short_name().to_owned(),
            other => country
                .translations()
                .get(other)
                .map_or_else(|| country.iso_short_name().to_owned(), |n| (*n).to_owned()),
        }
    }

    /// Whether the state is a member of the United Nations.
    pub fn is_un_member(&self) -> bool {
        self.country().is_some_and(|c| c.un_member())
    }

    /// Finds a state by code or by its name in any catalog language (any
    /// case).
    pub fn find(query: &str) -> Option<CountryCode> {
        if let Ok(code) = CountryCode::parse(query) {
            return Some(code);
        }
        let q = query.trim().to_lowercase();
        keshvar::CountryIterator::new()
            .filter_map(|c| CountryCode::parse(&format!("{:?}", c.alpha2())).ok())
            .find(|code| {
                super::Language::ALL.iter().any(|l| code.name(l.code()).to_lowercase() == q)
            })
    }

    /// Every UN member state, in code order.
    pub fn un_members() -> Vec<CountryCode> {
        let mut codes: Vec<CountryCode> = keshvar::CountryIterator::new()
            .filter(|c| c.un_member())
            .filter_map(|c| CountryCode::parse(&format!("{:?}", c.alpha2())).ok())
            .collect();
        codes.sort();
        codes
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_country_data_in_every_un_language() {
        let ma = CountryCode::parse("MA").unwrap();
        assert_eq!(ma.name("ar"), "المغرب");
        assert_eq!(ma.name("zh-Hans"), "摩洛哥");
        assert_eq!(ma.name("ru"), "Марокко");
        assert_eq!(CountryCode::find("Марокко"), Some(ma));
        assert_eq!(CountryCode::find("巴拉圭"), CountryCode::parse("PY").ok());
        // Every UN member state has a name in each of them.
        for code in CountryCode::un_members() {
            for l in super::super::Language::ALL {
                assert_ne!(code.name(l.code()), code.as_str(), "{code} in {l}");
            }
        }
    }

    #[test]
    fn codes_are_read_in_any_case_and_shown_upper_case() {
        assert_eq!(CountryCode::parse("ma").unwrap().as_str(), "MA");
    }

    #[test]
    fn unknown_or_malformed_codes_are_rejected() {
        for bad in ["XX", "M", "MAR", "", "1A"] {
            assert!(CountryCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_come_in_the_asked_language_with_english_as_fallback() {
        let ma = CountryCode::parse("MA").unwrap();
        assert_eq!(ma.name("en"), "Morocco");
        assert_eq!(ma.name("fr"), "Maroc");
        assert_eq!(ma.name("xx"), "Morocco");
        assert_eq!(CountryCode::parse("PY").unwrap().name("pt"), "Paraguai");
    }

    #[test]
    fn states_are_found_by_code_or_by_name_in_four_languages() {
        let ma = CountryCode::parse("MA").unwrap();
        for q in ["ma", "Morocco", "maroc", "Marruecos", "Marrocos"] {
            assert_eq!(CountryCode::find(q), Some(ma), "{q}");
        }
        assert_eq!(CountryCode::find("Atlantis"), None);
    }

    #[test]
    fn the_country_data_has_193_un_member_states() {
        assert_eq!(CountryCode::un_members().len(), 193);
    }
}
