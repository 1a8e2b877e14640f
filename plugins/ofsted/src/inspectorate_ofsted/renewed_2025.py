"""The renewed framework of November 2025: report cards, no overall grade, categories and monitoring.

Schools fall into special measures, requires significant improvement or no category by their
leadership and governance, their other areas and safeguarding; further education and skills
providers get monitoring of the type their weakest grades call for.
"""

from __future__ import annotations

from inspectorate.model import Finding, FollowUpCategory

from inspectorate_ofsted import citations as cite
from inspectorate_ofsted import draft_comments

FRAMEWORK_ID = "ofsted-renewed-2025"
LEADERSHIP = "leadership-and-governance"
URGENT = "urgent-improvement"


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


def _category(id_, name, rationale, citation, rule, statutory=False) -> FollowUpCategory:
    return FollowUpCategory(id=id_, name=name, rationale=rationale, citation=citation, rule=rule, statutory=statutory)


def classify(framework, case) -> FollowUpCategory:
    if case.provider.sector == "school":
        return _school_category(framework, case)
    return _fe_monitoring(framework, case)


def _school_category(framework, case) -> FollowUpCategory:
    urgent = [area for area, grade in graded_areas(framework, case) if grade == URGENT]
    not_met = case.grade("safeguarding") == "not-met"
    leadership_urgent = any(area.id == LEADERSHIP for area in urgent)
    another_urgent = any(area.id != LEADERSHIP for area in urgent)
    reading = framework.setting(case.settings, "special-measures-reading")
    if reading == "either":
        special = (leadership_urgent and another_urgent) or not_met
    else:
        special = leadership_urgent and (another_urgent or not_met)
    reasons = "; ".join([*([_names(urgent)] if urgent else []), *(["safeguarding not met"] if not_met else [])])
    if special:
        return _category(
            "special-measures",
            "Special measures",
            f"Urgent improvement or safeguarding not met: {reasons} (reading '{reading}').",
            cite.SPECIAL_MEASURES,
            "renewed-2025.special-measures",
            statutory=True,
        )
    if urgent or not_met:
        return _category(
            "requires-significant-improvement",
            "Requires significant improvement",
            f"Urgent improvement or safeguarding not met: {reasons} (reading '{reading}').",
            cite.REQUIRES_SIGNIFICANT_IMPROVEMENT,
            "renewed-2025.requires-significant-improvement",
            statutory=True,
        )
    return _category(
        "none",
        "No category",
        "No area is urgent improvement and safeguarding is met."
        if graded_areas(framework, case)
        else "Nothing is graded yet.",
        cite.REQUIRES_SIGNIFICANT_IMPROVEMENT,
        "renewed-2025.no-category",
    )


def _fe_monitoring(framework, case) -> FollowUpCategory:
    grades = graded_areas(framework, case)
    urgent = _names(area for area, grade in grades if grade == URGENT)
    not_met = case.grade("safeguarding") == "not-met"
    attention = _names(area for area, grade in grades if grade == "needs-attention")
    reading = framework.setting(case.settings, "fe-monitoring-when-both")
    if urgent and (not not_met or reading == "urgent-improvement"):
        also = " Safeguarding is also not met." if not_met else ""
        return _category(
            "urgent-improvement-monitoring",
            "Urgent improvement monitoring",
            f"Urgent improvement in {urgent}.{also} (reading '{reading}')",
            cite.FE_MONITORING_OF_THAT_TYPE,
            "renewed-2025.fe-urgent-improvement-monitoring",
        )
    if not_met:
        also = f" Urgent improvement also in {urgent}." if urgent else ""
        return _category(
            "safeguarding-monitoring",
            "Safeguarding not met monitoring",
            f"Safeguarding is not met.{also} (reading '{reading}')",
            cite.FE_MONITORING_OF_THAT_TYPE,
            "renewed-2025.fe-safeguarding-monitoring",
        )
    if attention:
        return _category(
            "needs-attention-monitoring",
            "Needs attention monitoring",
            f"Needs attention in {attention}.",
            cite.FE_NEEDS_ATTENTION_MONITORING,
            "renewed-2025.fe-needs-attention-monitoring",
        )
    return _category(
        "none",
        "No monitoring",
        "No area needs attention or urgent improvement, and safeguarding is met."
        if grades
        else "Nothing is graded yet.",
        cite.FE_NEEDS_ATTENTION_MONITORING,
        "renewed-2025.fe-no-monitoring",
    )


def check(framework, case) -> list[Finding]:
    sector = case.provider.sector
    return [
        Finding(
            severity="error",
            rule="renewed-2025.area-for-sector",
            message=f"'{area.id}' is a report-card area for {', '.join(area.sectors)}, not for a {sector} provider; "
            "remove its grade.",
            citation=cite.RENEWED_SCHOOL_AREAS,
            area=area.id,
        )
        for area in framework.areas
        if case.grade(area.id) and not applies_to(area, sector)
    ]


def schedule(framework, case, calendar):
    return draft_comments.schedule(case, calendar)
