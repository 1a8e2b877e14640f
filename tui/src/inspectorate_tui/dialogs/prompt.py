"""Small modal questions that return a value: a line of text, a date. Escape cancels (None)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.dialogs.unsaved import KeepsTyping
from inspectorate_tui.markup import escape
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import _


def parse_date(text: str) -> dt.date:
    """``text`` as a YYYY-MM-DD date, or ValueError saying how to write it (no full stop)."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("{text!r} is not a date: write it as YYYY-MM-DD", text=text)) from None


class TextPrompt(KeepsTyping, ModalScreen[str | None]):
    """Ask for one line of text; Enter answers, Escape cancels. Empty answers are refused."""

    BINDINGS = bindings("dialogs")
    SAVE_KEY = "enter"

    def __init__(self, title: str, question: str, value: str = "", placeholder: str = "", allow_empty: bool = False):
        super().__init__()
        self.title_text = title
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # Plain text, not markup: titles and questions name areas, events and files.
            yield Static(_(self.title_text), classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield Label(self.question, markup=False)
                yield OneLineInput(self.value, placeholder=self.placeholder, id="answer", what=_("The answer"))
            with Vertical(classes="dialog-foot"):
                yield Static("", classes="dialog-error", id="error")
                yield Static(_("Enter to confirm · Escape to cancel"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def check(self, value: str):
        """The answer to return, or raise ValueError with a message to show."""
        if not value.strip() and not self.allow_empty:
            raise ValueError(_("An answer is needed (Escape cancels)."))
        return value.strip()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            answer = self.check(event.value)
        except ValueError as error:
            self.query_one("#error", Static).update(escape(str(error)))
            return
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DatePrompt(TextPrompt):
    """Ask for a date as YYYY-MM-DD (prefilled, usually with today)."""

    def __init__(self, title: str, question: str, value: dt.date | None = None):
        super().__init__(title, question, value.isoformat() if value else "", placeholder="YYYY-MM-DD")

    def check(self, value: str):
        return parse_date(value)
