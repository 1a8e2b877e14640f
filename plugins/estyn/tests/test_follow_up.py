"""School follow-up, plans, notice, publication and the six-year cycle.

Sources: DOMAIN-NOTES.md "Estyn (Wales)" (Follow-up for schools, Notice, Publication: H and M);
welsh-government-2022-school-improvement-guidance.txt (development plan within 20 working days;
statutory categories; the 6-year inspection period from 2024).

Expected dates are counted by hand on the england-and-wales calendar of 2025 (Good Friday 18 April,
Easter Monday 21 April, 5 and 26 May bank holidays). The test kit's case is on site 3-7 March 2025
and published 2 May 2025.
"""

import datetime as dt

import attrs
import pytest
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import FollowUpRecord, Judgement
from inspectorate_estyn import citations as cite

TODAY = dt.date(2025, 3, 20)


def _events(host, case, today=TODAY):
    return {e.id: e for e in schedule(host, case, today)}


@pytest.mark.parametrize("category, statutory", [("significant-improvement", True), ("special-measures", True),
                                                 ("estyn-review", False), ("none", False)])
def test_school_categories_and_which_are_statutory(host, case_for, category, statutory):
    """DOMAIN-NOTES.md: "none, Estyn review (not statutory), significant improvement and special measures (statutory; ...)" """
    case = case_for("estyn-2024", kind="core-inspection", follow_up=FollowUpRecord(category=category, category_reason="Team decision."))
    result = evaluate(host, case).follow_up
    assert (result.id, result.statutory) == (category, statutory)
    assert "Team decision." in result.rationale
    assert ("action-plan" in _events(host, case)) is statutory


def test_post_inspection_action_plan_within_20_working_days_of_publication(host, case_for):
    """DOMAIN-NOTES.md: statutory categories need "a post-inspection action plan within 20 working days"."""
    case = case_for("estyn-cif-2017", follow_up=FollowUpRecord(category="special-measures"))
    plan = _events(host, case)["action-plan"]
    # 20 working days after Friday 2 May 2025, skipping the 5 and 26 May bank holidays.
    assert plan.latest == dt.date(2025, 6, 3)
    assert plan.statutory and plan.provenance.reading == "report-published"
    assert plan.citation == cite.SCHOOL_CATEGORIES


def test_the_action_plan_anchor_is_a_setting(host, case_for):
    case = case_for("estyn-cif-2017", follow_up=FollowUpRecord(category="significant-improvement"),
                    settings={"action-plan-anchor": "inspection-end"})
    plan = _events(host, case)["action-plan"]
    assert plan.latest == dt.date(2025, 4, 4)  # 20 working days after Friday 7 March
    assert plan.provenance.reading == "inspection-end"


def test_every_school_revises_its_development_plan_within_20_working_days(host, case_for):
    """WG 2022: "This should be done within 20 working days," (the plan amended after the inspection)."""
    plan = _events(host, case_for("estyn-2024", kind="core-inspection"))["development-plan"]
    assert plan.latest == dt.date(2025, 4, 4)
    assert plan.citation == cite.DEVELOPMENT_PLAN_REVISED
    assert plan.provenance.reading == "inspection-end"


def test_no_development_plan_for_a_partnership(host, case_for):
    """WG 2022 guidance: the school development plan is a school's; a partnership has none."""
    assert "development-plan" not in _events(host, case_for("estyn-2022"))


def test_a_monitoring_visit_moves_a_school_into_a_category_with_a_new_action_plan(host, case_for):
    """DOMAIN-NOTES.md: "A monitoring visit can move a school into or out of a category." """
    case = case_for(
        "estyn-2024", kind="core-inspection",
        follow_up=FollowUpRecord(category="special-measures", category_reason="Insufficient progress since Estyn review.",
                                 done={"monitoring-visit": dt.date(2025, 11, 13)}),
    )
    category = evaluate(host, case).follow_up
    assert category.citation == cite.MONITORING_VISIT_MOVES_CATEGORY
    assert "2025-11-13" in category.rationale
    plan = _events(host, case, dt.date(2025, 11, 20))["action-plan"]
    # 20 working days after Thursday 13 November 2025 (no bank holiday in between).
    assert plan.latest == dt.date(2025, 12, 11)
    assert plan.anchor.name == "monitoring-visit"


