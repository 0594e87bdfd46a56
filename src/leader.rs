//! Leadership: several `peerlink run` instances may share one PostgreSQL
//! database, each with its own data directory (its own Matrix device of the
//! same bot account). One leads: it alone syncs, handles events, sends from
//! the outbox, provisions and runs scheduled work. The others stand by:
//! logged in, serving health and the read-only API, trying every second to
//! take the lead, which they get once the leader's lease has expired.
//!
//! The lease lives in the database (`leadership`, renewed every third of
//! its length; PostgreSQL's clock decides expiry). Fencing: the leader acts
//! only while its last renewal is younger than the lease minus a margin, on
//! its own monotonic clock, so a leader cut off from the database, or
//! frozen and resumed, stops sending before any other instance can start.
//! When the database answers again it acts again if the lease is still its
//! own, and otherwise stops the process (a supervisor starts it again, as a
//! standby).
//! With SQLite (one instance; see `storage::backup::lock_sqlite`) the same
//! code leads at once.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;
use tracing::{error, info, warn};

use crate::storage::{Database, StorageError};

/// How much before its lease ends a leader stops acting.
const MARGIN: Duration = Duration::from_secs(2);

/// One instance's part in leadership.
#[derive(Clone)]
pub struct Leadership {
    db: Database,
    holder: String,
    lease: Duration,
    renewed_at: Arc<Mutex<Option<Instant>>>,
    lost: Arc<std::sync::atomic::AtomicBool>,
    led: Arc<std::sync::atomic::AtomicBool>,
}

impl Leadership {
    /// `holder` (the bot's user and device IDs) on `db`; another instance
    /// takes over within about `takeover` after this one stops renewing.
    pub fn new(db: Database, holder: String, takeover: Duration) -> Self {
        // A standby tries every second, and the new leader needs a moment
        // to begin (its device catches up, its handlers are set): the lease
        // is the takeover time less a second for each.
        let lease = takeover.saturating_sub(Duration::from_secs(2)).max(MARGIN * 2);
        Self {
            db,
            holder,
            lease,
            renewed_at: Arc::default(),
            lost: Arc::default(),
            led: Arc::default(),
        }
    }

    /// This instance's holder name.
    pub fn holder(&self) -> &str {
        &self.holder
    }

    /// Whether this instance may act now (it leads, and its lease is safely
    /// alive by its own clock). The outbox asks before every send.
    pub fn acting(&self) -> bool {
        let renewed = *self.renewed_at.lock().unwrap_or_else(|e| e.into_inner());
        renewed.is_some_and(|at| at.elapsed() + MARGIN < self.lease)
    }

    fn lease_ms(&self) -> i64 {
        i64::try_from(self.lease.as_millis()).unwrap_or(i64::MAX)
    }

    /// Waits until this instance leads (`true`), or until `shutdown` (`false`).
    pub async fn wait_to_lead(&self, shutdown: &CancellationToken) -> Result<bool, StorageError> {
        let mut said = false;
        loop {
            let attempt = Instant::now();
            match self.db.try_lead(&self.holder, self.lease_ms()).await {
                Ok(Some(token)) => {
                    *self.renewed_at.lock().unwrap_or_else(|e| e.into_inner()) = Some(attempt);
                    self.led.store(true, std::sync::atomic::Ordering::SeqCst);
                    info!(holder = %self.holder, token, "leading");
                    return Ok(true);
                }
                Ok(None) if !said => {
                    let leader = self.db.lease().await?.map(|l| l.holder).unwrap_or_default();
                    info!(%leader, "standing by: another instance leads");
                    said = true;
                }
                Ok(None) => {}
                Err(e) => warn!(error = %e, "cannot reach the database to take the lead; retrying"),
            }
            tokio::select! {
                _ = shutdown.cancelled() => return Ok(false),
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
        }
    }

    /// Whether this process has led (a standby never has).
    pub fn has_led(&self) -> bool {
        self.led.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Renews the lease while `shutdown` is not cancelled. While it cannot
    /// be renewed (the database out of reach) this instance soon stops
    /// acting (see [`Self::acting`]) and keeps trying: it acts again if the
    /// lease is still its own when the database answers (one instance, a
    /// database restart), and stops (cancelling `shutdown`) when another
    /// instance has the lead.
    pub async fn keep_leading(self, shutdown: CancellationToken) {
        let every = self.lease / 3;
        let mut failing = false;
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tokio::time::sleep(every) => {}
            }
            let attempt = Instant::now();
            let renewal =
                tokio::time::timeout(every, self.db.try_lead(&self.holder, self.lease_ms()));
            match renewal.await {
                Ok(Ok(Some(_))) => {
                    *self.renewed_at.lock().unwrap_or_else(|e| e.into_inner()) = Some(attempt);
                    if failing {
                        info!("the lead is renewed: acting again");
                        failing = false;
                    }
                }
                Ok(Ok(None)) => {
                    self.stop("another instance took the lead", &shutdown);
                    return;
                }
                Ok(Err(e)) => {
                    if !failing {
                        warn!(error = %e, "cannot renew the lead; acting only while the lease is safely alive, retrying");
                        failing = true;
                    }
                }
                Err(_) => {
                    if !failing {
                        warn!("renewing the lead timed out; acting only while the lease is safely alive, retrying");
                        failing = true;
                    }
                }
            }
        }
    }

    /// Whether this instance lost the lead while running (it then exits
    /// with an error, for a supervisor to start it again as a standby).
    pub fn lost(&self) -> bool {
        self.lost.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn stop(&self, why: &str, shutdown: &CancellationToken) {
        *self.renewed_at.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.lost.store(true, std::sync::atomic::Ordering::SeqCst);
        error!(holder = %self.holder, "{why}: no longer leading; stopping (start me again to stand by)");
        shutdown.cancel();
    }

    /// Gives the lead up (a clean stop), so a standby takes over at once.
    pub async fn resign(&self) {
        if self.acting() {
            if let Err(e) = self.db.resign(&self.holder).await {
                warn!(error = %e, "could not give the lead up; the lease will expire");
            }
        }
        *self.renewed_at.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}
