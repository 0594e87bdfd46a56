//! What people type to search the network's memory, read into words and
//! quoted phrases that no search engine can take for its own operators.
//!
//! Words are runs of letters and digits; everything else (`"` aside, which
//! quotes a phrase) separates them, so `*`, `-`, `:`, `NEAR`, parentheses
//! and the like are never operators: each engine gets only quoted or
//! checked words. Case and accents do not matter (both engines fold them;
//! [`fold`] does the same here for excerpts and names).

use unicode_normalization::UnicodeNormalization;

/// Longest query read, in characters.
pub const MAX_QUERY_CHARS: usize = 300;
/// Most words (in and out of phrases) a query may have.
pub const MAX_QUERY_WORDS: usize = 12;

/// Words too common to require (a phrase keeps them).
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by", "or", "de", "la", "le",
    "les", "des", "du", "et", "en", "un", "une", "pour", "avec", "au", "aux", "el", "los", "las",
    "del", "y", "para", "con", "da", "do", "das", "dos", "e", "o", "os", "um", "uma", "com", "no",
    "na", "nos", "nas",
];

/// Lower case, without accents (`Éducation` → `education`).
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// Why a query cannot be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryProblem {
    /// Nothing was typed.
    Empty,
    /// Longer than [`MAX_QUERY_CHARS`].
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// Only punctuation or common words: nothing to look for.
    NoWords,
    /// More than [`MAX_QUERY_WORDS`] words.
    TooManyWords,
    /// A quote opened and never closed.
    UnbalancedQuotes,
}

/// A query: words that must all appear (as words or their beginnings) and
/// phrases whose words must appear in this order, side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// Folded words, each matching any word it begins.
    pub words: Vec<String>,
    /// Folded phrases (two words or more).
    pub phrases: Vec<Vec<String>>,
}

/// The words of `text`: runs of letters and digits, folded.
fn words_of(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphabetic() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

impl SearchQuery {
    /// Reads `raw`.
    pub fn parse(raw: &str) -> Result<Self, QueryProblem> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(QueryProblem::Empty);
        }
        let chars = raw.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(QueryProblem::TooLong { chars });
        }
        // Typographic quotes count as quotes.
        let raw: String = raw
            .chars()
            .map(|c| if matches!(c, '“' | '”' | '„' | '«' | '»') { '"' } else { c })
            .collect();
        if raw.matches('"').count() % 2 == 1 {
            return Err(QueryProblem::UnbalancedQuotes);
        }
        let (mut words, mut phrases, mut count) = (Vec::new(), Vec::new(), 0);
        for (i, part) in raw.split('"').enumerate() {
            let part_words = words_of(part);
            count += part_words.len();
            if i % 2 == 1 && part_words.len() > 1 {
                phrases.push(part_words);
            } else {
                let quoted = i % 2 == 1;
                words.extend(
                    part_words.into_iter().filter(|w| quoted || !STOP_WORDS.contains(&w.as_str())),
                );
            }
        }
        if count > MAX_QUERY_WORDS {
            return Err(QueryProblem::TooManyWords);
        }
        words.sort();
        words.dedup();
        if words.is_empty() && phrases.is_empty() {
            return Err(QueryProblem::NoWords);
        }
        Ok(Self { words, phrases })
    }

    /// Every folded word of the query, phrases included (for excerpts).
    pub fn all_words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().chain(self.phrases.iter().flatten()).map(String::as_str)
    }

    /// The query as an SQLite FTS5 MATCH expression: every word a quoted
    /// prefix, every phrase quoted, all required.
    pub fn fts5(&self) -> String {
        let words = self.words.iter().map(|w| format!("\"{w}\"*"));
        let phrases = self.phrases.iter().map(|p| format!("\"{}\"", p.join(" ")));
        words.chain(phrases).collect::<Vec<_>>().join(" AND ")
    }

    /// The query as a PostgreSQL `to_tsquery` text: every word a prefix
    /// (`:*`), every phrase its words side by side (`<->`), all required.
    pub fn tsquery(&self) -> String {
        let words = self.words.iter().map(|w| format!("{w}:*"));
        let phrases = self.phrases.iter().map(|p| format!("({})", p.join(" <-> ")));
        words.chain(phrases).collect::<Vec<_>>().join(" & ")
    }
}

