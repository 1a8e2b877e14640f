"""After an inspection: the follow-up category, action and development plans, notice, publication
and the six-year cycle.

Schools fall into none, Estyn review, significant improvement or special measures; post-16
providers have one level of follow-up. The team sets the category by hand (``follow_up.category``)
and the rules respect it; without one, serious shortcomings bring the least follow-up and the
team decides whether more is needed.

The words of each rule are kept as constants beside it, shared by the events and categories it
gives and by :func:`triggers` and :func:`timing_rules`, the same rules in words.
"""

from __future__ import annotations

import datetime as dt

from inspectorate.calendar import working_days_between
from inspectorate.model import Finding, FollowUpCategory, FollowUpTrigger, TimingRule
from inspectorate.reports import long_date

from inspectorate_estyn import citations as cite
from inspectorate_estyn.events import counted_from, deadline, readings_default_first, working_days_after
from inspectorate_estyn.frameworks import (
    CIF_2010,
    CIF_2017,
    ESTYN_2022,
    ESTYN_2024,
    SCHOOL_SECTORS,
    is_school,
)
from inspectorate_estyn.messages import MESSAGES

SCHOOL_CATEGORIES = ("none", "estyn-review", "significant-improvement", "special-measures")
STATUTORY = ("significant-improvement", "special-measures")
POST_16_CATEGORIES = ("none", "follow-up-activity")

ACTION_PLAN_DAYS = 20
DEVELOPMENT_PLAN_DAYS = 20
PUBLICATION_DAYS = 45
#: Working days' notice of an inspection (DOMAIN-NOTES.md, Notice): "15 from Sept 2017, 10 from 2024".
NOTICE_2017_DAYS = 15
NOTICE_2024_DAYS = 10
#: Working days' notice of an inspection, by framework.
NOTICE_DAYS = {CIF_2010: 20, CIF_2017: NOTICE_2017_DAYS, ESTYN_2022: NOTICE_2017_DAYS, ESTYN_2024: NOTICE_2024_DAYS}
INTERIM_VISIT_NOTICE_DAYS = 5
#: Visits that are inspections, and so bring notice, a published report and plans.
INSPECTION_KINDS = ("inspection", "core-inspection", "interim-visit")
CYCLE_START = dt.date(2024, 9, 1)
CYCLE_YEARS = 6

# -- the words the rules below give, shared by the events and their descriptions ---------------

NO_SHORTCOMINGS = "No serious shortcomings are recorded"
MORE_FOLLOW_UP = "The team decides whether significant improvement or special measures are needed instead."
NOTICE_TITLE = "Notify the provider of the inspection"
PUBLICATION_TITLE = "Inspection report published"
PUBLICATION_BASIS = f"within {PUBLICATION_DAYS} working days of the inspection"
ACTION_PLAN_TITLE = "Post-inspection action plan"
ACTION_PLAN_BASIS = f"within {ACTION_PLAN_DAYS} working days"
DEVELOPMENT_PLAN_TITLE = "School development plan revised after the inspection"
DEVELOPMENT_PLAN_BASIS = f"within {DEVELOPMENT_PLAN_DAYS} working days of the inspection"
INTERIM_VISIT_TITLE = "Interim visit in this inspection cycle"
INTERIM_VISIT_BASIS = "one interim visit in the cycle {cycle}, after the core inspection"
NEXT_CORE_TITLE = "Core inspection in the next cycle"
NEXT_CORE_BASIS = "one core inspection in the next cycle {cycle}"
CYCLE_POLICY = "the six-year cycle from 1 September 2024, ending 31 July"


def notice_basis(days: int) -> str:
    return f"{days} working days before the first day on site"


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
        more = f" {MORE_FOLLOW_UP}" if is_school(case) else ""
        return FollowUpCategory(
            id=least,
            name=category_name(least),
            rationale=f"Serious shortcomings in {', '.join(areas)} require follow-up activity.{more}",
            citation=cite.serious_shortcomings(case),
            rule="estyn.serious-shortcomings-follow-up",
        )
    return FollowUpCategory(
        id="none",
        name=category_name("none"),
        rationale=f"{NO_SHORTCOMINGS}.",
        citation=_category_citation(case),
        rule="estyn.no-follow-up",
    )


def _category_citation(case):
    return cite.follow_up_category(case)


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
        findings.append(_shortcomings_without_follow_up(case))
    findings += _weakest_grade_without_category(framework, case)
    findings += _notice_given(framework, case, calendar)
    findings += _published_in_time(framework, case, calendar)
    return findings


