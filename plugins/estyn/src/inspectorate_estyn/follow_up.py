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

from inspectorate import timing
from inspectorate.model import Finding, FollowUpCategory, FollowUpTrigger, TimingRule
from inspectorate.reports import long_date
from inspectorate.timing import Recorded, Timing, WorkingDays

from inspectorate_estyn import citations as cite
from inspectorate_estyn.events import deadline, readings_default_first
from inspectorate_estyn.frameworks import (
    CIF_2010,
    CIF_2017,
    ESTYN_2022,
    ESTYN_2024,
    SCHOOL_SECTORS,
    is_school,
)
from inspectorate_estyn.words import N_, words

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

MORE_FOLLOW_UP = N_("The team decides whether significant improvement or special measures are needed instead.")
PUBLICATION_TITLE = N_("Inspection report published")
ACTION_PLAN_TITLE = N_("Post-inspection action plan")
DEVELOPMENT_PLAN_TITLE = N_("School development plan revised after the inspection")
INTERIM_VISIT_TITLE = N_("Interim visit in this inspection cycle")
NEXT_CORE_TITLE = N_("Core inspection in the next cycle")
CYCLE_POLICY = N_("the six-year cycle from 1 September 2024, ending 31 July")
#: The follow-up categories by the names Estyn gives them.
CATEGORY_NAMES = {
    "none": N_("No follow-up"),
    "follow-up-activity": N_("Follow-up activity"),
    "estyn-review": N_("Estyn review"),
    "significant-improvement": N_("Significant improvement"),
    "special-measures": N_("Special measures"),
}


def category_name(category_id: str, lang: str = "en") -> str:
    return words(lang)(CATEGORY_NAMES[category_id]) if category_id in CATEGORY_NAMES else category_id


def allowed_categories(case) -> tuple[str, ...]:
    return SCHOOL_CATEGORIES if is_school(case) else POST_16_CATEGORIES


def serious_shortcomings(case) -> tuple[str, ...]:
    return tuple(case.inspector_calls.get("serious-shortcomings", ()))


def _area_names(framework, area_ids, language: str = "en") -> str:
    """The areas as the framework names them ("Attitudes to learning"), not by their ids."""
    return "; ".join(framework.area(a).name(language) if framework.area(a) else a for a in area_ids)


def classify(framework, case, language: str = "en") -> FollowUpCategory:
    _ = words(language)
    chosen = case.follow_up.category
    if chosen in allowed_categories(case):
        visited = case.follow_up.done.get("monitoring-visit")
        reason = case.follow_up.category_reason.rstrip(".")
        if visited and reason:
            rationale = _("Category decided at the monitoring visit on {day}: {reason}.", day=visited.isoformat(), reason=reason)
        elif visited:
            rationale = _("Category decided at the monitoring visit on {day}.", day=visited.isoformat())
        elif reason:
            rationale = _("Category set by the team: {reason}.", reason=reason)
        else:
            rationale = _("Category set by the team.")
        return FollowUpCategory(
            id=chosen,
            name=category_name(chosen, language),
            rationale=rationale,
            citation=cite.MONITORING_VISIT_MOVES_CATEGORY if visited else _category_citation(case),
            statutory=chosen in STATUTORY,
            rule="estyn.follow-up-category-set",
        )
    areas = serious_shortcomings(case)
    if areas:
        least = "estyn-review" if is_school(case) else "follow-up-activity"
        rationale = _("Serious shortcomings in {areas} require follow-up activity.", areas=_area_names(framework, areas, language))
        if is_school(case):
            rationale += " " + _(MORE_FOLLOW_UP)
        return FollowUpCategory(
            id=least,
            name=category_name(least, language),
            rationale=rationale,
            citation=cite.serious_shortcomings(case),
            rule="estyn.serious-shortcomings-follow-up",
        )
    return FollowUpCategory(
        id="none",
        name=category_name("none", language),
        rationale=_("No serious shortcomings are recorded."),
        citation=_category_citation(case),
        rule="estyn.no-follow-up",
    )


def _category_citation(case):
    return cite.follow_up_category(case)


