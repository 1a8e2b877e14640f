"""Undo and redo say what they change; a change from before the case was opened is asked about."""

from __future__ import annotations

import attrs
from inspectorate_tui.dialogs.confirm import Confirm
from inspectorate_tui.dialogs.evidence import EvidenceDialog
from inspectorate_tui.tabs.evidence import EvidenceTab
from textual.widgets import Input, TextArea

from tests.tui.conftest import SIZE, open_case
from tests.tui.test_details_tab import RI_COLLEGE
from tests.tui.test_evidence_tab import estyn_case


def last_told(app) -> str:
    return list(app._notifications)[-1].message


async def test_undo_and_redo_say_what_they_change(make_app, casebook):
    case_id = casebook.add(estyn_case()).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f8")
        await pilot.pause()
        tab = screen.query_one(EvidenceTab)
        await pilot.press("down", "down")
        number = tab.current_index() + 1
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EvidenceDialog)
        pilot.app.screen.query_one(TextArea).text = "Marking now tells pupils what to do next."
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        told = last_told(pilot.app)
        assert told.startswith(f"Undone: Evidence {number} on ") and told.endswith(f": {EvidenceDialog.LABELS['text']} (Evidence tab)")
        assert casebook.get(case_id).case.evidence == estyn_case().evidence
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert last_told(pilot.app) == told.replace("Undone", "Redone")
        assert casebook.get(case_id).case.evidence[number - 1].text == "Marking now tells pupils what to do next."
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert last_told(pilot.app).startswith("Nothing to redo")
        # Details fields are told in their own words, and undo from a field does not type into it.
        await pilot.press("f7")
        screen.query_one("#team-nominee", Input).focus()
        await pilot.press(*"Dewi Hughes", "enter", "ctrl+z")
        await pilot.pause()
        assert last_told(pilot.app) == "Undone: Nominee (Details tab)"
        assert casebook.get(case_id).case.team.nominee == ""


async def test_after_a_restart_undo_names_the_earlier_change_and_asks_first(make_app, casebook):
    stored = casebook.add(RI_COLLEGE)
    changed = attrs.evolve(stored, team=attrs.evolve(stored.team, nominee="Dewi Hughes"))
    casebook.update(stored.id, changed, 1, what="nominee")  # an earlier session, on Details
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await open_case(pilot, stored.id)
        await pilot.press("f9", "ctrl+z")  # on Judgements now
        await pilot.pause()
        question = pilot.app.screen
        assert isinstance(question, Confirm)
        lines = question.question.splitlines()
        assert lines[0] == "It was made before you opened this case,"
        assert lines[1].endswith("by Test Inspector:") and lines[2:] == ["Nominee (Details tab).", "Undo it?"]
        await pilot.press("n")
        await pilot.pause()
        assert casebook.get(stored.id).case.team.nominee == "Dewi Hughes"  # left alone
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert casebook.get(stored.id).case.team.nominee == ""
        assert last_told(pilot.app) == "Undone: Nominee (Details tab)"
        await pilot.press("ctrl+y")  # the undo was made in this session: redone at once
        await pilot.pause()
        assert not isinstance(pilot.app.screen, Confirm)
        assert casebook.get(stored.id).case.team.nominee == "Dewi Hughes"


async def test_undo_of_the_field_that_has_the_focus_shows_and_keeps_the_undone_value(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        box = screen.query_one("#team-nominee", Input)
        box.focus()
        await pilot.press(*"Dewi Hughes", "enter", "ctrl+z")
        await pilot.pause()
        assert box.has_focus and box.value == ""
        await pilot.press("tab")  # leaving the field must not save the undone text again
        await pilot.pause()
        assert casebook.get(case_id).case.team.nominee == ""
