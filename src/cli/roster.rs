//! `peerlink roster|state|delegate …`: the roster from the command line
//! (`peerlink partner …` is in `partner.rs`).
//! Each edit is one transaction recorded in the roster history as done by
//! `cli:<login name>`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Subcommand;

use crate::config::Settings;
use crate::domain::{CountryCode, Delegate, MatrixUserId, RosterChange, Seat, State, Status};
use crate::service::roster::RosterFormat;
use crate::service::RosterService;
use crate::storage::{Database, RosterStore};

/// `peerlink roster …`
#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Print the roster, region by region
    Show,
    /// Make the roster equal to a file (TOML or CSV), in one transaction
    Import {
        /// The roster file (.toml or .csv)
        file: PathBuf,
        /// Only print what would change
        #[arg(long)]
        dry_run: bool,
        /// File format, toml or csv [default: from the file name]
        #[arg(long, value_parser = parse_format)]
        format: Option<RosterFormat>,
    },
    /// Write the roster as TOML or CSV (to standard output by default)
    Export {
        /// Output format: toml or csv
        #[arg(long, value_parser = parse_format, default_value = "toml")]
        format: RosterFormat,
        /// Write to this file instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Print the latest roster changes: who, when, what
    History {
        /// How many entries
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
}

/// `peerlink state …`
#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Add a state to the roster
    Add {
        /// ISO 3166-1 alpha-2 code, e.g. MA
        #[arg(value_parser = parse_country)]
        code: CountryCode,
        /// founding_member, member or observer
        #[arg(long, value_parser = parse_status, default_value = "member")]
        status: Status,
        /// Name of the state's national mechanism
        #[arg(long)]
        mechanism: Option<String>,
    },
    /// Change a state's status or mechanism
    Update {
        /// ISO 3166-1 alpha-2 code
        #[arg(value_parser = parse_country)]
        code: CountryCode,
        /// New status: founding_member, member or observer
        #[arg(long, value_parser = parse_status)]
        status: Option<Status>,
        /// New mechanism name (empty to clear)
        #[arg(long)]
        mechanism: Option<String>,
    },
    /// Remove a state and its delegates
    Remove {
        /// ISO 3166-1 alpha-2 code
        #[arg(value_parser = parse_country)]
        code: CountryCode,
    },
}

/// `peerlink delegate …`
#[derive(Debug, Subcommand)]
pub enum DelegateCommand {
    /// Make a Matrix user a delegate of a state or a partner
    Add {
        /// ISO 3166-1 alpha-2 code of the state (e.g. MA), or the partner's ID (e.g. ohchr)
        #[arg(value_parser = parse_seat)]
        seat: Seat,
        /// Full Matrix user ID, e.g. @name:example.org
        #[arg(value_parser = parse_user)]
        user: MatrixUserId,
        /// Preferred language: ar, zh-Hans, en, fr, ru, es or pt
        #[arg(long, value_parser = parse_language)]
        language: Option<String>,
    },
    /// Remove a delegate
    Remove {
        /// Full Matrix user ID
        #[arg(value_parser = parse_user)]
        user: MatrixUserId,
    },
    /// Give a delegate's seat to another Matrix user
    Replace {
        /// The current delegate
        #[arg(value_parser = parse_user)]
        old: MatrixUserId,
        /// The new delegate
        #[arg(value_parser = parse_user)]
        new: MatrixUserId,
    },
}

fn parse_country(raw: &str) -> Result<CountryCode, String> {
    CountryCode::parse(raw).map_err(|e| e.to_string())
}

fn parse_seat(raw: &str) -> Result<Seat, String> {
    Seat::parse(raw).ok_or_else(|| {
        format!("`{raw}` is neither a country code (like MA) nor a partner ID (like ohchr)")
    })
}

fn parse_format(raw: &str) -> Result<RosterFormat, String> {
    RosterFormat::parse(raw).ok_or_else(|| "use toml or csv".to_owned())
}

fn parse_status(raw: &str) -> Result<Status, String> {
    Status::parse(raw).map_err(|e| e.to_string())
}