def check(framework, case, calendar, language: str = "en") -> list[Finding]:
    _ = words(language)
    findings = []
    chosen = case.follow_up.category
    allowed = allowed_categories(case)
    if chosen is not None and chosen not in allowed:
        findings.append(
            Finding(
                severity="error",
                rule="estyn.follow-up-category-unknown",
                message=_("'{chosen}' is not a follow-up category for a {sector}: use one of {allowed}.",
                          chosen=chosen, sector=case.provider.sector, allowed=", ".join(allowed)),
                citation=_category_citation(case),
            )
        )
    if chosen == "none" and serious_shortcomings(case):
        findings.append(_shortcomings_without_follow_up(case, language))
    findings += _weakest_grade_without_category(framework, case, language)
    return findings


def _shortcomings_without_follow_up(case, language: str = "en") -> Finding:
    """Serious shortcomings "will normally require follow-up": the team may decide otherwise, with its reason."""
    _ = words(language)
    areas = ", ".join(serious_shortcomings(case))
    reason = case.follow_up.category_reason.strip()
    if reason:
        return Finding(
            severity="warning",
            rule="estyn.serious-shortcomings-follow-up",
            message=_("Serious shortcomings are recorded in {areas}, which normally require follow-up, "
                      "but the team set the follow-up category to none: {reason}.", areas=areas, reason=reason.rstrip(".")),
            citation=cite.serious_shortcomings(case),
        )
    return Finding(
        severity="error",
        rule="estyn.serious-shortcomings-follow-up",
        message=_("Serious shortcomings are recorded in {areas}, but the follow-up category is set to none: "
                  "they normally require follow-up, so choose a category or record the team's reason in "
                  "follow_up.category_reason.", areas=areas),
        citation=cite.serious_shortcomings(case),
    )


def _weakest_grade_without_category(framework, case, language: str = "en") -> list[Finding]:
    """A school graded at the foot of the scale with no follow-up category chosen yet."""
    if not is_school(case) or case.follow_up.category is not None:
        return []
    weakest = [
        a.id for a in framework.graded_areas
        if (scale := framework.scale(a.scale)) and case.grade(a.id) == scale.best_first[-1].id
    ]
    if not weakest:
        return []
    _ = words(language)
    return [
        Finding(
            severity="warning",
            rule="estyn.follow-up-category-needed",
            message=_.plural(
                "{areas} is judged at the foot of the scale, but no follow-up category is set: "
                "choose none, Estyn review, significant improvement or special measures.",
                "{areas} are judged at the foot of the scale, but no follow-up category is set: "
                "choose none, Estyn review, significant improvement or special measures.",
                len(weakest), areas=", ".join(weakest),
            ),
            citation=cite.SCHOOL_CATEGORIES,
        )
    ]


#: Where "10 from 2024" begins, by reading of the notice-from-2024 setting.
TEN_DAYS_FROM = {"september-2024": dt.date(2024, 9, 1), "january-2024": dt.date(2024, 1, 1)}


def _notice(days: int, when: timing.When, setting: str = "", language: str = "en") -> Timing:
    _ = words(language)
    return Timing(
        "inspection-notice", _("Notify the provider of the inspection ({days} working days' notice)", days=days),
        anchor="inspection-start", offset=WorkingDays(-days), citation=cite.NOTICE, rule="estyn.notice",
        when=when, setting=setting, recorded_as="notified",
    )


def _notice_rules(framework, full, language: str = "en") -> list[Timing]:
    """Notice by era: 20 working days before 2017, 15 from Sept 2017, 10 from 2024 (when in 2024 is a
    reading), 5 for an interim visit."""
    _ = words(language)
    rules = []
    full_inspection = timing.visit_kind(*full, words=_kinds_in_words(full, language))
    if "notice-from-2024" in framework.settings:
        first, *others = (long_date(TEN_DAYS_FROM[r], language) for r in readings_default_first(framework, "notice-from-2024"))
        if others:
            reading = _("{first} (or {others}), as the notice-from-2024 setting reads '10 from 2024'",
                        first=first, others=", ".join(others))
        else:
            reading = _("{first}, as the notice-from-2024 setting reads '10 from 2024'", first=first)

        def from_2024(facts) -> bool:
            start = facts.case.dates.start
            return start is not None and start >= TEN_DAYS_FROM[facts.reading("notice-from-2024")]

        def before_2024(facts) -> bool:
            return facts.case.dates.start is not None and not from_2024(facts)

        rules += [
            _notice(NOTICE_2017_DAYS, full_inspection & timing.When(before_2024, _("starting before {reading}", reading=reading)),
                    setting="notice-from-2024", language=language),
            _notice(NOTICE_2024_DAYS, full_inspection & timing.When(from_2024, _("starting from {reading}", reading=reading)),
                    setting="notice-from-2024", language=language),
        ]
    elif full and framework.id in NOTICE_DAYS:
        rules.append(_notice(NOTICE_DAYS[framework.id], full_inspection, language=language))
    if "interim-visit" in framework.visit_kinds:
        rules.append(_notice(INTERIM_VISIT_NOTICE_DAYS, timing.visit_kind("interim-visit", words=_("interim visits")),
                             language=language))
    return rules


