"""ISEF 2017: the overall effectiveness conclusion decides the follow-up, and the weaker two bring a
formal follow-up inspection within the months ETI states, counted on Northern Ireland's calendar."""

import datetime as dt

import inspectorate_eti.plugin as eti
from inspectorate.compare import compare_case
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import InspectionDates, Judgement
from inspectorate.testing import make_case, make_host

TODAY = dt.date(2019, 6, 1)


def _case(conclusion, **grades):
    framework = eti.REGIME.frameworks[0]
    judgements = [Judgement("overall-effectiveness", conclusion), *(Judgement(a.replace("_", "-"), g) for a, g in grades.items())]
    return make_case(framework, nation="northern-ireland", judgements=judgements,
                     dates=InspectionDates(start=dt.date(2019, 3, 18), end=dt.date(2019, 3, 21), published=dt.date(2019, 5, 10)))


def test_important_areas_bring_a_follow_up_inspection_12_to_18_months_after_the_inspection():
    """"There will be a formal follow-up inspection in 12 to 18 months.\""""
    host = make_host(eti=eti)
    case = _case("important-areas")
    assert evaluate(host, case).follow_up.id == "formal-follow-up-inspection"
    event = next(e for e in schedule(host, case, TODAY) if e.id == "formal-follow-up-inspection")
    assert (event.earliest, event.latest) == (dt.date(2020, 3, 21), dt.date(2020, 9, 21))
    assert "12 to 18 months" in event.citation.quote and event.citation.confidence == "H"


def test_significant_areas_bring_external_support_and_a_follow_up_in_18_to_24_months():
    """"There will be a formal follow-up inspection in 18 to 24 months.\""""
    host = make_host(eti=eti)
    case = _case("significant-areas-urgently")
    assert evaluate(host, case).follow_up.id == "formal-follow-up-inspection-with-external-support"
    event = next(e for e in schedule(host, case, TODAY) if e.id == "formal-follow-up-inspection")
    assert (event.earliest, event.latest) == (dt.date(2020, 9, 21), dt.date(2021, 3, 21))


def test_the_two_strongest_conclusions_bring_monitoring_and_no_inspection_date():
    """"The ETI will monitor how the school sustains improvement.\""""
    host = make_host(eti=eti)
    for conclusion in ("high-level-of-capacity", "capacity-to-improve"):
        case = _case(conclusion)
        assert evaluate(host, case).follow_up.id == "monitoring"
        assert not [e for e in schedule(host, case, TODAY) if e.id == "formal-follow-up-inspection"]


def test_six_performance_levels_give_and_receive_grades_through_the_common_scale():
    host = make_host(eti=eti)
    from inspectorate.testing import toy

    host = make_host(eti=eti, toy=toy)
    case = _case("important-areas", outcomes_for_learners="requires-urgent-improvement")
    side = compare_case(host, case, ["toy-2026"], TODAY).sides[1]
    # The toy's three points say nothing of the common scale: not carried, and the reason says why.
    assert any("toy-2026 does not say how its scale" in g.reason for g in side.grades)
    mapping = eti.map_grade_scale(eti.REGIME.frameworks[0], eti.REGIME.frameworks[0].scale("performance-levels"))
    assert mapping.to_common["requires-urgent-improvement"] == "inadequate"


def test_four_conclusions_the_two_weakest_followed_up_on_northern_irelands_calendar():
    """DOMAIN-NOTES.md: "four overall conclusions, the two weakest bringing a follow-up inspection in
    12-18 or 18-24 months; Northern Ireland's bank holidays"; "Northern Ireland (St Patrick's Day, 12 July)"."""
    from pathlib import Path

    from inspectorate.evaluation import calendar_for_case
    from inspectorate.model import Citation
    from inspectorate.testing.guidance import assert_quoted

    here = Path(__file__).parent
    for quote in ("four overall conclusions, the two weakest bringing a follow-up inspection in 12-18 or 18-24 months; "
                  "Northern Ireland's bank holidays", "Northern Ireland (St Patrick's Day, 12 July)"):
        assert_quoted(Citation(document="DOMAIN-NOTES.md", quote=quote), here)
    framework = eti.REGIME.frameworks[0]
    [overall] = [s for s in framework.scales if len(s.grades) == 4]
    assert [a.id for a in framework.areas if a.scale == overall.id] == ["overall-effectiveness"]
    host = make_host(eti=eti)
    weakest_two = {g.id for g in overall.best_first[2:]}
    followed_up = {g.id for g in overall.grades
                   if any(e.id == "formal-follow-up-inspection" for e in schedule(host, _case(g.id), TODAY))}
    assert followed_up == weakest_two
    calendar = calendar_for_case(_case("important-areas"))
    assert calendar.division == "northern-ireland"
    assert not calendar.is_working_day(dt.date(2019, 3, 18))  # St Patrick's Day, a Sunday, is taken on the Monday
    assert not calendar.is_working_day(dt.date(2019, 7, 12))
