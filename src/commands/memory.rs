//! The network's memory in chat:
//!
//! ```text
//! !tag <n> [--sdg S] [--theme T] [--ref "R"] [--remove]   tags of a request
//! !practice <theme> <title> [--sdg S]     the practice on the next lines
//! !practice edit <n> <title>              the new text on the next lines
//! !practice withdraw <n>
//! !save [title] [--theme T] [--sdg S]     in reply to a message: keep it as a practice
//! !experts <category|theme|sdg>           who has done this before
//! !search <words> [--theme T] [--sdg G] [--region R]    "quoted phrases" too
//! !guide [document [section]]             the guidance library
//! ```
//!
//! The tag options may follow a request's title too: `!request <category>
//! <title> --sdg 16.3 --theme justice --ref "UPR 4 123.45"`.

use super::requests::parse_number;
use super::{Arguments, Command, CommandSpec, Problem};
use crate::domain::memory::RawTags;

/// `!tag`
pub const TAG: CommandSpec = CommandSpec {
    name: "tag",
    arguments: "<number> [--sdg S] [--theme T] [--ref \"R\"] [--remove]",
    summary_id: "summary-tag",
};
/// `!practice`
pub const PRACTICE: CommandSpec = CommandSpec {
    name: "practice",
    arguments: "<theme> <title> [--sdg S] (the practice on the next lines) | edit <number> <title> | withdraw <number>",
    summary_id: "summary-practice",
};
/// `!search`
pub const SEARCH: CommandSpec = CommandSpec {
    name: "search",
    arguments: "<words> [--theme T] [--sdg G] [--region R]",
    summary_id: "summary-search",
};

/// `!save`
pub const SAVE: CommandSpec = CommandSpec {
    name: "save",
    arguments: "[title] [--theme T] [--sdg S] (in reply to a message)",
    summary_id: "summary-save",
};
/// `!experts`
pub const EXPERTS: CommandSpec = CommandSpec {
    name: "experts",
    arguments: "<category|theme|sdg>",
    summary_id: "summary-experts",
};

/// `!guide`
pub const GUIDE: CommandSpec =
    CommandSpec { name: "guide", arguments: "[document [section]]", summary_id: "summary-guide" };

/// A memory command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemoryCommand {
    /// Tag (or untag) a request.
    Tag {
        /// The request.
        id: i64,
        /// The tags as typed.
        tags: RawTags,
        /// Remove them rather than add them.
        remove: bool,
    },
    /// Share a practice.
    Practice {
        /// Its theme as typed.
        theme: String,
        /// Title.
        title: String,
        /// The practice itself.
        description: String,
        /// More tags (SDGs, further themes).
        tags: RawTags,
    },
    /// Change a practice's text.
    EditPractice {
        /// The practice.
        id: i64,
        /// New title.
        title: String,
        /// New text (empty: kept).
        description: String,
    },
    /// Withdraw a practice.
    WithdrawPractice {
        /// The practice.
        id: i64,
    },
    /// Keep the message replied to as a practice.
    Save {
        /// Its title as typed (empty: the message's first words).
        title: String,
        /// Its tags.
        tags: RawTags,
    },
    /// Who has done this before in a category, theme or goal.
    Experts {
        /// The category, theme or SDG as typed.
        about: String,
    },
    /// The guidance library: the documents, one's sections, or a section.
    Guide {
        /// The document (ID), if given.
        document: Option<String>,
        /// The section (number or heading words), if given.
        section: Option<String>,
    },
    /// Search the memory.
    Search {
        /// The words and "phrases" as typed.
        query: String,
        /// `--theme`.
        theme: Option<String>,
        /// `--sdg`.
        sdg: Option<String>,
        /// `--region`.
        region: Option<String>,
    },
}

/// Whether `word` starts the tag options.
fn is_tag_option(word: &str) -> bool {
    matches!(word, "--sdg" | "--theme" | "--ref")
}

