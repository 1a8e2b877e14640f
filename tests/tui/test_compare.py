"""The Compare screen: a case beside every other regime's projection, or frameworks side by side.

What a person reads is checked as text: the columns, the = and ≠ marks (symbols, never colour
alone), the timeline, evidence that cannot be carried, and a clear message when nothing can be
compared.
"""

from __future__ import annotations

import io

import pytest
from inspectorate.casefile import read_case_file
from inspectorate.plugins import PluginHost
from inspectorate.testing import toy
from inspectorate_tui.app import InspectorateApp
from inspectorate_tui.dialogs.compare_frameworks import CompareFrameworksDialog
from inspectorate_tui.dialogs.compare_with import CompareWithDialog
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.screens.casebook import CasebookScreen
from inspectorate_tui.screens.compare import SIDE_BY_SIDE, STACKED, CompareScreen
from inspectorate_tui.screens.help import HelpScreen, KeyList
from rich.console import Console
from rich.text import Text
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.widgets import Markdown, Select

from tests.support import ROOT
from tests.tui.conftest import SIZE, TODAY, case_id_of, casebook_loaded, open_case

EXAMPLES = ROOT / "docs" / "examples"
#: Ofsted CIF 2012, an improvement visit held: its agreed actions have no kind in Estyn's frameworks.
CASTLEGATE = "Castlegate College"
#: Estyn 2022: evidence in an area with no common theme Ofsted's frameworks share.
BRO_HAFREN = "Partneriaeth Dysgu Cymunedol Bro Hafren"


def shown(screen: CompareScreen, width: int = 140) -> str:
    """Everything in the comparison's scrolling body as plain text, scrolled into view or not."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    for widget in screen.query("#compare-body > Static"):
        content = widget.content
        console.print(Text(Content.from_markup(content).plain) if isinstance(content, str) else content)
    return console.export_text()


async def compared(pilot) -> CompareScreen:
    """Wait for the comparison's worker and the screen it fills."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen



@pytest.fixture
def host() -> PluginHost:
    """Estyn and Ofsted only: these tests read the comparison of the two built-in regimes (the
    demo's other regimes' cases are left out of the demo casebook, as it leaves any it cannot read)."""
    return PluginHost(environ={"INSPECTORATE_LOAD_PLUGINS": "estyn,ofsted"}).load_entry_points()

async def test_c_on_a_case_compares_it_with_the_other_regime_side_by_side(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id_of(demo_casebook, CASTLEGATE))
        await pilot.press("c")
        screen = await compared(pilot)
        assert screen.problem == ""
        assert screen.shown_layout == SIDE_BY_SIDE  # 140 columns
        assert screen.comparison.labels == [
            "Ofsted · ofsted-cif-2012 (recorded)",
            "Estyn · estyn-cif-2010 (projection)",
        ]
        text = shown(screen)
        assert "Ofsted · ofsted-cif-2012 (recorded)" in text and "Estyn · estyn-cif-2010 (projection)" in text
        for title in ("Judgements by theme", "Evidence carried through the themes", "Follow-up", "Timeline", "Report outline"):
            assert title in text
        assert any(line.startswith("≠ ") for line in text.splitlines())
        assert any(line.startswith("= ") for line in text.splitlines())
        evidence = next(t for t in screen.tables if t.title.startswith("Evidence"))
        assert any(row.mark == "≠" and "agreed-action" in row.cells[1] for row in evidence.rows)
        assert "not carried: kind 'agreed-action'" in text
        assert "[recorded]" in text and "[carried]" in text  # "[...]" shown, not read as markup
        assert "* [projected]: proposed by that regime's own rules" in text
        assert "● inspection and publication" in text and "├" in text  # the timeline, drawn as-is
        assert "inspection starts (every regime)" in text
        status = str(screen.query_one("#compare-status").render())
        assert "rows differ (≠)" in status and "side by side" in status and "same-place" in status
        assert screen.focused is screen.query_one("#compare-body", ScrollableContainer)
        await pilot.press("pagedown")
        assert screen.query_one("#compare-body").scroll_y > 0
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, CaseScreen)


