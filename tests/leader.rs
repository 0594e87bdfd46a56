#![recursion_limit = "256"]
//! Several instances on one PostgreSQL database against the real Synapse:
//! one leads, the other stands by (its /readyz says so and names the
//! leader); the leader is killed (SIGKILL), the standby takes over within
//! the takeover time and answers what was sent while no instance led; a
//! leader frozen (SIGSTOP) while another takes over sends nothing when it
//! wakes and stops. Every notice and answer arrives once.

mod common;

use std::time::{Duration, Instant};

use common::net::Net;
use common::{eventually, Backend};
use serde_json::Value;

fn body(event: &Value) -> &str {
    event["content"]["body"].as_str().unwrap_or_default()
}

async fn readyz(addr: &str) -> Value {
    reqwest::get(format!("http://{addr}/readyz")).await.unwrap().json().await.unwrap()
}

fn signal(pid: u32, sig: i32) {
    // SAFETY: kill(2) on a child process this test started.
    unsafe {
        libc::kill(i32::try_from(pid).unwrap(), sig);
    }
}

#[tokio::test]
async fn a_standby_takes_over_and_a_frozen_leader_stays_silent() {
    let Some(mut net) = Net::new(Backend::Postgres).await else { return };
    let bot = net.bot_id();
    let mut twin = net.bot.twin().await;
    assert!(twin.log().contains("standing by"), "{}", twin.log());
    let ready = readyz(&twin.http_addr()).await;
    assert_eq!(ready["role"], "standby", "{ready}");
    assert!(ready["leader"].as_str().unwrap().starts_with(&bot), "{ready}");

    // The leader answers; the standby stays silent.
    let filed = net.cl.send_text(&net.plenary, "!request membership Led request").await;
    net.wait_thread(&net.cl, &net.plenary, filed.as_str(), 1).await;

    // The leader dies, and a command comes while no instance leads: the
    // standby leads within the takeover time and answers it.
    net.bot.kill().await;
    let killed = Instant::now();
    let ack = net.ma.send_text(&net.committee, "!ack 1").await;
    eventually("the standby to lead", Duration::from_secs(20), || async {
        twin.log().contains("listening for commands").then_some(())
    })
    .await;
    let takeover = killed.elapsed();
    println!("takeover after SIGKILL: {takeover:?}");
    assert!(takeover <= Duration::from_secs(12), "took {takeover:?}");
    net.ma.wait_reply(&net.committee, &bot, ack.as_str()).await;

    // The first instance comes back as a standby; the new leader is frozen,
    // the other takes over; when the frozen one wakes it sends nothing.
    net.bot.launch().await;
    assert!(net.bot.log().matches("standing by").count() >= 1, "{}", net.bot.log());
    let pid = twin.pid().unwrap();
    signal(pid, libc::SIGSTOP);
    let frozen = Instant::now();
    eventually("the first instance to lead again", Duration::from_secs(20), || async {
        (net.bot.log().matches("listening for commands").count() >= 2).then_some(())
    })
    .await;
    println!("takeover after SIGSTOP: {:?}", frozen.elapsed());
    let accept = net.ma.send_text(&net.committee, "!accept 1 PT").await;
    net.ma.wait_reply(&net.committee, &bot, accept.as_str()).await;
    signal(pid, libc::SIGCONT);
    // It stops by itself (wait_exit fails the test if it does not).
    twin.wait_exit(Duration::from_secs(30)).await;
    assert!(twin.log().contains("no longer leading"), "{}", twin.log());

    // Nothing was lost nor given up on the way.
    for log in [net.bot.log(), twin.log()] {
        assert!(!log.contains("giving up"), "{log}");
    }

    // Every notice and answer once.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let notices = net.thread(&net.cl, &net.plenary, filed.as_str()).await;
    let bodies: Vec<&str> = notices.iter().map(body).collect();
    assert_eq!(notices.len(), 3, "filed, acknowledged, accepted: {bodies:#?}");
    for command in [&ack, &accept] {
        let replies = net.ma.replies_to(&net.committee, &bot, command.as_str()).await;
        assert_eq!(replies.len(), 1, "one answer to {command}");
    }
    net.db.cleanup().await;
}
