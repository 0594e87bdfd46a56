//! The roster tables: states, delegates and the append-only history of
//! roster changes. Changes are applied in one transaction, each with its
//! history row, so the roster and its history never disagree.

use std::future::Future;

use sqlx::Row;

use super::{now_ms, on_pool, Database, StorageError};
use crate::domain::{
    CountryCode, Delegate, LocalizedText, MatrixUserId, Partner, PartnerDelegate, PartnerId,
    PartnerKind, Roster, RosterChange, State, Status,
};

/// One entry of the roster history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterHistoryEntry {
    /// When, in milliseconds since the Unix epoch.
    pub at: i64,
    /// Who (a Matrix user ID, or `cli:<user>`).
    pub actor: String,
    /// What kind of change.
    pub action: String,
    /// The state (code) or partner (ID) concerned.
    pub state: String,
    /// The delegate concerned, if any.
    pub user_id: Option<String>,
    /// The change in words.
    pub detail: String,
}

/// Where the roster lives.
pub trait RosterStore {
    /// The whole roster.
    fn load_roster(&self) -> impl Future<Output = Result<Roster, StorageError>> + Send;

    /// A number that grows with every roster change (the latest history
    /// entry's ID): a roster loaded at version `v` is current while this
    /// still says `v`.
    fn roster_version(&self) -> impl Future<Output = Result<i64, StorageError>> + Send;

    /// Whether this store's roster reads may show changes that are not
    /// committed (and may never be): a unit of work that changed the roster.
    /// Nothing read through it may be cached for others. (A unit of work
    /// that did not change the roster reads what is committed.)
    fn shows_uncommitted_roster(&self) -> bool {
        false
    }

