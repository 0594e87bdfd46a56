#!/usr/bin/env python3
"""Parses a calendar feed with the `icalendar` library and prints, per VEVENT, one JSON
line (UID, SEQUENCE, STATUS, DTSTART and DTEND as ISO UTC, SUMMARY, DESCRIPTION, LOCATION,
URL). Also checks the raw framing: CRLF line ends, no line over 75 octets, valid UTF-8.
Exits 1 if a framing check fails. Usage: check_ics.py FEED.ics
"""
import json
import re
import sys
from datetime import timezone

from icalendar import Calendar


def framing_errors(raw: bytes) -> list:
    errors = []
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"not UTF-8: {e}")
    if not raw.endswith(b"\r\n"):
        errors.append("does not end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if b"\r" in line or b"\n" in line:
            errors.append(f"line {number}: bare CR or LF")
        if len(line) > 75:
            errors.append(f"line {number}: {len(line)} octets")
    return errors


def x_text(component, name):
    """An X- property as TEXT (RFC 5545 3.8.8.2: their default type). icalendar keeps
    unknown properties raw, escapes included, so they are unescaped here."""
    if name not in component:
        return None
    raw = component.decoded(name)
    raw = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


def utc(component, name):
    if name not in component:
        return None
    return component.decoded(name).astimezone(timezone.utc).isoformat()


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def main(path: str) -> int:
    with open(path, "rb") as f:
        raw = f.read()
    errors = framing_errors(raw)
    cal = Calendar.from_ical(raw)
    print(json.dumps({"calendar": x_text(cal, "X-WR-CALNAME"), "method": text(cal, "METHOD")},
                     ensure_ascii=False))
    for event in cal.walk("VEVENT"):
        print(json.dumps({
            "uid": text(event, "UID"),
            "sequence": event.decoded("SEQUENCE") if "SEQUENCE" in event else None,
            "status": text(event, "STATUS"),
            "dtstart": utc(event, "DTSTART"),
            "dtend": utc(event, "DTEND"),
            "summary": text(event, "SUMMARY"),
            "description": text(event, "DESCRIPTION"),
            "location": text(event, "LOCATION"),
            "url": text(event, "URL"),
        }, ensure_ascii=False))
    for error in errors:
        print("FRAMING ERROR:", error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
