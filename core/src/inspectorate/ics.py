"""Follow-up events as an iCalendar file (.ics): one case's, or a whole casebook's.

Registered like any plugin's format, through ``register_exporters`` (the host adds it with the
built-in plugins), so a calendar is written by the same rules as every export. Each event's UID
is derived from its case and its event id only, never from the time or the order of the export:
importing a newer export into a calendar updates the events already there instead of adding them
again; each export's events carry a SEQUENCE that grows with the time of the export (and
LAST-MODIFIED, that time), since a calendar takes an event of a known UID as an update only when
its SEQUENCE is not lower than the one it holds. Windows are all-day spans (DTEND is the day after the last, as RFC 5545 counts it),
deadlines all-day events on their day, and the description quotes the sentence of guidance the
date comes from. Events with no date yet cannot go in a calendar and are left out; a case whose
framework no loaded plugin provides is named in the calendar's description as missing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Sequence
from pathlib import Path

from inspectorate import hookimpl
from inspectorate.model import Case, FollowUpEvent
from inspectorate.wording import window_text

PRODID = "-//inspectorate//follow-up events//EN"
#: The namespace every event's UID is made in (uuid5): fixed, so the same event always gets the same UID.
UID_NAMESPACE = uuid.UUID("6f0c6a52-3b8e-5a3e-9a57-2f1d7c3e4b10")
ONE_DAY = dt.timedelta(days=1)
#: SEQUENCE counts seconds from here: a newer export always has the higher one, within the
#: 32-bit INTEGER RFC 5545 allows until 2088.
SEQUENCE_FROM = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def sequence_at(stamp: dt.datetime) -> int:
    """The SEQUENCE of every event exported at ``stamp``."""
    return int((stamp - SEQUENCE_FROM).total_seconds())


def case_key(case: Case) -> str:
    """What identifies the case across exports: its casebook id, or for a case file not in a
    casebook, its provider, identifiers, framework and start date."""
    if case.id:
        return case.id
    ids = ",".join(f"{k}={v}" for k, v in sorted(case.provider.identifiers.items()))
    made_of = f"{case.provider.name}|{ids}|{case.framework}|{case.dates.start}"
    return "file-" + hashlib.sha256(made_of.encode("utf-8")).hexdigest()[:20]


def event_uid(case: Case, event_id: str) -> str:
    return f"{uuid.uuid5(UID_NAMESPACE, f'{case_key(case)}/{event_id}')}@inspectorate"


def _summary(case: Case, event: FollowUpEvent) -> str:
    done = f"Done {event.done_on.isoformat()}: " if event.status == "done" and event.done_on else ""
    due = "Due: " if event.earliest is None and not done else ""
    return f"{done}{due}{event.title} – {case.provider.name}"


def _description(case: Case, event: FollowUpEvent) -> str:
    lines = [
        f"{case.provider.name} ({case.framework})",
        f"When: {window_text(event)}" + (" (statutory)" if event.statutory else ""),
        f"{event.basis}; from {event.anchor.name} {event.anchor.when()}",
        f"Source: {event.citation}",
    ]
    if event.status == "done" and event.done_on:
        lines.append(f"Done on {event.done_on.isoformat()}")
    return "\n".join(lines)


def _vevent(case: Case, event: FollowUpEvent, stamp: dt.datetime):
    from icalendar import Event

    first = event.earliest or event.latest
    last = event.latest or event.earliest
    assert first is not None and last is not None  # calendar_for passes only dated events
    vevent = Event()
    vevent.add("uid", event_uid(case, event.id))
    vevent.add("dtstamp", stamp)  # required: when this calendar object was made (UTC)
    vevent.add("last-modified", stamp)
    vevent.add("sequence", sequence_at(stamp))
    vevent.add("dtstart", first)  # a date, not a datetime: an all-day event
    vevent.add("dtend", last + ONE_DAY)  # exclusive
    vevent.add("summary", _summary(case, event))
    vevent.add("description", _description(case, event))
    vevent.add("categories", ["follow-up", case.regime])
    vevent.add("transp", "TRANSPARENT")  # a deadline does not make the day busy
    return vevent


def calendar_for(host, cases: Sequence[Case], name: str, today: dt.date | None = None, stamp: dt.datetime | None = None):
    """An ``icalendar.Calendar`` of every dated follow-up event of ``cases``."""
    from icalendar import Calendar

    from inspectorate.evaluation import UnknownFramework, schedule

    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    missing = []
    for case in cases:
        try:
            events = schedule(host, case, today)
        except UnknownFramework as error:
            missing.append(f"incomplete: {case.provider.name}: {error}")
            continue
        for event in events:
            if event.earliest or event.latest:
                calendar.add_component(_vevent(case, event, stamp))
    if missing:
        calendar.add("x-wr-caldesc", "\n".join(missing))
    return calendar


class CalendarFeed:
    """The .ics exporter, for the host to register among the built-in plugins."""

    def __init__(self, host):
        self.host = host

    def write(self, case: Case, path: Path) -> None:
        path.write_bytes(calendar_for(self.host, [case], f"Follow-up: {case.provider.name}").to_ical())

    def write_many(self, cases: Sequence[Case], path: Path) -> None:
        path.write_bytes(calendar_for(self.host, cases, "Follow-up: casebook").to_ical())

    @hookimpl
    def register_exporters(self, register):
        from inspectorate.exchange import Exporter

        register(Exporter(id="icalendar", name="iCalendar follow-up events", extension=".ics",
                          write=self.write, write_many=self.write_many))
