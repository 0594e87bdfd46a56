//! `!regions`, `!join <region>`, `!whois <country or partner>`.

use super::help::echo;
use super::{Answer, ChatService, Effect, Request};
use crate::domain::{CountryCode, Partner, PartnerKind, Permission, RoomKind, Seat, Status};
use crate::i18n::{Arg, Text};
use crate::storage::{PreferenceStore, RosterStore, StorageError};

impl<S: RosterStore + PreferenceStore + Sync> ChatService<S> {
    pub(super) fn regions(&self, req: &Request<'_>) -> Text {
        let lang = req.lang;
        let network = self.roster.network();
        let own = req
            .roster
            .state_of(req.incoming.sender)
            .and_then(|s| network.regions.region_of(s.code))
            .map(|r| r.id.clone());
        let mut text = self.catalog.render(lang, "regions-intro", &[]);
        for region in network.regions.regions() {
            let id = if own.as_deref() == Some(region.id.as_str()) {
                "regions-entry-own"
            } else {
                "regions-entry"
            };
            let args = [
                ("name", Arg::Text(region.names.get(lang.code()).to_owned())),
                ("states", Arg::Number(i64::try_from(region.countries.len()).unwrap_or(0))),
                ("join", Arg::Code(format!("{}join {}", self.prefix, region.id))),
            ];
            text.push_line(&self.catalog.render(lang, id, &args));
        }
        text
    }

    pub(super) fn join(&self, req: &Request<'_>, query: &str) -> Answer {
        let lang = req.lang;
        let network = self.roster.network();
        let Some(region) = network.regions.find(query) else {
            return self
                .catalog
                .render(
                    lang,
                    "join-unknown-region",
                    &[("region", Arg::Text(echo(query))), ("regions", self.code("regions"))],
                )
                .into();
        };
        let sender = req.incoming.sender;
        if !self.roles(req.roster, sender).may(Permission::JoinRegion) {
            return self.catalog.render(lang, "join-not-delegate", &[]).into();
        }
        let name = Arg::Text(region.names.get(lang.code()).to_owned());
        Answer {
            start_thread: false,
            scheduled: Vec::new(),
            text: self.catalog.render(lang, "join-invited", &[("region", name)]),
            effects: vec![Effect::Invite {
                user: sender.to_owned(),
                room: RoomKind::Regional(region.id.clone()),
            }],
        }
    }

    /// `!whois`: a state's status, roles, region, mechanism and delegates,
    /// each delegate with the language they are answered in.
    pub(super) async fn whois(&self, req: &Request<'_>, query: &str) -> Result<Text, StorageError> {
        let lang = req.lang;
        if let Some(partner) = req.roster.find_partner(query) {
            return self.whois_partner(req, partner).await;
        }
        let Some(code) = CountryCode::find(query) else {
            return Ok(self.catalog.render(
                lang,
                "whois-unknown",
                &[("query", Arg::Text(echo(query)))],
            ));
        };
        let name = Arg::Text(code.name(lang.code()));
        let Some(state) = req.roster.states.get(&code) else {
            return Ok(self.catalog.render(lang, "whois-not-in-network", &[("name", name)]));
        };
        let network = self.roster.network();
        let region = network
            .regions
            .region_of(code)
            .map_or_else(String::new, |r| r.names.get(lang.code()).to_owned());
        let status = self.catalog.render(lang, status_id(state.status), &[]).plain;
        let mut roles = Vec::new();
        if network.is_committee(code) {
            roles.push(self.catalog.render(lang, "whois-committee", &[]).plain);
        }
        if network.coordinator == code {
            roles.push(self.catalog.render(lang, "whois-coordinator", &[]).plain);
        }
        let delegates = self.delegates_with_languages(req, &Seat::State(code)).await?;
        let none = self.catalog.render(lang, "whois-none", &[]).plain;
        let args = [
            ("name", name),
            ("code", Arg::Code(code.to_string())),
            ("status", Arg::Text(status)),
            (
                "roles",
                Arg::Text(if roles.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", roles.join(", "))
                }),
            ),
            ("region", Arg::Text(region)),
            ("mechanism", Arg::Text(state.mechanism.clone().unwrap_or_else(|| none.clone()))),
            (
                "delegates",
                Arg::Text(if delegates.is_empty() { none } else { delegates.join(", ") }),
            ),
        ];
        Ok(self.catalog.render(lang, "whois-state", &args))
    }

    /// `!whois` of a partner: its kind, regional rooms and delegates.
    async fn whois_partner(
        &self,
        req: &Request<'_>,
        partner: &Partner,
    ) -> Result<Text, StorageError> {
        let lang = req.lang;
        let network = self.roster.network();
        let none = self.catalog.render(lang, "whois-none", &[]).plain;
        let mut regions: Vec<String> = partner
            .regions
            .iter()
            .filter_map(|id| network.regions.get(id))
            .map(|r| r.names.get(lang.code()).to_owned())
            .collect();
        regions.insert(0, self.catalog.render(lang, "whois-plenary", &[]).plain);
        let delegates =
            self.delegates_with_languages(req, &Seat::Partner(partner.id.clone())).await?;
        let args = [
            ("name", Arg::Text(partner.name(lang.code()))),
            ("id", Arg::Code(partner.id.to_string())),
            ("kind", Arg::Text(self.catalog.render(lang, kind_id(partner.kind), &[]).plain)),
            ("regions", Arg::Text(regions.join(", "))),
            (
                "delegates",
                Arg::Text(if delegates.is_empty() { none } else { delegates.join(", ") }),
            ),
        ];
        Ok(self.catalog.render(lang, "whois-partner", &args))
    }

    /// A seat's delegates, each with the language they are answered in.
    async fn delegates_with_languages(
        &self,
        req: &Request<'_>,
        seat: &Seat,
    ) -> Result<Vec<String>, StorageError> {
        let mut delegates = Vec::new();
        for user in req.roster.delegates_of_seat(seat) {
            let user = user.as_str();
            delegates.push(match self.chosen_language(req.roster, user).await? {
                Some(language) => format!("{user} ({})", language.code()),
                None => user.to_owned(),
            });
        }
        Ok(delegates)
    }
}

