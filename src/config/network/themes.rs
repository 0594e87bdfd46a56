//! Loading the themes file (`config/themes.toml`) into a checked
//! [`Taxonomy`], every problem as `file:line: what is wrong`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{NetworkError, Reporter};
use crate::domain::memory::{SdgCode, Taxonomy, Theme, ThemeKind, SDG};
use crate::domain::LocalizedText;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemesFile {
    #[serde(rename = "theme", default)]
    themes: Vec<ThemeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    id: Spanned<String>,
    kind: Spanned<String>,
    name: BTreeMap<String, String>,
    #[serde(default)]
    sdg: Vec<Spanned<String>>,
}

/// Whether `id` is a theme ID: lowercase letters, digits and `-`, 2 to 40.
fn is_theme_id(id: &str) -> bool {
    (2..=40).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Parses the themes file `text` (named `file` in problems).
pub(super) fn parse_themes(file: &str, text: &str) -> Result<Taxonomy, NetworkError> {
    let mut rep = Reporter::new(file.to_owned(), text);
    let Some(raw) = rep.parse::<ThemesFile>() else {
        return Err(NetworkError(rep.problems));
    };
    let mut themes: Vec<Theme> = Vec::new();
    for t in raw.themes {
        let (id, at) = (t.id.get_ref().clone(), Some(t.id.span().start));
        if !is_theme_id(&id) {
            rep.at(
                at,
                format!("theme id `{id}` must be 2 to 40 lowercase letters, digits and dashes"),
            );
            continue;
        }
        if themes.iter().any(|x| x.id == id) {
            rep.at(at, format!("theme id `{id}` is used twice"));
            continue;
        }
        let kind = match t.kind.get_ref().as_str() {
            "theme" => ThemeKind::Theme,
            "group" => ThemeKind::Group,
            other => {
                let message =
                    format!("theme `{id}`: kind `{other}` is neither \"theme\" nor \"group\"");
                rep.at(Some(t.kind.span().start), message);
                continue;
            }
        };
        if !t.name.contains_key("en") {
            rep.at(at, format!("theme `{id}` has no English name (name.en)"));
        }
        let mut sdgs: Vec<SdgCode> = Vec::new();
        for s in &t.sdg {
            match SDG.parse_code(s.get_ref()) {
                Some(code) => sdgs.push(code),
                None => rep.at(
                    Some(s.span().start),
                    format!("theme `{id}`: `{}` is not an SDG goal or target", s.get_ref()),
                ),
            }
        }
        themes.push(Theme { id, kind, names: LocalizedText(t.name), sdgs });
    }
    if rep.problems.is_empty() {
        Ok(Taxonomy::new(themes))
    } else {
        Err(NetworkError(rep.problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_themes_file_loads_with_every_name_in_every_language() {
        let taxonomy = parse_themes("themes.toml", super::super::DEFAULT_THEMES).unwrap();
        assert!(taxonomy.all().len() >= 40, "{}", taxonomy.all().len());
        for theme in taxonomy.all() {
            for lang in crate::domain::Language::ALL {
                assert!(theme.names.0.contains_key(lang.code()), "{} {lang:?}", theme.id);
            }
        }
        assert!(taxonomy.find("justice").is_some() && taxonomy.find("women").is_some());
    }

    #[test]
    fn problems_in_a_themes_file_are_reported_on_their_lines() {
        let text = "[[theme]]\nid = \"Bad Id\"\nkind = \"theme\"\nname = { en = \"x\" }\n\n\
                    [[theme]]\nid = \"ok\"\nkind = \"topic\"\nname = { en = \"x\" }\n\n\
                    [[theme]]\nid = \"good\"\nkind = \"group\"\nname = { fr = \"x\" }\nsdg = [\"18\"]\n";
        let err = parse_themes("t.toml", text).unwrap_err().to_string();
        assert!(err.contains("t.toml:2: theme id `Bad Id`"), "{err}");
        assert!(err.contains("t.toml:8: theme `ok`: kind `topic`"), "{err}");
        assert!(err.contains("t.toml:12: theme `good` has no English name"), "{err}");
        assert!(err.contains("t.toml:15: theme `good`: `18` is not an SDG"), "{err}");
    }
}
