//! `!help`, unknown commands and usage errors.

use super::{ChatService, Place, Request};
use crate::commands::{self, CommandSpec, Problem, COMMANDS};
use crate::domain::{Language, Permission, Roles};
use crate::i18n::{Arg, Text};
use crate::storage::RosterStore;

/// Longest piece of a sender's text the bot repeats back, in characters.
const ECHO_CHARS: usize = 80;

/// `text` cut to [`ECHO_CHARS`] (with an ellipsis), so that an answer never
/// repeats a flood back into the room.
pub(super) fn echo(text: &str) -> String {
    if text.chars().count() <= ECHO_CHARS {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(ECHO_CHARS).collect();
        cut.push('…');
        cut
    }
}

impl<S: RosterStore + Sync> ChatService<S> {
    /// `!help`: first what the sender may do where they are, then the names
    /// of the other commands (for other roles or rooms); `!help all` lists
    /// every command with its usage.
    pub(super) fn help_list(&self, req: &Request<'_>, all: bool) -> Text {
        let lang = req.lang;
        let roles = self.roles(req.roster, req.incoming.sender);
        let (here, elsewhere): (Vec<&CommandSpec>, Vec<&CommandSpec>) = COMMANDS
            .iter()
            .partition(|spec| all || usable_here(spec.name, &roles, req.incoming.place));
        let intro = if all { "help-intro" } else { "help-intro-here" };
        let mut text = self.catalog.render(lang, intro, &[]);
        for spec in here {
            text.push_line(&self.catalog.render(lang, "help-entry", &self.entry_args(lang, spec)));
        }
        if !elsewhere.is_empty() {
            let names: Vec<String> =
                elsewhere.iter().map(|s| format!("{}{}", self.prefix, s.name)).collect();
            text.push_line(&self.catalog.render(
                lang,
                "help-elsewhere",
                &[
                    ("commands", Arg::Code(names.join(" "))),
                    ("all", Arg::Code(format!("{}help all", self.prefix))),
                ],
            ));
        }
        text.push_line(&self.catalog.render(
            lang,
            "help-footer",
            &[
                ("help", self.code("help")),
                ("example", Arg::Code(format!("{}help join", self.prefix))),
            ],
        ));
        text
    }

    pub(super) fn help_topic(&self, lang: Language, topic: &str) -> Text {
        match commands::spec(topic, &self.prefix) {
            Some(spec) => self.catalog.render(lang, "help-detail", &self.entry_args(lang, spec)),
            None => {
                let name = topic.strip_prefix(self.prefix.as_str()).unwrap_or(topic);
                self.catalog.render(
                    lang,
                    "help-unknown-topic",
                    &[("command", self.code(&echo(name))), ("help", self.code("help"))],
                )
            }
        }
    }

    pub(super) fn unknown(&self, lang: Language, name: &str) -> Text {
        self.catalog.render(
            lang,
            "unknown-command",
            &[("command", self.code(&echo(name))), ("help", self.code("help"))],
        )
    }

    pub(super) fn usage_error(
        &self,
        lang: Language,
        spec: &CommandSpec,
        problem: &Problem,
    ) -> Text {
        let mut text = self.problem(lang, spec.name, problem);
        text.push_line(&self.catalog.render(lang, "command-usage", &[("usage", self.usage(spec))]));
        text
    }

    fn entry_args(&self, lang: Language, spec: &CommandSpec) -> Vec<(&'static str, Arg)> {
        let summary = self.catalog.render(lang, spec.summary_id, &[]).plain;
        vec![("usage", self.usage(spec)), ("summary", Arg::Text(summary))]
    }

