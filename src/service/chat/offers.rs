//! Offers of technical cooperation from chat: a member state's or a
//! partner's delegate publishes what their state or partner can provide (`!offer <category> <title>` and
//! the details), anyone lists the open ones (`!offers`), the author or the
//! coordinator closes one. A new request's card lists the open offers of its
//! category, so the committee sees at once who could help.

use super::{Answer, ChatService, Request as ChatRequest};
use crate::commands::{OfferCommand, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use crate::domain::{CountryCode, Language, NewOffer, Offer, Permission, Roster};
use crate::i18n::{Arg, Text};
use crate::storage::{OfferStore, StorageError};

/// Offers listed at most.
const LIST_LIMIT: i64 = 20;

impl<S: OfferStore + Sync> ChatService<S> {
    pub(super) async fn offer_command(
        &self,
        req: &ChatRequest<'_>,
        command: OfferCommand,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        match command {
            OfferCommand::Add { category, title, description } => {
                let seat = req.roster.seat_of(req.incoming.sender);
                let Some(seat) = seat.filter(|_| roles.may(Permission::PublishOffer)) else {
                    return Ok(self.say(lang, "offer-not-allowed", &[]));
                };
                let Some(cat) = self.network().category(category.trim().to_lowercase().as_str())
                else {
                    let ids: Vec<&str> =
                        self.network().categories.iter().map(|c| c.id.as_str()).collect();
                    let args = [
                        ("category", Arg::Code(category.clone())),
                        ("categories", Arg::Text(ids.join(", "))),
                    ];
                    return Ok(self.say(lang, "offer-unknown-category", &args));
                };
                if title.chars().count() > MAX_TITLE_CHARS
                    || description.chars().count() > MAX_DESCRIPTION_CHARS
                {
                    let args = [("max", Arg::Number(MAX_DESCRIPTION_CHARS as i64))];
                    return Ok(self.say(lang, "offer-too-long", &args));
                }
                let new = NewOffer {
                    category: cat.id.clone(),
                    title,
                    description,
                    offered_by: seat.key(),
                    author: req.incoming.sender.to_owned(),
                    source_event: req.incoming.event_id.to_owned(),
                    created_at: self.clock().now_ms(),
                };
                let (offer, _) = self.store.create_offer(&new).await?;
                let args = [
                    ("number", Arg::Text(format!("#{}", offer.id))),
                    ("category", Arg::Text(cat.names.get(lang.code()).to_owned())),
                ];
                Ok(self.say(lang, "offer-published", &args))
            }
            OfferCommand::Close(id) => {
                let number = || Arg::Text(format!("#{id}"));
                let Some(offer) = self.store.get_offer(id).await? else {
                    return Ok(self.say(lang, "offer-not-found", &[("number", number())]));
                };
                let coordinator = roles.coordinator || roles.admin;
                if !(coordinator || offer.author == req.incoming.sender) {
                    return Ok(self.say(lang, "offer-not-yours", &[]));
                }
                let now = self.clock().now_ms();
                if !self.store.close_offer(id, req.incoming.sender, now).await? {
                    return Ok(self.say(lang, "offer-closed-already", &[("number", number())]));
                }
                Ok(self.say(lang, "offer-closed", &[("number", number())]))
            }
            OfferCommand::List { category } => {
                let category = category.map(|c| c.trim().to_lowercase());
                let offers = self.store.open_offers(category.as_deref(), LIST_LIMIT).await?;
                if offers.is_empty() {
                    return Ok(self.say(lang, "offers-none", &[]));
                }
                let mut text = self.catalog.render(lang, "offers-intro", &[]);
                for o in &offers {
                    text.push_line(&self.offer_line(lang, req.roster, o));
                }
                Ok(text.into())
            }
        }
    }

    /// One offer on one line: number, state or partner, title, category.
    pub(crate) fn offer_line(&self, lang: Language, roster: &Roster, o: &Offer) -> Text {
        let state = seat_name(roster, &o.offered_by, lang);
        let category = self
            .network()
            .category(&o.category)
            .map_or_else(|| o.category.clone(), |c| c.names.get(lang.code()).to_owned());
        let args = [
            ("number", Arg::Text(format!("#{}", o.id))),
            ("state", Arg::Text(state)),
            ("title", Arg::Text(o.title.clone())),
            ("category", Arg::Text(category)),
        ];
        self.catalog.render(lang, "offer-entry", &args)
    }
}

/// The name of a state (code) or partner (ID) in `lang`; the key itself
/// for one the roster no longer knows.
pub(crate) fn seat_name(roster: &Roster, key: &str, lang: Language) -> String {
    if let Ok(code) = CountryCode::parse(key) {
        return code.name(lang.code());
    }
    roster.find_partner(key).map_or_else(|| key.to_owned(), |p| p.name(lang.code()))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{incoming, service};
    use super::super::{Effect, Place};

    #[tokio::test]
    async fn a_member_offers_the_card_shows_it_and_its_author_closes_it() {
        let s = service().await;
        let ask = |who: &'static str, body: &'static str| {
            let s = s.clone();
            async move { s.handle(&incoming(who, body, Place::NetworkRoom)).await.unwrap().unwrap() }
        };
        let offer =
            "!offer capacity-building Training on tracking databases\nIn French and Spanish.";
        let published = ask("@pt:x.org", offer).await.text.plain;
        assert!(published.contains("#1") && published.contains("Capacity building"), "{published}");
        let observer = ask("@cl:x.org", "!offer capacity-building Anything").await.text.plain;
        assert!(observer.contains("Only delegates of member states"), "{observer}");
        let unknown = ask("@pt:x.org", "!offer cooking Recipes").await.text.plain;
        assert!(unknown.contains("`cooking`") && unknown.contains("peer-exchange"), "{unknown}");
        let listed = ask("@z:x.org", "!offers").await.text.plain;
        assert!(
            listed.contains("#1 Portugal: Training on tracking databases (Capacity building)"),
            "{listed}"
        );
        let other = ask("@z:x.org", "!offers --category peer-exchange").await.text.plain;
        assert!(other.contains("No offer is open"), "{other}");

        // A new request of that category: its card names the offer.
        let filed =
            ask("@cl:x.org", "!request capacity-building Help with a tracking database").await;
        let card = filed.effects.iter().find_map(|e| match e {
            Effect::PostCard { text, .. } => Some(text.plain.clone()),
            _ => None,
        });
        let card = card.expect("a card");
        assert!(card.contains("Open offers in this category:"), "{card}");
        assert!(card.contains("#1 Portugal: Training on tracking databases"), "{card}");

        let not_yours = ask("@cl:x.org", "!offer close 1").await.text.plain;
        assert!(not_yours.contains("Only the coordinator or whoever published"), "{not_yours}");
        assert!(ask("@pt:x.org", "!offer close 1").await.text.plain.contains("is closed"));
        let again = ask("@pt:x.org", "!offer close #1").await.text.plain;
        assert!(again.contains("closed already"), "{again}");
        assert!(ask("@z:x.org", "!offers").await.text.plain.contains("No offer is open"));
        let filed = ask("@cl:x.org", "!request capacity-building Another one").await;
        let card = filed.effects.iter().find_map(|e| match e {
            Effect::PostCard { text, .. } => Some(text.plain.clone()),
            _ => None,
        });
        assert!(!card.unwrap_or_default().contains("Open offers"), "closed offers are not shown");
    }
}
