"""The casebook list's view of each case as of today, without Textual."""

from __future__ import annotations

import datetime as dt

import attrs
from inspectorate import hookimpl
from inspectorate.calendar import calendar_for
from inspectorate.evaluation import deadline_status, schedule, summary
from inspectorate.frameworks import Area, Framework, Regime
from inspectorate.model import Anchor, Case, Citation, FollowUpEvent, InspectionDates, Provenance, Provider
from inspectorate.testing import make_host
from inspectorate_tui.casebook_view import filter_lines, lines_for, sort_lines


def test_a_stored_stage_moves_on_with_the_days(casebook):
    """Saved as planned in March; by the first day on site it is on site, then reporting."""
    dates = InspectionDates(start=dt.date(2026, 3, 9), end=dt.date(2026, 3, 12))
    case = Case(Provider("Hillside Academy", "school"), "ofsted", "ofsted-renewed-2025", dates=dates)
    casebook.add(case, summary={"stage": "planned"})
    [row] = casebook.list_cases()
    assert (row.on_site_from, row.on_site_to, row.published) == (dates.start, dates.end, None)
    stage = {day: lines_for([row], dt.date(2026, 3, day))[0].stage for day in (2, 10, 20)}
    assert stage == {2: "planned", 10: "on site", 20: "reporting"}
    on_site = lines_for([row], dt.date(2026, 3, 10))
    assert filter_lines(on_site, "on site") == on_site and filter_lines(on_site, "planned") == []


def test_changed_dates_reach_the_list_and_later_stages_are_kept(casebook):
    case = Case(Provider("Riverside College", "further-education"), "ofsted", "ofsted-cif-2012")
    added = casebook.add(case, summary={"stage": "follow-up"})
    published = attrs.evolve(case, dates=InspectionDates(start=dt.date(2013, 3, 4), end=dt.date(2013, 3, 8),
                                                         published=dt.date(2013, 4, 12)))
    casebook.update(added.id, published, 1, summary={"stage": "follow-up"})
    [row] = casebook.list_cases()
    assert row.published == dt.date(2013, 4, 12)
    [line] = lines_for([row], dt.date(2026, 1, 1))
    assert line.stage == "follow-up"  # after publication the stage depends on events, not dates
    assert sort_lines([line], "stage") == [line]


class _TeamVisit:
    """A toy regime with one deadline: Friday 16 January 2026, after Scotland's 2 January holiday."""

    FRAMEWORK = Framework(id="visit-1", regime="visit", names={"en": "Visit"}, sectors=["school"], areas=[Area("a", {"en": "A"})])

    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="visit", names={"en": "Visit"}, nations=["england"], frameworks=[self.FRAMEWORK]))

    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        citation = Citation(document="toy-guidance.txt", quote="The team visits by 16 January.")
        return [FollowUpEvent("visit", "Team visit", None, dt.date(2026, 1, 16), Anchor("inspection-end", None),
                              "by 16 January", citation, Provenance(rule="visit.by", calendar=calendar.policy))]


def test_the_list_says_due_soon_on_the_same_days_as_the_cases_own_events_with_a_scottish_calendar(casebook):
    """The list's status is the core's, on the provider's calendar: from 31 December for a Scottish
    school (1 and 2 January are its holidays), where England's days would say 2 January."""
    host = make_host(visit=_TeamVisit())
    case = Case(Provider("Ardnamurchan High School", "school", nation="scotland"), "visit", "visit-1")
    casebook.add(case, summary=summary(host, case, dt.date(2025, 12, 1)))
    [row] = casebook.list_cases()
    assert (row.nation, row.next_deadline) == ("scotland", dt.date(2026, 1, 16))
    england = calendar_for("england-and-wales")
    differ = []
    for offset in range(45):
        today = dt.date(2025, 12, 10) + dt.timedelta(days=offset)
        [event] = schedule(host, case, today)
        [line] = lines_for([row], today)
        assert line.status == event.status, today
        if deadline_status(row.next_deadline, today, england) != event.status:
            differ.append(today)
    assert differ == [dt.date(2025, 12, 31), dt.date(2026, 1, 1)]  # England's would still say open
    assert lines_for([row], dt.date(2025, 12, 31))[0].status == "due-soon"