async def test_layout_toggles_to_stacked_with_each_regime_under_the_row(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id_of(demo_casebook, BRO_HAFREN))
        await pilot.press("c")
        screen = await compared(pilot)
        evidence = next(t for t in screen.tables if t.title.startswith("Evidence"))
        assert any(row.mark == "≠" and row.cells[1].startswith("not carried: ") for row in evidence.rows)
        assert "not carried: " in shown(screen)
        await pilot.press("l")
        await pilot.pause()
        assert screen.shown_layout == STACKED
        lines = shown(screen).splitlines()
        regime = lines.index("≠ Regime")
        assert lines[regime + 1].strip().startswith("Estyn · estyn-2022 (recorded): Estyn")
        assert lines[regime + 2].strip().startswith("Ofsted · ofsted-renewed-2025 (projection): Ofsted")
        assert "stacked" in str(screen.query_one("#compare-status").render())
        await pilot.press("f3", "down", "enter")  # another theme: the marks' colours follow it, the symbols stay
        await pilot.pause()
        assert "≠ Regime" in shown(screen).splitlines()
        await pilot.press("l")
        await pilot.pause()
        assert screen.shown_layout == SIDE_BY_SIDE


async def test_a_narrow_terminal_starts_stacked(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=(90, 40)) as pilot:
        await open_case(pilot, case_id_of(demo_casebook, CASTLEGATE))
        await pilot.press("c")
        screen = await compared(pilot)
        assert screen.shown_layout == STACKED
        assert "≠ Framework" in shown(screen, width=90).splitlines()


async def test_g_changes_how_grades_are_carried_and_compares_again(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id_of(demo_casebook, CASTLEGATE))
        await pilot.press("c")
        screen = await compared(pilot)
        assert screen.comparison.grade_reading == "same-place"
        await pilot.press("g")
        screen = await compared(pilot)
        assert screen.comparison.grade_reading == "none"
        assert "grades carried: none" in str(screen.query_one("#compare-status").render())
        judgements = next(t for t in screen.tables if t.title.startswith("Judgements"))
        assert not any("[carried]" in cell for row in judgements.rows for cell in row.cells)


async def test_the_casebook_compares_the_highlighted_case(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        highlighted = pilot.app.screen.query_one("#cases").current
        await pilot.press("c")
        screen = await compared(pilot)
        assert screen.case.provider.name == highlighted.row.provider
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, CasebookScreen)


async def test_a_third_regime_takes_part_with_no_change_to_the_app(casebook):
    host = PluginHost(environ={"INSPECTORATE_LOAD_PLUGINS": "estyn,ofsted"}).load_entry_points()
    host.add(toy, "toy")
    case_id = casebook.add(read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml", host)).id
    async with InspectorateApp(casebook, host, today=TODAY, strict=True).run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id)
        await pilot.press("c")
        screen = await compared(pilot)
        assert [label.split(" · ")[0] for label in screen.comparison.labels] == ["Ofsted", "Estyn", "Toy Inspectorate"]
        assert "Toy Inspectorate · toy-2026 (projection)" in shown(screen)


async def test_frameworks_are_compared_from_the_command_palette(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id_of(demo_casebook, CASTLEGATE))
        commands = {c.title: c for c in pilot.app.get_system_commands(screen)}
        assert "Compare the case with every other regime" in commands
        await commands["Compare frameworks… structure by structure"].callback()
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, CompareFrameworksDialog)
        assert dialog.query_one("#compare-first", Select).value == "ofsted-cif-2012"  # the case's own
        await pilot.press("ctrl+s")
        assert "Choose the second framework" in str(dialog.query_one("#error").render())
        dialog.query_one("#compare-second", Select).value = "ofsted-cif-2012"
        await pilot.press("ctrl+s")
        assert "different framework" in str(dialog.query_one("#error").render())
        dialog.query_one("#compare-second", Select).value = "estyn-2022"
        await pilot.press("ctrl+s")
        screen = await compared(pilot)
        assert screen.frameworks == ["ofsted-cif-2012", "estyn-2022"]
        text = shown(screen)
        assert "ofsted-cif-2012 compared with estyn-2022" in str(pilot.app.screen.query_one("#compare-title").render())
        for title in ("Scales", "Areas by common theme", "What triggers follow-up", "Timing rules and their sources"):
            assert title in text
        assert any(line.startswith("≠ ") for line in text.splitlines())
        assert "grades carried" not in str(screen.query_one("#compare-status").render())


