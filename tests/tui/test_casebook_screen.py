"""The casebook screen, driven with the Pilot as an inspector would."""

from __future__ import annotations

from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.screens.casebook import CasebookScreen
from inspectorate_tui.widgets.case_table import CaseTable

from tests.tui.conftest import SIZE


async def _loaded(pilot) -> CaseTable:
    screen = pilot.app.screen
    assert isinstance(screen, CasebookScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen.query_one(CaseTable)


async def test_lists_every_case_overdue_first(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        table = await _loaded(pilot)
        assert len(table.lines) == demo_casebook.count()
        statuses = [line.status for line in table.lines]
        order = {"overdue": 0, "due-soon": 1, "open": 2, "none": 3}
        assert statuses == sorted(statuses, key=order.get)


async def test_filter_as_you_type_and_open(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        table = await _loaded(pilot)
        first = table.lines[0].row.provider
        await pilot.press("slash", *first.split()[0].lower())
        assert table.lines and all(first.split()[0].lower() in line.haystack for line in table.lines)
        await pilot.press("enter", "enter")
        assert isinstance(pilot.app.screen, CaseScreen)
        assert pilot.app.screen.session.case.provider.name == table.current.row.provider
