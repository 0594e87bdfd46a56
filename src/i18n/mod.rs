//! The message catalog: every sentence peerlink says to a person comes from
//! the Fluent files under `locales/`, one folder per language.
//!
//! A rendered message has two forms, as Matrix wants them: a plain `body`
//! and an HTML `formatted_body`. Catalog text may use `` `code` `` spans and
//! line breaks; arguments are escaped in HTML, so text that users wrote is
//! always shown as text, never as markup.

#[cfg(test)]
mod checks;
pub mod format;
mod markup;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::domain::Language;

pub use markup::{escape_html, sanitize};

/// The Fluent sources, embedded in the binary.
const SOURCES: [(Language, &str); 7] = [
    (Language::En, include_str!("../../locales/en/peerlink.ftl")),
    (Language::Fr, include_str!("../../locales/fr/peerlink.ftl")),
    (Language::Es, include_str!("../../locales/es/peerlink.ftl")),
    (Language::Pt, include_str!("../../locales/pt/peerlink.ftl")),
    (Language::Ar, include_str!("../../locales/ar/peerlink.ftl")),
    (Language::ZhHans, include_str!("../../locales/zh-Hans/peerlink.ftl")),
    (Language::Ru, include_str!("../../locales/ru/peerlink.ftl")),
];

/// A message ready to send: plain text and HTML.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// Plain text (`body`).
    pub plain: String,
    /// HTML (`formatted_body`), without the direction of the whole.
    pub html: String,
    /// Written right to left (Arabic): sent as `<div dir="rtl">…</div>`.
    pub rtl: bool,
}

impl Text {
    /// Plain text and HTML, without a direction of their own (text built
    /// outside the catalog).
    pub fn new(plain: String, html: String) -> Self {
        Self { plain, html, rtl: false }
    }

    /// Appends `other` on a new line.
    pub fn push_line(&mut self, other: &Text) {
        if !self.plain.is_empty() {
            self.plain.push('\n');
            self.html.push_str("<br>\n");
        }
        self.plain.push_str(&other.plain);
        self.html.push_str(&other.html);
        self.rtl |= other.rtl;
    }

    /// One message made of the same text in several languages, a section
    /// each, in the order given; each section keeps its own direction.
    pub fn sections(parts: Vec<(Language, Text)>) -> Text {
        if parts.len() == 1 {
            return parts.into_iter().next().map(|(_, t)| t).unwrap_or_default();
        }
        let plain: Vec<String> = parts.iter().map(|(_, t)| t.plain.clone()).collect();
        let html: Vec<String> = parts
            .iter()
            .map(|(l, t)| {
                let dir = if t.rtl { "rtl" } else { "ltr" };
                format!("<div dir=\"{dir}\" lang=\"{}\">{}</div>", l.code(), t.html)
            })
            .collect();
        Text { plain: plain.join("\n\n"), html: html.join("<hr>"), rtl: false }
    }

    /// The `formatted_body` to send: right-to-left text in a block that
    /// says so, so clients lay it out (and align it) right to left.
    pub fn html_to_send(&self) -> String {
        if self.rtl {
            format!("<div dir=\"rtl\">{}</div>", self.html)
        } else {
            self.html.clone()
        }
    }
}

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, escaped in HTML (anything users wrote goes here).
    Text(String),
    /// Text shown as code (`<code>` in HTML, escaped).
    Code(String),
    /// A number (drives plural forms).
    Number(i64),
    /// People named so that their clients notify them: full Matrix user
    /// IDs, as links to them in HTML (mention pills), comma-separated.
    /// The message's `m.mentions` must list the same people.
    Mentions(Vec<String>),
}

/// Arguments of a message, by name.
pub type Args<'a> = [(&'a str, Arg)];

/// All languages' bundles.
pub struct Catalog {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
}

/// A catalog file that does not parse (a bug caught by the unit tests).
#[derive(Debug, thiserror::Error)]
#[error("the {language} message catalog has errors: {details}")]
pub struct CatalogError {
    language: Language,
    details: String,
}

