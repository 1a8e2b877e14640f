"""Snapshots of the Evidence and Recommendations tabs, with a few items each, at 140x40.

Regenerate with ``pytest tests/tui/test_snapshots_evidence_recommendations.py --snapshot-update``
and look at the SVGs under ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from tests.tui.test_evidence_tab import estyn_case
from tests.tui.test_recommendations_tab import ofsted_case

SIZE = (140, 40)


def opener(case_id: str, *keys: str):
    async def run_before(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.screen.open_case(case_id)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_evidence_tab(snap_compare, make_app, casebook):
    case_id = casebook.add(estyn_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "2"))


def test_evidence_dialog(snap_compare, make_app, casebook):
    case_id = casebook.add(estyn_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "2", "down", "e"))


def test_recommendations_tab(snap_compare, make_app, casebook):
    case_id = casebook.add(ofsted_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "4", "down"))


def test_recommendation_dialog(snap_compare, make_app, casebook):
    case_id = casebook.add(ofsted_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "4", "down", "e"))


def test_progress_dialog(snap_compare, make_app, casebook):
    case_id = casebook.add(ofsted_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "4", "p"))
