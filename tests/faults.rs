#![recursion_limit = "256"]
//! Fault injection against the real Synapse and both databases: the bot is
//! killed with SIGKILL at many points of the request lifecycle and started
//! again; afterwards the database and the rooms (read by the delegates' own
//! clients, not by the bot) hold every request, every state change and
//! every notice exactly once.
//!
//! Two kinds of kill: the bot kills itself at a named crash point
//! (`PEERLINK_FAULT`, see `src/fault.rs`): in the worker around its
//! transaction, in the outbox sender around a send, in the sync loop
//! around saving its position; or the test kills it from outside a fixed
//! time after sending the command.

mod common;

use std::time::Duration;

use common::flow::{self, Act, DumpLogOnPanic, Filed};
use common::net::Net;
use common::Backend;

#[derive(Debug, Clone, Copy)]
enum Kill {
    /// The bot kills itself at this crash point (`NAME` or `NAME:HIT`).
    At(&'static str),
    /// The test kills the bot this many milliseconds after the command.
    After(u64),
}

use Act::*;
use Kill::*;

/// Every request's lifecycle, each step with where the bot is killed: 29
/// kills at 13 crash points (several at different steps, where the outbox
/// holds different items) and 7 timings.
fn lifecycles() -> Vec<Vec<(Act, Kill)>> {
    vec![
        // Around the worker's transaction.
        vec![
            (File, At("worker_before_claim")),
            (Ack, At("worker_after_claim")),
            (Accept, At("worker_after_handle")),
            (Start, At("worker_before_commit")),
            (Resolve, At("worker_after_commit")),
        ],
        // Around the sends: item 1 is the answer, item 2 the card or notice.
        vec![
            (File, At("outbox_before_send:1")),
            (Ack, At("outbox_before_send:2")),
            (Accept, At("outbox_after_send:1")),
            (Start, At("outbox_after_send:2")),
            (Resolve, At("outbox_after_mark:1")),
        ],
        // The card sent but not recorded; a question and its relayed answer;
        // the sync position.
        vec![
            (File, At("outbox_after_send:2")),
            (Ack, At("outbox_after_mark:2")),
            (Info, At("outbox_after_send:2")),
            (Answer, At("outbox_after_send:2")),
            (Accept, At("sync_before_save:2")),
            (Start, At("sync_after_save:2")),
            (Resolve, After(0)),
        ],
        // From outside, at growing delays.
        vec![
            (File, After(40)),
            (Ack, After(120)),
            (Accept, After(250)),
            (Start, After(500)),
            (Resolve, After(900)),
        ],
        // Filed, then killed before the commit: on PostgreSQL the number
        // the request took from the sequence is lost (a gap), and the next
        // attempt gets the next one.
        vec![
            (File, At("worker_before_commit")),
            (Ack, At("sync_before_save:2")),
            (Info, At("worker_after_handle")),
            (Answer, At("worker_before_commit")),
            (Accept, At("outbox_after_mark:2")),
            (Start, After(60)),
            (Resolve, At("outbox_after_send:1")),
        ],
    ]
}

/// Restarts the bot with crash point `fault` armed (or none).
async fn restart(net: &mut Net, fault: Option<&str>) {
    if net.bot.is_running() {
        assert!(net.bot.terminate().await, "a clean stop:\n{}", net.bot.log());
    }
    net.bot.set_env("PEERLINK_FAULT", fault);
    net.bot.launch().await;
}

/// Runs `act` on request `filed` while killing the bot as `kill` says, then
/// starts it again and waits until the step is complete.
async fn run_step(net: &mut Net, filed: &mut Filed, act: Act, kill: Kill) {
    let n = filed.number;
    match kill {
        At(point) => restart(net, Some(point)).await,
        After(_) if !net.bot.is_running() => restart(net, None).await,
        After(_) => {}
    }
    let sent = flow::send(net, filed, act).await;
    match kill {
        At(point) => {
            let signal = net.bot.wait_exit(Duration::from_secs(90)).await;
            assert_eq!(signal, Some(9), "killed by SIGKILL at {point} during {act:?} #{n}");
        }
        After(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            net.bot.kill().await;
        }
    }
    net.bot.set_env("PEERLINK_FAULT", None);
    net.bot.launch().await;
    let what = format!("{act:?} on #{} after a kill at {kill:?}", filed.number);
    let _dump = DumpLogOnPanic(net.bot.log_path());
    flow::complete(net, filed, act, &sent, &what).await;
}

async fn a_request_survives_sigkill_at_every_point_of_its_lifecycle(backend: Backend) {
    let Some(mut net) = Net::new(backend).await else { return };
    let mut all = Vec::new();
    for (i, steps) in lifecycles().into_iter().enumerate() {
        let mut filed = Filed::new(i + 1);
        for (act, kill) in steps {
            run_step(&mut net, &mut filed, act, kill).await;
        }
        all.push(filed);
    }
    flow::exactly_once(&net, &all).await;
    assert!(net.bot.terminate().await);
    net.db.cleanup().await;
}

#[tokio::test]
async fn a_request_survives_sigkill_at_every_point_of_its_lifecycle_on_sqlite() {
    a_request_survives_sigkill_at_every_point_of_its_lifecycle(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_request_survives_sigkill_at_every_point_of_its_lifecycle_on_postgres() {
    a_request_survives_sigkill_at_every_point_of_its_lifecycle(Backend::Postgres).await;
}
