"""What to compare: a few choices from a list (frameworks, regimes), the first ones required.

Two dialogs ask this: which frameworks to compare with each other, and what to compare a case
with. Each is this form with its own title, words and choices; it returns the chosen ids in order,
or None when Escape cancels.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Label, Select, Static

from inspectorate_tui.dialogs.form import FormDialog, Invalid
from inspectorate_tui.words import N_, _


class CompareChoiceDialog(FormDialog):
    HINT = N_("ctrl+s compares · Tab moves · Escape cancels")
    SAVE = N_("Compare")
    TITLE = ""
    INTRO = ""
    #: (field id, label, prompt); fields before ``REQUIRED`` must be chosen.
    FIELDS: tuple[tuple[str, str, str], ...] = ()
    REQUIRED = 1
    MISSING = N_("Choose the {label}.")
    REPEATED = N_("Choose a different one each time: the same one twice compares nothing.")

    def __init__(self, choices: list[tuple[str, str]], chosen: list[str] | None = None):
        super().__init__()
        self.choices = choices
        known = {value for _label, value in choices}
        self.chosen = [c for c in chosen or [] if c in known]
        self.title_text = _(self.TITLE)

    def fields(self) -> ComposeResult:
        yield Static(_(self.INTRO), classes="dialog-hint")
        with Grid(classes="form-grid"):
            for n, (field_id, label, prompt) in enumerate(self.FIELDS):
                yield Label(_(label))
                value = self.chosen[n] if n < len(self.chosen) else Select.NULL
                yield Select(self.choices, prompt=_(prompt), id=f"compare-{field_id}", value=value)

    def on_mount(self) -> None:
        first_empty = min(len(self.chosen), len(self.FIELDS) - 1)
        self.query_one(f"#compare-{self.FIELDS[first_empty][0]}", Select).focus()

    def result(self) -> list[str]:
        chosen = []
        for n, (field_id, label, _prompt) in enumerate(self.FIELDS):
            value = self.query_one(f"#compare-{field_id}", Select).value
            if value is Select.NULL:
                if n < self.REQUIRED:
                    raise Invalid(_(self.MISSING, label=_(label).lower()), f"compare-{field_id}")
                continue
            if value in chosen:
                raise Invalid(_(self.REPEATED), f"compare-{field_id}")
            chosen.append(str(value))
        return chosen
