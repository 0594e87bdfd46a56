//! Per-room lanes: the worker handles the events of different rooms at the
//! same time and each room's events in the order they came. A room with an
//! event in hand queues the next ones behind it; at most [`PARALLEL`]
//! events are in hand at once. What runs in parallel is everything but the
//! database's unit of work (reading where an event was sent and what it
//! replies to, waiting out a retry): those units run one at a time
//! ([`Worker::unit`]), as SQLite's single writer would anyway, so checks
//! that span rooms (a seminar's seats, a sender's pace) stay exact on
//! PostgreSQL too. A room whose event keeps failing holds up only itself.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::{Id, JoinSet};
use tokio::time::Instant;
use tracing::error;

/// Events in hand at once (each in a different room).
pub const PARALLEL: usize = 16;

/// Handles one job; its value is when work it scheduled falls due.
type Handler<J> =
    Arc<dyn Fn(J) -> Pin<Box<dyn Future<Output = Option<Instant>> + Send>> + Send + Sync>;

/// The rooms with an event in hand and what waits behind it.
pub(super) struct Lanes<J> {
    handler: Handler<J>,
    permits: Arc<Semaphore>,
    /// Per busy room, the jobs queued behind the one in hand.
    queued: HashMap<String, VecDeque<J>>,
    /// Which room each running task serves.
    rooms: HashMap<Id, String>,
    running: JoinSet<Option<Instant>>,
}

impl<J: Send + 'static> Lanes<J> {
    /// Lanes handling jobs with `handler`, at most `parallel` at once.
    pub(super) fn new<F, Fut>(handler: F, parallel: usize) -> Self
    where
        F: Fn(J) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Option<Instant>> + Send + 'static,
    {
        Self {
            handler: Arc::new(move |job| Box::pin(handler(job))),
            permits: Arc::new(Semaphore::new(parallel.max(1))),
            queued: HashMap::new(),
            rooms: HashMap::new(),
            running: JoinSet::new(),
        }
    }

    /// Jobs in hand or queued.
    pub(super) fn len(&self) -> usize {
        self.running.len() + self.queued.values().map(VecDeque::len).sum::<usize>()
    }

    /// Takes `job` behind the earlier jobs of its `room`.
    pub(super) fn push(&mut self, room: impl Into<String>, job: J) {
        let room = room.into();
        match self.queued.get_mut(&room) {
            Some(behind) => behind.push_back(job),
            None => {
                self.queued.insert(room.clone(), VecDeque::new());
                self.start(room, job);
            }
        }
    }

    fn start(&mut self, room: String, job: J) {
        let handler = self.handler.clone();
        let permits = self.permits.clone();
        let handle = self.running.spawn(async move {
            // The semaphore is never closed.
            let _permit = permits.acquire_owned().await.ok();
            handler(job).await
        });
        self.rooms.insert(handle.id(), room);
    }

    /// Waits for a job in hand to end and starts the next of its room;
    /// `None` when nothing is in hand. Its value is when a job it deferred
    /// or scheduled falls due.
    pub(super) async fn next_done(&mut self) -> Option<Option<Instant>> {
        let (id, due) = match self.running.join_next_with_id().await? {
            Ok((id, due)) => (id, due),
            Err(e) => {
                // A bug: nothing of the event was recorded, so it is
                // handled again after the next start; its room goes on.
                error!(error = %e, "handling an event panicked; it is tried again at the next start");
                (e.id(), None)
            }
        };
        if let Some(room) = self.rooms.remove(&id) {
            match self.queued.get_mut(&room).and_then(VecDeque::pop_front) {
                Some(next) => self.start(room, next),
                None => {
                    self.queued.remove(&room);
                }
            }
        }
        Some(due)
    }

    /// Waits until every job taken so far has been handled; the earliest
    /// time one of them set for scheduled work.
    pub(super) async fn drain(&mut self) -> Option<Instant> {
        let mut due: Option<Instant> = None;
        while let Some(next) = self.next_done().await {
            due = earliest(due, next);
        }
        due
    }
}

/// The earlier of two optional instants.
pub(super) fn earliest(a: Option<Instant>, b: Option<Instant>) -> Option<Instant> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    use std::time::Duration;

    use super::*;

    /// Jobs `(room, n)` that sleep a little and record when they ran.
    fn recording(
        log: Arc<Mutex<Vec<(String, u32)>>>,
        now: Arc<AtomicUsize>,
        peak: Arc<AtomicUsize>,
    ) -> impl Fn((String, u32)) -> Pin<Box<dyn Future<Output = Option<Instant>> + Send>> {
        move |(room, n)| {
            let (log, now, peak) = (log.clone(), now.clone(), peak.clone());
            Box::pin(async move {
                let running = now.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(running, Ordering::SeqCst);
                // Later jobs are quicker: order is kept only if lanes keep it.
                tokio::time::sleep(Duration::from_millis(u64::from(20 - n))).await;
                log.lock().unwrap().push((room, n));
                now.fetch_sub(1, Ordering::SeqCst);
                None
            })
        }
    }

    #[tokio::test]
    async fn each_room_keeps_its_order_while_rooms_run_side_by_side() {
        let (log, now, peak) = (Arc::default(), Arc::default(), Arc::default());
        let mut lanes = Lanes::new(recording(Arc::clone(&log), now, Arc::clone(&peak)), 4);
        for n in 0..10 {
            for room in ["!a", "!b", "!c", "!d", "!e", "!f"] {
                lanes.push(room, (room.to_owned(), n));
            }
        }
        assert_eq!(lanes.len(), 60);
        lanes.drain().await;
        assert_eq!(lanes.len(), 0);
        let log = log.lock().unwrap();
        assert_eq!(log.len(), 60, "every job ran once");
        for room in ["!a", "!b", "!c", "!d", "!e", "!f"] {
            let order: Vec<u32> = log.iter().filter(|(r, _)| r == room).map(|(_, n)| *n).collect();
            assert_eq!(order, (0..10).collect::<Vec<_>>(), "{room} in order");
        }
        assert_eq!(peak.load(Ordering::SeqCst), 4, "four rooms at once, no more");
    }

    #[tokio::test]
    async fn one_room_runs_one_job_at_a_time() {
        let (log, now, peak) = (Arc::default(), Arc::default(), Arc::default());
        let mut lanes = Lanes::new(recording(log, now, Arc::clone(&peak)), 8);
        for n in 0..5 {
            lanes.push("!a", ("!a".to_owned(), n));
        }
        lanes.drain().await;
        assert_eq!(peak.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_panicking_job_does_not_stop_its_room() {
        let ran = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&ran);
        let mut lanes = Lanes::new(
            move |n: u32| {
                let counter = Arc::clone(&counter);
                async move {
                    assert_ne!(n, 1, "job 1 fails");
                    counter.fetch_add(1, Ordering::SeqCst);
                    Some(Instant::now() + Duration::from_secs(u64::from(n)))
                }
            },
            2,
        );
        for n in 0..4 {
            lanes.push("!a", n);
        }
        let due = lanes.drain().await;
        assert_eq!(ran.load(Ordering::SeqCst), 3, "jobs 0, 2 and 3");
        assert!(due.is_some_and(|d| d <= Instant::now() + Duration::from_secs(1)), "the earliest");
    }
}
