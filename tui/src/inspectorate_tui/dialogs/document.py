"""How a letter or report is dated, addressed and signed. Returns DocumentDetails, or None on Escape.

A field left empty is as the template writes it; the dialog says what that is for each field.
"""

from __future__ import annotations

from inspectorate.model import DocumentDetails
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Label

from inspectorate_tui.dialogs.form import FormDialog, Invalid
from inspectorate_tui.dialogs.prompt import parse_date
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import _


class DocumentDialog(FormDialog):
    def __init__(self, title: str, details: DocumentDetails, undated: str):
        super().__init__()
        self.title_text = title
        self.details = details
        self.undated = undated

    def fields(self) -> ComposeResult:
        details = self.details
        with Grid(classes="form-grid"):
            yield Label(_("Date"))
            yield OneLineInput(details.date.isoformat() if details.date else "", placeholder=f"YYYY-MM-DD (empty: {self.undated})",
                               id="date", what="The date")
            yield Label(_("To"))
            yield OneLineInput(details.addressee, placeholder=_("empty: as the template addresses it"), id="addressee", what="To")
            yield Label(_("Signed"))
            yield OneLineInput(details.signatory, placeholder=_("empty: as the template signs it"), id="signatory", what="Signed")

    def on_mount(self) -> None:
        self.query_one("#date").focus()

    def result(self) -> DocumentDetails:
        typed = self.query_one("#date", Input).value.strip()
        try:
            date = parse_date(typed) if typed else None
        except ValueError as error:
            raise Invalid(_("{error}, or leave it empty for {undated}.", error=error, undated=self.undated), "date") from None
        return DocumentDetails(
            date=date,
            addressee=" ".join(self.query_one("#addressee", Input).value.split()),
            signatory=" ".join(self.query_one("#signatory", Input).value.split()),
        )
