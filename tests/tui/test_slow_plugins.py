"""A plugin that is slow, or that exits, neither freezes nor ends the app: the rules catch up."""

from __future__ import annotations

import threading
import time

from inspectorate import hookimpl
from inspectorate.model import Citation, Finding
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.session import RULES_RUNNING
from textual.widgets import Static

from tests.tui.conftest import SIZE, casebook_loaded
from tests.tui.test_judgements_tab import ESTYN_2010

CITE = Citation(document="local guidance", quote="a sentence")


class Slow:
    """check_case waits until released (at most ten seconds), then finds something."""

    def __init__(self):
        self.release = threading.Event()

    @hookimpl
    def check_case(self, framework, case):
        self.release.wait(10)
        return [Finding(severity="warning", rule="local.slow", message="The slow local check has spoken.", citation=CITE)]


class Quitter:
    @hookimpl
    def check_case(self, framework, case):
        raise SystemExit(0)


def _text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def _open_with_enter(pilot) -> CaseScreen:
    await casebook_loaded(pilot)
    started = time.monotonic()
    await pilot.press("enter")
    await pilot.pause()
    assert time.monotonic() - started < 5, "opening the case waited for the plugin"
    assert isinstance(pilot.app.screen, CaseScreen)
    return pilot.app.screen


async def _until(pilot, condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)


async def test_a_case_opens_at_once_while_a_slow_plugin_runs_and_its_findings_follow(make_app, casebook, host):
    slow = Slow()
    host.add(slow, "local")
    host.hook_budget = 30  # within its budget, only slow
    casebook.add(ESTYN_2010)
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        try:
            screen = await _open_with_enter(pilot)
            title = _text(screen, "#case-title")
            assert "⧗ rules running" in title and "closed" not in title  # no stage guessed without the dates
            await pilot.press("f9")  # the keys work meanwhile
            await pilot.pause()
            findings = _text(screen, "#findings")
            assert RULES_RUNNING in findings
            assert "No rule has anything to say" not in findings  # never an all-clear while they run
        finally:
            slow.release.set()
        await _until(pilot, lambda: "The slow local check has spoken." in _text(screen, "#findings"))
        assert "The slow local check has spoken." in _text(screen, "#findings")
        assert RULES_RUNNING not in _text(screen, "#findings")
        assert "rules running" not in _text(screen, "#case-title")


async def test_a_plugin_past_its_budget_is_left_out_and_said_on_the_tab(make_app, casebook, host):
    slow = Slow()
    host.add(slow, "local")
    host.hook_budget = 0.3
    casebook.add(ESTYN_2010)
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        try:
            screen = await _open_with_enter(pilot)
            await pilot.press("f9")
            said = "incomplete: plugin 'local' failed in check_case: took longer than its time budget of 0.3 s"
            await _until(pilot, lambda: said in _text(screen, "#findings"), seconds=4)
            assert said in _text(screen, "#findings")
            assert "The slow local check has spoken." not in _text(screen, "#findings")
        finally:
            slow.release.set()


async def test_a_plugin_that_exits_while_a_case_opens_does_not_end_the_app(make_app, casebook, host):
    host.add(Quitter(), "local")
    casebook.add(ESTYN_2010)
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await _open_with_enter(pilot)
        await pilot.press("f9")
        await _until(pilot, lambda: not screen.session.rules_running)
        assert pilot.app.is_running
        assert "incomplete: plugin 'local' failed in check_case: SystemExit: 0" in _text(screen, "#findings")
        await pilot.press("escape")  # and the app carries on as usual
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CaseScreen)
