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
    /// A partner names a region the network does not have.
    #[error("`{0}` is not a region of the network")]
    UnknownRegion(String),
    /// A roster file has problems.
    #[error("the roster file has {} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    File(Vec<FileProblem>),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A roster and the version it was loaded at.
type VersionedRoster = (i64, Arc<Roster>);

/// The roster use cases over a store.
#[derive(Clone)]
pub struct RosterService<S> {
    store: S,
    network: Arc<Network>,
    /// The roster last loaded, with its version: every command needs it,
    /// and it changes rarely.
    cache: Arc<std::sync::Mutex<Option<VersionedRoster>>>,
}

impl<S> RosterService<S> {
    /// A service over `store` for `network`.
    pub fn new(store: S, network: Arc<Network>) -> Self {
        Self { store, network, cache: Arc::default() }
    }

    /// The same service over another store (a unit of work), sharing the
    /// cached roster.
    pub fn with_store<T>(&self, store: T) -> RosterService<T> {
        RosterService { store, network: self.network.clone(), cache: self.cache.clone() }
    }

    /// The network's definition.
    pub fn network(&self) -> &Network {
        &self.network
    }
}

impl<S: RosterStore + Sync> RosterService<S> {
    /// The current roster.
    pub async fn roster(&self) -> Result<Arc<Roster>, RosterServiceError> {
        let version = self.store.roster_version().await?;
        let cached = self.cache.lock().unwrap_or_else(|e| e.into_inner()).clone();
        if let Some((v, roster)) = cached {
            if v == version {
                return Ok(roster);
            }
        }
        let roster = Arc::new(self.store.load_roster().await?);
        // A unit of work that changed the roster sees its own uncommitted
        // changes: not for others. Any other read is of committed data (a
        // concurrent commit between the version and the load only makes
        // the next call load again).
        if !self.store.shows_uncommitted_roster() {
            *self.cache.lock().unwrap_or_else(|e| e.into_inner()) = Some((version, roster.clone()));
        }
        Ok(roster)
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
        let mut target = parse_roster(file_name, text, format, &self.network)
            .map_err(RosterServiceError::File)?;
        let current = self.store.load_roster().await?;
        if format == RosterFormat::Csv {
            // CSV describes states only: partners stay, except a person the
            // file now seats at a state.
            target.partners = current.partners.clone();
            target.partner_delegates = current
                .partner_delegates
                .iter()
                .filter(|(user, _)| !target.delegates.contains_key(*user))
                .map(|(user, d)| (user.clone(), d.clone()))
                .collect();
        }
        self.commit(actor, &current, &target, dry_run).await
    }

    /// The roster as a file.
    pub async fn export(&self, format: RosterFormat) -> Result<String, RosterServiceError> {
        let roster = self.roster().await?;
        Ok(write_roster(&roster, format, &self.network))
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
        let unknown = target
            .partners
            .values()
            .flat_map(|p| &p.regions)
            .find(|r| self.network.regions.get(r).is_none());
        if let Some(region) = unknown {
            return Err(RosterServiceError::UnknownRegion(region.clone()));
        }
        let changes = current.diff(target);
        if !dry_run && !changes.is_empty() {
            self.store.apply_roster_changes(&changes, actor).await?;
        }
        Ok(changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::load_network;
    use crate::domain::{CountryCode, State, Status};
    use crate::storage::Database;

    fn state(code: &str) -> State {
        State { code: CountryCode::parse(code).unwrap(), status: Status::Member, mechanism: None }
    }

    #[tokio::test]
    async fn the_roster_is_cached_until_it_changes_and_never_from_an_uncommitted_change() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/r.db", dir.path().display());
        let db = Database::connect_and_migrate(&url, 3).await.unwrap();
        let network = Arc::new(load_network(None).unwrap());
        let service = RosterService::new(db.clone(), network.clone());
        let first = service.roster().await.unwrap();
        assert!(Arc::ptr_eq(&first, &service.roster().await.unwrap()), "unchanged: cached");

        // Another process (the CLI) changes the roster: seen at once.
        let other = RosterService::new(db.clone(), network);
        other.edit("cli", |r| r.add_state(state("FR"))).await.unwrap();
        let after = service.roster().await.unwrap();
        assert_eq!(after.states.len(), first.states.len() + 1);

        // A unit of work sees its own change; once rolled back, nobody does.
        let tx = db.begin().await.unwrap();
        let inside = service.with_store(tx.clone());
        inside.edit("chat", |r| r.add_state(state("PT"))).await.unwrap();
        assert_eq!(inside.roster().await.unwrap().states.len(), after.states.len() + 1);
        tx.rollback().await.unwrap();
        assert_eq!(service.roster().await.unwrap().states.len(), after.states.len());
        // And a later, different change with the same history ID is read anew.
        other.edit("cli", |r| r.add_state(state("ES"))).await.unwrap();
        let last = service.roster().await.unwrap();
        assert!(last.states.contains_key(&CountryCode::parse("ES").unwrap()));
        assert!(!last.states.contains_key(&CountryCode::parse("PT").unwrap()));

        // A unit of work that does not change the roster reads what is
        // committed: it uses the cache, and fills it (the worker's case:
        // every command runs in one).
        let tx = db.begin().await.unwrap();
        assert!(Arc::ptr_eq(&last, &service.with_store(tx.clone()).roster().await.unwrap()));
        tx.rollback().await.unwrap();
        let fresh = RosterService::new(db.clone(), Arc::new(load_network(None).unwrap()));
        let tx = db.begin().await.unwrap();
        let from_unit = fresh.with_store(tx.clone()).roster().await.unwrap();
        tx.commit().await.unwrap();
        assert!(Arc::ptr_eq(&from_unit, &fresh.roster().await.unwrap()), "cached from the unit");
    }
}
