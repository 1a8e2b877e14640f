"""Snapshots of the casebook, details, judgements, plugins, help and history screens at 140x40.

Regenerate with ``pytest tests/tui/test_snapshots_screens.py --snapshot-update`` and look at the
SVGs under ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from pathlib import Path

from inspectorate.casefile import read_case_file

from tests.tui.conftest import opener

SIZE = (140, 40)
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def keys(*pressed: str, case: str | None = None):
    return opener(case, *pressed)


def _case(casebook, host, name: str) -> str:
    return casebook.add(read_case_file(EXAMPLES / name, host)).id


def test_casebook(snap_compare, make_app, demo_casebook):
    """Every demo case, overdue first, status in symbol and words."""
    assert snap_compare(make_app(demo_casebook), terminal_size=SIZE, run_before=keys())


def test_casebook_filtered(snap_compare, make_app, demo_casebook):
    assert snap_compare(make_app(demo_casebook), terminal_size=SIZE, run_before=keys("slash", *"estyn"))


def test_details(snap_compare, make_app, casebook, host):
    case_id = _case(casebook, host, "ofsted-cif-2012-requires-improvement.toml")
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=keys("f7", case=case_id))


def test_judgements_with_findings(snap_compare, make_app, casebook, host):
    """Estyn CIF 2010: an excellent without sector-leading practice, proposal and warning beside it."""
    case_id = _case(casebook, host, "estyn-cif-2010-excellent-school.toml")
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=keys("f9", case=case_id))


def test_judgements_limiting(snap_compare, make_app, casebook, host):
    """EIF 2019: ineffective safeguarding limits leadership and overall effectiveness."""
    case_id = _case(casebook, host, "ofsted-eif-2019-ineffective-safeguarding.toml")
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=keys("f9", case=case_id))


def test_plugins(snap_compare, make_app, casebook):
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=keys("f2"))


def test_help(snap_compare, make_app, casebook):
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=keys("f1"))


def test_new_case_dialog(snap_compare, make_app, casebook):
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=keys("n"))


def test_history(snap_compare, make_app, casebook, host, monkeypatch):
    """Who changed what and when: the audit clock is fixed so the picture is the same every run."""
    import attrs
    from inspectorate.casebook import store

    monkeypatch.setattr(store, "_now", lambda: "2013-05-20T09:30:00+00:00")
    case_id = _case(casebook, host, "ofsted-cif-2012-requires-improvement.toml")
    stored = casebook.get(case_id)
    team = attrs.evolve(stored.case.team, nominee="Sam Okafor")
    casebook.update(case_id, attrs.evolve(stored.case, team=team), stored.version, what="nominee")
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=keys("f6", case=case_id))


def test_new_case_dialog_at_80x24_with_an_error(snap_compare, make_app, casebook):
    """The smallest terminal: the fields scroll, the error line and the buttons stay in view."""
    assert snap_compare(make_app(casebook), terminal_size=(80, 24), run_before=keys("n", "ctrl+s"))


def test_theme_list(snap_compare, make_app, casebook):
    assert snap_compare(make_app(casebook), terminal_size=SIZE, run_before=keys("f3"))
