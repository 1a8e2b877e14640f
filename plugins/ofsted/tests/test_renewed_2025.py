"""The renewed framework of November 2025: school categories, FE and skills monitoring, no overall grade.

Source for every test here: DOMAIN-NOTES.md, "Ofsted (England)", renewed framework (school
categories M: NEU guidance; FE and skills monitoring H: monitoring operating guide, Nov 2025).
"""

import datetime as dt

import inspectorate_ofsted.plugin as ofsted
import pytest
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import FollowUpRecord, InspectionDates, Judgement, Provider
from inspectorate.testing import make_case, make_host
from inspectorate_ofsted import citations as cite

DATES = InspectionDates(start=dt.date(2026, 1, 20), end=dt.date(2026, 1, 22), draft_issued=dt.date(2026, 2, 9),
                        published=dt.date(2026, 3, 4))
SCHOOL = {"inclusion": "expected-standard", "curriculum-and-teaching": "expected-standard",
          "achievement": "expected-standard", "attendance-and-behaviour": "strong-standard",
          "personal-development-and-well-being": "strong-standard", "leadership-and-governance": "expected-standard",
          "safeguarding": "met"}
COLLEGE = {"inclusion": "strong-standard", "leadership-and-governance": "expected-standard",
           "contribution-to-meeting-skills-needs": "expected-standard", "safeguarding": "met"}


@pytest.fixture
def host():
    return make_host(ofsted=ofsted)


@pytest.fixture
def framework(host):
    return host.framework("ofsted-renewed-2025")


def _case(framework, grades, sector="school", dates=DATES, **changes):
    provider = Provider(name="Moorside Academy", sector=sector)
    return make_case(framework, dates=dates, provider=provider,
                     judgements=[Judgement(a, g) for a, g in grades.items()], **changes)


def _category(host, case):
    return evaluate(host, case).follow_up


def test_there_is_no_overall_grade_to_record(framework):
    """DOMAIN-NOTES.md [M]: "safeguarding is met or not met; no overall grade." """
    assert framework.area("overall-effectiveness") is None
    assert framework.scale_for("safeguarding").grade_ids == ("met", "not-met")
    assert framework.scale_for("inclusion").grade_ids == (
        "exceptional", "strong-standard", "expected-standard", "needs-attention", "urgent-improvement")
    assert all(g.symbol for s in framework.scales for g in s.grades), "every grade needs a symbol, not colour alone"


def test_special_measures_when_leadership_and_another_area_are_urgent_improvement(host, framework):
    """DOMAIN-NOTES.md [M]: "*special measures* if leadership and governance is urgent improvement and another area
    is urgent improvement or safeguarding is not met;" """
    both = {**SCHOOL, "leadership-and-governance": "urgent-improvement", "achievement": "urgent-improvement"}
    category = _category(host, _case(framework, both))
    assert (category.id, category.statutory, category.citation) == ("special-measures", True, cite.SPECIAL_MEASURES)
    unsafe = {**SCHOOL, "leadership-and-governance": "urgent-improvement", "safeguarding": "not-met"}
    assert _category(host, _case(framework, unsafe)).id == "special-measures"


def test_requires_significant_improvement_otherwise_when_any_area_is_urgent_or_safeguarding_not_met(host, framework):
    """DOMAIN-NOTES.md [M]: "otherwise *requires significant improvement* if any area is urgent improvement or safeguarding is not met." """
    leadership_only = {**SCHOOL, "leadership-and-governance": "urgent-improvement"}
    another_only = {**SCHOOL, "achievement": "urgent-improvement"}
    unsafe_only = {**SCHOOL, "safeguarding": "not-met"}
    for grades in (leadership_only, another_only, unsafe_only):
        category = _category(host, _case(framework, grades))
        assert category.id == "requires-significant-improvement"
        assert category.citation == cite.REQUIRES_SIGNIFICANT_IMPROVEMENT
    assert _category(host, _case(framework, {**SCHOOL, "inclusion": "needs-attention"})).id == "none"


def test_the_special_measures_reading_is_a_setting_and_named_in_the_rationale(host, framework):
    """DOMAIN-NOTES.md [M]: the school categories sentence read with 'or safeguarding not met' standing alone."""
    unsafe_only = {**SCHOOL, "safeguarding": "not-met"}
    default = _category(host, _case(framework, unsafe_only))
    either = _category(host, _case(framework, unsafe_only, settings={"special-measures-reading": "either"}))
    assert (default.id, either.id) == ("requires-significant-improvement", "special-measures")
    assert "leadership-and-another" in default.rationale and "either" in either.rationale


