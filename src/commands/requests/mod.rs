//! Cooperation requests in chat:
//!
//! ```text
//! !request <category> <title> [--sdg S] [--theme T] [--ref "R"]   lines after: the description
//! !requests [open|mine|all] [--region R] [--category C] [--theme T] [--sdg G]
//! !status <n>
//! !ack [n] | !info [n] <question> | !decline [n] <reason>
//! !accept [n] <assignee>[,<assignee>…] [note] | !assign [n] <assignee>[,<assignee>…] [note]
//! !start [n] | !resolve [n] <delivered|partly|not_delivered> <summary>   (lessons on the next lines)
//! !reopen [n] [reason]
//! !overdue
//! !update [n] <progress>                (more on the next lines)
//! ```
//!
//! In a request card's thread the number may be left out.

use super::{Arguments, Command, CommandSpec, Problem};
use crate::domain::{ActionKind, OutcomeResult};

/// `!request`
pub const REQUEST: CommandSpec = CommandSpec {
    name: "request",
    arguments:
        "<category> <title> [--sdg S] [--theme T] [--ref \"R\"] (description on the next lines)",
    summary_id: "summary-request",
};
/// `!requests`
pub const REQUESTS: CommandSpec = CommandSpec {
    name: "requests",
    arguments: "[open|mine|all] [--region R] [--category C] [--theme T] [--sdg G]",
    summary_id: "summary-requests",
};
/// `!status`
pub const STATUS: CommandSpec =
    CommandSpec { name: "status", arguments: "<number>", summary_id: "summary-status" };
/// `!ack`
pub const ACK: CommandSpec =
    CommandSpec { name: "ack", arguments: "[number]", summary_id: "summary-ack" };
/// `!info`
pub const INFO: CommandSpec =
    CommandSpec { name: "info", arguments: "[number] <question>", summary_id: "summary-info" };
/// `!accept`
pub const ACCEPT: CommandSpec = CommandSpec {
    name: "accept",
    arguments: "[number] <state|partner>[,<state|partner>…] [note]",
    summary_id: "summary-accept",
};
/// `!assign`
pub const ASSIGN: CommandSpec = CommandSpec {
    name: "assign",
    arguments: "[number] <state|partner>[,<state|partner>…] [note]",
    summary_id: "summary-assign",
};
/// `!decline`
pub const DECLINE: CommandSpec =
    CommandSpec { name: "decline", arguments: "[number] <reason>", summary_id: "summary-decline" };
/// `!start`
pub const START: CommandSpec =
    CommandSpec { name: "start", arguments: "[number]", summary_id: "summary-start" };
/// `!resolve`
pub const RESOLVE: CommandSpec = CommandSpec {
    name: "resolve",
    arguments: "[number] <delivered|partly|not_delivered> <summary> (lessons on the next lines)",
    summary_id: "summary-resolve",
};
/// `!reopen`
pub const REOPEN: CommandSpec =
    CommandSpec { name: "reopen", arguments: "[number] [reason]", summary_id: "summary-reopen" };

/// `!update`
pub const UPDATE: CommandSpec = CommandSpec {
    name: "update",
    arguments: "[number] <progress> (more on the next lines)",
    summary_id: "summary-update",
};

/// `!overdue`
pub const OVERDUE: CommandSpec =
    CommandSpec { name: "overdue", arguments: "", summary_id: "summary-overdue" };

/// Which requests `!requests` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Open ones (the default).
    Open,
    /// The sender's state's, open or not.
    Mine,
    /// All.
    All,
}

/// A triage step as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriageCommand {
    /// The step.
    pub action: ActionKind,
    /// The request number, if given (else: the card thread's request).
    pub id: Option<i64>,
    /// Question, reason, the committee's note (accept, assign) or outcome summary.
    pub text: Option<String>,
    /// The assignees as typed (accept, assign): codes, IDs or names.
    pub assignees: Vec<String>,
    /// Outcome result (resolve only).
    pub result: Option<OutcomeResult>,
    /// Lessons learned (resolve only, the lines after the first).
    pub lessons: Option<String>,
}

