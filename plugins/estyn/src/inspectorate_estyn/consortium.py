"""The follow-up visit to a regional consortium (Estyn's 2017 guidance for regional consortia).

The case is the visit itself: notice, days on site, draft and final letter. The last day of the
original inspection is recorded as ``follow_up.done["original-inspection"]`` (the case format
has no field for an earlier inspection's date).
"""

from __future__ import annotations

import datetime as dt

from inspectorate.calendar import (
    SchoolTermsUnknown,
    add_months,
    add_weeks_discounting_school_holidays,
)
from inspectorate.model import Finding, TimingRule
from inspectorate.reports import number_of

from inspectorate_estyn import citations as cite
from inspectorate_estyn.events import deadline, readings_default_first, working_days_after
from inspectorate_estyn.recommendations import in_priority_order

ORIGINAL_INSPECTION = "original-inspection"
MAX_DAYS_ON_SITE = 7
NOTICE_WEEKS = 4
DRAFT_LETTER_DAYS = 10
FACTUAL_ACCURACY_DAYS = 5
FINAL_LETTER_DAYS = 20
LIMITED = ("limited", "very-little-or-none")
ABOUT_A_YEAR = {"eleven-to-thirteen-months": (11, 13), "ten-to-fourteen-months": (10, 14)}

# -- the words of the rules below, shared by the events and their descriptions -----------------

VISIT_TITLE = "Follow-up visit to the consortium"
VISIT_BASIS = "about a year after its inspection"
VISIT_CALENDAR = "calendar months, clamped to month end"
NOTICE_TITLE = "Formal notice of the follow-up visit"
NOTICE_BASIS = "at least four weeks before the visit, discounting school holidays"
ORAL_FEEDBACK_TITLE = "Oral feedback to the joint committee or board (provisional and confidential)"
ORAL_FEEDBACK_BASIS = "at the end of the on-site part of the visit"
DRAFT_LETTER_TITLE = "Draft letter to the chair of the joint committee or board"
DRAFT_LETTER_BASIS = f"no later than {DRAFT_LETTER_DAYS} working days from the final day of the visit"
FACTUAL_ACCURACY_TITLE = "Consortium checks the factual accuracy of the draft letter"
FACTUAL_ACCURACY_BASIS = "five working days from the draft letter"
FINAL_LETTER_TITLE = "Final letter sent, copied to the Welsh Government and the Wales Audit Office, and published"
FINAL_LETTER_BASIS = f"no later than {FINAL_LETTER_DAYS} working days from the final day of the visit"


def latest_progress(recommendation):
    return max(recommendation.progress, key=lambda p: p.on).progress if recommendation.progress else None


def limited_progress(case):
    return [r for r in in_priority_order(case) if latest_progress(r) in LIMITED]


def visit_window(framework, case):
    """(reading, earliest, latest) of 'about a year after its inspection', or None when not known."""
    inspected = case.follow_up.done.get(ORIGINAL_INSPECTION)
    if inspected is None:
        return None
    reading = framework.setting(case.settings, "about-a-year")
    low, high = ABOUT_A_YEAR[reading]
    return reading, add_months(inspected, low), add_months(inspected, high)


def notice_deadline(case, calendar):
    """(latest notice date, calendar policy): four weeks before the visit, school holidays not counted."""
    start = case.dates.start
    if start is None:
        return None, "four weeks discounting school holidays"
    try:
        latest = add_weeks_discounting_school_holidays(start, NOTICE_WEEKS, calendar, direction=-1)
        terms = calendar.school_terms
        return latest, f"four weeks discounting school holidays ({terms.name})"
    except (SchoolTermsUnknown, ValueError):
        # No term dates for these years: count plain weeks and say so, rather than guess holidays.
        return start - dt.timedelta(weeks=NOTICE_WEEKS), (
            "four calendar weeks: school terms for these dates are not known, so holidays are not discounted"
        )