/// The catalog ID of a partner kind.
pub(super) fn kind_id(kind: PartnerKind) -> &'static str {
    match kind {
        PartnerKind::UnBody => "partner-kind-un-body",
        PartnerKind::UnAgency => "partner-kind-un-agency",
        PartnerKind::StateDonor => "partner-kind-state-donor",
        PartnerKind::Nhri => "partner-kind-nhri",
        PartnerKind::CivilSociety => "partner-kind-civil-society",
        PartnerKind::Academia => "partner-kind-academia",
    }
}

/// The catalog ID of a status word.
pub(super) fn status_id(status: Status) -> &'static str {
    match status {
        Status::FoundingMember => "status-founding-member",
        Status::Member => "status-member",
        Status::Observer => "status-observer",
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::ask;
    use super::super::{Effect, Place};
    use crate::domain::RoomKind;

    #[tokio::test]
    async fn regions_are_listed_with_how_to_join_and_the_senders_own_marked() {
        let text = ask("@cl:x.org", "!regions", Place::Direct).await.text.plain;
        assert!(text.contains("`!join africa`"), "{text}");
        let own = text.lines().find(|l| l.contains("latin-america-caribbean")).unwrap();
        assert!(own.contains("your region"), "{text}");
    }

    #[tokio::test]
    async fn a_delegate_who_joins_a_region_is_invited_there() {
        let answer = ask("@cl:x.org", "!join African Group", Place::Direct).await;
        assert_eq!(
            answer.effects,
            [Effect::Invite {
                user: "@cl:x.org".into(),
                room: RoomKind::Regional("africa".into())
            }]
        );
    }

    #[tokio::test]
    async fn someone_outside_the_roster_cannot_join_a_region_even_with_a_delegates_localpart() {
        let answer = ask("@cl:evil.example", "!join africa", Place::Direct).await;
        assert!(answer.effects.is_empty());
        assert!(answer.text.plain.contains("delegates"), "{}", answer.text.plain);
    }

    #[tokio::test]
    async fn an_unknown_region_points_to_the_list() {
        let answer = ask("@cl:x.org", "!join Atlantis", Place::Direct).await;
        assert!(answer.effects.is_empty() && answer.text.plain.contains("`!regions`"));
    }

    #[tokio::test]
    async fn whois_shows_status_roles_region_mechanism_and_delegates() {
        let text = ask("@cl:x.org", "!whois Morocco", Place::Direct).await.text.plain;
        for part in [
            "Morocco",
            "founding member",
            "Executive Committee",
            "coordinator",
            "African Group",
            "Mécanisme",
            "@ma:x.org (fr)",
        ] {
            assert!(text.contains(part), "{part}: {text}");
        }
        let observer = ask("@cl:x.org", "!whois CL", Place::Direct).await.text.plain;
        assert!(observer.contains("observer"), "{observer}");
        let outside = ask("@cl:x.org", "!whois France", Place::Direct).await.text.plain;
        assert!(outside.contains("not in the network"), "{outside}");
    }
}
