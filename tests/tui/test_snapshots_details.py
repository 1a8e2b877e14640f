"""Snapshots of the Details tab at 140x40: the fields a framework uses, and findings under their fields.

Regenerate with ``pytest tests/tui/test_snapshots_details.py --snapshot-update`` and look at the
SVGs under ``__snapshots__`` before committing them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
from inspectorate.casefile import read_case_file

from tests.tui.conftest import opener

SIZE = (140, 40)
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def test_details_estyn_without_the_fields_it_does_not_use(snap_compare, make_app, casebook, host):
    """Estyn 2024: no improvement HMI and no next inspection team."""
    case_id = casebook.add(read_case_file(EXAMPLES / "estyn-2024-estyn-review.toml", host)).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "f7"))


def test_details_findings_under_their_fields(snap_compare, make_app, casebook, host):
    """Ofsted 2012: the last day on site before the first, and the improvement HMI on the last team."""
    case = read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml", host)
    case = attrs.evolve(
        case,
        dates=attrs.evolve(case.dates, end=dt.date(2013, 3, 1)),
        team=attrs.evolve(case.team, team_inspectors=(*case.team.team_inspectors, case.team.improvement_hmi)),
    )
    case_id = casebook.add(case).id
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=opener(case_id, "f7"))


def test_details_team_findings_under_the_team_fields(snap_compare, make_app, casebook, host):
    """Ofsted 2012: the improvement HMI on the last team and named for the next, each under its field."""
    case = read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml", host)
    hmi = case.team.improvement_hmi
    team = attrs.evolve(case.team, team_inspectors=(*case.team.team_inspectors, hmi), next_inspection_team=(hmi,))
    case_id = casebook.add(attrs.evolve(case, team=team)).id
    open_it = opener(case_id, "f7")

    async def run_before(pilot) -> None:
        await open_it(pilot)
        pilot.app.screen.query_one("#details-tab VerticalScroll").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=run_before)
