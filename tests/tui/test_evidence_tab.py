"""The Evidence tab, driven with the Pilot: add, edit, delete, counts, the dialog's checks, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from inspectorate.model import Case, Evidence, InspectionDates, Provider
from inspectorate_tui.dialogs.evidence import EvidenceDialog
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.tabs.evidence import EvidenceTab
from textual.widgets import DataTable, Input, Select, Static, TextArea

from tests.tui.conftest import SIZE
from tests.tui.conftest import open_tab as open_case_tab

ESTYN_EVIDENCE = (
    Evidence("outcomes", "strength", "Pupils in Year 6 read fluently and with expression.", "reading sample, Y6"),
    Evidence("provision", "area-for-improvement", "Marking rarely tells pupils how to improve.", "book scrutiny"),
    Evidence("outcomes", "area-for-improvement", "Boys' writing lags behind girls' in key stage 2.", "school data"),
)


def estyn_case(evidence=ESTYN_EVIDENCE) -> Case:
    return Case(
        provider=Provider("Ysgol Bryn Evidence", "primary", nation="wales", local_authority="Gwynedd"),
        regime="estyn",
        framework="estyn-cif-2010",
        dates=InspectionDates(start=dt.date(2016, 3, 7), end=dt.date(2016, 3, 10)),
        evidence=evidence,
    )


@pytest.fixture
def evidence_case(casebook):
    """(casebook, case id) with the Estyn case above."""
    return casebook, casebook.add(estyn_case()).id


async def open_tab(pilot, case_id: str, key: str = "f8") -> EvidenceTab:
    """Open the case from the casebook screen and go to a tab by its key."""
    screen = await open_case_tab(pilot, case_id, key)
    return screen.query_one(EvidenceTab) if key == "f8" else None


def rows(tab: EvidenceTab) -> list[tuple[str, ...]]:
    table = tab.query_one(DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(r)) for r in range(table.row_count)]


def counts_text(tab: EvidenceTab) -> str:
    static = tab.query_one("#evidence-count-list", Static)
    return _plain(static)


def _plain(static: Static) -> str:
    from rich.console import Console

    console = Console(width=60, record=True, color_system=None)
    console.print(static.content if hasattr(static, "content") else static.renderable)
    return console.export_text()


async def test_lists_evidence_by_area_with_counts(make_app, evidence_case):
    casebook, case_id = evidence_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        shown = rows(tab)
        assert [r[0][:16] for r in shown] == ["Key question 1: "] * 2 + ["Key question 2: "]
        assert shown[0][1] == "strength" and shown[1][1] == "area for improvement"
        counts = counts_text(tab)
        assert "2 Key question 1" in " ".join(counts.split())
        assert "0 Current performance" in " ".join(counts.split())
        assert pilot.app.focused is tab.query_one(DataTable)


async def test_add_evidence_saves_at_once_and_counts_update(make_app, evidence_case):
    casebook, case_id = evidence_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("n")
        dialog = pilot.app.screen
        assert isinstance(dialog, EvidenceDialog)
        # The area of the highlighted row is offered first; the kind is still to choose.
        assert dialog.query_one("#area", Select).value == "outcomes"
        dialog.query_one("#area", Select).value = "leadership-and-management"
        dialog.query_one("#kind", Select).value = "strength"
        dialog.query_one("#text", TextArea).text = "Governors challenge leaders well."
        dialog.query_one("#source", Input).focus()
        await pilot.press(*"minutes", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        stored = casebook.get(case_id).case
        assert stored.evidence[-1] == Evidence("leadership-and-management", "strength", "Governors challenge leaders well.", "minutes")
        assert casebook.history(case_id)[0].label.startswith("evidence added in Key question 3")
        # The cursor follows the new item, the panel counts it.
        assert tab.current_index() == 3
        assert "Governors challenge leaders well." in _plain(tab.query_one("#evidence-detail", Static))
        assert "1 Key question 3" in " ".join(counts_text(tab).split())


async def test_edit_evidence_with_enter_and_ctrl_s(make_app, evidence_case):
    casebook, case_id = evidence_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("down", "down")  # the provision item
        await pilot.press("enter")
        dialog = pilot.app.screen
        assert isinstance(dialog, EvidenceDialog)
        assert dialog.query_one("#text", TextArea).text == "Marking rarely tells pupils how to improve."
        dialog.query_one("#kind", Select).value = "important-area-for-improvement"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        assert casebook.get(case_id).case.evidence[1].kind == "important-area-for-improvement"
        assert casebook.history(case_id)[0].label == "evidence edited in Key question 2: How good is provision?"
        assert rows(tab)[tab.query_one(DataTable).cursor_row][1].startswith("important area for")


async def test_edit_key_moves_evidence_to_another_area(make_app, evidence_case):
    casebook, case_id = evidence_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("e")
        dialog = pilot.app.screen
        dialog.query_one("#area", Select).value = "current-performance"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert casebook.get(case_id).case.evidence[0].area == "current-performance"
        assert casebook.history(case_id)[0].label.startswith("evidence moved from Key question 1")
        assert rows(tab)[tab.query_one(DataTable).cursor_row][0] == "Current performance"


async def test_delete_notifies_and_ctrl_z_brings_it_back(make_app, evidence_case):
    casebook, case_id = evidence_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("delete")
        await pilot.pause()
        assert len(casebook.get(case_id).case.evidence) == 2
        assert ESTYN_EVIDENCE[0] not in casebook.get(case_id).case.evidence
        messages = [n.message for n in pilot.app._notifications]
        assert any(m.startswith("Deleted strength in Key question 1") and "(ctrl+z undoes)" in m for m in messages)
        assert "1 Key question 1" in " ".join(counts_text(tab).split())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert casebook.get(case_id).case.evidence == ESTYN_EVIDENCE
        assert len(rows(tab)) == 3


async def test_dialog_shows_what_is_missing_and_escape_saves_nothing(make_app, evidence_case):
    casebook, case_id = evidence_case
    version = casebook.get(case_id).version
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await open_tab(pilot, case_id)
        await pilot.press("n")
        dialog = pilot.app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is dialog
        assert "Choose the kind" in _plain(dialog.query_one("#error", Static))
        assert pilot.app.focused is dialog.query_one("#kind", Select)
        dialog.query_one("#kind", Select).value = "strength"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Write what was found" in _plain(dialog.query_one("#error", Static))
        assert pilot.app.focused is dialog.query_one("#text", TextArea)
        await pilot.press(*"half written")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
    assert casebook.get(case_id).version == version
    assert casebook.get(case_id).case.evidence == ESTYN_EVIDENCE


async def test_empty_case_invites_the_first_piece(make_app, casebook):
    case_id = casebook.add(estyn_case(evidence=())).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        assert "No evidence recorded yet" in _plain(tab.query_one("#evidence-summary", Static))
        await pilot.press("delete", "e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        await pilot.press("n")
        dialog = pilot.app.screen
        assert dialog.query_one("#area", Select).value is Select.NULL
        assert pilot.app.focused is dialog.query_one("#area", Select)



async def test_square_brackets_in_evidence_are_shown_as_written(make_app, casebook):
    # "[draft]" would be read as a tag and vanish; "[/b]" alone would be a markup error.
    odd = Evidence("outcomes", "strength", "[draft] Year 6 read well [/b] in class", "[H] notes")
    case_id = casebook.add(estyn_case(evidence=(odd,))).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        text, source = rows(tab)[0][2:]
        assert text.startswith("[draft] Year 6 read well [/b]") and source == "[H] notes"
        assert "[draft] Year 6 read well [/b] in class" in _plain(tab.query_one("#evidence-detail", Static))
        await pilot.press("delete")
        await pilot.pause()
        assert casebook.get(case_id).case.evidence == ()
        await pilot.press("f6")
        await pilot.pause()
        history = pilot.app.screen.query_one(DataTable)
        cells = [str(cell) for r in range(history.row_count) for cell in history.get_row_at(r)]
        assert any(cell.startswith("[draft] Year 6 read well [/b]") for cell in cells)  # as written, not markup


async def test_the_evidence_text_takes_the_width_the_terminal_gives(make_app, evidence_case):
    casebook, case_id = evidence_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        table = tab.query_one(DataTable)
        widths = {str(key.value): column.width for key, column in table.columns.items()}
        assert rows(tab)[2][2] != ESTYN_EVIDENCE[1].text and rows(tab)[2][2].endswith("…")  # cut short
        await pilot.press("down")
        await pilot.resize_terminal(SIZE[0] + 30, SIZE[1])
        await pilot.pause()
        wider = {str(key.value): column.width for key, column in table.columns.items()}
        assert wider["text"] == widths["text"] + 30
        assert {k: v for k, v in wider.items() if k != "text"} == {k: v for k, v in widths.items() if k != "text"}
        assert rows(tab)[2][2] == ESTYN_EVIDENCE[1].text  # whole, now there is room
        assert table.cursor_row == 1 and len(rows(tab)) == 3  # the cursor stays where it was