def test_fe_monitoring_follows_the_weakest_grades(host, framework):
    """DOMAIN-NOTES.md [H]: "any area urgent improvement or safeguarding not met → monitoring of that type;"
    and 'else any area needs attention → "needs attention" monitoring; else none.' """
    cases = {
        "urgent-improvement-monitoring": {**COLLEGE, "inclusion": "urgent-improvement"},
        "safeguarding-monitoring": {**COLLEGE, "safeguarding": "not-met"},
        "needs-attention-monitoring": {**COLLEGE, "leadership-and-governance": "needs-attention"},
        "none": COLLEGE,
    }
    for expected, grades in cases.items():
        assert _category(host, _case(framework, grades, sector="further-education")).id == expected
    urgent = _category(host, _case(framework, cases["urgent-improvement-monitoring"], sector="further-education"))
    assert urgent.citation == cite.FE_MONITORING_OF_THAT_TYPE and urgent.citation.confidence == "H"


def test_fe_monitoring_when_urgent_improvement_and_safeguarding_not_met_together_is_a_setting(host, framework):
    """DOMAIN-NOTES.md [H]: "...monitoring of that type;" does not say which type when both apply."""
    both = {**COLLEGE, "inclusion": "urgent-improvement", "safeguarding": "not-met"}
    default = _category(host, _case(framework, both, sector="independent-learning-provider"))
    other = _category(host, _case(framework, both, sector="independent-learning-provider",
                                  settings={"fe-monitoring-when-both": "safeguarding"}))
    assert (default.id, other.id) == ("urgent-improvement-monitoring", "safeguarding-monitoring")
    assert "Safeguarding is also not met" in default.rationale and "Urgent improvement also in inclusion" in other.rationale


def test_a_school_area_graded_for_a_college_is_an_error(host, framework):
    """DOMAIN-NOTES.md [M]: "School areas: inclusion; curriculum and teaching; achievement; ..." """
    [finding] = evaluate(host, _case(framework, {**COLLEGE, "attendance-and-behaviour": "expected-standard"},
                                     sector="further-education")).findings
    assert (finding.severity, finding.area) == ("error", "attendance-and-behaviour")
    assert evaluate(host, _case(framework, SCHOOL)).findings == ()


def test_a_category_set_by_hand_stands_and_says_what_the_rules_would_give(host, framework):
    """The classify_follow_up hook contract: "A category set by hand on the case ... should be respected
    and the rationale should say so." """
    record = FollowUpRecord(category="none", category_reason="Removed from the category at the third monitoring visit.")
    category = _category(host, _case(framework, {**SCHOOL, "achievement": "urgent-improvement"}, follow_up=record))
    assert category.id == "none"
    assert "Removed from the category" in category.rationale and "Requires significant improvement" in category.rationale


def test_a_category_set_by_hand_that_the_framework_lacks_is_an_error(host, framework):
    """A misspelt category set by hand would otherwise stand as the case's category, under an invented name."""
    record = FollowUpRecord(category="special-measure", category_reason="Typed by hand.")
    case = _case(framework, {**SCHOOL, "achievement": "urgent-improvement"}, follow_up=record)
    [finding] = evaluate(host, case).findings
    assert (finding.severity, finding.rule) == ("error", "ofsted.follow-up-category-unknown")
    assert "'special-measure'" in finding.message and "special-measures" in finding.message
    assert finding.citation == cite.REQUIRES_SIGNIFICANT_IMPROVEMENT
    known = _case(framework, SCHOOL, follow_up=FollowUpRecord(category="special-measures", category_reason="x"))
    assert evaluate(host, known).findings == ()


def test_draft_comments_and_the_framework_start_date(host, framework):
    """DOMAIN-NOTES.md: "Since 5 Apr 2024: 5 working days to comment on a draft report;" [M] and "from 10 Nov 2025" [H]."""
    [event] = schedule(host, _case(framework, SCHOOL), today=dt.date(2026, 2, 10))
    assert (event.id, event.latest, event.status) == ("draft-report-comments", dt.date(2026, 2, 16), "due-soon")
    early = _case(framework, SCHOOL, dates=InspectionDates(start=dt.date(2025, 10, 1), end=dt.date(2025, 10, 2)))
    [finding] = evaluate(host, early).findings
    assert finding.rule == "ofsted.framework-dates" and finding.citation == cite.RENEWED_2025_DATES
