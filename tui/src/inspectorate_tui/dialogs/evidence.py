"""Adding or editing one piece of evidence: area, kind, what was found and where.

``EvidenceDialog`` returns the new Evidence, or None when Escape cancels.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from inspectorate.model import Evidence
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Label, Select, TextArea

from inspectorate_tui.dialogs.form import FormDialog, Invalid
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import N_, _


class EvidenceDialog(FormDialog):
    """Returns the Evidence as written, or None on Escape. Tags are kept as they were."""

    #: Each field of a piece of evidence as the dialog names it (history uses the same words).
    LABELS = {"area": N_("Area"), "kind": N_("Kind"), "text": N_("What was found"), "source": N_("Source")}

    def __init__(
        self,
        title: str,
        areas: Sequence[tuple[str, str]],
        kinds: Sequence[tuple[str, str]],
        evidence: Evidence | None = None,
        area: str | None = None,
    ):
        super().__init__()
        self.title_text = title
        self.areas = list(areas)
        self.kinds = list(kinds)
        self.evidence = evidence
        self.default_area = evidence.area if evidence else area

    def fields(self) -> ComposeResult:
        evidence = self.evidence
        area_ids = {area_id for _label, area_id in self.areas}
        kind_ids = {kind_id for _label, kind_id in self.kinds}
        with Grid(classes="form-grid"):
            yield Label(self.LABELS["area"])
            yield Select(
                self.areas,
                prompt=_("(choose the area)"),
                id="area",
                value=self.default_area if self.default_area in area_ids else Select.NULL,
            )
            yield Label(self.LABELS["kind"])
            yield Select(
                self.kinds,
                prompt=_("(choose the kind)"),
                id="kind",
                value=evidence.kind if evidence and evidence.kind in kind_ids else Select.NULL,
            )
        yield Label(self.LABELS["text"], classes="field-label")
        yield TextArea(evidence.text if evidence else "", id="text", soft_wrap=True, tab_behavior="focus")
        with Grid(classes="form-grid"):
            yield Label(self.LABELS["source"])
            yield OneLineInput(
                evidence.source if evidence else "",
                placeholder=_("where it comes from: lesson observation, book scrutiny, meeting…"),
                id="source",
                what=_(self.LABELS["source"]),
            )

    def on_mount(self) -> None:
        if self.evidence is not None:
            self.query_one("#text").focus()
        else:
            self.query_one("#kind" if self.default_area else "#area").focus()

    def result(self) -> Evidence:
        area = self.query_one("#area", Select).value
        kind = self.query_one("#kind", Select).value
        text = self.query_one("#text", TextArea).text.strip()
        source = self.query_one("#source", Input).value.strip()
        if area is Select.NULL:
            raise Invalid(_("Choose the area the evidence is about."), "area")
        if kind is Select.NULL:
            raise Invalid(_("Choose the kind of evidence."), "kind")
        if not text:
            raise Invalid(_("Write what was found (Escape cancels)."), "text")
        if self.evidence is not None:
            return attrs.evolve(self.evidence, area=str(area), kind=str(kind), text=text, source=source)
        return Evidence(area=str(area), kind=str(kind), text=text, source=source)
