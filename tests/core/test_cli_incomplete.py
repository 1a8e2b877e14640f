"""The command line never gives an all-clear while a plugin's contribution is missing."""

from __future__ import annotations

import json

import pytest

from tests.support import ROOT, install_fake_plugin

EXAMPLES = ROOT / "docs" / "examples"
OFSTED_RI = EXAMPLES / "ofsted-cif-2012-requires-improvement.toml"
ESTYN_EXCELLENT = EXAMPLES / "estyn-cif-2010-excellent-school.toml"

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
    install_fake_plugin(tmp_path, "local", FAILING)
    return {"PYTHONPATH": str(tmp_path)}


CHECK = "incomplete: plugin 'local' failed in check_case: RuntimeError: local check exploded"
SCHEDULE = "incomplete: plugin 'local' failed in schedule_follow_up: TypeError: returned str 'next Tuesday', not a list of FollowUpEvent"


def test_evaluate_text_says_incomplete_and_exits_3(cli, failing):
    result = cli("evaluate", str(ESTYN_EXCELLENT), env=failing)
    assert result.returncode == 3, result.stderr
    assert CHECK in result.stdout and CHECK in result.stderr
    assert "estyn-2010.excellent-needs-sector-leading-practice" in result.stdout  # the others' part is kept
    assert "nothing to say" not in result.stdout
    assert "Traceback" not in result.stderr


def test_evaluate_json_carries_the_problem_naming_plugin_and_hook(cli, failing):
    result = cli("evaluate", str(OFSTED_RI), "--json", env=failing)
    assert result.returncode == 3
    data = json.loads(result.stdout)
    # The lateness checks need the schedule too, so its failure leaves the evaluation incomplete as well.
    problems = {(p["plugin"], p["hook"]): p for p in data["problems"]}
    assert set(problems) == {("local", "check_case"), ("local", "schedule_follow_up")}
    assert problems["local", "check_case"]["text"] == CHECK
    assert problems["local", "schedule_follow_up"]["text"] == SCHEDULE
    assert data["follow_up"]["id"] == "requires-improvement-support"


def test_tolerating_plugin_errors_exits_0_but_still_says_incomplete(cli, failing):
    flag = cli("evaluate", str(OFSTED_RI), "--tolerate-plugin-errors", env=failing)
    by_env = cli("evaluate", str(OFSTED_RI), env={**failing, "INSPECTORATE_TOLERATE_PLUGIN_ERRORS": "1"})
    for result in (flag, by_env):
        assert result.returncode == 0, result.stderr
        assert CHECK in result.stdout


def test_schedule_with_a_wrong_type_says_incomplete_in_text_and_json(cli, failing):
    text = cli("schedule", str(OFSTED_RI), "--today", "2013-05-20", env=failing)
    assert text.returncode == 3
    assert SCHEDULE in text.stdout
    assert "No follow-up events." not in text.stdout
    data = json.loads(cli("schedule", str(OFSTED_RI), "--json", "--today", "2013-05-20", env=failing).stdout)
    assert [(p["plugin"], p["hook"]) for p in data["problems"]] == [("local", "schedule_follow_up")]
    assert data["events"], "the regime's own events are kept"


def test_report_says_incomplete_on_stderr_and_exits_3(cli, failing):
    result = cli("report", str(ESTYN_EXCELLENT), "--template", "estyn-case-study-invitation", "--today", "2014-11-20", env=failing)
    assert result.returncode == 3
    assert "incomplete: plugin 'local' failed in check_report: RuntimeError: report check exploded" in result.stderr
    assert result.stdout.strip()  # the draft itself is still written


def test_compare_says_incomplete_and_exits_3(cli, failing):
    result = cli("compare", str(OFSTED_RI), "--regimes", "estyn", "--today", "2013-05-20", env=failing)
    assert result.returncode == 3, result.stderr
    assert CHECK in result.stdout
    data = json.loads(cli("compare", str(OFSTED_RI), "--regimes", "estyn", "--json", "--today", "2013-05-20", env=failing).stdout)
    assert ("local", "check_case") in {(p["plugin"], p["hook"]) for p in data["problems"]}


def test_without_a_failing_plugin_nothing_is_incomplete(cli):
    result = cli("evaluate", str(OFSTED_RI))
    assert result.returncode == 0
    assert "incomplete" not in result.stdout + result.stderr
