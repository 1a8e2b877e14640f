"""EIF 2019 overall effectiveness: the checks ``inspectorate check`` prints report exactly the grades
the app refuses as they are chosen (``Proposal.allows``) or asks a reason for (``Proposal.needs_reason``).

DOMAIN-NOTES, M: any key judgement inadequate makes overall effectiveness inadequate, no upward
override; minor safeguarding weaknesses cap it at requires improvement.
"""

from __future__ import annotations

import datetime as dt

import inspectorate_ofsted.plugin as ofsted
import pytest
from inspectorate.evaluation import evaluate
from inspectorate.model import Case, InspectionDates, Judgement, Provider
from inspectorate.testing import make_host


@pytest.fixture(scope="module")
def host():
    return make_host(ofsted=ofsted)


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
