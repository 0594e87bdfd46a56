//! Scheduled jobs fall due: the worker reads the jobs whose time has come
//! (by the service's clock), in order. A deferred command runs through its
//! usual handling (where it was sent looked up again, retried while the
//! database or homeserver fails); any other job (a reminder) runs in the
//! scheduler ([`crate::service::scheduler`]); an event that could not be
//! decrypted is tried again ([`super::unreadable`]). Either way the job is marked
//! done in the unit of work that records its messages, so a crash in
//! between runs it again after the restart and never twice.

use std::time::Duration;

use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId};
use tokio::time::Instant;
use tracing::warn;

use super::worker::{Job, Worker};
use crate::service::pacing::{DeferredCommand, COMMAND_JOB};
use crate::service::unreadable::UNREADABLE_JOB;
use crate::storage::{JobStore, ScheduledJob};
use crate::telemetry::metrics;

/// Jobs read at a time.
const BATCH: i64 = 32;

/// How soon to look again when the jobs cannot be read.
const RETRY: Duration = Duration::from_secs(2);

/// The monotonic instant of `due_at` (milliseconds since the Unix epoch),
/// `now` being the service clock's time.
pub(super) fn instant_of(due_at: i64, now: i64) -> Instant {
    let wait = u64::try_from(due_at.saturating_sub(now)).unwrap_or(0);
    Instant::now() + Duration::from_millis(wait)
}

impl Worker {
    /// Runs every deferred command that is due; returns when the next one
    /// falls due (or when to look again after a failed read).
    pub(super) async fn run_due(&self) -> Option<Instant> {
        loop {
            if self.shutdown.is_cancelled() {
                return None;
            }
            let jobs = match self.chat.due_scheduled(&self.db, BATCH).await {
                Ok(jobs) => jobs,
                Err(e) => {
                    warn!(error = %e, "cannot read the scheduled jobs; trying again");
                    return Some(Instant::now() + RETRY);
                }
            };
            if jobs.is_empty() {
                break;
            }
            for job in jobs {
                if job.kind == COMMAND_JOB {
                    self.run_job(job).await;
                } else if job.kind == UNREADABLE_JOB {
                    if let Err(e) = self.try_again(&job).await {
                        metrics::database_error();
                        warn!(id = job.id, error = %e, "cannot record a try at decrypting an event; trying again");
                        return Some(Instant::now() + RETRY);
                    }
                } else if let Err(e) = self.chat.run_scheduled(&self.db, &job).await {
                    // Nothing of it was recorded: it is still due.
                    metrics::database_error();
                    warn!(id = job.id, kind = %job.kind, error = %e, "a scheduled job failed; trying again");
                    return Some(Instant::now() + RETRY);
                }
                self.outbox.notify_one();
            }
        }
        self.next_job().await
    }

    /// When the next scheduled job falls due (or when to look again after
    /// a failed read).
    pub(super) async fn next_job(&self) -> Option<Instant> {
        match self.db.next_due().await {
            Ok(next) => next.map(|due| instant_of(due, self.chat.clock().now_ms())),
            Err(e) => {
                warn!(error = %e, "cannot read when the next scheduled job is due");
                Some(Instant::now() + RETRY)
            }
        }
    }

    async fn run_job(&self, job: ScheduledJob) {
        let command = (job.kind == COMMAND_JOB)
            .then(|| serde_json::from_str::<DeferredCommand>(&job.payload).ok())
            .flatten();
        let Some(command) = command.and_then(|c| self.job_of(c, job.id)) else {
            // Nothing can run it (an unknown kind, a room the bot has left):
            // say so and mark it done, so it does not come back forever.
            warn!(id = job.id, kind = %job.kind, key = %job.key, "a scheduled job cannot run; dropping it");
            if let Err(e) = self.db.finish_job(job.id).await {
                warn!(id = job.id, error = %e, "cannot mark a scheduled job done");
            }
            return;
        };
        self.handle(command).await;
    }

    /// The worker's job for a deferred command, if its room is still known.
    fn job_of(&self, command: DeferredCommand, id: i64) -> Option<Job> {
        let room = self.client.get_room(&OwnedRoomId::try_from(command.room_id.as_str()).ok()?)?;
        Some(Job {
            room,
            event_id: OwnedEventId::try_from(command.event_id.as_str()).ok()?,
            sender: OwnedUserId::try_from(command.sender.as_str()).ok()?,
            body: command.body,
            thread_root: command.thread_root.and_then(|t| OwnedEventId::try_from(t).ok()),
            reply_to: command.reply_to.and_then(|t| OwnedEventId::try_from(t).ok()),
            reaction: command.reaction,
            deferred: Some(id),
            encrypted: None,
        })
    }
}
