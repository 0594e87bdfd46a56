//! `peerlink provision`: converge the network's rooms to the roster once,
//! from the command line (the running bot also does it periodically).

use std::process::ExitCode;
use std::sync::Arc;

use crate::config::Settings;
use crate::domain::MatrixUserId;
use crate::i18n::Catalog;
use crate::matrix::{self, Provisioner};
use crate::storage::Database;

/// Runs one reconciliation; `dry_run` only prints the plan.
pub async fn provision(settings: &Settings, dry_run: bool) -> anyhow::Result<ExitCode> {
    let network = Arc::new(settings.load_network()?);
    let db =
        Database::connect_and_migrate(&settings.database.url, settings.database.max_connections)
            .await?;
    let (client, temporary_device) = matrix::connect_for_cli(settings).await?;
    let admins = settings.bot.admins.iter().filter_map(|a| MatrixUserId::parse(a).ok()).collect();
    let provisioner = Provisioner::new(
        client.clone(),
        db,
        network,
        admins,
        Arc::new(Catalog::load()?),
        settings.default_language(),
    );
    let started = std::time::Instant::now();
    let outcome = provisioner.reconcile(dry_run).await;
    if temporary_device {
        if let Err(e) = client.matrix_auth().logout().await {
            eprintln!("peerlink: could not log the temporary device out: {e}");
        }
    }
    let report = outcome?;
    let verb = if dry_run { "would be made" } else { "made" };
    println!("{} change(s) {verb}:", report.actions.len());
    for action in &report.actions {
        println!("  {action}");
    }
    if report.actions.is_empty() {
        println!("  (none: the rooms are in their desired state)");
    }
    for (action, error) in &report.failures {
        println!("FAILED: {action}: {error}");
    }
    println!("Took {:.1} s.", started.elapsed().as_secs_f64());
    Ok(if report.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
