"""CIF 2012 for further education and skills: the follow-up of the 2013 support-and-challenge guidance.

Requires improvement: an improvement visit, a letter of the agreed priorities and actions, a
re-inspection 12 to 18 months on with two working days' notice. Inadequate: a re-inspection
monitoring visit after six to eight months and a full re-inspection after 12 to 15 months.
"""

from __future__ import annotations

from inspectorate.calendar import add_working_days, month_window
from inspectorate.names import among
from inspectorate.model import (
    Anchor,
    Finding,
    FollowUpCategory,
    FollowUpEvent,
    FollowUpTrigger,
    Provenance,
    TimingRule,
)

from inspectorate_ofsted import citations as cite
from inspectorate_ofsted.categories import from_trigger
from inspectorate_ofsted import support_strategies

FRAMEWORK_ID = "ofsted-cif-2012"
MONTHS_POLICY = "calendar months, clamped to month end"
#: A date recorded as done under this event id: the improvement HMI asked to bring the re-inspection forward.
BRING_FORWARD = "re-inspection-brought-forward"
#: Further visits by the improvement HMI are recorded as done under ids starting with this.
FURTHER_VISIT = "further-visit"


def propose(framework, case):
    return []


# -- follow-up categories: what puts a case in each (described, then classified by the same words) --

RI_SUPPORT = FollowUpTrigger(
    category="requires-improvement-support",
    name="Support and challenge (requires improvement)",
    when="Overall effectiveness requires improvement: an improvement HMI offers a visit, "
    "then re-inspection within 12 to 18 months.",
    citation=cite.IMPROVEMENT_VISIT,
)
INADEQUATE = FollowUpTrigger(
    category="inadequate-monitoring",
    name="Re-inspection monitoring (inadequate)",
    when="Overall effectiveness is inadequate: a monitoring visit after six to eight months "
    "and a full re-inspection after 12 to 15 months.",
    citation=cite.INADEQUATE_MONITORING,
)
NO_FOLLOW_UP = FollowUpTrigger(
    category="none",
    name="No follow-up beyond the routine cycle",
    when="Overall effectiveness is good or outstanding, or not yet recorded.",
    citation=cite.NOT_YET_GOOD,
)
TRIGGERS = (RI_SUPPORT, INADEQUATE, NO_FOLLOW_UP)


def triggers(framework) -> list[FollowUpTrigger]:
    return list(TRIGGERS)


def classify(framework, case) -> FollowUpCategory:
    overall = case.grade("overall-effectiveness")
    if overall == "requires-improvement":
        return from_trigger(RI_SUPPORT, RI_SUPPORT.when, "ofsted-2012.requires-improvement-support")
    if overall == "inadequate":
        return from_trigger(INADEQUATE, INADEQUATE.when, "ofsted-2012.inadequate-monitoring")
    return from_trigger(
        NO_FOLLOW_UP, f"Overall effectiveness is {overall or 'not yet recorded'}.", "ofsted-2012.no-follow-up"
    )


# -- checks ---------------------------------------------------------------------------------------


def agreed_actions(case):
    """The points of action agreed at the improvement visit (evidence of kind ``agreed-action``)."""
    return [e for e in case.evidence if e.kind == "agreed-action"]


def timescale(action) -> str:
    """The timescale of an agreed action: its ``by:`` tag ("by:2013-07-19"), or "" when none."""
    return next((tag.removeprefix("by:").strip() for tag in action.tags if tag.startswith("by:")), "")


def check(framework, case) -> list[Finding]:
    return [*_improvement_hmi_separate(case), *_agreed_actions(case), *_strategies(case)]


def _improvement_hmi_separate(case):
    hmi = case.team.improvement_hmi
    if not hmi:
        return []
    last = (*case.team.team_inspectors, case.team.reporting_inspector)
    teams = (
        ("the last inspection", last, cite.IMPROVEMENT_HMI_SEPARATE),
        ("the next inspection", case.team.next_inspection_team, cite.IMPROVEMENT_HMI_NOT_NEXT),
    )
    return [
        Finding(
            severity="warning",
            rule="ofsted-2012.improvement-hmi-separate",
            message=f"The improvement HMI {hmi} is also on the team of {which}; "
            "the guidance keeps the roles separate.",
            citation=citation,
        )
        for which, team, citation in teams
        if among(hmi, team)
    ]


