"""The follow-up visit to a regional consortium (Estyn's 2017 guidance for regional consortia).

The case is the visit itself: notice, days on site, draft and final letter. The last day of the
original inspection is recorded as ``follow_up.done["original-inspection"]`` (the case format
has no field for an earlier inspection's date).
"""

from __future__ import annotations

from inspectorate import timing
from inspectorate.model import Finding
from inspectorate.reports import number_of
from inspectorate.timing import SCHOOL_WEEK_COUNTS, Months, OnTheDay, Recorded, SchoolWeeks, Timing, WorkingDays

from inspectorate_estyn import citations as cite
from inspectorate_estyn.recommendations import in_priority_order
from inspectorate_estyn.words import N_, words

ORIGINAL_INSPECTION = "original-inspection"
MAX_DAYS_ON_SITE = 7
NOTICE_WEEKS = 4
DRAFT_LETTER_DAYS = 10
FACTUAL_ACCURACY_DAYS = 5
FINAL_LETTER_DAYS = 20
LIMITED = ("limited", "very-little-or-none")
ABOUT_A_YEAR = {"eleven-to-thirteen-months": (11, 13), "ten-to-fourteen-months": (10, 14)}

# -- the words of the rules below, shared by the events and their descriptions -----------------

VISIT_TITLE = N_("Follow-up visit to the consortium")
NOTICE_TITLE = N_("Formal notice of the follow-up visit")
ORAL_FEEDBACK_TITLE = N_("Oral feedback to the joint committee or board (provisional and confidential)")
DRAFT_LETTER_TITLE = N_("Draft letter to the chair of the joint committee or board")
FACTUAL_ACCURACY_TITLE = N_("The consortium's check of the draft letter's factual accuracy")
FINAL_LETTER_TITLE = N_("Final letter sent, copied to the Welsh Government and the Wales Audit Office, and published")
#: The progress judgements of a recommendation, in the words of a finding.
PROGRESS_WORDS = {
    "strong": N_("strong progress"),
    "satisfactory": N_("satisfactory progress"),
    "limited": N_("limited progress"),
    "very-little-or-none": N_("very little or no progress"),
}


def latest_progress(recommendation):
    return max(recommendation.progress, key=lambda p: p.on).progress if recommendation.progress else None


def limited_progress(case):
    return [r for r in in_priority_order(case) if latest_progress(r) in LIMITED]


def check(framework, case, calendar, language: str = "en") -> list[Finding]:
    _ = words(language)
    findings = []
    start, end = case.dates.start, case.dates.end
    if start and end and (end - start).days + 1 > MAX_DAYS_ON_SITE:
        findings.append(
            Finding(
                severity="error",
                rule="estyn-consortia-2017.visit-at-most-a-week",
                message=_("The visit runs {days} days on site ({start} to {end}); "
                          "a follow-up visit takes no longer than one week.", days=(end - start).days + 1, start=start, end=end),
                citation=cite.CONSORTIUM_ONE_WEEK,
            )
        )
    if not case.recommendations:
        findings.append(
            Finding(
                severity="error",
                rule="estyn-consortia-2017.progress-each-recommendation",
                message=_("No recommendations of the original inspection are recorded: the visit reviews progress on each."),
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
                        message=_("Recommendation {number} has no progress judgement: record the team's "
                                  "judgement of its progress ({scale}).", number=number_of(r, case.recommendations),
                                  scale=", ".join(framework.progress_scale) or _("in words")),
                        citation=cite.CONSORTIUM_PROGRESS_EACH_RECOMMENDATION,
                    )
                )
    for r in limited_progress(case):
        findings.append(
            Finding(
                severity="warning",
                rule="estyn-consortia-2017.limited-progress",
                message=_("Recommendation {number}: {progress}. The team should consider carefully whether to amend it "
                          "or make additional recommendations.", number=number_of(r, case.recommendations),
                          progress=_(PROGRESS_WORDS[latest_progress(r)])),
                citation=cite.CONSORTIUM_LIMITED_PROGRESS,
            )
        )
    return findings


NOTICE_COUNTING = "notice-weeks"


def declarations(framework, language: str = "en") -> list:
    """The visit, its notice, the feedback and the letters, each declared once."""
    _ = words(language)
    ended = timing.date_known("inspection-end", words=_("the visit has ended"))
    drafted = timing.date_known("draft-issued", words=_("the draft letter is issued"))
    sent = timing.date_known("report-published", words=_("the final letter is sent"))
    return [
        Recorded(ORIGINAL_INSPECTION, _("Last day of the original inspection")),
        Timing(
            "monitoring-visit", _(VISIT_TITLE), anchor=ORIGINAL_INSPECTION,
            offset={reading: Months(low, high) for reading, (low, high) in ABOUT_A_YEAR.items()},
            citation=cite.CONSORTIUM_VISIT_ABOUT_A_YEAR, rule="estyn-consortia-2017.about-a-year",
            setting="about-a-year", recorded_as="inspection-start",
        ),
        Timing(
            "formal-notice", _(NOTICE_TITLE), anchor="inspection-start",
            offset={count: SchoolWeeks(-NOTICE_WEEKS, count=count) for count in SCHOOL_WEEK_COUNTS},
            citation=cite.CONSORTIUM_NOTICE, rule="estyn-consortia-2017.notice", setting=NOTICE_COUNTING,
            recorded_as="notified",
        ),
        Timing(
            "oral-feedback", _(ORAL_FEEDBACK_TITLE), anchor="inspection-end", offset=OnTheDay(),
            citation=cite.CONSORTIUM_ORAL_FEEDBACK, rule="estyn-consortia-2017.oral-feedback",
            when=ended & ~drafted,  # a draft letter means the feedback has been given
        ),
        Timing(
            "draft-letter", _(DRAFT_LETTER_TITLE), anchor="inspection-end", offset=WorkingDays(DRAFT_LETTER_DAYS),
            citation=cite.CONSORTIUM_DRAFT_LETTER, rule="estyn-consortia-2017.draft-letter", recorded_as="draft-issued",
        ),
        Timing(
            "factual-accuracy", _(FACTUAL_ACCURACY_TITLE), anchor="draft-letter", offset=WorkingDays(0, FACTUAL_ACCURACY_DAYS),
            citation=cite.CONSORTIUM_FACTUAL_ACCURACY, rule="estyn-consortia-2017.factual-accuracy",
            when=drafted & ~sent,
        ),
        # The final letter follows the consortium's five working days for checking the draft.
        Timing(
            "final-letter", _(FINAL_LETTER_TITLE), anchor="inspection-end", offset=WorkingDays(FINAL_LETTER_DAYS),
            citation=cite.CONSORTIUM_FINAL_LETTER, rule="estyn-consortia-2017.final-letter",
            recorded_as="report-published", after=("factual-accuracy",),
        ),
    ]
