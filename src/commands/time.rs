//! `!timezone [zone]`: the time zone the bot shows the sender's times in.

use super::{Arguments, Command, CommandSpec, Problem};

/// The command's name.
pub const NAME: &str = "timezone";

/// What `!help` says about `!timezone`.
pub const SPEC: CommandSpec =
    CommandSpec { name: NAME, arguments: "[zone]", summary_id: "summary-timezone" };

/// `!timezone` shows the sender's zone; `!timezone Europe/Lisbon` chooses
/// one (checked by the use case, which can suggest the closest name).
pub fn parse(args: Arguments<'_>) -> Result<Command, Problem> {
    let mut words = args.words();
    let choice = words.next().map(str::to_owned);
    if words.next().is_some() {
        return Err(Problem::TooManyArguments { max: 1 });
    }
    Ok(Command::TimeZone { choice })
}

#[cfg(test)]
mod tests {
    use crate::commands::tests::problem;
    use crate::commands::{parse, Command, Problem};

    #[test]
    fn a_zone_is_taken_as_typed_or_the_current_one_shown() {
        let chosen = |body: &str| match parse(body, "!") {
            Some(Ok(Command::TimeZone { choice })) => choice,
            other => panic!("{body}: {other:?}"),
        };
        assert_eq!(chosen("!timezone"), None);
        assert_eq!(chosen("!TimeZone Europe/Lisbon"), Some("Europe/Lisbon".into()));
        assert_eq!(problem("!timezone Europe/Lisbon now"), Problem::TooManyArguments { max: 1 });
    }
}
