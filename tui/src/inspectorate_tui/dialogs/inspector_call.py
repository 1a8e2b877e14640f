"""The areas an inspector's call names: a checklist of the framework's areas, sub-areas included.

Returns the ticked area ids in the framework's order (empty: the call is not made), or None when
Escape cancels. The call's full sentence, from the framework's data, is shown above the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.widgets import Label, SelectionList, Static

from inspectorate_tui.dialogs.form import FormDialog
from inspectorate_tui.dialogs.recommendation import AreaList
from inspectorate_tui.words import N_, _


class InspectorCallDialog(FormDialog):
    DEFAULT_CSS = """
    InspectorCallDialog AreaList { height: auto; max-height: 8; }
    """
    HINT = N_("Space ticks · ctrl+s saves · Esc cancels")

    def __init__(self, title: str, description: str, areas: Sequence[tuple[str, str]], named: Sequence[str]):
        super().__init__()
        self.title_text = title
        self.description = description
        self.areas = list(areas)
        self.named = set(named)

    def fields(self) -> ComposeResult:
        yield Static(self.description, classes="call-description", markup=False)
        yield Label(_("Areas it names (none ticked: the call is not made)"), classes="field-label")
        yield AreaList(*((label, area_id, area_id in self.named) for label, area_id in self.areas), id="areas")

    def on_mount(self) -> None:
        self.query_one("#areas").focus()

    def result(self) -> tuple[str, ...]:
        chosen = set(self.query_one("#areas", SelectionList).selected)
        return tuple(area_id for _label, area_id in self.areas if area_id in chosen)
