//! `!regions`, `!join <region>`, `!whois <country>`: finding one's way in
//! the network. Open to everyone; answers depend on the roster.

use super::{Arguments, Command, CommandSpec, Problem};

/// `!regions`
pub const REGIONS: CommandSpec =
    CommandSpec { name: "regions", arguments: "", summary_id: "summary-regions" };
/// `!join <region>`
pub const JOIN: CommandSpec =
    CommandSpec { name: "join", arguments: "<region>", summary_id: "summary-join" };
/// `!whois <country>`
pub const WHOIS: CommandSpec =
    CommandSpec { name: "whois", arguments: "<country>", summary_id: "summary-whois" };

/// No arguments.
pub fn parse_regions(args: Arguments<'_>) -> Result<Command, Problem> {
    match args.words().next() {
        Some(_) => Err(Problem::NoArguments),
        None => Ok(Command::Regions),
    }
}

/// The region: its ID or name, the rest of the line.
pub fn parse_join(args: Arguments<'_>) -> Result<Command, Problem> {
    match args.rest() {
        "" => Err(Problem::MissingArgument("<region>")),
        region => Ok(Command::Join { region: region.to_owned() }),
    }
}

/// The country: its code or name, the rest of the line.
pub fn parse_whois(args: Arguments<'_>) -> Result<Command, Problem> {
    match args.rest() {
        "" => Err(Problem::MissingArgument("<country>")),
        query => Ok(Command::Whois { query: query.to_owned() }),
    }
}

#[cfg(test)]
mod tests {
    use crate::commands::{parse, Command, ParseError, Problem};

    #[test]
    fn join_and_whois_take_the_rest_of_the_line() {
        assert_eq!(
            parse("!join Western European and Others Group", "!"),
            Some(Ok(Command::Join { region: "Western European and Others Group".into() }))
        );
        assert_eq!(parse("!whois ma", "!"), Some(Ok(Command::Whois { query: "ma".into() })));
    }

    #[test]
    fn join_without_a_region_names_what_is_missing() {
        let Some(Err(ParseError::Usage { problem, .. })) = parse("!join", "!") else { panic!() };
        assert_eq!(problem, Problem::MissingArgument("<region>"));
    }
}
