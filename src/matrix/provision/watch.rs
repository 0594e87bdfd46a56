//! Roster changes made by another process (`peerlink roster import`,
//! `state …`, `delegate …` on the command line, a second instance) reach the
//! running bot: it reads the roster's version (one indexed `MAX(id)` on the
//! history) every few seconds, on either database, and reconciles the rooms
//! when it moved. A failed read is retried at the next tick; it never counts
//! as "unchanged" for good, since the version it compares against stays the
//! last one it could read.

use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tracing::{debug, info};

use super::Provisioner;
use crate::storage::RosterStore;

impl Provisioner {
    /// Watches the roster's version every `every` until `shutdown`, and asks
    /// for a reconciliation when it changes.
    pub async fn watch_roster(self, every: Duration, shutdown: CancellationToken) {
        let mut seen: Option<i64> = None;
        loop {
            match self.db.roster_version().await {
                Ok(version) => {
                    if seen.is_some_and(|s| s != version) {
                        info!(version, "the roster changed; reconciling the rooms");
                        self.request_reconcile();
                    }
                    seen = Some(version);
                }
                Err(e) => debug!(error = %e, "cannot read the roster's version; trying again"),
            }
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tokio::time::sleep(every) => {}
            }
        }
    }
}
