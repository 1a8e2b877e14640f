"""iCalendar export of follow-up events, read back with the icalendar package."""

from __future__ import annotations

import datetime as dt
import os
import stat

import attrs
import pytest
from icalendar import Calendar
from inspectorate.casebook import Casebook
from inspectorate.casefile import read_case_file
from inspectorate.evaluation import schedule
from inspectorate.exchange import UnknownFormat, export_case, export_cases, exporter_for
from inspectorate.files import OutputExists
from inspectorate.plugins import PluginHost

from tests.support import ROOT, install_fake_plugin

EXAMPLES = ROOT / "docs" / "examples"
OFSTED_RI = EXAMPLES / "ofsted-cif-2012-requires-improvement.toml"
ESTYN_REVIEW = EXAMPLES / "estyn-2024-estyn-review.toml"


@pytest.fixture
def host() -> PluginHost:
    return PluginHost(environ={}).load_entry_points()


@pytest.fixture
def book(tmp_path, host):
    with Casebook.open(tmp_path / "casebook.sqlite", who="Test Inspector") as casebook:
        for path in (OFSTED_RI, ESTYN_REVIEW):
            casebook.add(read_case_file(path, host))
        yield casebook


def _cases(book):
    return [book.get(r.id).case for r in book.list_cases()]


