#!/usr/bin/env python3
"""Check `catalog course --format ics` output: RFC 5545 framing and three independent readers.

Usage: validate-ics.py FILE ...   (or `-` for standard input)

Needs `pip install -r Scripts/requirements.txt` (icalendar, vobject). Checks the raw text (every
line ends in CRLF, no line longer than 75 octets, folds never split a UTF-8 sequence, no control
character but HTAB, VERSION:2.0 and a PRODID), then parses it with `icalendar` and checks
each VEVENT: a unique UID, DTSTAMP, an all-day DTSTART
(VALUE=DATE), SUMMARY and DESCRIPTION; then reads it with `vobject` with validation on (its
own checks of required and single-valued properties) and compares the events it finds; then,
where the `calcurse` program is installed (Debian: calcurse), imports it with `calcurse -i`
into a scratch data (-D) and configuration (-C) folder and requires every event imported and
none skipped. Exit 0 when every file passes.
"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

import icalendar
import vobject

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
    problems += check_vobject(raw, uids)
    # calcurse keeps one line per item and refuses a SUMMARY with a line break, which RFC 5545
    # allows (`\n`): those events are expected to be skipped, and said so.
    multiline = sum("\n" in str(event.get("SUMMARY", "")) for event in events)
    problems += check_calcurse(raw, len(events), multiline)
    return problems, len(events)


def check_vobject(raw, uids):
    """vobject, validating: one calendar whose events have the UIDs icalendar found."""
    calendars = list(vobject.readComponents(raw.decode("utf-8"), validate=True))
    if len(calendars) != 1:
        return [f"vobject reads {len(calendars)} calendars, not 1"]
    found = {str(event.uid.value) for event in getattr(calendars[0], "vevent_list", [])}
    return [] if found == uids else [f"vobject finds the events {sorted(found ^ uids)} that icalendar does not, or misses them"]


REPORT = re.compile(rb"(\d+) apps? / (\d+) events? / (\d+) todos? / (\d+) skipped")


def check_calcurse(raw, count, multiline):
    """calcurse -i into a scratch folder: every event imported as an all-day event, none
    skipped but the `multiline` ones whose SUMMARY has a line break, which calcurse refuses
    (noted on standard error). Skipped, with a note, where calcurse is not installed."""
    if shutil.which("calcurse") is None:
        if not getattr(check_calcurse, "warned", False):
            print("note: calcurse not installed: the calcurse import check is skipped", file=sys.stderr)
            check_calcurse.warned = True
        return []
    with tempfile.TemporaryDirectory() as scratch:
        data, config = os.path.join(scratch, "data"), os.path.join(scratch, "config")
        os.makedirs(data)
        os.makedirs(config)
        path = os.path.join(scratch, "course.ics")
        with open(path, "wb") as file:
            file.write(raw)
        # TMPDIR: calcurse writes its log of skipped items there.
        run = subprocess.run(["calcurse", "-D", data, "-C", config, "-i", path], stdin=subprocess.DEVNULL,
                             capture_output=True, timeout=60, env=dict(os.environ, TMPDIR=scratch))
        report = REPORT.search(run.stdout)
        # It exits 1 when it skipped something; what was skipped is checked below.
        if run.returncode not in (0, 1) or report is None:
            return [f"calcurse -i failed ({run.returncode}): {(run.stdout + run.stderr).decode(errors='replace').strip()}"]
        apps, imported, todos, skipped = map(int, report.groups())
        if skipped != multiline or apps or todos or imported != count - multiline:
            return [f"calcurse imported {apps} appointments, {imported} events, {todos} todos and skipped {skipped}, "
                    f"not {count - multiline} all-day events and {multiline} with a line break in the summary"]
        if multiline:
            print(f"note: calcurse skipped {multiline} events whose SUMMARY has a line break (its one-line format "
                  "cannot hold it; RFC 5545 allows it)", file=sys.stderr)
    return []


def main(paths):
    return validator_cli.run(paths, __doc__.strip().splitlines()[2], read_binary=True, check=check,
                             describe=lambda n: f"valid iCalendar: {n} all-day events (icalendar, vobject"
                             + (", calcurse)" if shutil.which("calcurse") else ")"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
