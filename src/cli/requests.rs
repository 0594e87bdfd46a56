//! `peerlink requests list|show` and `peerlink outcomes export`: the
//! requests and the outcomes register from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use crate::config::Settings;
use crate::domain::{CountryCode, RequestState};
use crate::service::outcomes::{Export, Format};
use crate::storage::{Database, RequestFilter, RequestStore};

/// `peerlink requests …`
#[derive(Debug, Subcommand)]
pub enum RequestsCommand {
    /// List requests, newest first
    List {
        /// Only open requests (not resolved or declined)
        #[arg(long)]
        open: bool,
        /// Only in this state (submitted, acknowledged, needs_info, accepted, in_progress, resolved, declined, reopened)
        #[arg(long, value_parser = parse_state)]
        state: Option<RequestState>,
        /// Only from this state (country code)
        #[arg(long, value_parser = parse_country)]
        country: Option<CountryCode>,
        /// Only from this region (region id)
        #[arg(long)]
        region: Option<String>,
        /// Only in this category (category id)
        #[arg(long)]
        category: Option<String>,
        /// At most this many
        #[arg(long, default_value_t = 100)]
        limit: i64,
    },
    /// Show one request with its history and outcome
    Show {
        /// The request number
        number: i64,
    },
}

/// `peerlink outcomes …`
#[derive(Debug, Subcommand)]
pub enum OutcomesCommand {
    /// Write the outcomes register (resolved requests and what they delivered)
    Export {
        /// csv or json
        #[arg(long, default_value = "csv", value_parser = ["csv", "json"])]
        format: String,
        /// Write to this file instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

fn parse_state(raw: &str) -> Result<RequestState, String> {
    RequestState::parse(raw).ok_or_else(|| {
        let all: Vec<&str> = RequestState::ALL.iter().map(|s| s.as_str()).collect();
        format!("use one of {}", all.join(", "))
    })
}

fn parse_country(raw: &str) -> Result<CountryCode, String> {
    CountryCode::parse(raw).map_err(|e| e.to_string())
}

async fn open_db(settings: &Settings) -> anyhow::Result<Database> {
    Ok(Database::connect_and_migrate(&settings.database.url, settings.database.max_connections)
        .await?)
}

use crate::domain::time::minutes as date;

/// Runs `peerlink requests …`.
pub async fn requests(settings: &Settings, command: RequestsCommand) -> anyhow::Result<ExitCode> {
    let db = open_db(settings).await?;
    match command {
        RequestsCommand::List { open, state, country, region, category, limit } => {
            let filter = RequestFilter {
                open_only: open,
                state,
                requesting_state: country,
                region,
                category,
                limit,
                ..RequestFilter::default()
            };
            let requests = db.list_requests(&filter).await?;
            if requests.is_empty() {
                println!("No requests match.");
            }
            for r in requests {
                println!(
                    "#{:<5} {:<13} {} {:<24} {:<22} {}",
                    r.id,
                    r.state,
                    r.requesting_state,
                    r.category,
                    date(r.created_at),
                    r.title
                );
            }
        }
        RequestsCommand::Show { number } => {
            let Some(r) = db.get_request(number).await? else {
                eprintln!("There is no request #{number}.");
                return Ok(ExitCode::from(1));
            };
            println!("Request #{}: {}", r.id, r.title);
            println!("State:      {}", r.state);
            println!("From:       {} ({})", r.requesting_state, r.region.as_deref().unwrap_or("-"));
            println!("Category:   {}", r.category);
            println!("Requester:  {}", r.requester);
            println!("Assigned:   {}", r.assignee.as_deref().unwrap_or("-"));
            println!("Filed:      {}", date(r.created_at));
            if !r.description.is_empty() {
                println!("\n{}\n", r.description);
            }
            if let Some(o) = db.outcome(number).await? {
                println!("Outcome:    {} — {}", o.result.as_str(), o.summary);
                if let Some(l) = o.lessons {
                    println!("Lessons:    {l}");
                }
            }
            println!("History:");
            for t in db.transitions(number).await? {
                println!(
                    "  {}  {:<8} {:<13} by {}{}{}",
                    date(t.at),
                    t.action,
                    t.to,
                    t.actor,
                    t.actor_state.map(|s| format!(" ({s})")).unwrap_or_default(),
                    t.reason.map(|r| format!(": {r}")).unwrap_or_default()
                );
            }
        }
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Runs `peerlink outcomes …`.
pub async fn outcomes(settings: &Settings, command: OutcomesCommand) -> anyhow::Result<ExitCode> {
    let OutcomesCommand::Export { format, output } = command;
    let db = open_db(settings).await?;
    let format = if format == "json" { Format::Json } else { Format::Csv };
    // Written page by page: flat memory for a register of any size. A file
    // is written beside its name and renamed once whole.
    let partial = output.as_ref().map(|p| PathBuf::from(format!("{}.partial", p.display())));
    let cannot =
        |path: &PathBuf, e: std::io::Error| anyhow::anyhow!("cannot write {}: {e}", path.display());
    let mut out: Box<dyn std::io::Write> = match &partial {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| cannot(path, e))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut export = Export::new(db.clone(), format);
    let written = async {
        while let Some(piece) = export.next().await? {
            out.write_all(piece.as_bytes())?;
        }
        out.flush()?;
        anyhow::Ok(())
    }
    .await;
    drop(out);
    db.close().await;
    if let (Some(partial), Some(path)) = (&partial, &output) {
        if let Err(e) = written {
            let _ = std::fs::remove_file(partial);
            return Err(e);
        }
        std::fs::rename(partial, path).map_err(|e| cannot(path, e))?;
    }
    written?;
    Ok(ExitCode::SUCCESS)
}
