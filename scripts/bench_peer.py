#!/usr/bin/env python3
"""Peer benchmark: peerlink next to a real peer bot, on one homeserver.

Part 3 of the benchmark issue. A matrix-nio client asks two bots for their
help text, interleaved, on the same local Synapse:

  raw       client A sends a plain message in a room, client B (a second
            nio client, syncing) receives it: the homeserver's own
            send-to-sync latency, one way.
  echo      client A sends a plain message, client B answers it with a reply
            the moment its sync hands it over (no other work), client A
            receives the reply: the homeserver's own round trip there and
            back, the floor under any bot's answer (two trips, as a bot's).
  peerlink  client A sends `!help` to peerlink, waits for its reply
            (m.in_reply_to == the command's event ID).
  reminder  client A sends `!help` to matrix-reminder-bot (PyPI), waits for
            its answer (it does not reply with a relation: the next message
            from the bot in that room, sent after the command).

Each bot has its own unencrypted room; the three series take turns command
by command (the order rotates every step). Reported per series: p50/p90/p99
and the ratio to raw; per bot: resident memory (VmRSS) when idle (started,
joined, before any command) and after the load, and CPU time per command
(utime+stime from /proc/PID/stat over the measured load, divided by the
commands that bot answered; also net of its idle CPU rate). peerlink's own
per-sender command rate limit is lifted for the run (the peer bot has none,
and Synapse's are off in scripts/synapse.sh).

Everything it starts it stops at the end, also on error: both bots by PID,
Synapse with `scripts/synapse.sh stop`. All traffic stays on 127.0.0.1.

Run with the Synapse venv's python (it has matrix-nio), or as part 3 of
`scripts/bench.sh peer` (which installs and builds what it needs):

  .local/synapse-venv/bin/python scripts/bench_peer.py [--count 100] [--rounds 3] [OUT.json]

PEERLINK_BIN picks the peerlink binary (default: target/release/peerlink if
it exists, else target/debug/peerlink). matrix-reminder-bot is installed
into its own venv, .local/reminder-venv, on first use (pinned below).
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import importlib.metadata
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from nio import (
    AsyncClient,
    AsyncClientConfig,
    JoinedMembersResponse,
    LoginResponse,
    RoomCreateResponse,
    RoomMessageNotice,
    RoomMessageText,
    RoomSendResponse,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synapse_register import register  # noqa: E402  (the project's own helper)

# The peer bot, pinned (and the nio it runs on, so that the venv is reproducible).
REMINDER_BOT_VERSION = "0.4.0"
REMINDER_NIO_VERSION = "0.26.0"
REMINDER_VENV = ROOT / ".local" / "reminder-venv"

SERVER_NAME = "localhost"
CLIENT = "client"  # client A: sends every message; admin of peerlink
CLIENT_B = "client2"  # client B: receives the raw baseline
PEERLINK = "peerlink"
REMINDER = "reminder"

SERIES = ("raw", "echo", "peerlink", "reminder")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(msg: str) -> None:
    print(f"{Path(sys.argv[0]).stem}: {msg}", file=sys.stderr, flush=True)


def mxid(localpart: str) -> str:
    return f"@{localpart}:{SERVER_NAME}"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------
# /proc readings

def rss_kib(pid: int) -> dict[str, int]:
    """VmRSS (current), VmHWM (peak), and RssAnon (the process's own memory)
    and RssFile (pages of its program and libraries, shared with the page
    cache) that make up VmRSS, in KiB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
            out[key] = int(value.split()[0])
    return out


def cpu_ticks(pid: int) -> int:
    """utime + stime of a process (all its threads), in clock ticks."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name (field 2) may hold spaces: split after its ')'.
    fields = stat[stat.rindex(")") + 2:].split()
    # fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return int(fields[11]) + int(fields[12])


def ticks_to_ms(ticks: int) -> float:
    return ticks / CLK_TCK * 1000.0


# ---------------------------------------------------------------------------
# Statistics

def percentile(sorted_values: list[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def summarize(values: list[float]) -> dict:
    s = sorted(values)
    return {
        "n": len(s),
        "p50_ms": percentile(s, 50),
        "p90_ms": percentile(s, 90),
        "p99_ms": percentile(s, 99),
        "mean_ms": sum(s) / len(s) if s else float("nan"),
        "min_ms": s[0] if s else float("nan"),
        "max_ms": s[-1] if s else float("nan"),
    }


# ---------------------------------------------------------------------------
# Child processes

def _die_with_parent() -> None:
    """In the child, before exec: get SIGTERM if this script dies (even by SIGKILL)."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class Bot:
    """A bot process we started, with its log file."""

    name: str
    user_id: str
    proc: subprocess.Popen
    log_path: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def wait_for_log(self, needle: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.log_text():
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode} during start-up:\n"
                                   + self.log_text()[-3000:])
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not log {needle!r} within {timeout:.0f} s:\n"
                                   + self.log_text()[-3000:])
            time.sleep(0.1)

    def stop(self) -> None:
        """SIGTERM by PID, then SIGKILL after 40 s."""
        if self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            log(f"{self.name} (pid {self.pid}) ignored SIGTERM for 40 s: SIGKILL")
            self.proc.kill()
            self.proc.wait()


