"""Details checks what it saves as the new-case dialog does; nothing typed is lost or crashes the app."""

from __future__ import annotations

from inspectorate_tui.dialogs.new_case import NewCaseDialog
from inspectorate_tui.screens.case import CaseScreen
from textual.widgets import Input, Select, Static

from tests.tui.conftest import SIZE, casebook_loaded, open_case
from tests.tui.test_details_tab import RI_COLLEGE


def told(app) -> str:
    return " | ".join(n.message for n in app._notifications)


async def _leave_with(pilot, screen, field_id: str, text: str) -> Input:
    """Put ``text`` in the field as a person would (select all, type over it), then Tab away."""
    box = screen.query_one(f"#{field_id}", Input)
    box.focus()
    await pilot.pause()
    await pilot.press("ctrl+shift+a", "backspace", *text, "tab")
    await pilot.pause()
    return box


async def test_a_cleared_provider_name_is_refused_kept_and_nothing_crashes(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        box = await _leave_with(pilot, screen, "provider-name", "")
        assert "Provider: the provider needs a name" in told(pilot.app)
        assert box.has_class("-invalid") and box.value == ""
        box = await _leave_with(pilot, screen, "provider-name", "   ")
        assert box.value == "   "  # what was typed stays, to be corrected
        assert casebook.get(case_id).version == 1  # nothing saved, nothing broken
        assert casebook.get(case_id).case.provider.name == "Riverside College"
        await _leave_with(pilot, screen, "provider-name", "Riverside College of FE")
        assert casebook.get(case_id).case.provider.name == "Riverside College of FE"
        assert not box.has_class("-invalid")


async def test_details_and_the_new_case_dialog_refuse_a_name_in_the_same_words(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, NewCaseDialog)
        dialog.query_one("#new-provider", Input).value = "  "
        await pilot.press("ctrl+s")
        await pilot.pause()
        in_dialog = str(dialog.query_one("#error", Static).render())
        assert "The provider needs a name." in in_dialog
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_case(pilot, case_id)
        await _leave_with(pilot, screen, "provider-name", " ")
        assert "the provider needs a name" in told(pilot.app)


async def test_a_bad_date_is_kept_in_its_field_and_a_later_edit_does_not_overwrite_it(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        date = await _leave_with(pilot, screen, "date-end", "2013-03-35")
        assert "On site to: '2013-03-35' is not a date" in told(pilot.app)
        await _leave_with(pilot, screen, "team-nominee", "Dewi Hughes")
        assert casebook.get(case_id).case.team.nominee == "Dewi Hughes"
        assert date.value == "2013-03-35"  # shown again as typed, not the stored date


async def test_the_sector_cannot_be_emptied(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        select = screen.query_one("#provider-sector", Select)
        select.value = Select.NULL
        await pilot.pause()
        assert "Sector: choose the provider's sector" in told(pilot.app)
        assert select.value == "further-education"
        assert casebook.get(case_id).version == 1
        assert isinstance(pilot.app.screen, CaseScreen)
