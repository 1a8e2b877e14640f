"""Hooks are called through pluggy: wrappers, result styles and monitoring hold; every result is
checked against its hookspec; a failure is recorded naming plugin and hook and the result says so."""

from __future__ import annotations

import datetime as dt

import pytest
from inspectorate import hookimpl
from inspectorate.evaluation import evaluate, schedule, schedule_with_problems, summary
from inspectorate.frameworks import Area, Framework, Regime
from inspectorate.model import Anchor, Citation, Finding, FollowUpCategory, FollowUpEvent, Proposal, Provenance
from inspectorate.plugins import PluginError, host_from
from inspectorate.testing import make_case

CITE = Citation(document="test", quote="a sentence")
FRAMEWORK = Framework(id="toy-1", regime="toy", names={"en": "Toy"}, sectors=["school"], areas=[Area("a", {"en": "A"})])
GOOD = Finding(severity="info", rule="toy.ok", message="fine", citation=CITE)
PROPOSAL = Proposal(area="a", grade="good", rationale="because", citation=CITE, rule="toy.propose")
CATEGORY = FollowUpCategory(id="none", name="No follow-up", rationale="all well", citation=CITE)
EVENT = FollowUpEvent(
    id="toy-visit", title="Toy visit", earliest=dt.date(2024, 3, 1), latest=dt.date(2024, 3, 8),
    anchor=Anchor("inspection-end", dt.date(2024, 1, 10)), basis="a week", citation=CITE,
    provenance=Provenance(rule="toy.visit", calendar="calendar days"),
)


class Toy:
    """A regime plugin that works: one regime, a proposal, a category, a finding, an event."""

    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="toy", names={"en": "Toy"}, nations=["england"], frameworks=[FRAMEWORK]))

    @hookimpl
    def propose_judgements(self, framework, case):
        return [PROPOSAL]

    @hookimpl
    def classify_follow_up(self, framework, case):
        return CATEGORY

    @hookimpl
    def check_case(self, framework, case):
        return [GOOD]

    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        return [EVENT]


def host(**plugins):
    return host_from([("toy", Toy()), *plugins.items()], environ={}, strict=False)


def case():
    return make_case(FRAMEWORK)


def named(problems):
    return [(p.plugin, p.stage) for p in problems]


# -- a hook that raises ------------------------------------------------------------------------


class RaisingCheck:
    @hookimpl
    def check_case(self, framework, case):
        raise RuntimeError("boom in check_case")


def test_a_raising_hook_is_recorded_and_the_evaluation_says_what_it_lacks():
    h = host(local=RaisingCheck())
    result = evaluate(h, case())
    assert result.findings == (GOOD,)  # the other plugin's contribution survives
    assert named(result.problems) == [("local", "check_case")]
    assert "boom in check_case" in result.problems[0].message
    assert result.problems[0].incomplete.startswith("incomplete: plugin 'local' failed in check_case")
    assert result.to_json()["problems"][0] | {"text": ""} == {
        "plugin": "local", "hook": "check_case", "message": "RuntimeError: boom in check_case", "text": "",
    }
    assert named(h.problems) == [("local", "check_case")]


def test_the_same_failure_is_listed_once_by_the_host_but_every_evaluation_carries_it():
    h = host(local=RaisingCheck())
    first, second = evaluate(h, case()), evaluate(h, case())
    assert named(first.problems) == named(second.problems) == [("local", "check_case")]
    assert len(h.problems) == 1


def test_an_evaluation_without_failures_has_no_problems_and_its_json_no_problems_key():
    result = evaluate(host(), case())
    assert result.problems == ()
    assert "problems" not in result.to_json()


def test_strict_host_still_raises_through_pluggy():
    h = host_from([("toy", Toy()), ("local", RaisingCheck())], environ={}, strict=True)
    with pytest.raises(PluginError, match="local"):
        evaluate(h, case())


# -- wrong types, one per hook style -----------------------------------------------------------


class OneFindingNotAList:
    @hookimpl
    def check_case(self, framework, case):
        return GOOD  # a Finding instead of a list of Findings


class ListWithAString:
    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        return [EVENT, "next Tuesday"]


class CategoryAsDict:
    @hookimpl(tryfirst=True)  # asked before the regime's own plugin
    def classify_follow_up(self, framework, case):
        return {"id": "special-measures"}


class ProposalNotAList:
    @hookimpl(tryfirst=True)
    def propose_judgements(self, framework, case):
        return PROPOSAL


class RegistersAString:
    @hookimpl
    def register_regimes(self, register):
        register("toy-2")


def test_collect_hook_returning_one_finding_instead_of_a_list_is_recorded_naming_what_came_back():
    result = evaluate(host(sloppy=OneFindingNotAList()), case())
    assert result.findings == (GOOD,)
    [problem] = result.problems
    assert (problem.plugin, problem.stage) == ("sloppy", "check_case")
    assert "returned Finding" in problem.message and "not a list of Finding" in problem.message


def test_collect_hook_whose_list_holds_a_str_is_recorded_and_its_whole_list_dropped():
    events, problems = schedule_with_problems(host(sloppy=ListWithAString()), case(), dt.date(2024, 2, 1))
    assert [e.id for e in events] == ["toy-visit"]
    [problem] = problems
    assert (problem.plugin, problem.stage) == ("sloppy", "schedule_follow_up")
    assert "str 'next Tuesday'" in problem.message and "not a FollowUpEvent" in problem.message


