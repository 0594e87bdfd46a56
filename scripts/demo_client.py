#!/usr/bin/env python3
"""A real third-party Matrix client (matrix-nio) talking to peerlink.

Logs in as an admin, creates a room, invites the bot, waits until it joins,
sends `!ping` (and any other commands given) and prints each answer with
its round-trip time. Exits non-zero if the bot does not answer in time.

Usage:
  demo_client.py HOMESERVER ADMIN_USER ADMIN_PASSWORD BOT_USER [COMMAND ...]

Example:
  .local/synapse-venv/bin/python scripts/demo_client.py \
      http://127.0.0.1:8008 @admin:localhost PASSWORD @peerlink:localhost '!ping' '!help'
"""
import asyncio
import sys
import time

from nio import AsyncClient, RoomMessageNotice, RoomCreateResponse, JoinedMembersResponse

TIMEOUT = 20.0


async def wait_for_join(client: AsyncClient, room_id: str, bot: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < TIMEOUT:
        resp = await client.joined_members(room_id)
        if isinstance(resp, JoinedMembersResponse) and any(m.user_id == bot for m in resp.members):
            return time.monotonic() - start
        await asyncio.sleep(0.1)
    raise SystemExit(f"the bot {bot} did not join within {TIMEOUT:.0f} s (is it running, "
                     f"and is the inviter listed in bot.admins?)")


async def ask(client: AsyncClient, room_id: str, bot: str, command: str) -> None:
    answers: asyncio.Queue = asyncio.Queue()

    async def on_notice(room, event):
        if room.room_id == room_id and event.sender == bot:
            await answers.put(event)

    client.add_event_callback(on_notice, RoomMessageNotice)
    sync = asyncio.create_task(client.sync_forever(timeout=30000))
    start = time.monotonic()
    await client.room_send(room_id, "m.room.message", {"msgtype": "m.text", "body": command})
    try:
        event = await asyncio.wait_for(answers.get(), TIMEOUT)
    except asyncio.TimeoutError:
        raise SystemExit(f"no answer to {command!r} within {TIMEOUT:.0f} s")
    finally:
        sync.cancel()
        client.event_callbacks.clear()
    elapsed_ms = (time.monotonic() - start) * 1000
    print(f"{command} -> answered in {elapsed_ms:.0f} ms:")
    print("  body: " + event.body.replace("\n", "\n        "))
    print(f"  formatted_body: {event.formatted_body}")


async def main() -> int:
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    homeserver, user, password, bot = sys.argv[1:5]
    commands = sys.argv[5:] or ["!ping"]
    client = AsyncClient(homeserver, user)
    try:
        login = await client.login(password, device_name="peerlink demo client")
        if not hasattr(login, "access_token"):
            print(f"login failed: {login}", file=sys.stderr)
            return 1
        await client.sync(timeout=0)
        created = await client.room_create(name="peerlink demo", invite=[bot])
        if not isinstance(created, RoomCreateResponse):
            print(f"room creation failed: {created}", file=sys.stderr)
            return 1
        joined_in = await wait_for_join(client, created.room_id, bot)
        print(f"{bot} joined {created.room_id} {joined_in * 1000:.0f} ms after the invitation")
        await client.sync(timeout=0)
        for command in commands:
            await ask(client, created.room_id, bot, command)
    finally:
        await client.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