def _agreed_actions(case):
    findings = [
        Finding(
            severity="warning",
            rule="ofsted-2012.action-needs-timescale",
            message=f"The agreed action '{action.text}' has no timescale; add a tag 'by:DATE'.",
            citation=cite.AGREED_ACTIONS_AND_TIMESCALES,
            area=action.area,
        )
        for action in agreed_actions(case)
        if not timescale(action)
    ]
    if "improvement-visit" in case.follow_up.done and not agreed_actions(case):
        findings.append(
            Finding(
                severity="warning",
                rule="ofsted-2012.actions-confirmed-in-writing",
                message="The improvement visit has taken place but no agreed action is recorded, "
                "so the letter would confirm none in writing.",
                citation=cite.CONFIRM_IN_WRITING,
            )
        )
    return findings


def _strategies(case):
    if case.follow_up.chosen and case.grade("overall-effectiveness") != "requires-improvement":
        return [
            Finding(
                severity="warning",
                rule="ofsted-2012.strategies-for-requires-improvement",
                message="Support strategies are chosen, but the improvement HMI's support and challenge is for "
                "providers that require improvement.",
                citation=cite.SUPPORT_STRATEGIES,
            )
        ]
    return [
        Finding(
            severity="warning",
            rule="ofsted-2012.unknown-support-strategy",
            message=f"'{choice}' is not one of the support strategies ({', '.join(support_strategies.STRATEGIES)}); "
            "write another activity out in words.",
            citation=cite.STRATEGIES_NOT_EXHAUSTIVE,
        )
        for choice in support_strategies.unknown_ids(case.follow_up.chosen)
    ]


# -- follow-up events: each timing rule in words, then the schedule that dates it --------------------

ANCHOR_SETTING = "reinspection-anchor"
CONFIRMATION_SETTING = "further-visit-confirmation"
REQUIRES_IMPROVEMENT = "overall effectiveness requires improvement"
INADEQUATE_OVERALL = "overall effectiveness is inadequate"

