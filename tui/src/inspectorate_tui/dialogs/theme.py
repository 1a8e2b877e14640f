"""The theme, chosen from a list (F3): each one is tried on the screen as it is highlighted.

Enter keeps the highlighted theme (the app writes it to the configuration file); Escape puts the
one in use before back. ``ThemeDialog`` returns the name chosen, or None.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from inspectorate_tui.bindings import bindings
from inspectorate_tui.themes import HIGH_CONTRAST
from inspectorate_tui.words import N_, _

#: What a theme's name does not say, shown beside it.
NOTES = {HIGH_CONTRAST.name: N_("yellow focus, white field edges")}


class ThemeDialog(ModalScreen[str | None]):
    BINDINGS = bindings("dialogs")
    DEFAULT_CSS = """
    ThemeDialog OptionList { height: auto; max-height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        self.before = self.app.theme
        with Vertical(classes="dialog"):
            yield Static(_("Theme"), classes="dialog-title")
            yield OptionList(*(self._option(name) for name in sorted(self.app.available_themes)), id="themes")
            yield Static(_("↑↓ tries a theme · Enter keeps it · Escape goes back to the one before"), classes="dialog-hint dialog-foot")

    def _option(self, name: str) -> Option:
        mark = "✓" if name == self.before else " "
        note = f" · {_(NOTES[name])}" if name in NOTES else ""
        return Option(f"{mark} {name}{note}", id=name)

    def on_mount(self) -> None:
        themes = self.query_one(OptionList)
        themes.highlighted = themes.get_option_index(self.before) if self.before in self.app.available_themes else 0
        themes.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.app.theme = event.option.id  # tried, not kept until Enter

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.app.theme = self.before
        self.dismiss(None)
