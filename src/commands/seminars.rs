//! Seminars and peer-learning sessions in chat:
//!
//! ```text
//! !seminar                          the coming seminars
//! !seminar <n>                      one, with who comes
//! !seminar add <date> <time> <zone> <title> [--duration 2h] [--place "…"] [--link URL]
//! !seminar move <n> <date> <time> <zone>
//! !seminar cancel <n>
//! !attend <n> | !decline-seminar <n>
//! !minutes <n>                      the minutes on the next lines
//! ```
//!
//! Dates, times, zones and durations are checked by the use case (which
//! can name the first valid time after a change of summer time).

use super::requests::parse_number;
use super::{Arguments, Command, CommandSpec, Problem};
use crate::domain::Rsvp;

/// `!seminar`
pub const SEMINAR: CommandSpec = CommandSpec {
    name: "seminar",
    arguments: "[<number> | add <date> <time> <zone> <title> [--duration D] [--place P] [--link URL] | move <number> <date> <time> <zone> | cancel <number>]",
    summary_id: "summary-seminar",
};
/// `!attend`
pub const ATTEND: CommandSpec =
    CommandSpec { name: "attend", arguments: "<number>", summary_id: "summary-attend" };
/// `!decline-seminar`
pub const DECLINE_SEMINAR: CommandSpec = CommandSpec {
    name: "decline-seminar",
    arguments: "<number>",
    summary_id: "summary-decline-seminar",
};
/// `!minutes`
pub const MINUTES: CommandSpec = CommandSpec {
    name: "minutes",
    arguments: "<number> (the minutes on the next lines)",
    summary_id: "summary-minutes",
};

/// When, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// `2027-03-15`.
    pub date: String,
    /// `09:30`.
    pub time: String,
    /// `Europe/Lisbon`.
    pub zone: String,
}

/// A seminar command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeminarCommand {
    /// The coming seminars.
    List,
    /// One seminar.
    Show(i64),
    /// Schedule one.
    Add {
        /// When it starts.
        when: When,
        /// Its title.
        title: String,
        /// How long, as typed (default 2 hours).
        duration: Option<String>,
        /// Where.
        place: Option<String>,
        /// A link.
        link: Option<String>,
    },
    /// Move one.
    Move(i64, When),
    /// Call one off.
    Cancel(i64),
    /// A state's answer.
    Answer(i64, Rsvp),
    /// The minutes, after it.
    Minutes(i64, String),
}

fn number(raw: Option<&String>) -> Result<i64, Problem> {
    let raw = raw.ok_or(Problem::MissingArgument("<number>"))?;
    parse_number(raw).ok_or_else(|| Problem::BadNumber(raw.clone()))
}

fn when(tokens: &[String]) -> Result<When, Problem> {
    let [date, time, zone] = tokens else {
        let missing = ["<date>", "<time>", "<zone>"];
        return Err(match missing.get(tokens.len()) {
            Some(name) => Problem::MissingArgument(name),
            None => Problem::TooManyArguments { max: 3 },
        });
    };
    Ok(When { date: date.clone(), time: time.clone(), zone: zone.clone() })
}

/// The first line split on white space, double quotes grouping words
/// (`--place "Rabat, DIDH"`); unlike a shell, `#` is text (`#4`, a title
/// with `#2` in it).
fn tokens(line: &str) -> Result<Vec<String>, Problem> {
    let (mut out, mut word, mut quoted, mut started) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    out.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if quoted {
        return Err(Problem::UnbalancedQuotes);
    }
    if started {
        out.push(word);
    }
    Ok(out)
}

/// `!seminar …`
pub fn parse_seminar(args: Arguments<'_>) -> Result<Command, Problem> {
    let tokens = tokens(args.rest())?;
    let command = match tokens.first().map(String::as_str) {
        None => SeminarCommand::List,
        Some("add") => parse_add(&tokens[1..])?,
        Some("move") => {
            let id = number(tokens.get(1))?;
            SeminarCommand::Move(id, when(tokens.get(2..).unwrap_or_default())?)
        }
        Some("cancel") => {
            if tokens.len() > 2 {
                return Err(Problem::TooManyArguments { max: 2 });
            }
            SeminarCommand::Cancel(number(tokens.get(1))?)
        }
        Some(first) => match parse_number(first) {
            Some(id) if tokens.len() == 1 => SeminarCommand::Show(id),
            Some(_) => return Err(Problem::TooManyArguments { max: 1 }),
            None => {
                return Err(Problem::UnknownAction {
                    given: first.to_owned(),
                    expected: "<number>, add, move, cancel",
                })
            }
        },
    };
    Ok(Command::Seminar(command))
}

