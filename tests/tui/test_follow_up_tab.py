"""The Follow-up tab, driven with the Pilot: the timeline, its sources, marking events done."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from inspectorate.casefile import read_case_file
from inspectorate.evaluation import summary
from inspectorate_tui.dialogs.prompt import DatePrompt
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.tabs.follow_up import FollowUpTab
from rich.console import Console
from textual.widgets import DataTable, Static

from tests.tui.conftest import SIZE

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
#: A day in the Ofsted RI example's follow-up: the improvement visit is due soon.
RI_TODAY = dt.date(2013, 5, 20)


@pytest.fixture
def ri_case_id(casebook, host) -> str:
    case = read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml", host)
    return casebook.add(case, summary=summary(host, case, RI_TODAY)).id


async def open_follow_up(pilot, case_id: str) -> FollowUpTab:
    await pilot.app.workers.wait_for_complete()
    pilot.app.screen.open_case(case_id)
    await pilot.pause()
    assert isinstance(pilot.app.screen, CaseScreen)
    await pilot.press("f11")
    await pilot.pause()
    return pilot.app.screen.query_one(FollowUpTab)


def rows(tab: FollowUpTab) -> dict[str, list[str]]:
    table = tab.query_one("#fu-events", DataTable)
    return {str(key.value): [str(cell) for cell in table.get_row(key)] for key in table.rows}


def text_of(tab: FollowUpTab, selector: str) -> str:
    """What a Static shows, as plain text (markup, Rich text or a group of renderables)."""
    content = tab.query_one(selector, Static).content
    if isinstance(content, str):
        return str(tab.query_one(selector, Static).render())
    console = Console(width=400, file=io.StringIO(), record=True)
    console.print(content)
    return console.export_text()


async def test_events_listed_in_date_order_with_status_words(make_app, casebook, ri_case_id):
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_follow_up(pilot, ri_case_id)
        listed = rows(tab)
        assert list(listed) == ["improvement-visit", "re-inspection-notice", "re-inspection", "improvement-letter"]
        assert listed["improvement-visit"][0] == "! due soon"
        assert listed["improvement-visit"][2] == "2013-04-26 – 2013-05-28"
        assert listed["improvement-visit"][4] == "report published 2013-04-12"
        assert listed["re-inspection"][0] == "○ upcoming"
        assert listed["improvement-letter"][0] == "… waiting"
        assert listed["improvement-letter"][2] == "date not yet known"
        assert "Support and challenge (requires improvement)" in text_of(tab, "#fu-category")
        assert tab.query_one("#fu-events", DataTable).has_focus


async def test_highlighted_event_shows_its_citation_and_provenance(make_app, casebook, ri_case_id):
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_follow_up(pilot, ri_case_id)
        detail = text_of(tab, "#fu-detail")
        assert "Improvement visit by the improvement HMI" in detail
        assert "ofsted-2013-support-and-challenge-fes-requires-improvement.txt, paragraph 10" in detail
        assert "normally between 10 and 30 working days" in detail
        assert "ofsted-2012.improvement-visit" in detail
        await pilot.press("down", "down")  # the re-inspection: its date depends on a reading
        detail = text_of(tab, "#fu-detail")
        assert "Re-inspection" in detail and "paragraph 12" in detail
        assert "ofsted-2012.reinspection-ri" in detail
        assert "calendar months" in detail
        assert "inspection-end (reinspection anchor): count from the last day of the inspection" in detail


async def test_mark_done_saves_the_date_and_dependent_dates_recompute(make_app, casebook, ri_case_id):
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_follow_up(pilot, ri_case_id)
        await pilot.press("d")
        prompt = pilot.app.screen
        assert isinstance(prompt, DatePrompt)
        assert prompt.query_one("#answer").value == RI_TODAY.isoformat()
        prompt.query_one("#answer").value = "2013-05-15"
        await pilot.press("enter")
        await pilot.pause()
        assert casebook.get(ri_case_id).case.follow_up.done == {"improvement-visit": dt.date(2013, 5, 15)}
        listed = rows(tab)
        assert listed["improvement-visit"][0] == "✓ done 2013-05-15"
        # The letter is due five working days after the visit: now it has a date.
        assert listed["improvement-letter"][0] == "! due soon"
        assert listed["improvement-letter"][2] == "by 2013-05-22"
        assert listed["improvement-letter"][4] == "improvement visit 2013-05-15"
        assert list(listed)[0] == "improvement-letter"  # date order
        assert tab.current.id == "improvement-visit"  # the highlight stays on the event marked


async def test_mark_not_done_removes_the_mark(make_app, casebook, ri_case_id):
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_follow_up(pilot, ri_case_id)
        await pilot.press("d", "enter")
        await pilot.pause()
        assert casebook.get(ri_case_id).case.follow_up.done == {"improvement-visit": RI_TODAY}
        await pilot.press("u")
        await pilot.pause()
        assert casebook.get(ri_case_id).case.follow_up.done == {}
        assert rows(tab)["improvement-letter"][0] == "… waiting"
        assert casebook.history(ri_case_id)[0].label.endswith("marked not done")


async def test_escape_in_the_date_prompt_saves_nothing(make_app, casebook, ri_case_id):
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        await open_follow_up(pilot, ri_case_id)
        version = casebook.get(ri_case_id).version
        await pilot.press("d")
        assert isinstance(pilot.app.screen, DatePrompt)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseScreen)
        stored = casebook.get(ri_case_id)
        assert stored.version == version and stored.case.follow_up.done == {}


@pytest.mark.parametrize("typed, message", [("15/05/2013", "is not a date"), ("2013-06-01", "after today")])
async def test_an_invalid_or_future_date_is_refused(make_app, casebook, ri_case_id, typed, message):
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        await open_follow_up(pilot, ri_case_id)
        await pilot.press("d")
        prompt = pilot.app.screen
        prompt.query_one("#answer").value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is prompt
        assert message in str(prompt.query_one("#error", Static).render())
        await pilot.press("escape")
        assert casebook.get(ri_case_id).case.follow_up.done == {}


async def test_timeline_draws_windows_and_today(make_app, casebook, ri_case_id):
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_follow_up(pilot, ri_case_id)
        drawn = text_of(tab, "#fu-timeline")
        assert "▲ today 2013-05-20" in drawn
        assert "├" in drawn and "┤" in drawn
        assert "1 event waiting" in drawn


async def test_secondary_sources_and_statutory_events_are_marked(make_app, casebook, host):
    case = read_case_file(EXAMPLES / "estyn-cif-2010-excellent-school.toml", host)
    case_id = casebook.add(case).id
    async with make_app(casebook, today=dt.date(2015, 2, 2)).run_test(size=SIZE) as pilot:
        tab = await open_follow_up(pilot, case_id)
        assert "Follow-up for schools [H]:" in text_of(tab, "#fu-category")  # the confidence, not eaten as markup
        listed = rows(tab)
        assert listed["development-plan"][3] == "§ yes"



def test_a_reading_is_explained_in_the_language_spoken(host):
    """The framework's words for a reading are its Welsh when the app speaks Welsh; the ids stay."""
    from inspectorate.i18n import speaking
    from inspectorate.model import Case, Provider
    from inspectorate_tui.tabs.follow_up import reading_label

    framework = host.framework("estyn-2024")
    case = Case(provider=Provider("Ysgol y Dderwen", "school", "wales"), regime="estyn", framework="estyn-2024")
    with speaking("en"):
        english = reading_label(framework, case, "report-published")
    with speaking("cy"):
        welsh = reading_label(framework, case, "report-published")
    assert english == ("report-published (action plan anchor): count the working days for the post-inspection "
                       "action plan from publication of the report")
    assert welsh.startswith("report-published (") and "cynllun gweithredu ôl-arolygiad" in welsh
