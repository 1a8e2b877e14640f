"""Details: each field saved when left, dates checked, readings of ambiguous guidance chosen per case."""

from __future__ import annotations

import datetime as dt

from inspectorate.model import Case, InspectionDates, Judgement, Provider
from inspectorate_tui.screens.history import HistoryScreen
from textual.widgets import Input, Select

from tests.tui.conftest import SIZE, open_case

RI_COLLEGE = Case(
    provider=Provider("Riverside College", "further-education", "england"),
    regime="ofsted",
    framework="ofsted-cif-2012",
    dates=InspectionDates(start=dt.date(2013, 3, 4), end=dt.date(2013, 3, 8)),
    judgements=(Judgement("overall-effectiveness", "requires-improvement"),),
)


async def _type_into(pilot, screen, field_id: str, text: str) -> Input:
    box = screen.query_one(f"#{field_id}", Input)
    box.focus()
    box.value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()
    return box


async def test_a_field_is_saved_when_entered_and_kept_in_history(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await _type_into(pilot, screen, "provider-name", "Riverside College of FE")
        await _type_into(pilot, screen, "team-team_inspectors", "Bob Smith HMI, Carys Evans OI")
        case = casebook.get(case_id).case
        assert case.provider.name == "Riverside College of FE"
        assert case.team.team_inspectors == ("Bob Smith HMI", "Carys Evans OI")
        await pilot.press("f6")
        history = pilot.app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one("DataTable")
        cells = [str(c) for c in table.get_row_at(table.row_count - 1)] + [str(c) for c in table.get_row_at(0)]
        assert "Test Inspector" in cells and "Team inspectors" in cells


async def test_a_bad_date_is_refused_and_kept_in_the_field_to_be_corrected(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        box = await _type_into(pilot, screen, "date-published", "13/05/2013")
        assert casebook.get(case_id).version == 1  # nothing saved
        assert box.value == "13/05/2013" and box.has_class("-invalid")
        assert any("YYYY-MM-DD" in n.message for n in pilot.app._notifications)
        await _type_into(pilot, screen, "date-published", "2013-05-03")
        assert casebook.get(case_id).case.dates.published == dt.date(2013, 5, 3)
        # The timeline follows at once: the improvement visit window now exists.
        assert any("improvement" in e.title.lower() and e.latest for e in screen.session.events)


async def test_the_reading_of_ambiguous_guidance_is_a_per_case_choice(make_app, casebook):
    """Ofsted 2013 guidance para 12: 're-inspection ... within 12 to 18 months' counted from the
    inspection or the report is a setting; the case records the reading chosen."""
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        select = screen.query_one("#setting-reinspection-anchor", Select)
        assert select.value == "inspection-end"
        select.value = "report-published"
        await pilot.pause()
        assert casebook.get(case_id).case.settings == {"reinspection-anchor": "report-published"}


async def test_a_case_the_rules_cannot_read_says_so_once_not_on_every_edit(make_app, casebook):
    import attrs

    case_id = casebook.add(attrs.evolve(RI_COLLEGE, framework="ofsted-cif-1999")).id
    app = make_app(casebook)
    sent: list[str] = []  # every notification, kept: on a loaded machine one may expire before the check
    notify = app.notify
    app.notify = lambda message, *args, **kwargs: (sent.append(str(message)), notify(message, *args, **kwargs))[1]
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await _type_into(pilot, screen, "provider-name", "Riverside College of FE")
        await _type_into(pilot, screen, "provider-local_authority", "Riverside")
        assert casebook.get(case_id).version == 3  # both edits saved
        told = [message for message in sent if "ofsted-cif-1999" in message]
        assert len(told) == 1


async def test_dates_out_of_order_are_said_at_once_and_kept(make_app, casebook):
    """The last day on site typed before the first: saved as typed (it may be the first date that is
    wrong), and an error is shown at once, naming both dates, on the Details tab itself."""
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await _type_into(pilot, screen, "date-end", "2013-03-01")
        assert casebook.get(case_id).case.dates.end == dt.date(2013, 3, 1)
        messages = [n.message for n in pilot.app._notifications]
        assert any("The last day on site is before the first" in m and "2013-03-04" in m for m in messages)
        assert any(f.rule == "case.dates-in-order" for f in screen.session.evaluation.findings)


async def test_each_reading_of_ambiguous_guidance_shows_the_reading_in_force(make_app, casebook):
    """The readings are inputs the dates depend on: each shows the one in force, never a blank prompt."""
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.pause()
        select = screen.query_one("#setting-reinspection-anchor", Select)
        assert select.value == "inspection-end"
        shown = [str(w.render()) for w in select.query("Static")]
        assert any(s.startswith("inspection-end: count from the last day") for s in shown), shown
        assert "Select" not in shown
