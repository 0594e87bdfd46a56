//! Crash points for the fault-injection tests (`tests/faults.rs`).
//!
//! `PEERLINK_FAULT=NAME` (or `NAME:N`) makes the process kill itself with
//! SIGKILL the first (or N-th) time it reaches the point `NAME`: no
//! destructor runs, nothing is flushed, exactly as if the machine lost
//! power there. Unset, a point costs one atomic load. Never set it in
//! production; the process logs a warning at start when it is set.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

/// The variable that arms a crash point.
pub const ENV: &str = "PEERLINK_FAULT";

struct Armed {
    point: String,
    hit: u32,
    seen: AtomicU32,
}

fn armed() -> Option<&'static Armed> {
    static ARMED: OnceLock<Option<Armed>> = OnceLock::new();
    ARMED
        .get_or_init(|| {
            let value = std::env::var(ENV).ok()?;
            let (point, hit) = match value.split_once(':') {
                Some((p, n)) => (p.to_owned(), n.parse().unwrap_or(1)),
                None => (value, 1),
            };
            Some(Armed { point, hit: hit.max(1), seen: AtomicU32::new(0) })
        })
        .as_ref()
}

/// Logs a warning if a crash point is armed (called once at start).
pub fn warn_if_armed() {
    if let Some(a) = armed() {
        tracing::warn!(point = %a.point, hit = a.hit, "fault injection is armed: this process will kill itself");
    }
}

/// Crash point `name`: kills the process if it is the armed one.
pub fn point(name: &str) {
    let Some(a) = armed() else { return };
    if a.point != name || a.seen.fetch_add(1, Ordering::SeqCst) + 1 != a.hit {
        return;
    }
    eprintln!("peerlink: fault injection: SIGKILL at {name} (hit {})", a.hit);
    // SAFETY: kill(2) on our own PID has no memory-safety preconditions.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGKILL);
    }
    // SIGKILL cannot be caught; never reached.
    std::process::abort();
}