MONITORING_VISIT = "monitoring-visit"


def declarations(framework, language: str = "en") -> list:
    """Notice, publication and the plans, each declared once."""
    _ = words(language)
    schools, _post_16 = _sectors(framework)
    inspections = [k for k in framework.visit_kinds if k in INSPECTION_KINDS]
    full = [k for k in inspections if k != "interim-visit"]
    found: list = [*_notice_rules(framework, full, language)]
    if inspections:
        found.append(
            Timing(
                "report-published", _(PUBLICATION_TITLE),
                anchor=timing.reading_is_anchor(framework, "publication-anchor"), offset=WorkingDays(PUBLICATION_DAYS),
                citation=cite.PUBLICATION, rule="estyn.publication", setting="publication-anchor",
                when=timing.visit_kind(*inspections, words=_kinds_in_words(inspections, language)), recorded_as="report-published",
            )
        )
    if schools:
        school = timing.When(is_school_facts, _("schools"))
        statutory = school & timing.statutory_category(_("in significant improvement or special measures"))
        visited = timing.done(MONITORING_VISIT, words=_("a monitoring visit moves the school into a category"))
        found += [
            Recorded(MONITORING_VISIT, _("Monitoring visit")),
            Timing(
                "action-plan", _(ACTION_PLAN_TITLE),
                anchor=timing.reading_is_anchor(framework, "action-plan-anchor"), offset=WorkingDays(ACTION_PLAN_DAYS),
                citation=cite.SCHOOL_CATEGORIES, rule="estyn.post-inspection-action-plan", setting="action-plan-anchor",
                when=statutory, statutory=True,
            ),
            # A monitoring visit that moves a school into (or between) categories starts a new plan.
            Timing(
                "action-plan", _(ACTION_PLAN_TITLE), anchor=MONITORING_VISIT, offset=WorkingDays(ACTION_PLAN_DAYS),
                citation=cite.SCHOOL_CATEGORIES, rule="estyn.post-inspection-action-plan", when=statutory & visited,
                statutory=True,
            ),
        ]
        if inspections:
            found.append(
                Timing(
                    "development-plan", _(DEVELOPMENT_PLAN_TITLE),
                    anchor=timing.reading_is_anchor(framework, "development-plan-anchor"),
                    offset=WorkingDays(DEVELOPMENT_PLAN_DAYS), citation=cite.DEVELOPMENT_PLAN_REVISED,
                    rule="estyn.development-plan-revised", setting="development-plan-anchor",
                    when=school & timing.visit_kind(*inspections, words=_("after {kinds}", kinds=_kinds_in_words(inspections, language))),
                    statutory=True,
                )
            )
    return found


def is_school_facts(facts) -> bool:
    return is_school(facts.case)


def schedule(framework, case, calendar, language: str = "en") -> list:
    """The six-year cycle's visits, which count from the cycle's ends rather than from a date by an offset."""
    return _cycle(case, language) if framework.id == ESTYN_2024 else []


