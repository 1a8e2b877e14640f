"""After an inspection: the follow-up category, action and development plans, notice, publication
and the six-year cycle.

Schools fall into none, Estyn review, significant improvement or special measures; post-16
providers have one level of follow-up. The team sets the category by hand (``follow_up.category``)
and the rules respect it; without one, serious shortcomings bring the least follow-up and the
team decides whether more is needed.
"""

from __future__ import annotations

import datetime as dt

from inspectorate.calendar import working_days_between
from inspectorate.model import Finding, FollowUpCategory

from inspectorate_estyn import citations as cite
from inspectorate_estyn.events import deadline, working_days_after
from inspectorate_estyn.frameworks import (
    CIF_2010,
    CIF_2017,
    ESTYN_2022,
    ESTYN_2024,
    is_school,
)
from inspectorate_estyn.messages import MESSAGES

SCHOOL_CATEGORIES = ("none", "estyn-review", "significant-improvement", "special-measures")
STATUTORY = ("significant-improvement", "special-measures")
POST_16_CATEGORIES = ("none", "follow-up-activity")

ACTION_PLAN_DAYS = 20
DEVELOPMENT_PLAN_DAYS = 20
PUBLICATION_DAYS = 45
#: Working days' notice of an inspection, by framework (DOMAIN-NOTES.md, Notice).
NOTICE_DAYS = {CIF_2010: 20, CIF_2017: 15, ESTYN_2022: 15, ESTYN_2024: 10}
INTERIM_VISIT_NOTICE_DAYS = 5
#: Visits that are inspections, and so bring notice, a published report and plans.
INSPECTION_KINDS = ("inspection", "core-inspection", "interim-visit")
CYCLE_START = dt.date(2024, 9, 1)
CYCLE_YEARS = 6


def category_name(category_id: str, lang: str = "en") -> str:
    return MESSAGES.get(lang, MESSAGES["en"]).get(f"category-{category_id}") or MESSAGES["en"][f"category-{category_id}"]


def allowed_categories(case) -> tuple[str, ...]:
    return SCHOOL_CATEGORIES if is_school(case) else POST_16_CATEGORIES


def serious_shortcomings(case) -> tuple[str, ...]:
    return tuple(case.inspector_calls.get("serious-shortcomings", ()))


def classify(framework, case) -> FollowUpCategory:
    chosen = case.follow_up.category
    if chosen in allowed_categories(case):
        visited = case.follow_up.done.get("monitoring-visit")
        how = f"decided at the monitoring visit on {visited.isoformat()}" if visited else "set by the team"
        reason = f": {case.follow_up.category_reason.rstrip('.')}" if case.follow_up.category_reason else ""
        return FollowUpCategory(
            id=chosen,
            name=category_name(chosen),
            rationale=f"Category {how}{reason}.",
            citation=cite.MONITORING_VISIT_MOVES_CATEGORY if visited else _category_citation(case),
            statutory=chosen in STATUTORY,
            rule="estyn.follow-up-category-set",
        )
    areas = serious_shortcomings(case)
    if areas:
        least = "estyn-review" if is_school(case) else "follow-up-activity"
        more = " The team decides whether significant improvement or special measures are needed instead." if is_school(case) else ""
        return FollowUpCategory(
            id=least,
            name=category_name(least),
            rationale=f"Serious shortcomings in {', '.join(areas)} require follow-up activity.{more}",
            citation=cite.SERIOUS_SHORTCOMINGS,
            rule="estyn.serious-shortcomings-follow-up",
        )
    return FollowUpCategory(
        id="none",
        name=category_name("none"),
        rationale="No serious shortcomings are recorded.",
        citation=_category_citation(case),
        rule="estyn.no-follow-up",
    )


def _category_citation(case):
    return cite.SCHOOL_CATEGORIES if is_school(case) else cite.POST_16_ONE_LEVEL


