"""The test kit for plugin authors works from a plugin's own test suite, and fails a faulty plugin."""

from __future__ import annotations

pytest_plugins = ["pytester"]

#: The plugin's own test run, in this process: it loads the kit through its entry point as the
#: plugin author's run does, in a fifth of the time a new interpreter takes. (That a plugin's
#: tests pass in a process and a folder of their own is tests/contract/test_plugin_tests_stand_alone.py's
#: and test_scaffold.py's.) The snapshot plugin keeps one folder a process, which a nested run would
#: delete under the outer one, and the plugin's tests take none.
KIT_RUN = ("-p", "no:cacheprovider", "-p", "no:textual-snapshot", "-o", "asyncio_default_fixture_loop_scope=function")


def run_kit(pytester, *args):
    return pytester.runpytest_inprocess(*KIT_RUN, *args)


TOY_PLUGIN = '''
from inspectorate import hookimpl
from inspectorate.frameworks import Area, Framework, Grade, Regime, Scale
from inspectorate.model import Citation, Finding

SCALE = Scale("six-point", [Grade(g, {{"en": g.title()}}, rank) for rank, g in enumerate(
    ["excellent", "very-good", "good", "satisfactory", "weak", "unsatisfactory"], start=1)])
FRAMEWORK = Framework(
    id="es-hgios4", regime="education-scotland", names={{"en": "How good is our school? (4th edition)"}},
    sectors=["school"], scales=[SCALE],
    areas=[Area("learning-teaching-and-assessment", {{"en": "{area_name}"}}, scale="six-point")],
)


@hookimpl
def register_regimes(register):
    register(Regime(id="education-scotland", names={{"en": "Education Scotland"}}, nations=["scotland"],
                    frameworks=[FRAMEWORK]))


@hookimpl
def check_case(framework, case):
    {check_body}
'''

TEST_FILE = '''
import toy_regime
from inspectorate.testing import RegimeConformance


class TestToyRegime(RegimeConformance):
    plugin = toy_regime
    regime_id = "education-scotland"


def test_fixtures_from_the_kit(make_host, case_builder):
    host = make_host(toy_regime)
    case = case_builder(host.framework("es-hgios4"), nation="scotland")
    assert case.regime == "education-scotland"
'''


def test_a_sound_third_party_plugin_passes_the_conformance_suite(pytester):
    pytester.makepyfile(
        toy_regime=TOY_PLUGIN.format(area_name="Learning, teaching and assessment", check_body="return []"),
        test_toy=TEST_FILE,
    )
    pytester.syspathinsert()
    result = run_kit(pytester)
    result.assert_outcomes(passed=15)


def test_the_conformance_suite_fails_a_plugin_whose_hook_raises_or_whose_data_is_incomplete(pytester):
    pytester.makepyfile(
        toy_regime=TOY_PLUGIN.format(area_name="", check_body="raise RuntimeError('rule crashed')"),
        test_toy=TEST_FILE,
    )
    pytester.syspathinsert()
    result = run_kit(pytester)
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) >= 2
    result.stdout.fnmatch_lines(["*area without id or name*", "*rule crashed*"])


UNDESCRIBED_FOLLOW_UP = '''

import datetime as dt
from inspectorate.model import Anchor, FollowUpEvent, Provenance


@hookimpl
def schedule_follow_up(framework, case, calendar):
    return [FollowUpEvent(id="follow-through", title="Follow-through visit", earliest=None,
                          latest=dt.date(2025, 9, 1), anchor=Anchor("report-published", case.dates.published),
                          basis="by September", citation=Citation(document="d", quote="q"),
                          provenance=Provenance(rule="r", calendar=calendar.policy))]
'''


def test_the_conformance_suite_fails_a_plugin_whose_follow_up_is_not_described_or_whose_themes_are_unknown(pytester):
    plugin = TOY_PLUGIN.format(area_name="Learning, teaching and assessment", check_body="return []")
    plugin = plugin.replace('scale="six-point")]', 'scale="six-point", themes=["pedagogy"])]')
    pytester.makepyfile(toy_regime=plugin + UNDESCRIBED_FOLLOW_UP, test_toy=TEST_FILE)
    pytester.syspathinsert()
    result = run_kit(pytester)
    result.assert_outcomes(passed=13, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*area learning-teaching-and-assessment names themes outside the common ones: *pedagogy*",
            "*event 'follow-through' is not declared (declare_timing_rules) or described (describe_timing_rules)*",
        ],
        consecutive=False,
    )


