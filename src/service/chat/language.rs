//! `!language`: each person chooses the language the bot answers them in,
//! stored by full Matrix user ID. Whose language is what: their own choice,
//! else (for a delegate) the roster's, else the configured default.

use super::{Answer, ChatService, Request};
use crate::domain::{Language, Roster};
use crate::i18n::Arg;
use crate::storage::{PreferenceStore, RosterStore, StorageError};

impl<S: RosterStore + PreferenceStore + Sync> ChatService<S> {
    /// The language `user` is answered in.
    pub(crate) async fn language_of(
        &self,
        roster: &Roster,
        user: &str,
    ) -> Result<Language, StorageError> {
        Ok(self.chosen_language(roster, user).await?.unwrap_or(self.default_language))
    }

    /// `user`'s own choice, else their roster language; `None` if neither.
    pub(super) async fn chosen_language(
        &self,
        roster: &Roster,
        user: &str,
    ) -> Result<Option<Language>, StorageError> {
        if let Some(code) = self.store.user_language(user).await? {
            if let Some(language) = Language::parse(&code) {
                return Ok(Some(language));
            }
        }
        Ok(roster.language_of(user).and_then(Language::parse))
    }

    /// `!language` (show) or `!language <code>` (choose, answered in the
    /// new language at once).
    pub(super) async fn language_command(
        &self,
        req: &Request<'_>,
        choice: Option<Language>,
    ) -> Result<Answer, StorageError> {
        let available: Vec<String> =
            Language::ALL.iter().map(|l| format!("{} ({})", l.code(), l.endonym())).collect();
        let Some(language) = choice else {
            let lang = req.lang;
            let args = [
                ("language", Arg::Text(lang.endonym().to_owned())),
                ("code", Arg::Code(lang.code().to_owned())),
                ("example", Arg::Code(format!("{}language es", self.prefix))),
                ("available", Arg::Text(available.join(", "))),
            ];
            return Ok(self.catalog.render(lang, "language-current", &args).into());
        };
        self.store.set_user_language(req.incoming.sender, language.code()).await?;
        let args = [("language", Arg::Text(language.endonym().to_owned()))];
        Ok(self.catalog.render(language, "language-set", &args).into())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{incoming, service};
    use super::super::Place;

    #[tokio::test]
    async fn a_chosen_language_wins_over_the_roster_at_once_and_per_person() {
        let s = service().await;
        let ping = |who| incoming(who, "!ping", Place::Direct);
        // @ma:x.org reads French per the roster.
        let before = s.handle(&ping("@ma:x.org")).await.unwrap().unwrap();
        assert!(before.text.plain.starts_with("Pong !"), "{}", before.text.plain);
        let set = s.handle(&incoming("@ma:x.org", "!language es", Place::Direct)).await;
        let set = set.unwrap().unwrap().text.plain;
        assert!(set.contains("Español"), "answered in the new language: {set}");
        let after = s.handle(&ping("@ma:x.org")).await.unwrap().unwrap();
        assert!(after.text.plain.starts_with("¡Pong!"), "{}", after.text.plain);
        // Anyone may choose, delegate or not; others are not affected.
        let ru = s.handle(&incoming("@z:x.org", "!language ru", Place::Direct)).await;
        assert!(ru.unwrap().unwrap().text.plain.contains("Русский"));
        let z = s.handle(&ping("@z:x.org")).await.unwrap().unwrap();
        assert!(z.text.plain.starts_with("Понг"), "{}", z.text.plain);
        let pt = s.handle(&ping("@pt:x.org")).await.unwrap().unwrap();
        assert!(pt.text.plain.starts_with("Pong!"), "{}", pt.text.plain);
        // A look-alike on another server keeps the default.
        let evil = s.handle(&ping("@ma:evil.example")).await.unwrap().unwrap();
        assert!(evil.text.plain.starts_with("Pong!"), "{}", evil.text.plain);
        let shown = s.handle(&incoming("@z:x.org", "!language", Place::Direct)).await;
        let shown = shown.unwrap().unwrap().text.plain;
        assert!(shown.contains("ru") && shown.contains("العربية"), "{shown}");
    }

    #[tokio::test]
    async fn notices_follow_the_requesters_language_of_the_moment() {
        use super::super::Effect;
        let s = service().await;
        let file = incoming("@cl:x.org", "!request membership Help", Place::NetworkRoom);
        s.handle(&file).await.unwrap().unwrap();
        let mut choose = incoming("@cl:x.org", "!language ru", Place::Direct);
        choose.event_id = "$lang";
        s.handle(&choose).await.unwrap().unwrap();
        let mut ack = incoming("@pt:x.org", "!ack 1", Place::Committee);
        ack.event_id = "$ack";
        let answer = s.handle(&ack).await.unwrap().unwrap();
        assert!(answer.text.plain.contains("acknowledged"), "PT reads English");
        let [Effect::Notify { text, .. }] = answer.effects.as_slice() else { panic!("{answer:?}") };
        assert!(text.plain.contains("подтвердил"), "the requester reads Russian: {}", text.plain);
    }

    #[tokio::test]
    async fn arabic_answers_are_right_to_left_with_user_text_isolated() {
        use super::super::Effect;
        let s = service().await;
        let mut choose = incoming("@cl:x.org", "!language ar", Place::Direct);
        choose.event_id = "$lang";
        s.handle(&choose).await.unwrap().unwrap();
        let title = "Training on UPR 2024 follow-up";
        let body = format!("!request membership {title}");
        let answer = s.handle(&incoming("@cl:x.org", &body, Place::NetworkRoom)).await;
        let answer = answer.unwrap().unwrap();
        assert!(answer.text.rtl, "{answer:?}");
        assert!(answer.text.html_to_send().starts_with("<div dir=\"rtl\">"));
        assert!(answer.text.plain.contains("\u{2068}#1\u{2069}"), "{}", answer.text.plain);
        // The committee's card is in English; an Arabic title in it would
        // be isolated, this Latin one reads as it is.
        let [Effect::PostCard { text, .. }] = answer.effects.as_slice() else {
            panic!("{answer:?}")
        };
        assert!(!text.rtl && text.plain.contains(&format!("Title: {title}")), "{}", text.plain);
        let arabic = "ورشة عمل حول الاستعراض الدوري الشامل UPR 2024";
        let body = format!("!request membership {arabic}");
        let mut second = incoming("@cl:x.org", &body, Place::NetworkRoom);
        second.event_id = "$second";
        let answer = s.handle(&second).await.unwrap().unwrap();
        let [Effect::PostCard { text, .. }] = answer.effects.as_slice() else {
            panic!("{answer:?}")
        };
        assert!(text.plain.contains(&format!("Title: \u{2068}{arabic}\u{2069}")), "{}", text.plain);
        assert!(
            text.html.contains(&format!("<bdi>\u{2068}{arabic}\u{2069}</bdi>")),
            "{}",
            text.html
        );
    }

    #[tokio::test]
    async fn the_committee_room_reads_each_card_in_each_of_its_languages() {
        use super::super::tests::service_on;
        use super::super::Effect;
        use crate::domain::Language::{Ar, Ru, ZhHans};
        let mut network = crate::config::load_network(None).unwrap();
        network.rooms.committee.languages = vec![ZhHans, Ru, Ar];
        let s = service_on(network).await;
        let filing = incoming("@cl:x.org", "!request membership Help", Place::NetworkRoom);
        let answer = s.handle(&filing).await.unwrap().unwrap();
        let [Effect::PostCard { text, .. }] = answer.effects.as_slice() else {
            panic!("{answer:?}")
        };
        let sections: Vec<&str> = text.plain.split("\n\n").collect();
        assert!(sections[0].starts_with("请求"), "{}", text.plain);
        assert!(sections.iter().any(|s| s.starts_with("Запрос")), "{}", text.plain);
        assert!(text.html.contains("<div dir=\"ltr\" lang=\"zh-Hans\">"), "{}", text.html);
        assert!(text.html.contains("<div dir=\"rtl\" lang=\"ar\">"), "{}", text.html);
        assert!(!text.plain.contains("Request #1"), "no English section: {}", text.plain);
    }
}