def _events(path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_the_exporter_is_registered_through_the_hooks_and_can_be_left_out(host):
    exporter = exporter_for(host, ROOT / "x.ics")
    assert (exporter.id, exporter.extension, exporter.write_many is not None) == ("icalendar", ".ics", True)
    assert "icalendar" in {p.name for p in host.plugins}
    without = PluginHost(environ={"INSPECTORATE_DISABLE_PLUGINS": "icalendar"}).load_entry_points()
    with pytest.raises(UnknownFormat, match=r"no exporter writes \.ics"):
        exporter_for(without, ROOT / "x.ics")


def test_windows_are_all_day_spans_and_deadlines_all_day_events(tmp_path, host, book):
    cases = _cases(book)
    export_cases(host, cases, tmp_path / "casebook.ics")
    events = _events(tmp_path / "casebook.ics")
    dated = [(c, e) for c in cases for e in schedule(host, c) if e.earliest or e.latest]
    assert len(events) == len(dated) == len({str(e["uid"]) for e in events.values()})
    by_summary = {str(e["summary"]): e for e in events.values()}
    visit = by_summary["Improvement visit by the improvement HMI – Riverside College"]
    assert visit.decoded("dtstart") == dt.date(2013, 4, 26)
    assert visit.decoded("dtend") == dt.date(2013, 5, 29)  # the day after the last day of the window
    assert type(visit.decoded("dtstart")) is dt.date  # all day, not a time
    assert "paragraph 10" in str(visit["description"])
    assert "normally between 10 and 30 working days after the publication" in str(visit["description"])
    report = by_summary["Done 2026-07-15: Inspection report published – Ysgol Uwchradd Glannau Wysg"]
    assert (report.decoded("dtstart"), report.decoded("dtend")) == (dt.date(2026, 8, 13), dt.date(2026, 8, 14))
    assert Calendar.from_ical((tmp_path / "casebook.ics").read_bytes())["x-wr-calname"] == "Follow-up: casebook"


def test_two_exports_give_the_same_uids_whatever_the_order_or_the_time(tmp_path, host, book):
    cases = _cases(book)
    export_cases(host, cases, tmp_path / "first.ics")
    export_cases(host, list(reversed(cases)), tmp_path / "second.ics")
    first, second = _events(tmp_path / "first.ics"), _events(tmp_path / "second.ics")
    assert set(first) == set(second)
    assert {u: str(e["summary"]) for u, e in first.items()} == {u: str(e["summary"]) for u, e in second.items()}


def test_a_newer_export_updates_the_same_events(tmp_path, host, book):
    """An event marked done keeps its UID, so a calendar updates it rather than adding another."""
    row = next(r for r in book.list_cases() if r.provider == "Riverside College")
    export_cases(host, _cases(book), tmp_path / "before.ics")
    stored = book.get(row.id)
    done = attrs.evolve(stored.case.follow_up, done={"improvement-visit": dt.date(2013, 5, 20)})
    book.update(row.id, attrs.evolve(stored.case, follow_up=done), stored.version)
    export_cases(host, _cases(book), tmp_path / "after.ics")
    before, after = _events(tmp_path / "before.ics"), _events(tmp_path / "after.ics")
    assert set(before) < set(after)  # the visit done dates the letter that follows it: one event more
    added = [str(after[u]["summary"]) for u in set(after) - set(before)]
    assert len(added) == 1 and "Riverside College" in added[0]
    changed = [u for u in before if str(after[u]["summary"]) != str(before[u]["summary"])]
    assert [str(after[u]["summary"]) for u in changed] == ["Done 2013-05-20: Improvement visit by the improvement HMI – Riverside College"]


def test_one_case_from_a_case_file_keeps_its_uids_and_is_written_owner_only(tmp_path, host):
    case = read_case_file(OFSTED_RI, host)
    export_case(host, case, tmp_path / "one.ics")
    export_case(host, read_case_file(OFSTED_RI, host), tmp_path / "again.ics")
    assert set(_events(tmp_path / "one.ics")) == set(_events(tmp_path / "again.ics"))
    assert len(_events(tmp_path / "one.ics")) == 3
    assert stat.S_IMODE(os.stat(tmp_path / "one.ics").st_mode) == 0o600
    with pytest.raises(OutputExists):
        export_case(host, case, tmp_path / "one.ics")


# -- the command ----------------------------------------------------------------------------------


def test_calendar_command_for_a_casebook_and_for_one_case(cli, tmp_path):
    casebook = str(tmp_path / "cli.sqlite")
    for path in (OFSTED_RI, ESTYN_REVIEW):
        assert cli("import", "--casebook", casebook, str(path)).returncode == 0
    out = tmp_path / "all.ics"
    first = cli("calendar", "--casebook", casebook, "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"wrote the follow-up events of 2 cases to {out}"
    uids = set(_events(out))
    again = cli("calendar", "--casebook", casebook, "-o", str(out))
    assert again.returncode == 1 and "already exists; add --force to replace it" in again.stderr
    assert cli("calendar", "--casebook", casebook, "-o", str(out), "--force").returncode == 0
    assert set(_events(out)) == uids and len(uids) == 7
    one = cli("calendar", str(OFSTED_RI), "-o", str(tmp_path / "one.ics"))
    assert one.returncode == 0 and len(_events(tmp_path / "one.ics")) == 3
    wrong = cli("calendar", str(OFSTED_RI), "-o", str(tmp_path / "one.toml"))
    assert wrong.returncode == 2 and "an iCalendar file ends in .ics" in wrong.stderr
    assert not (tmp_path / "one.toml").exists()


def test_calendar_command_says_incomplete_when_a_plugin_fails_or_is_missing(cli, tmp_path):
    (tmp_path / "plugins").mkdir()
    install_fake_plugin(tmp_path / "plugins", "local", """
        from inspectorate import hookimpl

        @hookimpl
        def schedule_follow_up(framework, case, calendar):
            raise RuntimeError("local schedule exploded")
    """)
    env = {"PYTHONPATH": str(tmp_path / "plugins")}
    result = cli("calendar", str(OFSTED_RI), "-o", str(tmp_path / "one.ics"), env=env)
    assert result.returncode == 3
    assert "incomplete: plugin 'local' failed in schedule_follow_up" in result.stderr
    assert len(_events(tmp_path / "one.ics")) == 3  # the regime's own events are still written
    casebook = str(tmp_path / "cli.sqlite")
    for path in (OFSTED_RI, ESTYN_REVIEW):
        cli("import", "--casebook", casebook, str(path))
    only_estyn = {"INSPECTORATE_LOAD_PLUGINS": "estyn,icalendar"}
    lacking = cli("calendar", "--casebook", casebook, "-o", str(tmp_path / "all.ics"), env=only_estyn)
    assert lacking.returncode == 3
    assert "incomplete: Riverside College: no loaded plugin provides framework 'ofsted-cif-2012'" in lacking.stderr
    calendar = Calendar.from_ical((tmp_path / "all.ics").read_bytes())
    assert "Riverside College" in str(calendar["x-wr-caldesc"])
    assert len(calendar.walk("VEVENT")) == 4


def test_every_event_has_what_rfc_5545_requires_and_a_newer_export_a_higher_sequence(host, book):
    from inspectorate.ics import calendar_for

    cases = _cases(book)
    earlier = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    later = earlier + dt.timedelta(days=1, seconds=5)
    first = calendar_for(host, cases, "casebook", stamp=earlier).to_ical()
    second = calendar_for(host, cases, "casebook", stamp=later).to_ical()
    lines = first.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2:] == [b"END:VCALENDAR", b""]  # CRLF line ends
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    parsed = Calendar.from_ical(first)
    assert (str(parsed["version"]), str(parsed["prodid"])) == ("2.0", "-//inspectorate//follow-up events//EN")
    events = parsed.walk("VEVENT")
    assert events
    for event in events:
        assert event.decoded("dtstamp") == earlier and event.decoded("dtstamp").tzinfo is not None  # required, UTC
        assert event.decoded("last-modified") == earlier
        assert str(event["uid"]).endswith("@inspectorate")
        assert type(event.decoded("dtstart")) is dt.date and event.decoded("dtend") > event.decoded("dtstart")
    again = {str(e["uid"]): e for e in Calendar.from_ical(second).walk("VEVENT")}
    assert set(again) == {str(e["uid"]) for e in events}  # the same events...
    for event in events:
        assert int(again[str(event["uid"])]["sequence"]) > int(event["sequence"]) >= 0  # ... each a newer revision
    assert {int(e["sequence"]) for e in events} == {int((earlier - dt.datetime(2020, 1, 1, tzinfo=dt.UTC)).total_seconds())}
