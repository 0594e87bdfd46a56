//! Loading the guidance library: under the configured folder, one folder per
//! document (its name is the document's ID) holding one Markdown file per
//! language (`en.md`, `fr.md`, `zh-Hans.md`…). Every problem is reported as
//! `file: what is wrong`.

use std::path::Path;

use super::network::{FileProblem, NetworkError};
use crate::domain::memory::{Document, Library, Version};
use crate::domain::Language;

fn problem(file: &Path, message: impl Into<String>) -> FileProblem {
    FileProblem { file: file.display().to_string(), line: None, message: message.into() }
}

fn is_slug(id: &str) -> bool {
    (2..=60).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Loads every document under `dir`.
pub fn load_guidance(dir: &Path) -> Result<Library, NetworkError> {
    let mut problems = Vec::new();
    let read = |path: &Path| {
        std::fs::read_dir(path).map_err(|e| problem(path, format!("cannot read the folder: {e}")))
    };
    let mut folders: Vec<_> = read(dir)
        .map_err(|p| NetworkError(vec![p]))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut documents = Vec::new();
    for folder in folders {
        let id = folder.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if !is_slug(&id) {
            problems.push(problem(
                &folder,
                "a document's folder name is its ID: lowercase letters, digits and dashes",
            ));
            continue;
        }
        let mut files: Vec<_> = match read(&folder) {
            Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        files.sort();
        let mut versions = std::collections::BTreeMap::new();
        for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "md")) {
            let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let Some(lang) = Language::parse(stem).filter(|l| l.code() == stem) else {
                let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
                problems.push(problem(
                    file,
                    format!("the file name must be a language code and .md ({})", codes.join(", ")),
                ));
                continue;
            };
            match std::fs::read_to_string(file)
                .map_err(|e| e.to_string())
                .and_then(|t| Version::parse(&t).map_err(|e| e.to_string()))
            {
                Ok(v) => {
                    versions.insert(lang.code().to_owned(), v);
                }
                Err(e) => problems.push(problem(file, e)),
            }
        }
        if versions.is_empty() {
            problems.push(problem(&folder, "no language version (`en.md`, `fr.md`…)"));
            continue;
        }
        documents.push(Document { id, versions });
    }
    if problems.is_empty() {
        Ok(Library { documents })
    } else {
        Err(NetworkError(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_example_loads_in_three_languages() {
        let library =
            load_guidance(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/config/guidance")))
                .unwrap();
        let doc = library.find("peer-learning").unwrap();
        let languages: Vec<&str> = doc.versions.keys().map(String::as_str).collect();
        assert_eq!(languages, ["en", "es", "fr"]);
        assert!(doc.versions.values().all(|v| v.sections.len() == 6));
    }

    #[test]
    fn bad_files_are_reported_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("Bad Name")).unwrap();
        std::fs::create_dir(dir.path().join("good")).unwrap();
        std::fs::write(dir.path().join("good/en.md"), "no title").unwrap();
        std::fs::write(dir.path().join("good/xx.md"), "# T\n## S\n").unwrap();
        let err = load_guidance(dir.path()).unwrap_err().to_string();
        assert!(err.contains("Bad Name: a document's folder name"), "{err}");
        assert!(err.contains("en.md: the first line must be the title"), "{err}");
        assert!(err.contains("xx.md: the file name must be a language code"), "{err}");
    }
}