IMPROVEMENT_VISIT = TimingRule(
    event="improvement-visit",
    title="Improvement visit by the improvement HMI",
    basis="normally between 10 and 30 working days after the publication of the report",
    citation=cite.IMPROVEMENT_VISIT,
    applies_when=REQUIRES_IMPROVEMENT,
)
IMPROVEMENT_LETTER = TimingRule(
    event="improvement-letter",
    title="Letter summarising the agreed priorities (not published)",
    basis="within five working days of the improvement visit",
    citation=cite.IMPROVEMENT_LETTER,
    applies_when=REQUIRES_IMPROVEMENT,
)
#: The basis of a further visit's letter, and what the setting's two readings add to it.
FURTHER_LETTER_BASIS = "agreed actions confirmed in writing at each stage"
FURTHER_LETTER_FIVE_DAYS = ", within five working days as for the first visit"
FURTHER_LETTER_NO_TIME = " (no time set)"
FURTHER_VISIT_LETTER = TimingRule(
    event=f"{FURTHER_VISIT}*",
    title="Agreed actions confirmed in writing after each further visit",
    basis=f"{FURTHER_LETTER_BASIS}{FURTHER_LETTER_FIVE_DAYS} (reading 'five-working-days'; "
    "with 'no-deadline' no time is set)",
    citation=cite.CONFIRM_IN_WRITING,
    applies_when=f"{REQUIRES_IMPROVEMENT}, for each further visit recorded as done under an id "
    f"starting '{FURTHER_VISIT}' (the letter's id is the visit's followed by '-letter')",
    setting=CONFIRMATION_SETTING,
)
REINSPECTION_RI = TimingRule(
    event="re-inspection",
    title="Re-inspection",
    basis="12 to 18 months after the inspection",
    citation=cite.REINSPECTION_RI,
    applies_when=REQUIRES_IMPROVEMENT,
    setting=ANCHOR_SETTING,
)
REINSPECTION_BROUGHT_FORWARD = TimingRule(
    event="re-inspection",
    title="Re-inspection",
    basis="brought forward from the 12 to 18 months window at the improvement HMI's request",
    citation=cite.BRING_FORWARD,
    applies_when=f"{REQUIRES_IMPROVEMENT}, once the request is recorded as done under '{BRING_FORWARD}'",
    setting=ANCHOR_SETTING,
)
REINSPECTION_AFTER_NOTICE = TimingRule(
    event="re-inspection",
    title="Re-inspection",
    basis="two working days after the notice",
    citation=cite.REINSPECTION_NOTICE,
    applies_when=f"{REQUIRES_IMPROVEMENT}, once the notice is recorded as given",
)
REINSPECTION_NOTICE = TimingRule(
    event="re-inspection-notice",
    title="Two working days' notice of the re-inspection",
    basis="two working days before the re-inspection, which falls in its window",
    citation=cite.REINSPECTION_NOTICE,
    applies_when=REQUIRES_IMPROVEMENT,
    setting=ANCHOR_SETTING,
)
MONITORING_VISIT = TimingRule(
    event="monitoring-visit",
    title="Re-inspection monitoring visit",
    basis="after six to eight months",
    citation=cite.INADEQUATE_MONITORING,
    applies_when=INADEQUATE_OVERALL,
    setting=ANCHOR_SETTING,
)
FULL_REINSPECTION = TimingRule(
    event="re-inspection",
    title="Full re-inspection",
    basis="after 12 to 15 months",
    citation=cite.INADEQUATE_MONITORING,
    applies_when=INADEQUATE_OVERALL,
    setting=ANCHOR_SETTING,
)
#: An inadequate provider's events, each with its window in calendar months after the anchor.
INADEQUATE_WINDOWS = ((MONITORING_VISIT, 6, 8), (FULL_REINSPECTION, 12, 15))
TIMING_RULES = (
    IMPROVEMENT_VISIT,
    IMPROVEMENT_LETTER,
    FURTHER_VISIT_LETTER,
    REINSPECTION_RI,
    REINSPECTION_BROUGHT_FORWARD,
    REINSPECTION_AFTER_NOTICE,
    REINSPECTION_NOTICE,
    MONITORING_VISIT,
    FULL_REINSPECTION,
)


def timing_rules(framework) -> list[TimingRule]:
    return list(TIMING_RULES)


def schedule(framework, case, calendar) -> list[FollowUpEvent]:
    overall = case.grade("overall-effectiveness")
    reading = framework.setting(case.settings, ANCHOR_SETTING)
    anchor_date = case.dates.published if reading == "report-published" else case.dates.end
    anchor = Anchor(reading, anchor_date)
    if overall == "requires-improvement":
        return [
            *_improvement_visit_and_letters(framework, case, calendar),
            *_reinspection_ri(case, calendar, anchor, reading),
        ]
    if overall == "inadequate":
        return _inadequate(anchor, reading)
    return []


