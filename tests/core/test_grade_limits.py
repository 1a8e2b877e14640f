"""The grade a proposal allows, and when setting it aside needs a reason: one test, in the core.

The app refuses a grade as it is chosen (``Proposal.allows``) and asks for a reason first
(``Proposal.needs_reason``); the regime's checks that ``inspectorate check`` prints report the same
grades once recorded. EIF 2019 (DOMAIN-NOTES, M): any key judgement inadequate makes overall
effectiveness inadequate, no upward override; minor safeguarding weaknesses cap it at requires
improvement.
"""

from __future__ import annotations

import datetime as dt

import pytest
from inspectorate.evaluation import evaluate
from inspectorate.frameworks import Grade, Scale
from inspectorate.model import Case, Citation, InspectionDates, Judgement, Proposal, Provider
from inspectorate.plugins import PluginHost

FOUR = Scale("four", [Grade(g, {"en": g}, rank) for rank, g in enumerate(["outstanding", "good", "ri", "inadequate"], 1)])
CITE = Citation(document="toy-guidance.txt", quote="At best requires improvement.")
GRADES = ["outstanding", "good", "ri", "inadequate"]


def test_a_limit_that_is_not_overridable_allows_its_grade_and_below_only():
    limit = Proposal("overall", "ri", "capped", CITE, "toy.cap", overridable=False, ceiling="ri")
    assert [g for g in GRADES if limit.allows(FOUR, g)] == ["ri", "inadequate"]
    assert limit.allows(FOUR, "not-on-the-scale")  # nothing to compare: the case file check names it
    overridable = Proposal("overall", "ri", "likely", CITE, "toy.likely")
    assert all(overridable.allows(FOUR, g) for g in GRADES)


def test_a_reason_is_needed_to_set_a_proposal_aside_but_not_to_grade_below_a_ceiling():
    plain = Proposal("overall", "good", "likely", CITE, "toy.likely")
    assert [g for g in GRADES if plain.needs_reason(FOUR, g)] == ["outstanding", "ri", "inadequate"]
    capped = Proposal("overall", "good", "at best good", CITE, "toy.cap", ceiling="good")
    assert [g for g in GRADES if capped.needs_reason(FOUR, g)] == ["outstanding"]
    assert not Proposal("overall", None, "no grade follows", CITE, "toy.none").needs_reason(FOUR, "good")


@pytest.fixture(scope="module")
def host():
    return PluginHost(environ={}).load_entry_points()


def _eif(*judgements: Judgement) -> Case:
    return Case(
        Provider("Hillside Academy", "school", "england"), "ofsted", "ofsted-eif-2019",
        dates=InspectionDates(start=dt.date(2023, 3, 7), end=dt.date(2023, 3, 8)), judgements=judgements,
    )


@pytest.mark.parametrize(
    ("judgement", "rule", "refused", "asked"),
    [  # refused: the grades better than the limit; asked: those that set the proposal aside
        (Judgement("quality-of-education", "inadequate"), "eif-2019.key-judgement-inadequate", 3, 0),
        (Judgement("safeguarding", "minor-weaknesses"), "eif-2019.minor-safeguarding-weaknesses", 2, 0),
        (Judgement("quality-of-education", "good"), "eif-2019.likely-overall", 0, 3),
    ],
)
def test_the_check_reports_exactly_the_grades_the_app_refuses_or_asks_a_reason_for(host, judgement, rule, refused, asked):
    framework = host.framework("ofsted-eif-2019")
    scale = framework.scale_for("overall-effectiveness")
    [proposal] = [p for p in evaluate(host, _eif(judgement)).proposals if p.area == "overall-effectiveness"]
    assert proposal.rule == rule
    counted = {"refused": 0, "asked": 0}
    for grade in scale.grade_ids:
        findings = evaluate(host, _eif(judgement, Judgement("overall-effectiveness", grade))).findings
        errors = {f.rule for f in findings if f.severity == "error" and f.area == "overall-effectiveness"}
        warnings = {f.rule for f in findings if f.severity == "warning" and f.area == "overall-effectiveness"}
        assert (rule in errors) is (not proposal.allows(scale, grade)), grade
        asks = proposal.allows(scale, grade) and proposal.needs_reason(scale, grade)
        assert ("eif-2019.override-needs-reason" in warnings) is asks, grade
        counted["refused"] += rule in errors
        counted["asked"] += asks
        with_reason = Judgement("overall-effectiveness", grade, overridden_from=proposal.grade, reason="Seen in lessons")
        reasoned = evaluate(host, _eif(judgement, with_reason)).findings
        assert not any(f.rule == "eif-2019.override-needs-reason" for f in reasoned), grade
    assert counted == {"refused": refused, "asked": asked}
