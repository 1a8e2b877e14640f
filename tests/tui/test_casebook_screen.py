"""The casebook screen, driven with the Pilot as an inspector would."""

from __future__ import annotations

from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.screens.casebook import CasebookScreen
from inspectorate_tui.widgets.case_table import CaseTable

from tests.tui.conftest import SIZE


async def _loaded(pilot) -> CaseTable:
    screen = pilot.app.screen
    assert isinstance(screen, CasebookScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen.query_one(CaseTable)


async def test_lists_every_case_overdue_first(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        table = await _loaded(pilot)
        assert len(table.lines) == demo_casebook.count()
        statuses = [line.status for line in table.lines]
        order = {"overdue": 0, "due-soon": 1, "open": 2, "none": 3}
        assert statuses == sorted(statuses, key=order.get)


async def test_filter_as_you_type_and_open(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        table = await _loaded(pilot)
        first = table.lines[0].row.provider
        await pilot.press("slash", *first.split()[0].lower())
        assert table.lines and all(first.split()[0].lower() in line.haystack for line in table.lines)
        await pilot.press("enter", "enter")
        assert isinstance(pilot.app.screen, CaseScreen)
        assert pilot.app.screen.session.case.provider.name == table.current.row.provider


async def test_new_case_dialog_creates_and_opens_the_case(make_app, casebook):
    from inspectorate_tui.dialogs.new_case import NewCaseDialog
    from textual.widgets import Input, Select

    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await _loaded(pilot)
        await pilot.press("n")
        dialog = pilot.app.screen
        assert isinstance(dialog, NewCaseDialog)
        await pilot.press("ctrl+s")  # nothing filled in: refused with a message, nothing stored
        assert "needs a name" in str(dialog.query_one("#error").render())
        assert pilot.app.focused is dialog.query_one("#new-provider", Input)
        await pilot.press(*"Ysgol Newydd")
        dialog.query_one("#new-framework", Select).value = "estyn-cif-2010"
        await pilot.pause()
        dialog.query_one("#new-sector", Select).value = "school"
        dialog.query_one("#new-start", Input).value = "next tuesday"
        await pilot.press("ctrl+s")
        assert "not a date" in str(dialog.query_one("#error").render())
        assert pilot.app.focused is dialog.query_one("#new-start", Input)
        assert casebook.count() == 0
        dialog.query_one("#new-start", Input).value = "2016-02-01"
        await pilot.press("enter")  # Enter in a field creates, as ctrl+s does
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        [row] = casebook.list_cases()
        case = casebook.get(row.id).case
        assert (case.provider.name, case.provider.nation, case.framework, str(case.dates.start)) == (
            "Ysgol Newydd", "wales", "estyn-cif-2010", "2016-02-01"
        )


async def test_escape_cancels_a_new_case(make_app, casebook):
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await _loaded(pilot)
        await pilot.press("n", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CasebookScreen)
        assert casebook.count() == 0


async def test_duplicate_archive_and_show_archived(make_app, demo_casebook):
    total = demo_casebook.count()
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        table = await _loaded(pilot)
        provider = table.current.row.provider
        await pilot.press("d")
        table = await _loaded(pilot)
        assert len(table.lines) == total + 1 == demo_casebook.count()
        assert sum(line.row.provider in (provider, f"{provider} (copy)") for line in table.lines) == 2
        await pilot.press("a")  # archive the highlighted copy
        table = await _loaded(pilot)
        assert len(table.lines) == total
        assert demo_casebook.count(include_archived=True) == total + 1
        await pilot.press("A")  # show archived cases too, marked as such in words
        table = await _loaded(pilot)
        archived = [line for line in table.lines if line.status == "archived"]
        assert len(archived) == 1 and archived[0].row.provider == f"{provider} (copy)"
        assert "including archived" in str(pilot.app.screen.query_one("#casebook-status").render())


async def test_sort_cycles_and_says_so(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        table = await _loaded(pilot)
        await pilot.press("s")
        providers = [line.row.provider.lower() for line in table.lines]
        assert providers == sorted(providers)
        assert "sorted by provider" in str(pilot.app.screen.query_one("#casebook-status").render())


async def test_filter_by_status_words(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        table = await _loaded(pilot)
        overdue = sum(line.status == "overdue" for line in table.lines)
        assert overdue, "the demo casebook has overdue cases"
        await pilot.press("slash", *"overdue")
        assert len(table.lines) == overdue
        await pilot.press(*" zzzz")
        assert table.lines == [] and table.current is None
        await pilot.press("enter", "enter")  # nothing to open: nothing happens
        assert isinstance(pilot.app.screen, CasebookScreen)


async def test_archiving_a_case_changed_elsewhere_is_refused_with_a_message(make_app, demo_casebook):
    import attrs

    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        table = await _loaded(pilot)
        line = table.current
        stored = demo_casebook.get(line.id)  # someone else edits it after the list was read
        demo_casebook.update(line.id, attrs.evolve(stored.case, kind="monitoring-visit"), stored.version)
        await pilot.press("a")
        table = await _loaded(pilot)
        assert not demo_casebook.get(line.id).archived
        assert any("changed" in n.message.lower() for n in pilot.app._notifications)
