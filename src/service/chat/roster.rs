//! `!state`, `!partner`, `!delegate`, `!roster`: the roster from chat, for the
//! coordinator (delegates of the coordinating state) and the configured
//! admins, in the Executive Committee room or a direct chat with the bot.

use super::network::{kind_id, status_id};
use super::{Answer, ChatService, Effect, Place, Request};
use crate::commands::RosterCommand;
use crate::domain::{
    LocalizedText, Partner, PartnerId, Permission, Roster, RosterChange, RosterError, Seat, State,
};
use crate::i18n::{Arg, Text};
use crate::service::roster::write_roster;
use crate::service::RosterServiceError;
use crate::storage::{RosterStore, StorageError};

impl<S: RosterStore + Sync> ChatService<S> {
    /// A roster command's answer; a storage error is returned, not
    /// answered: the whole event is tried again.
    pub(super) async fn roster_command(
        &self,
        req: &Request<'_>,
        command: RosterCommand,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        if !self.roles(req.roster, req.incoming.sender).may(Permission::ManageRoster) {
            return Ok(self.catalog.render(lang, "roster-not-allowed", &[]).into());
        }
        if !matches!(req.incoming.place, Place::Committee | Place::Direct) {
            return Ok(self.catalog.render(lang, "roster-wrong-place", &[]).into());
        }
        let actor = req.incoming.sender;
        let result = match command {
            RosterCommand::Show => return Ok(self.show(req).into()),
            RosterCommand::Export { format } => {
                let text = write_roster(req.roster, format, self.roster.network());
                return Ok(Text::new(
                    text.clone(),
                    format!("<pre><code>{}</code></pre>", crate::i18n::escape_html(&text)),
                )
                .into());
            }
            RosterCommand::Import { text, dry_run } => {
                let format = crate::domain::RosterFormat::sniff(&text);
                let outcome = self.roster.import(actor, "roster", &text, format, dry_run).await;
                return self.changes_answer(req, outcome, dry_run);
            }
            RosterCommand::AddState { code, status, mechanism } => {
                self.roster.edit(actor, |r| r.add_state(State { code, status, mechanism })).await
            }
            RosterCommand::UpdateState { code, status, mechanism } => {
                self.roster
                    .edit(actor, |r| {
                        let mut state =
                            r.states.get(&code).cloned().ok_or(RosterError::NoSuchState(code))?;
                        if let Some(status) = status {
                            state.status = status;
                        }
                        if let Some(m) = mechanism {
                            state.mechanism = Some(m.trim().to_owned()).filter(|m| !m.is_empty());
                        }
                        r.update_state(state)
                    })
                    .await
            }
            RosterCommand::RemoveState { code } => {
                self.roster.edit(actor, |r| r.remove_state(code)).await
            }
            RosterCommand::AddDelegate { seat, user, language } => {
                self.roster.edit(actor, |r| r.add_seat_delegate(&seat, user, language)).await
            }
            RosterCommand::AddPartner { id, kind, name, language, regions } => {
                let regions = match self.region_ids(&regions) {
                    Ok(r) => r,
                    Err(unknown) => return Ok(self.unknown_region(req, &unknown)),
                };
                let names = LocalizedText([(language, name)].into());
                self.roster
                    .edit(actor, |r| r.add_partner(Partner { id, kind, names, regions }))
                    .await
            }
            RosterCommand::UpdatePartner { id, kind, name, regions } => {
                let regions = match regions.map(|r| self.region_ids(&r)).transpose() {
                    Ok(r) => r,
                    Err(unknown) => return Ok(self.unknown_region(req, &unknown)),
                };
                self.roster
                    .edit(actor, |r| {
                        let mut partner = partner_in(r, &id)?;
                        partner.kind = kind.unwrap_or(partner.kind);
                        if let Some((language, name)) = name {
                            partner.names.0.insert(language, name);
                        }
                        partner.regions = regions.unwrap_or(partner.regions);
                        r.update_partner(partner)
                    })
                    .await
            }
            RosterCommand::RemovePartner { id } => {
                self.roster.edit(actor, |r| r.remove_partner(&id)).await
            }
            RosterCommand::RemoveDelegate { user } => {
                self.roster.edit(actor, |r| r.remove_delegate(&user).map(drop)).await
            }
            RosterCommand::ReplaceDelegate { old, new } => {
                self.roster.edit(actor, |r| r.replace_delegate(&old, new)).await
            }
        };
        self.changes_answer(req, result, false)
    }