fn parse_add(tokens: &[String]) -> Result<SeminarCommand, Problem> {
    let (mut title, mut duration, mut place, mut link) = (Vec::new(), None, None, None);
    let mut positional = Vec::new();
    let mut iter = tokens.iter();
    while let Some(token) = iter.next() {
        let value = |iter: &mut std::slice::Iter<'_, String>| {
            iter.next().cloned().ok_or_else(|| Problem::BadOption(token.clone()))
        };
        match token.as_str() {
            "--duration" => duration = Some(value(&mut iter)?),
            "--place" => place = Some(value(&mut iter)?),
            "--link" => link = Some(value(&mut iter)?),
            t if t.starts_with("--") => return Err(Problem::BadOption(token.clone())),
            _ if positional.len() < 3 => positional.push(token.clone()),
            _ => title.push(token.as_str()),
        }
    }
    let when = when(&positional)?;
    if title.is_empty() {
        return Err(Problem::MissingArgument("<title>"));
    }
    Ok(SeminarCommand::Add { when, title: title.join(" "), duration, place, link })
}

/// `!attend <n>` or `!decline-seminar <n>`.
pub fn parse_answer(answer: Rsvp, args: Arguments<'_>) -> Result<Command, Problem> {
    let words: Vec<String> = args.words().map(str::to_owned).collect();
    if words.len() > 1 {
        return Err(Problem::TooManyArguments { max: 1 });
    }
    Ok(Command::Seminar(SeminarCommand::Answer(number(words.first())?, answer)))
}

/// `!minutes <n>` + the minutes on the next lines.
pub fn parse_minutes(args: Arguments<'_>) -> Result<Command, Problem> {
    let words: Vec<String> = args.words().map(str::to_owned).collect();
    if words.len() > 1 {
        return Err(Problem::TooManyArguments { max: 1 });
    }
    let id = number(words.first())?;
    let text = args.following_lines().trim();
    if text.is_empty() {
        return Err(Problem::MissingArgument("(the minutes on the next lines)"));
    }
    Ok(Command::Seminar(SeminarCommand::Minutes(id, text.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::parse;
    use crate::commands::tests::problem;

    fn seminar(body: &str) -> SeminarCommand {
        match parse(body, "!") {
            Some(Ok(Command::Seminar(c))) => c,
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn a_seminar_is_added_with_its_time_title_and_options() {
        let when =
            When { date: "2027-03-15".into(), time: "09:30".into(), zone: "Europe/Lisbon".into() };
        assert_eq!(
            seminar("!seminar add 2027-03-15 09:30 Europe/Lisbon Second international seminar --duration 3h --place \"Rabat, DIDH\" --link https://meet.example/x"),
            SeminarCommand::Add {
                when: when.clone(),
                title: "Second international seminar".into(),
                duration: Some("3h".into()),
                place: Some("Rabat, DIDH".into()),
                link: Some("https://meet.example/x".into()),
            }
        );
        assert_eq!(seminar("!seminar"), SeminarCommand::List);
        assert_eq!(seminar("!seminar #4"), SeminarCommand::Show(4));
        assert_eq!(seminar("!seminar cancel 4"), SeminarCommand::Cancel(4));
        assert_eq!(
            seminar("!seminar move 4 2027-03-15 09:30 Europe/Lisbon"),
            SeminarCommand::Move(4, when)
        );
        assert_eq!(seminar("!attend 4"), SeminarCommand::Answer(4, Rsvp::Attend));
        assert_eq!(seminar("!decline-seminar #4"), SeminarCommand::Answer(4, Rsvp::Decline));
        assert_eq!(
            seminar("!minutes 4\nAdopted the plan."),
            SeminarCommand::Minutes(4, "Adopted the plan.".into())
        );
    }

    #[test]
    fn what_does_not_fit_is_named() {
        assert_eq!(problem("!seminar add 2027-03-15 09:30"), Problem::MissingArgument("<zone>"));
        assert_eq!(
            problem("!seminar add 2027-03-15 09:30 UTC"),
            Problem::MissingArgument("<title>")
        );
        assert_eq!(
            problem("!seminar add 2027-03-15 09:30 UTC T --duration"),
            Problem::BadOption("--duration".into())
        );
        assert_eq!(
            problem("!seminar add 2027-03-15 09:30 UTC T --colour red"),
            Problem::BadOption("--colour".into())
        );
        assert_eq!(problem("!seminar add \"unbalanced"), Problem::UnbalancedQuotes);
        assert_eq!(problem("!seminar move 4 2027-03-15"), Problem::MissingArgument("<time>"));
        assert_eq!(problem("!seminar move x"), Problem::BadNumber("x".into()));
        assert_eq!(problem("!seminar cancel"), Problem::MissingArgument("<number>"));
        assert!(matches!(problem("!seminar frobnicate"), Problem::UnknownAction { .. }));
        assert_eq!(problem("!attend"), Problem::MissingArgument("<number>"));
        assert_eq!(problem("!attend 1 2"), Problem::TooManyArguments { max: 1 });
        assert_eq!(
            problem("!minutes 4"),
            Problem::MissingArgument("(the minutes on the next lines)")
        );
    }
}
