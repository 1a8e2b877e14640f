"""The Recommendations tab, driven with the Pilot: write, link areas, reorder, progress, undo."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from inspectorate import hookimpl
from inspectorate.frameworks import Area, Framework, Regime
from inspectorate.model import Case, InspectionDates, ProgressEntry, Provider, Recommendation
from inspectorate_tui.dialogs.recommendation import ProgressDialog, RecommendationDialog
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.screens.help import HelpScreen
from inspectorate_tui.tabs.recommendations import RecommendationsTab
from textual.widgets import DataTable, Input, Select, SelectionList, Static, TextArea

from tests.tui.conftest import SIZE, TODAY
from tests.tui.conftest import open_tab as open_case_tab

RECOMMENDATIONS = (
    Recommendation("Raise standards of boys' writing in key stage 2.", 1, ("outcomes-for-learners",)),
    Recommendation(
        "Make sure marking tells learners how to improve.",
        2,
        ("quality-of-teaching-learning-and-assessment",),
        (ProgressEntry(dt.date(2013, 11, 4), "some progress", "Half of books now show next steps."),),
    ),
    Recommendation("Sharpen governors' challenge to leaders.", 3, ("effectiveness-of-leadership-and-management",)),
)


def ofsted_case(recommendations=RECOMMENDATIONS) -> Case:
    return Case(
        provider=Provider("Northfield Recommendations College", "further-education", nation="england"),
        regime="ofsted",
        framework="ofsted-cif-2012",
        dates=InspectionDates(start=dt.date(2013, 5, 13), end=dt.date(2013, 5, 16)),
        recommendations=recommendations,
    )


# A small regime whose framework judges progress on a scale and has sub-areas, as some follow-up
# frameworks do; registered exactly as a plugin would register it.
FOLLOW_UP = Framework(
    id="test-follow-up",
    regime="test-regime",
    names={"en": "Test follow-up framework"},
    sectors=("primary",),
    areas=(
        Area("standards", {"en": "1 Standards"}, code="1"),
        Area("reading", {"en": "1.1 Reading"}, parent="standards", code="1.1"),
        Area("leadership", {"en": "2 Leadership"}, code="2"),
    ),
    evidence_kinds=("strength",),
    progress_scale=("strong", "satisfactory", "limited", "very-little-or-none"),
)


class FollowUpPlugin:
    @hookimpl
    def register_regimes(self, register):
        register(Regime("test-regime", {"en": "Test regime"}, ("wales",), (FOLLOW_UP,)))


@pytest.fixture
def recommendations_case(casebook):
    return casebook, casebook.add(ofsted_case()).id


async def open_tab(pilot, case_id: str) -> RecommendationsTab:
    screen = await open_case_tab(pilot, case_id, "f10")
    return screen.query_one(RecommendationsTab)


def plain(static: Static) -> str:
    from rich.console import Console

    console = Console(width=120, record=True, color_system=None)
    console.print(static.content if hasattr(static, "content") else static.renderable)
    return " ".join(console.export_text().split())


def texts(casebook, case_id) -> list[tuple[int, str]]:
    return [(r.priority, r.text) for r in casebook.get(case_id).case.recommendations]


def cursor_text(tab: RecommendationsTab) -> str:
    return tab.current().text


async def test_lists_in_priority_order_with_areas_and_latest_progress(make_app, casebook):
    # Stored out of order: shown 1, 2, 3.
    case_id = casebook.add(ofsted_case(tuple(reversed(RECOMMENDATIONS)))).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        table = tab.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]
        assert [r[0] for r in rows] == ["1", "2", "3"]
        assert rows[0][2] == "Outcomes for learners"
        assert rows[0][3] == "— none recorded"
        assert rows[1][3] == "2013-11-04 some progress"
        assert pilot.app.focused is table
        await pilot.press("down")
        detail = plain(tab.query_one("#recommendation-text", Static))
        assert "Half of books now show next steps." in detail
        assert "Quality of teaching, learning and assessment" in detail


async def test_numbers_are_places_in_priority_order_as_reports_print_them(make_app, casebook):
    # A case file may hold priorities 4, 7, 9: the tab numbers them 1, 2, 3, as every report does.
    gapped = tuple(attrs.evolve(r, priority=p) for r, p in zip(RECOMMENDATIONS, (4, 7, 9), strict=True))
    case_id = casebook.add(ofsted_case(gapped)).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        table = tab.query_one(DataTable)
        assert [str(table.get_row_at(r)[0]) for r in range(table.row_count)] == ["1", "2", "3"]
        await pilot.press("down")
        assert "Recommendation 2" in plain(tab.query_one("#recommendation-text", Static))


async def test_write_a_recommendation_linked_to_areas(make_app, recommendations_case):
    casebook, case_id = recommendations_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("n")
        dialog = pilot.app.screen
        assert isinstance(dialog, RecommendationDialog)
        await pilot.press(*"Improve attendance")
        await pilot.press("tab")  # to the areas
        assert pilot.app.focused is dialog.query_one(SelectionList)
        await pilot.press("space", "down", "down", "down", "space")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        stored = casebook.get(case_id).case.recommendations
        assert stored[-1] == Recommendation("Improve attendance", 4, ("outcomes-for-learners", "overall-effectiveness"))
        assert casebook.history(case_id)[0].label == "recommendation 4 added"
        assert cursor_text(tab) == "Improve attendance"


async def test_edit_text_and_unlink_an_area(make_app, recommendations_case):
    casebook, case_id = recommendations_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("down", "e")
        dialog = pilot.app.screen
        assert isinstance(dialog, RecommendationDialog)
        assert dialog.query_one(SelectionList).selected == ["quality-of-teaching-learning-and-assessment"]
        dialog.query_one(TextArea).text = "Make sure feedback tells learners how to improve."
        dialog.query_one(SelectionList).deselect_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = casebook.get(case_id).case.recommendations[1]
        assert edited.text == "Make sure feedback tells learners how to improve."
        assert edited.areas == () and edited.priority == 2 and len(edited.progress) == 1
        assert casebook.history(case_id)[0].label == "recommendation 2 edited"
        assert cursor_text(tab) == edited.text


async def test_raise_and_lower_renumber_and_the_cursor_follows(make_app, recommendations_case):
    casebook, case_id = recommendations_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("down", "down", "K")  # the third goes second
        await pilot.pause()
        assert [t for _p, t in texts(casebook, case_id)] == [RECOMMENDATIONS[i].text for i in (0, 2, 1)]
        assert [p for p, _t in texts(casebook, case_id)] == [1, 2, 3]
        assert casebook.history(case_id)[0].label == "recommendation 3 raised to 2"
        assert cursor_text(tab) == RECOMMENDATIONS[2].text
        await pilot.press("K")
        await pilot.pause()
        assert texts(casebook, case_id)[0] == (1, RECOMMENDATIONS[2].text)
        await pilot.press("K")  # already first: nothing saved
        await pilot.pause()
        assert casebook.history(case_id)[0].label == "recommendation 2 raised to 1"
        await pilot.press("J")
        await pilot.pause()
        assert texts(casebook, case_id)[1] == (2, RECOMMENDATIONS[2].text)
        assert tab.query_one(DataTable).cursor_row == 1


async def test_delete_and_ctrl_z(make_app, recommendations_case):
    casebook, case_id = recommendations_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("delete")
        await pilot.pause()
        assert texts(casebook, case_id) == [(1, RECOMMENDATIONS[1].text), (2, RECOMMENDATIONS[2].text)]
        messages = [n.message for n in pilot.app._notifications]
        assert any(m.startswith("Deleted recommendation 1:") and m.endswith("(ctrl+z undoes)") for m in messages)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert casebook.get(case_id).case.recommendations == RECOMMENDATIONS
        assert tab.query_one(DataTable).row_count == 3


async def test_record_free_text_progress_dated_today(make_app, recommendations_case):
    casebook, case_id = recommendations_case
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("down", "p")
        dialog = pilot.app.screen
        assert isinstance(dialog, ProgressDialog)
        assert dialog.query_one("#on", Input).value == TODAY.isoformat()
        assert pilot.app.focused is dialog.query_one("#progress", Input)
        await pilot.press(*"good progress", "tab")  # to the note
        await pilot.press(*"All books seen show next steps.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        progress = casebook.get(case_id).case.recommendations[1].progress
        assert progress[-1] == ProgressEntry(TODAY, "good progress", "All books seen show next steps.")
        assert casebook.history(case_id)[0].label == "progress on recommendation 2 recorded"
        row = [str(c) for c in tab.query_one(DataTable).get_row_at(1)]
        assert row[3] == f"{TODAY.isoformat()} good progress"


async def test_progress_dialog_checks_the_date_and_escape_saves_nothing(make_app, recommendations_case):
    casebook, case_id = recommendations_case
    version = casebook.get(case_id).version
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await open_tab(pilot, case_id)
        await pilot.press("p")
        dialog = pilot.app.screen
        await pilot.press("enter")  # nothing said about progress yet
        assert "Say what progress was made" in plain(dialog.query_one("#error", Static))
        dialog.query_one("#on", Input).value = "4 Nov"
        await pilot.press(*"some", "enter")
        assert pilot.app.screen is dialog
        assert "'4 Nov' is not a date" in plain(dialog.query_one("#error", Static))
        assert pilot.app.focused is dialog.query_one("#on", Input)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
    assert casebook.get(case_id).version == version


async def test_recommendation_dialog_needs_text_and_escape_saves_nothing(make_app, recommendations_case):
    casebook, case_id = recommendations_case
    version = casebook.get(case_id).version
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await open_tab(pilot, case_id)
        await pilot.press("n", "ctrl+s")
        dialog = pilot.app.screen
        assert isinstance(dialog, RecommendationDialog)
        assert "Write the recommendation" in plain(dialog.query_one("#error", Static))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
    assert casebook.get(case_id).version == version


async def test_progress_from_the_framework_scale_and_sub_areas(make_app, host, casebook):
    host.add(FollowUpPlugin(), "test-follow-up")
    case = Case(
        provider=Provider("Ysgol Follow-up", "primary", nation="wales"),
        regime="test-regime",
        framework="test-follow-up",
        recommendations=(Recommendation("Improve reading in key stage 2.", 1, ("reading",)),),
    )
    case_id = casebook.add(case).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        await pilot.press("e")
        labels = [str(o.prompt) for o in pilot.app.screen.query_one(SelectionList).options]
        assert labels == ["1 Standards", "  1.1 Reading", "2 Leadership"]
        await pilot.press("escape", "p")
        dialog = pilot.app.screen
        select = dialog.query_one("#progress", Select)
        assert pilot.app.focused is select
        await pilot.press("ctrl+s")
        assert "Choose the progress made" in plain(dialog.query_one("#error", Static))
        select.value = "very-little-or-none"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert casebook.get(case_id).case.recommendations[0].progress == (ProgressEntry(TODAY, "very-little-or-none"),)
        row = [str(c) for c in tab.query_one(DataTable).get_row_at(0)]
        assert row[2] == "1.1 Reading"
        assert row[3] == f"{TODAY.isoformat()} very little or none"


async def test_empty_case_and_help(make_app, casebook):
    case_id = casebook.add(ofsted_case(())).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        tab = await open_tab(pilot, case_id)
        assert "No recommendations yet" in plain(tab.query_one("#recommendations-summary", Static))
        await pilot.press("e", "delete", "K", "J", "p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        assert casebook.get(case_id).version == 1
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        assert pilot.app.screen.focused_help.startswith("## Recommendations")
