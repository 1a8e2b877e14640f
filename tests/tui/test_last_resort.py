"""An unexpected exception: one line on screen, the traceback in the log, the casebook intact."""

from __future__ import annotations

from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.tabs.judgements import JudgementsTab
from textual.widgets import Input

from tests.tui.conftest import SIZE, open_case
from tests.tui.test_details_tab import RI_COLLEGE


async def test_an_unexpected_exception_is_told_logged_and_survived(make_app, casebook, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("INSPECTORATE_DEBUG", raising=False)

    def broken(self):
        secret = "evidence nobody else may read"  # a local the traceback must not show
        raise RuntimeError(f"something broke near {len(secret)}")

    monkeypatch.setattr(JudgementsTab, "action_accept_proposal", broken)
    case_id = casebook.add(RI_COLLEGE).id
    app = make_app(casebook, strict=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f9", "a")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        told = [n.message for n in app._notifications]
        assert any("Something unexpected went wrong (RuntimeError)" in m and "problems.log" in m for m in told)
        assert not any("Traceback" in m or "nobody else" in m for m in told)
        # The app carries on: the next edit is saved as ever.
        await pilot.press("f7")
        box = screen.query_one("#team-nominee", Input)
        box.focus()
        await pilot.press(*"Dewi Hughes", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
    assert casebook.get(case_id).case.team.nominee == "Dewi Hughes"
    log = (tmp_path / "data" / "inspectorate" / "problems.log").read_text()
    assert "RuntimeError: something broke near 29" in log and "Traceback" in log
    assert "nobody else may read" not in log  # no local variables
    assert (tmp_path / "data" / "inspectorate" / "problems.log").stat().st_mode & 0o077 == 0


async def test_a_failure_elsewhere_ends_the_app_with_a_line_and_the_casebook_intact(make_app, casebook, tmp_path, monkeypatch):
    """A message handler that raises stops its part of the screen (Textual's doing), so the app
    cannot carry on safely: it ends with one line, not a traceback."""
    from inspectorate_tui.tabs.details import DetailsTab

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("INSPECTORATE_DEBUG", raising=False)
    monkeypatch.setattr(DetailsTab, "on_input_submitted", lambda self, event: 1 / 0)
    case_id = casebook.add(RI_COLLEGE).id
    app = make_app(casebook, strict=False)
    ended_with = []
    exit_as_ever = app.exit
    monkeypatch.setattr(app, "exit", lambda **kw: (ended_with.append(kw.get("message")), exit_as_ever(**kw)))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        screen.query_one("#team-nominee", Input).focus()
        await pilot.press("x", "enter")
        await pilot.pause()
    assert app.return_code == 1
    [line] = ended_with
    assert line.startswith("inspectorate: stopped after something unexpected went wrong (ZeroDivisionError)")
    assert "problems.log" in line and "Traceback" not in line
    assert casebook.get(case_id).version == 1
    assert "ZeroDivisionError" in (tmp_path / "data" / "inspectorate" / "problems.log").read_text()