impl Catalog {
    /// Loads the embedded catalogs.
    pub fn load() -> Result<Self, CatalogError> {
        let mut bundles = HashMap::new();
        for (language, source) in SOURCES {
            let error = |details: String| CatalogError { language, details };
            let resource = FluentResource::try_new(source.to_owned())
                .map_err(|(_, errs)| error(format!("{errs:?}")))?;
            let langid = language.code().parse().map_err(|e| error(format!("{e}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Unicode isolation marks would end up inside plain-text bodies
            // (arguments are isolated by the markup where it matters).
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format::format_number));
            bundle.add_resource(resource).map_err(|errs| error(format!("{errs:?}")))?;
            bundles.insert(language, bundle);
        }
        Ok(Self { bundles })
    }

    /// Renders message `id` in `language`, falling back to English, then to
    /// the bare ID (logged) so that a missing translation never loses a reply.
    pub fn render(&self, language: Language, id: &str, args: &Args<'_>) -> Text {
        let (text, errors) = self.render_checked(language, id, args);
        if !errors.is_empty() {
            tracing::error!(message_id = id, ?errors, "message rendered with errors");
        }
        text
    }

    /// Like [`render`](Self::render), with Fluent's errors returned (for
    /// the catalog checks) rather than logged.
    pub(crate) fn render_checked(
        &self,
        language: Language,
        id: &str,
        args: &Args<'_>,
    ) -> (Text, Vec<String>) {
        let found = [language, Language::En].into_iter().find_map(|lang| {
            let bundle = self.bundles.get(&lang)?;
            let pattern = bundle.get_message(id)?.value()?;
            Some((bundle, pattern))
        });
        let Some((bundle, pattern)) = found else {
            tracing::error!(message_id = id, %language, "message missing from the catalog");
            let missing = format!("{id} is missing from {language} and English");
            return (Text::new(id.to_owned(), escape_html(id)), vec![missing]);
        };
        // Text arguments become private-use placeholders so that the template
        // can be turned into HTML first and the escaped values put in after.
        let mut fluent_args = FluentArgs::new();
        let mut inserts = Vec::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(_) | Arg::Code(_) | Arg::Mentions(_) => {
                    inserts.push(arg.clone());
                    FluentValue::from(markup::placeholder(inserts.len() - 1))
                }
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let template: Cow<'_, str> =
            bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        let errors = errors.iter().map(|e| format!("{e:?}")).collect();
        (markup::render(&template, &inserts, language.is_rtl()), errors)
    }

    /// The Fluent source of `language`'s catalog (for the catalog checks).
    pub(crate) fn source(language: Language) -> &'static str {
        SOURCES.iter().find(|(l, _)| *l == language).map_or("", |(_, s)| s)
    }

    /// The message IDs of one language (for the catalog consistency tests).
    pub fn message_ids(language: Language) -> Vec<String> {
        Self::source(language)
            .lines()
            .filter_map(|line| {
                let (id, _) = line.split_once(" =")?;
                let ok = !id.is_empty()
                    && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                ok.then(|| id.to_owned())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_exactly_the_english_messages() {
        let mut en = Catalog::message_ids(Language::En);
        en.sort();
        assert!(en.len() > 5, "the English catalog looks empty");
        for lang in Language::ALL {
            let mut ids = Catalog::message_ids(lang);
            ids.sort();
            assert_eq!(ids, en, "{lang} differs from en");
        }
    }

    #[test]
    fn every_message_renders_in_every_language_without_errors() {
        let catalog = Catalog::load().unwrap();
        for lang in Language::ALL {
            for id in Catalog::message_ids(lang) {
                let text = catalog.render(lang, &id, &[]);
                assert!(!text.plain.is_empty() && text.plain != id, "{lang}/{id}");
            }
        }
    }

    #[test]
    fn user_text_is_escaped_in_html_and_kept_verbatim_in_plain_text() {
        let catalog = Catalog::load().unwrap();
        let evil = "<b>x</b> & `y`".to_owned();
        let text = catalog.render(Language::En, "unknown-command", &[("command", Arg::Code(evil))]);
        assert!(text.plain.contains("`<b>x</b> & `y``"), "{}", text.plain);
        assert!(text.html.contains("&lt;b&gt;x&lt;/b&gt; &amp; `y`"), "{}", text.html);
        assert!(!text.html.contains("<b>"), "{}", text.html);
    }

    #[test]
    fn numbers_in_messages_are_written_as_each_language_writes_them() {
        let catalog = Catalog::load().unwrap();
        let intro =
            |lang| catalog.render(lang, "roster-show-intro", &[("count", Arg::Number(1234))]).plain;
        assert!(intro(Language::En).contains("1,234"), "{}", intro(Language::En));
        assert!(intro(Language::Fr).contains("1\u{202F}234"), "{}", intro(Language::Fr));
        assert!(intro(Language::Es).contains("1234") || intro(Language::Es).contains("1.234"));
        assert!(intro(Language::Ru).contains("1\u{A0}234"), "{}", intro(Language::Ru));
        // Plural forms still follow the number itself.
        let ru =
            |n| catalog.render(Language::Ru, "roster-show-intro", &[("count", Arg::Number(n))]);
        assert!(ru(21).plain.contains("21 государство"), "{}", ru(21).plain);
        assert!(ru(22).plain.contains("22 государства"), "{}", ru(22).plain);
        assert!(ru(25).plain.contains("25 государств"), "{}", ru(25).plain);
    }

    #[test]
    fn french_is_used_when_asked() {
        let catalog = Catalog::load().unwrap();
        let en = catalog.render(Language::En, "pong", &[]);
        let fr = catalog.render(Language::Fr, "pong", &[]);
        assert_ne!(en.plain, fr.plain);
    }
}
