//! `!help [command]`: lists the commands, or explains one.

use super::{Arguments, Command, CommandSpec, Problem};

/// The command's name.
pub const NAME: &str = "help";

/// What `!help` says about itself.
pub const SPEC: CommandSpec =
    CommandSpec { name: NAME, arguments: "[command]", summary_id: "summary-help" };

/// At most one word: the command to explain (with or without prefix).
pub fn parse(args: Arguments<'_>) -> Result<Command, Problem> {
    let mut words = args.words();
    let topic = words.next().map(str::to_owned);
    if words.next().is_some() {
        return Err(Problem::TooManyArguments { max: 1 });
    }
    Ok(Command::Help { topic })
}

#[cfg(test)]
mod tests {
    use crate::commands::{parse, Command, ParseError, Problem};

    #[test]
    fn help_takes_an_optional_topic() {
        assert_eq!(
            parse("!help ping", "!"),
            Some(Ok(Command::Help { topic: Some("ping".into()) }))
        );
    }

    #[test]
    fn help_with_two_topics_is_a_usage_error() {
        let Some(Err(ParseError::Usage { problem, .. })) = parse("!help a b", "!") else {
            panic!("expected a usage error");
        };
        assert_eq!(problem, Problem::TooManyArguments { max: 1 });
    }
}
