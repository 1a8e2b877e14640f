"""Judgements: grades saved as chosen, proposals and findings beside them, overrides with reasons."""

from __future__ import annotations

import datetime as dt

from inspectorate.model import Case, Evidence, InspectionDates, Judgement, Provider
from inspectorate_tui.dialogs.prompt import TextPrompt
from inspectorate_tui.screens.case import CaseScreen
from textual.widgets import Select, Static

from tests.tui.conftest import SIZE, open_case

ESTYN_2010 = Case(
    provider=Provider("Ysgol y Dderwen", "school", "wales", local_authority="Cardiff"),
    regime="estyn",
    framework="estyn-cif-2010",
    dates=InspectionDates(start=dt.date(2015, 3, 9), end=dt.date(2015, 3, 12)),
    evidence=(Evidence("outcomes", "strength", "Pupils read well in Welsh and English."),),
)
EIF_2019 = Case(
    provider=Provider("Hillside Academy", "school", "england"),
    regime="ofsted",
    framework="ofsted-eif-2019",
    dates=InspectionDates(start=dt.date(2023, 3, 7), end=dt.date(2023, 3, 8)),
    judgements=(Judgement("quality-of-education", "inadequate"),),
)


async def _choose(pilot, screen: CaseScreen, area: str, grade: str) -> None:
    await pilot.press("f9")
    select = screen.query_one(f"#grade-{area}", Select)
    select.focus()
    select.value = grade
    await pilot.pause()
    await pilot.pause()


def _proposal(screen: CaseScreen, area: str) -> str:
    return str(screen.query_one(f"#proposal-{area}", Static).render())


async def test_agreeing_with_the_proposal_is_saved_at_once(make_app, casebook):
    case_id = casebook.add(ESTYN_2010).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        proposal = next(p for p in screen.session.evaluation.proposals if p.area == "outcomes")
        await _choose(pilot, screen, "outcomes", proposal.grade)
        assert isinstance(pilot.app.screen, CaseScreen)  # no question asked
        saved = casebook.get(case_id).case
        assert saved.grade("outcomes") == proposal.grade
        assert "saved, version 2" in str(screen.query_one("#case-title", Static).render())


async def test_an_override_records_the_reason_and_the_proposal_set_aside(make_app, casebook):
    """Estyn CIF 2010: the inspector may override a proposal with a reason."""
    case_id = casebook.add(ESTYN_2010).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await _choose(pilot, screen, "outcomes", "excellent")
        assert isinstance(pilot.app.screen, TextPrompt)
        await pilot.press("enter")  # an empty reason is refused
        assert isinstance(pilot.app.screen, TextPrompt)
        await pilot.press(*"Sector-leading reading work", "enter")
        await pilot.pause()
        saved = next(j for j in casebook.get(case_id).case.judgements if j.area == "outcomes")
        assert (saved.grade, saved.reason) == ("excellent", "Sector-leading reading work")
        assert saved.overridden_from not in (None, "excellent")
        assert saved.by == "Test Inspector"
        assert "Overridden from" in _proposal(screen, "outcomes")


async def test_cancelling_the_reason_keeps_the_stored_grade(make_app, casebook):
    case_id = casebook.add(ESTYN_2010).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await _choose(pilot, screen, "outcomes", "excellent")
        await pilot.press("escape")
        await pilot.pause()
        assert casebook.get(case_id).case.grade("outcomes") is None
        assert screen.query_one("#grade-outcomes", Select).value is Select.NULL


async def test_a_limiting_judgement_cannot_be_overridden_upward(make_app, casebook):
    """EIF 2019 (DOMAIN-NOTES, M): any key judgement inadequate makes overall effectiveness inadequate."""
    case_id = casebook.add(EIF_2019).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f9")
        assert "Inadequate" in _proposal(screen, "overall-effectiveness")
        await _choose(pilot, screen, "overall-effectiveness", "good")
        assert casebook.get(case_id).case.grade("overall-effectiveness") is None
        assert any("not allowed" in n.message for n in pilot.app._notifications)
        # Accepting the proposal (key a on the area) records it without asking anything.
        screen.query_one("#grade-overall-effectiveness", Select).focus()
        await pilot.press("a")
        await pilot.pause()
        assert casebook.get(case_id).case.grade("overall-effectiveness") == "inadequate"


async def test_a_grade_the_rules_would_cap_asks_for_a_reason_first(make_app, casebook):
    """Estyn 2010 guidance on sector-leading practice: 'excellent' needs many strengths and
    sector-leading practice, so choosing it without them is an override, asked for before saving."""
    case_id = casebook.add(ESTYN_2010).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await _choose(pilot, screen, "current-performance", "excellent")
        assert isinstance(pilot.app.screen, TextPrompt)
        assert casebook.get(case_id).case.grade("current-performance") is None  # nothing saved yet
        await pilot.press(*"Exceptional leadership", "enter")
        await pilot.pause()
        saved = next(j for j in casebook.get(case_id).case.judgements if j.area == "current-performance")
        assert (saved.grade, saved.overridden_from, saved.reason) == ("excellent", "good", "Exceptional leadership")
        findings = str(screen.query_one("#findings", Static).render())
        assert "excellent" in findings.lower()
        # ctrl+z undoes the whole override, and the findings follow.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert casebook.get(case_id).case.grade("current-performance") is None
        assert str(screen.query_one("#findings", Static).render()) != findings


