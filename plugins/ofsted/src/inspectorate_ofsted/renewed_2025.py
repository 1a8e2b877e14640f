"""The renewed framework of November 2025: report cards, no overall grade, categories and monitoring.

Schools fall into special measures, requires significant improvement or no category by their
leadership and governance, their other areas and safeguarding; further education and skills
providers get monitoring of the type their weakest grades call for.
"""

from __future__ import annotations

from inspectorate.model import Finding, FollowUpCategory, FollowUpTrigger

from inspectorate_ofsted import citations as cite
from inspectorate_ofsted import draft_comments
from inspectorate_ofsted.categories import from_trigger

FRAMEWORK_ID = "ofsted-renewed-2025"
LEADERSHIP = "leadership-and-governance"
URGENT = "urgent-improvement"
SPECIAL_MEASURES_SETTING = "special-measures-reading"
FE_BOTH_SETTING = "fe-monitoring-when-both"

# -- follow-up categories: what puts a case in each (described, then classified by the same words) --

SPECIAL_MEASURES = FollowUpTrigger(
    category="special-measures",
    name="Special measures",
    when="A school whose leadership and governance is urgent improvement and another area is urgent "
    f"improvement or safeguarding is not met (setting {SPECIAL_MEASURES_SETTING}, reading "
    "'leadership-and-another'); with the reading 'either', leadership and governance and another area "
    "urgent improvement, or safeguarding not met.",
    citation=cite.SPECIAL_MEASURES,
    statutory=True,
    setting=SPECIAL_MEASURES_SETTING,
)
REQUIRES_SIGNIFICANT_IMPROVEMENT = FollowUpTrigger(
    category="requires-significant-improvement",
    name="Requires significant improvement",
    when="A school not in special measures with any area urgent improvement or safeguarding not met.",
    citation=cite.REQUIRES_SIGNIFICANT_IMPROVEMENT,
    statutory=True,
    setting=SPECIAL_MEASURES_SETTING,
)
NO_CATEGORY = FollowUpTrigger(
    category="none",
    name="No category",
    when="A school with no area urgent improvement and safeguarding met, or nothing graded yet.",
    citation=cite.REQUIRES_SIGNIFICANT_IMPROVEMENT,
)
URGENT_IMPROVEMENT_MONITORING = FollowUpTrigger(
    category="urgent-improvement-monitoring",
    name="Urgent improvement monitoring",
    when="A further education and skills provider with any area urgent improvement; when safeguarding is "
    f"also not met, only under the reading 'urgent-improvement' of setting {FE_BOTH_SETTING}.",
    citation=cite.FE_MONITORING_OF_THAT_TYPE,
    setting=FE_BOTH_SETTING,
)
SAFEGUARDING_MONITORING = FollowUpTrigger(
    category="safeguarding-monitoring",
    name="Safeguarding not met monitoring",
    when="A further education and skills provider whose safeguarding is not met and no area is urgent "
    f"improvement, or with both under the reading 'safeguarding' of setting {FE_BOTH_SETTING}.",
    citation=cite.FE_MONITORING_OF_THAT_TYPE,
    setting=FE_BOTH_SETTING,
)
NEEDS_ATTENTION_MONITORING = FollowUpTrigger(
    category="needs-attention-monitoring",
    name="Needs attention monitoring",
    when="A further education and skills provider with no area urgent improvement and safeguarding met, "
    "but an area needs attention.",
    citation=cite.FE_NEEDS_ATTENTION_MONITORING,
)
NO_MONITORING = FollowUpTrigger(
    category="none",
    name="No monitoring",
    when="A further education and skills provider with no area needs attention or urgent improvement and "
    "safeguarding met, or nothing graded yet.",
    citation=cite.FE_NEEDS_ATTENTION_MONITORING,
)
TRIGGERS = (
    SPECIAL_MEASURES,
    REQUIRES_SIGNIFICANT_IMPROVEMENT,
    NO_CATEGORY,
    URGENT_IMPROVEMENT_MONITORING,
    SAFEGUARDING_MONITORING,
    NEEDS_ATTENTION_MONITORING,
    NO_MONITORING,
)


def triggers(framework) -> list[FollowUpTrigger]:
    return list(TRIGGERS)


