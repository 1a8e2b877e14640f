"""A new case: the provider's name, the framework, the sector and (if known) the first day on site.

``NewCaseDialog`` returns the new Case, or None when Escape cancels; ctrl+s creates it.
"""

from __future__ import annotations

from inspectorate.model import Case, InspectionDates, Provider
from inspectorate.plugins import PluginHost
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Select, Static

from inspectorate_tui.dialogs.compare_frameworks import framework_choices
from inspectorate_tui.dialogs.form import FormDialog, Invalid
from inspectorate_tui.dialogs.prompt import parse_date
from inspectorate_tui.labels import words
from inspectorate_tui.widgets.one_line_input import OneLineInput


class NewCaseDialog(FormDialog):
    HINT = "ctrl+s creates · Tab moves · Escape cancels"
    SAVE = "Create"

    def __init__(self, host: PluginHost):
        super().__init__()
        self.host = host
        self.frameworks = {f.id: f for f in host.frameworks()}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("New case", classes="dialog-title")
            with Grid(classes="form"):
                yield Label("Provider")
                yield OneLineInput(placeholder="Name of the school, college or partnership", id="new-provider", what="Provider")
                yield Label("Framework")
                yield Select(framework_choices(self.host), id="new-framework", prompt="(choose the framework)")
                yield Label("Sector")
                yield Select([], id="new-sector", prompt="(choose the framework first)")
                yield Label("On site from")
                yield OneLineInput(placeholder="YYYY-MM-DD, if known", id="new-start", what="The start date")
            yield Static("", classes="dialog-error", id="error")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#new-provider", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "new-framework" and event.value is not Select.NULL:
            framework = self.frameworks[str(event.value)]
            self.query_one("#new-sector", Select).set_options([(words(s), s) for s in framework.sectors])

    def result(self) -> Case:
        name = self.query_one("#new-provider", Input).value.strip()
        framework_id = self.query_one("#new-framework", Select).value
        sector = self.query_one("#new-sector", Select).value
        start_text = self.query_one("#new-start", Input).value
        if not name:
            raise Invalid("The provider needs a name.", "new-provider")
        if framework_id is Select.NULL:
            raise Invalid("Choose the framework the inspection is under.", "new-framework")
        if sector is Select.NULL:
            raise Invalid("Choose the provider's sector.", "new-sector")
        try:
            start = parse_date(start_text) if start_text.strip() else None
        except ValueError as error:
            raise Invalid(f"{error}.", "new-start") from None
        framework = self.frameworks[str(framework_id)]
        regime = self.host.regime(framework.regime)
        nation = regime.nations[0] if regime and regime.nations else "england"
        return Case(
            provider=Provider(name=name, sector=str(sector), nation=nation),
            regime=framework.regime,
            framework=framework.id,
            kind=framework.visit_kinds[0] if framework.visit_kinds else "inspection",
            dates=InspectionDates(start=start),
        )
