"""How good is our school? (4th edition): the six-point scale per quality indicator, the short and
full models' quality indicators, the continuing-engagement outcomes and their follow-up.

Each test quotes the sentence it encodes: the domain notes' (checked word for word with the test
kit's ``assert_quoted``) and Education Scotland's own, which the rule's citation carries.
"""

import datetime as dt
from pathlib import Path

import inspectorate_education_scotland.plugin as es
import pytest
from inspectorate.compare.scales import COMMON_SCALE
from inspectorate.evaluation import calendar_for_case, evaluate, schedule
from inspectorate.model import Citation, InspectionDates, Judgement
from inspectorate.testing import make_case, make_host
from inspectorate.testing.guidance import assert_quoted
from inspectorate_education_scotland import citations as cite

HERE = Path(__file__).parent
TODAY = dt.date(2026, 11, 23)
QIS = ("leadership-of-change", "learning-teaching-and-assessment", "ensuring-wellbeing-equality-and-inclusion",
       "raising-attainment-and-achievement")


def notes(quote: str) -> None:
    """The domain notes say this, word for word."""
    assert_quoted(Citation(document="DOMAIN-NOTES.md", quote=quote), HERE)


@pytest.fixture
def host():
    return make_host(es=es)


@pytest.fixture
def framework(host):
    return host.framework(es.FRAMEWORK_ID)


def _case(framework, grades, kind="full-model-inspection", calls=None):
    return make_case(framework, nation="scotland", kind=kind,
                     judgements=[Judgement(qi, grade) for qi, grade in grades.items()],
                     inspector_calls=calls or {},
                     dates=InspectionDates(start=dt.date(2026, 9, 21), end=dt.date(2026, 9, 24),
                                           published=dt.date(2026, 11, 17)))


def test_each_quality_indicator_is_graded_on_the_six_point_scale(framework):
    """DOMAIN-NOTES.md: "six-point scale per quality indicator (excellent, very good, good, satisfactory, weak, unsatisfactory)"."""
    notes("six-point scale per quality indicator (excellent, very good, good, satisfactory, weak, unsatisfactory)")
    [scale] = framework.scales
    assert [g.name() for g in scale.best_first] == ["Excellent", "Very good", "Good", "Satisfactory", "Weak", "Unsatisfactory"]
    assert [a.id for a in framework.graded_areas] == list(QIS)
    assert {framework.scale_for(qi).id for qi in QIS} == {"six-point"}
    assert [a.code for a in framework.graded_areas] == ["1.3", "2.3", "3.1", "3.2"]


def test_a_short_model_covers_two_quality_indicators_and_a_full_model_four(host, framework):
    """"This includes a full model inspection which covers four QIs, and a short model inspection which covers two QIs.\""""
    four = dict.fromkeys(QIS, "good")
    assert not [f for f in evaluate(host, _case(framework, four)).findings if f.rule == "education-scotland.qis-for-model"]
    short = _case(framework, dict(list(four.items())[:2]), kind="short-model-inspection")
    assert not [f for f in evaluate(host, short).findings if f.rule == "education-scotland.qis-for-model"]
    too_many = _case(framework, dict(list(four.items())[:3]), kind="short-model-inspection")
    [finding] = [f for f in evaluate(host, too_many).findings if f.rule == "education-scotland.qis-for-model"]
    assert finding.severity == "error" and "covers 2 quality indicators, but 3 are evaluated" in finding.message
    assert finding.citation == cite.MODELS and "short model inspection which covers two QIs" in finding.citation.quote


def test_continuing_engagement_is_one_of_three_outcomes_each_described(host, framework):
    """DOMAIN-NOTES.md: "follow-up is one of no continuing engagement, additional support, further inspection"."""
    notes("follow-up is one of no continuing engagement, additional support, further inspection")
    triggers = host.collect("describe_follow_up_triggers", framework=framework)
    assert {t.category for t in triggers} == {"no-continuing-engagement", "additional-support", "further-inspection", "none"}


def test_a_weak_or_unsatisfactory_quality_indicator_brings_further_inspection(host, framework):
    """"We currently anticipate carrying out 65 further inspections of schools where we have identified
    important weaknesses in the quality of education." and "weak means important weaknesses"."""
    for grade in ("weak", "unsatisfactory"):
        category = evaluate(host, _case(framework, {**dict.fromkeys(QIS, "good"), QIS[1]: grade})).follow_up
        assert category.id == "further-inspection"
        assert category.citation == cite.IMPORTANT_WEAKNESSES and "2.3 Learning, teaching and assessment" in category.rationale
    assert "important weaknesses" in cite.WEAK_MEANS.quote


