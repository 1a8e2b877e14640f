"""The agenda: every open follow-up event across the casebook, overdue first, then by ISO week."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from inspectorate import hookimpl
from inspectorate.agenda import agenda, casebook_agenda
from inspectorate.casebook import Casebook
from inspectorate.casefile import read_case_file
from inspectorate.evaluation import schedule
from inspectorate.plugins import PluginHost

from tests.support import ROOT, install_fake_plugin

EXAMPLES = ROOT / "docs" / "examples"
OFSTED_RI = EXAMPLES / "ofsted-cif-2012-requires-improvement.toml"  # improvement visit, notice, re-inspection
ESTYN_REVIEW = EXAMPLES / "estyn-2024-estyn-review.toml"  # three events done, the interim visit window open
#: A Monday on which the Ofsted case's improvement visit is overdue and its notice due this week.
MONDAY = dt.date(2014, 9, 1)


@pytest.fixture
def host() -> PluginHost:
    return PluginHost(environ={}).load_entry_points()


@pytest.fixture
def book(tmp_path, host):
    with Casebook.open(tmp_path / "casebook.sqlite", who="Test Inspector") as casebook:
        for path in (OFSTED_RI, ESTYN_REVIEW):
            casebook.add(read_case_file(path, host))
        yield casebook


def _ids(items) -> list[tuple[str, str]]:
    return [(item.provider, item.event.id) for item in items]


def test_overdue_first_then_week_by_week_from_monday(host, book):
    found = casebook_agenda(host, book, MONDAY)
    assert _ids(found.overdue) == [("Riverside College", "improvement-visit")]
    weeks = [(w.iso_week, w.monday, _ids(w.items)) for w in found.weeks]
    assert weeks[0] == ("2014-W36", dt.date(2014, 9, 1), [("Riverside College", "re-inspection-notice")])
    assert weeks[1] == ("2014-W37", dt.date(2014, 9, 8), [("Riverside College", "re-inspection")])
    # The Estyn case's interim visit opens in 2026: listed in the week it opens, after.
    assert weeks[-1][0] == "2026-W24" and weeks[-1][2] == [("Ysgol Uwchradd Glannau Wysg", "interim-visit")]
    assert [w.monday.weekday() for w in found.weeks] == [0] * len(found.weeks)
    assert not found.incomplete


def test_statuses_are_those_of_the_case_s_own_schedule(host, book):
    """Due soon and overdue come from the one place the Follow-up tab and the casebook use."""
    found = casebook_agenda(host, book, MONDAY)
    for item in found.items:
        case = book.get(item.case_id).case
        own = {e.id: e.status for e in schedule(host, case, MONDAY)}
        assert item.event.status == own[item.event.id]
    assert {i.event.id: i.event.status for i in found.items if i.provider == "Riverside College"} == {
        "improvement-visit": "overdue", "re-inspection-notice": "due-soon", "re-inspection": "due-soon"}


def test_done_events_and_archived_cases_are_not_listed(host, book):
    found = casebook_agenda(host, book, dt.date(2026, 11, 23))
    estyn = [i.event.id for i in found.items if i.provider == "Ysgol Uwchradd Glannau Wysg"]
    assert estyn == ["interim-visit"]  # its notice, development plan and report are done
    ofsted = next(r for r in book.list_cases() if r.provider == "Riverside College")
    book.archive(ofsted.id, ofsted.version)
    assert [i.provider for i in casebook_agenda(host, book, dt.date(2026, 11, 23)).items] == ["Ysgol Uwchradd Glannau Wysg"]


def test_an_event_marked_done_leaves_the_agenda(host, book):
    row = next(r for r in book.list_cases() if r.provider == "Riverside College")
    stored = book.get(row.id)
    done = attrs.evolve(stored.case.follow_up, done={"improvement-visit": dt.date(2013, 5, 20)})
    book.update(row.id, attrs.evolve(stored.case, follow_up=done), stored.version)
    assert "improvement-visit" not in [i.event.id for i in casebook_agenda(host, book, MONDAY).items]


def test_the_range_limits_what_is_coming_but_never_hides_the_overdue(host, book):
    found = casebook_agenda(host, book, MONDAY, start=dt.date(2014, 9, 5), end=dt.date(2014, 12, 31))
    assert _ids(found.overdue) == [("Riverside College", "improvement-visit")]
    assert [w.iso_week for w in found.weeks] == ["2014-W37"]
    with pytest.raises(ValueError, match="ends"):
        casebook_agenda(host, book, MONDAY, start=dt.date(2015, 1, 1), end=dt.date(2014, 1, 1))


class Failing:
    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        raise RuntimeError("local schedule exploded")


def test_a_case_whose_plugin_failed_is_listed_incomplete_with_what_it_has(host, book):
    host.add(Failing(), "local")
    found = casebook_agenda(host, book, MONDAY)
    assert {c.provider for c in found.incomplete} == {"Riverside College", "Ysgol Uwchradd Glannau Wysg"}
    for case in found.incomplete:
        assert case.reasons == ("incomplete: plugin 'local' failed in schedule_follow_up: RuntimeError: local schedule exploded",)
    assert _ids(found.overdue) == [("Riverside College", "improvement-visit")]  # the others' events are kept


def test_a_case_no_loaded_plugin_can_schedule_is_incomplete_not_missing(book):
    only_estyn = PluginHost(environ={"INSPECTORATE_LOAD_PLUGINS": "estyn"}).load_entry_points()
    cases = [book.get(r.id).case for r in book.list_cases()]
    found = agenda(only_estyn, cases, MONDAY)
    assert [(c.provider, c.framework) for c in found.incomplete] == [("Riverside College", "ofsted-cif-2012")]
    assert "not provided by any loaded plugin" in found.incomplete[0].reasons[0]
    assert {i.provider for i in found.items} == {"Ysgol Uwchradd Glannau Wysg"}


# -- the command ----------------------------------------------------------------------------------


def _imported(cli, tmp_path, *paths) -> str:
    casebook = str(tmp_path / "cli.sqlite")
    for path in paths:
        assert cli("import", "--casebook", casebook, str(path)).returncode == 0
    return casebook


def test_agenda_command_text_and_json(cli, tmp_path):
    casebook = _imported(cli, tmp_path, OFSTED_RI, ESTYN_REVIEW)
    text = cli("agenda", "--casebook", casebook, "--today", MONDAY.isoformat())
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == "Overdue" and "Improvement visit" in lines[1] and "overdue" in lines[1]
    assert "paragraph 10" in lines[2]  # the source
    assert "Week 2014-W36, beginning Monday 2014-09-01" in lines
    data = json.loads(cli("agenda", "--casebook", casebook, "--today", MONDAY.isoformat(), "--json",
                          "--to", "2014-09-07").stdout)
    assert [i["id"] for i in data["overdue"]] == ["improvement-visit"]
    assert [(w["week"], [i["id"] for i in w["items"]]) for w in data["weeks"]] == [("2014-W36", ["re-inspection-notice"])]
    item = data["weeks"][0]["items"][0]
    assert item["provider"] == "Riverside College" and item["status"] == "due-soon" and item["case"]
    assert item["citation"]["quote"].startswith("The provider will receive two working days' notice")
    assert data["incomplete"] == []


def test_agenda_command_says_incomplete_and_exits_3(cli, tmp_path):
    casebook = _imported(cli, tmp_path, OFSTED_RI)
    (tmp_path / "plugins").mkdir()
    install_fake_plugin(tmp_path / "plugins", "local", """
        from inspectorate import hookimpl

        @hookimpl
        def schedule_follow_up(framework, case, calendar):
            raise RuntimeError("local schedule exploded")
    """)
    env = {"PYTHONPATH": str(tmp_path / "plugins")}
    result = cli("agenda", "--casebook", casebook, "--today", MONDAY.isoformat(), env=env)
    assert result.returncode == 3
    assert "Riverside College" in result.stdout.splitlines()[0] and "incomplete: plugin 'local'" in result.stdout
    tolerated = cli("agenda", "--casebook", casebook, "--json", "--tolerate-plugin-errors", env=env)
    assert tolerated.returncode == 0
    assert json.loads(tolerated.stdout)["incomplete"][0]["provider"] == "Riverside College"


def test_agenda_command_refuses_bad_dates(cli, tmp_path):
    casebook = _imported(cli, tmp_path)
    bad = cli("agenda", "--casebook", casebook, "--from", "2027-13-01")
    assert bad.returncode == 2 and "'2027-13-01' is not a date" in bad.stderr and "--from" in bad.stderr
    backwards = cli("agenda", "--casebook", casebook, "--from", "2027-01-01", "--to", "2026-01-01")
    assert backwards.returncode == 2 and "before --from" in backwards.stderr
