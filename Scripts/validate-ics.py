#!/usr/bin/env python3
"""Check `catalog course --format ics` output: RFC 5545 framing and a standard parser.

Usage: validate-ics.py FILE ...   (or `-` for standard input)

Needs `pip install -r Scripts/requirements.txt` (icalendar). Checks the raw text (every line
ends in CRLF, no line longer than 75 octets, folds never split a UTF-8 sequence, no control
character but HTAB, VERSION:2.0 and a PRODID), then parses it with `icalendar` and checks
each VEVENT: a unique UID, DTSTAMP, an all-day DTSTART
(VALUE=DATE), SUMMARY and DESCRIPTION. Exit 0 when every file passes.
"""
import datetime
import sys

import icalendar

import validator_cli  # beside this script


def check(raw):
    problems = []
    if not raw.endswith(b"\r\n"):
        problems.append("the calendar does not end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    if lines[:1] != [b"BEGIN:VCALENDAR"] or b"VERSION:2.0" not in lines or not any(l.startswith(b"PRODID:") for l in lines):
        problems.append("the calendar does not open with BEGIN:VCALENDAR, VERSION:2.0 and a PRODID")
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare LF or CR")
        if any(byte < 32 and byte != 9 or byte == 127 for byte in line.replace(b"\r", b"").replace(b"\n", b"")):
            problems.append(f"line {number}: a control character, which TEXT does not allow (RFC 5545 3.3.11)")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: a fold splits a UTF-8 sequence")
    calendar = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    events = list(calendar.walk("VEVENT"))
    uids = set()
    for index, event in enumerate(events, 1):
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"):
            if key not in event:
                problems.append(f"event {index}: no {key}")
        uid = str(event.get("UID"))
        if uid in uids:
            problems.append(f"event {index}: UID {uid} twice")
        uids.add(uid)
        start = event.decoded("DTSTART") if "DTSTART" in event else None
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            problems.append(f"event {index}: DTSTART is not an all-day date")
    if not events:
        problems.append("no VEVENT")
    return problems, len(events)


def main(paths):
    return validator_cli.run(paths, __doc__.strip().splitlines()[2], read_binary=True, check=check,
                             describe=lambda n: f"valid iCalendar: {n} all-day events")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