def check(framework, case, calendar) -> list[Finding]:
    findings = []
    chosen = case.follow_up.category
    allowed = allowed_categories(case)
    if chosen is not None and chosen not in allowed:
        findings.append(
            Finding(
                severity="error",
                rule="estyn.follow-up-category-unknown",
                message=f"'{chosen}' is not a follow-up category for a {case.provider.sector}: use one of {', '.join(allowed)}.",
                citation=_category_citation(case),
            )
        )
    if chosen == "none" and serious_shortcomings(case):
        findings.append(
            Finding(
                severity="error",
                rule="estyn.serious-shortcomings-follow-up",
                message=f"Serious shortcomings are recorded in {', '.join(serious_shortcomings(case))}, "
                "but the follow-up category is set to none.",
                citation=cite.SERIOUS_SHORTCOMINGS,
            )
        )
    findings += _weakest_grade_without_category(framework, case)
    findings += _notice_given(framework, case, calendar)
    findings += _published_in_time(framework, case, calendar)
    return findings


def _weakest_grade_without_category(framework, case) -> list[Finding]:
    """A school graded at the foot of the scale with no follow-up category chosen yet."""
    if not is_school(case) or case.follow_up.category is not None:
        return []
    weakest = [
        a.id for a in framework.graded_areas
        if (scale := framework.scale(a.scale)) and case.grade(a.id) == scale.grades[-1].id
    ]
    if not weakest:
        return []
    return [
        Finding(
            severity="warning",
            rule="estyn.follow-up-category-needed",
            message=f"{', '.join(weakest)} {'is' if len(weakest) == 1 else 'are'} judged at the foot of the scale, "
            "but no follow-up category is set: choose none, Estyn review, significant improvement or special measures.",
            citation=cite.SCHOOL_CATEGORIES,
        )
    ]


#: Where "10 from 2024" begins, by reading of the notice-from-2024 setting.
TEN_DAYS_FROM = {"september-2024": dt.date(2024, 9, 1), "january-2024": dt.date(2024, 1, 1)}


def _notice(framework, case) -> tuple[int | None, str]:
    """(working days' notice, reading used) for this visit; None when the visit is not an inspection."""
    if case.kind == "interim-visit":
        return INTERIM_VISIT_NOTICE_DAYS, ""
    if case.kind not in INSPECTION_KINDS:
        return None, ""
    if "notice-from-2024" in framework.settings and case.dates.start:
        reading = framework.setting(case.settings, "notice-from-2024")
        return (10 if case.dates.start >= TEN_DAYS_FROM[reading] else 15), reading
    return NOTICE_DAYS.get(framework.id), ""


def _notice_days(framework, case) -> int | None:
    return _notice(framework, case)[0]


def _notice_given(framework, case, calendar) -> list[Finding]:
    days = _notice_days(framework, case)
    notified, start = case.dates.notified, case.dates.start
    if days is None or notified is None or start is None:
        return []
    # N days' notice: notified on the N-th working day before the first day on site, or earlier.
    given = working_days_between(notified, start, calendar)
    if given >= days:
        return []
    return [
        Finding(
            severity="warning",
            rule="estyn.notice",
            message=f"Notice was {given} working days before the first day on site; {framework.id} gives {days}.",
            citation=cite.NOTICE,
        )
    ]


def _publication_anchor(framework, case):
    reading = framework.setting(case.settings, "publication-anchor")
    return reading, case.dates.start if reading == "inspection-start" else case.dates.end


def _published_in_time(framework, case, calendar) -> list[Finding]:
    if case.kind not in INSPECTION_KINDS or case.dates.published is None:
        return []
    reading, anchor = _publication_anchor(framework, case)
    latest = working_days_after(anchor, PUBLICATION_DAYS, calendar)
    if latest is None or case.dates.published <= latest:
        return []
    return [
        Finding(
            severity="warning",
            rule="estyn.publication",
            message=f"The report was published on {case.dates.published}, after {latest}: "
            f"45 working days from {reading.replace('-', ' ')}.",
            citation=cite.PUBLICATION,
        )
    ]