    /// Region IDs for what was typed (IDs or names), or the first unknown word.
    fn region_ids(&self, typed: &[String]) -> Result<std::collections::BTreeSet<String>, String> {
        self.roster.network().regions.ids_of(typed).map_err(Clone::clone)
    }

    fn unknown_region(&self, req: &Request<'_>, typed: &str) -> Answer {
        let value = Arg::Code(super::help::echo(typed));
        self.catalog.render(req.lang, "roster-unknown-region", &[("value", value)]).into()
    }

    fn changes_answer(
        &self,
        req: &Request<'_>,
        result: Result<Vec<RosterChange>, RosterServiceError>,
        dry_run: bool,
    ) -> Result<Answer, StorageError> {
        let lang = req.lang;
        let changes = match result {
            Ok(changes) => changes,
            Err(RosterServiceError::Rule(rule)) => {
                let (id, value) = match &rule {
                    RosterError::NoSuchState(c) | RosterError::StateExists(c) => (
                        if matches!(rule, RosterError::NoSuchState(_)) {
                            "roster-no-such-state"
                        } else {
                            "roster-state-exists"
                        },
                        c.to_string(),
                    ),
                    RosterError::NoSuchDelegate(u) => ("roster-no-such-delegate", u.to_string()),
                    RosterError::DelegateExists { user, seat } => {
                        ("roster-delegate-exists", format!("{user} ({seat})"))
                    }
                    RosterError::NoSuchPartner(id) => ("roster-no-such-partner", id.to_string()),
                    RosterError::PartnerExists(id) => ("roster-partner-exists", id.to_string()),
                };
                return Ok(self.catalog.render(lang, id, &[("value", Arg::Code(value))]).into());
            }
            Err(RosterServiceError::UnknownRegion(region)) => {
                return Ok(self.unknown_region(req, &region));
            }
            Err(RosterServiceError::NoRegion(code)) => {
                return Ok(self
                    .catalog
                    .render(lang, "roster-no-region", &[("value", Arg::Code(code.to_string()))])
                    .into());
            }
            Err(RosterServiceError::File(problems)) => {
                let count = i64::try_from(problems.len()).unwrap_or(i64::MAX);
                let mut text = self.catalog.render(
                    lang,
                    "roster-file-problems",
                    &[("count", Arg::Number(count))],
                );
                for p in problems {
                    text.push_line(&self.catalog.render(
                        lang,
                        "roster-line",
                        &[("line", Arg::Text(p.to_string()))],
                    ));
                }
                return Ok(text.into());
            }
            Err(RosterServiceError::Storage(e)) => return Err(e),
        };
        let count = Arg::Number(i64::try_from(changes.len()).unwrap_or(i64::MAX));
        let id = match (changes.is_empty(), dry_run) {
            (true, _) => "roster-no-change",
            (false, true) => "roster-dry-run",
            (false, false) => "roster-changed",
        };
        let mut text = self.catalog.render(lang, id, &[("count", count)]);
        for change in &changes {
            text.push_line(&self.catalog.render(
                lang,
                "roster-line",
                &[("line", Arg::Text(change.to_string()))],
            ));
        }
        let effects = if changes.is_empty() || dry_run { vec![] } else { vec![Effect::Reconcile] };
        Ok(Answer { text, effects, start_thread: false, scheduled: Vec::new() })
    }