/// A request command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestCommand {
    /// File a request.
    File {
        /// Category as typed.
        category: String,
        /// Title.
        title: String,
        /// Description (may be empty).
        description: String,
        /// SDGs, themes and references given after the title.
        tags: crate::domain::memory::RawTags,
    },
    /// List requests.
    List {
        /// Which.
        scope: Scope,
        /// Only this region.
        region: Option<String>,
        /// Only this category.
        category: Option<String>,
        /// Only this theme (as typed).
        theme: Option<String>,
        /// Only this SDG goal or target (as typed).
        sdg: Option<String>,
    },
    /// Show one request.
    Status {
        /// Its number.
        id: i64,
    },
    /// A triage step.
    Triage(TriageCommand),
    /// The requests past a response-time target.
    Overdue,
    /// Progress on an accepted request (in its working room, or by number).
    Update {
        /// The request number, if given (else: the working room's request).
        id: Option<i64>,
        /// What was done.
        text: String,
    },
}

/// `!overdue` takes no arguments.
pub fn parse_overdue(args: Arguments<'_>) -> Result<Command, Problem> {
    if args.words().next().is_some() {
        return Err(Problem::NoArguments);
    }
    Ok(Command::Request(RequestCommand::Overdue))
}

/// `12` or `#12`.
pub fn parse_number(raw: &str) -> Option<i64> {
    raw.strip_prefix('#').unwrap_or(raw).parse::<i64>().ok().filter(|n| *n > 0)
}