def schedule(framework, case, calendar) -> list:
    events = []
    policy = calendar.policy
    days, reading = _notice(framework, case)
    start = case.dates.start
    if days and case.dates.notified is None and start:
        # Shown only until notice is recorded; once it is, the check above says whether it was enough.
        events.append(
            deadline(
                "inspection-notice", f"Notify the provider of the inspection ({days} working days' notice)",
                working_days_after(start, -days, calendar), "inspection-start", start,
                f"{days} working days before the first day on site", cite.NOTICE, "estyn.notice", policy,
                reading=reading,
            )
        )
    if case.kind in INSPECTION_KINDS and case.dates.published is None:
        reading, anchor = _publication_anchor(framework, case)
        events.append(
            deadline(
                "report-published", "Inspection report published",
                working_days_after(anchor, PUBLICATION_DAYS, calendar), reading, anchor,
                f"within 45 working days of the inspection ({reading.replace('-', ' ')})",
                cite.PUBLICATION, "estyn.publication", policy, reading=reading,
            )
        )
    events += _plans(framework, case, calendar)
    if framework.id == ESTYN_2024:
        events += _cycle(case)
    return events


def _plans(framework, case, calendar) -> list:
    if not is_school(case):
        return []
    events = []
    category = classify(framework, case)
    visited = case.follow_up.done.get("monitoring-visit")
    if category.statutory:
        if visited:
            # A monitoring visit that moves a school into (or between) categories starts a new plan.
            reading, anchor_name, anchor = "monitoring-visit", "monitoring-visit", visited
        else:
            reading = framework.setting(case.settings, "action-plan-anchor")
            anchor_name = reading
            anchor = case.dates.published if reading == "report-published" else case.dates.end
        events.append(
            deadline(
                "action-plan", f"Post-inspection action plan ({category.name.lower()})",
                working_days_after(anchor, ACTION_PLAN_DAYS, calendar), anchor_name, anchor,
                "within 20 working days", cite.SCHOOL_CATEGORIES, "estyn.post-inspection-action-plan",
                calendar.policy, reading=reading, statutory=True,
            )
        )
    if case.kind in INSPECTION_KINDS:
        reading = framework.setting(case.settings, "development-plan-anchor")
        anchor = case.dates.published if reading == "report-published" else case.dates.end
        events.append(
            deadline(
                "development-plan", "School development plan revised after the inspection",
                working_days_after(anchor, DEVELOPMENT_PLAN_DAYS, calendar), reading, anchor,
                "within 20 working days of the inspection", cite.DEVELOPMENT_PLAN_REVISED,
                "estyn.development-plan-revised", calendar.policy, reading=reading, statutory=True,
            )
        )
    return events


def cycle_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The six-year inspection cycle (1 September to 31 July) that ``day`` falls in, from 2024."""
    school_year = day.year if day.month >= 9 else day.year - 1
    first_year = CYCLE_START.year + (school_year - CYCLE_START.year) // CYCLE_YEARS * CYCLE_YEARS
    return dt.date(first_year, 9, 1), dt.date(first_year + CYCLE_YEARS, 7, 31)


def _cycle(case) -> list:
    start, end = case.dates.start, case.dates.end
    if start is None:
        return []
    first, last = cycle_of(start)
    if case.kind == "core-inspection":
        return [
            deadline(
                "interim-visit", "Interim visit in this inspection cycle",
                last, "inspection-end", end,
                f"one interim visit in the cycle {first.year}-{last.year}, after the core inspection",
                cite.CORE_AND_INTERIM, "estyn-2024.interim-visit",
                "the six-year cycle from 1 September 2024, ending 31 July", earliest=end + dt.timedelta(days=1) if end else None,
            )
        ]
    if case.kind == "interim-visit":
        next_first, next_last = dt.date(last.year, 9, 1), dt.date(last.year + CYCLE_YEARS, 7, 31)
        return [
            deadline(
                "next-core-inspection", "Core inspection in the next cycle",
                next_last, "inspection-end", end,
                f"one core inspection in the next cycle {next_first.year}-{next_last.year}",
                cite.SIX_YEAR_CYCLE, "estyn-2024.next-core-inspection",
                "the six-year cycle from 1 September 2024, ending 31 July", earliest=next_first,
            )
        ]
    return []