def cycle_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The six-year inspection cycle (1 September to 31 July) that ``day`` falls in, from 2024."""
    school_year = day.year if day.month >= 9 else day.year - 1
    first_year = CYCLE_START.year + (school_year - CYCLE_START.year) // CYCLE_YEARS * CYCLE_YEARS
    return dt.date(first_year, 9, 1), dt.date(first_year + CYCLE_YEARS, 7, 31)


def _years(first: dt.date, last: dt.date) -> str:
    """A cycle by its years: "2024-2030"."""
    return f"{first.year}-{last.year}"


def _cycle(case, language: str = "en") -> list:
    _ = words(language)
    start, end = case.dates.start, case.dates.end
    if start is None:
        return []
    first, last = cycle_of(start)
    if case.kind == "core-inspection":
        return [
            deadline(
                "interim-visit", _(INTERIM_VISIT_TITLE),
                last, "inspection-end", end,
                _("one interim visit in the cycle {cycle}, after the core inspection", cycle=_years(first, last)),
                cite.CORE_AND_INTERIM, "estyn-2024.interim-visit",
                _(CYCLE_POLICY), earliest=end + dt.timedelta(days=1) if end else None,
            )
        ]
    if case.kind == "interim-visit":
        next_first, next_last = dt.date(last.year, 9, 1), dt.date(last.year + CYCLE_YEARS, 7, 31)
        return [
            deadline(
                "next-core-inspection", _(NEXT_CORE_TITLE),
                next_last, "inspection-end", end,
                _("one core inspection in the next cycle {cycle}", cycle=_years(next_first, next_last)),
                cite.SIX_YEAR_CYCLE, "estyn-2024.next-core-inspection",
                _(CYCLE_POLICY), earliest=next_first,
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


def triggers(framework, language: str = "en") -> list[FollowUpTrigger]:
    """What puts a case into each category :func:`classify` can give under ``framework``."""
    _ = words(language)
    schools, post_16 = _sectors(framework)
    found = [
        FollowUpTrigger(
            category="none",
            name=category_name("none", language),
            when=_("No serious shortcomings are recorded and the team sets no other category."),
            citation=cite.SCHOOL_CATEGORIES if schools else cite.POST_16_ONE_LEVEL,
        )
    ]
    if schools:
        found.append(
            FollowUpTrigger(
                category="estyn-review",
                name=category_name("estyn-review", language),
                when=_("A school with serious shortcomings recorded in one or more areas and no category set: "
                       "the least follow-up (not statutory). {more} Also where the team sets it, or a monitoring "
                       "visit moves the school into it.", more=_(MORE_FOLLOW_UP)),
                citation=cite.SERIOUS_SHORTCOMINGS_ELSEWHERE,
            )
        )
        for category in STATUTORY:
            found.append(
                FollowUpTrigger(
                    category=category,
                    name=category_name(category, language),
                    when=_("A school where the team sets it, or a monitoring visit moves the school into it: the "
                           "team's judgement, which the rules do not derive from grades or evidence. The school then "
                           "writes a post-inspection action plan within {days} working days.", days=ACTION_PLAN_DAYS),
                    citation=cite.SCHOOL_CATEGORIES,
                    statutory=True,
                )
            )
    if post_16:
        found.append(
            FollowUpTrigger(
                category="follow-up-activity",
                name=category_name("follow-up-activity", language),
                when=_("A post-16 provider with serious shortcomings recorded in one or more inspection areas, "
                       "or where the team sets it: post-16 providers have one level of follow-up."),
                citation=cite.SERIOUS_SHORTCOMINGS,
            )
        )
    return found


#: The kinds of visit, as a rule's words name them.
KIND_PLURALS = {
    "inspection": N_("inspections"),
    "core-inspection": N_("core inspections"),
    "interim-visit": N_("interim visits"),
    "monitoring-visit": N_("monitoring visits"),
}


def _kinds_in_words(kinds, language: str = "en") -> str:
    _ = words(language)
    names = [_(KIND_PLURALS[k]) if k in KIND_PLURALS else f"{k.replace('-', ' ')}s" for k in kinds]
    said = names[0] if names else ""
    for name in names[1:]:
        said = _("{kinds} and {kind}", kinds=said, kind=name)
    return said


def timing_rules(framework, language: str = "en") -> list[TimingRule]:
    """The cycle's visits in words (:func:`schedule`); the declared rules are described by the core."""
    if framework.id != ESTYN_2024:
        return []
    _ = words(language)
    return [
        TimingRule(
            event="interim-visit", title=_(INTERIM_VISIT_TITLE),
            basis=_("one interim visit in the cycle of the core inspection, after the core inspection ({policy})",
                    policy=_(CYCLE_POLICY)),
            citation=cite.CORE_AND_INTERIM, applies_when=_(KIND_PLURALS["core-inspection"]),
        ),
        TimingRule(
            event="next-core-inspection", title=_(NEXT_CORE_TITLE),
            basis=_("one core inspection in the next cycle after the interim visit ({policy})", policy=_(CYCLE_POLICY)),
            citation=cite.SIX_YEAR_CYCLE, applies_when=_(KIND_PLURALS["interim-visit"]),
        ),
    ]
