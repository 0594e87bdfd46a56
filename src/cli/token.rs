//! `peerlink token new|list|revoke`: API tokens kept in the database (their
//! SHA-256 only). A new token works at once, a revoked one stops at once:
//! the API reads the table at each call, so the service needs no restart.

use std::process::ExitCode;

use clap::Subcommand;
use rand::distr::{Alphanumeric, SampleString};

use crate::config::Settings;
use crate::domain::time::iso;
use crate::http::sha256_hex;
use crate::storage::{Database, TokenStore};

/// `peerlink token …`
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Make a token (shown once) that the API accepts at once
    New {
        /// Who will hold it (one active token per name)
        #[arg(long)]
        name: String,
        /// calendar (the calendar feed only), reports (requests, statistics, outcomes,
        /// seminars) or roster (also delegates' user IDs)
        #[arg(long, default_value = "reports", value_parser = ["calendar", "reports", "roster"])]
        scope: String,
    },
    /// List the tokens (names, scopes, dates; never the tokens)
    List,
    /// Revoke a holder's token at once
    Revoke {
        /// The holder's name, as given to `token new`
        name: String,
    },
}

/// Runs `peerlink token …`.
pub async fn token(settings: &Settings, command: TokenCommand) -> anyhow::Result<ExitCode> {
    let db =
        Database::connect_and_migrate(&settings.database.url, settings.database.max_connections)
            .await?;
    let code = match command {
        TokenCommand::New { name, scope } => {
            let token = format!("pl_{}", Alphanumeric.sample_string(&mut rand::rng(), 40));
            let actor = super::roster::actor();
            if !db.add_token(&name, &scope, &sha256_hex(&token), &actor).await? {
                eprintln!(
                    "peerlink: {name} already has an active token; revoke it first \
                     (`peerlink token revoke {name}`) or choose another name."
                );
                db.close().await;
                return Ok(ExitCode::FAILURE);
            }
            println!("New {scope} token for {name} (shown once; give it to its holder):\n");
            println!("  {token}\n");
            println!("The API accepts it at once; `peerlink token revoke {name}` ends it.");
            ExitCode::SUCCESS
        }
        TokenCommand::List => {
            let tokens = db.tokens().await?;
            if tokens.is_empty() {
                println!("No token yet: make one with `peerlink token new --name NAME`.");
            }
            for t in tokens {
                let state =
                    t.revoked_at.map_or("active".to_owned(), |at| format!("revoked {}", iso(at)));
                println!(
                    "{:<24} {:<8} made {} by {:<16} {state}",
                    t.name,
                    t.scope,
                    iso(t.created_at),
                    t.created_by
                );
            }
            ExitCode::SUCCESS
        }
        TokenCommand::Revoke { name } => {
            if db.revoke_token(&name).await? {
                println!("Revoked {name}'s token; the API refuses it from now on.");
                ExitCode::SUCCESS
            } else {
                eprintln!("peerlink: {name} has no active token (see `peerlink token list`).");
                ExitCode::FAILURE
            }
        }
    };
    db.close().await;
    Ok(code)
}