    fn show(&self, req: &Request<'_>) -> Text {
        let lang = req.lang;
        let network = self.roster.network();
        let total = i64::try_from(req.roster.states.len()).unwrap_or(0);
        let mut text =
            self.catalog.render(lang, "roster-show-intro", &[("count", Arg::Number(total))]);
        for region in network.regions.regions() {
            let states: Vec<&State> =
                req.roster.states.values().filter(|s| region.countries.contains(&s.code)).collect();
            if states.is_empty() {
                continue;
            }
            text.push_line(&Text::default());
            text.push_line(&self.catalog.render(
                lang,
                "roster-show-region",
                &[("name", Arg::Text(region.names.get(lang.code()).into()))],
            ));
            for s in states {
                let delegates: Vec<String> =
                    req.roster.delegates_of(s.code).map(|d| d.user_id.to_string()).collect();
                let args = [
                    ("code", Arg::Code(s.code.to_string())),
                    ("name", Arg::Text(s.code.name(lang.code()))),
                    (
                        "status",
                        Arg::Text(self.catalog.render(lang, status_id(s.status), &[]).plain),
                    ),
                    ("delegates", Arg::Text(delegates.join(", "))),
                ];
                text.push_line(&self.catalog.render(lang, "roster-show-state", &args));
            }
        }
        if !req.roster.partners.is_empty() {
            text.push_line(&Text::default());
            text.push_line(&self.catalog.render(lang, "roster-show-partners", &[]));
        }
        for p in req.roster.partners.values() {
            let delegates: Vec<String> = req
                .roster
                .delegates_of_seat(&Seat::Partner(p.id.clone()))
                .iter()
                .map(ToString::to_string)
                .collect();
            let args = [
                ("id", Arg::Code(p.id.to_string())),
                ("name", Arg::Text(p.name(lang.code()))),
                ("kind", Arg::Text(self.catalog.render(lang, kind_id(p.kind), &[]).plain)),
                ("delegates", Arg::Text(delegates.join(", "))),
            ];
            text.push_line(&self.catalog.render(lang, "roster-show-partner", &args));
        }
        text
    }
}

