"""Importing from the casebook screen: i, a path, a progress bar, the summary; nothing imported
when a case file fails."""

from __future__ import annotations

from inspectorate_tui.dialogs.import_cases import ImportDialog
from textual.widgets import Input

from tests.support import ROOT
from tests.tui.conftest import SIZE, casebook_loaded

EXAMPLES = ROOT / "docs" / "examples"


async def _type_path(pilot, text: str) -> ImportDialog:
    dialog = pilot.app.screen
    assert isinstance(dialog, ImportDialog)
    field = dialog.query_one(Input)
    field.value = text
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return dialog


async def test_import_a_folder_shows_the_summary_and_the_casebook_lists_the_cases(make_app, casebook):
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("i")
        dialog = await _type_path(pilot, "")
        assert "A path is needed" in str(dialog.query_one("#error").render())
        dialog = await _type_path(pilot, "/no/such/place")
        assert "There is no file or folder /no/such/place" in str(dialog.query_one("#error").render())
        dialog = await _type_path(pilot, str(EXAMPLES))
        count = len(list(EXAMPLES.glob("*.toml")))
        assert f"imported {count} rows, refused 0" in str(dialog.query_one("#outcome").render())
        await pilot.press("escape")
        await casebook_loaded(pilot)
        assert casebook.count() == count


async def test_a_case_file_with_a_problem_imports_nothing_and_names_file_line_and_key(make_app, casebook, tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.toml"))[:2]:
        (folder / path.name).write_text(path.read_text())
    bad = sorted(folder.iterdir())[1]
    bad.write_text(bad.read_text().replace("[provider]", "[provder]"))
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("i")
        dialog = await _type_path(pilot, str(folder))
        shown = str(dialog.query_one("#outcome").render())
        assert "Nothing was imported" in shown and f"{bad}:" in shown and "provder: unknown key" in shown
        assert not dialog.query_one("#progress").display  # no bar left stopped part way
        assert casebook.count() == 0
        dialog = await _type_path(pilot, str(EXAMPLES / sorted(EXAMPLES.glob("*.toml"))[0].name))
        assert dialog.query_one("#progress").display and "imported 1 row, refused 0" in str(dialog.query_one("#outcome").render())
