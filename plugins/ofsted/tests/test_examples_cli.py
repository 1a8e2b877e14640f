"""The real ``inspectorate`` command on the Ofsted example case files: evaluate, schedule and report.

Each example is a stage of a real-looking case under one framework; the answers asserted are the
ones the guidance gives (see the rule tests for the sentence behind each).
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from inspectorate.casefile import read_case_file
from inspectorate.evaluation import summary
from inspectorate.plugins import PluginHost
from inspectorate.testing.command import run_cli

#: The project's example case files (docs/examples); a copy of the plugin on its own skips these tests.
EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"
pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="the project's docs/examples are not beside this plugin")


def _json(*args):
    result = run_cli(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _events(name, today):
    return {e["id"]: e for e in _json("schedule", str(EXAMPLES / name), "--today", today)["events"]}


def test_every_framework_has_an_example():
    frameworks = {path.name.split("-", 1)[1] for path in EXAMPLES.glob("ofsted-*.toml")}
    for framework in ("cif-2012", "eif-2019", "renewed-2025"):
        assert sum(name.startswith(framework) for name in frameworks) >= 2, framework


def test_cif_2012_college_after_its_improvement_visit():
    """2013 guidance, paragraphs 12, 14 and 18: letter within five working days; further visits confirmed in writing;
    re-inspection 12 to 18 months on."""
    name = "ofsted-cif-2012-requires-improvement-visit-held.toml"
    evaluation = _json("evaluate", str(EXAMPLES / name))
    assert evaluation["follow_up"]["id"] == "requires-improvement-support"
    assert evaluation["findings"] == []
    events = _events(name, "2014-11-03")
    assert (events["improvement-letter"]["latest"], events["improvement-letter"]["status"]) == ("2013-12-18", "done")
    assert events["further-visit-1-letter"]["latest"] == "2014-03-19"
    assert events["further-visit-1-letter"]["reading"] == "five-working-days"
    assert (events["re-inspection"]["earliest"], events["re-inspection"]["latest"]) == ("2014-10-18", "2015-04-18")
    assert events["re-inspection"]["status"] == "open" and events["re-inspection"]["reading"] == "inspection-end"
    assert events["re-inspection-notice"]["citation"]["quote"].startswith("The provider will receive two working days")


def test_cif_2012_inadequate_provider_counts_from_publication_as_its_setting_says():
    """2013 guidance, paragraph 2: monitoring visit after six to eight months, full re-inspection after 12 to 15 months."""
    name = "ofsted-cif-2012-inadequate.toml"
    assert _json("evaluate", str(EXAMPLES / name))["follow_up"]["id"] == "inadequate-monitoring"
    events = _events(name, "2014-10-01")
    assert (events["monitoring-visit"]["status"], events["monitoring-visit"]["reading"]) == ("done", "report-published")
    assert (events["re-inspection"]["earliest"], events["re-inspection"]["latest"]) == ("2015-03-14", "2015-06-14")
    schedule = run_cli("schedule", str(EXAMPLES / name), "--today", "2014-10-01")
    assert "2015-03-14 – 2015-06-14" in schedule.stdout and "upcoming  Full re-inspection" in schedule.stdout


def test_eif_2019_ineffective_safeguarding_proposes_inadequate_that_cannot_be_raised():
    """DOMAIN-NOTES.md [M]: ineffective safeguarding → leadership and management, and overall, inadequate."""
    evaluation = _json("evaluate", str(EXAMPLES / "ofsted-eif-2019-ineffective-safeguarding.toml"))
    proposals = evaluation["proposals"]
    assert proposals["leadership-and-management"]["grade"] == "inadequate"
    assert (proposals["overall-effectiveness"]["grade"], proposals["overall-effectiveness"]["overridable"]) == ("inadequate", False)
    assert proposals["overall-effectiveness"]["citation"]["confidence"] == "M"
    assert evaluation["findings"] == []


def test_eif_2019_state_school_in_2024_gets_no_overall_grade_and_a_draft_to_comment_on(tmp_path):
    """DOMAIN-NOTES.md [H]: no overall grade for state schools inspected from 2 Sept 2024; [M] 5 working days on the draft."""
    example = EXAMPLES / "ofsted-eif-2019-state-school-2024.toml"
    assert "overall-effectiveness" not in _json("evaluate", str(example))["proposals"]
    [event] = _json("schedule", str(example), "--today", "2024-12-02")["events"]
    assert (event["id"], event["latest"], event["status"]) == ("draft-report-comments", "2024-12-06", "due-soon")
    graded = tmp_path / "graded.toml"
    graded.write_text(example.read_text().replace('safeguarding = "effective"',
                                                  'safeguarding = "effective"\noverall-effectiveness = "good"'))
    [finding] = _json("evaluate", str(graded))["findings"]
    assert (finding["severity"], finding["rule"]) == ("error", "eif-2019.no-overall-for-state-schools")
    report = run_cli("report", str(graded), "--template", "ofsted-eif-2019-inspection-report", "--today", "2024-11-29")
    assert "error: eif-2019.report-states-no-overall" in report.stderr


def test_eif_2019_college_with_minor_safeguarding_weaknesses_is_at_best_requires_improvement():
    """DOMAIN-NOTES.md [M]: "minor safeguarding weaknesses easy to put right can still allow requires improvement." """
    overall = _json("evaluate", str(EXAMPLES / "ofsted-eif-2019-college-on-site.toml"))["proposals"]["overall-effectiveness"]
    assert (overall["grade"], overall["ceiling"], overall["overridable"]) == ("requires-improvement", "requires-improvement", False)


def test_renewed_2025_college_with_urgent_improvement_goes_into_monitoring():
    """DOMAIN-NOTES.md [H]: any area urgent improvement → monitoring of that type."""
    name = "ofsted-renewed-2025-fe-provider-urgent-improvement.toml"
    category = _json("evaluate", str(EXAMPLES / name))["follow_up"]
    assert category["id"] == "urgent-improvement-monitoring" and category["citation"]["confidence"] == "H"
    assert _events(name, "2026-04-01")["draft-report-comments"]["status"] == "done"


def test_renewed_2025_school_has_no_category_and_a_planned_one_nothing_yet():
    """DOMAIN-NOTES.md [M]: no category when no area is urgent improvement and safeguarding is met."""
    card = _json("evaluate", str(EXAMPLES / "ofsted-renewed-2025-school-report-card.toml"))
    assert card["follow_up"]["id"] == "none" and card["findings"] == []
    planned = run_cli("schedule", str(EXAMPLES / "ofsted-renewed-2025-school-planned.toml"), "--today", "2026-03-01")
    assert planned.stdout.strip() == "No follow-up events."


@pytest.mark.parametrize(
    ("example", "template", "today", "expected"),
    [
        ("ofsted-cif-2012-requires-improvement-visit-held.toml", "ofsted-improvement-visit-letter", "2013-12-16",
         ["**Not for publication.**", "Train all teachers in using initial assessment", "(by 28 March 2014)",
          "the HMI meeting with governors", "between 18 October 2014 and\n18 April 2015"]),
        ("ofsted-cif-2012-inadequate.toml", "ofsted-cif-2012-inspection-report", "2014-02-21",
         ["Overall effectiveness of provision: **Inadequate (4)**", "| Outcomes for learners | Inadequate (4) |"]),
        ("ofsted-cif-2012-inadequate.toml", "ofsted-monitoring-visit-letter", "2014-09-30",
         ["monitoring visit on 24 September 2014", "Progress: insufficient progress",
          "Full re-inspection: between 14 March 2015 and 14 June 2015."]),
        ("ofsted-eif-2019-ineffective-safeguarding.toml", "ofsted-eif-2019-inspection-report", "2023-06-06",
         ["Overall effectiveness: **Inadequate (4)**", "The arrangements for safeguarding are not effective."]),
        ("ofsted-renewed-2025-school-report-card.toml", "ofsted-renewed-2025-report-card", "2026-02-06",
         ["| Achievement | Needs attention | ▼ |", "| Early years | Strong standard | ▲ |", "**Met** ✓",
          "There is no overall grade."]),
        ("ofsted-renewed-2025-fe-provider-urgent-improvement.toml", "ofsted-renewed-2025-report-card", "2026-03-04",
         ["| Leadership and governance | Urgent improvement | ▼▼ |", "Urgent improvement monitoring"]),
    ],
)
def test_report_renders_with_no_finding(example, template, today, expected):
    result = run_cli("report", str(EXAMPLES / example), "--template", template, "--today", today)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the report checks found nothing to put right
    for text in expected:
        assert text in result.stdout


def test_report_checks_come_out_as_findings():
    """2013 guidance, paragraph 18: "At each stage, HMI will confirm in writing agreed actions." """
    result = run_cli("report", str(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml"),
                     "--template", "ofsted-improvement-visit-letter", "--today", "2013-05-09")
    assert result.returncode == 0
    assert result.stderr.strip() == "error: report.required-section: section 'actions' is missing or empty"


def test_the_examples_cover_every_stage_of_a_case():
    """The examples seed the demo casebook: between them, every stage a casebook column shows."""
    host = PluginHost(environ={}).load_entry_points()
    stages = {
        path.name: summary(host, read_case_file(path, host), today=dt.date(2026, 4, 1))["stage"]
        for path in EXAMPLES.glob("ofsted-*.toml")
    }
    assert stages["ofsted-renewed-2025-school-planned.toml"] == "planned"
    assert stages["ofsted-eif-2019-college-on-site.toml"] == "on site"
    assert stages["ofsted-renewed-2025-school-report-card.toml"] == "reporting"
    assert stages["ofsted-cif-2012-requires-improvement-visit-held.toml"] == "follow-up"
    assert stages["ofsted-eif-2019-ineffective-safeguarding.toml"] == "closed"