SYNAPSE_SH = str(ROOT / "scripts" / "synapse.sh")


def stop_synapse(synapse_dir: Path) -> None:
    """Stops the Synapse running in synapse_dir, if any (by its PID file)."""
    if (synapse_dir / "homeserver.pid").exists():
        subprocess.run([SYNAPSE_SH, "stop", str(synapse_dir)], check=False)
        log("Synapse stopped")


def start_synapse(synapse_dir: Path) -> tuple[str, str]:
    """A fresh Synapse in synapse_dir (wiped first: its config holds the
    port) on a free loopback port: (client URL, registration secret)."""
    stop_synapse(synapse_dir)
    shutil.rmtree(synapse_dir, ignore_errors=True)
    port = free_port()
    subprocess.run([SYNAPSE_SH, "start", str(synapse_dir), str(port), SERVER_NAME], check=True)
    return f"http://127.0.0.1:{port}", (synapse_dir / "registration_secret").read_text().strip()


def child_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "RUST_LOG" and not k.startswith("PEERLINK_")}
    # Nothing but loopback: never let a proxy variable send the bots elsewhere.
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.update(extra)
    return env


def peerlink_env(data_dir: Path, hs_url: str, password: str, admin: str) -> dict[str, str]:
    """The environment of a benchmarked peerlink (also for its CLI)."""
    return child_env({
        "PEERLINK__DATA_DIR": str(data_dir),
        "PEERLINK__DATABASE__URL": f"sqlite://{data_dir}/peerlink.db",
        "PEERLINK__MATRIX__HOMESERVER_URL": hs_url,
        "PEERLINK__MATRIX__USER_ID": mxid(PEERLINK),
        "PEERLINK__MATRIX__PASSWORD": password,
        "PEERLINK__BOT__ADMINS": f'["{admin}"]',
        "PEERLINK__PROVISIONING__ON_START": "false",
        "PEERLINK__PROVISIONING__INTERVAL_SECS": "0",
        "PEERLINK__HTTP__LISTEN": "127.0.0.1:0",
        # peerlink limits commands per sender (30/min, burst 10 by default) and
        # would answer "too fast" then drop commands; the peer bot has no such
        # limit and Synapse's are off, so lift it out of reach (as the tests do).
        "PEERLINK__BOT__RATE_LIMIT_PER_MINUTE": "100000",
        "PEERLINK__BOT__RATE_LIMIT_BURST": "100000",
    })


