//! The chat command grammar: a message body in, a typed [`Command`] out.
//!
//! A message is a command when, after leading spaces, it starts with the
//! configured prefix immediately followed by a letter (`!help`, not `! hi`
//! or `!!!`). The first word names the command (any case); the rest of the
//! first line holds its arguments. One file per command family defines its
//! [`CommandSpec`] and argument parsing.

use crate::domain::ActionKind;

mod help;
mod language;
mod membership;
mod memory;
mod network;
mod offers;
mod ping;
mod plan;
mod requests;
mod roster;
mod seminars;
mod time;

pub use membership::MembershipCommand;
pub use memory::{split_tags, MemoryCommand};
pub use offers::OfferCommand;
pub use plan::PlanCommand;
pub use requests::{parse_number, RequestCommand, Scope, TriageCommand};
pub use roster::RosterCommand;
pub use seminars::{SeminarCommand, When};

/// Largest command the bot reads, in bytes (title, description and all).
pub const MAX_COMMAND_BYTES: usize = 16 * 1024;
/// Longest request title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest request description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 8_000;

/// A command the bot understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `!help [command]`.
    Help {
        /// The command to explain, without prefix; `None` lists them all.
        topic: Option<String>,
    },
    /// `!ping`.
    Ping,
    /// `!language [code]`: show or choose the language of the answers.
    Language {
        /// The language chosen; `None` shows the current one.
        choice: Option<crate::domain::Language>,
    },
    /// `!regions`: the regions and their rooms.
    Regions,
    /// `!join <region>`: get into another regional room.
    Join {
        /// Region ID or name, as typed.
        region: String,
    },
    /// `!whois <country>`: a state's status, mechanism and delegates.
    Whois {
        /// Country code or name, as typed.
        query: String,
    },
    /// `!timezone [zone]`: show or choose the zone of the times shown.
    TimeZone {
        /// The zone as typed; `None` shows the current one.
        choice: Option<String>,
    },
    /// Roster administration (`!state`, `!partner`, `!delegate`, `!roster`).
    Roster(RosterCommand),
    /// Cooperation requests (`!request`, `!requests`, `!status`, triage).
    Request(RequestCommand),
    /// Seminars and sessions (`!seminar`, `!attend`, `!decline-seminar`, `!minutes`).
    Seminar(SeminarCommand),
    /// Offers of technical cooperation (`!offer`, `!offers`).
    Offer(OfferCommand),
    /// Membership decided by the committee (`!apply`, `!vote`, `!applications`).
    Membership(MembershipCommand),
    /// The action plan (`!plan`, `!link`).
    Plan(PlanCommand),
    /// The network's memory (`!tag`, `!practice`, `!search`).
    Memory(MemoryCommand),
}

/// What the help text says about a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    /// Name, without prefix.
    pub name: &'static str,
    /// Arguments as shown in usage lines (empty when there are none).
    pub arguments: &'static str,
    /// Catalog ID of the one-line summary.
    pub summary_id: &'static str,
}

impl CommandSpec {
    /// The usage line, e.g. `!help [command]`.
    pub fn usage(&self, prefix: &str) -> String {
        if self.arguments.is_empty() {
            format!("{prefix}{}", self.name)
        } else {
            format!("{prefix}{} {}", self.name, self.arguments)
        }
    }
}

/// Every command, in the order `!help` lists them.
pub const COMMANDS: &[CommandSpec] = &[
    help::SPEC,
    ping::SPEC,
    language::SPEC,
    time::SPEC,
    network::REGIONS,
    network::JOIN,
    network::WHOIS,
    roster::STATE,
    roster::PARTNER,
    roster::DELEGATE,
    roster::ROSTER,
    requests::REQUEST,
    requests::REQUESTS,
    requests::STATUS,
    requests::ACK,
    requests::INFO,
    requests::ACCEPT,
    requests::ASSIGN,
    requests::DECLINE,
    requests::START,
    requests::RESOLVE,
    requests::REOPEN,
    requests::OVERDUE,
    requests::UPDATE,
    offers::OFFER,
    offers::OFFERS,
    seminars::SEMINAR,
    seminars::ATTEND,
    seminars::DECLINE_SEMINAR,
    seminars::MINUTES,
    membership::APPLY,
    membership::VOTE,
    membership::APPLICATIONS,
    plan::PLAN,
    plan::LINK,
    memory::TAG,
    memory::PRACTICE,
    memory::SEARCH,
    memory::GUIDE,
    memory::SAVE,
    memory::EXPERTS,
];

