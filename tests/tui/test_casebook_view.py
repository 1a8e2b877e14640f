"""The casebook list's view of each case as of today, without Textual."""

from __future__ import annotations

import datetime as dt

import attrs

from inspectorate.model import Case, InspectionDates, Provider
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
    published = attrs.evolve(case, dates=InspectionDates(start=dt.date(2013, 3, 4), end=dt.date(2013, 3, 8), published=dt.date(2013, 4, 12)))
    casebook.update(added.id, published, 1, summary={"stage": "follow-up"})
    [row] = casebook.list_cases()
    assert row.published == dt.date(2013, 4, 12)
    [line] = lines_for([row], dt.date(2026, 1, 1))
    assert line.stage == "follow-up"  # after publication the stage depends on events, not dates
    assert sort_lines([line], "stage") == [line]