    fn problem(&self, lang: Language, name: &str, problem: &Problem) -> Text {
        let command = ("command", self.code(name));
        let (id, args): (&str, Vec<(&str, Arg)>) = match problem {
            Problem::NoArguments => ("problem-no-arguments", vec![command]),
            Problem::TooManyArguments { max } => (
                "problem-too-many-arguments",
                vec![command, ("max", Arg::Number(i64::try_from(*max).unwrap_or(i64::MAX)))],
            ),
            Problem::MissingArgument(what) => {
                ("problem-missing-argument", vec![command, ("what", Arg::Code((*what).into()))])
            }
            Problem::UnknownAction { given, expected } => (
                "problem-unknown-action",
                vec![
                    command,
                    ("given", Arg::Code(echo(given))),
                    ("expected", Arg::Text((*expected).into())),
                ],
            ),
            Problem::BadCountry(v) => ("problem-bad-country", vec![("value", Arg::Code(echo(v)))]),
            Problem::BadSeat(v) => ("problem-bad-seat", vec![("value", Arg::Code(echo(v)))]),
            Problem::BadPartnerId(v) => {
                ("problem-bad-partner-id", vec![("value", Arg::Code(echo(v)))])
            }
            Problem::BadPartnerKind(v) => {
                ("problem-bad-partner-kind", vec![("value", Arg::Code(echo(v)))])
            }
            Problem::BadUser(v) => ("problem-bad-user", vec![("value", Arg::Code(echo(v)))]),
            Problem::BadStatus(v) => ("problem-bad-status", vec![("value", Arg::Code(echo(v)))]),
            Problem::BadLanguage(v) => {
                ("problem-bad-language", vec![("value", Arg::Code(echo(v)))])
            }
            Problem::BadFormat(v) => ("problem-bad-format", vec![("value", Arg::Code(echo(v)))]),
            Problem::BadOption(v) => {
                ("problem-bad-option", vec![command, ("value", Arg::Code(echo(v)))])
            }
            Problem::UnbalancedQuotes => ("problem-unbalanced-quotes", vec![]),
            Problem::MissingRosterText => ("problem-missing-roster-text", vec![command]),
            Problem::BadNumber(v) => ("problem-bad-number", vec![("value", Arg::Code(echo(v)))]),
            Problem::BadResult(v) => ("problem-bad-result", vec![("value", Arg::Code(echo(v)))]),
            Problem::BadVote(v) => ("problem-bad-vote", vec![("value", Arg::Code(echo(v)))]),
        };
        self.catalog.render(lang, id, &args)
    }

    pub(super) fn usage(&self, spec: &CommandSpec) -> Arg {
        Arg::Code(spec.usage(&self.prefix))
    }

    /// A command name as code, with the prefix (`!help`).
    pub(super) fn code(&self, name: &str) -> Arg {
        Arg::Code(format!("{}{name}", self.prefix))
    }
}