def test_a_scaffolded_plugin_passes_the_conformance_suite_out_of_the_box(pytester, tmp_path):
    from inspectorate.scaffold import new_plugin

    folder = tmp_path / "eti"
    written = new_plugin("eti-northern-ireland", folder, title="Education and Training Inspectorate", nation="northern-ireland")
    assert (folder / "pyproject.toml") in written
    pyproject = (folder / "pyproject.toml").read_text()
    assert 'eti-northern-ireland = "inspectorate_eti_northern_ireland.plugin"' in pyproject
    result = run_kit(pytester, str(folder / "tests"), f"--rootdir={folder}", "-o", f"pythonpath={folder / 'src'}")
    result.assert_outcomes(passed=14)


def test_scaffold_refuses_a_bad_name_or_an_existing_folder(tmp_path):
    import pytest
    from inspectorate.scaffold import ScaffoldError, new_plugin

    with pytest.raises(ScaffoldError, match="lower case"):
        new_plugin("Bad Name", tmp_path / "x", nation="scotland")
    with pytest.raises(ScaffoldError, match="already exists"):
        new_plugin("ok", tmp_path, nation="scotland")


def test_a_scaffolded_plugin_declares_a_timing_rule_the_core_dates_describes_and_checks(tmp_path, monkeypatch):
    """The scaffold shows the one way to write a timing rule: a declaration, with no date arithmetic."""
    import datetime as dt
    import importlib

    import attrs
    from inspectorate.evaluation import evaluate, schedule, timing_rules
    from inspectorate.model import FollowUpRecord
    from inspectorate.plugins import host_from
    from inspectorate.scaffold import new_plugin
    from inspectorate.testing import make_case

    folder = tmp_path / "isi"
    new_plugin("isi", folder, title="Independent Schools Inspectorate", nation="england")
    assert "def schedule_follow_up" not in (folder / "src" / "inspectorate_isi" / "plugin.py").read_text()
    monkeypatch.syspath_prepend(str(folder / "src"))
    plugin = importlib.import_module("inspectorate_isi.plugin")
    host = host_from([("isi", plugin)])
    framework = host.regime("isi").frameworks[0]
    case = make_case(framework)
    [rule] = timing_rules(host, framework)
    assert (rule.event, rule.basis) == ("action-plan", "within 20 working days of publication of the report")
    [event] = schedule(host, case, dt.date(2025, 5, 6))
    # Friday 2 May 2025 plus 20 working days, the bank holidays of 5 and 26 May not counted: Tuesday 3 June.
    assert event.id == "action-plan" and event.latest == dt.date(2025, 6, 3)
    late = attrs.evolve(case, follow_up=FollowUpRecord(done={"action-plan": dt.date(2025, 6, 9)}))
    assert [f.rule for f in evaluate(host, late).findings if f.key == "follow_up.done.action-plan"] == ["timing.done-late"]


MALFORMED_DECLARATION = '''

from inspectorate.timing import Months, Timing

CITE = Citation(document="es-guide.txt", quote="A further inspection follows within a year.")


@hookimpl
def declare_timing_rules(framework):
    return [
        Timing("further-inspection", "Further inspection", anchor={"from-publication": "report-published"},
               offset=Months(12), citation=CITE, rule="es.further", setting="further-anchor"),
        Timing("progress-visit", "Progress visit", anchor="school-review-meeting", offset=Months(6),
               citation=CITE, rule="es.progress"),
    ]
'''


def test_the_conformance_suite_fails_a_malformed_timing_declaration(pytester):
    pytester.makepyfile(
        toy_regime=TOY_PLUGIN.format(area_name="Learning, teaching and assessment", check_body="return []")
        + MALFORMED_DECLARATION,
        test_toy=TEST_FILE,
    )
    pytester.syspathinsert()
    result = run_kit(pytester, "-k", "well_formed")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*failed in declare_timing_rules*'further-inspection' names the setting"
                                 " 'further-anchor', which es-hgios4 does not have*"])
    fixed = MALFORMED_DECLARATION.replace('anchor={"from-publication": "report-published"}', 'anchor="report-published"')
    fixed = fixed.replace(', setting="further-anchor"', "")
    pytester.makepyfile(
        toy_regime=TOY_PLUGIN.format(area_name="Learning, teaching and assessment", check_body="return []") + fixed,
    )
    result = run_kit(pytester, "-k", "well_formed")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*progress-visit*counts from 'school-review-meeting', which is no case date*"])


