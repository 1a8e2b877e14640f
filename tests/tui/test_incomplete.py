"""No all-clear on screen while a plugin's contribution is missing: the app says what is missing."""

from __future__ import annotations

from inspectorate import hookimpl
from inspectorate_tui.screens.plugins import PluginsScreen
from textual.widgets import Static

from tests.tui.conftest import SIZE, open_case
from tests.tui.test_judgements_tab import ESTYN_2010

ALL_CLEAR = "No rule has anything to say"


class RaisingCheck:
    @hookimpl
    def check_case(self, framework, case):
        raise RuntimeError("local check exploded")


class RaisingSchedule:
    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        raise RuntimeError("local dates exploded")


def _text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_judgements_tab_shows_an_all_clear_only_when_nothing_is_missing(make_app, casebook):
    case_id = casebook.add(ESTYN_2010).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f9")
        assert ALL_CLEAR in _text(screen, "#findings")  # this case really gives an all-clear


async def test_judgements_tab_says_incomplete_when_a_check_case_plugin_raises(make_app, casebook, host):
    host.add(RaisingCheck(), "local")
    case_id = casebook.add(ESTYN_2010).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f9")
        await pilot.pause()
        findings = _text(screen, "#findings")
        assert "incomplete: plugin 'local' failed in check_case: RuntimeError: local check exploded" in findings
        assert ALL_CLEAR not in findings
        assert "Traceback" not in findings
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PluginsScreen)
        problems = _text(pilot.app.screen, "#problems")
        assert "plugin 'local' failed in check_case: RuntimeError: local check exploded" in problems
        assert "Traceback" not in problems


async def test_follow_up_tab_says_incomplete_when_a_schedule_plugin_raises(make_app, casebook, host):
    host.add(RaisingSchedule(), "local")
    case_id = casebook.add(ESTYN_2010).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f11")
        await pilot.pause()
        category = _text(screen, "#fu-category")
        assert "incomplete: plugin 'local' failed in schedule_follow_up" in category
