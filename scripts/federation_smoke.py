#!/usr/bin/env python3
"""Smoke test of federation between homeservers started by scripts/federation.sh.

Usage: federation_smoke.py DIR [--outage SECONDS]

Registers @alice on DIR/hs1 and @bob on DIR/hs2, alice creates a room and invites
bob, bob joins, alice sends a message, bob reads it through /sync and /messages.
With --outage S it then stops hs2 (scripts/federation.sh stop-one DIR 2), alice
sends a message during the outage, hs2 is started again after S seconds, and bob
must receive that message. Prints the timings; exits non-zero on failure.
Python standard library only (run it with the Synapse venv's python).
"""
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from synapse_register import register  # noqa: E402

PASSWORD = "smoke-password"


def read_env(path: str) -> dict:
    env = {}
    with open(path, encoding="utf8") as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            if key:
                env[key] = value
    return env


class Client:
    def __init__(self, base: str, user: str):
        self.base, self.token, self.since, self.txn = base.rstrip("/"), None, None, 0
        resp = self.call("POST", "/_matrix/client/v3/login", {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": user},
            "password": PASSWORD,
        })
        self.token, self.user_id = resp["access_token"], resp["user_id"]

    def call(self, method: str, path: str, body=None, timeout: float = 30) -> dict:
        req = urllib.request.Request(self.base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
        req.add_header("Content-Type", "application/json")
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as err:
            raise RuntimeError(f"{method} {path}: {err.code} {err.read()[:300]!r}") from None

    def sync(self, timeout_ms: int = 1000) -> dict:
        query = {"timeout": str(timeout_ms)}
        if self.since:
            query["since"] = self.since
        resp = self.call("GET", "/_matrix/client/v3/sync?" + urllib.parse.urlencode(query),
                         timeout=timeout_ms / 1000 + 30)
        self.since = resp["next_batch"]
        return resp

    def send(self, room: str, text: str) -> str:
        self.txn += 1
        path = (f"/_matrix/client/v3/rooms/{urllib.parse.quote(room)}/send/m.room.message/"
                f"smoke{time.time_ns()}{self.txn}")
        return self.call("PUT", path, {"msgtype": "m.text", "body": text})["event_id"]


def wait_for(what: str, deadline_s: float, check):
    """Calls check() (which long-polls) until it returns a true value."""
    start = time.monotonic()
    while time.monotonic() - start < deadline_s:
        result = check()
        if result:
            return result
    raise RuntimeError(f"timed out after {deadline_s:.0f} s waiting for {what}")


def message_in_sync(client: Client, room: str, event_id: str):
    joined = client.sync().get("rooms", {}).get("join", {}).get(room, {})
    return any(e.get("event_id") == event_id for e in joined.get("timeline", {}).get("events", []))


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    fed_dir = sys.argv[1]
    outage = float(sys.argv[sys.argv.index("--outage") + 1]) if "--outage" in sys.argv else None
    hs1, hs2 = (read_env(os.path.join(fed_dir, f"hs{k}", "env")) for k in (1, 2))
    timings = {}
    t0 = time.monotonic()

    def mark(name: str, since: float) -> float:
        now = time.monotonic()
        timings[name] = now - since
        print(f"  {name}: {now - since:.2f} s", flush=True)
        return now

    for hs, user in ((hs1, "alice"), (hs2, "bob")):
        with open(hs["HS_REGISTRATION_SECRET_FILE"], encoding="utf8") as f:
            if register(hs["HS_CLIENT_URL"], f.read().strip(), user, PASSWORD) != 0:
                return 1
    alice, bob = Client(hs1["HS_CLIENT_URL"], "alice"), Client(hs2["HS_CLIENT_URL"], "bob")
    bob.sync(0)  # initial sync: later syncs only see what is new
    t = mark("register+login", t0)

    room = alice.call("POST", "/_matrix/client/v3/createRoom",
                      {"preset": "private_chat", "invite": [bob.user_id], "name": "federation smoke"})["room_id"]
    t = mark("createRoom with remote invite", t)
    wait_for("the invite on hs2", 30, lambda: room in bob.sync().get("rooms", {}).get("invite", {}))
    t = mark("invite seen by bob", t)
    bob.call("POST", f"/_matrix/client/v3/rooms/{urllib.parse.quote(room)}/join", {})
    t = mark("bob joins (remote join)", t)
    bob.sync(0)

    event_id = alice.send(room, "hello over federation")
    wait_for("alice's message at bob", 30, lambda: message_in_sync(bob, room, event_id))
    t = mark("message hs1 -> hs2 (sync)", t)
    msgs = bob.call("GET", f"/_matrix/client/v3/rooms/{urllib.parse.quote(room)}/messages?dir=b&limit=10")
    if not any(e.get("event_id") == event_id for e in msgs.get("chunk", [])):
        raise RuntimeError("message missing from bob's /messages")
    reply = bob.send(room, "hello back")
    wait_for("bob's reply at alice", 30, lambda: message_in_sync(alice, room, reply))
    t = mark("reply hs2 -> hs1 (sync)", t)

    if outage is not None:
        fed = os.path.join(HERE, "federation.sh")
        subprocess.run([fed, "stop-one", fed_dir, "2"], check=True)
        t = mark("stop-one hs2", t)
        during = alice.send(room, "sent while hs2 is down")
        time.sleep(max(0.0, outage - (time.monotonic() - t)))
        t = time.monotonic()
        subprocess.run([fed, "start-one", fed_dir, "2"], check=True)
        t = mark(f"start-one hs2 (after {outage:.0f} s down)", t)
        wait_for("the outage message at bob", 180, lambda: message_in_sync(bob, room, during))
        t = mark("outage message reaches bob after restart", t)
        after = alice.send(room, "sent after hs2 is back")
        wait_for("the post-outage message at bob", 60, lambda: message_in_sync(bob, room, after))
        t = mark("next message hs1 -> hs2", t)

    print(f"federation smoke OK in {time.monotonic() - t0:.2f} s (room {room})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
