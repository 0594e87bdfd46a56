//! `!language [code]`: the language the bot answers the sender in.

use super::{Arguments, Command, CommandSpec, Problem};
use crate::domain::Language;

/// The command's name.
pub const NAME: &str = "language";

/// What `!help` says about `!language`.
pub const SPEC: CommandSpec =
    CommandSpec { name: NAME, arguments: "[code]", summary_id: "summary-language" };

/// `!language` shows the sender's language; `!language ru` chooses one.
pub fn parse(args: Arguments<'_>) -> Result<Command, Problem> {
    let mut words = args.words();
    let Some(raw) = words.next() else { return Ok(Command::Language { choice: None }) };
    if words.next().is_some() {
        return Err(Problem::TooManyArguments { max: 1 });
    }
    let language = Language::parse(raw).ok_or_else(|| Problem::BadLanguage(raw.to_owned()))?;
    Ok(Command::Language { choice: Some(language) })
}

#[cfg(test)]
mod tests {
    use crate::commands::tests::problem;
    use crate::commands::{parse, Command, Problem};
    use crate::domain::Language;

    #[test]
    fn a_language_is_chosen_by_its_code_in_any_case_or_shown() {
        let chosen = |body: &str| match parse(body, "!") {
            Some(Ok(Command::Language { choice })) => choice,
            other => panic!("{body}: {other:?}"),
        };
        assert_eq!(chosen("!language"), None);
        assert_eq!(chosen("!language RU"), Some(Language::Ru));
        assert_eq!(chosen("!language zh-CN"), Some(Language::ZhHans));
        assert_eq!(problem("!language klingon"), Problem::BadLanguage("klingon".into()));
        assert_eq!(problem("!language es fr"), Problem::TooManyArguments { max: 1 });
    }
}
