"""Which frameworks to compare: two, and a third if wanted, from every loaded regime.

``CompareFrameworksDialog`` returns the chosen framework ids in order, or None when Escape cancels.
"""

from __future__ import annotations

from inspectorate.plugins import PluginHost
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Label, Select, Static

from inspectorate_tui.dialogs.form import FormDialog, Invalid

FIELDS = (("first", "First"), ("second", "Second"), ("third", "Third"))


class CompareFrameworksDialog(FormDialog):
    HINT = "ctrl+s compares · Tab moves · Escape cancels"

    def __init__(self, host: PluginHost, first: str | None = None):
        super().__init__()
        self.choices = []
        for framework in host.frameworks():
            regime = host.regime(framework.regime)
            self.choices.append((f"{regime.name() if regime else framework.regime} · {framework.name()}", framework.id))
        known = {framework_id for _label, framework_id in self.choices}
        self.first = first if first in known else None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Compare frameworks", classes="dialog-title")
            yield Static(
                "Scales, areas by theme, what triggers follow-up, timing rules and their sources, "
                "what each report contains.",
                classes="dialog-hint",
            )
            with Grid(classes="form-grid"):
                for field_id, label in FIELDS:
                    yield Label(label)
                    value = self.first if field_id == "first" and self.first else Select.NULL
                    prompt = "(optional)" if field_id == "third" else "(choose a framework)"
                    yield Select(self.choices, prompt=prompt, id=f"compare-{field_id}", value=value)
            yield Static("", classes="dialog-error", id="error")
            yield from self.buttons()

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Static(self.HINT, classes="dialog-hint")
            yield Button("Compare", variant="primary", id="save")
            yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#compare-second" if self.first else "#compare-first", Select).focus()

    def result(self) -> list[str]:
        chosen = []
        for field_id, label in FIELDS:
            value = self.query_one(f"#compare-{field_id}", Select).value
            if value is Select.NULL:
                if field_id != "third":
                    raise Invalid(f"Choose the {label.lower()} framework to compare.", f"compare-{field_id}")
                continue
            if value in chosen:
                raise Invalid("Choose a different framework for each: the same one twice compares nothing.", f"compare-{field_id}")
            chosen.append(str(value))
        return chosen
