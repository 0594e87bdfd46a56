//! The guidance library: documents such as the Marrakech Guidance Framework,
//! one Markdown file per language (`# title`, then `## section` headings),
//! split into numbered sections that `!guide` shows and search finds. A
//! reader gets their own language, else another one, and is told which.

use std::collections::BTreeMap;

use super::query::fold;

/// One section of one language version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Its heading.
    pub title: String,
    /// Its text (Markdown, as written).
    pub body: String,
}

/// A document in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The document's title (its `# ` line).
    pub title: String,
    /// Its sections, in order (numbered from 1).
    pub sections: Vec<Section>,
}

/// Why a version does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GuidanceError {
    /// No `# title` line first.
    #[error("the first line must be the title (`# Title`)")]
    NoTitle,
    /// No `## section`.
    #[error("there is no section (`## Section title`)")]
    NoSections,
}

impl Version {
    /// Reads a Markdown file: `# Title`, text before the first `## ` is an
    /// introduction (a section of its own, titled as the document).
    pub fn parse(text: &str) -> Result<Self, GuidanceError> {
        let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
        let title = lines
            .next()
            .and_then(|l| l.strip_prefix("# "))
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .ok_or(GuidanceError::NoTitle)?;
        let mut sections: Vec<Section> = Vec::new();
        let mut intro = String::new();
        for line in lines {
            if let Some(heading) = line.strip_prefix("## ") {
                sections.push(Section { title: heading.trim().to_owned(), body: String::new() });
                continue;
            }
            let target = match sections.last_mut() {
                Some(s) => &mut s.body,
                None => &mut intro,
            };
            target.push_str(line);
            target.push('\n');
        }
        if sections.is_empty() {
            return Err(GuidanceError::NoSections);
        }
        for s in &mut sections {
            s.body = s.body.trim().to_owned();
        }
        if !intro.trim().is_empty() {
            sections.insert(0, Section { title: title.clone(), body: intro.trim().to_owned() });
        }
        Ok(Self { title, sections })
    }

    /// Section `wanted`: its number (1-based), or the first whose heading
    /// begins with (or contains) the words typed, case and accents aside.
    pub fn section(&self, wanted: &str) -> Option<(usize, &Section)> {
        if let Ok(n) = wanted.trim().trim_start_matches('#').parse::<usize>() {
            return self.sections.get(n.checked_sub(1)?).map(|s| (n, s));
        }
        let wanted = fold(wanted.trim());
        if wanted.is_empty() {
            return None;
        }
        let position = self
            .sections
            .iter()
            .position(|s| fold(&s.title).starts_with(&wanted))
            .or_else(|| self.sections.iter().position(|s| fold(&s.title).contains(&wanted)))?;
        Some((position + 1, &self.sections[position]))
    }
}

/// A document: its ID (its folder's name) and its versions by language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Slug (`marrakech-framework`).
    pub id: String,
    /// Versions by language code.
    pub versions: BTreeMap<String, Version>,
}

impl Document {
    /// The version for a reader of `lang`: theirs, else English, else the
    /// first; with whether it is theirs.
    pub fn version_for(&self, lang: &str) -> Option<(&str, &Version, bool)> {
        if let Some((l, v)) = self.versions.get_key_value(lang) {
            return Some((l.as_str(), v, true));
        }
        self.versions
            .get_key_value("en")
            .or_else(|| self.versions.iter().next())
            .map(|(l, v)| (l.as_str(), v, false))
    }
}

/// Every document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// The documents, in ID order.
    pub documents: Vec<Document>,
}

impl Library {
    /// The document typed as `wanted`: its ID, or words of its title in
    /// any language (case and accents aside).
    pub fn find(&self, wanted: &str) -> Option<&Document> {
        let wanted = fold(wanted.trim());
        self.documents.iter().find(|d| d.id == wanted).or_else(|| {
            self.documents
                .iter()
                .find(|d| d.versions.values().any(|v| fold(&v.title).contains(&wanted)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "# A guide\n\nWhy it exists.\n\n## Preparing a request\nWrite it well.\n\n## Étude de cas\nA case.\n";

    #[test]
    fn a_markdown_file_is_split_into_numbered_sections() {
        let v = Version::parse(EN).unwrap();
        assert_eq!(v.title, "A guide");
        let titles: Vec<&str> = v.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["A guide", "Preparing a request", "Étude de cas"]);
        assert_eq!(v.sections[1].body, "Write it well.");
        assert_eq!(v.section("2").map(|(n, _)| n), Some(2));
        assert_eq!(v.section("prep").map(|(n, _)| n), Some(2));
        assert_eq!(v.section("ETUDE").map(|(n, _)| n), Some(3));
        assert_eq!(v.section("cas").map(|(n, _)| n), Some(3));
        assert_eq!(v.section("9"), None);
        assert_eq!(v.section("0"), None);
        assert_eq!(Version::parse("no title"), Err(GuidanceError::NoTitle));
        assert_eq!(Version::parse("# T\nonly text"), Err(GuidanceError::NoSections));
    }

    #[test]
    fn a_reader_gets_their_language_else_english_and_is_told() {
        let v = Version::parse(EN).unwrap();
        let doc = Document { id: "g".into(), versions: [("en".to_owned(), v)].into() };
        assert_eq!(doc.version_for("fr").map(|(l, _, own)| (l, own)), Some(("en", false)));
        assert_eq!(doc.version_for("en").map(|(l, _, own)| (l, own)), Some(("en", true)));
        let library = Library { documents: vec![doc] };
        assert!(library.find("G").is_some() && library.find("a guide").is_some());
        assert!(library.find("other").is_none());
    }
}
