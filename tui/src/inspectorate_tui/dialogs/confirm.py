"""A yes-or-no question that returns True or False: y or Enter answers yes, n or Escape no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.words import N_, _


class Confirm(ModalScreen[bool]):
    BINDINGS = [
        *bindings("yes-or-no questions"),
    ]

    def __init__(self, title: str, question: str, yes: str = N_("Yes"), no: str = N_("No")):
        super().__init__()
        self.title_text = title
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # Plain text, not markup: the question names files and things from the case.
            yield Static(_(self.title_text), classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield Label(self.question, markup=False)
            yield Static(_("y or Enter: {yes} · n or Escape: {no}", yes=_(self.yes), no=_(self.no)),
                         classes="dialog-hint dialog-foot", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
