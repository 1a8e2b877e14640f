"""CIF 2012 for further education and skills: the follow-up of the 2013 support-and-challenge guidance.

Requires improvement: an improvement visit, a letter of the agreed priorities and actions, a
re-inspection 12 to 18 months on with two working days' notice. Inadequate: a re-inspection
monitoring visit after six to eight months and a full re-inspection after 12 to 15 months.
"""

from __future__ import annotations

from inspectorate import timing
from inspectorate.calendar import add_months
from inspectorate.model import (
    AGREED_ACTION,
    Anchor,
    Finding,
    FollowUpCategory,
    FollowUpEvent,
    FollowUpTrigger,
    Provenance,
    TimingRule,
)
from inspectorate.names import among
from inspectorate.timing import MONTHS_POLICY, Months, NoTimeSet, Recorded, Timing, WorkingDays

from inspectorate_ofsted import citations as cite
from inspectorate_ofsted import support_strategies
from inspectorate_ofsted.categories import from_trigger

FRAMEWORK_ID = "ofsted-cif-2012"
#: A date recorded as done under this event id: the improvement HMI asked to bring the re-inspection forward.
BRING_FORWARD = "re-inspection-brought-forward"
#: Further visits by the improvement HMI are recorded as done as further-visit-1, further-visit-2, ...
FURTHER_VISIT_ID = r"further-visit-(\d+)"


#: Each timing rule's numbers, said once: the declarations below and the categories' words use them.
IMPROVEMENT_VISIT_DAYS = (10, 30)
LETTER_DAYS = 5
NOTICE_DAYS = 2
REINSPECTION_MONTHS = (12, 18)
MONITORING_MONTHS = (6, 8)
FULL_REINSPECTION_MONTHS = (12, 15)


def _span(months: tuple[int, int]) -> str:
    return f"{months[0]} to {months[1]} months"


def propose(framework, case):
    return []


# -- follow-up categories: what puts a case in each (described, then classified by the same words) --