/// Splits `line` into what comes before the first tag option and the tags.
pub fn split_tags(line: &str) -> Result<(&str, RawTags), Problem> {
    // Where the first option word begins (a sub-slice of `line`).
    let start = line
        .split_whitespace()
        .find(|w| is_tag_option(w))
        .map(|w| w.as_ptr() as usize - line.as_ptr() as usize);
    let Some(start) = start else { return Ok((line.trim(), RawTags::default())) };
    let tokens = shlex::split(&line[start..]).ok_or(Problem::UnbalancedQuotes)?;
    let (tags, rest) = read_tags(tokens)?;
    if let Some(extra) = rest.into_iter().next() {
        return Err(Problem::BadOption(extra));
    }
    Ok((line[..start].trim(), tags))
}

/// Reads `--sdg`, `--theme` and `--ref` options; the tokens left over.
fn read_tags(tokens: Vec<String>) -> Result<(RawTags, Vec<String>), Problem> {
    let mut tags = RawTags::default();
    let mut rest = Vec::new();
    let mut iter = tokens.into_iter();
    while let Some(token) = iter.next() {
        let list = match token.as_str() {
            "--sdg" => &mut tags.sdgs,
            "--theme" => &mut tags.themes,
            "--ref" => &mut tags.references,
            _ => {
                rest.push(token);
                continue;
            }
        };
        list.push(iter.next().filter(|v| !v.starts_with("--")).ok_or(Problem::BadOption(token))?);
    }
    Ok((tags, rest))
}

/// `!tag <n> …`
pub fn parse_tag(args: Arguments<'_>) -> Result<Command, Problem> {
    // The number first (`#3` would be a comment to a shell-like split).
    let rest = args.rest();
    let (raw, options) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if raw.is_empty() {
        return Err(Problem::MissingArgument("<number>"));
    }
    let id = parse_number(raw).ok_or_else(|| Problem::BadNumber(raw.to_owned()))?;
    let tokens = shlex::split(options).ok_or(Problem::UnbalancedQuotes)?;
    let (tags, rest) = read_tags(tokens)?;
    let mut remove = false;
    for token in rest {
        match token.as_str() {
            "--remove" => remove = true,
            _ => return Err(Problem::BadOption(token)),
        }
    }
    if tags.is_empty() {
        return Err(Problem::MissingArgument("--sdg, --theme or --ref"));
    }
    Ok(Command::Memory(MemoryCommand::Tag { id, tags, remove }))
}

