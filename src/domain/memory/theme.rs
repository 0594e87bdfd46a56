//! Themes and concerned groups (modelled on the Universal Human Rights
//! Index): the taxonomy requests, outcomes and practices are tagged with.
//! It comes from `config/themes.toml`, which the network may edit.

use super::query::fold;
use super::sdg::SdgCode;
use crate::domain::LocalizedText;

/// A theme proper, or a group of people concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    /// A right or subject (`justice`, `education`).
    Theme,
    /// People concerned (`women`, `children`).
    Group,
}

/// One entry of the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Slug, unique (`justice`).
    pub id: String,
    /// Theme or concerned group.
    pub kind: ThemeKind,
    /// Names per language.
    pub names: LocalizedText,
    /// Related SDG targets.
    pub sdgs: Vec<SdgCode>,
}

/// The whole taxonomy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taxonomy {
    themes: Vec<Theme>,
}

impl Taxonomy {
    /// A taxonomy of `themes` (their IDs are unique: the loader checks).
    pub fn new(themes: Vec<Theme>) -> Self {
        Self { themes }
    }

    /// Every entry, in file order.
    pub fn all(&self) -> &[Theme] {
        &self.themes
    }

    /// The entry typed as `raw`: its ID, or its name in any language (case
    /// and accents aside).
    pub fn find(&self, raw: &str) -> Option<&Theme> {
        let wanted = fold(raw.trim());
        self.themes.iter().find(|t| t.id == wanted).or_else(|| {
            self.themes.iter().find(|t| t.names.0.values().any(|name| fold(name) == wanted))
        })
    }

    /// Up to three IDs closest to `raw`, for "did you mean".
    pub fn closest(&self, raw: &str) -> Vec<&str> {
        let wanted = fold(raw.trim());
        let mut scored: Vec<(f64, &str)> = self
            .themes
            .iter()
            .map(|t| (strsim::jaro_winkler(&wanted, &t.id), t.id.as_str()))
            .filter(|(score, _)| *score > 0.75)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().take(3).map(|(_, id)| id).collect()
    }

    /// The name of theme `id` in `lang` (the ID itself for one no longer
    /// in the file).
    pub fn name(&self, id: &str, lang: &str) -> String {
        self.themes
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_owned(), |t| t.names.get(lang).to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taxonomy() -> Taxonomy {
        let theme = |id: &str, en: &str, fr: &str| Theme {
            id: id.into(),
            kind: ThemeKind::Theme,
            names: LocalizedText([("en".into(), en.into()), ("fr".into(), fr.into())].into()),
            sdgs: Vec::new(),
        };
        Taxonomy::new(vec![
            theme("education", "Right to education", "Droit à l'éducation"),
            theme("justice", "Administration of justice", "Administration de la justice"),
        ])
    }

    #[test]
    fn a_theme_is_found_by_id_or_by_a_name_in_any_language_accents_aside() {
        let t = taxonomy();
        assert_eq!(t.find("JUSTICE").map(|t| t.id.as_str()), Some("justice"));
        assert_eq!(t.find("droit a l'education").map(|t| t.id.as_str()), Some("education"));
        assert_eq!(t.find("gardening"), None);
        assert_eq!(t.closest("justise"), ["justice"]);
        assert_eq!(t.name("education", "fr"), "Droit à l'éducation");
        assert_eq!(t.name("gone", "fr"), "gone");
    }
}