RI_SUPPORT = FollowUpTrigger(
    category="requires-improvement-support",
    name="Support and challenge (requires improvement)",
    when="Overall effectiveness requires improvement: an improvement HMI offers a visit, "
    f"then re-inspection within {_span(REINSPECTION_MONTHS)}.",
    citation=cite.IMPROVEMENT_VISIT,
)
INADEQUATE = FollowUpTrigger(
    category="inadequate-monitoring",
    name="Re-inspection monitoring (inadequate)",
    when=f"Overall effectiveness is inadequate: a monitoring visit after {_span(MONITORING_MONTHS)} "
    f"and a full re-inspection after {_span(FULL_REINSPECTION_MONTHS)}.",
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
    return [e for e in case.evidence if e.kind == AGREED_ACTION]


def check(framework, case) -> list[Finding]:
    return [*_improvement_hmi_separate(case), *_agreed_actions(case), *_strategies(case)]


def _improvement_hmi_separate(case):
    hmi = case.team.improvement_hmi
    if not hmi:
        return []
    last = (*case.team.team_inspectors, case.team.reporting_inspector)
    # The key is the field to change: the last team is history, the next one may still be chosen.
    teams = (
        ("the last inspection", last, cite.IMPROVEMENT_HMI_SEPARATE, "team.improvement_hmi"),
        ("the next inspection", case.team.next_inspection_team, cite.IMPROVEMENT_HMI_NOT_NEXT, "team.next_inspection_team"),
    )
    return [
        Finding(
            severity="warning",
            rule="ofsted-2012.improvement-hmi-separate",
            message=f"The improvement HMI {hmi} is also on the team of {which}; "
            "the guidance keeps the roles separate.",
            citation=citation,
            key=key,
        )
        for which, team, citation, key in teams
        if among(hmi, team)
    ]


def _agreed_actions(case):
    findings = [
        Finding(
            severity="warning",
            rule="ofsted-2012.action-needs-timescale",
            message=f"The agreed action '{action.text}' has no timescale: give the date it is to be done by.",
            citation=cite.AGREED_ACTIONS_AND_TIMESCALES,
            area=action.area,
        )
        for action in agreed_actions(case)
        if action.by is None
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


# -- follow-up events: each timing rule declared once; the core dates, describes and checks them ----

ANCHOR_SETTING = "reinspection-anchor"
CONFIRMATION_SETTING = "further-visit-confirmation"
NOTICE = "re-inspection-notice"
REQUIRES_IMPROVEMENT = timing.grade(
    "overall-effectiveness", "requires-improvement", words="overall effectiveness requires improvement"
)
INADEQUATE_OVERALL = timing.grade("overall-effectiveness", "inadequate", words="overall effectiveness is inadequate")
BROUGHT_FORWARD = timing.done(BRING_FORWARD, words=f"the request to bring it forward is recorded as done under '{BRING_FORWARD}'")
NOTICE_GIVEN = timing.done(NOTICE, words="the notice is recorded as given")


def _declarations(framework) -> list:
    counted_from = timing.reading_is_anchor(framework, ANCHOR_SETTING)
    return [
        Recorded(BRING_FORWARD, "The improvement HMI's request to bring the re-inspection forward"),
        Recorded(FURTHER_VISIT_ID, "Further visit by the improvement HMI", pattern=True),
        Timing(
            "improvement-visit", "Improvement visit by the improvement HMI",
            anchor="report-published", offset=WorkingDays(*IMPROVEMENT_VISIT_DAYS), citation=cite.IMPROVEMENT_VISIT,
            rule="ofsted-2012.improvement-visit", when=REQUIRES_IMPROVEMENT,
        ),
        Timing(
            "improvement-letter", "Letter summarising the agreed priorities (not published)",
            anchor="improvement-visit", offset=WorkingDays(LETTER_DAYS), citation=cite.IMPROVEMENT_LETTER,
            rule="ofsted-2012.improvement-letter", when=REQUIRES_IMPROVEMENT,
        ),
        # Paragraph 18 asks for agreed actions in writing "at each stage" but sets no time; reading it
        # with paragraph 14's five working days is a setting.
        Timing(
            "{each}-letter", "Agreed actions confirmed in writing after further visit {n}",
            anchor="{each}", offset={"five-working-days": WorkingDays(LETTER_DAYS), "no-deadline": NoTimeSet()},
            citation=cite.CONFIRM_IN_WRITING, rule="ofsted-2012.confirm-in-writing",
            when=REQUIRES_IMPROVEMENT, setting=CONFIRMATION_SETTING, each=FURTHER_VISIT_ID,
        ),
        Timing(
            "re-inspection", "Re-inspection", anchor=counted_from, offset=Months(*REINSPECTION_MONTHS),
            citation=cite.REINSPECTION_RI, rule="ofsted-2012.reinspection-ri",
            when=REQUIRES_IMPROVEMENT & ~BROUGHT_FORWARD, setting=ANCHOR_SETTING,
        ),
        # Once given, the notice fixes the day: two working days on.
        Timing(
            "re-inspection", "Re-inspection", anchor=NOTICE, offset=WorkingDays(NOTICE_DAYS, NOTICE_DAYS),
            citation=cite.REINSPECTION_NOTICE, rule="ofsted-2012.reinspection-after-notice",
            when=REQUIRES_IMPROVEMENT & NOTICE_GIVEN,
        ),
        # Two working days before a re-inspection in its window (or brought forward), never before the request.
        Timing(
            NOTICE, "Two working days' notice of the re-inspection", anchor="re-inspection", offset=WorkingDays(-NOTICE_DAYS),
            citation=cite.REINSPECTION_NOTICE, rule="ofsted-2012.reinspection-notice",
            when=REQUIRES_IMPROVEMENT, after=(BRING_FORWARD,), setting=ANCHOR_SETTING,
        ),
        Timing(
            "monitoring-visit", "Re-inspection monitoring visit", anchor=counted_from, offset=Months(*MONITORING_MONTHS),
            citation=cite.INADEQUATE_MONITORING, rule="ofsted-2012.monitoring-visit",
            when=INADEQUATE_OVERALL, setting=ANCHOR_SETTING,
        ),
        Timing(
            "re-inspection", "Full re-inspection", anchor=counted_from, offset=Months(*FULL_REINSPECTION_MONTHS),
            citation=cite.INADEQUATE_MONITORING, rule="ofsted-2012.re-inspection",
            when=INADEQUATE_OVERALL, setting=ANCHOR_SETTING,
        ),
    ]


_DECLARED: dict[str, list] = {}


def declarations(framework) -> list:
    if framework.id not in _DECLARED:
        _DECLARED[framework.id] = _declarations(framework)
    return _DECLARED[framework.id]


# The one rule that does not fit a declaration: a re-inspection brought forward falls any time from
# the request until its 12 to 18 months window would have opened, two dates counted from two anchors.
REINSPECTION_BROUGHT_FORWARD = TimingRule(
    event="re-inspection",
    title="Re-inspection",
    basis=f"brought forward from the {_span(REINSPECTION_MONTHS)} window at the improvement HMI's request: any time "
    "from the request until the window would have opened",
    citation=cite.BRING_FORWARD,
    applies_when=f"{REQUIRES_IMPROVEMENT.words}, once {BROUGHT_FORWARD.words}, until {NOTICE_GIVEN.words}",
    setting=ANCHOR_SETTING,
)


def timing_rules(framework) -> list[TimingRule]:
    return [REINSPECTION_BROUGHT_FORWARD]


def schedule(framework, case, calendar) -> list[FollowUpEvent]:
    requested = case.follow_up.done.get(BRING_FORWARD)
    if case.grade("overall-effectiveness") != "requires-improvement" or not requested or NOTICE in case.follow_up.done:
        return []
    reading = framework.setting(case.settings, ANCHOR_SETTING)
    anchor_date = case.dates.published if reading == "report-published" else case.dates.end
    opens = add_months(anchor_date, REINSPECTION_MONTHS[0]) if anchor_date else None
    return [
        FollowUpEvent(
            id=REINSPECTION_BROUGHT_FORWARD.event,
            title=REINSPECTION_BROUGHT_FORWARD.title,
            earliest=requested,
            latest=max(requested, opens) if opens else None,
            anchor=Anchor(BRING_FORWARD, requested),
            basis=REINSPECTION_BROUGHT_FORWARD.basis,
            citation=REINSPECTION_BROUGHT_FORWARD.citation,
            provenance=Provenance("ofsted-2012.reinspection-brought-forward", MONTHS_POLICY, reading),
        )
    ]
