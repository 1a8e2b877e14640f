"""Snapshots of the Evidence and Recommendations tabs, with a few items each, at 140x40.

Regenerate with ``pytest tests/tui/test_snapshots_evidence_recommendations.py --snapshot-update``
and look at the SVGs under ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from tests.tui.conftest import opener
from tests.tui.test_evidence_tab import estyn_case
from tests.tui.test_recommendations_tab import ofsted_case

SIZE = (140, 40)



def test_evidence_tab(snap_compare, make_app, casebook):
    case_id = casebook.add(estyn_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "f8"))


def test_evidence_dialog(snap_compare, make_app, casebook):
    case_id = casebook.add(estyn_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "f8", "down", "e"))


def test_recommendations_tab(snap_compare, make_app, casebook):
    case_id = casebook.add(ofsted_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "f10", "down"))


def test_recommendation_dialog(snap_compare, make_app, casebook):
    case_id = casebook.add(ofsted_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "f10", "down", "e"))


def test_progress_dialog(snap_compare, make_app, casebook):
    case_id = casebook.add(ofsted_case()).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "f10", "p"))