def test_firstresult_hook_returning_a_dict_is_recorded_and_the_next_result_wins():
    result = evaluate(host(sloppy=CategoryAsDict()), case())
    assert result.follow_up == CATEGORY
    [problem] = result.problems
    assert (problem.plugin, problem.stage) == ("sloppy", "classify_follow_up")
    assert "returned dict" in problem.message and "not a FollowUpCategory" in problem.message


def test_firstresult_hook_returning_one_proposal_instead_of_a_list_is_recorded():
    result = evaluate(host(sloppy=ProposalNotAList()), case())
    assert result.proposals == (PROPOSAL,)
    assert named(result.problems) == [("sloppy", "propose_judgements")]
    assert "not a list of Proposal" in result.problems[0].message


def test_register_callback_given_a_str_is_recorded_and_the_other_regimes_survive():
    h = host(sloppy=RegistersAString())
    assert list(h.regimes) == ["toy"]
    assert named(h.problems) == [("sloppy", "register_regimes")]
    assert "registered str 'toy-2', not a Regime" in h.problems[0].message


# -- wrappers ----------------------------------------------------------------------------------


class AddsAFinding:
    """A new-style wrapper: sees the others' results and adds to them."""

    @hookimpl(wrapper=True)
    def check_case(self, framework, case):
        results = yield
        return [*results, [Finding("warning", "wrapper.note", "seen by the wrapper", CITE)]]


class OldStyleCounter:
    """An old-style hookwrapper: changes the result through the outcome."""

    @hookimpl(hookwrapper=True)
    def propose_judgements(self, framework, case):
        outcome = yield
        proposals = outcome.get_result()
        outcome.force_result([p for p in proposals if p.area == "a"] + [PROPOSAL])


class RaisingWrapper:
    @hookimpl(wrapper=True)
    def check_case(self, framework, case):
        yield
        raise RuntimeError("the wrapper broke")


class WrongTypeWrapper:
    @hookimpl(wrapper=True)
    def classify_follow_up(self, framework, case):
        yield
        return "special measures"


def test_a_new_style_wrapper_works_as_pluggy_defines_it():
    result = evaluate(host(wrapping=AddsAFinding()), case())
    assert {f.rule for f in result.findings} == {"toy.ok", "wrapper.note"}
    assert result.problems == ()


def test_an_old_style_hookwrapper_works_as_pluggy_defines_it():
    result = evaluate(host(wrapping=OldStyleCounter()), case())
    assert result.proposals == (PROPOSAL, PROPOSAL)
    assert result.problems == ()


def test_a_wrapper_that_raises_is_recorded_by_its_plugin_and_the_call_made_without_it():
    result = evaluate(host(wrapping=RaisingWrapper(), local=RaisingCheck()), case())
    assert result.findings == (GOOD,)
    assert sorted(named(result.problems)) == [("local", "check_case"), ("wrapping", "check_case")]
    wrapper_problem = next(p for p in result.problems if p.plugin == "wrapping")
    assert "wrapper" in wrapper_problem.message and "the wrapper broke" in wrapper_problem.message


def test_a_wrapper_leaving_a_wrong_type_is_recorded_and_the_call_made_without_it():
    result = evaluate(host(wrapping=WrongTypeWrapper()), case())
    assert result.follow_up == CATEGORY
    assert named(result.problems) == [("wrapping", "classify_follow_up")]
    assert "str 'special measures'" in result.problems[0].message


# -- monitoring, isolation, the casebook summary ------------------------------------------------


def test_hook_call_monitoring_sees_every_call():
    h = host(local=RaisingCheck())
    seen: list[str] = []
    h.pm.add_hookcall_monitoring(lambda name, impls, kwargs: seen.append(name), lambda *args: None)
    evaluate(h, case())
    schedule(h, case(), dt.date(2024, 2, 1))
    assert {"register_regimes", "propose_judgements", "classify_follow_up", "check_case", "schedule_follow_up"} <= set(seen)


def test_a_watch_holds_only_the_problems_of_its_own_call():
    h = host(local=RaisingCheck())
    evaluate(h, case())
    events, problems = schedule_with_problems(h, case(), dt.date(2024, 2, 1))
    assert [e.id for e in events] == ["toy-visit"] and problems == ()


class RaisingSchedule:
    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        raise ValueError("no calendar for this")


def test_the_casebook_summary_says_incomplete_when_a_schedule_lost_a_contribution():
    row = summary(host(local=RaisingSchedule()), case(), dt.date(2024, 2, 1))
    assert row["next_event"].startswith("incomplete: plugin 'local' failed in schedule_follow_up")
    assert summary(host(), case(), dt.date(2024, 2, 1))["next_event"] == "Toy visit"


def test_call_first_and_collect_follow_the_hookspec_style():
    h = host()
    with pytest.raises(TypeError, match="first result"):
        h.collect("propose_judgements", framework=FRAMEWORK, case=case())
    with pytest.raises(TypeError, match="collect-all"):
        h.call_first("check_case", framework=FRAMEWORK, case=case())
    assert h.call("classify_follow_up", framework=FRAMEWORK, case=case()) == CATEGORY


def test_nested_watches_each_see_the_problems_of_their_own_block():
    h = host(local=RaisingCheck())
    with h.watch() as outer:
        with h.watch() as empty:
            pass
        evaluate(h, case())
    assert empty == [] and named(outer) == [("local", "check_case")]