/// A copy of partner `id` of `roster`, to edit.
fn partner_in(roster: &Roster, id: &PartnerId) -> Result<Partner, RosterError> {
    roster.partners.get(id).cloned().ok_or_else(|| RosterError::NoSuchPartner(id.clone()))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ask, incoming, service};
    use super::super::{Effect, Place};

    #[tokio::test]
    async fn the_coordinator_changes_the_roster_from_the_committee_room() {
        let answer =
            ask("@ma:x.org", "!delegate add CL @cl2:x.org --language es", Place::Committee).await;
        assert_eq!(answer.effects, [Effect::Reconcile]);
        assert!(
            answer.text.plain.contains("+ delegate @cl2:x.org for CL"),
            "{}",
            answer.text.plain
        );
    }

    #[tokio::test]
    async fn an_observer_delegate_cannot_change_the_roster_and_nothing_changes() {
        let s = service().await;
        let first = incoming("@cl:x.org", "!state remove MA", Place::Direct);
        let answer = s.handle(&first).await.unwrap().unwrap();
        assert!(answer.effects.is_empty());
        assert!(answer.text.plain.contains("coordinator"), "{}", answer.text.plain);
        let check = incoming("@ma:x.org", "!whois MA", Place::Direct);
        assert!(s.handle(&check).await.unwrap().unwrap().text.plain.contains("@ma:x.org"));
    }

    #[tokio::test]
    async fn a_look_alike_of_the_coordinator_on_another_server_is_refused() {
        let answer = ask("@ma:evil.example", "!state remove CL", Place::Direct).await;
        assert!(answer.effects.is_empty());
    }

    #[tokio::test]
    async fn roster_commands_are_refused_in_public_rooms() {
        let answer = ask("@admin:x.org", "!state add FR", Place::NetworkRoom).await;
        assert!(answer.effects.is_empty());
        assert!(answer.text.plain.contains("direct chat"), "{}", answer.text.plain);
    }

    #[tokio::test]
    async fn a_pasted_roster_is_previewed_then_imported() {
        let s = service().await;
        let body = "!roster import --dry-run\n```\ncountry,status,mechanism,delegate,language\nFR,member,,@fr:x.org,fr\n```";
        let preview =
            s.handle(&incoming("@admin:x.org", body, Place::Direct)).await.unwrap().unwrap();
        assert!(preview.effects.is_empty());
        assert!(
            preview.text.plain.contains("- state MA") && preview.text.plain.contains("+ state FR"),
            "{}",
            preview.text.plain
        );
        let bad = "!roster import\ncountry,status\nZZ,member";
        let refused =
            s.handle(&incoming("@admin:x.org", bad, Place::Direct)).await.unwrap().unwrap();
        assert!(refused.text.plain.contains("roster:2: `ZZ`"), "{}", refused.text.plain);
        let after =
            s.handle(&incoming("@admin:x.org", "!whois MA", Place::Direct)).await.unwrap().unwrap();
        assert!(after.text.plain.contains("@ma:x.org"), "nothing changed: {}", after.text.plain);
    }

    #[tokio::test]
    async fn the_coordinator_adds_a_partner_and_its_delegate_who_then_shows_in_whois() {
        let s = service().await;
        let add = "!partner add ohchr un_body \"Office of the High Commissioner\" --regions Africa";
        let answer =
            s.handle(&incoming("@ma:x.org", add, Place::Committee)).await.unwrap().unwrap();
        assert_eq!(answer.effects, [Effect::Reconcile], "{}", answer.text.plain);
        let name = "!partner update ohchr --name \"Haut-Commissariat\" --in fr";
        s.handle(&incoming("@ma:x.org", name, Place::Committee)).await.unwrap().unwrap();
        let delegate = "!delegate add ohchr @o:un.example --language fr";
        let answer =
            s.handle(&incoming("@ma:x.org", delegate, Place::Committee)).await.unwrap().unwrap();
        assert!(
            answer.text.plain.contains("+ delegate @o:un.example for ohchr"),
            "{}",
            answer.text.plain
        );
        let whois =
            s.handle(&incoming("@cl:x.org", "!whois OHCHR", Place::Direct)).await.unwrap().unwrap();
        let text = whois.text.plain;
        assert!(text.contains("Office of the High Commissioner (`ohchr`)"), "{text}");
        assert!(text.contains("Africa") && text.contains("@o:un.example (fr)"), "{text}");
        let again = "!delegate add MA @o:un.example";
        let refused =
            s.handle(&incoming("@ma:x.org", again, Place::Committee)).await.unwrap().unwrap();
        assert!(refused.text.plain.contains("@o:un.example (ohchr)"), "{}", refused.text.plain);
        let bad = "!partner add undp un_agency UNDP --regions atlantis";
        let refused =
            s.handle(&incoming("@ma:x.org", bad, Place::Committee)).await.unwrap().unwrap();
        assert!(
            refused.effects.is_empty() && refused.text.plain.contains("atlantis"),
            "{}",
            refused.text.plain
        );
        let show = s
            .handle(&incoming("@ma:x.org", "!roster show", Place::Committee))
            .await
            .unwrap()
            .unwrap();
        assert!(show.text.plain.contains("ohchr"), "{}", show.text.plain);
    }

    #[tokio::test]
    async fn rule_violations_are_explained() {
        let text = ask("@admin:x.org", "!state add MA", Place::Direct).await.text.plain;
        assert!(text.contains("`MA` is already"), "{text}");
        let text =
            ask("@admin:x.org", "!delegate add CL @ma:x.org", Place::Direct).await.text.plain;
        assert!(text.contains("@ma:x.org (MA)"), "{text}");
    }
}
