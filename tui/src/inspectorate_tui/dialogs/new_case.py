"""A new case: the provider's name, the framework, the sector and (if known) the first day on site."""

from __future__ import annotations

import datetime as dt

from inspectorate.model import Case, InspectionDates, Provider
from inspectorate.plugins import PluginHost
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from inspectorate_tui.bindings import bindings


class NewCaseDialog(ModalScreen[Case | None]):
    BINDINGS = bindings("dialogs")

    def __init__(self, host: PluginHost, today: dt.date):
        super().__init__()
        self.host = host
        self.today = today
        self.frameworks = {f.id: f for f in host.frameworks()}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("New case", classes="dialog-title")
            with Grid(classes="form"):
                yield Label("Provider")
                yield Input(placeholder="Name of the school, college or partnership", id="new-provider")
                yield Label("Framework")
                options = [(f"{self.host.regime(f.regime).name()} · {f.name()}", f.id) for f in self.frameworks.values()]
                yield Select(options, id="new-framework", prompt="(choose the framework)")
                yield Label("Sector")
                yield Select([], id="new-sector", prompt="(choose the framework first)")
                yield Label("On site from")
                yield Input(placeholder="YYYY-MM-DD, if known", id="new-start")
            yield Static("", classes="dialog-error", id="error")
            yield Button("Create", variant="primary", id="create")
            yield Static("Tab moves between fields · Enter on Create · Escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#new-provider", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "new-framework" and event.value is not Select.NULL:
            framework = self.frameworks[str(event.value)]
            self.query_one("#new-sector", Select).set_options([(s.replace("-", " "), s) for s in framework.sectors])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.create()

    def create(self) -> None:
        error = self.query_one("#error", Static)
        name = self.query_one("#new-provider", Input).value.strip()
        framework_id = self.query_one("#new-framework", Select).value
        sector = self.query_one("#new-sector", Select).value
        start_text = self.query_one("#new-start", Input).value.strip()
        if not name:
            error.update("The provider needs a name.")
            return
        if framework_id is Select.NULL:
            error.update("Choose the framework the inspection is under.")
            return
        if sector is Select.NULL:
            error.update("Choose the provider's sector.")
            return
        try:
            start = dt.date.fromisoformat(start_text) if start_text else None
        except ValueError:
            error.update(f"{start_text!r} is not a date: write it as YYYY-MM-DD.")
            return
        framework = self.frameworks[str(framework_id)]
        regime = self.host.regime(framework.regime)
        nation = regime.nations[0] if regime and regime.nations else "england"
        self.dismiss(
            Case(
                provider=Provider(name=name, sector=str(sector), nation=nation),
                regime=framework.regime,
                framework=framework.id,
                kind=framework.visit_kinds[0] if framework.visit_kinds else "inspection",
                dates=InspectionDates(start=start),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
