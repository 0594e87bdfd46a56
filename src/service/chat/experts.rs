//! Who has done this before: `!experts <category|theme|sdg>`, and the lines
//! on a new request's card naming up to three states or partners that
//! delivered in its category (each with its reasons on one line). The
//! ranking is the domain's; the asker's own seat is never proposed.

use super::{Answer, ChatService, Request as ChatRequest};
use crate::domain::memory::experts::rank;
use crate::domain::memory::{Asker, Expert, Profile, SDG};
use crate::domain::{Language, Permission, Request, Roster, Seat};
use crate::i18n::format::date;
use crate::i18n::{Arg, Text};
use crate::storage::{ExpertScope, ExpertStore, OfferStore, RosterStore, StorageError};

/// Seats proposed.
pub(super) const PROPOSED: usize = 3;
/// Open offers read for the ranking.
const OFFERS_READ: i64 = 50;

impl<S> ChatService<S> {
    /// What the roster knows of `key`'s seat: its delegates' languages and
    /// its regions; `None` for a seat no longer on the roster.
    fn profile(&self, roster: &Roster, key: &str) -> Option<Profile> {
        let seat = Seat::parse(key).filter(|s| roster.has_seat(s))?;
        let languages = roster
            .delegates_of_seat(&seat)
            .into_iter()
            .filter_map(|u| roster.language_of(u.as_str()))
            .map(str::to_owned)
            .collect();
        let regions = match &seat {
            Seat::State(code) => {
                self.network().regions.region_of(*code).map(|r| r.id.clone()).into_iter().collect()
            }
            Seat::Partner(id) => {
                roster.partners.get(id).map(|p| p.regions.iter().cloned().collect())?
            }
        };
        Some(Profile { languages, regions })
    }

    /// One proposed seat with its reasons, in `lang`.
    fn expert_line(&self, lang: Language, roster: &Roster, asker: &Asker<'_>, e: &Expert) -> Text {
        let say = |id: &str, args: &[(&str, Arg)]| self.catalog.render(lang, id, args).plain;
        let count = |n: u32| ("count", Arg::Number(i64::from(n)));
        let mut reasons = Vec::new();
        if e.delivered > 0 {
            reasons.push(say("expert-delivered", &[count(e.delivered)]));
        }
        if e.partly > 0 {
            reasons.push(say("expert-partly", &[count(e.partly)]));
        }
        if let Some(at) = e.latest {
            reasons.push(say("expert-latest", &[("date", Arg::Text(date(lang, at)))]));
        }
        if let Some(l) = asker.language.and_then(Language::parse).filter(|_| e.shared_language) {
            reasons.push(say("expert-language", &[("language", Arg::Text(l.endonym().into()))]));
        }
        if e.same_region {
            reasons.push(say("expert-region", &[]));
        }
        if !e.offers.is_empty() {
            let numbers: Vec<String> = e.offers.iter().map(|n| format!("#{n}")).collect();
            reasons.push(say("expert-offer", &[("numbers", Arg::Text(numbers.join(", ")))]));
        }
        let separator = say("expert-separator", &[]);
        let args = [
            ("name", Arg::Text(super::offers::seat_name(roster, &e.seat, lang))),
            ("reasons", Arg::Text(reasons.join(&separator))),
        ];
        self.catalog.render(lang, "expert-entry", &args)
    }
}

impl<S: RosterStore + ExpertStore + OfferStore + Sync> ChatService<S> {
    /// The seats to propose for `scope` to `asker`.
    async fn experts(
        &self,
        roster: &Roster,
        scope: &ExpertScope,
        asker: Asker<'_>,
    ) -> Result<Vec<Expert>, StorageError> {
        let deliveries = self.store.deliveries(scope).await?;
        let offers: Vec<(String, i64)> = match scope {
            ExpertScope::Category(c) => self
                .store
                .open_offers(Some(c), OFFERS_READ)
                .await?
                .into_iter()
                .map(|o| (o.offered_by, o.id))
                .collect(),
            _ => Vec::new(),
        };
        Ok(rank(&deliveries, &offers, |seat| self.profile(roster, seat), asker, PROPOSED))
    }

    /// The card's "who has done this before" lines for a new `request`, in
    /// `lang` (none when nobody delivered or offers in its category).
    pub(super) async fn card_experts(
        &self,
        roster: &Roster,
        request: &Request,
    ) -> Result<Vec<Expert>, StorageError> {
        let seat = request.requesting_state.to_string();
        let asker = Asker {
            seat: Some(&seat),
            language: Some(&request.language),
            region: request.region.as_deref(),
            now: self.clock().now_ms(),
        };
        self.experts(roster, &ExpertScope::Category(request.category.clone()), asker).await
    }

    /// The lines [`Self::card_experts`] found, in `lang`.
    pub(super) fn card_expert_lines(
        &self,
        lang: Language,
        roster: &Roster,
        request: &Request,
        experts: &[Expert],
    ) -> Vec<Text> {
        if experts.is_empty() {
            return Vec::new();
        }
        let seat = request.requesting_state.to_string();
        let asker = Asker {
            seat: Some(&seat),
            language: Some(&request.language),
            region: request.region.as_deref(),
            now: 0,
        };
        let mut lines = vec![self.catalog.render(lang, "card-experts", &[])];
        lines.extend(experts.iter().map(|e| self.expert_line(lang, roster, &asker, e)));
        lines
    }

    /// `!experts <category|theme|sdg>`.
    pub(super) async fn experts_command(
        &self,
        req: &ChatRequest<'_>,
        about: &str,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        if !roles.may(Permission::Search) {
            return Ok(self.say(lang, "search-not-allowed", &[]));
        }
        let Some((scope, label)) = self.expert_scope(lang, about) else {
            let network = self.network();
            let ids: Vec<String> = network.categories.iter().map(|c| c.id.clone()).collect();
            let args = [
                ("value", Arg::Code(super::help::echo(about))),
                ("categories", Arg::Text(ids.join(", "))),
            ];
            return Ok(self.say(lang, "experts-unknown", &args));
        };
        let seat = req.roster.seat_of(req.incoming.sender).map(|s| s.key());
        let region = match req.roster.seat_of(req.incoming.sender) {
            Some(Seat::State(code)) => self.network().regions.region_of(code).map(|r| r.id.clone()),
            _ => None,
        };
        let language = lang.code();
        let asker = Asker {
            seat: seat.as_deref(),
            language: Some(language),
            region: region.as_deref(),
            now: self.clock().now_ms(),
        };
        let experts = self.experts(req.roster, &scope, asker).await?;
        let about = ("about", Arg::Text(label));
        if experts.is_empty() {
            return Ok(self.say(lang, "experts-none", &[about]));
        }
        let mut text = self.catalog.render(lang, "experts-intro", &[about]);
        for e in &experts {
            text.push_line(&self.expert_line(lang, req.roster, &asker, e));
        }
        Ok(text.into())
    }

    /// What `about` names (a category, an SDG code, a theme; in that
    /// order) and its name in `lang`.
    fn expert_scope(&self, lang: Language, about: &str) -> Option<(ExpertScope, String)> {
        let network = self.network();
        if let Some(c) = network.category(&about.to_lowercase()) {
            return Some((ExpertScope::Category(c.id.clone()), c.names.get(lang.code()).into()));
        }
        if let Some(code) = SDG.parse_code(about) {
            let label = SDG.label(&code, lang.code());
            return Some((ExpertScope::Sdg(code.to_string()), label));
        }
        let theme = network.themes.find(about)?;
        Some((ExpertScope::Theme(theme.id.clone()), theme.names.get(lang.code()).into()))
    }
}