    /// Applies `changes` atomically, recording each in the history as done by `actor`.
    fn apply_roster_changes(
        &self,
        changes: &[RosterChange],
        actor: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// The latest `limit` history entries, newest first.
    fn roster_history(
        &self,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<RosterHistoryEntry>, StorageError>> + Send;
}

fn corrupt(what: String) -> StorageError {
    StorageError::Corrupt(what)
}

impl RosterStore for Database {
    async fn roster_version(&self) -> Result<i64, StorageError> {
        let sql = "SELECT COALESCE(MAX(id), 0) FROM roster_changes";
        let version: i64 = on_pool!(self, pool => sqlx::query_scalar(sql).fetch_one(pool).await?);
        Ok(version)
    }

    fn shows_uncommitted_roster(&self) -> bool {
        match self {
            Database::SqliteTx(tx) => tx.roster_written(),
            Database::PostgresTx(tx) => tx.roster_written(),
            Database::Sqlite(_) | Database::Postgres(_) => false,
        }
    }

    async fn load_roster(&self) -> Result<Roster, StorageError> {
        let state_rows: Vec<(String, String, Option<String>)> = on_pool!(self, pool => {
            sqlx::query_as("SELECT code, status, mechanism FROM states").fetch_all(pool).await?
        });
        let delegate_rows: Vec<(String, String, Option<String>)> = on_pool!(self, pool => {
            sqlx::query_as("SELECT user_id, state_code, language FROM delegates")
                .fetch_all(pool)
                .await?
        });
        let mut roster = Roster::default();
        for (code, status, mechanism) in state_rows {
            let code = CountryCode::parse(&code).map_err(|e| corrupt(e.to_string()))?;
            let status = Status::parse(&status).map_err(|e| corrupt(e.to_string()))?;
            roster.states.insert(code, State { code, status, mechanism });
        }
        for (user, state, language) in delegate_rows {
            let user_id = MatrixUserId::parse(&user).map_err(|e| corrupt(e.to_string()))?;
            let state = CountryCode::parse(&state).map_err(|e| corrupt(e.to_string()))?;
            roster.delegates.insert(user_id.clone(), Delegate { user_id, state, language });
        }
        load_partners(self, &mut roster).await?;
        Ok(roster)
    }

    async fn apply_roster_changes(
        &self,
        changes: &[RosterChange],
        actor: &str,
    ) -> Result<(), StorageError> {
        let now = now_ms();
        // Marked before the writes: a failed write leaves the unit of work
        // to be rolled back, and not caching is the safe side.
        match self {
            Database::SqliteTx(tx) => tx.mark_roster_written(),
            Database::PostgresTx(tx) => tx.mark_roster_written(),
            Database::Sqlite(_) | Database::Postgres(_) => {}
        }
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            for change in changes {
                let query = match change {
                    RosterChange::AddState(s) => sqlx::query(
                        "INSERT INTO states (code, status, mechanism, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $4)",
                    )
                    .bind(s.code.to_string())
                    .bind(s.status.as_str())
                    .bind(s.mechanism.clone())
                    .bind(now),
                    RosterChange::RemoveState(code) => {
                        sqlx::query("DELETE FROM states WHERE code = $1").bind(code.to_string())
                    }
                    RosterChange::UpdateState { after, .. } => sqlx::query(
                        "UPDATE states SET status = $2, mechanism = $3, updated_at = $4 \
                         WHERE code = $1",
                    )
                    .bind(after.code.to_string())
                    .bind(after.status.as_str())
                    .bind(after.mechanism.clone())
                    .bind(now),
                    RosterChange::AddDelegate(d) => sqlx::query(
                        "INSERT INTO delegates (user_id, state_code, language, created_at) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(d.user_id.to_string())
                    .bind(d.state.to_string())
                    .bind(d.language.clone())
                    .bind(now),
                    RosterChange::RemoveDelegate(d) => {
                        sqlx::query("DELETE FROM delegates WHERE user_id = $1 AND state_code = $2")
                            .bind(d.user_id.to_string())
                            .bind(d.state.to_string())
                    }
                    RosterChange::UpdateDelegate { after, .. } => sqlx::query(
                        "UPDATE delegates SET language = $3 WHERE user_id = $1 AND state_code = $2",
                    )
                    .bind(after.user_id.to_string())
                    .bind(after.state.to_string())
                    .bind(after.language.clone()),
                    RosterChange::AddPartner(p) => sqlx::query(
                        "INSERT INTO partners (id, kind, names, regions, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $5)",
                    )
                    .bind(p.id.to_string())
                    .bind(p.kind.as_str())
                    .bind(names_json(p))
                    .bind(regions_json(p))
                    .bind(now),
                    RosterChange::RemovePartner(id) => {
                        sqlx::query("DELETE FROM partners WHERE id = $1").bind(id.to_string())
                    }
                    RosterChange::UpdatePartner { after, .. } => sqlx::query(
                        "UPDATE partners SET kind = $2, names = $3, regions = $4, updated_at = $5 \
                         WHERE id = $1",
                    )
                    .bind(after.id.to_string())
                    .bind(after.kind.as_str())
                    .bind(names_json(after))
                    .bind(regions_json(after))
                    .bind(now),
                    RosterChange::AddPartnerDelegate(d) => sqlx::query(
                        "INSERT INTO partner_delegates (user_id, partner_id, language, created_at) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(d.user_id.to_string())
                    .bind(d.partner.to_string())
                    .bind(d.language.clone())
                    .bind(now),
                    RosterChange::RemovePartnerDelegate(d) => sqlx::query(
                        "DELETE FROM partner_delegates WHERE user_id = $1 AND partner_id = $2",
                    )
                    .bind(d.user_id.to_string())
                    .bind(d.partner.to_string()),
                    RosterChange::UpdatePartnerDelegate { after, .. } => sqlx::query(
                        "UPDATE partner_delegates SET language = $3 \
                         WHERE user_id = $1 AND partner_id = $2",
                    )
                    .bind(after.user_id.to_string())
                    .bind(after.partner.to_string())
                    .bind(after.language.clone()),
                };
                let affected = query.execute(&mut *tx).await?.rows_affected();
                if affected != 1 {
                    // The roster changed under us: refuse rather than half-apply.
                    return Err(StorageError::Conflict(change.to_string()));
                }
                sqlx::query(
                    "INSERT INTO roster_changes (at, actor, action, state_code, user_id, detail) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(now)
                .bind(actor)
                .bind(change.action())
                .bind(change.seat().key())
                .bind(change.user().map(ToString::to_string))
                .bind(change.to_string())
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    async fn roster_history(&self, limit: i64) -> Result<Vec<RosterHistoryEntry>, StorageError> {
        let sql = "SELECT at, actor, action, state_code, user_id, detail FROM roster_changes \
                   ORDER BY id DESC LIMIT $1";
        let rows = on_pool!(self, pool => sqlx::query(sql)
            .bind(limit)
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(|r| RosterHistoryEntry {
                at: r.get(0),
                actor: r.get(1),
                action: r.get(2),
                state: r.get(3),
                user_id: r.get(4),
                detail: r.get(5),
            })
            .collect::<Vec<_>>());
        Ok(rows)
    }
}

fn names_json(p: &Partner) -> String {
    serde_json::to_string(&p.names.0).unwrap_or_else(|_| "{}".to_owned())
}

fn regions_json(p: &Partner) -> String {
    serde_json::to_string(&p.regions).unwrap_or_else(|_| "[]".to_owned())
}

/// Reads the partners and their delegates into `roster`.
async fn load_partners(db: &Database, roster: &mut Roster) -> Result<(), StorageError> {
    let partner_rows: Vec<(String, String, String, String)> = on_pool!(db, pool => {
        sqlx::query_as("SELECT id, kind, names, regions FROM partners").fetch_all(pool).await?
    });
    let delegate_rows: Vec<(String, String, Option<String>)> = on_pool!(db, pool => {
        sqlx::query_as("SELECT user_id, partner_id, language FROM partner_delegates")
            .fetch_all(pool)
            .await?
    });
    for (id, kind, names, regions) in partner_rows {
        let id = PartnerId::parse(&id).map_err(|e| corrupt(e.to_string()))?;
        let kind = PartnerKind::parse(&kind).map_err(|e| corrupt(e.to_string()))?;
        let names = serde_json::from_str(&names).map_err(|e| corrupt(format!("{id}: {e}")))?;
        let regions = serde_json::from_str(&regions).map_err(|e| corrupt(format!("{id}: {e}")))?;
        roster
            .partners
            .insert(id.clone(), Partner { id, kind, names: LocalizedText(names), regions });
    }
    for (user, partner, language) in delegate_rows {
        let user_id = MatrixUserId::parse(&user).map_err(|e| corrupt(e.to_string()))?;
        let partner = PartnerId::parse(&partner).map_err(|e| corrupt(e.to_string()))?;
        roster
            .partner_delegates
            .insert(user_id.clone(), PartnerDelegate { user_id, partner, language });
    }
    Ok(())
}

impl<T: RosterStore + Send + Sync> RosterStore for std::sync::Arc<T> {
    fn load_roster(&self) -> impl Future<Output = Result<Roster, StorageError>> + Send {
        (**self).load_roster()
    }

    fn roster_version(&self) -> impl Future<Output = Result<i64, StorageError>> + Send {
        (**self).roster_version()
    }

    fn shows_uncommitted_roster(&self) -> bool {
        (**self).shows_uncommitted_roster()
    }

    fn apply_roster_changes(
        &self,
        changes: &[RosterChange],
        actor: &str,
    ) -> impl Future<Output = Result<(), StorageError>> + Send {
        (**self).apply_roster_changes(changes, actor)
    }

    fn roster_history(
        &self,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<RosterHistoryEntry>, StorageError>> + Send {
        (**self).roster_history(limit)
    }
}
