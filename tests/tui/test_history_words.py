"""History (F6) tells each change in words, one row per change, never raw data."""

from __future__ import annotations

from inspectorate_tui.screens.history import HistoryScreen
from textual.widgets import DataTable, Input

from tests.tui.conftest import SIZE, open_case, screen_text
from tests.tui.test_details_tab import RI_COLLEGE


def _rows(screen) -> list[tuple[str, ...]]:
    table = screen.query_one(DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(r)) for r in range(table.row_count)]


async def test_history_tells_each_change_in_the_screens_words(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        box = screen.query_one("#team-nominee", Input)
        box.focus()
        await pilot.press(*"Sam Okafor", "enter")
        pilot.app.set_focus(None)  # out of the field, so the number keys switch tabs
        await pilot.press("f8", "n")  # a piece of evidence, through its dialog
        await pilot.pause()
        dialog = pilot.app.screen
        dialog.query_one("#area").value = "outcomes-for-learners"
        dialog.query_one("#kind").value = "strength"
        dialog.query_one("#text").focus()
        await pilot.press(*"Success rates rose", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+z")  # and the evidence undone
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        history = pilot.app.screen
        assert isinstance(history, HistoryScreen)
        rows = _rows(history)
        assert len(rows) == len({entry.change_id for entry in casebook.history(case_id)}) == 4
        assert [row[2:] for row in rows] == [
            ("Undo: Evidence 1 on Outcomes for learners deleted", "Success rates rose", "—"),
            ("Evidence 1 on Outcomes for learners added", "—", "Success rates rose"),
            ("Nominee", "—", "Sam Okafor"),
            ("Case created", "—", "as first recorded"),
        ]
        text = screen_text(pilot.app)
        assert "Nominee" in text and "{" not in text and '"' not in text
        await pilot.press("down", "down")  # the highlighted change in full below the table
        await pilot.pause()
        assert "Nominee\n  before: —\n  after:  Sam Okafor" in str(history.query_one("#history-detail").render())
