"""The open case: one run of the rules per save feeds both the tabs and the casebook list."""

from __future__ import annotations

import datetime as dt

import attrs
from inspectorate.model import Case, InspectionDates, Judgement, Provider
from inspectorate_tui.session import CaseSession

RI = Case(
    Provider("Riverside College", "further-education"),
    "ofsted",
    "ofsted-cif-2012",
    dates=InspectionDates(start=dt.date(2013, 3, 4), end=dt.date(2013, 3, 8)),
    judgements=(Judgement("overall-effectiveness", "requires-improvement"),),
)
TODAY = dt.date(2013, 4, 15)


def test_a_save_updates_the_list_columns_from_the_same_events_the_tabs_show(casebook, host):
    """Ofsted 2013 guidance para 10: the improvement visit within 30 working days of publication."""
    case_id = casebook.add(RI).id
    session = CaseSession(casebook, host, case_id, TODAY)
    assert session.save(attrs.evolve(RI, dates=attrs.evolve(RI.dates, published=dt.date(2013, 4, 12))), "published")
    visit = next(e for e in session.events if e.id == "improvement-visit")
    [row] = casebook.list_cases()
    assert (row.stage, row.next_deadline, row.next_event) == ("follow-up", visit.latest, visit.title)


def test_a_case_the_rules_cannot_read_stays_editable_and_keeps_its_columns(casebook, host):
    case_id = casebook.add(RI, summary={"stage": "reporting"}).id
    session = CaseSession(casebook, host, case_id, TODAY)
    orphan = attrs.evolve(RI, framework="ofsted-cif-1999")
    assert session.save(orphan, "framework")
    assert "ofsted-cif-1999" in session.problem and session.events == []
    [row] = casebook.list_cases()
    assert (row.framework, row.stage) == ("ofsted-cif-1999", "reporting")