/// Finds a command's spec by name (any case, prefix optional).
pub fn spec(name: &str, prefix: &str) -> Option<&'static CommandSpec> {
    let name = name.strip_prefix(prefix).unwrap_or(name);
    COMMANDS.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

/// Why a command could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// No command has this name (the name as typed, without prefix).
    Unknown(String),
    /// A known command with arguments that do not fit.
    Usage {
        /// The command.
        spec: &'static CommandSpec,
        /// What is wrong.
        problem: Problem,
    },
}

/// What is wrong with a command's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The command takes no arguments.
    NoArguments,
    /// More arguments than the command takes.
    TooManyArguments {
        /// How many it takes at most.
        max: usize,
    },
    /// A required argument is missing (its name as in the usage line).
    MissingArgument(&'static str),
    /// The first word is not one of the command's actions.
    UnknownAction {
        /// What was typed (may be empty).
        given: String,
        /// The actions, e.g. `add, update, remove`.
        expected: &'static str,
    },
    /// Not a country code.
    BadCountry(String),
    /// Not a country code nor a partner ID.
    BadSeat(String),
    /// Not a partner ID.
    BadPartnerId(String),
    /// Not a partner kind.
    BadPartnerKind(String),
    /// Not a full Matrix user ID.
    BadUser(String),
    /// Not a status.
    BadStatus(String),
    /// Not a language delegates may choose.
    BadLanguage(String),
    /// Not a roster file format.
    BadFormat(String),
    /// An option the command does not know, or one without its value.
    BadOption(String),
    /// A quote was opened and never closed.
    UnbalancedQuotes,
    /// `!roster import` without the roster on the following lines.
    MissingRosterText,
    /// Not a request number.
    BadNumber(String),
    /// Not an outcome result.
    BadResult(String),
    /// Not a vote (yes, no, abstain).
    BadVote(String),
}

/// The words of a command after its name.
#[derive(Debug, Clone, Copy)]
pub struct Arguments<'a> {
    first_line: &'a str,
    following: &'a str,
}

impl<'a> Arguments<'a> {
    /// Arguments of the first line, split on white space.
    pub fn words(&self) -> impl Iterator<Item = &'a str> {
        self.first_line.split_whitespace()
    }

    /// The rest of the first line, trimmed.
    pub fn rest(&self) -> &'a str {
        self.first_line.trim()
    }

    /// The first line split like a shell would (quotes group words).
    pub fn tokens(&self) -> Result<Vec<String>, Problem> {
        shlex::split(self.first_line).ok_or(Problem::UnbalancedQuotes)
    }

    /// The lines after the first, without a surrounding code fence.
    pub fn following_lines(&self) -> &'a str {
        let text = self.following.trim();
        let Some(inner) = text.strip_prefix("```") else { return text };
        let inner = inner.split_once('\n').map_or("", |(_, rest)| rest);
        inner.trim_end().strip_suffix("```").unwrap_or(inner).trim()
    }
}

