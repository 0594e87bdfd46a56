#!/usr/bin/env python3
"""Burst benchmark: 200 delegates acting within the same instant.

One peerlink (release build, SQLite) on a local Synapse; 100 member states,
two delegates each, and the coordinator (Morocco), registered and imported
with `peerlink roster import`, provisioned at start. A seminar is scheduled;
then, as in a registration wave:

  alone         one delegate answers the seminar (`!attend 1`, then
                `!decline-seminar 1`, in turns), 30 times one after the
                other: the time until the reply reaches its client.
  one room      all 200 delegates answer in the plenary at the same instant.
  across rooms  all 200 at the same instant, one of each state in the
                plenary and the other in its own direct chat with the bot
                (101 rooms).

Every delegate is a client of its own (aiohttp, plain client-server API);
one client per room long-polls /sync, as real clients do, and notes when
each reply arrives (from the wave's start) and how many replies each
command got (each must come exactly once). One watcher per room: with all
200 clients syncing the plenary, Synapse's fan-out to them (every reply
wakes 200 syncs) is what gets measured, not the bot; that limit is noted
in the README's capacity section. Waves are repeated (--waves, 3 by default), the
answer alternating so every command changes something. Reported: p50, p99
and the last arrival per kind of wave, beside the one-alone figures; how
many were answered, and how many more than once; peerlink's CPU and peak
memory.

Everything it starts it stops (peerlink by PID, Synapse with
scripts/synapse.sh stop). All traffic stays on 127.0.0.1.

  .local/synapse-venv/bin/python scripts/bench_burst.py [OUT.json] [--waves 3]
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import aiohttp  # noqa: E402  (comes with matrix-nio in the Synapse venv)

import bench_peer as bp  # noqa: E402
from bench_network import network_files, provisioned_rooms  # noqa: E402
from bench_peer import log, mxid, summarize, cpu_ticks, ticks_to_ms, rss_kib  # noqa: E402
from synapse_register import register  # noqa: E402

BOT = "peerlink"
ADMIN = "burst-admin"
PASSWORD = "bench-" + secrets.token_hex(8)
# 100 UN member states besides the committee's (Morocco, Portugal, Paraguay).
STATES = """AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN
BG BF BI CV KH CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ
ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM
JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT""".split()
assert len(STATES) == 100 and len(set(STATES)) == 100


class Delegate:
    """One delegate's client: plain client-server requests and a /sync loop."""

    def __init__(self, http: aiohttp.ClientSession, hs: str, localpart: str):
        self.http, self.hs, self.localpart = http, hs, localpart
        self.user_id = mxid(localpart)
        self.token = ""
        self.since: str | None = None
        self.rooms: list[str] = []
        self.replies: dict[str, list[float]] = {}  # answered event -> arrivals

    async def call(self, method: str, path: str, body: dict | None = None, **params) -> dict:
        url = f"{self.hs}/_matrix/client/v3{path}"
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        async with self.http.request(method, url, json=body, params=params or None,
                                     headers=headers) as resp:
            data = await resp.json(content_type=None)
            if resp.status != 200:
                raise RuntimeError(f"{self.user_id} {method} {path}: {resp.status} {data}")
            return data

    async def login(self) -> None:
        got = await self.call("POST", "/login", {
            "type": "m.login.password", "password": PASSWORD,
            "identifier": {"type": "m.id.user", "user": self.localpart}})
        self.token = got["access_token"]

    async def send(self, room: str, text: str) -> str:
        txn = secrets.token_hex(8)
        got = await self.call("PUT", f"/rooms/{room}/send/m.room.message/{txn}",
                              {"msgtype": "m.text", "body": text})
        return got["event_id"]

    def filter(self) -> str:
        return json.dumps({
            "presence": {"not_types": ["*"]}, "account_data": {"not_types": ["*"]},
            "room": {"rooms": self.rooms, "timeline": {"limit": 100, "types": ["m.room.message"]},
                     "state": {"lazy_load_members": True, "types": []},
                     "ephemeral": {"not_types": ["*"]}, "account_data": {"not_types": ["*"]}}})

    async def catch_up(self) -> None:
        """Moves the sync position to now (what came before is not counted)."""
        params = {"filter": self.filter(), "timeout": "0"}
        if self.since:
            params["since"] = self.since
        got = await self.call("GET", "/sync", **params)
        self.since = got["next_batch"]

    async def listen(self, stop: asyncio.Event) -> None:
        """Long-polls /sync until `stop`, noting each reply of the bot."""
        bot = mxid(BOT)
        while not stop.is_set():
            got = await self.call("GET", "/sync", filter=self.filter(), since=self.since,
                                  timeout="2000")
            now = time.perf_counter()
            self.since = got["next_batch"]
            for room in got.get("rooms", {}).get("join", {}).values():
                for e in room.get("timeline", {}).get("events", []):
                    to = e.get("content", {}).get("m.relates_to", {}).get("m.in_reply_to", {})
                    if e.get("sender") == bot and "event_id" in to:
                        self.replies.setdefault(to["event_id"], []).append(now)


