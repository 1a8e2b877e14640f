"""Help (F1): what the focused part of the screen is for, then every key with its binding id."""

from __future__ import annotations

from typing import NamedTuple

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Markdown

from inspectorate_tui.bindings import bindings
from inspectorate_tui.keymap import ACTIONS, keys_for
from inspectorate_tui.words import N_, _

GENERAL = N_("""\
## inspectorate

Every change is saved as you make it; there is nothing to save and quitting never loses work.
Ctrl+P opens the command palette, which reaches every action below by name.
""")

#: Where each binding applies, as help names it (the keymap's scopes).
SCOPES = {
    "everywhere": N_("everywhere"),
    "casebook": N_("casebook"),
    "case list": N_("case list"),
    "case": N_("case"),
    "evidence": N_("evidence"),
    "judgements": N_("judgements"),
    "recommendations": N_("recommendations"),
    "follow-up": N_("follow-up"),
    "reports": N_("reports"),
    "dialogs": N_("dialogs"),
    "dialogs with a form": N_("dialogs with a form"),
    "yes-or-no questions": N_("yes-or-no questions"),
    "help": N_("help"),
    "plugins": N_("plugins"),
    "history": N_("history"),
    "agenda": N_("agenda"),
    "compare": N_("compare"),
}


def help_for(widget: Widget | None) -> str:
    """The HELP text of the focused widget or the nearest part of the screen that has one, in the
    language spoken (each HELP is English marked ``N_``)."""
    node = widget
    while node is not None:
        text = getattr(type(node), "HELP", None)
        if text:
            return _(text)
        node = node.parent
    return ""


class KeyRow(NamedTuple):
    """One binding as help lists it, in the language spoken."""

    where: str
    keys: str
    what: str
    binding: str


#: The headings of help's list of keys, in the order of :class:`KeyRow`.
KEY_HEADINGS = (N_("Where"), N_("Keys"), N_("What it does"), N_("Binding id"))


def key_rows(keymap: dict[str, str]) -> list[KeyRow]:
    """Every binding of the keymap: where it applies, its keys (yours, else the default), what it does."""
    return [KeyRow(_(SCOPES.get(action.scope, action.scope)), keys_for(action.id, keymap).replace(",", ", "),
                   _(action.description), action.id) for action in ACTIONS]


class KeyList(Widget):
    """Every key, as one table that wraps to the dialog's width: one widget, where Markdown's table
    was one for each of its 268 cells and took over a second to open. Narrower than
    :data:`ROOMY` columns, each binding id goes under what its key does rather than beside it."""

    DEFAULT_CSS = "KeyList { height: auto; }"
    ROOMY = 90

    def __init__(self, rows: list[KeyRow], **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows = rows

    def render(self) -> Table:
        roomy = self.size.width >= self.ROOMY
        where, keys, what, binding = (_(heading) for heading in KEY_HEADINGS)
        table = Table(box=None, expand=True, padding=(0, 1), header_style="bold")
        table.add_column(where, ratio=1)
        table.add_column(keys, no_wrap=True)
        table.add_column(what if roomy else f"{what} ({binding})", ratio=3)
        if roomy:  # a binding id is typed into the keymap, so it is never cut
            table.add_column(binding, no_wrap=True)
        for row in self.rows:
            said = Text(row.what)
            if not roomy:
                said.append(f"\n{row.binding}", style="italic")
            table.add_row(row.where, Text(row.keys, style="bold"), said,
                          *([Text(row.binding, style="italic")] if roomy else []))
        return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings("help")

    def __init__(self, focused: Widget | None):
        super().__init__()
        self.focused_help = help_for(focused) or help_for(focused.screen if focused else None)

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "settings", None)
        keymap = keymap.keymap if keymap else {}
        text = "\n\n".join(
            part
            for part in (
                self.focused_help,
                _(GENERAL),
                _("## Keys\n\nRebind any of these in the `[keymap]` table of the configuration file "
                  "(`inspectorate locate config`; `inspectorate keys` lists them)."),
            )
            if part
        )
        with VerticalScroll(classes="dialog wide"):
            yield Markdown(text, id="help-text")
            yield KeyList(key_rows(keymap), id="help-keys")

    def action_dismiss(self) -> None:
        self.dismiss(None)
