//! Roster administration from chat, for the coordinator and admins:
//!
//! ```text
//! !state add|update|remove <country> [--status S] [--mechanism "name"]
//! !partner add <id> <kind> "name" [--in L] [--regions r1,r2]
//! !partner update <id> [--kind K] [--name "name" [--in L]] [--regions r1,r2|none]
//! !partner remove <id>
//! !delegate add <country|partner> <@user:server> [--language L]
//! !delegate remove <@user:server>
//! !delegate replace <@old:server> <@new:server>
//! !roster show | export [toml|csv] | import [--dry-run]   (+ the file on the following lines)
//! ```

use super::{Arguments, Command, CommandSpec, Problem};
use crate::domain::{
    delegate_language, CountryCode, MatrixUserId, PartnerId, PartnerKind, RosterFormat, Seat,
    Status,
};

/// `!state …`
pub const STATE: CommandSpec = CommandSpec {
    name: "state",
    arguments: "add|update|remove <country> [--status S] [--mechanism \"…\"]",
    summary_id: "summary-state",
};
/// `!partner …`
pub const PARTNER: CommandSpec = CommandSpec {
    name: "partner",
    arguments: "add <id> <kind> \"name\" [--in L] [--regions r1,r2] | update <id> [--kind K] [--name \"…\" [--in L]] [--regions r1,r2|none] | remove <id>",
    summary_id: "summary-partner",
};
/// `!delegate …`
pub const DELEGATE: CommandSpec = CommandSpec {
    name: "delegate",
    arguments: "add <country|partner> <@user:server> [--language L] | remove <@user:server> | replace <@old> <@new>",
    summary_id: "summary-delegate",
};
/// `!roster …`
pub const ROSTER: CommandSpec = CommandSpec {
    name: "roster",
    arguments: "show | export [toml|csv] | import [--dry-run] (file on the next lines)",
    summary_id: "summary-roster",
};

/// A roster administration command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterCommand {
    /// Add a state.
    AddState {
        /// The state.
        code: CountryCode,
        /// Its status (member if not given).
        status: Status,
        /// Its mechanism.
        mechanism: Option<String>,
    },
    /// Change a state's status or mechanism.
    UpdateState {
        /// The state.
        code: CountryCode,
        /// New status.
        status: Option<Status>,
        /// New mechanism (empty clears it).
        mechanism: Option<String>,
    },
    /// Remove a state and its delegates.
    RemoveState {
        /// The state.
        code: CountryCode,
    },
    /// Add a partner.
    AddPartner {
        /// Its ID.
        id: PartnerId,
        /// Its kind.
        kind: PartnerKind,
        /// Its name, in `language`.
        name: String,
        /// The language of `name` (English if not given).
        language: String,
        /// Regional rooms (IDs or names, as typed).
        regions: Vec<String>,
    },
    /// Change a partner's kind, a name or its regional rooms.
    UpdatePartner {
        /// Its ID.
        id: PartnerId,
        /// New kind.
        kind: Option<PartnerKind>,
        /// A name in a language (replacing that language's name).
        name: Option<(String, String)>,
        /// New regional rooms (empty: none).
        regions: Option<Vec<String>>,
    },
    /// Remove a partner and its delegates.
    RemovePartner {
        /// Its ID.
        id: PartnerId,
    },
    /// Add a delegate.
    AddDelegate {
        /// The state or partner represented.
        seat: Seat,
        /// The delegate.
        user: MatrixUserId,
        /// Preferred language.
        language: Option<String>,
    },
    /// Remove a delegate.
    RemoveDelegate {
        /// The delegate.
        user: MatrixUserId,
    },
    /// Give a delegate's seat to someone else.
    ReplaceDelegate {
        /// The current delegate.
        old: MatrixUserId,
        /// The new one.
        new: MatrixUserId,
    },
    /// Show the roster.
    Show,
    /// Export the roster as a file.
    Export {
        /// The format.
        format: RosterFormat,
    },
    /// Replace the roster by the file given on the following lines.
    Import {
        /// The file's text.
        text: String,
        /// Only show the difference.
        dry_run: bool,
    },
}