/// Whether someone with `roles` may use the command `name` in `place`, as
/// the use cases decide it (roster permissions, and the rooms each family
/// of commands works in).
fn usable_here(name: &str, roles: &Roles, place: Place) -> bool {
    match name {
        "join" => roles.may(Permission::JoinRegion),
        "state" | "partner" | "delegate" | "roster" => {
            roles.may(Permission::ManageRoster) && matches!(place, Place::Committee | Place::Direct)
        }
        "request" => {
            roles.may(Permission::FileRequest)
                && matches!(place, Place::NetworkRoom | Place::Direct)
        }
        "requests" | "status" | "overdue" | "update" => {
            roles.delegate.is_some() || roles.partner || roles.may(Permission::SeeAllRequests)
        }
        "attend" | "decline-seminar" => roles.may(Permission::AnswerSeminar),
        "apply" => roles.may(Permission::ApplyMembership) || roles.may(Permission::ProposeState),
        "vote" => roles.may(Permission::VoteMembership) && place == Place::Committee,
        "applications" => roles.delegate.is_some() || roles.partner || roles.admin,
        "link" => roles.may(Permission::LinkToPlan),
        "offer" => roles.may(Permission::PublishOffer),
        "minutes" => roles.may(Permission::ScheduleSession),
        "tag" => roles.delegate.is_some() || roles.may(Permission::TagAnyRequest),
        "practice" | "save" => roles.may(Permission::SharePractice),
        "search" | "guide" | "experts" => roles.may(Permission::Search),
        "ack" | "info" | "accept" | "assign" | "decline" | "start" | "resolve" | "reopen" => {
            roles.may(Permission::Triage) && place == Place::Committee
        }
        // help, ping, language, timezone, regions, whois, offers, seminar, plan
        // (listing and showing; adding is checked by the use case): everyone.
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::ask;
    use super::super::Place;
    use crate::commands::{CommandSpec, COMMANDS};
    use crate::domain::Roles;

    #[tokio::test]
    async fn help_all_lists_every_command_with_its_usage() {
        let text = ask("@z:x.org", "!help all", Place::Direct).await.text;
        for spec in COMMANDS {
            assert!(text.plain.contains(&spec.usage("!")), "{}", text.plain);
        }
        assert!(text.html.contains("<code>!ping</code>"), "{}", text.html);
    }

    #[tokio::test]
    async fn help_shows_first_what_the_sender_may_do_where_they_are() {
        // Usage lines shown in full, per sender and room.
        let shown = |text: &str| -> Vec<&'static str> {
            let entry = |s: &CommandSpec| format!("`{}` —", s.usage("!"));
            COMMANDS.iter().filter(|s| text.contains(&entry(s))).map(|s| s.name).collect()
        };
        let stranger = ask("@z:x.org", "!help", Place::Direct).await.text.plain;
        assert_eq!(
            shown(&stranger),
            [
                "help", "ping", "language", "timezone", "regions", "whois", "offers", "seminar",
                "plan"
            ],
            "{stranger}"
        );
        assert!(stranger.contains("!ack") && stranger.contains("`!help all`"), "{stranger}");
        let observer = ask("@cl:x.org", "!help", Place::NetworkRoom).await.text.plain;
        let mut expected =
            vec!["help", "ping", "language", "timezone", "regions", "join", "whois", "request"];
        expected.extend(["requests", "status", "overdue", "update", "offers", "seminar", "attend"]);
        expected.push("decline-seminar");
        expected.extend(["minutes", "apply", "applications", "plan", "tag", "practice", "search"]);
        expected.extend(["guide", "save", "experts"]);
        assert_eq!(shown(&observer), expected, "{observer}");
        let committee = ask("@pt:x.org", "!help", Place::Committee).await.text.plain;
        let triage = ["ack", "info", "accept", "decline", "start", "resolve", "reopen"];
        assert!(triage.iter().all(|t| shown(&committee).contains(t)), "{committee}");
        assert!(!shown(&committee).contains(&"state"), "PT does not coordinate: {committee}");
        let coordinator = ask("@ma:x.org", "!help", Place::Committee).await.text.plain;
        assert!(shown(&coordinator).contains(&"roster"), "{coordinator}");
        assert!(!shown(&coordinator).contains(&"request"), "not in the committee room");
    }

    #[test]
    fn every_command_without_a_rule_is_for_everyone_by_design() {
        let open: Vec<&str> = COMMANDS
            .iter()
            .map(|s| s.name)
            .filter(|n| super::usable_here(n, &Roles::default(), Place::Other))
            .collect();
        let everyone = [
            "help", "ping", "language", "timezone", "regions", "whois", "offers", "seminar", "plan",
        ];
        assert_eq!(open, everyone);
    }

    #[tokio::test]
    async fn an_unknown_command_points_to_help() {
        let text = ask("@z:x.org", "!frobnicate", Place::Direct).await.text;
        assert!(text.plain.contains("`!frobnicate`") && text.plain.contains("`!help`"));
    }

    #[tokio::test]
    async fn a_malformed_command_gets_the_problem_and_the_usage() {
        let text = ask("@z:x.org", "!ping now", Place::Direct).await.text;
        assert!(text.plain.contains("takes no arguments"), "{}", text.plain);
        assert!(text.plain.contains("Usage: `!ping`"), "{}", text.plain);
    }

    #[tokio::test]
    async fn help_on_an_unknown_topic_says_so() {
        let text = ask("@z:x.org", "!help !nope", Place::Direct).await.text;
        assert!(text.plain.contains("`!nope`") && text.plain.contains("no command"));
    }

    #[tokio::test]
    async fn every_problem_has_a_message_in_french_too() {
        for body in [
            "!state rename MA",
            "!delegate add MA didh",
            "!state add ZZ",
            "!state add MA --status guest",
            "!delegate add MA @a:b.c --language xx",
            "!roster export xml",
            "!state add MA --colour red",
            "!state add MA --mechanism \"open",
            "!roster import",
            "!join",
        ] {
            let text = ask("@ma:x.org", body, Place::Committee).await.text.plain;
            assert!(text.contains("Usage :"), "{body}: {text}");
            assert!(!text.contains("problem-"), "{body}: {text}");
        }
    }
}