/// Whether `word` is written as a (possibly signed) number, `#` or not.
fn looks_like_number(word: &str) -> bool {
    let digits = word.strip_prefix('#').unwrap_or(word);
    let digits = digits.strip_prefix(['-', '+']).unwrap_or(digits);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// `!request <category> <title>` + description.
pub fn parse_request(args: Arguments<'_>) -> Result<Command, Problem> {
    let rest = args.rest();
    let (category, title) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if category.is_empty() {
        return Err(Problem::MissingArgument("<category>"));
    }
    let (title, tags) = super::split_tags(title)?;
    if title.is_empty() {
        return Err(Problem::MissingArgument("<title>"));
    }
    Ok(Command::Request(RequestCommand::File {
        category: category.to_owned(),
        title: title.to_owned(),
        description: args.following_lines().to_owned(),
        tags,
    }))
}

/// `!requests [open|mine|all] [--region R] [--category C]`
pub fn parse_requests(args: Arguments<'_>) -> Result<Command, Problem> {
    let tokens = args.tokens()?;
    let mut scope = Scope::Open;
    let (mut region, mut category, mut theme, mut sdg) = (None, None, None, None);
    let mut iter = tokens.into_iter();
    while let Some(token) = iter.next() {
        match token.as_str() {
            "open" => scope = Scope::Open,
            "mine" => scope = Scope::Mine,
            "all" => scope = Scope::All,
            "--region" => region = Some(iter.next().ok_or(Problem::BadOption(token))?),
            "--category" => category = Some(iter.next().ok_or(Problem::BadOption(token))?),
            "--theme" => theme = Some(iter.next().ok_or(Problem::BadOption(token))?),
            "--sdg" => sdg = Some(iter.next().ok_or(Problem::BadOption(token))?),
            _ if token.starts_with("--") => return Err(Problem::BadOption(token)),
            _ => return Err(Problem::UnknownAction { given: token, expected: "open, mine, all" }),
        }
    }
    Ok(Command::Request(RequestCommand::List { scope, region, category, theme, sdg }))
}

/// `!status <n>`
pub fn parse_status(args: Arguments<'_>) -> Result<Command, Problem> {
    let mut words = args.words();
    let raw = words.next().ok_or(Problem::MissingArgument("<number>"))?;
    let id = parse_number(raw).ok_or_else(|| Problem::BadNumber(raw.to_owned()))?;
    if words.next().is_some() {
        return Err(Problem::TooManyArguments { max: 1 });
    }
    Ok(Command::Request(RequestCommand::Status { id }))
}

/// `!update [n] <progress>`: the progress may go on over the next lines.
pub fn parse_update(args: Arguments<'_>) -> Result<Command, Problem> {
    let rest = args.rest();
    let (first, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let (id, first_line) = match parse_number(first) {
        Some(id) => (Some(id), after.trim()),
        None if looks_like_number(first) => return Err(Problem::BadNumber(first.to_owned())),
        None => (None, rest),
    };
    let text = [first_line, args.following_lines()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if text.is_empty() {
        return Err(Problem::MissingArgument("<progress>"));
    }
    Ok(Command::Request(RequestCommand::Update { id, text }))
}

/// A triage command: an optional number, then the step's text.
pub fn parse_triage(action: ActionKind, args: Arguments<'_>) -> Result<Command, Problem> {
    let rest = args.rest();
    let (first, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let (id, text) = match parse_number(first) {
        Some(id) => (Some(id), after.trim()),
        // `-5`, `#0`, a number beyond 64 bits: meant as a number, not one.
        None if looks_like_number(first) => return Err(Problem::BadNumber(first.to_owned())),
        None => (None, rest),
    };
    let text = Some(text.to_owned()).filter(|t| !t.is_empty());
    let mut command =
        TriageCommand { action, id, text, assignees: Vec::new(), result: None, lessons: None };
    match action {
        // The one argument these take is a number: a word is a bad number.
        ActionKind::Acknowledge | ActionKind::Start if command.text.is_some() => {
            return Err(match id {
                None => Problem::BadNumber(first.to_owned()),
                Some(_) => Problem::TooManyArguments { max: 1 },
            });
        }
        ActionKind::AskInfo if command.text.is_none() => {
            return Err(Problem::MissingArgument("<question>"));
        }
        ActionKind::Accept | ActionKind::Assign => {
            let text = command.text.take().ok_or(Problem::MissingArgument("<state|partner>"))?;
            let (assignees, note) = assignee_list(&text);
            command.assignees = assignees;
            command.text = Some(note.to_owned()).filter(|n| !n.is_empty());
        }
        ActionKind::Decline if command.text.is_none() => {
            return Err(Problem::MissingArgument("<reason>"));
        }
        ActionKind::Resolve => {
            let text = command.text.take().ok_or(Problem::MissingArgument("<result>"))?;
            let (word, summary) = text.split_once(char::is_whitespace).unwrap_or((&text, ""));
            command.result = Some(
                OutcomeResult::parse(word).ok_or_else(|| Problem::BadResult(word.to_owned()))?,
            );
            let summary = summary.trim();
            if summary.is_empty() {
                return Err(Problem::MissingArgument("<summary>"));
            }
            command.text = Some(summary.to_owned());
            command.lessons = Some(args.following_lines().to_owned()).filter(|l| !l.is_empty());
        }
        _ => {}
    }
    Ok(Command::Request(RequestCommand::Triage(command)))
}

/// The leading assignee list of `text` (`PT,ohchr`, `PT, ohchr`, `PT ,ohchr`)
/// and the rest (the note).
fn assignee_list(text: &str) -> (Vec<String>, &str) {
    let mut end = 0;
    loop {
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        let start = end + (rest.len() - trimmed.len());
        let word = trimmed.split(char::is_whitespace).next().unwrap_or_default();
        let continues = end == 0 || text[..end].trim_end().ends_with(',') || word.starts_with(',');
        if word.is_empty() || !continues {
            break;
        }
        end = start + word.len();
    }
    let list = text[..end].split(',').map(str::trim).filter(|w| !w.is_empty());
    (list.map(str::to_owned).collect(), text[end..].trim())
}

#[cfg(test)]
mod tests;