GHOST_TEMPLATE = """

from pathlib import Path
from inspectorate.reports import ReportTemplate


@hookimpl
def register_report_templates(register):
    register(ReportTemplate(id="es-letter", titles={"en": "Letter"}, frameworks=["es-hgios-3"],
                            directory=Path(__file__).parent))
"""


def test_the_conformance_suite_fails_a_plugin_that_raises_on_another_regimes_framework(pytester):
    body = "if framework.regime != 'education-scotland':\n        raise KeyError(framework.id)\n    return []"
    pytester.makepyfile(toy_regime=TOY_PLUGIN.format(area_name="Learning, teaching and assessment", check_body=body),
                        test_toy=TEST_FILE)
    pytester.syspathinsert()
    result = run_kit(pytester, "-k", "another_regimes")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*failed in check_case: KeyError: 'toy-2026'*"])


def test_the_conformance_suite_fails_a_template_for_a_framework_that_does_not_exist(pytester):
    pytester.makepyfile(
        toy_regime=TOY_PLUGIN.format(area_name="Learning, teaching and assessment", check_body="return []") + GHOST_TEMPLATE,
        test_toy=TEST_FILE,
    )
    pytester.syspathinsert()
    result = run_kit(pytester, "-k", "frameworks_that_exist")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*template 'es-letter' is registered for frameworks that do not exist: ?'es-hgios-3'?*"])


def test_the_sample_cases_include_unpublished_mixed_grade_and_follow_up_done_cases():
    from inspectorate.testing import RegimeConformance, make_host, sample_cases, toy

    cases = sample_cases(toy.FRAMEWORK, nation="scotland")
    assert cases["unpublished"].dates.published is None and cases["unpublished"].judgements
    assert len({j.grade for j in cases["mixed-grades"].judgements}) == 2
    suite = type("Suite", (RegimeConformance,), {"plugin": toy, "regime_id": "toy"})()
    more = suite.cases_with_follow_up_done(make_host(toy=toy), toy.FRAMEWORK, toy.REGIME)
    assert set(more["worst-follow-up-done"].follow_up.done) == {"toy-plan", "toy-review-visit"}


MISMARKED_TEMPLATE = """

from pathlib import Path
from inspectorate.reports import ReportTemplate


@hookimpl
def register_report_templates(register):
    register(ReportTemplate(id="es-letter", titles={"en": "Letter"}, frameworks=["es-hgios4"],
                            directory=Path(__file__).parent, filename="{id}.md.j2",
                            required_sections=["evaluations"]))
"""

# The section mark is misspelt ("evaluation"), so the required section "evaluations" is never found.
LETTER = """# {{ provider.name }}

<!-- section: evaluation -->
{% for area in framework.graded_areas %}
- {{ area.name() }}: {{ grade_name(area.id) }}
{% endfor %}
"""


def test_the_conformance_suite_fails_a_report_whose_own_checks_find_an_error(pytester):
    pytester.makepyfile(
        toy_regime=TOY_PLUGIN.format(area_name="Learning, teaching and assessment", check_body="return []")
        + MISMARKED_TEMPLATE,
        test_toy=TEST_FILE,
    )
    pytester.path.joinpath("es-letter.md.j2").write_text(LETTER, encoding="utf-8")
    pytester.syspathinsert()
    result = run_kit(pytester, "-k", "own_checks or every_language")
    result.assert_outcomes(passed=1, failed=1)  # it renders; what it renders fails its own check
    result.stdout.fnmatch_lines(["*es-letter (en) on the sample case 'best-complete': its own checks find section"
                                 " 'evaluations' is missing or empty. Each required section needs a"
                                 " '<!-- section: ID -->' mark*"])
    pytester.path.joinpath("es-letter.md.j2").write_text(LETTER.replace("section: evaluation ", "section: evaluations "))
    run_kit(pytester, "-k", "own_checks").assert_outcomes(passed=1)


# Counts 20 working days on a calendar of its own, and says it used the one it was given.
OWN_CALENDAR = '''

from inspectorate.calendar import add_working_days, calendar_for
from inspectorate.model import Anchor, FollowUpEvent, Provenance

PLAN = Citation(document="es-guide.txt", quote="The school sends its plan within 20 working days.")


@hookimpl
def schedule_follow_up(framework, case, calendar):
    published = case.dates.published
    due = add_working_days(published, 20, calendar_for("{division}")) if published else None
    return [FollowUpEvent(id="plan", title="Plan", earliest=None, latest=due,
                          anchor=Anchor("report-published", published), basis="within 20 working days of publication",
                          citation=PLAN, provenance=Provenance(rule="es.plan", calendar=calendar.policy))]


@hookimpl
def describe_timing_rules(framework):
    from inspectorate.model import TimingRule
    return [TimingRule(event="plan", title="Plan", basis="within 20 working days of publication", citation=PLAN)]
'''