async def wait_for(what: str, check, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        await asyncio.sleep(0.25)


async def wave(senders: list[tuple[Delegate, str]], observers: list[Delegate], text: str,
               timeout: float, grace: float = 3.0) -> dict:
    """Every sender sends `text` in its room at once; the time until each
    reply reaches the client that watches its room (`observers`: one per
    room, as 200 clients syncing one room would measure Synapse's fan-out
    to them rather than the bot)."""
    await asyncio.gather(*(d.catch_up() for d in observers))
    for d in observers:
        d.replies = {}
    stop = asyncio.Event()
    listeners = [asyncio.create_task(d.listen(stop)) for d in observers]
    await asyncio.sleep(0.3)  # the long polls are open
    t0 = time.perf_counter()
    sent = await asyncio.gather(*(d.send(room, text) for d, room in senders))

    def arrivals() -> dict[str, list[float]]:
        seen: dict[str, list[float]] = {}
        for d in observers:
            for event, times in d.replies.items():
                seen.setdefault(event, []).extend(times)
        return seen

    async def all_answered() -> bool:
        seen = arrivals()
        return all(e in seen for e in sent)
    with contextlib.suppress(RuntimeError):
        await wait_for(f"{len(sent)} answers", all_answered, timeout)
    await asyncio.sleep(grace)  # anything answered twice arrives by now
    stop.set()
    await asyncio.gather(*listeners)
    seen = arrivals()
    latencies = [(min(seen[e]) - t0) * 1000.0 for e in sent if e in seen]
    twice = sum(1 for e in sent if len(seen.get(e, [])) > 1)
    return summarize(latencies) | {"senders": len(sent), "answered": len(latencies),
                                   "answered_twice": twice,
                                   "rooms": len({room for _, room in senders})}


async def measure(args, hs: str, plenary: str, bot_pid: int) -> dict:
    # Unlimited connections: 200 open long polls must not hold the sends back.
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as http:
        coordinator = Delegate(http, hs, "burst-ma")
        delegates = [Delegate(http, hs, f"burst-{i:03d}") for i in range(200)]
        everyone = [coordinator] + delegates
        sem = asyncio.Semaphore(16)

        async def limited(coro):
            async with sem:
                return await coro
        await asyncio.gather(*(limited(d.login()) for d in everyone))
        await asyncio.gather(*(limited(d.call("POST", f"/join/{plenary}", {})) for d in everyone))
        in_direct = delegates[1::2]
        directs = await asyncio.gather(*(limited(d.call("POST", "/createRoom", {
            "invite": [mxid(BOT)], "is_direct": True, "preset": "trusted_private_chat"}))
            for d in in_direct))
        directs = [r["room_id"] for r in directs]
        # Who watches which room: the coordinator the plenary, each direct
        # chat its delegate.
        coordinator.rooms = [plenary]
        for d, room in zip(in_direct, directs):
            d.rooms = [room]

        async def bot_in_all() -> bool:
            got = await asyncio.gather(*(limited(d.call("GET", f"/rooms/{r}/joined_members"))
                                         for d, r in zip(in_direct, directs)))
            return all(mxid(BOT) in g["joined"] for g in got)
        await wait_for("the bot in every direct chat", bot_in_all)
        log(f"{len(everyone)} clients logged in, {len(directs)} direct chats open")

        day = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 30 * 86400))
        added = await wave([(coordinator, plenary)], [coordinator],
                           f"!seminar add {day} 10:00 Europe/Lisbon Registration wave", 60)
        if added["answered"] != 1:
            raise RuntimeError("the seminar was not scheduled")

        alone = []
        for i in range(args.alone):
            text = "!attend 1" if i % 2 == 0 else "!decline-seminar 1"
            got = await wave([(delegates[0], plenary)], [coordinator], text, 30, grace=0.5)
            if got["answered"]:
                alone.append(got["p50_ms"])
        out = {"single": summarize(alone) | {"answered": len(alone), "sent": args.alone},
               "waves": {}}
        ticks0 = cpu_ticks(bot_pid)
        kinds = {
            "one room": ([(d, plenary) for d in delegates], [coordinator]),
            "across rooms": ([(d, plenary) for d in delegates[0::2]] + list(zip(in_direct, directs)),
                             [coordinator] + in_direct),
        }
        series: dict[str, list[dict]] = {k: [] for k in kinds}
        n = 0
        for w in range(args.waves):
            for kind, (senders, observers) in kinds.items():
                text = "!decline-seminar 1" if n % 2 == 0 else "!attend 1"
                n += 1
                got = await wave(senders, observers, text, args.timeout)
                series[kind].append(got)
                log(f"wave {w + 1} {kind}: {got['answered']}/{got['senders']} answered "
                    f"({got['answered_twice']} twice), p50 {got['p50_ms']:.0f} ms, "
                    f"p99 {got['p99_ms']:.0f} ms, last {got['max_ms']:.0f} ms")
        for kind, runs in series.items():
            # Pooled over the waves: p50/p99 of every latency are not the mean
            # of each wave's, so keep each wave and the worst of each figure.
            out["waves"][kind] = {
                "senders": runs[0]["senders"], "rooms": runs[0]["rooms"],
                "answered": min(r["answered"] for r in runs),
                "answered_twice": sum(r["answered_twice"] for r in runs),
                "p50_ms": max(r["p50_ms"] for r in runs),
                "p99_ms": max(r["p99_ms"] for r in runs),
                "max_ms": max(r["max_ms"] for r in runs),
                "each_wave": runs,
            }
        commands = sum(len(s) for s, _ in kinds.values()) * args.waves
        out["cpu_ms_per_command"] = ticks_to_ms(cpu_ticks(bot_pid) - ticks0) / commands
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="bench-burst.json")
    parser.add_argument("--waves", type=int, default=3)
    parser.add_argument("--alone", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--workdir", default=str(bp.ROOT / ".local" / "burstbench"))
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda s, _f: (_ for _ in ()).throw(SystemExit(128 + s)))

    peerlink_bin = bp.binary("PEERLINK_BIN", "peerlink")
    if not peerlink_bin.exists():
        log(f"no binary at {peerlink_bin} (build it: cargo build --release --bin peerlink)")
        return 2
    workdir = Path(args.workdir).resolve()
    synapse_dir = workdir / "synapse"
    bp.stop_synapse(synapse_dir)
    subprocess.run(["rm", "-rf", str(workdir)], check=True)
    workdir.mkdir(parents=True)
    bot = None
    try:
        hs, secret = bp.start_synapse(synapse_dir)
        users = [BOT, ADMIN, "burst-ma"] + [f"burst-{i:03d}" for i in range(200)]
        with contextlib.redirect_stdout(open(os.devnull, "w")):
            for user in users:
                if register(hs, secret, user, PASSWORD) != 0:
                    raise RuntimeError(f"could not register {user}")
        config = workdir / "config"
        network = network_files(config)
        roster = ['[[state]]\ncode = "MA"\nstatus = "founding_member"\n'
                  f'delegates = [{{ user = "{mxid("burst-ma")}" }}]\n']
        for i, code in enumerate(STATES):
            roster.append(f'[[state]]\ncode = "{code}"\nstatus = "member"\n'
                          f'delegates = [{{ user = "{mxid(f"burst-{2 * i:03d}")}" }}, '
                          f'{{ user = "{mxid(f"burst-{2 * i + 1:03d}")}" }}]\n')
        (config / "roster.toml").write_text("".join(roster))
        data_dir = workdir / "peerlink"
        data_dir.mkdir()
        env = bp.peerlink_env(data_dir, hs, PASSWORD, mxid(ADMIN)) | {
            "PEERLINK__NETWORK__FILE": str(network),
            "PEERLINK__PROVISIONING__ON_START": "true",
        }
        imported = subprocess.run([str(peerlink_bin), "roster", "import", str(config / "roster.toml")],
                                  cwd=data_dir, env=env, capture_output=True, text=True)
        if imported.returncode != 0:
            raise RuntimeError(f"roster import failed:\n{imported.stdout}\n{imported.stderr}")
        bot = bp.start_peerlink(peerlink_bin, workdir, hs, PASSWORD, extra_env=env, admin=mxid(ADMIN))
        bot.wait_for_log("provisioning done", timeout=600)
        plenary = provisioned_rooms(data_dir / "peerlink.db")["plenary"]
        res = asyncio.run(measure(args, hs, plenary, bot.pid))
        if bot.proc.poll() is not None:
            raise RuntimeError("peerlink exited during the benchmark:\n" + bot.log_text()[-3000:])
        res["peak_rss_kib"] = rss_kib(bot.pid)["VmHWM"]
        bad = [line for line in bot.log_text().splitlines() if " WARN " in line or " ERROR " in line]
        res["warn_or_error_lines"] = len(bad)
        res["meta"] = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "git_head": bp.git_head(),
                       "peerlink_bin": str(peerlink_bin), "args": vars(args),
                       "loadavg": os.getloadavg()}
        s = res["single"]
        print(f"\none alone: p50 {s['p50_ms']:.0f} ms, p99 {s['p99_ms']:.0f} ms "
              f"({s['answered']}/{s['sent']} answered)")
        for kind, w in res["waves"].items():
            print(f"{w['senders']} at once, {kind} ({w['rooms']} rooms): {w['answered']} answered, "
                  f"{w['answered_twice']} twice; p50 {w['p50_ms']:.0f} ms, p99 {w['p99_ms']:.0f} ms, "
                  f"last {w['max_ms']:.0f} ms (worst of {args.waves} waves)")
        print(f"peerlink CPU {res['cpu_ms_per_command']:.1f} ms per command, "
              f"peak RSS {res['peak_rss_kib'] / 1024:.0f} MiB, WARN/ERROR lines {len(bad)}")
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
