//! Offers of technical cooperation in chat:
//!
//! ```text
//! !offer <category> <title>        the details on the next lines
//! !offer close <n>
//! !offers [--category C]
//! ```

use super::requests::parse_number;
use super::{Arguments, Command, CommandSpec, Problem};

/// `!offer`
pub const OFFER: CommandSpec = CommandSpec {
    name: "offer",
    arguments: "<category> <title> (details on the next lines) | close <number>",
    summary_id: "summary-offer",
};
/// `!offers`
pub const OFFERS: CommandSpec =
    CommandSpec { name: "offers", arguments: "[--category C]", summary_id: "summary-offers" };

/// An offer command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfferCommand {
    /// Publish one.
    Add {
        /// Its category, as typed.
        category: String,
        /// Its title.
        title: String,
        /// The details.
        description: String,
    },
    /// Close one.
    Close(i64),
    /// The open ones.
    List {
        /// Only this category.
        category: Option<String>,
    },
}

/// `!offer …`
pub fn parse_offer(args: Arguments<'_>) -> Result<Command, Problem> {
    let mut words = args.words();
    let first = words.next().ok_or(Problem::MissingArgument("<category>"))?;
    if first == "close" {
        let raw = words.next().ok_or(Problem::MissingArgument("<number>"))?;
        let id = parse_number(raw).ok_or_else(|| Problem::BadNumber(raw.to_owned()))?;
        if words.next().is_some() {
            return Err(Problem::TooManyArguments { max: 2 });
        }
        return Ok(Command::Offer(OfferCommand::Close(id)));
    }
    let title = args.rest()[first.len()..].trim();
    if title.is_empty() {
        return Err(Problem::MissingArgument("<title>"));
    }
    Ok(Command::Offer(OfferCommand::Add {
        category: first.to_owned(),
        title: title.to_owned(),
        description: args.following_lines().to_owned(),
    }))
}

/// `!offers [--category C]`
pub fn parse_offers(args: Arguments<'_>) -> Result<Command, Problem> {
    let words: Vec<&str> = args.words().collect();
    let category = match words.as_slice() {
        [] => None,
        ["--category", c] => Some((*c).to_owned()),
        ["--category"] => return Err(Problem::BadOption("--category".into())),
        [other, ..] => return Err(Problem::BadOption((*other).to_owned())),
    };
    Ok(Command::Offer(OfferCommand::List { category }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::parse;
    use crate::commands::tests::problem;

    fn offer(body: &str) -> OfferCommand {
        match parse(body, "!") {
            Some(Ok(Command::Offer(c))) => c,
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn offers_are_published_listed_and_closed() {
        assert_eq!(
            offer(
                "!offer capacity-building Training on tracking databases\nIn French and Spanish."
            ),
            OfferCommand::Add {
                category: "capacity-building".into(),
                title: "Training on tracking databases".into(),
                description: "In French and Spanish.".into(),
            }
        );
        assert_eq!(offer("!offer close #3"), OfferCommand::Close(3));
        assert_eq!(offer("!offers"), OfferCommand::List { category: None });
        assert_eq!(
            offer("!offers --category peer-exchange"),
            OfferCommand::List { category: Some("peer-exchange".into()) }
        );
        assert_eq!(problem("!offer"), Problem::MissingArgument("<category>"));
        assert_eq!(problem("!offer capacity-building"), Problem::MissingArgument("<title>"));
        assert_eq!(problem("!offer close x"), Problem::BadNumber("x".into()));
        assert_eq!(problem("!offers --category"), Problem::BadOption("--category".into()));
        assert_eq!(problem("!offers all"), Problem::BadOption("all".into()));
    }
}