def test_the_conformance_suite_fails_a_schedule_that_ignores_the_calendar_it_was_given(pytester):
    plugin = TOY_PLUGIN.format(area_name="Learning, teaching and assessment", check_body="return []")
    pytester.makepyfile(toy_regime=plugin + OWN_CALENDAR.replace("{division}", "scotland"), test_toy=TEST_FILE)
    pytester.syspathinsert()
    result = run_kit(pytester, "-k", "calendar_it_is_given")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*es-hgios4/nothing-judged: event 'plan' (within 20 working days of publication)"
                                 " stays on 2025-06-03 when the calendar it is given closes every working day from"
                                 " 2025-05-06 to 2025-06-03: count working days on the `calendar` the hook receives*"])
    fixed = OWN_CALENDAR.replace('calendar_for("{division}")', "calendar")
    pytester.makepyfile(toy_regime=plugin + fixed)
    run_kit(pytester, "-k", "calendar_it_is_given").assert_outcomes(passed=1)


# Fails only once follow-up is done: a branch the nothing-judged, best and worst cases never reach.
DONE_BRANCH = """# {{ provider.name }}

<!-- section: evaluations -->
{% for area in framework.graded_areas %}
- {{ area.name() }}: {{ grade_name(area.id) }}
{% endfor %}
{% if case.follow_up.done %}
Visited on {{ case.follow_up.visited_on }}.
{% endif %}
"""

PLAN_DECLARED = '''

from inspectorate.model import FollowUpTrigger
from inspectorate.timing import Timing, WorkingDays


@hookimpl
def declare_timing_rules(framework):
    return [Timing("plan", "Plan", anchor="report-published", offset=WorkingDays(20),
                   citation=Citation(document="es-guide.txt", quote="A plan within 20 working days."), rule="es.plan")]
'''


def test_the_conformance_suite_fails_a_template_that_fails_only_once_follow_up_is_done(pytester):
    pytester.makepyfile(
        toy_regime=TOY_PLUGIN.format(area_name="Learning, teaching and assessment", check_body="return []")
        + MISMARKED_TEMPLATE + PLAN_DECLARED,
        test_toy=TEST_FILE,
    )
    pytester.path.joinpath("es-letter.md.j2").write_text(DONE_BRANCH, encoding="utf-8")
    pytester.syspathinsert()
    result = run_kit(pytester, "-k", "every_language")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*es-letter (en) fails on the sample case '*-follow-up-done': template 'es-letter'"
                                 " (en): *has no attribute 'visited_on'*"])


def test_the_toy_regime_dates_a_review_letter_only_once_the_review_visit_is_done(toy_host):
    import datetime as dt

    from inspectorate.evaluation import schedule
    from inspectorate.testing import toy

    weak = toy.case()
    assert {e.id for e in schedule(toy_host, weak, dt.date(2025, 6, 2))} == {"toy-plan", "toy-review-visit"}
    visited = toy.case(done={"toy-review-visit": dt.date(2025, 7, 10)})
    letter = {e.id: e for e in schedule(toy_host, visited, dt.date(2025, 6, 2))}["toy-review-letter"]
    assert letter.latest == dt.date(2025, 7, 24)  # ten working days after Thursday 10 July
    assert not schedule(toy_host, toy.case(grades={"teaching": "strong"}), dt.date(2025, 6, 2))
    assert "icalendar" in {p.name for p in toy_host.plugins}  # the core's own formats come with it


def test_the_command_runs_with_only_the_toy_regime_installed(toy_cli, tmp_path):
    from inspectorate.casefile import write_case_file
    from inspectorate.testing import make_host, toy

    listed = toy_cli("plugins")
    assert listed.returncode == 0, listed.stderr
    loaded = [line.split()[0] for line in listed.stdout.splitlines()[1:] if line and not line.startswith(" ")]
    assert loaded == ["icalendar", "toy"]  # the core's own format and the toy: no built-in regime
    path = tmp_path / "toy.toml"
    write_case_file(toy.case("Loch Toy Academy"), path, make_host(toy=toy))
    result = toy_cli("evaluate", str(path))
    assert result.returncode == 0, result.stderr
    assert "Toy review" in result.stdout