def _shortcomings_without_follow_up(case) -> Finding:
    """Serious shortcomings "will normally require follow-up": the team may decide otherwise, with its reason."""
    areas = ", ".join(serious_shortcomings(case))
    reason = case.follow_up.category_reason.strip()
    if reason:
        return Finding(
            severity="warning",
            rule="estyn.serious-shortcomings-follow-up",
            message=f"Serious shortcomings are recorded in {areas}, which normally require follow-up, "
            f"but the team set the follow-up category to none: {reason.rstrip('.')}.",
            citation=cite.serious_shortcomings(case),
        )
    return Finding(
        severity="error",
        rule="estyn.serious-shortcomings-follow-up",
        message=f"Serious shortcomings are recorded in {areas}, but the follow-up category is set to none: "
        "they normally require follow-up, so choose a category or record the team's reason in "
        "follow_up.category_reason.",
        citation=cite.serious_shortcomings(case),
    )


def _weakest_grade_without_category(framework, case) -> list[Finding]:
    """A school graded at the foot of the scale with no follow-up category chosen yet."""
    if not is_school(case) or case.follow_up.category is not None:
        return []
    weakest = [
        a.id for a in framework.graded_areas
        if (scale := framework.scale(a.scale)) and case.grade(a.id) == scale.best_first[-1].id
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
        return (NOTICE_2024_DAYS if case.dates.start >= TEN_DAYS_FROM[reading] else NOTICE_2017_DAYS), reading
    return NOTICE_DAYS.get(framework.id), ""


def _notice_given(framework, case, calendar) -> list[Finding]:
    days, _ = _notice(framework, case)
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
            f"{PUBLICATION_DAYS} working days from {reading.replace('-', ' ')}.",
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
                "inspection-notice", f"{NOTICE_TITLE} ({days} working days' notice)",
                working_days_after(start, -days, calendar), "inspection-start", start,
                notice_basis(days), cite.NOTICE, "estyn.notice", policy,
                reading=reading,
            )
        )
    if case.kind in INSPECTION_KINDS and case.dates.published is None:
        reading, anchor = _publication_anchor(framework, case)
        events.append(
            deadline(
                "report-published", PUBLICATION_TITLE,
                working_days_after(anchor, PUBLICATION_DAYS, calendar), reading, anchor,
                f"{PUBLICATION_BASIS} ({reading.replace('-', ' ')})",
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
                "action-plan", f"{ACTION_PLAN_TITLE} ({category.name.lower()})",
                working_days_after(anchor, ACTION_PLAN_DAYS, calendar), anchor_name, anchor,
                ACTION_PLAN_BASIS, cite.SCHOOL_CATEGORIES, "estyn.post-inspection-action-plan",
                calendar.policy, reading=reading, statutory=True,
            )
        )
    if case.kind in INSPECTION_KINDS:
        reading = framework.setting(case.settings, "development-plan-anchor")
        anchor = case.dates.published if reading == "report-published" else case.dates.end
        events.append(
            deadline(
                "development-plan", DEVELOPMENT_PLAN_TITLE,
                working_days_after(anchor, DEVELOPMENT_PLAN_DAYS, calendar), reading, anchor,
                DEVELOPMENT_PLAN_BASIS, cite.DEVELOPMENT_PLAN_REVISED,
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
                "interim-visit", INTERIM_VISIT_TITLE,
                last, "inspection-end", end,
                INTERIM_VISIT_BASIS.format(cycle=f"{first.year}-{last.year}"),
                cite.CORE_AND_INTERIM, "estyn-2024.interim-visit",
                CYCLE_POLICY, earliest=end + dt.timedelta(days=1) if end else None,
            )
        ]
    if case.kind == "interim-visit":
        next_first, next_last = dt.date(last.year, 9, 1), dt.date(last.year + CYCLE_YEARS, 7, 31)
        return [
            deadline(
                "next-core-inspection", NEXT_CORE_TITLE,
                next_last, "inspection-end", end,
                NEXT_CORE_BASIS.format(cycle=f"{next_first.year}-{next_last.year}"),
                cite.SIX_YEAR_CYCLE, "estyn-2024.next-core-inspection",
                CYCLE_POLICY, earliest=next_first,
            )
        ]
    return []


# -- the same rules in words, for comparing frameworks -------------------------------------------


def _sectors(framework) -> tuple[bool, bool]:
    """(has schools, has post-16 providers) among the framework's sectors."""
    return (
        any(s in SCHOOL_SECTORS for s in framework.sectors),
        any(s not in SCHOOL_SECTORS for s in framework.sectors),
    )