fn parse_user(raw: &str) -> Result<MatrixUserId, String> {
    MatrixUserId::parse(raw).map_err(|e| e.to_string())
}

pub(super) fn parse_language(raw: &str) -> Result<String, String> {
    crate::domain::delegate_language(raw)
        .ok_or_else(|| format!("use one of {}", crate::domain::DELEGATE_LANGUAGES.join(", ")))
}

/// Who the history records for CLI edits.
pub(super) fn actor() -> String {
    format!("cli:{}", std::env::var("USER").unwrap_or_else(|_| "unknown".into()))
}

pub(super) async fn service(settings: &Settings) -> anyhow::Result<RosterService<Database>> {
    let (db, network) = open(settings).await?;
    Ok(RosterService::new(db, network))
}

/// The database (migrated) and the network of `settings`.
async fn open(settings: &Settings) -> anyhow::Result<(Database, Arc<crate::domain::Network>)> {
    let network = Arc::new(settings.load_network()?);
    let db =
        Database::connect_and_migrate(&settings.database.url, settings.database.max_connections)
            .await?;
    Ok((db, network))
}

/// The roster service for a command that changes the roster, holding the
/// provisioning lock: a change waits while the running bot (or
/// `peerlink provision`) reconciles the rooms, so they never see half of it.
pub(super) async fn writer(
    settings: &Settings,
) -> anyhow::Result<(RosterService<Database>, crate::storage::backup::ProvisioningLock)> {
    let (db, network) = open(settings).await?;
    let lock = {
        let waiting = db.provisioning_lock();
        tokio::pin!(waiting);
        tokio::select! {
            lock = &mut waiting => lock?,
            _ = tokio::time::sleep(std::time::Duration::from_secs(1)) => {
                eprintln!("Waiting for the rooms' provisioning (the running bot's or another `peerlink provision`) to finish…");
                waiting.await?
            }
        }
    };
    Ok((RosterService::new(db, network), lock))
}

pub(super) fn print_changes(changes: &[RosterChange], dry_run: bool) {
    match (changes.len(), dry_run) {
        (0, _) => println!("No change: the roster already looks like that."),
        (n, true) => println!("Dry run: {n} change(s) would be made; nothing was changed."),
        (n, false) => println!("{n} change(s) made:"),
    }
    for change in changes {
        println!("  {change}");
    }
    if !changes.is_empty() && !dry_run {
        println!(
            "A running `peerlink run` on this database applies this to the rooms within a few \
             seconds; without one, run `peerlink provision`."
        );
    }
}

