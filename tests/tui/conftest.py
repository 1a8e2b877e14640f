"""Fixtures for driving the terminal app: a real casebook file, the real plugins, a fixed day."""

from __future__ import annotations

import datetime as dt

import pytest
from inspectorate.casebook import Casebook
from inspectorate.plugins import PluginHost
from inspectorate_tui.app import InspectorateApp
from inspectorate_tui.config import Settings
from inspectorate_tui.demo import WRITTEN_FOR, seed

#: The tests' today: the day the demo cases were written around, so nothing moves.
TODAY = WRITTEN_FOR
SIZE = (140, 40)


@pytest.fixture(autouse=True)
def no_animations(monkeypatch):
    """The app as with ``TEXTUAL_ANIMATIONS=none``: what is tested is where an animation ends.
    While a tab's underline slides (a third of a second), the pilot's wait for the app to be idle
    cannot end, so each tab switch waited it out. The end-to-end tests run the real program with
    its animations."""
    import textual.constants

    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def host() -> PluginHost:
    return PluginHost(environ={}).load_entry_points()


@pytest.fixture
def casebook(tmp_path):
    book = Casebook.open(tmp_path / "casebook.sqlite", who="Test Inspector")
    yield book
    book.close()


@pytest.fixture
def demo_casebook(casebook, host):
    seed(casebook, host, TODAY)
    return casebook


@pytest.fixture
def make_app(host):
    """make_app(casebook, **settings) -> an InspectorateApp on that casebook, today fixed.

    Strict unless told otherwise: an unexpected exception fails the test rather than being
    survived by the app's last resort.
    """

    def make(casebook, settings: Settings | None = None, today: dt.date = TODAY, strict: bool = True) -> InspectorateApp:
        return InspectorateApp(casebook, host, today=today, settings=settings or Settings(), strict=strict)

    return make


def case_id_of(casebook: Casebook, provider: str) -> str:
    return next(row.id for row in casebook.list_cases(include_archived=True) if row.provider == provider)


async def casebook_loaded(pilot) -> None:
    """Wait for the casebook screen's list to be read (it loads in a worker)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_case(pilot, case_id: str):
    """Open the case from the casebook screen, as Enter on its row would; returns the case screen."""
    await casebook_loaded(pilot)
    pilot.app.screen.open_case(case_id)
    await pilot.pause()
    await pilot.pause()
    return pilot.app.screen


async def open_tab(pilot, case_id: str, key: str):
    """Open the case, then go to a tab by its key (f7 to f12); returns the case screen."""
    screen = await open_case(pilot, case_id)
    await pilot.press(key)
    await pilot.pause()
    return screen


def opener(case_id: str | None, *keys: str):
    """A snapshot's ``run_before``: wait for the casebook, open the case (if any), press keys."""

    async def run_before(pilot) -> None:
        await casebook_loaded(pilot)
        if case_id:
            pilot.app.screen.open_case(case_id)
            await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        # The picture is taken once what the keys started (the rules, a list) has finished: on a
        # loaded machine it would otherwise catch "the rules are still running".
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await cursors_still(pilot)

    return run_before


async def cursors_still(pilot) -> None:
    """Stop every cursor blinking (which hides it), so a picture does not depend on how long the
    machine took to get there."""
    for widget in pilot.app.screen.query("*"):
        if getattr(widget, "cursor_blink", False):
            widget.cursor_blink = False
    await pilot.pause()


def screen_text(app) -> str:
    """What the terminal shows now, as plain text, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
