"""A dialog holding typing that is neither saved nor cancelled keeps the app from quitting.

Quitting would lose it, and saving it unasked could store half a thought; so the app asks the
person to do one or the other first. A dialog opened and left as it was does not stand in the way.
"""

from __future__ import annotations

from textual.widgets import Input, Select, Static, TextArea

from inspectorate_tui.keymap import keys_for
from inspectorate_tui.words import _


def typed(screen) -> tuple:
    """What the screen's fields hold now."""
    return tuple(
        (widget.id, widget.text if isinstance(widget, TextArea) else widget.value)
        for widget in screen.query("Input, TextArea, Select")
        if isinstance(widget, Input | TextArea | Select)
    )


class KeepsTyping:
    """Mixed into a modal screen: ``keep_edits`` says why the app should not quit yet, or None."""

    #: The key that saves the dialog, when it is not the keymap's dialog.save (a prompt's Enter).
    SAVE_KEY: str | None = None

    def on_mount(self) -> None:
        self.call_after_refresh(self._remember_as_opened)  # after the dialog has filled its fields

    def _remember_as_opened(self) -> None:
        self._as_opened = typed(self)

    def keep_edits(self) -> str | None:
        if typed(self) == getattr(self, "_as_opened", None):
            return None
        titles = self.query(".dialog-title")
        title = str(titles.first(Static).render()) if titles else _("open")
        keymap = self.app.settings.keymap
        return _("The {title} dialog holds what you typed: {save} saves it, {cancel} discards it", title=title,
                 save=self.SAVE_KEY or keys_for("dialog.save", keymap), cancel=keys_for("dialog.cancel", keymap))