def start_peerlink(binary: Path, workdir: Path, hs_url: str, password: str,
                   extra_env: dict[str, str] | None = None, admin: str | None = None,
                   args: tuple[str, ...] = ()) -> Bot:
    """Starts `peerlink run` as in tests/common/bot.rs, waits until it listens.
    Its data (database, Matrix store) go to workdir/peerlink."""
    data_dir = workdir / "peerlink"
    data_dir.mkdir(parents=True, exist_ok=True)
    env = peerlink_env(data_dir, hs_url, password, admin or mxid(CLIENT)) | (extra_env or {})
    log_path = workdir / "peerlink.log"
    with open(log_path, "ab") as out:
        # cwd: its own directory, so that no config/peerlink.toml of the
        # checkout is picked up (the tests run it the same way).
        proc = subprocess.Popen([str(binary), *args, "run"], cwd=data_dir, env=env,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                preexec_fn=_die_with_parent)
    bot = Bot("peerlink", mxid(PEERLINK), proc, log_path)
    log(f"peerlink started (pid {proc.pid}, {binary}); waiting for 'listening for commands'")
    bot.wait_for_log("listening for commands", timeout=120)
    return bot


def ensure_reminder_venv() -> Path:
    """Creates .local/reminder-venv with the pinned matrix-reminder-bot if missing."""
    py = REMINDER_VENV / "bin" / "python"
    check = ("import importlib.metadata as m, sys; "
             f"sys.exit(m.version('matrix-reminder-bot') != '{REMINDER_BOT_VERSION}')")
    if py.exists() and subprocess.run([str(py), "-c", check], capture_output=True).returncode == 0:
        return REMINDER_VENV
    log(f"installing matrix-reminder-bot {REMINDER_BOT_VERSION} into {REMINDER_VENV}")
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(REMINDER_VENV)], check=True)
    pip = [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run(pip + ["--upgrade", "pip"], check=True)
    subprocess.run(pip + [f"matrix-reminder-bot=={REMINDER_BOT_VERSION}",
                          f"matrix-nio[e2e]=={REMINDER_NIO_VERSION}"], check=True)
    return REMINDER_VENV


def reminder_config(workdir: Path, hs_url: str, password: str) -> str:
    """The bot's config.yaml (keys as matrix_reminder_bot/config.py reads them).

    The bot always runs nio with encryption enabled (main.py), so it needs a
    store path; the rooms of this benchmark are unencrypted, so no key is ever
    used. Allow/block lists are off: it answers and joins for anyone.
    """
    q = json.dumps  # a JSON string is a valid YAML double-quoted scalar
    return f"""\
# matrix-reminder-bot {REMINDER_BOT_VERSION}, written by scripts/bench_peer.py
command_prefix: "!"
matrix:
  user_id: {q(mxid(REMINDER))}
  user_password: {q(password)}
  homeserver_url: {q(hs_url)}
  device_id: "BENCHREMINDER"
  device_name: "reminder-bot benchmark"
storage:
  database: {q("sqlite://" + str(workdir / "reminder" / "reminders.db"))}
  store_path: {q(str(workdir / "reminder" / "store"))}
reminders:
  timezone: "Etc/UTC"
allowlist:
  enabled: false
  regexes: []
blocklist:
  enabled: false
  regexes: []
logging:
  level: INFO
  file_logging:
    enabled: false
  console_logging:
    enabled: true
"""


def start_reminder(venv: Path, workdir: Path, hs_url: str, password: str) -> tuple[Bot, str]:
    bot_dir = workdir / "reminder"
    bot_dir.mkdir(parents=True)
    config = reminder_config(workdir, hs_url, password)
    config_path = bot_dir / "config.yaml"
    config_path.write_text(config)
    log_path = workdir / "reminder.log"
    with open(log_path, "ab") as out:
        # The package's own console script (a python script: its PID is the bot's).
        proc = subprocess.Popen([str(venv / "bin" / "matrix-reminder-bot"), str(config_path)],
                                cwd=bot_dir, env=child_env({"PYTHONUNBUFFERED": "1"}),
                                stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                preexec_fn=_die_with_parent)
    bot = Bot("matrix-reminder-bot", mxid(REMINDER), proc, log_path)
    log(f"matrix-reminder-bot started (pid {proc.pid}); waiting for 'Startup complete'")
    bot.wait_for_log("Startup complete", timeout=120)
    return bot, config.replace(password, "<redacted>")


# ---------------------------------------------------------------------------
# The Matrix side: two nio clients and what they receive

@dataclass
class Arrival:
    t: float  # time.perf_counter() when the client's sync handed it over
    event_id: str
    sender: str
    in_reply_to: str | None
    body: str = ""
    thread_root: str | None = None  # the root's event ID for a message in a thread


@dataclass
class Inbox:
    """Messages a client received, per room, for the measuring loop to match."""

    rooms: dict[str, list[Arrival]] = field(default_factory=dict)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    async def on_message(self, room, event) -> None:
        content = event.source.get("content", {})
        relates = content.get("m.relates_to") or {}
        reply = relates.get("m.in_reply_to") or {}
        thread = relates.get("event_id") if relates.get("rel_type") == "m.thread" else None
        self.rooms.setdefault(room.room_id, []).append(
            Arrival(time.perf_counter(), event.event_id, event.sender, reply.get("event_id"),
                    str(content.get("body", "")), thread))
        self.changed.set()

    def clear(self, room_id: str) -> None:
        self.rooms[room_id] = []

    async def wait(self, room_id: str, match, timeout: float) -> Arrival | None:
        """The first arrival in `room_id` that `match`es (removed), or None at timeout."""
        deadline = time.monotonic() + timeout
        while True:
            arrivals = self.rooms.setdefault(room_id, [])
            for i, a in enumerate(arrivals):
                if match(a):
                    del arrivals[i]
                    return a
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except asyncio.TimeoutError:
                pass


async def login(hs_url: str, localpart: str, password: str, sync: bool = True
                ) -> tuple[AsyncClient, Inbox | None, asyncio.Task | None]:
    """A logged-in nio client (no encryption): syncing, with its inbox, or
    (sync=False) one that only sends."""
    client = AsyncClient(hs_url, mxid(localpart), device_id=f"BENCH{localpart.upper()}",
                         config=AsyncClientConfig(encryption_enabled=False, store_sync_tokens=False))
    resp = await client.login(password, device_name="peerlink benchmark")
    if not isinstance(resp, LoginResponse):
        raise RuntimeError(f"login of {localpart} failed: {resp}")
    if not sync:
        return client, None, None
    inbox = Inbox()
    client.add_event_callback(inbox.on_message, (RoomMessageText, RoomMessageNotice))
    # Long-polling sync, as a bot or an app does: Synapse answers it as soon
    # as an event arrives.
    # Up to 100 events per room per sync (Synapse's default is 10: a burst
    # of twenty messages would be cut, and the measure lose some).
    task = asyncio.create_task(client.sync_forever(
        timeout=30000, sync_filter={"room": {"timeline": {"limit": 100}}}))
    return client, inbox, task


async def room_with(client: AsyncClient, name: str, invitee: str) -> str:
    """A new unencrypted private room with `invitee` invited."""
    resp = await client.room_create(name=name, invite=[invitee])
    if not isinstance(resp, RoomCreateResponse):
        raise RuntimeError(f"creating room {name} failed: {resp}")
    return resp.room_id


async def wait_joined(client: AsyncClient, room_id: str, user_id: str, since: float,
                      timeout: float = 60) -> float:
    """Waits until `user_id` is in the room; seconds from `since` (monotonic)."""
    while time.monotonic() - since < timeout:
        resp = await client.joined_members(room_id)
        if isinstance(resp, JoinedMembersResponse) and any(m.user_id == user_id for m in resp.members):
            return time.monotonic() - since
        await asyncio.sleep(0.1)
    raise RuntimeError(f"{user_id} did not join {room_id} within {timeout:.0f} s")


async def send_text(client: AsyncClient, room_id: str, body: str) -> str:
    resp = await client.room_send(room_id, "m.room.message", {"msgtype": "m.text", "body": body})
    if not isinstance(resp, RoomSendResponse):
        raise RuntimeError(f"sending to {room_id} failed: {resp}")
    return resp.event_id


# ---------------------------------------------------------------------------
# The benchmark

@dataclass
class Setup:
    a: AsyncClient
    a_inbox: Inbox
    b_inbox: Inbox
    raw_room: str
    echo_room: str
    peerlink_room: str
    reminder_room: str
    timeout: float


async def one_trip(s: Setup, series: str, seq: int) -> tuple[float, float] | None:
    """One measured exchange: (round trip, send acknowledged) in ms, or None
    when no answer came in time. "Send acknowledged" is the time Synapse took
    to answer client A's PUT /send (the event is stored then): a part of
    every series, shown to tell the homeserver's share from the bot's."""
    # Per series: where client A sends what, whose inbox waits, for what.
    room, inbox, body, match = {
        "raw": (s.raw_room, s.b_inbox, f"raw {seq}",
                lambda m: m.event_id == event_id),
        "echo": (s.echo_room, s.a_inbox, f"echo {seq}",
                 lambda m: m.sender == mxid(CLIENT_B) and m.in_reply_to == event_id),
        "peerlink": (s.peerlink_room, s.a_inbox, "!help",
                     lambda m: m.sender == mxid(PEERLINK) and m.in_reply_to == event_id),
        # Its answer carries no relation: the bot's next message after t0
        # (it answers nothing else, and the previous answer was awaited).
        "reminder": (s.reminder_room, s.a_inbox, "!help",
                     lambda m: m.sender == mxid(REMINDER) and m.t >= t0),
    }[series]
    inbox.clear(room)
    t0 = time.perf_counter()
    event_id = await send_text(s.a, room, body)
    t_sent = time.perf_counter()
    got = await inbox.wait(room, match, s.timeout)
    if got is None:
        log(f"{series}: no answer to message {seq} within {s.timeout:.0f} s")
        return None
    return (got.t - t0) * 1000.0, (t_sent - t0) * 1000.0


async def run_benchmark(args, hs_url: str, passwords: dict[str, str],
                        peerlink: Bot, reminder: Bot) -> dict:
    clients: list[tuple[AsyncClient, asyncio.Task]] = []
    try:
        a, a_inbox, a_sync = await login(hs_url, CLIENT, passwords[CLIENT])
        clients.append((a, a_sync))
        b, b_inbox, b_sync = await login(hs_url, CLIENT_B, passwords[CLIENT_B])
        clients.append((b, b_sync))

        # One room per series, each joined before any measurement.
        raw_room = await room_with(a, "bench raw", mxid(CLIENT_B))
        echo_room = await room_with(a, "bench echo", mxid(CLIENT_B))
        for room in (raw_room, echo_room):
            join = await b.join(room)
            if not hasattr(join, "room_id"):
                raise RuntimeError(f"{CLIENT_B} could not join {room}: {join}")
        echo_tasks = set()

        async def echo(room, event) -> None:
            # Client B answers at once, in a task of its own (as a bot would
            # not block its sync loop on a send).
            if room.room_id == echo_room and event.sender == mxid(CLIENT):
                content = {"msgtype": "m.text", "body": f"> {event.body}",
                           "m.relates_to": {"m.in_reply_to": {"event_id": event.event_id}}}
                task = asyncio.create_task(b.room_send(echo_room, "m.room.message", content))
                echo_tasks.add(task)
                task.add_done_callback(echo_tasks.discard)
        b.add_event_callback(echo, RoomMessageText)
        t_invite = time.monotonic()
        peerlink_room = await room_with(a, "bench peerlink", mxid(PEERLINK))
        reminder_room = await room_with(a, "bench reminder", mxid(REMINDER))
        joined = {  # seconds from the invitations to the join
            "peerlink_s": await wait_joined(a, peerlink_room, mxid(PEERLINK), t_invite),
            "reminder_s": await wait_joined(a, reminder_room, mxid(REMINDER), t_invite),
        }
        await wait_joined(a, raw_room, mxid(CLIENT_B), time.monotonic())
        await wait_joined(a, echo_room, mxid(CLIENT_B), time.monotonic())
        log(f"rooms ready; joined after {joined['peerlink_s']:.1f} s (peerlink), "
            f"{joined['reminder_s']:.1f} s (reminder)")

        # Idle: started, joined, nothing asked yet.
        bots = {"peerlink": peerlink, "reminder": reminder}
        idle_ticks0 = {k: cpu_ticks(bot.pid) for k, bot in bots.items()}
        await asyncio.sleep(args.idle_secs)
        idle = {}
        for k, bot in bots.items():
            ticks = cpu_ticks(bot.pid) - idle_ticks0[k]
            mem = rss_kib(bot.pid)
            idle[k] = {"rss_kib": mem["VmRSS"], "rss_anon_kib": mem["RssAnon"],
                       "rss_file_kib": mem["RssFile"],
                       "cpu_ms_per_s": ticks_to_ms(ticks) / args.idle_secs}
        log("idle RSS: " + ", ".join(f"{k} {v['rss_kib'] / 1024:.1f} MiB" for k, v in idle.items()))

        s = Setup(a, a_inbox, b_inbox, raw_room, echo_room, peerlink_room, reminder_room,
                  args.timeout)

        # Warm-up (not measured): first-use costs out of the way in all three.
        for i in range(args.warmup):
            for series in SERIES:
                if await one_trip(s, series, -1 - i) is None:
                    raise RuntimeError(f"{series} did not answer during warm-up")

        # The measured load: rounds x count steps; each step one exchange of
        # every series, in an order that rotates so none is always first.
        samples = {k: [] for k in SERIES}
        send_samples = {k: [] for k in SERIES}
        per_round = {k: [] for k in SERIES}
        failures = {k: 0 for k in SERIES}
        answered = {k: 0 for k in SERIES}
        ticks0 = {k: cpu_ticks(bot.pid) for k, bot in bots.items()}
        t_load = time.monotonic()
        for r in range(args.rounds):
            round_samples = {k: [] for k in SERIES}
            for i in range(args.count):
                k = i % len(SERIES)
                order = SERIES[k:] + SERIES[:k]
                for series in order:
                    trip = await one_trip(s, series, r * args.count + i)
                    if trip is None:
                        failures[series] += 1
                    else:
                        ms, send_ms = trip
                        answered[series] += 1
                        samples[series].append(ms)
                        send_samples[series].append(send_ms)
                        round_samples[series].append(ms)
            for k in SERIES:
                per_round[k].append(summarize(round_samples[k])["p50_ms"])
            log(f"round {r + 1}/{args.rounds}: p50 " + ", ".join(
                f"{k} {per_round[k][-1]:.1f} ms" for k in SERIES))
        load_secs = time.monotonic() - t_load
        cpu = {}
        after = {}
        for k, bot in bots.items():
            ticks = cpu_ticks(bot.pid) - ticks0[k]
            # Gross: all CPU time over the load / commands answered. Net: less
            # what the bot burns idle (the idle rate x the load's duration).
            idle_ms = idle[k]["cpu_ms_per_s"] * load_secs
            cpu[k] = {"ticks": ticks, "cpu_ms": ticks_to_ms(ticks),
                      "cpu_ms_per_command": ticks_to_ms(ticks) / max(answered[k], 1),
                      "cpu_ms_per_command_net_of_idle":
                          max(ticks_to_ms(ticks) - idle_ms, 0.0) / max(answered[k], 1)}
            mem = rss_kib(bot.pid)
            after[k] = {"rss_kib": mem["VmRSS"], "peak_rss_kib": mem["VmHWM"],
                        "rss_anon_kib": mem["RssAnon"], "rss_file_kib": mem["RssFile"]}
    finally:
        for client, sync_task in clients:
            sync_task.cancel()
            await client.close()

    series_out = {}
    for k in SERIES:
        series_out[k] = summarize(samples[k]) | {
            "failures": failures[k],
            "per_round_p50_ms": per_round[k],
            "send_ack": summarize(send_samples[k]),
        }
    for base in ("raw", "echo"):
        floor = series_out[base]
        for k in SERIES[SERIES.index(base) + 1:]:
            series_out[k][f"ratio_to_{base}"] = {
                p: series_out[k][f"{p}_ms"] / floor[f"{p}_ms"] if floor[f"{p}_ms"] else None
                for p in ("p50", "p90", "p99")}
    return {
        "series": series_out,
        "bots": {k: {"pid": bots[k].pid, "idle": idle[k], "after_load": after[k],
                     "cpu": cpu[k], "commands": answered[k], "join_s": joined[f"{k}_s"]}
                 for k in bots},
        "load_secs": load_secs,
    }


# ---------------------------------------------------------------------------
# Output

def print_table(res: dict, meta: dict) -> None:
    series, bots = res["series"], res["bots"]
    print()
    print(f"Peer benchmark: {meta['count']} x {meta['rounds']} per series, interleaved, "
          f"Synapse {meta['versions']['synapse']}, peerlink {meta['peerlink_bin']}, "
          f"matrix-reminder-bot {meta['versions']['matrix-reminder-bot']}")
    print(f"{'series':<10} {'n':>5} {'fail':>4} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8}"
          f" {'x raw p50/p99':>14} {'x echo p50/p99':>15} {'send ack p50':>12}")
    for k in SERIES:
        s = series[k]

        def ratios(base: str) -> str:
            r = s.get(f"ratio_to_{base}")
            return f"{r['p50']:.2f} / {r['p99']:.2f}" if r else ("1" if k == base else "")
        print(f"{k:<10} {s['n']:>5} {s['failures']:>4} {s['p50_ms']:>8.1f} {s['p90_ms']:>8.1f}"
              f" {s['p99_ms']:>8.1f} {ratios('raw'):>14} {ratios('echo'):>15}"
              f" {s['send_ack']['p50_ms']:>12.1f}")
    print()
    print(f"{'bot':<10} {'RSS idle MiB':>12} {'(own/file)':>11} {'RSS after MiB':>13} {'peak MiB':>9}"
          f" {'CPU ms/cmd':>10} {'net of idle':>11} {'idle CPU ms/s':>13}")
    for k, b in bots.items():
        split = f"{b['idle']['rss_anon_kib'] / 1024:.1f}/{b['idle']['rss_file_kib'] / 1024:.1f}"
        print(f"{k:<10} {b['idle']['rss_kib'] / 1024:>12.1f} {split:>11}"
              f" {b['after_load']['rss_kib'] / 1024:>13.1f}"
              f" {b['after_load']['peak_rss_kib'] / 1024:>9.1f} {b['cpu']['cpu_ms_per_command']:>10.2f}"
              f" {b['cpu']['cpu_ms_per_command_net_of_idle']:>11.2f} {b['idle']['cpu_ms_per_s']:>13.2f}")
    print()


def binary(env: str, name: str) -> Path:
    """The binary `name` that `env` names, else target/release/NAME if it
    exists, else target/debug/NAME (nothing is built here)."""
    if os.environ.get(env):
        return Path(os.environ[env])
    release = ROOT / "target" / "release" / name
    return release if release.exists() else ROOT / "target" / "debug" / name


def git_head() -> str:
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"],
                          capture_output=True, text=True).stdout.strip()