def test_the_inspectors_call_decides_between_support_and_further_inspection(host, framework):
    """"With support from the local authority or Board of Governors, and possibly Education Scotland, the
    establishment will be able to make the necessary improvements." / "... needs additional support and more
    time to make necessary improvements.\""""
    satisfactory = dict.fromkeys(QIS, "satisfactory")
    support = evaluate(host, _case(framework, satisfactory, calls={"additional-support": QIS})).follow_up
    assert (support.id, support.citation) == ("additional-support", cite.ADDITIONAL_SUPPORT)
    further = evaluate(host, _case(framework, satisfactory, calls={"further-inspection": QIS})).follow_up
    assert (further.id, further.citation) == ("further-inspection", cite.FURTHER_INSPECTION)
    # Important weaknesses outweigh a call for support.
    weak = evaluate(host, _case(framework, {**satisfactory, QIS[0]: "weak"}, calls={"additional-support": QIS})).follow_up
    assert weak.id == "further-inspection"


def test_no_weakness_and_no_call_is_no_continuing_engagement(host, framework):
    """"As a result, we will make no further visits in connection with this inspection.\""""
    result = evaluate(host, _case(framework, dict.fromkeys(QIS, "very-good")))
    assert (result.follow_up.id, result.follow_up.citation) == ("no-continuing-engagement", cite.NO_CONTINUING_ENGAGEMENT)
    assert schedule(host, _case(framework, dict.fromkeys(QIS, "very-good")), TODAY) == []
    assert evaluate(host, _case(framework, {})).follow_up.id == "none"  # nothing evaluated yet


def test_further_inspection_is_scheduled_with_no_time_the_guidance_does_not_set(host, framework):
    """Education Scotland states no time for a further inspection: the event says so rather than invent one."""
    [event] = schedule(host, _case(framework, {**dict.fromkeys(QIS, "good"), QIS[3]: "weak"}), TODAY)
    # Open from publication, with no last day: nothing shows it overdue.
    assert (event.id, event.earliest, event.latest) == ("further-inspection", dt.date(2026, 11, 17), None)
    assert "sets no time" in event.basis and event.citation == cite.FURTHER_INSPECTION
    assert event.status == "open"


def test_additional_support_tells_parents_how_far_the_school_has_improved(host, framework):
    """"Parents will be informed of the extent to which the establishment has improved.\""""
    case = _case(framework, dict.fromkeys(QIS, "satisfactory"), calls={"additional-support": QIS})
    [event] = schedule(host, case, TODAY)
    assert event.id == "progress-reported-to-parents" and event.citation == cite.PARENTS_INFORMED


def test_dates_count_on_scotlands_bank_holidays(host, framework):
    """DOMAIN-NOTES.md: "Scotland (2 January, no Easter Monday, first Monday of August, St Andrew's Day, one-offs)"."""
    notes("Scotland (2 January, no Easter Monday, first Monday of August, St Andrew's Day, one-offs)")
    assert es.REGIME.nations == ("scotland",)
    calendar = calendar_for_case(_case(framework, {}))
    assert calendar.division == "scotland"
    assert not calendar.is_working_day(dt.date(2026, 8, 3))  # the first Monday of August
    assert not calendar.is_working_day(dt.date(2026, 11, 30))  # St Andrew's Day
    assert calendar.is_working_day(dt.date(2026, 4, 6))  # Easter Monday is a working day in Scotland


def test_the_six_points_map_onto_the_common_scale_both_ways(framework):
    """"weak means important weaknesses": weak and unsatisfactory meet the common scale's lowest point."""
    mapping = es.map_grade_scale(framework, framework.scale("six-point"))
    assert set(mapping.to_common) == {g.id for g in framework.scale("six-point").grades}
    assert set(mapping.to_common.values()) <= set(COMMON_SCALE)
    assert mapping.to_common["weak"] == mapping.to_common["unsatisfactory"] == "inadequate"
    assert set(mapping.from_common) == set(COMMON_SCALE)
    assert all(mapping.to_common[mapping.from_common[c]] == c for c in COMMON_SCALE)  # there and back
    assert mapping.citation == cite.WEAK_MEANS and "Education Scotland states no mapping" in mapping.basis
