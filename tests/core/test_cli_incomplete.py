"""The command line never gives an all-clear while a plugin's contribution is missing.

The commands run with the test kit's toy regime and a failing plugin installed beside it; only
the comparison, which needs a second regime to compare with, runs on the built-in plugins."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from inspectorate.casefile import write_case_file
from inspectorate.testing import make_host, toy

from tests.support import ROOT, install_fake_plugin

OFSTED_RI = ROOT / "docs" / "examples" / "ofsted-cif-2012-requires-improvement.toml"

FAILING = """
from inspectorate import hookimpl


@hookimpl
def check_case(framework, case):
    raise RuntimeError("local check exploded")


@hookimpl
def schedule_follow_up(framework, case, calendar):
    return "next Tuesday"  # not a list of FollowUpEvent


@hookimpl
def check_report(template, text, case):
    raise RuntimeError("report check exploded")
"""


@pytest.fixture
def failing(tmp_path):
    (tmp_path / "plugins").mkdir()
    install_fake_plugin(tmp_path / "plugins", "local", FAILING)
    return {"PYTHONPATH": str(tmp_path / "plugins")}


@pytest.fixture
def late(tmp_path):
    """A toy case in a toy review whose written plan was sent a week late (due by 27 May 2025)."""
    path = tmp_path / "late.toml"
    write_case_file(toy.case(done={"toy-plan": dt.date(2025, 6, 2)}), path, make_host(toy=toy))
    return path


CHECK = "incomplete: plugin 'local' failed in check_case: RuntimeError: local check exploded"
SCHEDULE = "incomplete: plugin 'local' failed in schedule_follow_up: TypeError: returned str 'next Tuesday', not a list of FollowUpEvent"


def test_evaluate_text_says_incomplete_and_exits_3(toy_cli, failing, late):
    result = toy_cli("evaluate", str(late), env=failing)
    assert result.returncode == 3, result.stderr
    assert CHECK in result.stdout and CHECK in result.stderr
    assert "timing.done-late: Written plan is recorded on 2025-06-02" in result.stdout  # the others' part is kept
    assert "follow-up Toy review [toy-review]" in result.stdout
    assert "nothing to say" not in result.stdout
    assert "Traceback" not in result.stderr


def test_evaluate_json_carries_the_problem_naming_plugin_and_hook(toy_cli, failing, late):
    result = toy_cli("evaluate", str(late), "--json", env=failing)
    assert result.returncode == 3
    data = json.loads(result.stdout)
    # The lateness checks need the schedule too, so its failure leaves the evaluation incomplete as well.
    problems = {(p["plugin"], p["hook"]): p for p in data["problems"]}
    assert set(problems) == {("local", "check_case"), ("local", "schedule_follow_up")}
    assert problems["local", "check_case"]["text"] == CHECK
    assert problems["local", "schedule_follow_up"]["text"] == SCHEDULE
    assert data["follow_up"]["id"] == "toy-review"


def test_tolerating_plugin_errors_exits_0_but_still_says_incomplete(toy_cli, failing, late):
    flag = toy_cli("evaluate", str(late), "--tolerate-plugin-errors", env=failing)
    by_env = toy_cli("evaluate", str(late), env={**failing, "INSPECTORATE_TOLERATE_PLUGIN_ERRORS": "1"})
    for result in (flag, by_env):
        assert result.returncode == 0, result.stderr
        assert CHECK in result.stdout


def test_schedule_with_a_wrong_type_says_incomplete_in_text_and_json(toy_cli, failing, late):
    text = toy_cli("schedule", str(late), "--today", "2025-06-02", env=failing)
    assert text.returncode == 3
    assert SCHEDULE in text.stdout
    assert "No follow-up events." not in text.stdout
    data = json.loads(toy_cli("schedule", str(late), "--json", "--today", "2025-06-02", env=failing).stdout)
    assert [(p["plugin"], p["hook"]) for p in data["problems"]] == [("local", "schedule_follow_up")]
    assert data["events"], "the regime's own events are kept"


def test_report_says_incomplete_on_stderr_and_exits_3(toy_cli, failing, late):
    result = toy_cli("report", str(late), "--template", "toy-report", "--today", "2025-06-02", env=failing)
    assert result.returncode == 3
    assert "incomplete: plugin 'local' failed in check_report: RuntimeError: report check exploded" in result.stderr
    assert result.stdout.startswith("# Toy Primary School: toy inspection report")  # the draft itself is still written


def test_compare_says_incomplete_and_exits_3(cli, failing):
    """Compared with Estyn: the toy is one regime, and a comparison needs another."""
    result = cli("compare", str(OFSTED_RI), "--regimes", "estyn", "--today", "2013-05-20", env=failing)
    assert result.returncode == 3, result.stderr
    assert CHECK in result.stdout
    data = json.loads(cli("compare", str(OFSTED_RI), "--regimes", "estyn", "--json", "--today", "2013-05-20", env=failing).stdout)
    assert ("local", "check_case") in {(p["plugin"], p["hook"]) for p in data["problems"]}


def test_without_a_failing_plugin_nothing_is_incomplete(toy_cli, late):
    result = toy_cli("evaluate", str(late))
    assert result.returncode == 0
    assert "incomplete" not in result.stdout + result.stderr
