#!/usr/bin/env python3
"""The demo tour: real Matrix clients (matrix-nio) play the demo delegates of
scripts/run.sh and take one cooperation request through its whole life,
printing each step: France (a member) files it in the plenary, its card
reaches the Executive Committee room, Portugal and Paraguay (committee)
acknowledge, accept, start and resolve it in the card's thread, and France
receives a notice at each step and reads the outcome with !status.

Run it while scripts/run.sh is running (it reads the demo password from
.local/dev/credentials, or from the folder in PEERLINK_DEV_DIR):

  .local/synapse-venv/bin/python scripts/demo_tour.py [HOMESERVER]

HOMESERVER defaults to http://127.0.0.1:${PEERLINK_DEV_PORT:-8008}. Exits
non-zero, saying which step, if the bot does not answer in time.
"""
import asyncio
import os
import re
import sys
import time
from pathlib import Path

from nio import AsyncClient, RoomMessageNotice, RoomMessageText

ROOT = Path(__file__).resolve().parent.parent
BOT = "@peerlink:localhost"
STEP_TIMEOUT = 30.0
SETUP_TIMEOUT = 120.0


def demo_password() -> str:
    dev = Path(os.environ.get("PEERLINK_DEV_DIR", ROOT / ".local" / "dev"))
    path = dev / "credentials"
    for line in path.read_text().splitlines():
        if line.startswith("DEMO_PASSWORD="):
            return line.split("=", 1)[1]
    raise SystemExit(f"no DEMO_PASSWORD in {path}: start the demo with scripts/run.sh first")


class Delegate:
    """One demo delegate's client, collecting the bot's messages."""

    def __init__(self, homeserver: str, who: str):
        self.name = who
        self.client = AsyncClient(homeserver, f"@demo-{who}:localhost")
        self.seen: list[tuple[str, dict]] = []  # (room, event source)

    async def start(self, password: str) -> None:
        login = await self.client.login(password, device_name="peerlink demo tour")
        if not hasattr(login, "access_token"):
            raise SystemExit(f"{self.name}: login failed: {login}")

        async def collect(room, event):
            if event.sender == BOT:
                self.seen.append((room.room_id, event.source))

        self.client.add_event_callback(collect, (RoomMessageNotice, RoomMessageText))
        await self.client.sync(timeout=0)

    async def room(self, suffix: str) -> str:
        """The room whose name ends with `suffix`, once invited and joined."""
        deadline = time.monotonic() + SETUP_TIMEOUT
        while time.monotonic() < deadline:
            for room_id in list(self.client.invited_rooms):
                await self.client.join(room_id)
            for room in self.client.rooms.values():
                if (room.name or room.display_name or "").endswith(suffix):
                    return room.room_id
            await self.client.sync(timeout=1000)
        raise SystemExit(f"{self.name}: not invited to a room named '…{suffix}' within "
                         f"{SETUP_TIMEOUT:.0f} s (is scripts/run.sh running and done provisioning?)")

    async def send(self, room_id: str, body: str, thread: str | None = None) -> str:
        content = {"msgtype": "m.text", "body": body}
        if thread:
            content["m.relates_to"] = {"rel_type": "m.thread", "event_id": thread,
                                       "is_falling_back": True, "m.in_reply_to": {"event_id": thread}}
        response = await self.client.room_send(room_id, "m.room.message", content)
        if not hasattr(response, "event_id"):
            raise SystemExit(f"{self.name}: sending {body!r} failed: {response}")
        return response.event_id

    async def wait(self, what: str, match) -> dict:
        """The first bot message (event source) for which `match` holds."""
        deadline = time.monotonic() + STEP_TIMEOUT
        while time.monotonic() < deadline:
            for room_id, source in self.seen:
                if match(room_id, source):
                    return source
            await self.client.sync(timeout=1000)
        raise SystemExit(f"{self.name}: no {what} within {STEP_TIMEOUT:.0f} s")

    async def reply_to(self, room_id: str, event_id: str) -> dict:
        def match(room, source):
            relation = source["content"].get("m.relates_to", {})
            return room == room_id and relation.get("m.in_reply_to", {}).get("event_id") == event_id
        return await self.wait(f"answer to {event_id}", match)

    def thread(self, room_id: str, root: str) -> list[dict]:
        return [s for r, s in self.seen if r == room_id
                and s["content"].get("m.relates_to", {}).get("rel_type") == "m.thread"
                and s["content"]["m.relates_to"].get("event_id") == root]

    async def nth_in_thread(self, room_id: str, root: str, n: int) -> dict:
        await self.wait(f"notice {n} in the request's thread",
                        lambda _r, _s: len(self.thread(room_id, root)) >= n)
        return self.thread(room_id, root)[n - 1]