def triggers(framework) -> list[FollowUpTrigger]:
    """What puts a case into each category :func:`classify` can give under ``framework``."""
    schools, post_16 = _sectors(framework)
    set_by_hand = "the team sets it, or a monitoring visit moves the school into it"
    found = [
        FollowUpTrigger(
            category="none",
            name=category_name("none"),
            when=f"{NO_SHORTCOMINGS} and the team sets no other category.",
            citation=cite.SCHOOL_CATEGORIES if schools else cite.POST_16_ONE_LEVEL,
        )
    ]
    if schools:
        found.append(
            FollowUpTrigger(
                category="estyn-review",
                name=category_name("estyn-review"),
                when="A school with serious shortcomings recorded in one or more areas and no category set: "
                f"the least follow-up (not statutory). {MORE_FOLLOW_UP} Also where {set_by_hand}.",
                citation=cite.SERIOUS_SHORTCOMINGS_ELSEWHERE,
            )
        )
        for category in STATUTORY:
            found.append(
                FollowUpTrigger(
                    category=category,
                    name=category_name(category),
                    when=f"A school where {set_by_hand}: the team's judgement, which the rules do not derive from "
                    f"grades or evidence. The school then writes a post-inspection action plan {ACTION_PLAN_BASIS}.",
                    citation=cite.SCHOOL_CATEGORIES,
                    statutory=True,
                )
            )
    if post_16:
        found.append(
            FollowUpTrigger(
                category="follow-up-activity",
                name=category_name("follow-up-activity"),
                when="A post-16 provider with serious shortcomings recorded in one or more inspection areas, "
                "or where the team sets it: post-16 providers have one level of follow-up.",
                citation=cite.SERIOUS_SHORTCOMINGS,
            )
        )
    return found


def _kinds_in_words(kinds) -> str:
    words = [f"{k.replace('-', ' ')}s" for k in kinds]
    return " and ".join(words)


def timing_rules(framework) -> list[TimingRule]:
    """Every event :func:`schedule` can give under ``framework``, in words."""
    schools, _ = _sectors(framework)
    inspections = [k for k in framework.visit_kinds if k in INSPECTION_KINDS]
    full = [k for k in inspections if k != "interim-visit"]
    rules = []
    if "notice-from-2024" in framework.settings:
        first, *others = (long_date(TEN_DAYS_FROM[r]) for r in readings_default_first(framework, "notice-from-2024"))
        alternatives = f"or from {' or '.join(others)}, " if others else ""
        rules.append(
            TimingRule(
                event="inspection-notice", title=NOTICE_TITLE,
                basis=f"{notice_basis(NOTICE_2024_DAYS)} for inspections starting from {first} "
                f"({alternatives}as the notice-from-2024 setting reads '10 from 2024'); "
                f"before then, {notice_basis(NOTICE_2017_DAYS)}",
                citation=cite.NOTICE, applies_when=f"{_kinds_in_words(full)}, until the notice is recorded",
                setting="notice-from-2024",
            )
        )
    elif full and framework.id in NOTICE_DAYS:
        rules.append(
            TimingRule(
                event="inspection-notice", title=NOTICE_TITLE, basis=notice_basis(NOTICE_DAYS[framework.id]),
                citation=cite.NOTICE, applies_when=f"{_kinds_in_words(full)}, until the notice is recorded",
            )
        )
    if "interim-visit" in framework.visit_kinds:
        rules.append(
            TimingRule(
                event="inspection-notice", title=NOTICE_TITLE, basis=notice_basis(INTERIM_VISIT_NOTICE_DAYS),
                citation=cite.NOTICE, applies_when="interim visits, until the notice is recorded",
            )
        )
    if inspections:
        rules.append(
            TimingRule(
                event="report-published", title=PUBLICATION_TITLE,
                basis=f"{PUBLICATION_BASIS}, {counted_from(framework, 'publication-anchor')}",
                citation=cite.PUBLICATION, applies_when=f"{_kinds_in_words(inspections)}, until the report is published",
                setting="publication-anchor",
            )
        )
    if schools:
        rules.append(
            TimingRule(
                event="action-plan", title=ACTION_PLAN_TITLE,
                basis=f"{ACTION_PLAN_BASIS}, {counted_from(framework, 'action-plan-anchor')}; "
                "counted from the monitoring visit where one moves the school into a category",
                citation=cite.SCHOOL_CATEGORIES, applies_when="schools in significant improvement or special measures",
                setting="action-plan-anchor", statutory=True,
            )
        )
        if inspections:
            rules.append(
                TimingRule(
                    event="development-plan", title=DEVELOPMENT_PLAN_TITLE,
                    basis=f"{DEVELOPMENT_PLAN_BASIS}, {counted_from(framework, 'development-plan-anchor')}",
                    citation=cite.DEVELOPMENT_PLAN_REVISED, applies_when=f"schools, after {_kinds_in_words(inspections)}",
                    setting="development-plan-anchor", statutory=True,
                )
            )
    if framework.id == ESTYN_2024:
        rules += [
            TimingRule(
                event="interim-visit", title=INTERIM_VISIT_TITLE,
                basis=f"{INTERIM_VISIT_BASIS.format(cycle='of the core inspection')} ({CYCLE_POLICY})",
                citation=cite.CORE_AND_INTERIM, applies_when="core inspections",
            ),
            TimingRule(
                event="next-core-inspection", title=NEXT_CORE_TITLE,
                basis=f"{NEXT_CORE_BASIS.format(cycle='after the interim visit')} ({CYCLE_POLICY})",
                citation=cite.SIX_YEAR_CYCLE, applies_when="interim visits",
            ),
        ]
    return rules
