//! Membership decided by the Executive Committee, in chat:
//!
//! ```text
//! !apply member <motivation>                    an observer state's delegate, for their state
//! !apply <country> <member|observer> <motivation>   the coordinator, for a state new to the network
//! !vote <n> <yes|no|abstain>                    committee delegates (or the poll in the committee room)
//! !applications                                 the open applications and the latest decided
//! ```
//!
//! The motivation may go on over the next lines.

use super::requests::parse_number;
use super::{Arguments, Command, CommandSpec, Problem};
use crate::domain::{CountryCode, Status, Vote};

/// `!apply`
pub const APPLY: CommandSpec = CommandSpec {
    name: "apply",
    arguments: "member <motivation> | <country> <member|observer> <motivation> (coordinator)",
    summary_id: "summary-apply",
};
/// `!vote`
pub const VOTE: CommandSpec = CommandSpec {
    name: "vote",
    arguments: "<number> <yes|no|abstain>",
    summary_id: "summary-vote",
};
/// `!applications`
pub const APPLICATIONS: CommandSpec =
    CommandSpec { name: "applications", arguments: "", summary_id: "summary-applications" };

/// A membership command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MembershipCommand {
    /// Apply (or, with a country, propose a state).
    Apply {
        /// The state proposed (the coordinator's form); `None`: the sender's own.
        state: Option<CountryCode>,
        /// The status asked for.
        status: Status,
        /// Why.
        motivation: String,
    },
    /// A committee state's vote.
    Vote {
        /// The application.
        id: i64,
        /// The vote.
        vote: Vote,
    },
    /// The applications.
    List,
}

fn status(raw: &str) -> Result<Status, Problem> {
    match Status::parse(raw) {
        Ok(s @ (Status::Member | Status::Observer)) => Ok(s),
        // Founding membership is never granted this way.
        _ => Err(Problem::BadStatus(raw.to_owned())),
    }
}

/// `!apply …`
pub fn parse_apply(args: Arguments<'_>) -> Result<Command, Problem> {
    let rest = args.rest();
    let (first, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if first.is_empty() {
        return Err(Problem::MissingArgument("member"));
    }
    let (state, status, motivation) = match CountryCode::parse(first) {
        Ok(code) => {
            let after = after.trim();
            let (word, motivation) = after.split_once(char::is_whitespace).unwrap_or((after, ""));
            if word.is_empty() {
                return Err(Problem::MissingArgument("<member|observer>"));
            }
            (Some(code), status(word)?, motivation.trim())
        }
        Err(_) => (None, status(first)?, after.trim()),
    };
    if status == Status::Observer && state.is_none() {
        // An observer state is one already: only members are applied for.
        return Err(Problem::BadStatus(first.to_owned()));
    }
    let motivation = [motivation, args.following_lines()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if motivation.is_empty() {
        return Err(Problem::MissingArgument("<motivation>"));
    }
    Ok(Command::Membership(MembershipCommand::Apply { state, status, motivation }))
}

/// `!vote <n> <yes|no|abstain>`
pub fn parse_vote(args: Arguments<'_>) -> Result<Command, Problem> {
    let mut words = args.words();
    let raw = words.next().ok_or(Problem::MissingArgument("<number>"))?;
    let id = parse_number(raw).ok_or_else(|| Problem::BadNumber(raw.to_owned()))?;
    let word = words.next().ok_or(Problem::MissingArgument("<yes|no|abstain>"))?;
    let vote = Vote::parse(word).ok_or_else(|| Problem::BadVote(word.to_owned()))?;
    if words.next().is_some() {
        return Err(Problem::TooManyArguments { max: 2 });
    }
    Ok(Command::Membership(MembershipCommand::Vote { id, vote }))
}

/// `!applications`
pub fn parse_applications(args: Arguments<'_>) -> Result<Command, Problem> {
    if args.words().next().is_some() {
        return Err(Problem::NoArguments);
    }
    Ok(Command::Membership(MembershipCommand::List))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::parse;
    use crate::commands::tests::problem;

    fn membership(body: &str) -> MembershipCommand {
        match parse(body, "!") {
            Some(Ok(Command::Membership(c))) => c,
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn an_observer_applies_and_the_coordinator_proposes_a_state() {
        assert_eq!(
            membership("!apply member We set up our mechanism in 2025.\nDecree 12/2025."),
            MembershipCommand::Apply {
                state: None,
                status: Status::Member,
                motivation: "We set up our mechanism in 2025.\nDecree 12/2025.".into(),
            }
        );
        assert_eq!(
            membership("!apply BR observer Brazil asked to take part"),
            MembershipCommand::Apply {
                state: Some(CountryCode::parse("BR").unwrap()),
                status: Status::Observer,
                motivation: "Brazil asked to take part".into(),
            }
        );
        assert_eq!(problem("!apply member"), Problem::MissingArgument("<motivation>"));
        assert_eq!(problem("!apply founding We were there"), Problem::BadStatus("founding".into()));
        assert_eq!(problem("!apply observer Hello"), Problem::BadStatus("observer".into()));
        assert_eq!(problem("!apply BR"), Problem::MissingArgument("<member|observer>"));
    }

    #[test]
    fn votes_take_a_number_and_a_choice() {
        assert_eq!(membership("!vote 3 Yes"), MembershipCommand::Vote { id: 3, vote: Vote::Yes });
        assert_eq!(problem("!vote 3 maybe"), Problem::BadVote("maybe".into()));
        assert_eq!(problem("!vote x yes"), Problem::BadNumber("x".into()));
        assert_eq!(problem("!applications all"), Problem::NoArguments);
    }
}
