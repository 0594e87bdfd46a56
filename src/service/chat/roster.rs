//! `!state`, `!delegate`, `!roster`: the roster from chat, for the
//! coordinator (delegates of the coordinating state) and the configured
//! admins, in the Executive Committee room or a direct chat with the bot.

use super::network::status_id;
use super::{Answer, ChatService, Effect, Place, Request};
use crate::commands::RosterCommand;
use crate::domain::{Delegate, Permission, RosterChange, RosterError, State};
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
            RosterCommand::AddDelegate { code, user, language } => {
                self.roster
                    .edit(actor, |r| {
                        r.add_delegate(Delegate { user_id: user, state: code, language })
                    })
                    .await
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
                    RosterError::DelegateExists { user, state } => {
                        ("roster-delegate-exists", format!("{user} ({state})"))
                    }
                };
                return Ok(self.catalog.render(lang, id, &[("value", Arg::Code(value))]).into());
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
        text
    }
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
    async fn rule_violations_are_explained() {
        let text = ask("@admin:x.org", "!state add MA", Place::Direct).await.text.plain;
        assert!(text.contains("`MA` is already"), "{text}");
        let text =
            ask("@admin:x.org", "!delegate add CL @ma:x.org", Place::Direct).await.text.plain;
        assert!(text.contains("@ma:x.org (MA)"), "{text}");
    }
}
