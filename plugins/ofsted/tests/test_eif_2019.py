"""EIF 2019: the limiting judgements and the state schools without an overall grade.

Source for every test here: DOMAIN-NOTES.md, "Ofsted (England)", EIF 2019 (M: Schools Week Sept
2024; school inspection handbook 2019 para 269; H for the state schools from 2 Sept 2024).
"""

import datetime as dt

import inspectorate_ofsted.plugin as ofsted
import pytest
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import InspectionDates, Judgement, Provider
from inspectorate.testing import make_case, make_host
from inspectorate_ofsted import citations as cite

BEFORE_2024 = InspectionDates(start=dt.date(2022, 3, 8), end=dt.date(2022, 3, 9), draft_issued=dt.date(2022, 3, 28),
                              published=dt.date(2022, 4, 20))
FROM_2024 = InspectionDates(start=dt.date(2024, 11, 12), end=dt.date(2024, 11, 13), draft_issued=dt.date(2024, 11, 29),
                            published=dt.date(2025, 1, 8))
GOOD = {"quality-of-education": "good", "behaviour-and-attitudes": "good", "personal-development": "good",
        "leadership-and-management": "good", "safeguarding": "effective"}


@pytest.fixture
def host():
    return make_host(ofsted=ofsted)


@pytest.fixture
def framework(host):
    return host.framework("ofsted-eif-2019")


def _case(framework, grades, sector="school", dates=BEFORE_2024, overrides=None, **changes):
    overrides = overrides or {}
    provider = Provider(name="Hollins Park Primary School", sector=sector, identifiers=changes.pop("identifiers", {}))
    judgements = [Judgement(area, grade, **overrides.get(area, {})) for area, grade in grades.items()]
    return make_case(framework, dates=dates, provider=provider, judgements=judgements, **changes)


def _proposals(host, case):
    return {p.area: p for p in evaluate(host, case).proposals}


def test_any_key_judgement_inadequate_makes_overall_inadequate_and_not_overridable(host, framework):
    """DOMAIN-NOTES.md [M]: "Any key judgement inadequate → overall inadequate." """
    case = _case(framework, {**GOOD, "behaviour-and-attitudes": "inadequate"})
    overall = _proposals(host, case)["overall-effectiveness"]
    assert (overall.grade, overall.overridable) == ("inadequate", False)
    assert overall.citation == cite.EIF_KEY_JUDGEMENT_LIMITS_OVERALL and overall.citation.confidence == "M"


def test_an_upward_override_of_the_limit_is_an_error_even_with_a_reason(host, framework):
    """DOMAIN-NOTES.md [M]: "Any key judgement inadequate → overall inadequate." """
    grades = {**GOOD, "personal-development": "inadequate", "overall-effectiveness": "requires-improvement"}
    overridden = {"overall-effectiveness": {"overridden_from": "inadequate", "reason": "Strong capacity to improve."}}
    [finding] = evaluate(host, _case(framework, grades, overrides=overridden)).findings
    assert (finding.severity, finding.rule) == ("error", "eif-2019.key-judgement-inadequate")
    assert "cannot be overridden upward" in finding.message
    accepted = _case(framework, {**grades, "overall-effectiveness": "inadequate"})
    assert evaluate(host, accepted).findings == ()


def test_ineffective_safeguarding_makes_leadership_and_overall_inadequate(host, framework):
    """DOMAIN-NOTES.md [M]: "Ineffective safeguarding is likely to make leadership and management, and so overall, inadequate;" """
    grades = {**GOOD, "safeguarding": "ineffective", "leadership-and-management": "requires-improvement"}
    proposals = _proposals(host, _case(framework, grades))
    assert proposals["leadership-and-management"].grade == "inadequate"
    assert proposals["overall-effectiveness"].grade == "inadequate"
    assert not proposals["overall-effectiveness"].overridable
    findings = evaluate(host, _case(framework, grades)).findings
    assert [(f.severity, f.area) for f in findings] == [("error", "leadership-and-management")]


def test_reading_ineffective_safeguarding_as_likely_lets_the_inspector_override_with_a_reason(host, framework):
    """DOMAIN-NOTES.md [M]: "...is likely to make..." read as a proposal (setting ineffective-safeguarding)."""
    grades = {**GOOD, "safeguarding": "ineffective", "leadership-and-management": "requires-improvement",
              "overall-effectiveness": "requires-improvement"}
    settings = {"ineffective-safeguarding": "likely"}
    proposals = _proposals(host, _case(framework, grades, settings=settings))
    assert proposals["overall-effectiveness"].overridable and "likely" in proposals["overall-effectiveness"].rationale
    unexplained = evaluate(host, _case(framework, grades, settings=settings)).findings
    assert {(f.severity, f.rule) for f in unexplained} == {("warning", "eif-2019.override-needs-reason")}
    reasons = {area: {"overridden_from": "inadequate", "reason": "Weaknesses put right during the inspection."}
               for area in ("leadership-and-management", "overall-effectiveness")}
    assert evaluate(host, _case(framework, grades, settings=settings, overrides=reasons)).findings == ()