/// Positional words and `--name value` options of a command line.
struct Parsed {
    positional: Vec<String>,
    options: Vec<(String, Option<String>)>,
}

fn split(args: Arguments<'_>, flags: &[&str], valued: &[&str]) -> Result<Parsed, Problem> {
    let mut parsed = Parsed { positional: Vec::new(), options: Vec::new() };
    let mut tokens = args.tokens()?.into_iter();
    while let Some(token) = tokens.next() {
        let Some(name) = token.strip_prefix("--") else {
            parsed.positional.push(token);
            continue;
        };
        if flags.contains(&name) {
            parsed.options.push((name.to_owned(), None));
        } else if valued.contains(&name) {
            let value = tokens.next().ok_or_else(|| Problem::BadOption(token.clone()))?;
            parsed.options.push((name.to_owned(), Some(value)));
        } else {
            return Err(Problem::BadOption(token));
        }
    }
    Ok(parsed)
}

impl Parsed {
    fn option(&self, name: &str) -> Option<&str> {
        self.options.iter().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }

    fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }

    fn arg(&self, index: usize, name: &'static str) -> Result<&str, Problem> {
        self.positional.get(index).map(String::as_str).ok_or(Problem::MissingArgument(name))
    }

    fn at_most(&self, count: usize) -> Result<(), Problem> {
        if self.positional.len() > count {
            Err(Problem::TooManyArguments { max: count })
        } else {
            Ok(())
        }
    }
}

fn country(raw: &str) -> Result<CountryCode, Problem> {
    CountryCode::parse(raw).map_err(|_| Problem::BadCountry(raw.to_owned()))
}

fn seat(raw: &str) -> Result<Seat, Problem> {
    Seat::parse(raw).ok_or_else(|| Problem::BadSeat(raw.to_owned()))
}

fn partner_id(raw: &str) -> Result<PartnerId, Problem> {
    PartnerId::parse(raw).map_err(|_| Problem::BadPartnerId(raw.to_owned()))
}

fn partner_kind(raw: &str) -> Result<PartnerKind, Problem> {
    PartnerKind::parse(raw).map_err(|_| Problem::BadPartnerKind(raw.to_owned()))
}

/// `r1,r2` (or `none`) as a list of region words.
fn regions(raw: &str) -> Vec<String> {
    if raw.trim().eq_ignore_ascii_case("none") {
        return Vec::new();
    }
    raw.split(',').map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned).collect()
}

fn user(raw: &str) -> Result<MatrixUserId, Problem> {
    MatrixUserId::parse(raw).map_err(|_| Problem::BadUser(raw.to_owned()))
}

fn status(raw: &str) -> Result<Status, Problem> {
    Status::parse(raw).map_err(|_| Problem::BadStatus(raw.to_owned()))
}

fn language(raw: &str) -> Result<String, Problem> {
    delegate_language(raw).ok_or_else(|| Problem::BadLanguage(raw.to_owned()))
}

/// `!state add|update|remove …`
pub fn parse_state(args: Arguments<'_>) -> Result<Command, Problem> {
    let p = split(args, &[], &["status", "mechanism"])?;
    let action = p.positional.first().map(|a| a.to_lowercase()).unwrap_or_default();
    let command = match action.as_str() {
        "add" => RosterCommand::AddState {
            code: country(p.arg(1, "<country>")?)?,
            status: p.option("status").map(status).transpose()?.unwrap_or(Status::Member),
            mechanism: p.option("mechanism").map(str::to_owned),
        },
        "update" => RosterCommand::UpdateState {
            code: country(p.arg(1, "<country>")?)?,
            status: p.option("status").map(status).transpose()?,
            mechanism: p.option("mechanism").map(str::to_owned),
        },
        "remove" => RosterCommand::RemoveState { code: country(p.arg(1, "<country>")?)? },
        _ => return Err(Problem::UnknownAction { given: action, expected: "add, update, remove" }),
    };
    p.at_most(2)?;
    Ok(Command::Roster(command))
}