async def test_inspector_calls_are_recorded_per_area(make_app, casebook):
    """CIF 2010 point 7: 'many strengths' is the inspector's call, recorded per area."""
    case_id = casebook.add(ESTYN_2010).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f9")
        box = screen.query_one("#call-many-strengths-outcomes")
        box.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert casebook.get(case_id).case.inspector_calls["many-strengths"] == ("outcomes",)


ESTYN_2022 = Case(
    provider=Provider("Partneriaeth Dysgu Glan Hafren", "adult-learning-in-the-community", "wales", local_authority="Powys"),
    regime="estyn",
    framework="estyn-2022",
    dates=InspectionDates(start=dt.date(2026, 11, 16), end=dt.date(2026, 11, 19)),
    evidence=(Evidence("safeguarding", "safeguarding-concern", "No suitability checks on volunteer tutors."),),
)


def _findings(screen: CaseScreen) -> str:
    return str(screen.query_one("#findings", Static).render())


async def test_a_call_in_a_framework_without_grades_names_a_sub_area_and_the_rules_follow(make_app, casebook):
    """Estyn 2022 grades nothing, so no area row carries the calls: the calls' own rows do, and a
    serious safeguarding concern recorded there brings the required-recommendation error and the
    wellbeing letter."""
    from inspectorate_tui.dialogs.inspector_call import InspectorCallDialog
    from textual.widgets import SelectionList

    case_id = casebook.add(ESTYN_2022).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f9")
        await pilot.pause()
        row = str(screen.query_one("#call-areas-safeguarding-cause-for-concern", Static).render())
        assert "not made" in row and "serious cause for concern" in row  # the framework's own words
        assert "estyn.safeguarding-recommendation" not in {f.rule for f in screen.session.evaluation.findings}
        screen.query_one("#edit-call-safeguarding-cause-for-concern").focus()
        await pilot.press("enter")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, InspectorCallDialog)
        areas = dialog.query_one(SelectionList)
        safeguarding = next(i for i in range(areas.option_count) if areas.get_option_at_index(i).value == "safeguarding")
        for _ in range(safeguarding):
            await pilot.press("down")
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        assert casebook.get(case_id).case.inspector_calls == {"safeguarding-cause-for-concern": ("safeguarding",)}
        assert "made for 4.2 Safeguarding" in str(screen.query_one("#call-areas-safeguarding-cause-for-concern", Static).render())
        assert "no recommendation is linked to safeguarding" in _findings(screen)
        assert "wellbeing-letter" in {e.id for e in screen.session.events}


async def test_withdrawing_a_call_by_ticking_no_area(make_app, casebook):
    import attrs

    case_id = casebook.add(attrs.evolve(ESTYN_2022, inspector_calls={"serious-shortcomings": ("learning",)})).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f9")
        await pilot.pause()
        screen.query_one("#edit-call-serious-shortcomings").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("space", "ctrl+s")  # the cursor starts on the first area, the ticked one
        await pilot.pause()
        await pilot.pause()
        assert casebook.get(case_id).case.inspector_calls == {}
        assert "not made" in str(screen.query_one("#call-areas-serious-shortcomings", Static).render())


async def test_every_area_and_its_proposal_can_be_reached_on_an_80_by_24_terminal(make_app, casebook):
    """On a short, narrow terminal the areas column scrolls through every area, each whole (its
    grade, the team's calls and the proposal, under the grade rather than squeezed beside it)."""
    from inspectorate_tui.tabs.judgements import AreaRow

    case_id = casebook.add(ESTYN_2010).id
    async with make_app(casebook).run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, case_id)
        await pilot.press("f9")
        await pilot.pause()
        rows = list(screen.query(AreaRow))
        assert len(rows) == len(screen.session.framework.graded_areas) > 2
        for row in rows:
            proposal = row.query_one(".proposal", Static)
            # The proposal sits under the grade, as wide as the row, and nothing of the row is cut off.
            assert proposal.region.width >= 30 or proposal.region.height == 0, row.area.id
            assert row.size.height >= row.query_one(Select).size.height + proposal.size.height
        last = rows[-1]
        last.query_one(Select).focus()  # Tab reaches it; the column scrolls it into view
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#areas-column").scroll_y > 0
        assert last.query_one(Select).region.height > 0  # on screen now


def test_the_team_s_calls_are_described_in_the_language_spoken(host):
    from inspectorate.i18n import speaking
    from inspectorate_tui.tabs.judgements import call_texts

    framework = host.framework("estyn-2024")
    with speaking("en"):
        assert call_texts(framework)["serious-shortcomings"].startswith("The team identifies serious shortcomings")
    with speaking("cy"):
        assert call_texts(framework)["serious-shortcomings"].startswith("Mae'r tîm yn nodi diffygion difrifol")
    assert call_texts(None) == {}
