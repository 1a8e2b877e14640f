"""Snapshots of the Follow-up and Reports tabs at 140x40, from the docs' example cases.

Regenerate with ``pytest tests/tui/test_snapshots_follow_up_reports.py --snapshot-update`` and
look at the SVGs under ``__snapshots__`` before committing them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
from inspectorate.casefile import read_case_file

from tests.tui.conftest import opener

SIZE = (140, 40)
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
RI_TODAY = dt.date(2013, 5, 20)
ESTYN_TODAY = dt.date(2015, 2, 2)



def example(host, name: str):
    return read_case_file(EXAMPLES / name, host)


def test_follow_up_tab(snap_compare, make_app, casebook, host):
    """The improvement visit done: the letter dated from it; the re-inspection's reading shown."""
    case = example(host, "ofsted-cif-2012-requires-improvement.toml")
    case = attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, done={"improvement-visit": dt.date(2013, 5, 15)}))
    case_id = casebook.add(case).id
    app = make_app(casebook, today=RI_TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=opener(case_id, "f11", "down", "down", "down"))


def test_reports_tab(snap_compare, make_app, casebook, host):
    """The Ofsted improvement-visit letter: a missing required section, word limits kept."""
    case_id = casebook.add(example(host, "ofsted-cif-2012-requires-improvement.toml")).id
    app = make_app(casebook, today=RI_TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=opener(case_id, "f12"))


def test_reports_tab_welsh(snap_compare, make_app, casebook, host):
    """Estyn's school report in Welsh: a Welsh-medium school's draft is in Welsh unless another is chosen."""
    case_id = casebook.add(example(host, "estyn-cif-2010-excellent-school.toml")).id
    app = make_app(casebook, today=ESTYN_TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=opener(case_id, "f12"))
