"""What to compare a case with: another regime (its framework in force at the inspection) or any
other framework, the case's own regime's included, and a second one if wanted.

``CompareWithDialog`` returns the chosen regime or framework ids in order, or None on Escape.
"""

from __future__ import annotations

from inspectorate.model import Case
from inspectorate.plugins import PluginHost
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Label, Select, Static

from inspectorate_tui.dialogs.form import FormDialog, Invalid

FIELDS = (("with", "With"), ("and", "And with"))


def choices_for(host: PluginHost, case: Case) -> list[tuple[str, str]]:
    """Each other regime, then every framework but the case's own."""
    choices = [
        (f"{regime.name()} (its framework at the inspection)", regime.id)
        for regime in host.regimes.values()
        if regime.id != case.regime
    ]
    for framework in host.frameworks():
        if framework.id != case.framework:
            regime = host.regime(framework.regime)
            choices.append((f"{regime.name() if regime else framework.regime} · {framework.name()}", framework.id))
    return choices


class CompareWithDialog(FormDialog):
    HINT = "ctrl+s compares · Tab moves · Escape cancels"

    def __init__(self, host: PluginHost, case: Case, chosen: list[str] | None = None):
        super().__init__()
        self.case = case
        self.choices = choices_for(host, case)
        known = {value for _label, value in self.choices}
        self.chosen = [c for c in chosen or [] if c in known]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Compare the case with…", classes="dialog-title")
            yield Static(
                "Another regime, or another framework (of any regime, the case's own included): the case is "
                "carried through the common themes and run through its rules.",
                classes="dialog-hint",
            )
            with Grid(classes="form-grid"):
                for n, (field_id, label) in enumerate(FIELDS):
                    yield Label(label)
                    value = self.chosen[n] if n < len(self.chosen) else Select.NULL
                    prompt = "(optional)" if n else "(choose)"
                    yield Select(self.choices, prompt=prompt, id=f"compare-{field_id}", value=value)
            yield Static("", classes="dialog-error", id="error")
            yield from self.buttons()

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Static(self.HINT, classes="dialog-hint")
            yield Button("Compare", variant="primary", id="save")
            yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#compare-with", Select).focus()

    def result(self) -> list[str]:
        chosen = []
        for n, (field_id, _label) in enumerate(FIELDS):
            value = self.query_one(f"#compare-{field_id}", Select).value
            if value is Select.NULL:
                if n == 0:
                    raise Invalid("Choose a regime or a framework to compare the case with.", "compare-with")
                continue
            if value in chosen:
                raise Invalid("Choose something different the second time.", f"compare-{field_id}")
            chosen.append(str(value))
        return chosen