def test_a_monitoring_visit_moves_a_school_out_of_a_category(host, case_for):
    case = case_for(
        "estyn-2024", kind="core-inspection",
        follow_up=FollowUpRecord(category="none", category_reason="Strong progress on all recommendations.",
                                 done={"monitoring-visit": dt.date(2025, 11, 13)}),
    )
    assert evaluate(host, case).follow_up.id == "none"
    assert "action-plan" not in _events(host, case)


def test_a_category_not_known_for_the_sector_is_an_error(host, case_for):
    """DOMAIN-NOTES.md: "Post-16 sectors have one level of follow-up from 26 Feb 2024." """
    case = case_for("estyn-2022", follow_up=FollowUpRecord(category="special-measures"))
    [finding] = [f for f in evaluate(host, case).findings if f.rule == "estyn.follow-up-category-unknown"]
    assert finding.severity == "error"


@pytest.mark.parametrize("framework_id, kind, days, latest", [
    ("estyn-cif-2010", "inspection", 20, dt.date(2025, 2, 3)),
    ("estyn-cif-2017", "inspection", 15, dt.date(2025, 2, 10)),
    ("estyn-2022", "inspection", 10, dt.date(2025, 2, 17)),
    ("estyn-2024", "core-inspection", 10, dt.date(2025, 2, 17)),
    ("estyn-2024", "interim-visit", 5, dt.date(2025, 2, 24)),
])
def test_notice_by_era(host, case_for, framework_id, kind, days, latest):
    """DOMAIN-NOTES.md, Notice: "20 working days before 2017, 15 from Sept 2017, 10 from 2024; interim visits 5 days." """
    case = case_for(framework_id, kind=kind, dates={"notified": None})
    notice = _events(host, case, dt.date(2025, 1, 6))["inspection-notice"]
    assert notice.latest == latest
    assert f"{days} working days" in notice.basis
    assert notice.citation == cite.NOTICE and notice.citation.confidence == "M"


def test_short_notice_is_flagged_and_enough_notice_is_not(host, case_for):
    """DOMAIN-NOTES.md, Notice: 20 working days before 2017, 15 from Sept 2017."""
    # Notified Monday 10 February for Monday 3 March: 15 working days' notice.
    short = case_for("estyn-cif-2010")
    [late] = [f for f in evaluate(host, short).findings if f.key == "inspection.notified"]
    assert late.rule == "timing.done-late" and late.citation == cite.NOTICE
    assert late.message == (
        "Notify the provider of the inspection (20 working days' notice) is recorded on 2025-02-10, after 2025-02-03, "
        "its latest date (20 working days before the first day on site)."
    )
    enough = case_for("estyn-cif-2017")
    assert [f for f in evaluate(host, enough).findings if f.key == "inspection.notified"] == []


@pytest.mark.parametrize("reading, latest", [("inspection-end", dt.date(2025, 5, 14)), ("inspection-start", dt.date(2025, 5, 8))])
def test_publication_within_45_working_days_anchor_is_a_setting(host, case_for, reading, latest):
    """DOMAIN-NOTES.md, Publication: "within 45 working days of the inspection" / "45 days after the start"."""
    settings = {"publication-anchor": reading} if reading != "inspection-end" else {}
    case = case_for("estyn-2022", dates={"published": None}, settings=settings)
    event = _events(host, case)["report-published"]
    assert event.latest == latest
    assert event.provenance.reading == reading
    assert event.citation == cite.PUBLICATION


def test_late_publication_is_flagged(host, case_for):
    """DOMAIN-NOTES.md, Publication: "within 45 working days of the inspection"."""
    # The test kit's report is published 2 May 2025; from the start, 45 working days end on 8 May.
    late = case_for("estyn-2022", dates={"published": dt.date(2025, 5, 20)})
    [finding] = [f for f in evaluate(host, late).findings if f.key == "inspection.published"]
    assert finding.rule == "timing.done-late" and finding.citation == cite.PUBLICATION
    on_time = case_for("estyn-2022")
    assert [f for f in evaluate(host, on_time).findings if f.key == "inspection.published"] == []


