//! The languages peerlink speaks to its users.

use std::fmt;

/// A language the message catalog carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
}

impl Language {
    /// Every language the catalog carries, in display order.
    pub const ALL: [Language; 4] = [Language::En, Language::Fr, Language::Es, Language::Pt];

    /// The BCP 47 code (`en`, `fr`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Pt => "pt",
        }
    }

    /// Reads a language tag, ignoring case and any region (`fr-CA` -> French).
    pub fn parse(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_regions_and_any_case_are_understood() {
        assert_eq!(Language::parse("fr-CA"), Some(Language::Fr));
        assert_eq!(Language::parse("EN_gb"), Some(Language::En));
    }

    #[test]
    fn unknown_or_empty_tags_are_rejected() {
        assert_eq!(Language::parse("xx"), None);
        assert_eq!(Language::parse(""), None);
    }
}
