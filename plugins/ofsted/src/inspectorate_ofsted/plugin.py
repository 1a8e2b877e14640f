"""Ofsted's hook implementations.

The foundation ships one framework (CIF 2012 for further education and skills) with the follow-up
of the 2013 support-and-challenge guidance; the later frameworks are added alongside it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from inspectorate import hookimpl
from inspectorate.calendar import add_working_days, month_window
from inspectorate.frameworks import Regime, framework_from_toml
from inspectorate.model import Anchor, Finding, FollowUpCategory, FollowUpEvent, Provenance
from inspectorate.reports import ReportTemplate

from inspectorate_ofsted import citations as cite

PACKAGE = resources.files("inspectorate_ofsted")
CIF_2012 = "ofsted-cif-2012"


def _frameworks():
    folder = Path(str(PACKAGE / "frameworks"))
    return [framework_from_toml(path, regime="ofsted") for path in sorted(folder.glob("*.toml"))]


REGIME = Regime(id="ofsted", names={"en": "Ofsted"}, nations=["england"], frameworks=_frameworks())


@hookimpl
def register_regimes(register):
    register(REGIME)


@hookimpl
def classify_follow_up(framework, case):
    if framework.id != CIF_2012:
        return None
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


@hookimpl
def check_case(framework, case):
    if framework.id != CIF_2012:
        return []
    hmi = case.team.improvement_hmi
    if not hmi:
        return []
    teams = {"the last inspection": case.team.team_inspectors + (case.team.reporting_inspector,),
             "the next inspection": case.team.next_inspection_team}
    return [
        Finding(
            severity="warning",
            rule="ofsted-2012.improvement-hmi-separate",
            message=f"The improvement HMI {hmi} is also on the team of {which}; "
            "the guidance keeps the roles separate.",
            citation=cite.IMPROVEMENT_HMI_SEPARATE,
        )
        for which, team in teams.items()
        if hmi in team
    ]


def _working_day_window(anchor, low, high, calendar):
    if anchor is None:
        return None, None
    return add_working_days(anchor, low, calendar), add_working_days(anchor, high, calendar)


def _months(anchor, low, high):
    return month_window(anchor, low, high) if anchor else (None, None)


@hookimpl
def schedule_follow_up(framework, case, calendar):
    if framework.id != CIF_2012:
        return []
    overall = case.grade("overall-effectiveness")
    reading = framework.setting(case.settings, "reinspection-anchor")
    anchor_date = case.dates.published if reading == "report-published" else case.dates.end
    anchor = Anchor(reading, anchor_date)
    months_policy = "calendar months, clamped to month end"
    events = []
    if overall == "requires-improvement":
        published = case.dates.published
        earliest, latest = _working_day_window(published, 10, 30, calendar)
        events.append(
            FollowUpEvent(
                id="improvement-visit",
                title="Improvement visit by the improvement HMI",
                earliest=earliest,
                latest=latest,
                anchor=Anchor("report-published", published),
                basis="normally between 10 and 30 working days after the publication of the report",
                citation=cite.IMPROVEMENT_VISIT,
                provenance=Provenance(rule="ofsted-2012.improvement-visit", calendar=calendar.policy),
            )
        )
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
                provenance=Provenance(rule="ofsted-2012.improvement-letter", calendar=calendar.policy),
            )
        )
        earliest, latest = _months(anchor_date, 12, 18)
        events.append(
            FollowUpEvent(
                id="re-inspection",
                title="Re-inspection",
                earliest=earliest,
                latest=latest,
                anchor=anchor,
                basis="12 to 18 months after the inspection",
                citation=cite.REINSPECTION_RI,
                provenance=Provenance(rule="ofsted-2012.reinspection-ri", calendar=months_policy, reading=reading),
            )
        )
    elif overall == "inadequate":
        for event_id, title, low, high, basis in (
            ("monitoring-visit", "Re-inspection monitoring visit", 6, 8, "after six to eight months"),
            ("re-inspection", "Full re-inspection", 12, 15, "after 12 to 15 months"),
        ):
            earliest, latest = _months(anchor_date, low, high)
            events.append(
                FollowUpEvent(
                    id=event_id,
                    title=title,
                    earliest=earliest,
                    latest=latest,
                    anchor=anchor,
                    basis=basis,
                    citation=cite.INADEQUATE_MONITORING,
                    provenance=Provenance(rule=f"ofsted-2012.{event_id}", calendar=months_policy, reading=reading),
                )
            )
    return events


@hookimpl
def register_report_templates(register):
    register(
        ReportTemplate(
            id="ofsted-improvement-visit-letter",
            titles={"en": "Improvement visit letter"},
            frameworks=[CIF_2012],
            directory=Path(str(PACKAGE / "templates")),
            filename="{id}.md.j2",
            kind="letter",
            required_sections=["priorities", "not-for-publication"],
            citation=cite.IMPROVEMENT_LETTER,
        )
    )
