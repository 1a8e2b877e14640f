"""A modal form: it builds its answer or says, inside the dialog, what is wrong.

Every form has the same frame: its title at the top, its fields in a body that scrolls, and the
error line and buttons at the bottom, so on a small terminal (80x24) the fields scroll while the
error and the way out stay in view.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.dialogs.unsaved import KeepsTyping
from inspectorate_tui.markup import escape
from inspectorate_tui.words import N_, _


class Invalid(ValueError):
    """What is wrong with the form, and the id of the field to put the focus on."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


class FormDialog(KeepsTyping, ModalScreen):
    """A modal form: ``result()`` builds the answer or raises Invalid; ctrl+s saves; Escape cancels."""

    BINDINGS = [
        *bindings("dialogs"),
        *bindings("dialogs with a form"),
    ]
    DEFAULT_CSS = """
    FormDialog .form-grid { grid-size: 2; grid-columns: 12 1fr; grid-rows: auto; grid-gutter: 0 1; height: auto; }
    FormDialog .form-grid Label { padding: 1 0 0 0; color: $text-muted; }
    FormDialog .field-label { color: $text-muted; margin-top: 1; }
    FormDialog TextArea { height: 6; }
    FormDialog .dialog-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    FormDialog .dialog-buttons Button { margin-left: 2; min-width: 12; }
    FormDialog .dialog-hint { width: 1fr; }
    """
    HINT = N_("ctrl+s saves · Tab moves · Escape cancels")
    #: The word on the button that does what ctrl+s does.
    SAVE = N_("Save")
    #: The dialog's title (plain text: it may name things from the case).
    title_text = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_(self.title_text), classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield from self.fields()
            with Vertical(classes="dialog-foot"):
                yield Static("", classes="dialog-error", id="error")
                yield from self.buttons()

    def fields(self) -> ComposeResult:
        """The form's labels and fields, in the body that scrolls."""
        raise NotImplementedError

    def result(self):
        raise NotImplementedError

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Static(_(self.HINT), classes="dialog-hint")
            yield Button(_(self.SAVE), variant="primary", id="save")
            yield Button(_("Cancel"), id="cancel")

    def show_error(self, message: str) -> None:
        self.query_one("#error", Static).update(f"✖ {escape(message)}")  # it may quote what was typed

    def action_save(self) -> None:
        try:
            answer = self.result()
        except Invalid as problem:
            self.show_error(str(problem))
            self.query_one(f"#{problem.field}").focus()
            return
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
