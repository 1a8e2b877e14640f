"""CIF 2012 for further education and skills: the follow-up of the 2013 support-and-challenge guidance.

Requires improvement: an improvement visit, a letter of the agreed priorities and actions, a
re-inspection 12 to 18 months on with two working days' notice. Inadequate: a re-inspection
monitoring visit after six to eight months and a full re-inspection after 12 to 15 months.
"""

from __future__ import annotations

from inspectorate.calendar import add_working_days, month_window
from inspectorate.model import (
    Anchor,
    Finding,
    FollowUpCategory,
    FollowUpEvent,
    Provenance,
)

from inspectorate_ofsted import citations as cite
from inspectorate_ofsted import support_strategies

FRAMEWORK_ID = "ofsted-cif-2012"
MONTHS_POLICY = "calendar months, clamped to month end"
#: A date recorded as done under this event id: the improvement HMI asked to bring the re-inspection forward.
BRING_FORWARD = "re-inspection-brought-forward"
#: Further visits by the improvement HMI are recorded as done under ids starting with this.
FURTHER_VISIT = "further-visit"


def propose(framework, case):
    return []


def classify(framework, case) -> FollowUpCategory:
    overall = case.grade("overall-effectiveness")
    if overall == "requires-improvement":
        return FollowUpCategory(
            id="requires-improvement-support",
            name="Support and challenge (requires improvement)",
            rationale="Overall effectiveness requires improvement: an improvement HMI offers a visit, "
            "then re-inspection within 12 to 18 months.",
            citation=cite.IMPROVEMENT_VISIT,
            rule="ofsted-2012.requires-improvement-support",
        )
    if overall == "inadequate":
        return FollowUpCategory(
            id="inadequate-monitoring",
            name="Re-inspection monitoring (inadequate)",
            rationale="Overall effectiveness is inadequate: a monitoring visit after six to eight months "
            "and a full re-inspection after 12 to 15 months.",
            citation=cite.INADEQUATE_MONITORING,
            rule="ofsted-2012.inadequate-monitoring",
        )
    return FollowUpCategory(
        id="none",
        name="No follow-up beyond the routine cycle",
        rationale=f"Overall effectiveness is {overall or 'not yet recorded'}.",
        citation=cite.REINSPECTION_RI,
        rule="ofsted-2012.no-follow-up",
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
        if hmi in team
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


# -- follow-up events -----------------------------------------------------------------------------


def _provenance(rule: str, calendar_policy: str, reading: str = "") -> Provenance:
    return Provenance(rule=rule, calendar=calendar_policy, reading=reading)


def schedule(framework, case, calendar) -> list[FollowUpEvent]:
    overall = case.grade("overall-effectiveness")
    reading = framework.setting(case.settings, "reinspection-anchor")
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
            id="improvement-visit",
            title="Improvement visit by the improvement HMI",
            earliest=add_working_days(published, 10, calendar) if published else None,
            latest=add_working_days(published, 30, calendar) if published else None,
            anchor=Anchor("report-published", published),
            basis="normally between 10 and 30 working days after the publication of the report",
            citation=cite.IMPROVEMENT_VISIT,
            provenance=_provenance("ofsted-2012.improvement-visit", calendar.policy),
        )
    ]
    visited = case.follow_up.done.get("improvement-visit")
    events.append(
        FollowUpEvent(
            id="improvement-letter",
            title="Letter summarising the agreed priorities (not published)",
            earliest=None,
            latest=add_working_days(visited, 5, calendar) if visited else None,
            anchor=Anchor("improvement-visit", visited),
            basis="within five working days of the improvement visit",
            citation=cite.IMPROVEMENT_LETTER,
            provenance=_provenance("ofsted-2012.improvement-letter", calendar.policy),
        )
    )
    # Paragraph 18 asks for agreed actions in writing "at each stage" but sets no time; reading it
    # with paragraph 14's five working days is a setting.
    confirmation = framework.setting(case.settings, "further-visit-confirmation")
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
                basis="agreed actions confirmed in writing at each stage"
                + (", within five working days as for the first visit" if days else " (no time set)"),
                citation=cite.CONFIRM_IN_WRITING,
                provenance=_provenance("ofsted-2012.confirm-in-writing", calendar.policy, confirmation),
            )
        )
    return events


def _reinspection_ri(case, calendar, anchor, reading):
    earliest, latest = month_window(anchor.date, 12, 18) if anchor.date else (None, None)
    basis, rule, citation = "12 to 18 months after the inspection", "ofsted-2012.reinspection-ri", cite.REINSPECTION_RI
    policy = MONTHS_POLICY
    requested = case.follow_up.done.get(BRING_FORWARD)
    if requested and earliest:
        # Brought forward from the window: any time from the request until the window would open.
        earliest, latest = requested, max(requested, earliest)
        basis = "brought forward from the 12 to 18 months window at the improvement HMI's request"
        rule, citation = "ofsted-2012.reinspection-brought-forward", cite.BRING_FORWARD
    # The notice falls two working days before a re-inspection in its window; once given, it fixes the date.
    notice_event = FollowUpEvent(
        id="re-inspection-notice",
        title="Two working days' notice of the re-inspection",
        earliest=add_working_days(earliest, -2, calendar) if earliest else None,
        latest=add_working_days(latest, -2, calendar) if latest else None,
        anchor=anchor,
        basis="two working days before the re-inspection, which falls in its window",
        citation=cite.REINSPECTION_NOTICE,
        provenance=_provenance("ofsted-2012.reinspection-notice", calendar.policy, reading),
    )
    notice = case.follow_up.done.get("re-inspection-notice")
    if notice:
        earliest = latest = add_working_days(notice, 2, calendar)
        basis, citation = "two working days after the notice", cite.REINSPECTION_NOTICE
        rule = "ofsted-2012.reinspection-after-notice"
        policy = calendar.policy
    reinspection = FollowUpEvent(
        id="re-inspection",
        title="Re-inspection",
        earliest=earliest,
        latest=latest,
        anchor=Anchor("re-inspection-notice", notice) if notice else anchor,
        basis=basis,
        citation=citation,
        provenance=_provenance(rule, policy, reading),
    )
    return [reinspection, notice_event]


def _inadequate(anchor, reading):
    events = []
    for event_id, title, low, high, basis in (
        ("monitoring-visit", "Re-inspection monitoring visit", 6, 8, "after six to eight months"),
        ("re-inspection", "Full re-inspection", 12, 15, "after 12 to 15 months"),
    ):
        earliest, latest = month_window(anchor.date, low, high) if anchor.date else (None, None)
        events.append(
            FollowUpEvent(
                id=event_id,
                title=title,
                earliest=earliest,
                latest=latest,
                anchor=anchor,
                basis=basis,
                citation=cite.INADEQUATE_MONITORING,
                provenance=_provenance(f"ofsted-2012.{event_id}", MONTHS_POLICY, reading),
            )
        )
    return events

