"""The checks the core derives from the timing declarations: on the test kit's toy regime where
they are the core's own (unknown ids, dates out of order, a failing or malformed declaration), and
on the built-in plugins' real rules where the rule's own dates are the point."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from inspectorate.casefile import read_case_file
from inspectorate.evaluation import evaluate, schedule
from inspectorate.plugins import default_host
from inspectorate.testing import make_case, make_host, toy
from inspectorate.testing.builders import sample_cases

from tests.support import ROOT

EXAMPLES = ROOT / "docs" / "examples"


@pytest.fixture(scope="module")
def host():
    return default_host()


def _case(host, name, **follow_up):
    case = read_case_file(EXAMPLES / f"{name}.toml", host)
    return attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, **follow_up)) if follow_up else case


def test_a_further_visit_letter_recorded_as_done_brings_no_letter_of_its_own(host):
    """Ofsted 2013 guidance, paragraph 18: a letter follows each further visit (further-visit-N), not each id
    that starts with 'further-visit'."""
    case = _case(host, "ofsted-cif-2012-requires-improvement-visit-held")
    assert {"further-visit-1", "further-visit-1-letter"} <= set(case.follow_up.done)
    events = {e.id: e for e in schedule(host, case, dt.date(2014, 3, 20))}
    assert "further-visit-1-letter-letter" not in events
    assert events["further-visit-1-letter"].status == "done"
    assert [e.id for e in events.values() if e.status == "overdue" and "letter" in e.id] == []


def test_reinspection_notice_window_ends_on_the_last_working_day_of_the_window(host):
    """Paragraph 12: two working days' notice. End 18 Oct 2013 + 18 months is Saturday 18 April 2015: the last
    re-inspection day is Friday 17 April, so the last notice is Wednesday 15 April."""
    case = _case(host, "ofsted-cif-2012-requires-improvement-visit-held")
    notice = {e.id: e for e in schedule(host, case, dt.date(2014, 3, 20))}["re-inspection-notice"]
    assert case.dates.end == dt.date(2013, 10, 18)
    assert notice.latest == dt.date(2015, 4, 15)
    assert notice.earliest == dt.date(2014, 10, 16)  # Saturday 18 Oct 2014 opens it: Monday 20th less two


def test_a_brought_forward_reinspection_notice_never_opens_before_the_request(host):
    case = _case(host, "ofsted-cif-2012-requires-improvement",
                 done={"re-inspection-brought-forward": dt.date(2013, 10, 1)})
    notice = {e.id: e for e in schedule(host, case, dt.date(2013, 10, 2))}["re-inspection-notice"]
    assert notice.earliest == dt.date(2013, 10, 1)


def test_a_reinspection_recorded_outside_its_window_is_flagged(host):
    case = _case(host, "ofsted-cif-2012-requires-improvement", done={"re-inspection": dt.date(2015, 1, 12)})
    [late] = [f for f in evaluate(host, case).findings if f.key == "follow_up.done.re-inspection"]
    assert late.rule == "timing.done-late" and "2014-09-08" in late.message


def test_every_example_is_clean_of_unknown_ids_and_out_of_order_dates(host):
    for path in sorted(EXAMPLES.glob("*.toml")):
        rules = {f.rule for f in evaluate(host, read_case_file(path, host)).findings}
        assert not rules & {"timing.unknown-event", "case.dates-in-order", "timing.done-before-what-it-follows"}, path.name


def test_the_cli_names_the_file_line_and_key_of_a_misspelt_done_id(cli, tmp_path):
    """Today `improvment-visit` would be ignored and the real visit shown overdue: it is an error at its line."""
    text = (EXAMPLES / "ofsted-cif-2012-requires-improvement-visit-held.toml").read_text(encoding="utf-8")
    bad = tmp_path / "case.toml"
    bad.write_text(text.replace("improvement-visit = 2013-12-11", "improvment-visit = 2013-12-11"), encoding="utf-8")
    line = next(n for n, row in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "improvment-visit" in row)
    result = cli("evaluate", str(bad))
    assert "timing.unknown-event" in result.stdout and "(did you mean 'improvement-visit'?)" in result.stdout
    assert f"at: {bad}:{line}: follow_up.done.improvment-visit" in result.stdout
    data = json.loads(cli("evaluate", str(bad), "--json").stdout)
    [finding] = [f for f in data["findings"] if f["rule"] == "timing.unknown-event"]
    assert (finding["file"], finding["line"], finding["key"]) == (str(bad), line, "follow_up.done.improvment-visit")


def test_a_notice_counted_back_from_a_window_says_which_window(host):
    case = _case(host, "ofsted-cif-2012-requires-improvement")
    notice = {e.id: e for e in schedule(host, case, dt.date(2013, 5, 1))}["re-inspection-notice"]
    assert notice.anchor.date is None and notice.anchor.window == (dt.date(2014, 3, 8), dt.date(2014, 9, 8))
    assert notice.anchor.when() == "2014-03-08 – 2014-09-08 (its window)"
    assert notice.to_json()["anchor"]["window"] == ["2014-03-08", "2014-09-08"]


@pytest.mark.parametrize("name, event_id, day", [
    ("estyn-cif-2010-excellent-school", "case-study", dt.date(2014, 12, 19)),
    ("estyn-cif-2010-excellent-school", "development-plan", dt.date(2015, 1, 9)),
    ("estyn-cif-2010-special-measures", "action-plan", dt.date(2015, 6, 24)),
])
def test_estyn_case_study_and_plans_recorded_late_are_warned_citing_their_sentence(host, name, event_id, day):
    """Estyn had no lateness checks: the declarations give them, citing the rule's own sentence."""
    case = _case(host, name)
    late = attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, done={**case.follow_up.done, event_id: day}))
    event = {e.id: e for e in schedule(host, late, day)}[event_id]
    [finding] = [f for f in evaluate(host, late).findings if f.key == f"follow_up.done.{event_id}"]
    assert finding.rule == "timing.done-late" and finding.citation == event.citation
    assert day > event.latest
    assert not [f for f in evaluate(host, case).findings if f.key == f"follow_up.done.{event_id}"]