def _improvement_visit_and_letters(framework, case, calendar):
    published = case.dates.published
    events = [
        FollowUpEvent(
            id=IMPROVEMENT_VISIT.event,
            title=IMPROVEMENT_VISIT.title,
            earliest=add_working_days(published, 10, calendar) if published else None,
            latest=add_working_days(published, 30, calendar) if published else None,
            anchor=Anchor("report-published", published),
            basis=IMPROVEMENT_VISIT.basis,
            citation=IMPROVEMENT_VISIT.citation,
            provenance=Provenance("ofsted-2012.improvement-visit", calendar.policy),
        )
    ]
    visited = case.follow_up.done.get(IMPROVEMENT_VISIT.event)
    events.append(
        FollowUpEvent(
            id=IMPROVEMENT_LETTER.event,
            title=IMPROVEMENT_LETTER.title,
            earliest=None,
            latest=add_working_days(visited, 5, calendar) if visited else None,
            anchor=Anchor(IMPROVEMENT_VISIT.event, visited),
            basis=IMPROVEMENT_LETTER.basis,
            citation=IMPROVEMENT_LETTER.citation,
            provenance=Provenance("ofsted-2012.improvement-letter", calendar.policy),
        )
    )
    # Paragraph 18 asks for agreed actions in writing "at each stage" but sets no time; reading it
    # with paragraph 14's five working days is a setting.
    confirmation = framework.setting(case.settings, CONFIRMATION_SETTING)
    further = sorted((k, d) for k, d in case.follow_up.done.items() if k.startswith(FURTHER_VISIT))
    for visit_id, day in further:
        days = 5 if confirmation == "five-working-days" else None
        events.append(
            FollowUpEvent(
                id=f"{visit_id}-letter",
                title=f"Agreed actions confirmed in writing after the {visit_id.replace('-', ' ')}",
                earliest=None,
                latest=add_working_days(day, days, calendar) if days else None,
                anchor=Anchor(visit_id, day),
                basis=FURTHER_LETTER_BASIS + (FURTHER_LETTER_FIVE_DAYS if days else FURTHER_LETTER_NO_TIME),
                citation=FURTHER_VISIT_LETTER.citation,
                provenance=Provenance("ofsted-2012.confirm-in-writing", calendar.policy, confirmation),
            )
        )
    return events


def _reinspection_ri(case, calendar, anchor, reading):
    earliest, latest = month_window(anchor.date, 12, 18) if anchor.date else (None, None)
    timing, rule, policy = REINSPECTION_RI, "ofsted-2012.reinspection-ri", MONTHS_POLICY
    requested = case.follow_up.done.get(BRING_FORWARD)
    if requested and earliest:
        # Brought forward from the window: any time from the request until the window would open.
        earliest, latest = requested, max(requested, earliest)
        timing, rule = REINSPECTION_BROUGHT_FORWARD, "ofsted-2012.reinspection-brought-forward"
    # The notice falls two working days before a re-inspection in its window; once given, it fixes the date.
    notice_event = FollowUpEvent(
        id=REINSPECTION_NOTICE.event,
        title=REINSPECTION_NOTICE.title,
        earliest=add_working_days(earliest, -2, calendar) if earliest else None,
        latest=add_working_days(latest, -2, calendar) if latest else None,
        anchor=anchor,
        basis=REINSPECTION_NOTICE.basis,
        citation=REINSPECTION_NOTICE.citation,
        provenance=Provenance("ofsted-2012.reinspection-notice", calendar.policy, reading),
    )
    notice = case.follow_up.done.get(REINSPECTION_NOTICE.event)
    if notice:
        earliest = latest = add_working_days(notice, 2, calendar)
        timing, rule = REINSPECTION_AFTER_NOTICE, "ofsted-2012.reinspection-after-notice"
        policy = calendar.policy
    reinspection = FollowUpEvent(
        id=timing.event,
        title=timing.title,
        earliest=earliest,
        latest=latest,
        anchor=Anchor(REINSPECTION_NOTICE.event, notice) if notice else anchor,
        basis=timing.basis,
        citation=timing.citation,
        provenance=Provenance(rule, policy, reading),
    )
    return [reinspection, notice_event]


def _inadequate(anchor, reading):
    events = []
    for timing, low, high in INADEQUATE_WINDOWS:
        earliest, latest = month_window(anchor.date, low, high) if anchor.date else (None, None)
        events.append(
            FollowUpEvent(
                id=timing.event,
                title=timing.title,
                earliest=earliest,
                latest=latest,
                anchor=anchor,
                basis=timing.basis,
                citation=timing.citation,
                provenance=Provenance(f"ofsted-2012.{timing.event}", MONTHS_POLICY, reading),
            )
        )
    return events
