"""Help (F1): what the focused part of the screen is for, then every key with its binding id."""

from __future__ import annotations

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


def keys_table(keymap: dict[str, str]) -> str:
    rows = [_("| Where | Keys | What it does | Binding id |"), "|---|---|---|---|"]
    for action in ACTIONS:
        keys = keys_for(action.id, keymap).replace(",", ", ")
        rows.append(f"| {_(SCOPES.get(action.scope, action.scope))} | `{keys}` | {_(action.description)} | `{action.id}` |")
    return "\n".join(rows)


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
                keys_table(keymap),
            )
            if part
        )
        with VerticalScroll(classes="dialog wide"):
            yield Markdown(text, id="help-text")

    def action_dismiss(self) -> None:
        self.dismiss(None)
