"""The agenda screen: g from the casebook, overdue first then by week, Enter to the case's Follow-up tab."""

from __future__ import annotations

from inspectorate import hookimpl
from inspectorate.evaluation import schedule
from inspectorate_tui.screens.agenda import AgendaScreen
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.tabs.follow_up import DatePrompt
from textual.widgets import DataTable, TabbedContent

from tests.tui.conftest import TODAY, casebook_loaded, screen_text

SIZE = (140, 40)


async def open_agenda(pilot) -> AgendaScreen:
    await casebook_loaded(pilot)
    await pilot.press("g")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, AgendaScreen)
    return pilot.app.screen


def rows(screen: AgendaScreen) -> list[tuple[str, ...]]:
    table = screen.query_one(DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count)]


async def test_g_lists_overdue_first_then_each_week_with_its_monday(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot)
        listed = rows(screen)
        assert listed[0][0] == "Overdue"
        headings = [n for n, row in enumerate(listed) if not row[2]]
        overdue = listed[1:headings[1]]
        assert overdue and all(row[0] == "‼ overdue" for row in overdue)
        assert listed[headings[1]][:2] == ("2026-W47", "from Monday 16 Nov 2026")
        assert not any(row[0] == "‼ overdue" for row in listed[headings[1]:])
        # Every item's status is its case's own schedule's, in the provider's calendar.
        for item in screen.agenda.items:
            own = {e.id: e.status for e in schedule(pilot.app.host, screen.cases[item.case_id], TODAY)}
            assert item.event.status == own[item.event.id]
        text = screen_text(pilot.app)
        assert f"‼ {len(overdue)} overdue" in text
        assert "Source" in text and "paragraph 10" in text  # the highlighted event's source


async def test_enter_opens_the_case_at_its_follow_up_tab_on_that_event(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot)
        await pilot.press("down", "down")  # the third overdue event
        item = screen.current
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        case_screen = pilot.app.screen
        assert isinstance(case_screen, CaseScreen) and case_screen.session.case_id == item.case_id
        assert case_screen.query_one(TabbedContent).active == "follow-up"
        assert case_screen.query_one("#follow-up-tab").current.id == item.event.id


async def test_an_event_marked_done_in_the_case_leaves_the_agenda(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot)
        item = screen.current
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("d")
        assert isinstance(pilot.app.screen, DatePrompt)
        await pilot.press("enter")  # the date offered
        await pilot.pause()
        assert item.event.id in demo_casebook.get(item.case_id).case.follow_up.done
        await pilot.press("escape")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.screen is screen
        assert (item.case_id, item.event.id) not in {(i.case_id, i.event.id) for i in screen.agenda.items}
        await pilot.press("escape")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "CasebookScreen"


class Failing:
    @hookimpl
    def schedule_follow_up(self, framework, case, calendar):
        raise RuntimeError("local schedule exploded")


async def test_a_case_whose_plugin_failed_is_shown_incomplete(make_app, demo_casebook, host):
    host.add(Failing(), "local")
    async with make_app(demo_casebook, strict=False).run_test(size=SIZE) as pilot:
        await open_agenda(pilot)
        text = screen_text(pilot.app)
        # every demo case: the failing plugin schedules them all
        assert f"✖ {len(demo_casebook.list_cases())} incomplete" in text
        assert "incomplete: plugin 'local' failed in schedule_follow_up" in text


async def test_an_empty_casebook_says_there_is_nothing_open(make_app, casebook):
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot)
        assert rows(screen) == [("None open", "no open follow-up deadlines or windows", "", "")]
        await pilot.press("enter")  # on the note: nothing to open
        await pilot.pause()
        assert pilot.app.screen is screen
