//! Chat commands: parse, run, and phrase the answer in the sender's language.

use std::sync::Arc;

use crate::commands::{self, Command, ParseError, Problem, COMMANDS};
use crate::domain::Language;
use crate::i18n::{Arg, Catalog, Text};

/// A message the bot received, reduced to what the use cases need.
#[derive(Debug, Clone)]
pub struct Incoming<'a> {
    /// Full Matrix user ID of the sender.
    pub sender: &'a str,
    /// Plain-text body.
    pub body: &'a str,
    /// Language to answer in.
    pub language: Language,
}

/// Runs chat commands.
#[derive(Clone)]
pub struct ChatService {
    catalog: Arc<Catalog>,
    prefix: String,
}

impl ChatService {
    /// A service answering commands that start with `prefix`.
    pub fn new(catalog: Arc<Catalog>, prefix: impl Into<String>) -> Self {
        Self { catalog, prefix: prefix.into() }
    }

    /// Whether `body` is addressed to the bot at all.
    pub fn is_command(&self, body: &str) -> bool {
        commands::parse(body, &self.prefix).is_some()
    }

    /// The answer to `incoming`, or `None` when it is not a command.
    #[tracing::instrument(skip_all, fields(sender = incoming.sender))]
    pub fn handle(&self, incoming: &Incoming<'_>) -> Option<Text> {
        let lang = incoming.language;
        let answer = match commands::parse(incoming.body, &self.prefix)? {
            Ok(Command::Ping) => self.catalog.render(lang, "pong", &[]),
            Ok(Command::Help { topic: None }) => self.help_list(lang),
            Ok(Command::Help { topic: Some(topic) }) => self.help_topic(lang, &topic),
            Err(ParseError::Unknown(name)) => self.catalog.render(
                lang,
                "unknown-command",
                &[("command", self.code(&name)), ("help", self.code("help"))],
            ),
            Err(ParseError::Usage { spec, problem }) => {
                let mut text = self.problem(lang, spec.name, &problem);
                text.push_line(&self.catalog.render(
                    lang,
                    "command-usage",
                    &[("usage", self.usage(spec))],
                ));
                text
            }
        };
        Some(answer)
    }

    fn help_list(&self, lang: Language) -> Text {
        let mut text = self.catalog.render(lang, "help-intro", &[]);
        for spec in COMMANDS {
            text.push_line(&self.catalog.render(lang, "help-entry", &self.entry_args(lang, spec)));
        }
        text.push_line(&self.catalog.render(
            lang,
            "help-footer",
            &[
                ("help", self.code("help")),
                ("example", Arg::Code(format!("{}help ping", self.prefix))),
            ],
        ));
        text
    }

    fn help_topic(&self, lang: Language, topic: &str) -> Text {
        match commands::spec(topic, &self.prefix) {
            Some(spec) => self.catalog.render(lang, "help-detail", &self.entry_args(lang, spec)),
            None => {
                let name = topic.strip_prefix(self.prefix.as_str()).unwrap_or(topic);
                self.catalog.render(
                    lang,
                    "help-unknown-topic",
                    &[("command", self.code(name)), ("help", self.code("help"))],
                )
            }
        }
    }

    fn entry_args(&self, lang: Language, spec: &commands::CommandSpec) -> Vec<(&'static str, Arg)> {
        let summary = self.catalog.render(lang, spec.summary_id, &[]).plain;
        vec![("usage", self.usage(spec)), ("summary", Arg::Text(summary))]
    }

    fn problem(&self, lang: Language, name: &str, problem: &Problem) -> Text {
        let command = self.code(name);
        match problem {
            Problem::NoArguments => {
                self.catalog.render(lang, "problem-no-arguments", &[("command", command)])
            }
            Problem::TooManyArguments { max } => self.catalog.render(
                lang,
                "problem-too-many-arguments",
                &[
                    ("command", command),
                    ("max", Arg::Number(i64::try_from(*max).unwrap_or(i64::MAX))),
                ],
            ),
        }
    }

    fn usage(&self, spec: &commands::CommandSpec) -> Arg {
        Arg::Code(spec.usage(&self.prefix))
    }

    /// A command name as code, with the prefix (`!help`).
    fn code(&self, name: &str) -> Arg {
        Arg::Code(format!("{}{name}", self.prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service() -> ChatService {
        ChatService::new(Arc::new(Catalog::load().unwrap()), "!")
    }

    fn answer(body: &str, language: Language) -> Option<Text> {
        service().handle(&Incoming { sender: "@a:example.org", body, language })
    }

    #[test]
    fn ping_is_answered_with_pong() {
        assert!(answer("!ping", Language::En).unwrap().plain.starts_with("Pong"));
    }

    #[test]
    fn help_lists_every_command_with_its_usage() {
        let text = answer("!help", Language::En).unwrap();
        for spec in COMMANDS {
            assert!(text.plain.contains(&spec.usage("!")), "{}", text.plain);
        }
        assert!(text.html.contains("<code>!ping</code>"), "{}", text.html);
    }

    #[test]
    fn an_unknown_command_points_to_help() {
        let text = answer("!frobnicate", Language::En).unwrap();
        assert!(text.plain.contains("`!frobnicate`") && text.plain.contains("`!help`"));
    }

    #[test]
    fn a_malformed_command_gets_the_problem_and_the_usage() {
        let text = answer("!ping now", Language::En).unwrap();
        assert!(text.plain.contains("takes no arguments"), "{}", text.plain);
        assert!(text.plain.contains("Usage: `!ping`"), "{}", text.plain);
    }

    #[test]
    fn help_on_an_unknown_topic_says_so() {
        let text = answer("!help !nope", Language::En).unwrap();
        assert!(text.plain.contains("`!nope`") && text.plain.contains("no command"));
    }

    #[test]
    fn french_senders_are_answered_in_french() {
        let text = answer("!ping now", Language::Fr).unwrap();
        assert!(text.plain.contains("ne prend pas d'argument"), "{}", text.plain);
    }

    #[test]
    fn chat_that_is_not_a_command_gets_no_answer() {
        assert_eq!(answer("hello !ping", Language::En), None);
    }
}