def check(framework, case, calendar) -> list[Finding]:
    findings = []
    start, end = case.dates.start, case.dates.end
    if start and end and (end - start).days + 1 > MAX_DAYS_ON_SITE:
        findings.append(
            Finding(
                severity="error",
                rule="estyn-consortia-2017.visit-at-most-a-week",
                message=f"The visit runs {(end - start).days + 1} days on site ({start} to {end}); "
                "a follow-up visit takes no longer than one week.",
                citation=cite.CONSORTIUM_ONE_WEEK,
            )
        )
    if not case.recommendations:
        findings.append(
            Finding(
                severity="error",
                rule="estyn-consortia-2017.progress-each-recommendation",
                message="No recommendations of the original inspection are recorded: the visit reviews progress on each.",
                citation=cite.CONSORTIUM_PROGRESS_EACH_RECOMMENDATION,
            )
        )
    if end:
        # Before the draft letter a missing judgement is work to do; once it is issued, an error.
        severity = "error" if case.dates.draft_issued else "warning"
        for r in in_priority_order(case):
            if latest_progress(r) is None:
                findings.append(
                    Finding(
                        severity=severity,
                        rule="estyn-consortia-2017.progress-each-recommendation",
                        message=f"Recommendation {number_of(r, case.recommendations)} has no progress judgement: record the team's "
                        f"judgement of its progress ({', '.join(framework.progress_scale) or 'in words'}).",
                        citation=cite.CONSORTIUM_PROGRESS_EACH_RECOMMENDATION,
                    )
                )
    for r in limited_progress(case):
        findings.append(
            Finding(
                severity="warning",
                rule="estyn-consortia-2017.limited-progress",
                message=f"Recommendation {number_of(r, case.recommendations)}: {latest_progress(r).replace('-', ' ')} progress. The team should "
                "consider carefully whether to amend it or make additional recommendations.",
                citation=cite.CONSORTIUM_LIMITED_PROGRESS,
            )
        )
    window = visit_window(framework, case)
    if window and start and not window[1] <= start <= window[2]:
        findings.append(
            Finding(
                severity="warning",
                rule="estyn-consortia-2017.about-a-year",
                message=f"The visit starts on {start}, outside {window[1]} to {window[2]} ({window[0].replace('-', ' ')} "
                "after the inspection).",
                citation=cite.CONSORTIUM_VISIT_ABOUT_A_YEAR,
            )
        )
    latest_notice, _ = notice_deadline(case, calendar)
    if case.dates.notified and latest_notice and case.dates.notified > latest_notice:
        findings.append(
            Finding(
                severity="warning",
                rule="estyn-consortia-2017.notice",
                message=f"Formal notice on {case.dates.notified} is later than {latest_notice}, "
                "four weeks before the visit discounting school holidays.",
                citation=cite.CONSORTIUM_NOTICE,
            )
        )
    for when, days, what, citation in (
        (case.dates.draft_issued, DRAFT_LETTER_DAYS, "draft letter", cite.CONSORTIUM_DRAFT_LETTER),
        (case.dates.published, FINAL_LETTER_DAYS, "final letter", cite.CONSORTIUM_FINAL_LETTER),
    ):
        due = working_days_after(end, days, calendar)
        if when and due and when > due:
            findings.append(
                Finding(
                    severity="warning",
                    rule=f"estyn-consortia-2017.{what.replace(' ', '-')}",
                    message=f"The {what} went on {when}, after {due} ({days} working days from the final day of the visit).",
                    citation=citation,
                )
            )
    return findings