def test_core_inspection_brings_an_interim_visit_in_the_same_cycle(host, case_for):
    """DOMAIN-NOTES.md: "one core inspection and one interim visit per six-year cycle (Sept 2024 to July 2030)" """
    visit = _events(host, case_for("estyn-2024", kind="core-inspection"))["interim-visit"]
    assert (visit.earliest, visit.latest) == (dt.date(2025, 3, 8), dt.date(2030, 7, 31))
    assert visit.citation == cite.CORE_AND_INTERIM


def test_interim_visit_brings_a_core_inspection_in_the_next_cycle(host, case_for):
    """WG 2022: "...within a 6-year inspection period from 2024, on average twice within a cycle..." """
    core = _events(host, case_for("estyn-2024", kind="interim-visit"))["next-core-inspection"]
    assert (core.earliest, core.latest) == (dt.date(2030, 9, 1), dt.date(2036, 7, 31))


@pytest.mark.parametrize("framework_id, area, grade", [
    ("estyn-cif-2010", "current-performance", "unsatisfactory"),
    ("estyn-cif-2017", "leadership-and-management", "unsatisfactory-and-needs-urgent-improvement"),
])
def test_a_grade_at_the_foot_of_the_scale_asks_for_a_follow_up_category(host, case_for, framework_id, area, grade):
    """DOMAIN-NOTES.md, Follow-up for schools: "none, Estyn review (not statutory), significant improvement and special measures" """
    weak = case_for(framework_id, judgements=[Judgement(area, grade)])
    [finding] = [f for f in evaluate(host, weak).findings if f.rule == "estyn.follow-up-category-needed"]
    assert area in finding.message and finding.citation == cite.SCHOOL_CATEGORIES
    decided = attrs.evolve(weak, follow_up=FollowUpRecord(category="significant-improvement"))
    assert "estyn.follow-up-category-needed" not in [f.rule for f in evaluate(host, decided).findings]
    adequate = case_for(framework_id, judgements=[Judgement(area, host.framework(framework_id).scales[0].grades[2].id)])
    assert "estyn.follow-up-category-needed" not in [f.rule for f in evaluate(host, adequate).findings]


@pytest.mark.parametrize("start, reading, days", [
    (dt.date(2024, 3, 4), "september-2024", 15),
    (dt.date(2024, 3, 4), "january-2024", 10),
    (dt.date(2025, 3, 3), "september-2024", 10),
])
def test_2022_notice_shortens_to_ten_days_from_2024_which_month_is_a_setting(host, case_for, start, reading, days):
    """DOMAIN-NOTES.md, Notice: "15 from Sept 2017, 10 from 2024" — 2024 is read as a setting."""
    settings = {} if reading == "september-2024" else {"notice-from-2024": reading}
    case = case_for("estyn-2022", dates={"notified": None, "start": start, "end": start + dt.timedelta(days=3)}, settings=settings)
    notice = _events(host, case, dt.date(2024, 1, 8))["inspection-notice"]
    assert f"{days} working days" in notice.basis
    assert notice.provenance.reading == reading


@pytest.mark.parametrize(
    "sector, start, expected",
    [("adult-learning-in-the-community", dt.date(2023, 1, 23), "SERIOUS_SHORTCOMINGS"),
     ("further-education", dt.date(2023, 1, 23), "POST_16_BEFORE_ONE_LEVEL"),
     ("adult-learning-in-the-community", dt.date(2024, 3, 4), "POST_16_ONE_LEVEL"),
     ("further-education", dt.date(2024, 3, 4), "POST_16_ONE_LEVEL")],
)
def test_post_16_one_level_of_follow_up_is_cited_only_from_26_february_2024(host, case_for, sector, start, expected):
    """DOMAIN-NOTES.md: "Post-16 sectors have one level of follow-up from 26 Feb 2024." Before then a
    partnership's category rests on the 2022 handbook, and for other post-16 sectors the guidance is silent."""
    dates = {"start": start, "end": start + dt.timedelta(days=3), "notified": None, "published": None}
    case = case_for("estyn-2022", provider={"sector": sector}, dates=dates)
    category = evaluate(host, case).follow_up
    assert category.id == "none" and category.citation == getattr(cite, expected)
    assert category.citation.in_force_on(start) and category.citation.covers(sector)
