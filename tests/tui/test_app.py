"""What holds on every screen: help, plugins, keymap, settings, themes, the command palette."""

from __future__ import annotations

import datetime as dt
import re

from inspectorate import hookimpl
from inspectorate.plugins import PluginHost
from inspectorate_tui.app import InspectorateApp
from inspectorate_tui.config import Settings, load_settings
from inspectorate_tui.dialogs.new_case import NewCaseDialog
from inspectorate_tui.screens.casebook import CasebookScreen
from inspectorate_tui.screens.help import HelpScreen, KeyList
from inspectorate_tui.screens.plugins import PluginsScreen
from textual.widgets import DataTable, Markdown

from tests.tui.conftest import SIZE, TODAY, casebook_loaded, open_case, screen_text


async def test_f1_explains_what_has_focus_and_lists_every_key(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = pilot.app.screen.query_one(Markdown).source
        assert text.startswith("## Casebook")
        keys = {row.binding: row for row in pilot.app.screen.query_one(KeyList).rows}
        assert keys["casebook.new"].keys == "n" and keys["judgement.accept"].what == "Accept the proposal for the area"
        pilot.app.screen.query_one(KeyList).scroll_visible(animate=False)  # as a person scrolls down to the keys
        await pilot.pause()
        assert re.search(r"casebook +n +New case +casebook\.new", screen_text(pilot.app))
        await pilot.press("escape")
        case_id = demo_casebook.list_cases()[0].id
        await open_case(pilot, case_id)
        await pilot.press("f9", "f1")
        assert pilot.app.screen.query_one(Markdown).source.startswith("## Judgements")


async def test_help_at_80_columns_keeps_every_binding_id_whole(make_app, casebook):
    """Narrow, each binding id goes under what its key does, whole: it is what a keymap is written with."""
    from inspectorate_tui.keymap import ACTIONS

    async with make_app(casebook).run_test(size=(80, 24)) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("f1", "end")
        await pilot.pause()
        shown = screen_text(pilot.app)
        last = ACTIONS[-1]
        assert re.search(rf"(?<![\w.-]){re.escape(last.id)}(?![\w.-])", shown), shown
        assert "…" not in shown, shown  # nothing in the list is cut short (the casebook behind is empty)


async def test_f1_on_each_tab_explains_that_tab(make_app, demo_casebook):
    from inspectorate_tui.tabs import TABS

    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await open_case(pilot, demo_casebook.list_cases()[0].id)
        for number, (tab_id, title, tab_class) in enumerate(TABS, start=7):
            await pilot.press(f"f{number}", "f1")
            await pilot.pause()
            assert isinstance(pilot.app.screen, HelpScreen), tab_id
            assert pilot.app.screen.focused_help == tab_class.HELP, tab_id
            assert tab_class.HELP.startswith(f"## {title}")
            await pilot.press("escape")
            await pilot.pause()


async def test_plugins_screen_lists_plugins_and_a_broken_one_is_reported_not_raised(casebook):
    class Broken:
        @hookimpl
        def register_regimes(self, register):
            raise RuntimeError("the frameworks file is missing")

    host = PluginHost(environ={}).load_entry_points()
    host.add(Broken(), "broken-regime", version="0.0.1")
    assert "ofsted" in host.regimes  # the failure is recorded as a problem, not raised
    app = InspectorateApp(casebook, host, today=TODAY, strict=True)
    async with app.run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        assert any("broken-regime" in n.message for n in app._notifications)
        await pilot.press("f2")
        screen = pilot.app.screen
        assert isinstance(screen, PluginsScreen)
        table = screen.query_one(DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert {"estyn", "ofsted", "broken-regime"} <= set(names)
        problems = str(screen.query_one("#problems").render())
        assert "broken-regime" in problems and "frameworks file is missing" in problems


async def test_a_keymap_rebinds_by_binding_id(make_app, casebook):
    app = make_app(casebook, settings=Settings(keymap={"casebook.new": "ctrl+n"}))
    async with app.run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("n")
        assert isinstance(pilot.app.screen, CasebookScreen)
        await pilot.press("ctrl+n")
        assert isinstance(pilot.app.screen, NewCaseDialog)


async def test_bad_settings_are_a_notification_and_the_app_still_starts(make_app, casebook, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "textual-light"\n\n[keymap]\n"casebook.neww" = "ctrl+n"\n', encoding="utf-8")
    settings = load_settings(path)
    async with make_app(casebook, settings=settings).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        messages = [n.message for n in pilot.app._notifications]
        assert any(f'{path}:4: keymap."casebook.neww": no such binding' in m and "casebook.new" in m for m in messages)
        assert pilot.app.theme == "textual-light"


async def test_themes_include_high_contrast_and_f3_offers_another(make_app, casebook):
    app = make_app(casebook, settings=Settings(theme="inspectorate-high-contrast"))
    async with app.run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "inspectorate-high-contrast"
        await pilot.press("f3", "down", "enter")
        await pilot.pause()
        assert pilot.app.theme != "inspectorate-high-contrast"


async def test_no_color_is_respected_and_status_is_still_told_in_words(make_app, demo_casebook, monkeypatch):
    from inspectorate_tui.widgets.case_table import CaseTable

    monkeypatch.setenv("NO_COLOR", "1")
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        assert pilot.app.no_color
        table = pilot.app.screen.query_one(CaseTable)
        first = table.render_line(0).text
        assert first.startswith("‼ overdue")


async def test_the_command_palette_reaches_actions_by_name(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        commands = {c.title: c for c in pilot.app.get_system_commands(pilot.app.screen)}
        assert "New case" in commands and "Plugins: installed, versions, hooks, errors" in commands
        case_id = demo_casebook.list_cases()[0].id
        screen = await open_case(pilot, case_id)
        commands = {c.title: c for c in pilot.app.get_system_commands(screen)}
        from inspectorate_tui.keymap import BY_ID

        wanted = {BY_ID[i].description for i in ("case.undo", "case.redo", "evidence.add", "follow-up.done", "report.export")}
        assert wanted <= set(commands)
        await commands["Plugins: installed, versions, hooks, errors"].callback()
        await pilot.pause()
        assert isinstance(pilot.app.screen, PluginsScreen)


async def test_the_casebook_opens_after_the_first_paint_and_a_failure_ends_the_app_cleanly(host, casebook):
    def opened():
        return casebook, host

    app = InspectorateApp(today=TODAY, opener=opened, strict=True)
    async with app.run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        assert app.ready and app.sub_title == "casebook.sqlite"

    def unreadable():
        from inspectorate.casebook import CasebookError

        raise CasebookError("/nowhere/casebook.sqlite cannot be opened: permission denied")

    app = InspectorateApp(today=TODAY, opener=unreadable, strict=True)
    async with app.run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
    assert app.return_code == 1


async def test_a_plugin_returning_nonsense_is_reported_and_the_others_still_count(casebook):
    """A schedule hook that returns a string instead of events: dropped and reported, not a crash."""
    from inspectorate.model import Case, InspectionDates, Judgement, Provider

    class Sloppy:
        @hookimpl
        def schedule_follow_up(self, framework, case, calendar):
            return ["not an event"]

    host = PluginHost(environ={}).load_entry_points()
    host.add(Sloppy(), "sloppy")
    case = Case(
        Provider("Riverside College", "further-education"),
        "ofsted",
        "ofsted-cif-2012",
        dates=InspectionDates(start=dt.date(2013, 3, 4), end=dt.date(2013, 3, 8), published=dt.date(2013, 4, 12)),
        judgements=(Judgement("overall-effectiveness", "requires-improvement"),),
    )
    case_id = casebook.add(case).id
    app = InspectorateApp(casebook, host, today=TODAY, strict=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        assert any("sloppy" in n.message and "not a FollowUpEvent" in n.message for n in app._notifications)
        assert any(e.id == "improvement-visit" for e in screen.session.events)  # Ofsted's dates stand
        await pilot.press("f2")
        assert "sloppy" in str(pilot.app.screen.query_one("#problems").render())


async def test_square_brackets_in_names_and_typed_text_are_shown_as_written(make_app, casebook):
    from inspectorate.model import Case, InspectionDates, Provider, Recommendation
    from inspectorate_tui.dialogs.prompt import DatePrompt
    from inspectorate_tui.dialogs.recommendation import ProgressDialog
    from textual.widgets import Input, Static

    case = Case(
        provider=Provider("St Mary's [VA] Primary", "primary", nation="wales"),
        regime="estyn",
        framework="estyn-cif-2010",
        dates=InspectionDates(start=dt.date(2016, 3, 7), end=dt.date(2016, 3, 10), published=dt.date(2016, 5, 9)),
        recommendations=(Recommendation("Raise standards in [H] reading", 1),),
    )
    case_id = casebook.add(case).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        assert "St Mary's [VA] Primary" in str(screen.query_one("#case-title", Static).render())
        pilot.app.notify("Created St Mary's [VA] Primary [/b]")  # neither swallowed nor a markup error
        await pilot.pause()
        await pilot.press("f10", "p")
        dialog = pilot.app.screen
        assert isinstance(dialog, ProgressDialog)
        assert "[H] reading" in str(dialog.query_one(".recommendation-text", Static).render())
        dialog.query_one("#on", Input).value = "[/b]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "'[/b]' is not a date" in str(dialog.query_one("#error", Static).render())
        await pilot.press("escape", "f11", "d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DatePrompt)
        pilot.app.screen.query_one(Input).value = "[/b]"
        await pilot.press("enter")
        await pilot.pause()
        assert "'[/b]' is not a date" in str(pilot.app.screen.query_one("#error", Static).render())