/// Parses `body`. `None`: not a command at all (the bot stays silent).
pub fn parse(body: &str, prefix: &str) -> Option<Result<Command, ParseError>> {
    let rest = body.trim_start().strip_prefix(prefix)?;
    if !rest.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let (first_line, following) = rest.split_once('\n').unwrap_or((rest, ""));
    let first_line = first_line.trim_end_matches('\r');
    let (name, args) =
        first_line.split_once(char::is_whitespace).map_or((first_line, ""), |(n, a)| (n, a));
    let args = Arguments { first_line: args, following };
    let Some(spec) = spec(name, "") else {
        return Some(Err(ParseError::Unknown(name.to_owned())));
    };
    let parsed = match spec.name {
        help::NAME => help::parse(args),
        ping::NAME => ping::parse(args),
        language::NAME => language::parse(args),
        time::NAME => time::parse(args),
        "regions" => network::parse_regions(args),
        "join" => network::parse_join(args),
        "whois" => network::parse_whois(args),
        "state" => roster::parse_state(args),
        "partner" => roster::parse_partner(args),
        "delegate" => roster::parse_delegate(args),
        "roster" => roster::parse_roster(args),
        "request" => requests::parse_request(args),
        "requests" => requests::parse_requests(args),
        "status" => requests::parse_status(args),
        "ack" => requests::parse_triage(ActionKind::Acknowledge, args),
        "info" => requests::parse_triage(ActionKind::AskInfo, args),
        "accept" => requests::parse_triage(ActionKind::Accept, args),
        "assign" => requests::parse_triage(ActionKind::Assign, args),
        "decline" => requests::parse_triage(ActionKind::Decline, args),
        "start" => requests::parse_triage(ActionKind::Start, args),
        "resolve" => requests::parse_triage(ActionKind::Resolve, args),
        "reopen" => requests::parse_triage(ActionKind::Reopen, args),
        "overdue" => requests::parse_overdue(args),
        "update" => requests::parse_update(args),
        "offer" => offers::parse_offer(args),
        "offers" => offers::parse_offers(args),
        "seminar" => seminars::parse_seminar(args),
        "attend" => seminars::parse_answer(crate::domain::Rsvp::Attend, args),
        "decline-seminar" => seminars::parse_answer(crate::domain::Rsvp::Decline, args),
        "minutes" => seminars::parse_minutes(args),
        "apply" => membership::parse_apply(args),
        "vote" => membership::parse_vote(args),
        "applications" => membership::parse_applications(args),
        "plan" => plan::parse_plan(args),
        "link" => plan::parse_link(args),
        "tag" => memory::parse_tag(args),
        "practice" => memory::parse_practice(args),
        "search" => memory::parse_search(args),
        "guide" => memory::parse_guide(args),
        "save" => memory::parse_save(args),
        "experts" => memory::parse_experts(args),
        _ => unreachable!("every spec in COMMANDS has a parser"),
    };
    Some(parsed.map_err(|problem| ParseError::Usage { spec, problem }))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The usage problem `body` is refused with (panics if it is accepted).
    pub(crate) fn problem(body: &str) -> Problem {
        match parse(body, "!") {
            Some(Err(ParseError::Usage { problem, .. })) => problem,
            other => panic!("{body}: {other:?}"),
        }
    }

    proptest::proptest! {
        // Run longer with e.g. PROPTEST_CASES=200000 cargo test --lib fuzz_
        #[test]
        fn fuzz_the_parser_never_panics_on_any_text(body in "\\PC*") {
            let _ = parse(&body, "!");
            let _ = parse(&format!("!{body}"), "!");
        }

        #[test]
        fn fuzz_every_command_word_with_any_arguments(
            index in 0..COMMANDS.len(),
            args in "[ -~\\n\"'#@:]{0,200}",
        ) {
            let body = format!("!{} {args}", COMMANDS[index].name);
            let parsed = parse(&body, "!");
            proptest::prop_assert!(parsed.is_some());
            proptest::prop_assert!(!matches!(parsed, Some(Err(ParseError::Unknown(_)))));
        }
    }

    #[test]
    fn plain_chat_and_lone_punctuation_are_not_commands() {
        for body in ["hello", "! hello", "!!!", "!", "", "  ", "> !ping", "!1"] {
            assert_eq!(parse(body, "!"), None, "{body:?}");
        }
    }

    #[test]
    fn names_are_case_insensitive_and_leading_space_is_ignored() {
        assert_eq!(parse("  !PING", "!"), Some(Ok(Command::Ping)));
        assert_eq!(parse("!Help", "!"), Some(Ok(Command::Help { topic: None })));
    }

    #[test]
    fn an_unknown_name_is_reported_as_typed() {
        assert_eq!(
            parse("!frobnicate now", "!"),
            Some(Err(ParseError::Unknown("frobnicate".into())))
        );
    }

    #[test]
    fn a_configured_prefix_is_honoured() {
        assert_eq!(parse("?ping", "?"), Some(Ok(Command::Ping)));
        assert_eq!(parse("!ping", "?"), None);
    }

    #[test]
    fn only_the_first_line_holds_arguments() {
        assert_eq!(parse("!ping\nmore text", "!"), Some(Ok(Command::Ping)));
    }

    #[test]
    fn every_spec_has_a_parser_and_a_unique_name() {
        let mut names: Vec<_> = COMMANDS.iter().map(|c| c.name).collect();
        for name in &names {
            let parsed = parse(&format!("!{name}"), "!");
            assert!(parsed.is_some(), "{name}");
            assert!(!matches!(parsed, Some(Err(ParseError::Unknown(_)))), "{name}");
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COMMANDS.len());
    }
}
