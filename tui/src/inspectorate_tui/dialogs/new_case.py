"""A new case: the provider's name, the framework, the sector and (if known) the first day on site.

``NewCaseDialog`` returns the new Case, or None when Escape cancels; ctrl+s creates it.
"""

from __future__ import annotations

from inspectorate.model import Case, InspectionDates, Provider
from inspectorate.plugins import PluginHost
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Label, Select

from inspectorate_tui.case_fields import FRAMEWORK, SECTOR, chosen, optional_date, provider_name, sentence
from inspectorate_tui.dialogs.compare_frameworks import framework_choices
from inspectorate_tui.dialogs.form import FormDialog, Invalid
from inspectorate_tui.labels import words
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import N_, _


class NewCaseDialog(FormDialog):
    HINT = N_("ctrl+s creates · Tab moves · Escape cancels")
    SAVE = N_("Create")
    title_text = N_("New case")

    def __init__(self, host: PluginHost):
        super().__init__()
        self.host = host
        self.frameworks = {f.id: f for f in host.frameworks()}

    def fields(self) -> ComposeResult:
        with Grid(classes="form-grid"):
            yield Label(_("Provider"))
            yield OneLineInput(placeholder=_("Name of the school, college or partnership"), id="new-provider", what="Provider")
            yield Label(_("Framework"))
            yield Select(framework_choices(self.host), id="new-framework", prompt=_("(choose the framework)"))
            yield Label(_("Sector"))
            yield Select([], id="new-sector", prompt=_("(choose the framework first)"))
            yield Label(_("On site from"))
            yield OneLineInput(placeholder=_("YYYY-MM-DD, if known"), id="new-start", what="The start date")

    def on_mount(self) -> None:
        self.query_one("#new-provider", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "new-framework" and event.value is not Select.NULL:
            framework = self.frameworks[str(event.value)]
            self.query_one("#new-sector", Select).set_options([(words(s), s) for s in framework.sectors])

    def result(self) -> Case:
        name = _checked("new-provider", provider_name, self.query_one("#new-provider", Input).value)
        framework_id = _checked("new-framework", chosen, _choice(self.query_one("#new-framework", Select)), FRAMEWORK)
        sector = _checked("new-sector", chosen, _choice(self.query_one("#new-sector", Select)), SECTOR)
        start = _checked("new-start", optional_date, self.query_one("#new-start", Input).value)
        framework = self.frameworks[framework_id]
        regime = self.host.regime(framework.regime)
        nation = regime.nations[0] if regime and regime.nations else "england"
        return Case(
            provider=Provider(name=name, sector=sector, nation=nation),
            regime=framework.regime,
            framework=framework.id,
            kind=framework.visit_kinds[0] if framework.visit_kinds else "inspection",
            dates=InspectionDates(start=start),
        )


def _choice(select: Select) -> str | None:
    return None if select.value is Select.NULL else str(select.value)


def _checked(field_id: str, check, *args):
    """``check(*args)``, its ValueError shown in the dialog with the focus on ``field_id``."""
    try:
        return check(*args)
    except ValueError as error:
        raise Invalid(sentence(error), field_id) from None
