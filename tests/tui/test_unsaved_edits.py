"""What is typed is saved before the case closes or the app quits, or they wait until it can be."""

from __future__ import annotations

from inspectorate_tui.dialogs.evidence import EvidenceDialog
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.screens.casebook import CasebookScreen
from textual.widgets import Input, Select, TextArea

from tests.tui.conftest import SIZE, open_case
from tests.tui.test_details_tab import RI_COLLEGE


def told(app) -> str:
    return " | ".join(n.message for n in app._notifications)


async def _type(pilot, screen, field_id: str, text: str) -> Input:
    box = screen.query_one(f"#{field_id}", Input)
    box.focus()
    await pilot.pause()
    await pilot.press("ctrl+shift+a", "backspace", *text)
    return box


async def test_text_typed_and_not_yet_left_is_saved_on_ctrl_q(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    app = make_app(casebook)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await _type(pilot, screen, "team-nominee", "Dewi Hughes")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert casebook.get(case_id).case.team.nominee == "Dewi Hughes"


async def test_text_typed_and_not_yet_left_is_saved_on_escape(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await _type(pilot, screen, "date-published", "2013-05-03")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CasebookScreen)
        assert casebook.get(case_id).case.dates.published.isoformat() == "2013-05-03"


async def test_a_bad_date_keeps_the_app_open_naming_the_field_until_corrected(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    app = make_app(casebook)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        box = await _type(pilot, screen, "date-end", "8 March")
        await pilot.press("f9")  # on another tab when quitting: Details comes back into view
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CaseScreen)
        assert "On site to: '8 March' is not a date" in told(app)
        assert box.value == "8 March" and box.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)  # nor does the case close
        await pilot.press("ctrl+shift+a", "backspace", *"2013-03-08", "ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert casebook.get(case_id).case.dates.end.isoformat() == "2013-03-08"


async def test_a_dialog_holding_typing_keeps_the_app_open_until_saved_or_cancelled(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    app = make_app(casebook)
    async with app.run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id)
        await pilot.press("f8", "n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EvidenceDialog)
        dialog.query_one(TextArea).focus()
        await pilot.press(*"Learners speak confidently")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and app.screen is dialog
        assert "dialog holds what you typed: ctrl+s saves it, escape discards it" in told(app)
        for choice in ("#area", "#kind"):
            select = dialog.query_one(choice, Select)
            select.value = select._options[1][1]  # the first real choice, after the prompt
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert casebook.get(case_id).case.evidence[0].text == "Learners speak confidently"
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+q")  # a dialog left as it opened does not stand in the way
        await pilot.pause()
    assert app.return_code == 0
