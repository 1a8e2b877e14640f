"""ETI (Northern Ireland) and Education Scotland in the app, as for the two built-in regimes: a
choice in the new-case dialog, a case of each in the casebook, and a row each on the Plugins screen."""

from __future__ import annotations

import pytest
from inspectorate_tui.dialogs.new_case import NewCaseDialog
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.screens.plugins import PluginsScreen
from inspectorate_tui.widgets.case_table import CaseTable
from textual.widgets import DataTable, Input, Select

from tests.tui.conftest import SIZE, casebook_loaded, screen_text

NEW = [
    # framework, what the choice reads, the case the dialog makes: nation, kind
    ("eti-isef-2017", "Education and Training Inspectorate · Inspection and Self-Evaluation Framework (ISEF) 2017",
     ("northern-ireland", "inspection")),
    ("education-scotland-hgios4", "Education Scotland · School inspection with How good is our school? (4th edition)",
     ("scotland", "full-model-inspection")),
]


@pytest.mark.parametrize(("framework", "label", "made"), NEW, ids=["eti", "education-scotland"])
async def test_the_new_case_dialog_offers_each_new_regime_and_makes_a_case_in_its_nation(make_app, casebook, framework, label, made):
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("n")
        dialog = pilot.app.screen
        assert isinstance(dialog, NewCaseDialog)
        choice = dialog.query_one("#new-framework", Select)
        assert (label, framework) in list(choice._options)
        await pilot.press(*"Primary School Twelve")
        choice.value = framework
        await pilot.pause()
        dialog.query_one("#new-sector", Select).value = "school"
        dialog.query_one("#new-start", Input).value = "2026-12-07"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        [row] = casebook.list_cases()
        case = casebook.get(row.id).case
        assert (case.framework, case.provider.nation, case.kind) == (framework, *made)


async def test_the_casebook_lists_a_case_of_each_new_regime(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        table = pilot.app.screen.query_one(CaseTable)
        by_provider = {line.row.provider: line.row for line in table.lines}
        assert by_provider["Ballyhalbert Primary School"].framework == "eti-isef-2017"
        assert by_provider["Kinglassie Primary School"].framework == "education-scotland-hgios4"
        await pilot.press("slash", *"kinglassie")
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert "Kinglassie Primary School" in shown and "Ballyhalbert" not in shown
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.screen.session.case.provider.name == "Kinglassie Primary School"
        assert "Education Scotland · School inspection with How good is our school?" in screen_text(pilot.app)
        await pilot.press("f11")  # Follow-up: what its weak quality indicator brings
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert "Further inspection" in shown and "2.3 Learning, teaching and assessment" in shown


async def test_the_plugins_screen_lists_both_new_plugins_with_their_regimes(make_app, casebook):
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("f2")
        screen = pilot.app.screen
        assert isinstance(screen, PluginsScreen)
        table = screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[0]): [str(c) for c in table.get_row_at(i)] for i in range(table.row_count)}
        assert rows["eti"][1:5] == ["0.1.0", "built in", "Education and Training Inspectorate", "1"]
        assert rows["education-scotland"][1:5] == ["0.1.0", "built in", "Education Scotland", "1"]
        assert "✓ None" in str(screen.query_one("#problems").render())
