//! The scheduler: work that falls due by itself (response-time reminders,
//! and later digests and seminar reminders), run exactly once.
//!
//! A job is a row of `scheduled_jobs` written in the unit of work that
//! decided it, keyed so that deciding twice schedules once. Running it is
//! one unit of work: mark it done (the first statement, so a second runner
//! waits and then finds it done), decide its messages on the time of the
//! service's [`Clock`](super::clock::Clock), put them in the outbox, schedule
//! what comes next, commit. A crash before the commit leaves the job to run
//! again; after it, its messages are in the outbox and the job is done.
//!
//! A job that runs long after its time (the bot was down) says so in its
//! text; a digest more than a day late is skipped (see each kind).
//! Deferred commands (`command` jobs) are run by the Matrix worker, which
//! looks up their room again ([`super::pacing`]).

mod digest;
mod reminders;
mod seminars;

use serde::de::DeserializeOwned;
use tracing::{info, warn};

use super::chat::{MembershipJob, MEMBERSHIP_JOB};
use super::ChatService;
use crate::storage::{Database, JobStore, Outbox, Outgoing, ScheduledJob, StorageError};

pub use digest::{next_digest, DigestJob, DIGEST_JOB, STALE_AFTER_MS};
pub use reminders::{reminder_jobs, ReminderJob, REMINDER_JOB};
pub use seminars::{seminar_reminder_jobs, SeminarJob, SEMINAR_JOB};

/// A job that runs this much after its time or more is marked late.
pub const LATE_AFTER_MS: i64 = 5 * 60 * 1000;

/// How running one job ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobRun {
    /// Done now: `messages` items went to the outbox (none when the job no
    /// longer applied, e.g. a reminder for a request acknowledged since).
    Done {
        /// Outbox items written.
        messages: usize,
        /// It ran late (more than [`LATE_AFTER_MS`] after its time).
        late: bool,
    },
    /// Done before (another runner, or an earlier run that committed).
    Before,
}

/// What one kind of job decided.
pub(crate) struct Decision {
    /// Its messages, in order.
    pub items: Vec<Outgoing>,
    /// What to schedule next (a recurring job's next time).
    pub next: Vec<crate::service::Scheduled>,
}

impl Decision {
    fn nothing() -> Self {
        Self { items: Vec::new(), next: Vec::new() }
    }
}

/// The event ID a job's outbox items are recorded under (their transaction
/// IDs derive from it, so a resend after a crash is recognised).
pub fn job_event_id(job: &ScheduledJob) -> String {
    format!("job:{}", job.key)
}

impl ChatService<Database> {
    /// The jobs due now (by the service's clock) that this service runs,
    /// at most `limit`, oldest first.
    pub async fn due_scheduled(
        &self,
        db: &Database,
        limit: i64,
    ) -> Result<Vec<ScheduledJob>, StorageError> {
        db.due_jobs(self.clock().now_ms(), limit).await
    }

    /// Makes sure the next weekly digest is scheduled (at start: the first
    /// one, or again after the schedule changed). Scheduling twice is
    /// harmless: one job per occurrence.
    pub async fn schedule_next_digest(&self, db: &Database) -> Result<(), StorageError> {
        if let Some(next) = next_digest(self.network(), self.clock().now_ms()) {
            db.schedule_job(next.kind, &next.key, next.due_at, &next.payload).await?;
        }
        Ok(())
    }

    /// Runs `job` exactly once on `db` (see the module documentation). An
    /// error means nothing was recorded: try again later.
    pub async fn run_scheduled(
        &self,
        db: &Database,
        job: &ScheduledJob,
    ) -> Result<JobRun, StorageError> {
        let now = self.clock().now_ms();
        let late = now.saturating_sub(job.due_at) >= LATE_AFTER_MS;
        let tx = db.begin().await?;
        if !tx.finish_job(job.id).await? {
            tx.rollback().await?;
            return Ok(JobRun::Before);
        }
        crate::fault::point("scheduler_after_claim");
        let service = self.with_store(tx.clone());
        let decision = match job.kind.as_str() {
            REMINDER_JOB => match payload::<ReminderJob>(job) {
                Some(reminder) => service.reminder(&reminder, job.due_at, now).await?,
                None => Decision::nothing(),
            },
            DIGEST_JOB => service.digest(job.due_at, now).await?,
            SEMINAR_JOB => match payload::<SeminarJob>(job) {
                Some(seminar) => service.seminar_reminder(&seminar, job.due_at, now).await?,
                None => Decision::nothing(),
            },
            MEMBERSHIP_JOB => match payload::<MembershipJob>(job) {
                Some(application) => Decision {
                    items: service
                        .membership_deadline(application, now)
                        .await?
                        .into_iter()
                        .map(crate::service::handling::effect_outgoing)
                        .collect(),
                    next: Vec::new(),
                },
                None => Decision::nothing(),
            },
            other => {
                warn!(id = job.id, kind = other, key = %job.key, "a scheduled job of an unknown kind; dropping it");
                Decision::nothing()
            }
        };
        let messages = decision.items.len();
        tx.enqueue(&job_event_id(job), &decision.items).await?;
        crate::fault::point("scheduler_after_enqueue");
        for next in &decision.next {
            tx.schedule_job(next.kind, &next.key, next.due_at, &next.payload).await?;
        }
        crate::fault::point("scheduler_before_commit");
        tx.commit().await?;
        info!(kind = %job.kind, key = %job.key, messages, late, "scheduled job done");
        Ok(JobRun::Done { messages, late })
    }
}

/// A job's payload; `None` (logged) when it does not read, so that a job
/// that cannot run ends instead of coming back forever.
fn payload<T: DeserializeOwned>(job: &ScheduledJob) -> Option<T> {
    serde_json::from_str(&job.payload)
        .map_err(|e| {
            warn!(id = job.id, kind = %job.kind, key = %job.key, error = %e, "a scheduled job's payload does not read; dropping it");
        })
        .ok()
}

#[cfg(test)]
mod digest_tests;
#[cfg(test)]
mod tests;
