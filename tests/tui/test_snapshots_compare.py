"""Snapshots of the Compare screen at 140x40: a case side by side, stacked, and two frameworks.

Regenerate with ``pytest tests/tui/test_snapshots_compare.py --snapshot-update`` and look at the
SVGs under ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from pathlib import Path

from inspectorate.casefile import read_case_file

from tests.tui.conftest import casebook_loaded, cursors_still

SIZE = (140, 40)
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def compare(case_id: str | None, *keys: str, frameworks: list[str] | None = None):
    """Open the case and press c (or open the frameworks' comparison), wait for it, press keys."""

    async def run_before(pilot) -> None:
        from inspectorate_tui.screens.compare import CompareScreen

        await casebook_loaded(pilot)
        if case_id:
            pilot.app.screen.open_case(case_id)
            await pilot.pause()
            await pilot.press("c")
        else:
            pilot.app.push_screen(CompareScreen(frameworks=frameworks))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:  # each key's work (the layout redrawn in a worker) done before the next, as a person waits
            await pilot.press(key)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        await cursors_still(pilot)  # the picture must not depend on when in its blink it is taken

    return run_before


def _case(casebook, host, name: str) -> str:
    return casebook.add(read_case_file(EXAMPLES / name, host)).id


def test_compare_case_side_by_side(snap_compare, make_app, casebook, host):
    """Ofsted CIF 2012 beside its Estyn projection: the = and ≠ marks lead every row."""
    case_id = _case(casebook, host, "ofsted-cif-2012-requires-improvement-visit-held.toml")
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=compare(case_id))


def test_compare_case_stacked(snap_compare, make_app, casebook, host):
    """The same, stacked and scrolled to the evidence: each regime's cell under the row's label."""
    case_id = _case(casebook, host, "ofsted-cif-2012-requires-improvement-visit-held.toml")
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=compare(case_id, "l", "pagedown", "pagedown"))


def test_compare_frameworks(snap_compare, make_app, casebook):
    frameworks = ["estyn-2022", "ofsted-renewed-2025"]
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=compare(None, "pagedown", frameworks=frameworks))
