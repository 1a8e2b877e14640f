"""The agenda: every open follow-up event across the casebook, overdue first, then by ISO week.

On the test kit's toy regime: the ordering, statuses and the command are the core's, whatever
the regime."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from inspectorate import hookimpl
from inspectorate.agenda import agenda, casebook_agenda
from inspectorate.casebook import Casebook
from inspectorate.casefile import write_case_file
from inspectorate.evaluation import schedule
from inspectorate.testing import make_host, toy

from tests.support import install_fake_plugin

#: A Monday on which the primary school's written plan is overdue and the nursery's due this week.
MONDAY = dt.date(2025, 6, 30)
#: Published 2 May 2025: its plan was due by 27 May, its review visit falls 1 to 29 July.
PRIMARY = toy.case("Toy Primary School")
#: Published 13 June 2025: its plan is due by Friday 4 July, its review visit from 11 August.
NURSERY = toy.case("Toy Nursery", published=dt.date(2025, 6, 13))
#: Published in January 2026, its plan done: only the review visit (from 6 March 2026) is open.
HIGH = toy.case("Toy High School", published=dt.date(2026, 1, 9), done={"toy-plan": dt.date(2026, 1, 20)})


@pytest.fixture
def host(toy_host):
    return toy_host


@pytest.fixture
def book(tmp_path):
    with Casebook.open(tmp_path / "casebook.sqlite", who="Test Inspector") as casebook:
        for case in (PRIMARY, NURSERY, HIGH):
            casebook.add(case)
        yield casebook


def _ids(items) -> list[tuple[str, str]]:
    return [(item.provider, item.event.id) for item in items]


def test_overdue_first_then_week_by_week_from_monday(host, book):
    found = casebook_agenda(host, book, MONDAY)
    assert _ids(found.overdue) == [("Toy Primary School", "toy-plan")]
    weeks = [(w.iso_week, w.monday, _ids(w.items)) for w in found.weeks]
    assert weeks[0] == ("2025-W27", dt.date(2025, 6, 30),
                        [("Toy Primary School", "toy-review-visit"), ("Toy Nursery", "toy-plan")])
    # The 40th working day after 13 June is 11 August: Scotland's August bank holiday is not counted.
    assert weeks[1] == ("2025-W33", dt.date(2025, 8, 11), [("Toy Nursery", "toy-review-visit")])
    # The high school's review visit opens in 2026: listed in the week it opens, after.
    assert weeks[-1][0] == "2026-W10" and weeks[-1][2] == [("Toy High School", "toy-review-visit")]
    assert [w.monday.weekday() for w in found.weeks] == [0] * len(found.weeks)
    assert not found.incomplete


def test_statuses_are_those_of_the_case_s_own_schedule(host, book):
    """Due soon and overdue come from the one place the Follow-up tab and the casebook use."""
    found = casebook_agenda(host, book, MONDAY)
    for item in found.items:
        case = book.get(item.case_id).case
        own = {e.id: e.status for e in schedule(host, case, MONDAY)}
        assert item.event.status == own[item.event.id]
    assert {(i.provider, i.event.id): i.event.status for i in found.items if i.event.id == "toy-plan"} == {
        ("Toy Primary School", "toy-plan"): "overdue", ("Toy Nursery", "toy-plan"): "due-soon"}
    assert {i.event.status for i in found.items if i.event.id == "toy-review-visit"} == {"upcoming"}


def test_done_events_and_archived_cases_are_not_listed(host, book):
    found = casebook_agenda(host, book, dt.date(2026, 11, 23))
    high = [i.event.id for i in found.items if i.provider == "Toy High School"]
    assert high == ["toy-review-visit"]  # its written plan is done
    for name in ("Toy Primary School", "Toy Nursery"):
        row = next(r for r in book.list_cases() if r.provider == name)
        book.archive(row.id, row.version)
    assert [i.provider for i in casebook_agenda(host, book, dt.date(2026, 11, 23)).items] == ["Toy High School"]


def test_an_event_marked_done_leaves_the_agenda(host, book):
    row = next(r for r in book.list_cases() if r.provider == "Toy Primary School")
    stored = book.get(row.id)
    done = attrs.evolve(stored.case.follow_up, done={"toy-plan": dt.date(2025, 6, 20)})
    book.update(row.id, attrs.evolve(stored.case, follow_up=done), stored.version)
    assert ("Toy Primary School", "toy-plan") not in _ids(casebook_agenda(host, book, MONDAY).items)
    assert ("Toy Nursery", "toy-plan") in _ids(casebook_agenda(host, book, MONDAY).items)


def test_the_range_limits_what_is_coming_but_never_hides_the_overdue(host, book):
    found = casebook_agenda(host, book, MONDAY, start=dt.date(2025, 7, 7), end=dt.date(2025, 12, 31))
    assert _ids(found.overdue) == [("Toy Primary School", "toy-plan")]
    assert [w.iso_week for w in found.weeks] == ["2025-W33"]
    with pytest.raises(ValueError, match="ends"):
        casebook_agenda(host, book, MONDAY, start=dt.date(2026, 1, 1), end=dt.date(2025, 1, 1))


class Failing:
    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        raise RuntimeError("local schedule exploded")


def test_a_case_whose_plugin_failed_is_listed_incomplete_with_what_it_has(book):
    tolerant = make_host(toy=toy, local=Failing(), strict=False)
    found = casebook_agenda(tolerant, book, MONDAY)
    assert {c.provider for c in found.incomplete} == {"Toy Primary School", "Toy Nursery", "Toy High School"}
    for case in found.incomplete:
        assert case.reasons == ("incomplete: plugin 'local' failed in schedule_follow_up: RuntimeError: local schedule exploded",)
    assert _ids(found.overdue) == [("Toy Primary School", "toy-plan")]  # the others' events are kept


def test_a_case_no_loaded_plugin_can_schedule_is_incomplete_not_missing(host, book):
    elsewhere = attrs.evolve(toy.case("Elsewhere College"), regime="elsewhere", framework="elsewhere-2020")
    cases = [book.get(r.id).case for r in book.list_cases()] + [elsewhere]
    found = agenda(host, cases, MONDAY)
    assert [(c.provider, c.framework) for c in found.incomplete] == [("Elsewhere College", "elsewhere-2020")]
    assert "not provided by any loaded plugin" in found.incomplete[0].reasons[0]
    assert {i.provider for i in found.items} == {"Toy Primary School", "Toy Nursery", "Toy High School"}


# -- the command ----------------------------------------------------------------------------------


def _imported(cli, tmp_path, *cases) -> str:
    casebook = str(tmp_path / "cli.sqlite")
    for n, case in enumerate(cases):
        path = tmp_path / f"case-{n}.toml"
        write_case_file(case, path, make_host(toy=toy))
        assert cli("import", "--casebook", casebook, str(path)).returncode == 0
    return casebook


def test_agenda_command_text_and_json(toy_cli, tmp_path):
    casebook = _imported(toy_cli, tmp_path, PRIMARY, NURSERY, HIGH)
    text = toy_cli("agenda", "--casebook", casebook, "--today", MONDAY.isoformat())
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == "Overdue" and "Written plan" in lines[1] and "overdue" in lines[1]
    assert toy.SOURCE in lines[2]  # the source
    assert "Week 2025-W27, beginning Monday 2025-06-30" in lines
    data = json.loads(toy_cli("agenda", "--casebook", casebook, "--today", MONDAY.isoformat(), "--json",
                              "--to", "2025-07-06").stdout)
    assert [i["id"] for i in data["overdue"]] == ["toy-plan"]
    assert [(w["week"], [i["id"] for i in w["items"]]) for w in data["weeks"]] == [
        ("2025-W27", ["toy-review-visit", "toy-plan"])]
    item = data["weeks"][0]["items"][1]
    assert item["provider"] == "Toy Nursery" and item["status"] == "due-soon" and item["case"]
    assert item["citation"]["quote"] == toy.PLAN_RULE.quote
    assert data["incomplete"] == []


def test_agenda_command_says_incomplete_and_exits_3(toy_cli, tmp_path):
    casebook = _imported(toy_cli, tmp_path, PRIMARY)
    (tmp_path / "plugins").mkdir()
    install_fake_plugin(tmp_path / "plugins", "local", """
        from inspectorate import hookimpl

        @hookimpl
        def schedule_follow_up(framework, case, calendar):
            raise RuntimeError("local schedule exploded")
    """)
    env = {"PYTHONPATH": str(tmp_path / "plugins")}
    result = toy_cli("agenda", "--casebook", casebook, "--today", MONDAY.isoformat(), env=env)
    assert result.returncode == 3
    assert "Toy Primary School" in result.stdout.splitlines()[0] and "incomplete: plugin 'local'" in result.stdout
    tolerated = toy_cli("agenda", "--casebook", casebook, "--json", "--tolerate-plugin-errors", env=env)
    assert tolerated.returncode == 0
    assert json.loads(tolerated.stdout)["incomplete"][0]["provider"] == "Toy Primary School"


def test_agenda_command_refuses_bad_dates(toy_cli, tmp_path):
    casebook = _imported(toy_cli, tmp_path)
    bad = toy_cli("agenda", "--casebook", casebook, "--from", "2027-13-01")
    assert bad.returncode == 2 and "'2027-13-01' is not a date" in bad.stderr and "--from" in bad.stderr
    backwards = toy_cli("agenda", "--casebook", casebook, "--from", "2027-01-01", "--to", "2026-01-01")
    assert backwards.returncode == 2 and "before --from" in backwards.stderr