/// `!practice …`
pub fn parse_practice(args: Arguments<'_>) -> Result<Command, Problem> {
    let rest = args.rest();
    let (first, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let after = after.trim();
    match first {
        "" => Err(Problem::MissingArgument("<theme>")),
        "edit" => {
            let (raw, title) = after.split_once(char::is_whitespace).unwrap_or((after, ""));
            let id = parse_number(raw).ok_or_else(|| Problem::BadNumber(raw.to_owned()))?;
            let title = title.trim();
            if title.is_empty() {
                return Err(Problem::MissingArgument("<title>"));
            }
            let description = args.following_lines().to_owned();
            Ok(Command::Memory(MemoryCommand::EditPractice {
                id,
                title: title.to_owned(),
                description,
            }))
        }
        "withdraw" => {
            let id = parse_number(after).ok_or_else(|| Problem::BadNumber(after.to_owned()))?;
            Ok(Command::Memory(MemoryCommand::WithdrawPractice { id }))
        }
        theme => {
            let (title, tags) = split_tags(after)?;
            if title.is_empty() {
                return Err(Problem::MissingArgument("<title>"));
            }
            let description = args.following_lines().to_owned();
            if description.is_empty() {
                return Err(Problem::MissingArgument("(the practice on the next lines)"));
            }
            Ok(Command::Memory(MemoryCommand::Practice {
                theme: theme.to_owned(),
                title: title.to_owned(),
                description,
                tags,
            }))
        }
    }
}

/// `!save [title] [--theme T] [--sdg S]`
pub fn parse_save(args: Arguments<'_>) -> Result<Command, Problem> {
    let (title, tags) = split_tags(args.rest())?;
    if !tags.references.is_empty() {
        return Err(Problem::BadOption("--ref".into()));
    }
    Ok(Command::Memory(MemoryCommand::Save { title: title.to_owned(), tags }))
}

/// `!experts <category|theme|sdg>`
pub fn parse_experts(args: Arguments<'_>) -> Result<Command, Problem> {
    let about = args.rest().trim();
    if about.is_empty() {
        return Err(Problem::MissingArgument("<category|theme|sdg>"));
    }
    Ok(Command::Memory(MemoryCommand::Experts { about: about.to_owned() }))
}

/// `!guide [document [section]]`
pub fn parse_guide(args: Arguments<'_>) -> Result<Command, Problem> {
    let rest = args.rest();
    let (document, section) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    Ok(Command::Memory(MemoryCommand::Guide { document: some(document), section: some(section) }))
}

/// `!search <words> [--theme T] [--sdg G] [--region R]`: the words keep
/// their quotes (phrases); the options take one word each.
pub fn parse_search(args: Arguments<'_>) -> Result<Command, Problem> {
    let (mut theme, mut sdg, mut region) = (None, None, None);
    let mut words = Vec::new();
    let mut iter = args.words();
    while let Some(word) = iter.next() {
        let slot = match word {
            "--theme" => &mut theme,
            "--sdg" => &mut sdg,
            "--region" => &mut region,
            _ => {
                words.push(word);
                continue;
            }
        };
        let value = iter.next().filter(|v| !v.starts_with("--"));
        *slot = Some(value.ok_or_else(|| Problem::BadOption(word.to_owned()))?.to_owned());
    }
    Ok(Command::Memory(MemoryCommand::Search { query: words.join(" "), theme, sdg, region }))
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn memory(body: &str) -> MemoryCommand {
        match parse(body, "!") {
            Some(Ok(Command::Memory(m))) => m,
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn a_title_is_cut_where_the_tag_options_begin() {
        let (title, tags) =
            split_tags("Training for judges --sdg 16.3,5.2 --theme justice --ref \"UPR 4 123.45\"")
                .unwrap();
        assert_eq!(title, "Training for judges");
        assert_eq!(tags.sdgs, ["16.3,5.2"]);
        assert_eq!(tags.themes, ["justice"]);
        assert_eq!(tags.references, ["UPR 4 123.45"]);
        assert_eq!(split_tags("Plain title").unwrap().0, "Plain title");
        assert_eq!(split_tags("T --ref \"UPR 4").unwrap_err(), Problem::UnbalancedQuotes);
        assert_eq!(split_tags("T --sdg").unwrap_err(), Problem::BadOption("--sdg".into()));
        assert_eq!(split_tags("T --sdg 5 extra").unwrap_err(), Problem::BadOption("extra".into()));
    }

    #[test]
    fn tag_practice_and_search_commands_are_read() {
        assert_eq!(
            memory("!tag #3 --theme women --remove"),
            MemoryCommand::Tag {
                id: 3,
                tags: RawTags { themes: vec!["women".into()], ..RawTags::default() },
                remove: true
            }
        );
        assert!(matches!(
            memory("!practice justice Mobile courts --sdg 16.3\nJudges travel."),
            MemoryCommand::Practice { ref theme, ref title, .. } if theme == "justice" && title == "Mobile courts"
        ));
        assert_eq!(memory("!practice withdraw 4"), MemoryCommand::WithdrawPractice { id: 4 });
        assert_eq!(
            memory("!guide peer-learning study visit"),
            MemoryCommand::Guide {
                document: Some("peer-learning".into()),
                section: Some("study visit".into())
            }
        );
        assert_eq!(memory("!guide"), MemoryCommand::Guide { document: None, section: None });
        assert_eq!(
            memory("!search \"study visit\" éducation --sdg 4 --region africa"),
            MemoryCommand::Search {
                query: "\"study visit\" éducation".into(),
                theme: None,
                sdg: Some("4".into()),
                region: Some("africa".into())
            }
        );
    }

    #[test]
    fn incomplete_memory_commands_say_what_is_missing() {
        use super::super::tests::problem;
        assert_eq!(problem("!tag"), Problem::MissingArgument("<number>"));
        assert_eq!(problem("!tag 3"), Problem::MissingArgument("--sdg, --theme or --ref"));
        assert_eq!(problem("!tag x --sdg 4"), Problem::BadNumber("x".into()));
        assert_eq!(problem("!practice"), Problem::MissingArgument("<theme>"));
        assert_eq!(problem("!practice justice"), Problem::MissingArgument("<title>"));
        assert_eq!(
            problem("!practice justice Title"),
            Problem::MissingArgument("(the practice on the next lines)")
        );
        assert_eq!(problem("!search x --theme"), Problem::BadOption("--theme".into()));
    }
}
