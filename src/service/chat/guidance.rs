//! The guidance library from chat: `!guide` lists the documents, `!guide
//! <document>` its sections, `!guide <document> <section>` shows one in the
//! reader's language, or in another one, saying so.

use super::{Answer, ChatService, Request as ChatRequest};
use crate::domain::{Language, Permission};
use crate::i18n::{Arg, Text};

impl<S> ChatService<S> {
    pub(super) fn guide(
        &self,
        req: &ChatRequest<'_>,
        document: Option<&str>,
        section: Option<&str>,
    ) -> Answer {
        let lang = req.lang;
        if !self.roles(req.roster, req.incoming.sender).may(Permission::Search) {
            return self.say(lang, "search-not-allowed", &[]);
        }
        let library = &self.guidance;
        if library.documents.is_empty() {
            return self.say(lang, "guide-none", &[]);
        }
        let Some(wanted) = document else {
            let mut text = self.catalog.render(lang, "guide-intro", &[]);
            for doc in &library.documents {
                let Some((_, version, _)) = doc.version_for(lang.code()) else { continue };
                let languages: Vec<&str> = doc.versions.keys().map(String::as_str).collect();
                let args = [
                    ("id", Arg::Code(doc.id.clone())),
                    ("title", Arg::Text(version.title.clone())),
                    ("languages", Arg::Text(languages.join(", "))),
                ];
                text.push_line(&self.catalog.render(lang, "guide-entry", &args));
            }
            return text.into();
        };
        let Some(doc) = library.find(wanted) else {
            let args = [("value", Arg::Code(super::help::echo(wanted)))];
            return self.say(lang, "guide-unknown", &args);
        };
        let Some((shown_in, version, own)) = doc.version_for(lang.code()) else {
            return self.say(lang, "guide-none", &[]);
        };
        let mut text = Text::default();
        if !own {
            let name = Language::parse(shown_in).map_or(shown_in, |l| l.endonym());
            let args = [("language", Arg::Text(name.to_owned()))];
            text.push_line(&self.catalog.render(lang, "guide-fallback", &args));
        }
        let id = ("id", Arg::Code(doc.id.clone()));
        match section {
            None => {
                let args = [id, ("title", Arg::Text(version.title.clone()))];
                text.push_line(&self.catalog.render(lang, "guide-sections", &args));
                for (i, s) in version.sections.iter().enumerate() {
                    let args = [
                        ("number", Arg::Number(i as i64 + 1)),
                        ("title", Arg::Text(s.title.clone())),
                    ];
                    text.push_line(&self.catalog.render(lang, "guide-section-entry", &args));
                }
            }
            Some(wanted) => match version.section(wanted) {
                None => {
                    let args = [id, ("value", Arg::Code(super::help::echo(wanted)))];
                    text.push_line(&self.catalog.render(lang, "guide-no-section", &args));
                }
                Some((number, s)) => {
                    let args = [
                        ("document", Arg::Text(version.title.clone())),
                        ("number", Arg::Number(number as i64)),
                        ("title", Arg::Text(s.title.clone())),
                        ("body", Arg::Text(s.body.clone())),
                    ];
                    text.push_line(&self.catalog.render(lang, "guide-section", &args));
                }
            },
        }
        text.into()
    }
}