/// `!delegate add|remove|replace …`
pub fn parse_delegate(args: Arguments<'_>) -> Result<Command, Problem> {
    let p = split(args, &[], &["language"])?;
    let action = p.positional.first().map(|a| a.to_lowercase()).unwrap_or_default();
    let (command, count) = match action.as_str() {
        "add" => (
            RosterCommand::AddDelegate {
                seat: seat(p.arg(1, "<country|partner>")?)?,
                user: user(p.arg(2, "<@user:server>")?)?,
                language: p.option("language").map(language).transpose()?,
            },
            3,
        ),
        "remove" => (RosterCommand::RemoveDelegate { user: user(p.arg(1, "<@user:server>")?)? }, 2),
        "replace" => (
            RosterCommand::ReplaceDelegate {
                old: user(p.arg(1, "<@old>")?)?,
                new: user(p.arg(2, "<@new>")?)?,
            },
            3,
        ),
        _ => {
            return Err(Problem::UnknownAction { given: action, expected: "add, remove, replace" })
        }
    };
    p.at_most(count)?;
    Ok(Command::Roster(command))
}

/// `!partner add|update|remove …`
pub fn parse_partner(args: Arguments<'_>) -> Result<Command, Problem> {
    let p = split(args, &[], &["kind", "name", "in", "regions"])?;
    let action = p.positional.first().map(|a| a.to_lowercase()).unwrap_or_default();
    let name_language = p.option("in").map(language).transpose()?;
    let (command, count) = match action.as_str() {
        "add" => (
            RosterCommand::AddPartner {
                id: partner_id(p.arg(1, "<id>")?)?,
                kind: partner_kind(p.arg(2, "<kind>")?)?,
                name: p.arg(3, "\"name\"")?.trim().to_owned(),
                language: name_language.unwrap_or_else(|| "en".to_owned()),
                regions: p.option("regions").map(regions).unwrap_or_default(),
            },
            4,
        ),
        "update" => (
            RosterCommand::UpdatePartner {
                id: partner_id(p.arg(1, "<id>")?)?,
                kind: p.option("kind").map(partner_kind).transpose()?,
                name: p.option("name").map(|n| {
                    (name_language.unwrap_or_else(|| "en".to_owned()), n.trim().to_owned())
                }),
                regions: p.option("regions").map(regions),
            },
            2,
        ),
        "remove" => (RosterCommand::RemovePartner { id: partner_id(p.arg(1, "<id>")?)? }, 2),
        _ => return Err(Problem::UnknownAction { given: action, expected: "add, update, remove" }),
    };
    p.at_most(count)?;
    if let RosterCommand::AddPartner { name, .. } = &command {
        if name.is_empty() {
            return Err(Problem::MissingArgument("\"name\""));
        }
    }
    Ok(Command::Roster(command))
}

/// `!roster show|export|import …`
pub fn parse_roster(args: Arguments<'_>) -> Result<Command, Problem> {
    let p = split(args, &["dry-run"], &[])?;
    let action = p.positional.first().map(|a| a.to_lowercase()).unwrap_or_default();
    let command = match action.as_str() {
        "show" => {
            p.at_most(1)?;
            RosterCommand::Show
        }
        "export" => {
            p.at_most(2)?;
            let format = match p.positional.get(1) {
                Some(f) => RosterFormat::parse(f).ok_or_else(|| Problem::BadFormat(f.clone()))?,
                None => RosterFormat::Toml,
            };
            RosterCommand::Export { format }
        }
        "import" => {
            p.at_most(1)?;
            let text = args.following_lines();
            if text.is_empty() {
                return Err(Problem::MissingRosterText);
            }
            RosterCommand::Import { text: text.to_owned(), dry_run: p.flag("dry-run") }
        }
        _ => {
            return Err(Problem::UnknownAction { given: action, expected: "show, export, import" })
        }
    };
    Ok(Command::Roster(command))
}

#[cfg(test)]
mod tests;
