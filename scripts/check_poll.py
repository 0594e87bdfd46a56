"""Reads a membership poll the way a Matrix client with polls does (Element
reads MSC3381 events), with matrix-nio: logs in, fetches the room's recent
events and prints, as JSON, what it found: each poll start (question, answer
IDs and labels, kind, fallback text) and each poll end (the start it ends,
its text). Used by tests/membership.rs.

    python scripts/check_poll.py HOMESERVER USER PASSWORD ROOM_ID
"""

import asyncio
import json
import sys

from nio import AsyncClient, RoomMessagesResponse, UnknownEvent

START = ("org.matrix.msc3381.poll.start", "m.poll.start")
END = ("org.matrix.msc3381.poll.end", "m.poll.end")


async def main(homeserver: str, user: str, password: str, room_id: str) -> None:
    client = AsyncClient(homeserver, user)
    try:
        login = await client.login(password)
        assert getattr(login, "access_token", None), f"login failed: {login}"
        response = await client.room_messages(room_id, start="", limit=200)
        assert isinstance(response, RoomMessagesResponse), response
        starts, ends = [], []
        for event in response.chunk:
            # nio has no poll types: they come as UnknownEvent, with the
            # source a client reads them from.
            if not isinstance(event, UnknownEvent):
                continue
            content = event.source.get("content", {})
            if event.type in START:
                block = content.get("org.matrix.msc3381.poll.start") or content.get("m.poll", {})
                question = block.get("question", {})
                starts.append({
                    "event_id": event.event_id,
                    "sender": event.sender,
                    "question": question.get("org.matrix.msc1767.text") or question.get("body"),
                    "kind": block.get("kind"),
                    "max_selections": block.get("max_selections"),
                    "answers": [[a.get("id"), a.get("org.matrix.msc1767.text")] for a in block.get("answers", [])],
                    "fallback": content.get("org.matrix.msc1767.text") or content.get("body"),
                })
            elif event.type in END:
                ends.append({
                    "event_id": event.event_id,
                    "ends": content.get("m.relates_to", {}).get("event_id"),
                    "text": content.get("org.matrix.msc1767.text") or content.get("body"),
                })
        print(json.dumps({"starts": starts, "ends": ends}))
    finally:
        await client.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