/// A short excerpt of `text` (about `max_words` words) around the first
/// word that begins with one of `words` (folded), with `…` where cut.
pub fn excerpt<'a>(
    text: &str,
    words: impl IntoIterator<Item = &'a str>,
    max_words: usize,
) -> String {
    let wanted: Vec<&str> = words.into_iter().collect();
    let spans: Vec<&str> = text.split_whitespace().collect();
    let hit = spans
        .iter()
        .position(|w| words_of(w).iter().any(|f| wanted.iter().any(|q| f.starts_with(q))))
        .unwrap_or(0);
    let start = hit.saturating_sub(max_words / 3);
    let end = (start + max_words).min(spans.len());
    let mut out = spans[start..end].join(" ");
    if start > 0 {
        out.insert_str(0, "… ");
    }
    if end < spans.len() {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_operators_are_only_separators() {
        let q = SearchQuery::parse("Éducation NEAR(x) -détention* tracking:db").unwrap();
        assert_eq!(q.words, ["db", "detention", "education", "near", "tracking", "x"]);
        assert!(q.phrases.is_empty());
        assert_eq!(
            q.fts5(),
            "\"db\"* AND \"detention\"* AND \"education\"* AND \"near\"* AND \"tracking\"* AND \"x\"*"
        );
    }

    #[test]
    fn quotes_make_phrases_and_keep_their_common_words() {
        let q = SearchQuery::parse("\"study visit\" of the “Ministry of Justice”").unwrap();
        assert_eq!(q.words, Vec::<String>::new());
        assert_eq!(q.phrases, [vec!["study", "visit"], vec!["ministry", "of", "justice"]]);
        assert_eq!(q.fts5(), "\"study visit\" AND \"ministry of justice\"");
        assert_eq!(q.tsquery(), "(study <-> visit) & (ministry <-> of <-> justice)");
    }

    #[test]
    fn bad_queries_get_a_reason() {
        assert_eq!(SearchQuery::parse("  "), Err(QueryProblem::Empty));
        assert_eq!(SearchQuery::parse("*** :: -- \"\""), Err(QueryProblem::NoWords));
        assert_eq!(SearchQuery::parse("the of and"), Err(QueryProblem::NoWords));
        assert_eq!(SearchQuery::parse("\"open"), Err(QueryProblem::UnbalancedQuotes));
        let long = "a".repeat(10_240);
        assert_eq!(SearchQuery::parse(&long), Err(QueryProblem::TooLong { chars: 10_240 }));
        let many = (0..13).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(SearchQuery::parse(&many), Err(QueryProblem::TooManyWords));
    }

    #[test]
    fn an_excerpt_is_cut_around_the_first_hit() {
        let text =
            (0..40).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ") + " Éducation end";
        let e = excerpt(&text, ["educ"], 9);
        assert!(e.starts_with("… ") && e.contains("Éducation"), "{e}");
        assert_eq!(excerpt("short text", ["zzz"], 9), "short text");
    }

    proptest::proptest! {
        #[test]
        fn fuzz_no_query_gives_an_engine_anything_but_words(raw in "\\PC{0,400}") {
            if let Ok(q) = SearchQuery::parse(&raw) {
                for w in q.all_words() {
                    proptest::prop_assert!(w.chars().all(|c| c.is_alphabetic() || c.is_ascii_digit()));
                }
                proptest::prop_assert!(!q.fts5().is_empty() && !q.tsquery().is_empty());
            }
        }
    }
}
