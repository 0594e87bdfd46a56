//! `!ping`: the bot answers that it is up.

use super::{Arguments, Command, CommandSpec, Problem};

/// The command's name.
pub const NAME: &str = "ping";

/// What `!help` says about `!ping`.
pub const SPEC: CommandSpec = CommandSpec { name: NAME, arguments: "", summary_id: "summary-ping" };

/// No arguments.
pub fn parse(args: Arguments<'_>) -> Result<Command, Problem> {
    match args.words().next() {
        Some(_) => Err(Problem::NoArguments),
        None => Ok(Command::Ping),
    }
}

#[cfg(test)]
mod tests {
    use crate::commands::{parse, ParseError, Problem};

    #[test]
    fn ping_with_an_argument_is_a_usage_error() {
        let Some(Err(ParseError::Usage { spec, problem })) = parse("!ping now", "!") else {
            panic!("expected a usage error");
        };
        assert_eq!(spec.name, "ping");
        assert_eq!(problem, Problem::NoArguments);
    }
}
