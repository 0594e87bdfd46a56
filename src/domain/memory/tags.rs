//! The tags of a request, an outcome or a practice: SDG goals and targets,
//! themes, and references to UN recommendations, as typed (`--sdg 16.3
//! --theme justice --ref "UPR 4 123.45"`) and as checked.

use super::reference::{Reference, ReferenceError};
use super::sdg::{SdgCode, SDG};
use super::theme::Taxonomy;

/// At most this many tags of each kind on one subject.
pub const MAX_TAGS_EACH: usize = 10;

/// Tags as typed: each value may list several, comma-separated (not
/// references, which may hold commas).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawTags {
    /// `--sdg` values.
    pub sdgs: Vec<String>,
    /// `--theme` values.
    pub themes: Vec<String>,
    /// `--ref` values.
    pub references: Vec<String>,
}

impl RawTags {
    /// Whether nothing was given.
    pub fn is_empty(&self) -> bool {
        self.sdgs.is_empty() && self.themes.is_empty() && self.references.is_empty()
    }
}

/// Checked tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tags {
    /// SDG goals and targets.
    pub sdgs: Vec<SdgCode>,
    /// Theme IDs of the taxonomy.
    pub themes: Vec<String>,
    /// References.
    pub references: Vec<Reference>,
}

/// Why tags were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagProblem {
    /// Not an SDG goal or target.
    UnknownSdg(String),
    /// Not a theme of the taxonomy (with the closest IDs).
    UnknownTheme(String, Vec<String>),
    /// A reference of the wrong shape.
    BadReference(String, ReferenceError),
    /// More than [`MAX_TAGS_EACH`] of one kind.
    TooMany,
}

fn split_list(values: &[String]) -> impl Iterator<Item = &str> {
    values.iter().flat_map(|v| v.split(',')).map(str::trim).filter(|v| !v.is_empty())
}

impl Tags {
    /// Checks `raw` against the SDG catalog and `taxonomy`.
    pub fn check(raw: &RawTags, taxonomy: &Taxonomy) -> Result<Self, TagProblem> {
        let mut tags = Tags::default();
        for s in split_list(&raw.sdgs) {
            let code = SDG.parse_code(s).ok_or_else(|| TagProblem::UnknownSdg(s.to_owned()))?;
            if !tags.sdgs.contains(&code) {
                tags.sdgs.push(code);
            }
        }
        for t in split_list(&raw.themes) {
            let theme = taxonomy.find(t).ok_or_else(|| {
                let closest = taxonomy.closest(t).into_iter().map(str::to_owned).collect();
                TagProblem::UnknownTheme(t.to_owned(), closest)
            })?;
            if !tags.themes.contains(&theme.id) {
                tags.themes.push(theme.id.clone());
            }
        }
        for r in raw.references.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
            let reference =
                Reference::parse(r).map_err(|e| TagProblem::BadReference(r.to_owned(), e))?;
            if !tags.references.iter().any(|x| x.text.eq_ignore_ascii_case(&reference.text)) {
                tags.references.push(reference);
            }
        }
        let most = tags.sdgs.len().max(tags.themes.len()).max(tags.references.len());
        if most > MAX_TAGS_EACH {
            return Err(TagProblem::TooMany);
        }
        Ok(tags)
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.sdgs.is_empty() && self.themes.is_empty() && self.references.is_empty()
    }

    /// The stored rows: (kind, value) with kind `sdg`, `theme` or `ref`.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let sdgs = self.sdgs.iter().map(|c| ("sdg", c.to_string()));
        let themes = self.themes.iter().map(|t| ("theme", t.clone()));
        let refs = self.references.iter().map(|r| ("ref", r.text.clone()));
        sdgs.chain(themes).chain(refs).collect()
    }

    /// Tags read back from stored rows (values that no longer parse, such
    /// as a theme removed from the file, are kept as they were).
    pub fn from_rows(rows: &[(String, String)]) -> Self {
        let mut tags = Tags::default();
        for (kind, value) in rows {
            match kind.as_str() {
                "sdg" => tags.sdgs.extend(SDG.parse_code(value)),
                "theme" => tags.themes.push(value.clone()),
                "ref" => tags.references.push(Reference::parse(value).unwrap_or(Reference {
                    mechanism: super::Mechanism::SpecialProcedure,
                    cycle: None,
                    text: value.clone(),
                })),
                _ => {}
            }
        }
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::memory::theme::{Theme, ThemeKind};
    use crate::domain::LocalizedText;

    fn taxonomy() -> Taxonomy {
        Taxonomy::new(vec![Theme {
            id: "justice".into(),
            kind: ThemeKind::Theme,
            names: LocalizedText([("en".into(), "Justice".into())].into()),
            sdgs: Vec::new(),
        }])
    }

    #[test]
    fn tags_are_checked_deduplicated_and_stored_as_rows() {
        let raw = RawTags {
            sdgs: vec!["16.3, 5".into(), "16.3".into()],
            themes: vec!["Justice".into()],
            references: vec!["UPR 4 123.45".into()],
        };
        let tags = Tags::check(&raw, &taxonomy()).unwrap();
        let rows = tags.rows();
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert!(rows.contains(&("theme", "justice".into())));
        let back: Vec<(String, String)> =
            rows.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        assert_eq!(Tags::from_rows(&back), tags);
    }

    #[test]
    fn unknown_codes_and_themes_are_refused_by_name() {
        let sdg = RawTags { sdgs: vec!["18".into()], ..RawTags::default() };
        assert_eq!(Tags::check(&sdg, &taxonomy()), Err(TagProblem::UnknownSdg("18".into())));
        let theme = RawTags { themes: vec!["justise".into()], ..RawTags::default() };
        assert_eq!(
            Tags::check(&theme, &taxonomy()),
            Err(TagProblem::UnknownTheme("justise".into(), vec!["justice".into()]))
        );
        let reference = RawTags { references: vec!["UN 1".into()], ..RawTags::default() };
        assert!(matches!(Tags::check(&reference, &taxonomy()), Err(TagProblem::BadReference(..))));
    }
}
