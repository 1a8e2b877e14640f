"""Snapshots of the agenda (g from the casebook) on the demo casebook, at 80x24 and 140x40.

Regenerate with ``pytest tests/tui/test_snapshots_agenda.py --snapshot-update`` and look at the
SVGs under ``__snapshots__`` before committing them.
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import casebook_loaded


async def _agenda(pilot) -> None:
    await casebook_loaded(pilot)
    await pilot.press("g")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (140, 40)], ids=["80x24", "140x40"])
def test_agenda(snap_compare, make_app, demo_casebook, size):
    """Overdue first, then week by week; the highlighted event's case, dates and source below."""
    assert snap_compare(make_app(demo_casebook), terminal_size=size, run_before=_agenda)
