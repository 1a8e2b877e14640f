"""iCalendar export of follow-up events, read back with the icalendar package.

On the test kit's toy regime: the export, its UIDs and the command are the core's."""

from __future__ import annotations

import datetime as dt
import os
import stat

import attrs
import pytest
from icalendar import Calendar
from inspectorate.casebook import Casebook
from inspectorate.casefile import read_case_file, write_case_file
from inspectorate.evaluation import schedule
from inspectorate.exchange import UnknownFormat, export_case, export_cases, exporter_for
from inspectorate.files import OutputExists
from inspectorate.plugins import PluginHost
from inspectorate.testing import toy

from tests.support import ROOT, install_fake_plugin

#: Published 2 May 2025: a written plan by 27 May, a review visit 1 to 29 July.
PRIMARY = toy.case("Toy Primary School")
#: Published in January 2026, its written plan done on 20 January.
HIGH = toy.case("Toy High School", published=dt.date(2026, 1, 9), done={"toy-plan": dt.date(2026, 1, 20)})


@pytest.fixture
def host(toy_host):
    return toy_host


@pytest.fixture
def book(tmp_path):
    with Casebook.open(tmp_path / "casebook.sqlite", who="Test Inspector") as casebook:
        for case in (PRIMARY, HIGH):
            casebook.add(case)
        yield casebook


@pytest.fixture
def primary_file(tmp_path, host):
    path = tmp_path / "primary.toml"
    write_case_file(PRIMARY, path, host)
    return path


def _cases(book):
    return [book.get(r.id).case for r in book.list_cases()]


