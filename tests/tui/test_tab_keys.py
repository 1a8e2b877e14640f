"""The keys that switch tabs never type into a field, wherever the focus is."""

from __future__ import annotations

from inspectorate_tui.keymap import keys_for
from inspectorate_tui.tabs import TABS
from textual import events
from textual.widgets import Input, TabbedContent

from tests.tui.conftest import SIZE, open_case
from tests.tui.test_details_tab import RI_COLLEGE


def key_of(action_id: str) -> str:
    return keys_for(action_id).split(",")[0]


async def test_every_tab_key_leaves_a_focused_field_as_it_was(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        tabs = screen.query_one(TabbedContent)
        for field_id in ("provider-name", "date-start", "team-nominee"):
            for tab_id, _title, _class in TABS:
                await pilot.press(key_of("case.tab-details"))
                box = screen.query_one(f"#{field_id}", Input)
                box.focus()
                await pilot.pause()
                await pilot.press(key_of(f"case.tab-{tab_id}"))
                await pilot.pause()
                assert tabs.active == tab_id
        await pilot.press(key_of("case.tab-details"), key_of("case.tab-evidence"), key_of("case.tab-details"))
        await pilot.pause()
        assert screen.query_one("#provider-name", Input).value == "Riverside College"
        assert screen.query_one("#date-start", Input).value == "2013-03-04"
        assert casebook.get(case_id).version == 1  # nothing was typed, so nothing saved


async def test_next_and_previous_tab_go_round_from_a_field(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        tabs = screen.query_one(TabbedContent)
        screen.query_one("#provider-name", Input).focus()
        seen = []
        for _ in TABS:
            await pilot.press(key_of("case.tab-next"))
            await pilot.pause()
            seen.append(tabs.active)
        assert seen == [tab_id for tab_id, _t, _c in TABS[1:]] + ["details"]
        await pilot.press(key_of("case.tab-previous"))
        await pilot.pause()
        assert tabs.active == "reports"
        assert casebook.get(case_id).case.provider.name == "Riverside College"



async def test_two_tab_keys_that_arrive_together_leave_the_second_tab_in_view(make_app, casebook):
    """A loaded terminal hands over F9 and F7 at once. Judgements builds its grades and takes the
    focus a moment after it is shown; that must not bring it back over Details, where what is typed
    next belongs in the provider's name, not in a grade list."""
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        tabs = screen.query_one(TabbedContent)
        for first in ("judgements", "follow-up", "reports", "judgements"):
            for key in (key_of(f"case.tab-{first}"), key_of("case.tab-details")):
                pilot.app.post_message(events.Key(key, None))  # both queued before either is handled
            await pilot.pause()
            await pilot.pause()
            assert tabs.active == "details", f"after {first}"
            assert screen.focused is screen.query_one("#provider-name", Input), f"after {first}"
        await pilot.press("end", "X")
        assert screen.query_one("#provider-name", Input).value == "Riverside CollegeX"