# -- the core's own checks, on the toy regime (a review visit 40 to 60 working days after
# publication, a written plan within 15, whenever an area is weak) -------------------------------


@pytest.fixture
def toy_host():
    return make_host(toy=toy)


def _weak_case(**follow_up):
    case = sample_cases(toy.FRAMEWORK, nation="scotland")["worst"]
    return attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, **follow_up)) if follow_up else case


def test_a_done_id_that_names_no_event_is_an_error_with_did_you_mean(toy_host):
    case = _weak_case(done={"toy-revew-visit": dt.date(2025, 7, 1)})
    [finding] = [f for f in evaluate(toy_host, case).findings if f.rule == "timing.unknown-event"]
    assert finding.severity == "error" and finding.key == "follow_up.done.toy-revew-visit"
    assert "(did you mean 'toy-review-visit'?)" in finding.message


def test_an_event_recorded_outside_its_window_is_flagged_citing_its_sentence(toy_host):
    # Published Friday 2 May 2025; 15 working days on Scotland's calendar (5 and 26 May closed): 26 May is
    # a holiday, so the plan is due Tuesday 27 May.
    late = _weak_case(done={"toy-plan": dt.date(2025, 6, 2)})
    [finding] = [f for f in evaluate(toy_host, late).findings if f.key == "follow_up.done.toy-plan"]
    assert finding.rule == "timing.done-late" and finding.citation == toy.PLAN_RULE
    plan = {e.id: e for e in schedule(toy_host, late, dt.date(2025, 6, 2))}["toy-plan"]
    assert plan.latest.isoformat() in finding.message
    on_time = _weak_case(done={"toy-plan": plan.latest})
    assert not [f for f in evaluate(toy_host, on_time).findings if f.key == "follow_up.done.toy-plan"]


def test_case_dates_out_of_order_are_errors_at_once(toy_host):
    case = make_case(toy.FRAMEWORK, nation="scotland")
    backwards = attrs.evolve(case, dates=attrs.evolve(case.dates, end=case.dates.start - dt.timedelta(days=1)))
    [finding] = [f for f in evaluate(toy_host, backwards).findings if f.rule == "case.dates-in-order"]
    assert finding.severity == "error" and finding.key == "inspection.end"
    assert "last day on site is before the first" in finding.message


@pytest.mark.parametrize("dates, key, words", [
    ({"notified": dt.date(2025, 3, 4)}, "inspection.notified", "notified after the first day on site"),
    ({"published": dt.date(2025, 3, 6), "draft_issued": None}, "inspection.published", "published before the last day on site"),
])
def test_notice_after_the_start_and_publication_before_the_end_are_errors(toy_host, dates, key, words):
    case = make_case(toy.FRAMEWORK, nation="scotland")  # on site 3 to 7 March 2025
    changed = attrs.evolve(case, dates=attrs.evolve(case.dates, **dates))
    [finding] = [f for f in evaluate(toy_host, changed).findings if f.rule == "case.dates-in-order"]
    assert finding.key == key and words in finding.message


def test_a_failing_declaration_hook_leaves_every_result_incomplete():
    from inspectorate import hookimpl

    class Broken:
        @hookimpl
        def declare_timing_rules(self, framework):
            raise RuntimeError("declarations lost")

    mixed = make_host(toy=toy, broken=Broken(), strict=False)
    case = _weak_case()
    for _ in range(2):  # the declarations are asked once per framework; the failure is told every time
        result = evaluate(mixed, case)
        assert [(p.plugin, p.stage) for p in result.problems] == [("broken", "declare_timing_rules")]
    assert "toy-review-visit" in {e.id for e in schedule(mixed, case, dt.date(2025, 6, 2))}  # the toy's part stays


def test_a_declaration_naming_a_setting_its_framework_lacks_is_refused_naming_the_plugin():
    """A malformed declaration would fail on some case's reading: the host refuses it at once, the
    plugin and hook named, and the result says it is incomplete; the other plugins' part stays."""
    from inspectorate import hookimpl
    from inspectorate.timing import Months, Timing

    class Local:
        @hookimpl
        def declare_timing_rules(self, framework):
            return [Timing("local-review", "Local review", anchor={"a": "report-published"}, offset=Months(6),
                           citation=toy.PLAN_RULE, rule="local.review", setting="no-such-setting")]

    mixed = make_host(toy=toy, local=Local(), strict=False)
    case = _weak_case()
    result = evaluate(mixed, case)
    [problem] = result.problems
    assert (problem.plugin, problem.stage) == ("local", "declare_timing_rules")
    assert "names the setting 'no-such-setting', which toy-2026 does not have" in problem.message
    events = {e.id for e in schedule(mixed, case, dt.date(2025, 6, 2))}
    assert "toy-review-visit" in events and "local-review" not in events
