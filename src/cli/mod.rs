//! The command line: `peerlink run`, `migrate`, `check-config`, and the
//! roster commands (`roster`, `state`, `delegate`) in [`roster`].

mod backup;
mod partner;
mod provision;
mod requests;
mod roster;
mod token;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tokio_util::sync::CancellationToken;

use crate::config::{ConfigSource, LogFormat, Settings, DEFAULT_CONFIG_PATH};
use crate::storage::Database;

/// peerlink: the Matrix bot of the International Network of National
/// Mechanisms for Implementation, Reporting and Follow-up.
#[derive(Debug, Parser)]
#[command(name = "peerlink", version, about, long_about = None)]
#[command(after_help = "Settings come from the TOML file (see config/peerlink.example.toml), \
then from PEERLINK__SECTION__KEY environment variables. Secrets are read from the \
environment only: PEERLINK__MATRIX__PASSWORD or PEERLINK__MATRIX__ACCESS_TOKEN, and \
optionally PEERLINK__MATRIX__STORE_PASSPHRASE.")]
pub struct Cli {
    /// Configuration file [default: config/peerlink.toml if it exists]
    #[arg(long, short, global = true, env = "PEERLINK_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Log format, overriding `log.format`
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub log_format: Option<LogFormat>,

    /// What to do
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the bot: migrate the database, log in, answer commands until Ctrl-C or SIGTERM
    Run,
    /// Create or update the database schema, then exit
    Migrate,
    /// Check the configuration and say in plain words what is wrong
    CheckConfig,
    /// Show, import or export the roster, or see its history
    #[command(subcommand)]
    Roster(roster::RosterCommand),
    /// Add, update or remove a state
    #[command(subcommand)]
    State(roster::StateCommand),
    /// Add, update or remove a partner (an organisation that is not a state)
    #[command(subcommand)]
    Partner(partner::PartnerCommand),
    /// Add, remove or replace a delegate (of a state or a partner)
    #[command(subcommand)]
    Delegate(roster::DelegateCommand),
    /// List and show cooperation requests
    #[command(subcommand)]
    Requests(requests::RequestsCommand),
    /// Export the outcomes register
    #[command(subcommand)]
    Outcomes(requests::OutcomesCommand),
    /// API tokens for the HTTP API (kept in the database, effective at once)
    #[command(subcommand)]
    Token(token::TokenCommand),
    /// A consistent copy of the database and the Matrix session and store, while running
    Backup {
        /// A new or empty directory to write it into
        dir: std::path::PathBuf,
    },
    /// Put a backup back onto an empty machine (empty database and data_dir)
    Restore {
        /// The backup's directory
        dir: std::path::PathBuf,
    },
    /// Create and repair the network's rooms and memberships from the roster
    Provision {
        /// Only print what would change
        #[arg(long)]
        dry_run: bool,
    },
}

/// Runs the parsed command line; the exit code says whether it worked.
pub fn main(cli: Cli) -> ExitCode {
    let source = match &cli.config {
        Some(path) => ConfigSource::Explicit(path.clone()),
        None => ConfigSource::Default,
    };
    let mut settings = match Settings::load(&source) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("peerlink: the configuration cannot be read: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(format) = cli.log_format {
        settings.log.format = format;
    }
    if let Err(e) =
        crate::telemetry::init(settings.log.format, &settings.log.level, std::io::stderr)
    {
        eprintln!("peerlink: {e}");
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("peerlink: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The service reports through its log (which may be JSON for a
    // collector); a one-off command speaks to the person who typed it, once.
    let is_service = matches!(cli.command, Command::Run);
    let result = runtime.block_on(async {
        match cli.command {
            Command::CheckConfig => check_config(&settings, &source),
            Command::Migrate => migrate(&settings).await,
            Command::Run => run(settings).await,
            Command::Roster(c) => roster::roster(&settings, c).await,
            Command::State(c) => roster::state(&settings, c).await,
            Command::Partner(c) => partner::partner(&settings, c).await,
            Command::Delegate(c) => roster::delegate(&settings, c).await,
            Command::Provision { dry_run } => provision::provision(&settings, dry_run).await,
            Command::Requests(c) => requests::requests(&settings, c).await,
            Command::Token(c) => token::token(&settings, c).await,
            Command::Outcomes(c) => requests::outcomes(&settings, c).await,
            Command::Backup { dir } => backup::backup(&settings, &dir).await,
            Command::Restore { dir } => backup::restore(&settings, &dir).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(e) if is_service => {
            tracing::error!("{e:#}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("peerlink: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn check_config(settings: &Settings, source: &ConfigSource) -> anyhow::Result<ExitCode> {
    let file = match source {
        ConfigSource::Explicit(p) => p.display().to_string(),
        ConfigSource::Default if std::path::Path::new(DEFAULT_CONFIG_PATH).exists() => {
            DEFAULT_CONFIG_PATH.to_owned()
        }
        ConfigSource::Default => "(no file; defaults and environment only)".to_owned(),
    };
    println!("Configuration file: {file}\n\n{}\n", settings.redacted_summary());
    let problems = settings.problems();
    if problems.is_empty() {
        println!("The configuration is valid.");
        return Ok(ExitCode::SUCCESS);
    }
    println!("The configuration has {} problem(s):", problems.len());
    for p in &problems {
        println!("  - {p}");
    }
    Ok(ExitCode::from(1))
}

async fn migrate(settings: &Settings) -> anyhow::Result<ExitCode> {
    let db = Database::connect(&settings.database.url, settings.database.max_connections).await?;
    let applied = db.migrate().await?;
    db.close().await;
    println!(
        "Database {} is up to date ({applied} migration(s) applied now).",
        crate::config::redact_url(&settings.database.url)
    );
    Ok(ExitCode::SUCCESS)
}

async fn run(settings: Settings) -> anyhow::Result<ExitCode> {
    let problems = settings.problems();
    if !problems.is_empty() {
        eprintln!("peerlink: cannot start, the configuration has problems:");
        for p in &problems {
            eprintln!("  - {p}");
        }
        eprintln!("Run `peerlink check-config` for the full picture.");
        return Ok(ExitCode::from(2));
    }
    let shutdown = CancellationToken::new();
    let signal_token = shutdown.clone();
    tokio::spawn(async move {
        crate::app::shutdown_signal().await;
        signal_token.cancel();
    });
    crate::app::run(settings, shutdown).await?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
