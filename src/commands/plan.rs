//! The network's action plan in chat:
//!
//! ```text
//! !plan [pillar]                                  pillars and progress; one pillar's activities
//! !plan update <activity> <status> [note]         an activity's lead, the committee, the coordinator
//! !link <n> <activity> | !link offer <n> <activity>   the committee: a request or offer serves an activity
//! ```

use super::requests::parse_number;
use super::{Arguments, Command, CommandSpec, Problem};
use crate::domain::plan::ActivityStatus;

/// `!plan`
pub const PLAN: CommandSpec = CommandSpec {
    name: "plan",
    arguments: "[pillar] | update <activity> <status> [note]",
    summary_id: "summary-plan",
};
/// `!link`
pub const LINK: CommandSpec = CommandSpec {
    name: "link",
    arguments: "<number> <activity> | offer <number> <activity>",
    summary_id: "summary-link",
};

/// An action plan command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanCommand {
    /// The plan, or one pillar of it.
    Show {
        /// The pillar (ID or name), if one.
        pillar: Option<String>,
    },
    /// A new status for an activity.
    Update {
        /// The activity's ID.
        activity: String,
        /// Its status.
        status: ActivityStatus,
        /// What was done.
        note: Option<String>,
    },
    /// A request or offer serves an activity.
    Link {
        /// `request` or `offer`.
        kind: &'static str,
        /// Its number.
        target: i64,
        /// The activity's ID.
        activity: String,
    },
}

/// `!plan …`
pub fn parse_plan(args: Arguments<'_>) -> Result<Command, Problem> {
    let rest = args.rest();
    let (first, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if !first.eq_ignore_ascii_case("update") {
        let pillar = Some(rest.to_owned()).filter(|p| !p.is_empty());
        return Ok(Command::Plan(PlanCommand::Show { pillar }));
    }
    let after = after.trim();
    let (activity, after) = after.split_once(char::is_whitespace).unwrap_or((after, ""));
    if activity.is_empty() {
        return Err(Problem::MissingArgument("<activity>"));
    }
    let after = after.trim();
    let (word, note) = after.split_once(char::is_whitespace).unwrap_or((after, ""));
    if word.is_empty() {
        return Err(Problem::MissingArgument("<status>"));
    }
    let status = ActivityStatus::parse(word).ok_or_else(|| Problem::BadStatus(word.to_owned()))?;
    let note = [note.trim(), args.following_lines()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Command::Plan(PlanCommand::Update {
        activity: activity.to_lowercase(),
        status,
        note: Some(note).filter(|n| !n.is_empty()),
    }))
}

/// `!link …`
pub fn parse_link(args: Arguments<'_>) -> Result<Command, Problem> {
    let mut words: Vec<&str> = args.words().collect();
    let kind = if words.first().is_some_and(|w| w.eq_ignore_ascii_case("offer")) {
        words.remove(0);
        "offer"
    } else {
        "request"
    };
    let raw = words.first().ok_or(Problem::MissingArgument("<number>"))?;
    let target = parse_number(raw).ok_or_else(|| Problem::BadNumber((*raw).to_owned()))?;
    let activity = words.get(1).ok_or(Problem::MissingArgument("<activity>"))?;
    if words.len() > 2 {
        return Err(Problem::TooManyArguments { max: 3 });
    }
    Ok(Command::Plan(PlanCommand::Link { kind, target, activity: activity.to_lowercase() }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::parse;
    use crate::commands::tests::problem;

    fn plan(body: &str) -> PlanCommand {
        match parse(body, "!") {
            Some(Ok(Command::Plan(c))) => c,
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn plan_shows_a_pillar_or_updates_an_activity_with_a_note() {
        assert_eq!(plan("!plan"), PlanCommand::Show { pillar: None });
        assert_eq!(
            plan("!plan Technical cooperation"),
            PlanCommand::Show { pillar: Some("Technical cooperation".into()) }
        );
        assert_eq!(
            plan("!plan update CB-1 done Six workshops\nin five regions"),
            PlanCommand::Update {
                activity: "cb-1".into(),
                status: ActivityStatus::Done,
                note: Some("Six workshops\nin five regions".into()),
            }
        );
        assert_eq!(problem("!plan update cb-1"), Problem::MissingArgument("<status>"));
        assert_eq!(problem("!plan update cb-1 finished"), Problem::BadStatus("finished".into()));
    }

    #[test]
    fn link_takes_a_request_or_an_offer_and_an_activity() {
        assert_eq!(
            plan("!link 12 TC-1"),
            PlanCommand::Link { kind: "request", target: 12, activity: "tc-1".into() }
        );
        assert_eq!(
            plan("!link offer #3 cb-2"),
            PlanCommand::Link { kind: "offer", target: 3, activity: "cb-2".into() }
        );
        assert_eq!(problem("!link 12"), Problem::MissingArgument("<activity>"));
        assert_eq!(problem("!link x cb-1"), Problem::BadNumber("x".into()));
    }
}
