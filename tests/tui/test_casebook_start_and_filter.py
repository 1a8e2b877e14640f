"""The casebook: how to start when it is empty, copies told apart, and a filter that finds a case
by its team, its identifiers or its evidence as well as by its columns."""

from __future__ import annotations

from inspectorate.model import Case, Evidence, Provider, Team
from inspectorate_tui.dialogs.new_case import NewCaseDialog
from inspectorate_tui.screens.casebook import CasebookScreen
from inspectorate_tui.widgets.case_table import CaseTable

from tests.tui.conftest import SIZE, case_id_of, casebook_loaded, screen_text


async def test_an_empty_casebook_says_how_to_start(make_app, casebook):
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        assert "No cases yet. n: new case; inspectorate import FILE" in screen_text(pilot.app)
        await pilot.press("n")  # and the key it names does it
        await pilot.pause()
        assert isinstance(pilot.app.screen, NewCaseDialog)


async def test_a_filter_that_matches_nothing_says_so(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("slash", *"zzqx")
        await pilot.pause()
        assert "No case matches “zzqx”" in screen_text(pilot.app)


async def test_a_duplicate_is_named_as_a_copy_and_highlighted(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("slash", *"riverside", "enter")
        await pilot.press("d")
        await casebook_loaded(pilot)
        table = pilot.app.screen.query_one(CaseTable)
        assert table.current.row.provider == "Riverside College (copy)"
        assert "Riverside College (copy)" in screen_text(pilot.app)
        original = case_id_of(demo_casebook, "Riverside College")
        table.cursor = next(n for n, line in enumerate(table.lines) if line.id == original)
        await pilot.press("d")  # a second copy of the original is told apart from the first
        await casebook_loaded(pilot)
        assert table.current.row.provider == "Riverside College (copy 2)"
        names = {row.provider for row in demo_casebook.list_cases() if row.provider.startswith("Riverside")}
        assert names == {"Riverside College", "Riverside College (copy)", "Riverside College (copy 2)"}


def _add_found_case(casebook) -> str:
    case = Case(
        Provider("Ashgrove Primary School", "school", "england", identifiers={"urn": "139876", "ukprn": "10012345"}),
        "ofsted",
        "ofsted-eif-2019",
        team=Team(reporting_inspector="Priya Chaudhry", team_inspectors=("Tom Whitlock",)),
        evidence=[Evidence("quality-of-education", "strength", "Phonics is taught with precision from Reception")],
    )
    return casebook.add(case).id


async def test_the_filter_finds_a_case_by_evidence_team_and_identifiers(make_app, demo_casebook):
    case_id = _add_found_case(demo_casebook)
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        table = pilot.app.screen.query_one(CaseTable)
        await pilot.press("slash")
        for words in ("phonics precision", "priya", "whitlock", "139876", "ukprn 10012345"):
            pilot.app.screen.query_one("#filter").value = ""
            await pilot.press(*words)
            await pilot.pause()
            assert [line.id for line in table.lines] == [case_id], words
            assert "Ashgrove Primary School" in screen_text(pilot.app)


async def test_typing_n_in_the_filter_filters_and_opens_no_dialog(make_app, demo_casebook):
    async with make_app(demo_casebook).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("slash", *"new n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CasebookScreen)
        assert pilot.app.screen.query_one("#filter").value == "new n"
