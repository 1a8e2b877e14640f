"""The footer shows the keys of what has the focus, and is rebuilt only when those keys change."""

from __future__ import annotations

from inspectorate_tui.widgets.key_footer import KeyFooter
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from tests.tui.conftest import SIZE, open_case
from tests.tui.test_details_tab import RI_COLLEGE


def _shown(screen) -> list[FooterKey]:
    return list(screen.query_one(KeyFooter).query(FooterKey))


def _keys_for_focus(screen) -> set[str]:
    """The actions the focused widget, the screen and the app show, and the palette's key."""
    shown = {binding.action for _node, binding, _enabled, _tip in screen.active_bindings.values() if binding.show}
    return shown | {"command_palette"}


async def test_each_tab_shows_its_own_keys_in_the_footer(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        seen = set()
        for key in ("f8", "f9", "f10", "f11", "f12", "f7"):
            await pilot.press(key)
            await pilot.pause()
            shown = {footer_key.action for footer_key in _shown(screen)}
            assert shown == _keys_for_focus(screen), key
            seen.add(frozenset(shown))
        assert len(seen) > 1  # the tabs do differ, so a footer left as it was would be caught


async def test_moving_between_fields_with_the_same_keys_leaves_the_footer_as_it_is(make_app, casebook):
    """A tab switch moves the focus several times; rebuilding twenty keys each time was a third
    of what a switch cost."""
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        screen.query_one("#provider-name", Input).focus()
        await pilot.pause()
        before = _shown(screen)
        screen.query_one("#date-start", Input).focus()
        await pilot.pause()
        after = _shown(screen)
        assert [a is b for a, b in zip(before, after, strict=True)] == [True] * len(before)
