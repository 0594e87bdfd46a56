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
    /// Arabic (written right to left).
    Ar,
    /// Chinese, in Simplified characters.
    ZhHans,
    /// Russian.
    Ru,
}

impl Language {
    /// Every language the catalog carries, in display order: the UN's six
    /// official languages in their English alphabetical order, then
    /// Portuguese.
    pub const ALL: [Language; 7] = [
        Language::Ar,
        Language::ZhHans,
        Language::En,
        Language::Fr,
        Language::Ru,
        Language::Es,
        Language::Pt,
    ];

    /// The BCP 47 code (`en`, `fr`, `zh-Hans`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Pt => "pt",
            Language::Ar => "ar",
            Language::ZhHans => "zh-Hans",
            Language::Ru => "ru",
        }
    }

    /// The language's name in itself (`Français`, `العربية`).
    pub fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "Français",
            Language::Es => "Español",
            Language::Pt => "Português",
            Language::Ar => "العربية",
            Language::ZhHans => "中文（简体）",
            Language::Ru => "Русский",
        }
    }

    /// Whether it is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Language::Ar
    }

    /// Reads a language tag, ignoring case and any region or script
    /// (`fr-CA` -> French; `zh`, `zh-CN`, `zh-Hans` -> Chinese, the only
    /// script the catalog carries).
    pub fn parse(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code().split('-').next() == Some(primary.as_str()))
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
        for zh in ["zh", "zh-Hans", "zh_CN", "ZH-hans-CN"] {
            assert_eq!(Language::parse(zh), Some(Language::ZhHans), "{zh}");
        }
        assert_eq!(Language::parse("ar-MA"), Some(Language::Ar));
        assert_eq!(Language::parse("ru"), Some(Language::Ru));
    }

    #[test]
    fn every_code_reads_back_as_its_language() {
        for l in Language::ALL {
            assert_eq!(Language::parse(l.code()), Some(l));
        }
        assert!(Language::Ar.is_rtl() && !Language::Ru.is_rtl());
    }

    #[test]
    fn unknown_or_empty_tags_are_rejected() {
        assert_eq!(Language::parse("xx"), None);
        assert_eq!(Language::parse(""), None);
    }
}
