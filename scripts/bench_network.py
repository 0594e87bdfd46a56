#!/usr/bin/env python3
"""Network benchmark: a request's way through peerlink, and the full network.

Parts 2 and 4 of the benchmark issue, in one peerlink process on one local
Synapse, so that its peak memory covers all of it:

1. Scale, set-up: the full default network (193 states in 5 regions, the
   committee states founding members) with DELEGATES delegates (300 by
   default) registered on the homeserver, imported with `peerlink roster
   import`, provisioned by `peerlink run` at start (Space, plenary, 5 regional
   rooms, committee room; every invitation). Time to provisioned.
2. End to end, one at a time, interleaved (the order rotates every step):
     raw     a member's client sends a plain message, the committee
             delegate's client receives it: the homeserver's one-way trip.
     relay   the member's message is received by a third client, which posts
             a message of its own into a second room the moment its sync
             hands it over; the committee delegate's client receives that: two
             trips and nothing else, the floor under any bot that reads a
             message and writes another.
     intake  the member files `!request` in the plenary; the time until the
             request's card arrives in the committee room.
     action  the committee delegate sends `!ack N` in the committee room; the
             time until the notice arrives in the requester's thread.
   p50/p90/p99 of each, and the ratios of intake and action to raw and relay.
3. Concurrency: CONCURRENT member delegates (20 by default, each of another
   state) file at the same instant, and (in turns) send a plain message at the
   same instant; for every message, the time from the burst's start until the
   committee delegate's client has the card (or the plain message).
4. Scale, history: 10,000 historical requests (a third resolved with
   outcomes) loaded into peerlink's database beside the running bot
   (`peerlink-bench history`), then the API's listing, statistics and
   outcome exports timed over HTTP against the running bot (median of 7).
   peerlink's resident memory after each phase, and its peak (VmHWM) over
   the whole run.

The committee room is created unencrypted for this run (the measuring clients
have no encryption); peerlink's per-sender command rate limit is lifted, and
scripts/synapse.sh lifts Synapse's. Everything it starts it stops at the end,
also on error: peerlink by PID, Synapse with `scripts/synapse.sh stop`. All
traffic stays on 127.0.0.1.

  .local/synapse-venv/bin/python scripts/bench_network.py [OUT.json] [--count 50] ...

PEERLINK_BIN and PEERLINK_BENCH_BIN pick the binaries (default:
target/release/..., else target/debug/...).
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import importlib.metadata
import json
import os
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import tomllib
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_peer as bp  # noqa: E402  (shared helpers of the benchmark scripts)
from bench_peer import log, mxid, rss_kib, cpu_ticks, ticks_to_ms, summarize  # noqa: E402
from synapse_register import register  # noqa: E402

from nio import AsyncClient, RoomMessageText  # noqa: E402

ROOT = bp.ROOT
BOT = "peerlink"
ADMIN = "netbench-admin"
RELAY = "netbench-relay"
PASSWORD = "bench-" + secrets.token_hex(8)
SEQUENTIAL = ("raw", "relay", "request")  # request = intake, then action


# ---------------------------------------------------------------------------
# The network

@dataclass
class Network:
    states: list[tuple[str, str, str]]  # (region, code, status)
    delegates: dict[str, list[str]]  # code -> localparts
    committee: list[str]


def network(count: int) -> Network:
    """The default regions with `count` delegates spread over the states in
    turn; the committee states founding members, as are the first 24, every
    tenth of the others an observer."""
    with open(ROOT / "config" / "regions.toml", "rb") as f:
        regions = tomllib.load(f)["region"]
    with open(ROOT / "config" / "network.toml", "rb") as f:
        committee = tomllib.load(f)["committee"]
    codes = [(r["id"], c) for r in regions for c in r["countries"]]
    states = []
    for n, (region, code) in enumerate(codes):
        if code in committee or n < 24:
            status = "founding_member"
        else:
            status = "observer" if n % 10 == 0 else "member"
        states.append((region, code, status))
    delegates: dict[str, list[str]] = {}
    # The committee first, so that it has delegates whatever the count.
    order = sorted(codes, key=lambda rc: rc[1] not in committee)
    for i in range(count):
        _, code = order[i % len(order)]
        delegates.setdefault(code, []).append(f"delegate-{i:04d}")
    return Network(states, delegates, committee)


def roster_csv(net: Network) -> str:
    rows = ["country,region,status,mechanism,delegate,language"]
    for region, code, status in net.states:
        for user in net.delegates.get(code, [""]):
            rows.append(f"{code},{region},{status},,{mxid(user) if user else ''},")
    return "\n".join(rows) + "\n"


def network_files(dest: Path) -> Path:
    """network.toml (committee room unencrypted) and regions.toml in `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "config" / "network.toml").read_text()
    before = "[rooms.committee]\nencrypted = true"
    if before not in text:
        raise RuntimeError("config/network.toml: cannot find the committee room's encryption setting")
    (dest / "network.toml").write_text(text.replace(before, "[rooms.committee]\nencrypted = false"))
    shutil.copy(ROOT / "config" / "regions.toml", dest / "regions.toml")
    shutil.copy(ROOT / "config" / "themes.toml", dest / "themes.toml")
    return dest / "network.toml"


# ---------------------------------------------------------------------------
# Clients

async def join(c: AsyncClient, room_id: str, timeout: float = 60) -> None:
    """Joins `room_id`, waiting for the invitation if it is not there yet."""
    deadline = time.monotonic() + timeout
    while True:
        resp = await c.join(room_id)
        if hasattr(resp, "room_id"):
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"{c.user_id} could not join {room_id}: {resp}")
        await asyncio.sleep(0.2)


def provisioned_rooms(db: Path) -> dict[str, str]:
    """kind (or regional:key) -> room ID, from peerlink's database."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT kind, key, room_id FROM provisioned_rooms").fetchall()
    return {(f"{kind}:{key}" if key else kind): room for kind, key, room in rows}


NUMBER = re.compile(r"#(\d+)")


@dataclass
class Flow:
    """The clients and rooms of the end-to-end part."""

    member: AsyncClient  # files requests, sends the raw messages
    member_inbox: bp.Inbox
    committee: AsyncClient  # receives cards and raw messages, triages
    committee_inbox: bp.Inbox
    bot: str
    plenary: str
    committee_room: str
    raw_room: str
    relay_in: str
    relay_out: str
    timeout: float


async def raw_trip(f: Flow, room: str, body: str, target: str) -> float | None:
    f.committee_inbox.clear(target)
    t0 = time.perf_counter()
    resp = await bp.send_text(f.member, room, body)
    if room == target:
        got = await f.committee_inbox.wait(target, lambda m: m.event_id == resp, f.timeout)
    else:  # the relay posts "relay: <body>"
        got = await f.committee_inbox.wait(target, lambda m: m.body == f"relay: {body}", f.timeout)
    return None if got is None else (got.t - t0) * 1000.0


async def request_trip(f: Flow, tag: str) -> tuple[float | None, float | None]:
    """(intake ms, action ms): files a request, waits for its card; acks it,
    waits for the requester's notice."""
    title = f"Bench request {tag}"
    f.committee_inbox.clear(f.committee_room)
    t0 = time.perf_counter()
    filed = await bp.send_text(f.member, f.plenary, f"!request peer-exchange {title}\nMeasured by bench_network.")
    card = await f.committee_inbox.wait(
        f.committee_room, lambda m: m.sender == f.bot and title in m.body, f.timeout)
    if card is None:
        log(f"no card for {title} within {f.timeout:.0f} s")
        return None, None
    intake = (card.t - t0) * 1000.0
    number = NUMBER.search(card.body)
    if number is None:
        raise RuntimeError(f"the card names no request number: {card.body!r}")
    f.member_inbox.clear(f.plenary)
    t1 = time.perf_counter()
    await bp.send_text(f.committee, f.committee_room, f"!ack {number.group(1)}")
    notice = await f.member_inbox.wait(
        f.plenary,
        lambda m: m.sender == f.bot and m.thread_root == filed and "acknowledged" in m.body,
        f.timeout)
    if notice is None:
        log(f"no notice for request #{number.group(1)} within {f.timeout:.0f} s")
        return intake, None
    return intake, (notice.t - t1) * 1000.0


async def burst(f: Flow, senders: list[AsyncClient], kind: str, tag: str) -> list[float | None]:
    """Every sender sends at once; for each, ms from the burst's start until
    the committee delegate's client has the result (card or message)."""
    room = f.plenary if kind == "intake" else f.raw_room
    target = f.committee_room if kind == "intake" else f.raw_room
    f.committee_inbox.clear(target)
    bodies = [f"Burst {tag} filer {i:03d}" for i in range(len(senders))]
    texts = [f"!request peer-exchange {b}\nFiled at once." if kind == "intake" else b for b in bodies]
    t0 = time.perf_counter()
    await asyncio.gather(*(bp.send_text(c, room, t) for c, t in zip(senders, texts)))

    async def arrival(body: str) -> float | None:
        got = await f.committee_inbox.wait(
            target, lambda m: body in m.body and (kind == "raw" or m.sender == f.bot), f.timeout)
        return None if got is None else (got.t - t0) * 1000.0
    return list(await asyncio.gather(*(arrival(b) for b in bodies)))


# ---------------------------------------------------------------------------
# HTTP

def http_median_ms(url: str, token: str, repeat: int = 7) -> tuple[float, int]:
    """Median wall time of GET url (ms) and the body's size."""
    times, size = [], 0
    for _ in range(repeat):
        req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req, timeout=60) as resp:
            body = resp.read()
        times.append((time.perf_counter() - t0) * 1000.0)
        size = len(body)
    times.sort()
    return times[len(times) // 2], size


def http_json(url: str, token: str) -> dict:
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())


# ---------------------------------------------------------------------------
# The run

class Memory:
    """peerlink's memory at named moments."""

    def __init__(self, pid: int):
        self.pid = pid
        self.readings: dict[str, dict[str, int]] = {}

    def read(self, moment: str) -> None:
        self.readings[moment] = rss_kib(self.pid)
        log(f"peerlink RSS {moment}: {self.readings[moment]['VmRSS'] / 1024:.1f} MiB "
            f"(own {self.readings[moment]['RssAnon'] / 1024:.1f}, "
            f"program and libraries {self.readings[moment]['RssFile'] / 1024:.1f}) "
            f"(peak so far {self.readings[moment]['VmHWM'] / 1024:.1f} MiB)")


async def measure(args, hs_url: str, net: Network, bot: bp.Bot, db: Path, http: str, token: str,
                  mem: Memory) -> dict:
    rooms = provisioned_rooms(db)
    plenary, committee_room = rooms["plenary"], rooms["committee"]
    committee_user = net.delegates[net.committee[1]][0]  # a committee delegate, not the coordinator
    filers = [users[0] for code, users in net.delegates.items()
              if code not in net.committee
              and any(s[1] == code and s[2] != "observer" for s in net.states)][:args.concurrent]
    if len(filers) < args.concurrent:
        raise RuntimeError(f"only {len(filers)} member states have delegates; raise --delegates")
    out: dict = {}
    opened: list[tuple[AsyncClient, asyncio.Task | None]] = []
    try:
        t = time.monotonic()
        cc, c_inbox, c_sync = await bp.login(hs_url, committee_user, PASSWORD)
        opened.append((cc, c_sync))
        mc, m_inbox, m_sync = await bp.login(hs_url, filers[0], PASSWORD)
        opened.append((mc, m_sync))
        rc, _, r_sync = await bp.login(hs_url, RELAY, PASSWORD)
        opened.append((rc, r_sync))
        others = await asyncio.gather(*(bp.login(hs_url, u, PASSWORD, sync=False) for u in filers[1:]))
        opened.extend((c, None) for c, _, _ in others)
        senders = [mc] + [c for c, _, _ in others]
        await join(cc, committee_room)
        await asyncio.gather(*(join(c, plenary) for c in senders))
        # The raw rooms: raw (member, committee delegate, every filer),
        # relay_in (member -> relay), relay_out (relay -> committee delegate).
        raw_room = await bp.room_with(mc, "netbench raw", cc.user_id)
        await join(cc, raw_room)
        for c in senders[1:]:
            await mc.room_invite(raw_room, c.user_id)
            await join(c, raw_room)
        relay_in = await bp.room_with(mc, "netbench relay in", rc.user_id)
        await join(rc, relay_in)
        relay_out = await bp.room_with(rc, "netbench relay out", cc.user_id)
        await join(cc, relay_out)
        relay_tasks = set()

        async def relay(room, event) -> None:
            if room.room_id == relay_in and event.sender == mc.user_id:
                task = asyncio.create_task(bp.send_text(rc, relay_out, f"relay: {event.body}"))
                relay_tasks.add(task)
                task.add_done_callback(relay_tasks.discard)
        rc.add_event_callback(relay, RoomMessageText)
        log(f"{len(senders) + 2} clients logged in and joined in {time.monotonic() - t:.1f} s")
        await asyncio.sleep(2)  # let the joins' echoes settle
        mem.read("idle after provisioning and joins")

        f = Flow(mc, m_inbox, cc, c_inbox, mxid(BOT), plenary, committee_room, raw_room,
                 relay_in, relay_out, args.timeout)

        # Warm-up, not measured.
        for i in range(args.warmup):
            if await raw_trip(f, raw_room, f"warm {i}", raw_room) is None \
                    or await raw_trip(f, relay_in, f"warm {i}", relay_out) is None \
                    or None in await request_trip(f, f"warm-{i:04d}"):
                raise RuntimeError("no answer during the warm-up")

        # Sequential, interleaved.
        series = {k: [] for k in ("raw", "relay", "intake", "action")}
        failures = {k: 0 for k in series}
        ticks0, requests = cpu_ticks(bot.pid), 0
        for r in range(args.rounds):
            for i in range(args.count):
                k = i % len(SEQUENTIAL)
                for unit in SEQUENTIAL[k:] + SEQUENTIAL[:k]:
                    tag = f"{r:02d}-{i:04d}"
                    if unit == "raw":
                        results = {"raw": await raw_trip(f, raw_room, f"raw {tag}", raw_room)}
                    elif unit == "relay":
                        results = {"relay": await raw_trip(f, relay_in, f"relay {tag}", relay_out)}
                    else:
                        intake, action = await request_trip(f, tag)
                        results = {"intake": intake, "action": action}
                        requests += 1
                    for name, ms in results.items():
                        if ms is None:
                            failures[name] += 1
                        else:
                            series[name].append(ms)
            log(f"round {r + 1}/{args.rounds}: p50 " + ", ".join(
                f"{k} {summarize(v)['p50_ms']:.1f} ms" for k, v in series.items()))
        cpu_ms = ticks_to_ms(cpu_ticks(bot.pid) - ticks0)
        seq = {k: summarize(v) | {"failures": failures[k]} for k, v in series.items()}
        for k in ("intake", "action"):
            for base in ("raw", "relay"):
                seq[k][f"ratio_to_{base}"] = {
                    p: seq[k][f"{p}_ms"] / seq[base][f"{p}_ms"] for p in ("p50", "p90", "p99")}
        out["sequential"] = seq
        # Everything the bot did in the sequential part (raw and relay
        # messages cost it nothing: it is in none of those rooms), per request
        # (a `!request` and an `!ack`, with their answers, card and notice).
        out["cpu_ms_per_request"] = cpu_ms / max(requests, 1)
        mem.read("after the end-to-end part")

        # Concurrent bursts, raw and intake in turns.
        bursts = {"raw": [], "intake": []}
        burst_failures = {"raw": 0, "intake": 0}
        all_in = {"raw": [], "intake": []}
        for b in range(args.bursts):
            for kind in ("raw", "intake") if b % 2 == 0 else ("intake", "raw"):
                got = await burst(f, senders, kind, f"{b}")
                ok = [ms for ms in got if ms is not None]
                burst_failures[kind] += len(got) - len(ok)
                bursts[kind].extend(ok)
                if ok:
                    all_in[kind].append(max(ok))
                await asyncio.sleep(1)
        out["concurrent"] = {
            k: summarize(v) | {"failures": burst_failures[k], "senders": len(senders),
                               "bursts": args.bursts, "all_arrived_ms": all_in[k]}
            for k, v in bursts.items()}
        mem.read("after the concurrent part")
    finally:
        for c, task in opened:
            if task is not None:
                task.cancel()
            await c.close()
    return out


def scale_queries(args, bench_bin: Path, db: Path, http: str, token: str, mem: Memory) -> dict:
    t = time.monotonic()
    loaded = subprocess.run([str(bench_bin), "history", f"sqlite://{db}", str(args.history)],
                            capture_output=True, text=True)
    if loaded.returncode != 0:
        raise RuntimeError(f"loading the history failed:\n{loaded.stderr}")
    load_s = time.monotonic() - t
    log(f"{args.history} historical requests loaded in {load_s:.1f} s")
    mem.read("after loading the history")
    total = http_json(f"{http}/api/v1/requests?per_page=1", token)["total"]
    if total < args.history:
        raise RuntimeError(f"the API sees {total} requests, fewer than the {args.history} loaded")
    queries = {
        "list_page_ms": f"{http}/api/v1/requests?per_page=50",
        "list_by_state_ms": f"{http}/api/v1/requests?state=acknowledged&per_page=50",
        "stats_ms": f"{http}/api/v1/stats",
        "outcomes_json_ms": f"{http}/api/v1/outcomes",
        "outcomes_csv_ms": f"{http}/api/v1/outcomes.csv",
    }
    out: dict = {"requests_total": total, "history_load_s": load_s}
    for name, url in queries.items():
        ms, size = http_median_ms(url, token)
        out[name] = ms
        out[name.replace("_ms", "_bytes")] = size
    mem.read("after the queries")
    return out


def print_table(res: dict) -> None:
    print()
    seq = res["end_to_end"]["sequential"]
    print(f"End to end through Synapse ({seq['raw']['n']} per series, interleaved):")
    print(f"{'series':<8} {'n':>4} {'fail':>4} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8}"
          f" {'x raw p50/p99':>14} {'x relay p50/p99':>16}")
    for k, s in seq.items():
        def ratio(base: str) -> str:
            r = s.get(f"ratio_to_{base}")
            return f"{r['p50']:.2f} / {r['p99']:.2f}" if r else ""
        print(f"{k:<8} {s['n']:>4} {s['failures']:>4} {s['p50_ms']:>8.1f} {s['p90_ms']:>8.1f}"
              f" {s['p99_ms']:>8.1f} {ratio('raw'):>14} {ratio('relay'):>16}")
    print(f"peerlink CPU per request (file + ack, with answers, card, notice):"
          f" {res['end_to_end']['cpu_ms_per_request']:.1f} ms")
    conc = res["end_to_end"]["concurrent"]
    print()
    print(f"{conc['raw']['senders']} senders at once, {conc['raw']['bursts']} bursts each"
          f" (ms from the burst's start to arrival at the committee delegate's client):")
    print(f"{'series':<8} {'n':>4} {'fail':>4} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'last in (per burst)':>28}")
    for k, s in conc.items():
        last = ", ".join(f"{v:.0f}" for v in s["all_arrived_ms"])
        print(f"{k:<8} {s['n']:>4} {s['failures']:>4} {s['p50_ms']:>8.1f} {s['p90_ms']:>8.1f}"
              f" {s['p99_ms']:>8.1f} {last:>28}")
    sc = res["scale"]
    print()
    print(f"Scale: {sc['states']} states, {sc['delegates']} delegates: registered in"
          f" {sc['register_s']:.1f} s, roster imported in {sc['import_s']:.1f} s,"
          f" provisioned in {sc['provision_s']:.1f} s ({sc['provision_changes']} changes)")
    q = sc["queries"]
    print(f"API over {q['requests_total']} requests (HTTP, median of 7, ms): list page {q['list_page_ms']:.1f},"
          f" list by state {q['list_by_state_ms']:.1f}, stats {q['stats_ms']:.1f},"
          f" outcomes JSON {q['outcomes_json_ms']:.1f}, outcomes CSV {q['outcomes_csv_ms']:.1f}"
          f" (history loaded in {q['history_load_s']:.1f} s)")
    print("peerlink RSS (MiB; own memory / program and libraries): " + ", ".join(
        f"{k} {v['VmRSS'] / 1024:.1f} ({v['RssAnon'] / 1024:.1f} / {v['RssFile'] / 1024:.1f})"
        for k, v in sc["memory"].items()) + f"; peak {sc['peak_rss_kib'] / 1024:.1f}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="bench-network.json")
    parser.add_argument("--count", type=int, default=50, help="steps per round (each: raw, relay, a request)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--concurrent", type=int, default=20, help="delegates filing at once")
    parser.add_argument("--bursts", type=int, default=6, help="bursts (raw and intake in turns, each kind half)")
    parser.add_argument("--delegates", type=int, default=300)
    parser.add_argument("--history", type=int, default=10_000)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--workdir", default=str(ROOT / ".local" / "netbench"))
    args = parser.parse_args()
    args.bursts = max(args.bursts // 2, 1)  # per kind

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    peerlink_bin = bp.binary("PEERLINK_BIN", "peerlink")
    bench_bin = bp.binary("PEERLINK_BENCH_BIN", "peerlink-bench")
    for b in (peerlink_bin, bench_bin):
        if not b.exists():
            log(f"no binary at {b} (build it: cargo build --release --bin peerlink --bin peerlink-bench)")
            return 2
    workdir = Path(args.workdir).resolve()
    synapse_dir = workdir / "synapse"
    bp.stop_synapse(synapse_dir)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)

    bot = None
    try:
        hs_url, secret = bp.start_synapse(synapse_dir)
        net = network(args.delegates)
        users = [BOT, ADMIN, RELAY] + [u for us in net.delegates.values() for u in us]
        t = time.monotonic()
        with contextlib.redirect_stdout(open(os.devnull, "w")):
            for user in users:
                if register(hs_url, secret, user, PASSWORD) != 0:
                    raise RuntimeError(f"could not register {user}")
        register_s = time.monotonic() - t
        log(f"{len(users)} accounts registered in {register_s:.1f} s")

        config_dir = workdir / "config"
        network_file = network_files(config_dir)
        (config_dir / "roster.csv").write_text(roster_csv(net))
        token = secrets.token_urlsafe(24)
        http_port = bp.free_port()
        config = config_dir / "peerlink.toml"
        config.write_text(
            "[[http.tokens]]\nname = \"bench\"\nscope = \"reports\"\n"
            f"sha256 = \"{hashlib.sha256(token.encode()).hexdigest()}\"\n")
        data_dir = workdir / "peerlink"
        data_dir.mkdir()
        env = bp.peerlink_env(data_dir, hs_url, PASSWORD, mxid(ADMIN)) | {
            "PEERLINK__NETWORK__FILE": str(network_file),
            "PEERLINK__PROVISIONING__ON_START": "true",
            "PEERLINK__HTTP__LISTEN": f"127.0.0.1:{http_port}",
            "PEERLINK__MATRIX__USER_ID": mxid(BOT),
        }
        t = time.monotonic()
        imported = subprocess.run(
            [str(peerlink_bin), "--config", str(config), "roster", "import", str(config_dir / "roster.csv")],
            cwd=data_dir, env=env, capture_output=True, text=True)
        if imported.returncode != 0:
            raise RuntimeError(f"roster import failed:\n{imported.stdout}\n{imported.stderr}")
        import_s = time.monotonic() - t

        t = time.monotonic()
        bot = bp.start_peerlink(peerlink_bin, workdir, hs_url, PASSWORD, extra_env=env,
                                admin=mxid(ADMIN), args=("--config", str(config)))
        bot.wait_for_log("provisioning done", timeout=600)
        provision_s = time.monotonic() - t
        done = re.search(r"provisioning done.*?changes\D+(\d+)", bot.log_text())
        changes = int(done.group(1)) if done else -1
        log(f"provisioned in {provision_s:.1f} s ({changes} changes)")
        mem = Memory(bot.pid)
        mem.read("after provisioning")

        db = data_dir / "peerlink.db"
        http = f"http://127.0.0.1:{http_port}"
        e2e = asyncio.run(measure(args, hs_url, net, bot, db, http, token, mem))
        queries = scale_queries(args, bench_bin, db, http, token, mem)
        if bot.proc.poll() is not None:
            raise RuntimeError("peerlink exited during the benchmark:\n" + bot.log_text()[-3000:])
        peak = rss_kib(bot.pid)["VmHWM"]
        res = {
            "meta": {
                "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "peerlink_bin": str(peerlink_bin),
                "git_head": bp.git_head(),
                "synapse": importlib.metadata.version("matrix-synapse"),
                "matrix-nio": importlib.metadata.version("matrix-nio"),
                "args": vars(args),
                "loadavg": os.getloadavg(),
            },
            "end_to_end": e2e,
            "scale": {
                "states": len(net.states),
                "delegates": sum(len(v) for v in net.delegates.values()),
                "register_s": register_s, "import_s": import_s,
                "provision_s": provision_s, "provision_changes": changes,
                "queries": queries,
                "memory": mem.readings, "peak_rss_kib": peak,
            },
        }
        print_table(res)
        Path(args.out).write_text(json.dumps(res, indent=2) + "\n")
        log(f"wrote {Path(args.out).resolve()}")
        return 0
    finally:
        if bot is not None:
            bot.stop()
            log(f"peerlink stopped (pid {bot.pid}, exit {bot.proc.returncode}); log: {bot.log_path}")
        bp.stop_synapse(synapse_dir)


if __name__ == "__main__":
    sys.exit(main())