def test_minor_safeguarding_weaknesses_cap_overall_at_requires_improvement(host, framework):
    """DOMAIN-NOTES.md [M]: "minor safeguarding weaknesses easy to put right can still allow requires improvement." """
    grades = {**GOOD, "safeguarding": "minor-weaknesses"}
    overall = _proposals(host, _case(framework, grades))["overall-effectiveness"]
    assert (overall.grade, overall.ceiling, overall.overridable) == ("requires-improvement", "requires-improvement", False)
    [finding] = evaluate(host, _case(framework, {**grades, "overall-effectiveness": "good"})).findings
    assert finding.severity == "error" and finding.citation == cite.EIF_SAFEGUARDING_MINOR_WEAKNESSES
    assert evaluate(host, _case(framework, {**grades, "overall-effectiveness": "requires-improvement"})).findings == ()


def test_other_combinations_are_proposed_and_overridable_with_a_reason(host, framework):
    """DOMAIN-NOTES.md [M]: 'Other combinations are "likely", so propose and let the inspector override with a reason.' """
    grades = {**GOOD, "quality-of-education": "requires-improvement", "personal-development": "outstanding"}
    overall = _proposals(host, _case(framework, grades))["overall-effectiveness"]
    assert (overall.grade, overall.overridable) == ("requires-improvement", True)
    assert overall.citation == cite.EIF_OTHER_COMBINATIONS
    lowest = _proposals(host, _case(framework, {**grades, "behaviour-and-attitudes": "requires-improvement"},
                                    settings={"overall-proposal": "lowest-key-judgement"}))["overall-effectiveness"]
    assert lowest.grade == "requires-improvement" and "lowest-key-judgement" in lowest.rationale
    set_aside = _case(framework, {**grades, "overall-effectiveness": "good"})
    [finding] = evaluate(host, set_aside).findings
    assert (finding.severity, finding.rule) == ("warning", "eif-2019.override-needs-reason")
    explained = _case(framework, {**grades, "overall-effectiveness": "good"},
                      overrides={"overall-effectiveness": {"overridden_from": "requires-improvement",
                                                           "reason": "Teaching is now consistently good."}})
    assert evaluate(host, explained).findings == ()


def test_state_school_from_2_september_2024_has_no_overall_grade(host, framework):
    """DOMAIN-NOTES.md [H]: "State schools inspected from 2 Sept 2024 get the four key judgements but no overall grade." """
    recorded = {**GOOD, "overall-effectiveness": "good"}
    [finding] = evaluate(host, _case(framework, recorded, dates=FROM_2024)).findings
    assert (finding.severity, finding.rule, finding.area) == ("error", "eif-2019.no-overall-for-state-schools", "overall-effectiveness")
    assert finding.citation == cite.EIF_NO_OVERALL_FOR_STATE_SCHOOLS
    assert "overall-effectiveness" not in _proposals(host, _case(framework, GOOD, dates=FROM_2024))
    assert evaluate(host, _case(framework, recorded, dates=BEFORE_2024)).findings == ()


def test_independent_schools_and_colleges_keep_their_overall_grade_after_2024(host, framework):
    """DOMAIN-NOTES.md [H]: the 2024 change is for *state* schools only."""
    recorded = {**GOOD, "overall-effectiveness": "good"}
    independent = _case(framework, recorded, dates=FROM_2024, identifiers={"establishment-type": "Independent school"})
    college = _case(framework, recorded, dates=FROM_2024, sector="further-education")
    for case in (independent, college):
        assert evaluate(host, case).findings == ()
        assert _proposals(host, case)["overall-effectiveness"].grade == "good"


def test_draft_report_comments_due_five_working_days_after_the_draft_since_april_2024(host, framework):
    """DOMAIN-NOTES.md [M]: "Since 5 Apr 2024: 5 working days to comment on a draft report;" """
    [event] = schedule(host, _case(framework, GOOD, dates=FROM_2024), today=dt.date(2024, 12, 2))
    assert event.id == "draft-report-comments"
    assert event.latest == dt.date(2024, 12, 6)  # Friday 29 November + 5 working days
    assert event.citation == cite.DRAFT_REPORT_COMMENTS and event.provenance.rule == "ofsted-2024.draft-report-comments"
    assert schedule(host, _case(framework, GOOD, dates=BEFORE_2024), today=dt.date(2022, 4, 1)) == []


def test_an_inspection_outside_the_framework_dates_is_warned(host, framework):
    """DOMAIN-NOTES.md [M]: "EIF 2019 (Sept 2019 to 9 Nov 2025)" """
    late = InspectionDates(start=dt.date(2025, 11, 18), end=dt.date(2025, 11, 19))
    [finding] = evaluate(host, _case(framework, GOOD, dates=late)).findings
    assert (finding.severity, finding.rule) == ("warning", "ofsted.framework-dates")
    assert finding.citation == cite.EIF_2019_DATES