/// Runs `peerlink roster …`.
pub async fn roster(settings: &Settings, command: RosterCommand) -> anyhow::Result<ExitCode> {
    match command {
        RosterCommand::Show => print!("{}", show(&service(settings).await?).await?),
        RosterCommand::Import { file, dry_run, format } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let format = format.unwrap_or_else(|| RosterFormat::from_path(&file));
            let name = file.display().to_string();
            // Only a real import waits for the rooms' provisioning.
            let (service, _lock) = if dry_run {
                (service(settings).await?, None)
            } else {
                let (service, lock) = writer(settings).await?;
                (service, Some(lock))
            };
            let changes = service.import(&actor(), &name, &text, format, dry_run).await?;
            print_changes(&changes, dry_run);
        }
        RosterCommand::Export { format, output } => {
            let text = service(settings).await?.export(format).await?;
            match output {
                Some(path) => std::fs::write(&path, text)
                    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?,
                None => print!("{text}"),
            }
        }
        RosterCommand::History { limit } => {
            let db = Database::connect_and_migrate(&settings.database.url, 1).await?;
            for entry in db.roster_history(limit).await? {
                println!("{}  {:<24} {}", format_ms(entry.at), entry.actor, entry.detail);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn show(service: &RosterService<Database>) -> anyhow::Result<String> {
    let roster = service.roster().await?;
    let mut out = String::new();
    for region in service.network().regions.regions() {
        let states: Vec<&State> =
            roster.states.values().filter(|s| region.countries.contains(&s.code)).collect();
        out.push_str(&format!("{} ({} state(s))\n", region.names.get("en"), states.len()));
        for s in states {
            let delegates: Vec<String> = roster
                .delegates_of(s.code)
                .map(|d: &Delegate| match &d.language {
                    Some(l) => format!("{} ({l})", d.user_id),
                    None => d.user_id.to_string(),
                })
                .collect();
            out.push_str(&format!(
                "  {} {:<28} {:<16} {}\n      delegates: {}\n",
                s.code,
                s.code.name("en"),
                s.status,
                s.mechanism.as_deref().unwrap_or("-"),
                if delegates.is_empty() { "none".to_owned() } else { delegates.join(", ") }
            ));
        }
    }
    out.push_str(&format!("Partners ({})\n", roster.partners.len()));
    for p in roster.partners.values() {
        let seat = Seat::Partner(p.id.clone());
        let delegates: Vec<String> = roster
            .delegates_of_seat(&seat)
            .into_iter()
            .map(|u| match roster.language_of(u.as_str()) {
                Some(l) => format!("{u} ({l})"),
                None => u.to_string(),
            })
            .collect();
        let regions: Vec<&str> = p.regions.iter().map(String::as_str).collect();
        out.push_str(&format!(
            "  {:<12} {:<40} {:<14} rooms: plenary{}\n      delegates: {}\n",
            p.id,
            p.name("en"),
            p.kind,
            regions.iter().map(|r| format!(", {r}")).collect::<String>(),
            if delegates.is_empty() { "none".to_owned() } else { delegates.join(", ") }
        ));
    }
    Ok(out)
}

/// Runs `peerlink state …`.
pub async fn state(settings: &Settings, command: StateCommand) -> anyhow::Result<ExitCode> {
    let (service, _lock) = writer(settings).await?;
    let changes = match command {
        StateCommand::Add { code, status, mechanism } => {
            service.edit(&actor(), |r| r.add_state(State { code, status, mechanism })).await?
        }
        StateCommand::Update { code, status, mechanism } => {
            service
                .edit(&actor(), |r| {
                    let mut state = r
                        .states
                        .get(&code)
                        .cloned()
                        .ok_or(crate::domain::RosterError::NoSuchState(code))?;
                    if let Some(status) = status {
                        state.status = status;
                    }
                    if let Some(m) = mechanism {
                        state.mechanism = Some(m.trim().to_owned()).filter(|m| !m.is_empty());
                    }
                    r.update_state(state)
                })
                .await?
        }
        StateCommand::Remove { code } => service.edit(&actor(), |r| r.remove_state(code)).await?,
    };
    print_changes(&changes, false);
    Ok(ExitCode::SUCCESS)
}

/// Runs `peerlink delegate …`.
pub async fn delegate(settings: &Settings, command: DelegateCommand) -> anyhow::Result<ExitCode> {
    let (service, _lock) = writer(settings).await?;
    let changes = match command {
        DelegateCommand::Add { seat, user, language } => {
            service.edit(&actor(), |r| r.add_seat_delegate(&seat, user, language)).await?
        }
        DelegateCommand::Remove { user } => {
            service.edit(&actor(), |r| r.remove_delegate(&user).map(drop)).await?
        }
        DelegateCommand::Replace { old, new } => {
            service.edit(&actor(), |r| r.replace_delegate(&old, new)).await?
        }
    };
    print_changes(&changes, false);
    Ok(ExitCode::SUCCESS)
}

/// `YYYY-MM-DD HH:MM:SS` UTC for a millisecond timestamp.
fn format_ms(ms: i64) -> String {
    crate::domain::time::utc(ms, "%Y-%m-%d %H:%M:%S")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_shown_as_utc_dates() {
        assert_eq!(format_ms(0), "1970-01-01 00:00:00");
        assert_eq!(format_ms(1_795_969_377_159), "2026-11-29 16:22:57");
    }
}
