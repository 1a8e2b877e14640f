"""The footer every screen shows: its keys, with quit, help and the palette kept in view.

Textual's footer lists the focused widget's keys, then the screen's, then the app's, and cuts
what does not fit, so at 80 columns quit and help fell off the end. The keys the keymap marks
``pinned`` are moved into a group docked at the right edge; the others fill what is left.

The bindings' words are the keymap's English, marked for the catalogue (Textual builds bindings
when a class is defined, before a language is chosen): each key is told here, where the footer
reads them, in the language spoken.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from inspectorate_tui.keymap import ACTIONS
from inspectorate_tui.words import _

PINNED_ACTIONS = tuple(a.action for a in ACTIONS if a.pinned)


class KeyFooter(Footer):
    DEFAULT_CSS = """
    KeyFooter #pinned-keys { dock: right; width: auto; height: 1; border-left: vkey $foreground 20%; }
    KeyFooter #pinned-keys FooterKey.-command-palette { dock: none; border-left: none; padding-right: 0; }
    """

    #: What the keys shown were drawn from, so a focus change that leaves them the same (most do:
    #: a tab switch moves the focus several times) does not rebuild the footer.
    _shown: tuple | None = None
    #: A rebuild is waiting for the next refresh: further changes before it are drawn by it, not
    #: each by a rebuild of its own (a casebook loading changed the keys three times in a frame).
    _rebuild_waiting = False

    def bindings_changed(self, screen: Screen) -> None:
        # As Textual's footer (after the next refresh, with the app focused), but one rebuild
        # for every change until then, and none if the keys come out as they were.
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen and not self._rebuild_waiting:
            self._rebuild_waiting = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_waiting = False
        if self.is_attached and self._shown != self._keys_of(self.screen):
            await self.recompose()

    def _keys_of(self, screen: Screen) -> tuple:
        """The keys the footer draws: those shown, and the palette's (drawn though not "shown")."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple((binding.key, binding.action, binding.description, enabled, tooltip)
                     for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
                     if binding.show or key == palette)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys_of(self.screen)
        pinned: list[FooterKey] = []
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description) if widget.description else ""
                if widget.tooltip:
                    widget.tooltip = _(str(widget.tooltip))
            if isinstance(widget, FooterKey) and widget.action in PINNED_ACTIONS:
                pinned.append(widget)
            else:
                yield widget
        if pinned:
            pinned.sort(key=lambda key: PINNED_ACTIONS.index(key.action))
            with HorizontalGroup(id="pinned-keys"):
                yield from pinned