def _events(path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_the_exporter_is_registered_through_the_hooks_and_can_be_left_out(host):
    exporter = exporter_for(host, ROOT / "x.ics")
    assert (exporter.id, exporter.extension, exporter.write_many is not None) == ("icalendar", ".ics", True)
    loaded = PluginHost(environ={"INSPECTORATE_LOAD_PLUGINS": "icalendar"}).load_entry_points()
    assert [p.name for p in loaded.plugins] == ["icalendar"]
    assert exporter_for(loaded, ROOT / "x.ics").id == "icalendar"
    without = PluginHost(environ={"INSPECTORATE_LOAD_PLUGINS": "icalendar",
                                  "INSPECTORATE_DISABLE_PLUGINS": "icalendar"}).load_entry_points()
    with pytest.raises(UnknownFormat, match=r"no exporter writes \.ics"):
        exporter_for(without, ROOT / "x.ics")


def test_windows_are_all_day_spans_and_deadlines_all_day_events(tmp_path, host, book):
    cases = _cases(book)
    export_cases(host, cases, tmp_path / "casebook.ics")
    events = _events(tmp_path / "casebook.ics")
    dated = [(c, e) for c in cases for e in schedule(host, c) if e.earliest or e.latest]
    assert len(events) == len(dated) == len({str(e["uid"]) for e in events.values()})
    by_summary = {str(e["summary"]): e for e in events.values()}
    visit = by_summary["Review visit – Toy Primary School"]
    assert visit.decoded("dtstart") == dt.date(2025, 7, 1)
    assert visit.decoded("dtend") == dt.date(2025, 7, 30)  # the day after the last day of the window
    assert type(visit.decoded("dtstart")) is dt.date  # all day, not a time
    assert toy.SOURCE in str(visit["description"])
    assert "40 to 60 working days after publication of the report" in str(visit["description"])
    plan = by_summary["Done 2026-01-20: Written plan – Toy High School"]
    assert (plan.decoded("dtstart"), plan.decoded("dtend")) == (dt.date(2026, 1, 30), dt.date(2026, 1, 31))
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
    row = next(r for r in book.list_cases() if r.provider == "Toy Primary School")
    export_cases(host, _cases(book), tmp_path / "before.ics")
    stored = book.get(row.id)
    done = attrs.evolve(stored.case.follow_up, done={"toy-review-visit": dt.date(2025, 7, 10)})
    book.update(row.id, attrs.evolve(stored.case, follow_up=done), stored.version)
    export_cases(host, _cases(book), tmp_path / "after.ics")
    before, after = _events(tmp_path / "before.ics"), _events(tmp_path / "after.ics")
    assert set(before) < set(after)  # the visit done dates the letter that follows it: one event more
    added = [str(after[u]["summary"]) for u in set(after) - set(before)]
    assert added == ["Due: Review letter – Toy Primary School"]  # a deadline, ten working days after
    changed = [u for u in before if str(after[u]["summary"]) != str(before[u]["summary"])]
    assert [str(after[u]["summary"]) for u in changed] == ["Done 2025-07-10: Review visit – Toy Primary School"]


def test_one_case_from_a_case_file_keeps_its_uids_and_is_written_owner_only(tmp_path, host, primary_file):
    case = read_case_file(primary_file, host)
    export_case(host, case, tmp_path / "one.ics")
    export_case(host, read_case_file(primary_file, host), tmp_path / "again.ics")
    assert set(_events(tmp_path / "one.ics")) == set(_events(tmp_path / "again.ics"))
    assert len(_events(tmp_path / "one.ics")) == 2
    assert stat.S_IMODE(os.stat(tmp_path / "one.ics").st_mode) == 0o600
    with pytest.raises(OutputExists):
        export_case(host, case, tmp_path / "one.ics")


# -- the command ----------------------------------------------------------------------------------


def test_calendar_command_for_a_casebook_and_for_one_case(toy_cli, tmp_path, host, primary_file):
    casebook = str(tmp_path / "cli.sqlite")
    write_case_file(HIGH, tmp_path / "high.toml", host)
    for path in (primary_file, tmp_path / "high.toml"):
        assert toy_cli("import", "--casebook", casebook, str(path)).returncode == 0
    out = tmp_path / "all.ics"
    first = toy_cli("calendar", "--casebook", casebook, "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"wrote the follow-up events of 2 cases to {out}"
    uids = set(_events(out))
    again = toy_cli("calendar", "--casebook", casebook, "-o", str(out))
    assert again.returncode == 1 and "already exists; add --force to replace it" in again.stderr
    assert toy_cli("calendar", "--casebook", casebook, "-o", str(out), "--force").returncode == 0
    assert set(_events(out)) == uids and len(uids) == 4
    one = toy_cli("calendar", str(primary_file), "-o", str(tmp_path / "one.ics"))
    assert one.returncode == 0 and len(_events(tmp_path / "one.ics")) == 2
    wrong = toy_cli("calendar", str(primary_file), "-o", str(tmp_path / "one.toml"))
    assert wrong.returncode == 2 and "an iCalendar file ends in .ics" in wrong.stderr
    assert not (tmp_path / "one.toml").exists()


def test_calendar_command_says_incomplete_when_a_plugin_fails_or_is_missing(toy_cli, tmp_path, primary_file):
    (tmp_path / "plugins").mkdir()
    install_fake_plugin(tmp_path / "plugins", "local", """
        from inspectorate import hookimpl

        @hookimpl
        def schedule_follow_up(framework, case, calendar):
            raise RuntimeError("local schedule exploded")
    """)
    env = {"PYTHONPATH": str(tmp_path / "plugins")}
    result = toy_cli("calendar", str(primary_file), "-o", str(tmp_path / "one.ics"), env=env)
    assert result.returncode == 3
    assert "incomplete: plugin 'local' failed in schedule_follow_up" in result.stderr
    assert len(_events(tmp_path / "one.ics")) == 2  # the regime's own events are still written
    casebook = tmp_path / "cli.sqlite"
    elsewhere = attrs.evolve(toy.case("Elsewhere College"), regime="elsewhere", framework="elsewhere-2020")
    with Casebook.open(casebook, who="Test Inspector") as book:  # kept from a plugin since removed
        for case in (PRIMARY, HIGH, elsewhere):
            book.add(case)
    lacking = toy_cli("calendar", "--casebook", str(casebook), "-o", str(tmp_path / "all.ics"))
    assert lacking.returncode == 3
    assert "incomplete: Elsewhere College: no loaded plugin provides framework 'elsewhere-2020'" in lacking.stderr
    calendar = Calendar.from_ical((tmp_path / "all.ics").read_bytes())
    assert "Elsewhere College" in str(calendar["x-wr-caldesc"])
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
