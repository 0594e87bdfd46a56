//! Roster use cases: every edit (CLI, chat or file import) loads the
//! roster, applies the edit to a copy, checks it against the network,
//! and stores the difference in one transaction with its history.

mod file;

use std::sync::Arc;

pub use crate::domain::RosterFormat;
pub use file::{parse_roster, write_roster, CSV_HEADER};

use crate::config::FileProblem;
use crate::domain::{Network, Roster, RosterChange, RosterError};
use crate::storage::{RosterStore, StorageError};

/// Why a roster use case failed.
#[derive(Debug, thiserror::Error)]
pub enum RosterServiceError {
    /// The edit breaks a roster rule.
    #[error(transparent)]
    Rule(#[from] RosterError),
    /// A state is in no region of the network.
    #[error("{0} is in no region of the network; add it to the regions file first")]
    NoRegion(crate::domain::CountryCode),
    /// A roster file has problems.
    #[error("the roster file has {} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    File(Vec<FileProblem>),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The roster use cases over a store.
#[derive(Clone)]
pub struct RosterService<S> {
    store: S,
    network: Arc<Network>,
}

impl<S> RosterService<S> {
    /// A service over `store` for `network`.
    pub fn new(store: S, network: Arc<Network>) -> Self {
        Self { store, network }
    }

    /// The network the roster belongs to.
    pub fn network_arc(&self) -> Arc<Network> {
        self.network.clone()
    }

    /// The network's definition.
    pub fn network(&self) -> &Network {
        &self.network
    }
}

impl<S: RosterStore + Sync> RosterService<S> {
    /// The current roster.
    pub async fn roster(&self) -> Result<Roster, RosterServiceError> {
        Ok(self.store.load_roster().await?)
    }

    /// Applies `edit` to the current roster and stores the result as done by
    /// `actor`; returns the changes made (none if the edit changed nothing).
    pub async fn edit(
        &self,
        actor: &str,
        edit: impl FnOnce(&mut Roster) -> Result<(), RosterError>,
    ) -> Result<Vec<RosterChange>, RosterServiceError> {
        let current = self.store.load_roster().await?;
        let mut target = current.clone();
        edit(&mut target)?;
        self.commit(actor, &current, &target, false).await
    }

    /// Makes the roster equal to `target` (a whole roster, as from a file).
    /// With `dry_run`, only returns what would change.
    pub async fn replace(
        &self,
        actor: &str,
        target: &Roster,
        dry_run: bool,
    ) -> Result<Vec<RosterChange>, RosterServiceError> {
        let current = self.store.load_roster().await?;
        self.commit(actor, &current, target, dry_run).await
    }

    /// Reads a roster file and makes the roster equal to it (see [`Self::replace`]).
    pub async fn import(
        &self,
        actor: &str,
        file_name: &str,
        text: &str,
        format: RosterFormat,
        dry_run: bool,
    ) -> Result<Vec<RosterChange>, RosterServiceError> {
        let target = parse_roster(file_name, text, format, &self.network)
            .map_err(RosterServiceError::File)?;
        self.replace(actor, &target, dry_run).await
    }

    /// The roster as a file.
    pub async fn export(&self, format: RosterFormat) -> Result<String, RosterServiceError> {
        Ok(write_roster(&self.roster().await?, format, &self.network))
    }

    async fn commit(
        &self,
        actor: &str,
        current: &Roster,
        target: &Roster,
        dry_run: bool,
    ) -> Result<Vec<RosterChange>, RosterServiceError> {
        if let Some(code) =
            target.states.keys().find(|c| self.network.regions.region_of(**c).is_none())
        {
            return Err(RosterServiceError::NoRegion(*code));
        }
        let changes = current.diff(target);
        if !dry_run && !changes.is_empty() {
            self.store.apply_roster_changes(&changes, actor).await?;
        }
        Ok(changes)
    }
}