async def test_f4_asks_for_frameworks_and_escape_cancels(make_app, casebook):
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("f4")
        assert isinstance(pilot.app.screen, CompareFrameworksDialog)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, CasebookScreen)


async def test_nothing_to_compare_with_is_a_clear_message(casebook):
    """The other regime's plugin disabled: the screen says so; no traceback, no crash."""
    host = PluginHost(environ={"INSPECTORATE_LOAD_PLUGINS": "ofsted"}).load_entry_points()
    assert set(host.regimes) == {"ofsted"}
    case_id = casebook.add(read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml", host)).id
    async with InspectorateApp(casebook, host, today=TODAY, strict=True).run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id)
        await pilot.press("c")
        screen = await compared(pilot)
        message = str(screen.query_one("#compare-message").render())
        assert message.startswith("✖ The comparison cannot be made: Nothing to compare with")
        assert "'ofsted'" in message and "F2" in message
        assert "Nothing compared" in str(screen.query_one("#compare-status").render())
        await pilot.press("l", "g")  # nothing to redraw; nothing breaks
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, CaseScreen)


async def test_a_failure_inside_the_comparison_is_a_message_not_a_traceback(make_app, demo_casebook, monkeypatch):
    import inspectorate_tui.screens.compare as compare_screen

    def broken(*args, **kwargs):
        raise RuntimeError("a hook returned nonsense")

    monkeypatch.setattr(compare_screen, "compare_case", broken)
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id_of(demo_casebook, CASTLEGATE))
        await pilot.press("c")
        screen = await compared(pilot)
        message = str(screen.query_one("#compare-message").render())
        assert "RuntimeError: a hook returned nonsense" in message and "F2" in message


async def test_help_explains_the_compare_screen_and_lists_its_keys(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id_of(demo_casebook, CASTLEGATE))
        await pilot.press("c")
        screen = await compared(pilot)
        commands = {c.title for c in pilot.app.get_system_commands(screen)}
        assert {"Regimes side by side, or stacked one under another", "Next reading of grades carried to another scale"} <= commands
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = pilot.app.screen.query_one(Markdown).source
        assert text.startswith("## Compare")
        listed = {row.binding for row in pilot.app.screen.query_one(KeyList).rows}
        for binding_id in ("compare.layout", "compare.grades", "case.compare", "casebook.compare", "app.compare-frameworks"):
            assert binding_id in listed


async def test_w_compares_the_case_with_another_framework_of_its_own_regime(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id_of(demo_casebook, BRO_HAFREN))
        await pilot.press("c")
        screen = await compared(pilot)
        assert "compared with ofsted-" in str(screen.query_one("#compare-title").render())
        await pilot.press("w")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, CompareWithDialog)
        offered = [value for _label, value in dialog.choices]
        assert offered[0] == "ofsted" and "estyn-cif-2017" in offered and "estyn-2022" not in offered  # not its own
        await pilot.press("ctrl+s")
        assert "Choose a regime or a framework" in str(dialog.query_one("#error").render())
        dialog.query_one("#compare-with", Select).value = "estyn-cif-2017"
        dialog.query_one("#compare-and", Select).value = "ofsted"
        await pilot.press("ctrl+s")
        screen = await compared(pilot)
        assert screen.against == ["estyn-cif-2017", "ofsted"]
        title = str(screen.query_one("#compare-title").render())
        assert "estyn-2022 compared with estyn-cif-2017, ofsted-" in title
        text = shown(screen)
        assert "Estyn · estyn-cif-2017 (projection)" in text
        assert "3 columns" in str(screen.query_one("#compare-status").render())
        await pilot.press("w")
        await pilot.pause()
        assert pilot.app.screen.query_one("#compare-with", Select).value == "estyn-cif-2017"  # keeps the choice
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
