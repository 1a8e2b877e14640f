"""Fit at 80x24: dialogs keep their error line and buttons in view, the footer keeps quit, help
and the palette, and the casebook's provider column grows with the terminal."""

from __future__ import annotations

import pytest
from inspectorate_tui.dialogs.new_case import NewCaseDialog
from inspectorate_tui.screens.case import CaseScreen
from textual.widgets import Button, Input

from tests.tui.conftest import case_id_of, casebook_loaded, open_tab, screen_text

SMALL = (80, 24)


def _in_view(widget) -> bool:
    """The whole widget is on the screen and not hidden behind the edge of its scrolling parent."""
    geometry = widget.screen.find_widget(widget)
    return bool(geometry.region) and geometry.clip.contains_region(geometry.region)


async def test_new_case_dialog_shows_its_error_and_buttons_at_80x24(make_app, casebook):
    async with make_app(casebook).run_test(size=SMALL) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, NewCaseDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "✖ The provider needs a name." in text
        assert "Create" in text and "Cancel" in text
        assert all(_in_view(button) for button in dialog.query(Button))
        # The last field scrolls into view when reached, and the buttons stay where they were.
        await pilot.press(*"Ysgol Newydd")
        dialog.query_one("#new-framework").value = "estyn-cif-2010"
        await pilot.pause()
        dialog.query_one("#new-sector").value = "school"
        await pilot.press("tab", "tab", "tab")
        await pilot.pause()
        start = dialog.query_one("#new-start", Input)
        assert pilot.app.focused is start and _in_view(start)
        await pilot.press(*"soon", "enter")
        await pilot.pause()
        assert "✖ 'soon' is not a date" in screen_text(pilot.app)
        assert all(_in_view(button) for button in dialog.query(Button))
        assert casebook.count() == 0


async def test_evidence_dialog_keeps_its_buttons_at_80x24(make_app, demo_casebook):
    case_id = case_id_of(demo_casebook, "Riverside College")
    async with make_app(demo_casebook).run_test(size=SMALL) as pilot:
        await open_tab(pilot, case_id, "f8")
        await pilot.press("n")
        await pilot.pause()
        dialog = pilot.app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "✖ " in screen_text(pilot.app)
        assert _in_view(dialog.query_one("#error")) and all(_in_view(b) for b in dialog.query(Button))


@pytest.mark.parametrize("screen_keys", [(), ("enter",)], ids=["casebook", "case"])
async def test_the_footer_keeps_quit_help_and_the_palette_at_80_columns(make_app, demo_casebook, screen_keys):
    async with make_app(demo_casebook).run_test(size=SMALL) as pilot:
        await casebook_loaded(pilot)
        await pilot.press(*screen_keys)
        await pilot.pause()
        await pilot.pause()
        if screen_keys:
            assert isinstance(pilot.app.screen, CaseScreen)
        footer = screen_text(pilot.app).splitlines()[-1]
        for words in ("f1 Help", "^q Quit", "^p Commands"):
            assert words in footer, footer


async def test_the_provider_column_grows_with_the_terminal(make_app, casebook, host):
    from inspectorate.model import Case, Provider

    name = "Ysgol Gynradd Gymraeg Llanfihangel-yng-Ngwynfa a'r Cylch"  # 56 characters
    casebook.add(Case(Provider(name, "primary", "wales"), "estyn", "estyn-2024"))
    async with make_app(casebook).run_test(size=(200, 50)) as pilot:
        await casebook_loaded(pilot)
        assert name in screen_text(pilot.app)
    async with make_app(casebook).run_test(size=SMALL) as pilot:
        await casebook_loaded(pilot)
        text = screen_text(pilot.app)
        assert name not in text and name[:30] in text  # cut with … at 80 columns, not lost