def schedule(framework, case, calendar) -> list:
    events = []
    policy = calendar.policy
    start, end, dates = case.dates.start, case.dates.end, case.dates
    window = visit_window(framework, case)
    if window and start is None:  # once the visit is set, the check says whether it is about a year on
        reading, earliest, latest = window
        events.append(
            deadline(
                "monitoring-visit", VISIT_TITLE, latest, ORIGINAL_INSPECTION,
                case.follow_up.done[ORIGINAL_INSPECTION], VISIT_BASIS,
                cite.CONSORTIUM_VISIT_ABOUT_A_YEAR, "estyn-consortia-2017.about-a-year",
                VISIT_CALENDAR, reading=reading, earliest=earliest,
            )
        )
    if start and dates.notified is None:
        latest, how = notice_deadline(case, calendar)
        events.append(
            deadline(
                "formal-notice", NOTICE_TITLE, latest, "visit-start", start,
                NOTICE_BASIS,
                cite.CONSORTIUM_NOTICE, "estyn-consortia-2017.notice", how,
            )
        )
    if end and dates.draft_issued is None:  # a draft letter means the feedback has been given
        events.append(
            deadline(
                "oral-feedback", ORAL_FEEDBACK_TITLE,
                end, "visit-end", end, ORAL_FEEDBACK_BASIS,
                cite.CONSORTIUM_ORAL_FEEDBACK, "estyn-consortia-2017.oral-feedback", "the last day on site",
                earliest=end,
            )
        )
        events.append(
            deadline(
                "draft-letter", DRAFT_LETTER_TITLE,
                working_days_after(end, DRAFT_LETTER_DAYS, calendar), "visit-end", end,
                DRAFT_LETTER_BASIS,
                cite.CONSORTIUM_DRAFT_LETTER, "estyn-consortia-2017.draft-letter", policy,
            )
        )
    if dates.draft_issued and dates.published is None:
        events.append(
            deadline(
                "factual-accuracy", FACTUAL_ACCURACY_TITLE,
                working_days_after(dates.draft_issued, FACTUAL_ACCURACY_DAYS, calendar), "draft-issued",
                dates.draft_issued, FACTUAL_ACCURACY_BASIS,
                cite.CONSORTIUM_FACTUAL_ACCURACY, "estyn-consortia-2017.factual-accuracy", policy,
                earliest=dates.draft_issued,
            )
        )
    if end and dates.published is None:
        events.append(
            deadline(
                "final-letter", FINAL_LETTER_TITLE,
                working_days_after(end, FINAL_LETTER_DAYS, calendar), "visit-end", end,
                FINAL_LETTER_BASIS,
                cite.CONSORTIUM_FINAL_LETTER, "estyn-consortia-2017.final-letter", policy,
            )
        )
    return events


def _about_a_year_in_words(framework) -> str:
    spans = [ABOUT_A_YEAR[r] for r in readings_default_first(framework, "about-a-year")]
    low, high = spans[0]
    others = "".join(f", or {a} to {b}" for a, b in spans[1:])
    return (
        f"{low} to {high} calendar months after the last day of the original inspection{others}, "
        "as the about-a-year setting reads it"
    )


def timing_rules(framework) -> list[TimingRule]:
    """Every event :func:`schedule` can give, in words."""
    return [
        TimingRule(
            event="monitoring-visit", title=VISIT_TITLE,
            basis=f"{VISIT_BASIS}: {_about_a_year_in_words(framework)}",
            citation=cite.CONSORTIUM_VISIT_ABOUT_A_YEAR,
            applies_when="the original inspection's last day is recorded and the visit is not yet set",
            setting="about-a-year",
        ),
        TimingRule(
            event="formal-notice", title=NOTICE_TITLE, basis=NOTICE_BASIS, citation=cite.CONSORTIUM_NOTICE,
            applies_when="the visit is set and notice is not yet recorded",
        ),
        TimingRule(
            event="oral-feedback", title=ORAL_FEEDBACK_TITLE, basis=ORAL_FEEDBACK_BASIS,
            citation=cite.CONSORTIUM_ORAL_FEEDBACK, applies_when="the visit has ended and no draft letter is issued yet",
        ),
        TimingRule(
            event="draft-letter", title=DRAFT_LETTER_TITLE, basis=DRAFT_LETTER_BASIS,
            citation=cite.CONSORTIUM_DRAFT_LETTER, applies_when="the visit has ended and no draft letter is issued yet",
        ),
        TimingRule(
            event="factual-accuracy", title=FACTUAL_ACCURACY_TITLE, basis=FACTUAL_ACCURACY_BASIS,
            citation=cite.CONSORTIUM_FACTUAL_ACCURACY,
            applies_when="once the draft letter is issued, until the final letter",
        ),
        TimingRule(
            event="final-letter", title=FINAL_LETTER_TITLE, basis=FINAL_LETTER_BASIS,
            citation=cite.CONSORTIUM_FINAL_LETTER, applies_when="the visit has ended and the final letter is not yet sent",
        ),
    ]