def propose(framework, case):
    return []  # no overall grade to derive, and the areas are each the inspectors' own call


def applies_to(area, sector: str) -> bool:
    return not area.sectors or sector in area.sectors


def graded_areas(framework, case):
    """The report-card areas graded on the five-point scale (safeguarding aside), with their grades."""
    return [
        (area, case.grade(area.id))
        for area in framework.graded_areas
        if area.id != "safeguarding" and case.grade(area.id)
    ]


def _names(areas) -> str:
    return ", ".join(area.name().lower() for area in areas)


def classify(framework, case) -> FollowUpCategory:
    if case.provider.sector == "school":
        return _school_category(framework, case)
    return _fe_monitoring(framework, case)


def _school_category(framework, case) -> FollowUpCategory:
    urgent = [area for area, grade in graded_areas(framework, case) if grade == URGENT]
    not_met = case.grade("safeguarding") == "not-met"
    leadership_urgent = any(area.id == LEADERSHIP for area in urgent)
    another_urgent = any(area.id != LEADERSHIP for area in urgent)
    reading = framework.setting(case.settings, SPECIAL_MEASURES_SETTING)
    if reading == "either":  # noqa: SIM108 - the two readings side by side
        special = (leadership_urgent and another_urgent) or not_met
    else:
        special = leadership_urgent and (another_urgent or not_met)
    reasons = "; ".join([*([_names(urgent)] if urgent else []), *(["safeguarding not met"] if not_met else [])])
    if special:
        return from_trigger(
            SPECIAL_MEASURES,
            f"Urgent improvement or safeguarding not met: {reasons} (reading '{reading}').",
            "renewed-2025.special-measures",
        )
    if urgent or not_met:
        return from_trigger(
            REQUIRES_SIGNIFICANT_IMPROVEMENT,
            f"Urgent improvement or safeguarding not met: {reasons} (reading '{reading}').",
            "renewed-2025.requires-significant-improvement",
        )
    return from_trigger(
        NO_CATEGORY,
        "No area is urgent improvement and safeguarding is met."
        if graded_areas(framework, case)
        else "Nothing is graded yet.",
        "renewed-2025.no-category",
    )


def _fe_monitoring(framework, case) -> FollowUpCategory:
    grades = graded_areas(framework, case)
    urgent = _names(area for area, grade in grades if grade == URGENT)
    not_met = case.grade("safeguarding") == "not-met"
    attention = _names(area for area, grade in grades if grade == "needs-attention")
    reading = framework.setting(case.settings, FE_BOTH_SETTING)
    if urgent and (not not_met or reading == "urgent-improvement"):
        also = " Safeguarding is also not met." if not_met else ""
        return from_trigger(
            URGENT_IMPROVEMENT_MONITORING,
            f"Urgent improvement in {urgent}.{also} (reading '{reading}')",
            "renewed-2025.fe-urgent-improvement-monitoring",
        )
    if not_met:
        also = f" Urgent improvement also in {urgent}." if urgent else ""
        return from_trigger(
            SAFEGUARDING_MONITORING,
            f"Safeguarding is not met.{also} (reading '{reading}')",
            "renewed-2025.fe-safeguarding-monitoring",
        )
    if attention:
        return from_trigger(
            NEEDS_ATTENTION_MONITORING,
            f"Needs attention in {attention}.",
            "renewed-2025.fe-needs-attention-monitoring",
        )
    return from_trigger(
        NO_MONITORING,
        "No area needs attention or urgent improvement, and safeguarding is met."
        if grades
        else "Nothing is graded yet.",
        "renewed-2025.fe-no-monitoring",
    )


def check(framework, case) -> list[Finding]:
    sector = case.provider.sector
    return [
        Finding(
            severity="error",
            rule="renewed-2025.area-for-sector",
            message=f"{area.name()} is a report-card area for {', '.join(area.sectors)}, not for a {sector} provider; "
            "remove its grade.",
            citation=cite.RENEWED_SCHOOL_AREAS,
            area=area.id,
        )
        for area in framework.areas
        if case.grade(area.id) and not applies_to(area, sector)
    ]


def declarations(framework):
    return [draft_comments.COMMENTS]


def schedule(framework, case, calendar):
    return []


def timing_rules(framework):
    return []