def show(step: str, who: str, source: dict) -> None:
    body = source["content"]["body"].replace("\n", "\n      ")
    print(f"\n[{step}] {who} reads:\n      {body}", flush=True)


async def tour(homeserver: str) -> None:
    password = demo_password()
    fr, pt, py = (Delegate(homeserver, w) for w in ("fr", "pt", "py"))
    for d in (fr, pt, py):
        await d.start(password)
    plenary = await fr.room(" — Plenary")
    committee = await pt.room(" — Executive Committee")
    await py.room(" — Executive Committee")
    print(f"France's delegate is in the plenary ({plenary}); Portugal's and Paraguay's "
          f"in the Executive Committee room ({committee}).", flush=True)

    print("\n[1] France files a request in the plenary:\n      !request technical-cooperation "
          "Training on recommendation tracking", flush=True)
    filed = await fr.send(plenary, "!request technical-cooperation Training on recommendation "
                                   "tracking\nOur mechanism would like two days of training on "
                                   "a recommendation tracking database, in French.")
    answer = await fr.nth_in_thread(plenary, filed, 1)
    show("1", "France", answer)
    number = re.search(r"#(\d+)", answer["content"]["body"]).group(1)

    card = await pt.wait(f"card of request #{number}", lambda room, s: room == committee
                         and f"Request #{number} ·" in s["content"]["body"]
                         and "m.relates_to" not in s["content"])
    show("2", "the committee (the card)", card)
    card_id = card["event_id"]

    steps = [
        ("3", pt, "Portugal", "!ack"),
        ("4", py, "Paraguay", "!accept PT"),
        ("5", pt, "Portugal", "!start"),
        ("6", pt, "Portugal", "!resolve delivered Two workshops held in Rabat\n"
                              "Start with the ministries that own the recommendations"),
    ]
    for i, (step, delegate, name, command) in enumerate(steps, start=2):
        print(f"\n[{step}] {name} replies in the card's thread: {command.splitlines()[0]}", flush=True)
        sent = await delegate.send(committee, command, thread=card_id)
        show(step, name, await delegate.reply_to(committee, sent))
        show(step, "France (notice)", await fr.nth_in_thread(plenary, filed, i))

    print(f"\n[7] France asks: !status {number}", flush=True)
    status = await fr.send(plenary, f"!status {number}")
    show("7", "France", await fr.reply_to(plenary, status))

    # The network's memory: the outcome is found, and Portugal is named as
    # the state that has done this before.
    for step, command, expected in [
        ("8", "!search workshops", f"#{number}"),
        ("9", "!experts technical-cooperation", "Portugal"),
        ("10", f"!tag {number} --sdg 16.6 --theme nmirf", "16.6"),
    ]:
        print(f"\n[{step}] France asks: {command}", flush=True)
        sent = await fr.send(plenary, command)
        answer = await fr.reply_to(plenary, sent)
        show(step, "France", answer)
        if expected not in answer["content"]["body"]:
            raise SystemExit(f"[{step}] the answer to {command!r} lacks {expected!r}")
    print("\nThe tour is complete: filed, carded, acknowledged, accepted, started and "
          "resolved, with every notice, then found in the memory. Open the dashboard link run.sh printed to see it "
          "in the outcomes register.", flush=True)
    for d in (fr, pt, py):
        await d.client.close()


def main() -> int:
    port = os.environ.get("PEERLINK_DEV_PORT", "8008")
    homeserver = sys.argv[1] if len(sys.argv) > 1 else f"http://127.0.0.1:{port}"
    asyncio.run(tour(homeserver))
    return 0


if __name__ == "__main__":
    sys.exit(main())
