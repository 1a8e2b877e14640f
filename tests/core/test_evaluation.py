"""The evaluation service: statuses against today, the stage of a case, the next deadline."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from inspectorate import hookimpl
from inspectorate.calendar import calendar_for
from inspectorate.evaluation import UnknownFramework, evaluate, schedule, stage_of, summary
from inspectorate.frameworks import Area, Framework, Regime
from inspectorate.model import Anchor, Citation, FollowUpEvent, FollowUpRecord, InspectionDates, Provenance
from inspectorate.testing import make_case, make_host

CITE = Citation(document="toy-guidance.txt", quote="The report is published within 20 working days.")
FRAMEWORK = Framework(id="toy-1", regime="toy", names={"en": "Toy"}, sectors=["school"], areas=[Area("a", {"en": "A"})])
DATES = InspectionDates(start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 7))


class Toy:
    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="toy", names={"en": "Toy"}, nations=["england"], frameworks=[FRAMEWORK]))

    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        from inspectorate.calendar import add_working_days

        end = case.dates.end
        return [
            FollowUpEvent(
                id="report",
                title="Report published",
                earliest=None,
                latest=add_working_days(end, 20, calendar) if end else None,
                anchor=Anchor("inspection-end", end),
                basis="within 20 working days of the end of the inspection",
                citation=CITE,
                provenance=Provenance(rule="toy.report", calendar=calendar.policy),
            )
        ]


class LocalAuthorityReview:
    """A local plugin adding its own event to another regime's schedule."""

    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        return [
            FollowUpEvent(
                id="la-review",
                title="Local authority review meeting",
                earliest=None,
                latest=dt.date(2025, 3, 14),
                anchor=Anchor("inspection-end", case.dates.end),
                basis="one week after the inspection",
                citation=Citation(document="local policy", quote="We meet the school within a week."),
                provenance=Provenance(rule="la.review", calendar="calendar days"),
            )
        ]


@pytest.fixture
def host():
    return make_host(toy=Toy())


def _report_status(host, today, **changes):
    [event] = schedule(host, make_case(FRAMEWORK, **{"dates": DATES, **changes}), today)
    return event


def test_deadline_counts_working_days_from_the_anchor(host):
    event = _report_status(host, dt.date(2025, 3, 10))
    assert event.latest == dt.date(2025, 4, 4)  # 20 working days after Friday 7 March 2025
    assert event.status == "open"
    assert "england-and-wales" in event.provenance.calendar


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (dt.date(2025, 3, 21), "due-soon"),  # 10 working days before Friday 4 April
        (dt.date(2025, 3, 20), "open"),
        (dt.date(2025, 4, 4), "due-soon"),
        (dt.date(2025, 4, 7), "overdue"),
    ],
)
def test_status_follows_today(host, today, status):
    assert _report_status(host, today).status == status


def test_an_event_recorded_as_done_is_done_with_its_date(host):
    event = _report_status(host, dt.date(2025, 5, 1), follow_up=FollowUpRecord(done={"report": dt.date(2025, 4, 1)}))
    assert (event.status, event.done_on) == ("done", dt.date(2025, 4, 1))


def test_event_without_its_anchor_waits(host):
    event = _report_status(host, dt.date(2025, 3, 1), dates=InspectionDates())
    assert (event.latest, event.status) == (None, "waiting")


def test_a_local_plugin_adds_its_own_event_to_the_schedule():
    host = make_host(toy=Toy(), local=LocalAuthorityReview())
    events = schedule(host, make_case(FRAMEWORK, dates=DATES), dt.date(2025, 3, 10))
    assert [e.id for e in events] == ["la-review", "report"]  # in date order


def test_stage_and_next_deadline_for_the_casebook_list(host):
    case = make_case(FRAMEWORK, dates=InspectionDates(start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 7)))
    assert summary(host, case, dt.date(2025, 3, 1))["stage"] == "planned"
    assert summary(host, case, dt.date(2025, 3, 4))["stage"] == "on site"
    after = summary(host, case, dt.date(2025, 3, 10))
    assert after == {"stage": "reporting", "next_deadline": dt.date(2025, 4, 4), "next_event": "Report published"}


def test_stage_is_closed_when_every_event_is_done(host):
    case = make_case(
        FRAMEWORK,
        dates=InspectionDates(start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 7), published=dt.date(2025, 4, 2)),
        follow_up=FollowUpRecord(done={"report": dt.date(2025, 4, 2)}),
    )
    events = schedule(host, case, dt.date(2025, 5, 1))
    assert stage_of(case, events, dt.date(2025, 5, 1)) == "closed"


def test_unknown_framework_is_a_clear_error(host):
    case = attrs.evolve(make_case(FRAMEWORK), framework="nope")
    with pytest.raises(UnknownFramework, match="'nope' is not provided by any loaded plugin"):
        evaluate(host, case)


def test_calendar_of_a_welsh_provider_knows_welsh_school_terms():
    from inspectorate.evaluation import calendar_for_case

    welsh = make_case(FRAMEWORK, nation="wales")
    calendar = calendar_for_case(welsh)
    assert calendar.division == "england-and-wales"
    assert calendar.school_terms is not None and calendar.school_terms.is_school_holiday(dt.date(2025, 8, 1))
    scottish = calendar_for_case(make_case(FRAMEWORK, nation="scotland"))
    assert scottish.division == "scotland" and scottish is not calendar_for("england-and-wales")