def pkg_version(python: Path, dist: str) -> str:
    out = subprocess.run([str(python), "-c", f"import importlib.metadata as m; print(m.version('{dist}'))"],
                         capture_output=True, text=True)
    return out.stdout.strip() or "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="bench-peer.json",
                        help="JSON results file (default: bench-peer.json in cwd)")
    parser.add_argument("--count", type=int, default=100, help="commands per series per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured exchanges per series first")
    parser.add_argument("--idle-secs", type=float, default=10.0,
                        help="idle wait after joining, before the idle RSS reading")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one answer")
    parser.add_argument("--workdir", default=str(ROOT / ".local" / "peerbench"),
                        help="runtime data (its synapse/, peerlink/, reminder/ and logs are wiped at start)")
    args = parser.parse_args()

    # A SIGTERM/SIGHUP to this script still runs the clean-up below.
    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    peerlink_bin = binary("PEERLINK_BIN", "peerlink")
    if not peerlink_bin.exists():
        log(f"no peerlink binary at {peerlink_bin} (set PEERLINK_BIN or build it)")
        return 2
    venv = ensure_reminder_venv()

    workdir = Path(args.workdir).resolve()
    synapse_dir = workdir / "synapse"
    # A fresh homeserver and fresh bots every run: stop a Synapse a crashed
    # earlier run may have left, then wipe this script's runtime data
    # (anything else in workdir is left alone).
    stop_synapse(synapse_dir)
    for name in ("synapse", "peerlink", "reminder"):
        shutil.rmtree(workdir / name, ignore_errors=True)
    for name in ("peerlink.log", "reminder.log"):
        (workdir / name).unlink(missing_ok=True)
    workdir.mkdir(parents=True, exist_ok=True)

    started: list[Bot] = []
    try:
        hs_url, secret = start_synapse(synapse_dir)
        passwords = {u: secrets.token_hex(12) for u in (CLIENT, CLIENT_B, PEERLINK, REMINDER)}
        for user, password in passwords.items():
            with contextlib.redirect_stdout(sys.stderr):  # it prints the new user ID
                status = register(hs_url, secret, user, password)
            if status != 0:
                raise RuntimeError(f"could not register {user}")

        peerlink = start_peerlink(peerlink_bin, workdir, hs_url, passwords[PEERLINK])
        started.append(peerlink)
        reminder, reminder_cfg = start_reminder(venv, workdir, hs_url, passwords[REMINDER])
        started.append(reminder)

        load_before = os.getloadavg()
        res = asyncio.run(run_benchmark(args, hs_url, passwords, peerlink, reminder))
        for bot in started:
            if bot.proc.poll() is not None:
                raise RuntimeError(f"{bot.name} exited during the benchmark:\n" + bot.log_text()[-3000:])

        synapse_py = Path(sys.executable)
        meta = {
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "count": args.count, "rounds": args.rounds, "warmup": args.warmup,
            "idle_secs": args.idle_secs, "timeout_s": args.timeout,
            "peerlink_bin": str(peerlink_bin),
            "peerlink_profile": "release" if "/release/" in str(peerlink_bin) else "debug"
            if "/debug/" in str(peerlink_bin) else "?",
            "git_head": git_head(),
            "versions": {
                "synapse": importlib.metadata.version("matrix-synapse"),
                "matrix-nio (client)": importlib.metadata.version("matrix-nio"),
                "matrix-reminder-bot": pkg_version(venv / "bin" / "python", "matrix-reminder-bot"),
                "matrix-nio (reminder-bot)": pkg_version(venv / "bin" / "python", "matrix-nio"),
                "python": platform.python_version(),
            },
            "machine": {"nproc": os.cpu_count(), "loadavg_before": load_before,
                        "loadavg_after": os.getloadavg(), "clk_tck": CLK_TCK},
            "commands": {"peerlink": "!help", "reminder": "!help",
                         "raw": "plain m.text from client A, received by client B",
                         "echo": "plain m.text from client A, answered at once by client B"},
            "reminder_config": reminder_cfg,
            "synapse_python": str(synapse_py),
        }
        print_table(res, meta)
        out = Path(args.out)
        out.write_text(json.dumps({"meta": meta} | res, indent=2) + "\n")
        log(f"wrote {out.resolve()}")
        return 0
    finally:
        for bot in reversed(started):
            bot.stop()
            log(f"{bot.name} stopped (pid {bot.pid}, exit {bot.proc.returncode}); log: {bot.log_path}")
        stop_synapse(synapse_dir)


if __name__ == "__main__":
    sys.exit(main())
