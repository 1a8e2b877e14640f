"""Adding or editing one piece of evidence: area, kind, what was found and where.

``EvidenceDialog`` returns the new Evidence, or None when Escape cancels. ``FormDialog`` and
``area_choices`` are shared with the recommendation dialogs: a form that saves with ctrl+s (or
Enter in a one-line field), shows what is wrong inside the dialog, and cancels with Escape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
from inspectorate.frameworks import Area, Framework
from inspectorate.model import Evidence
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from inspectorate_tui.bindings import bindings


def words(identifier: str) -> str:
    """An identifier as the person reads it: ``area-for-improvement`` -> ``area for improvement``."""
    return identifier.replace("-", " ")


def _depth(framework: Framework, area: Area) -> int:
    depth, seen = 0, {area.id}
    while area.parent and (parent := framework.area(area.parent)) and parent.id not in seen:
        depth, area = depth + 1, parent
        seen.add(area.id)
    return depth


def area_choices(framework: Framework | None, keep: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(label, area id) for every area of the framework, sub-areas indented under their parent.

    Ids in ``keep`` that the framework does not know (a case written under other data) are
    offered too, marked, so editing an item never silently drops its area.
    """
    choices: list[tuple[str, str]] = []
    if framework is not None:
        by_parent: dict[str | None, list[Area]] = {}
        for area in framework.areas:
            parent = area.parent if area.parent and framework.area(area.parent) else None
            by_parent.setdefault(parent, []).append(area)

        def walk(parent: str | None, seen: set[str]) -> None:
            for area in by_parent.get(parent, []):
                if area.id in seen:
                    continue
                seen.add(area.id)
                choices.append(("  " * _depth(framework, area) + area.name(), area.id))
                walk(area.id, seen)

        walk(None, set())
        known = {area_id for _label, area_id in choices}
        choices += [(area.name(), area.id) for area in framework.areas if area.id not in known]
    known = {area_id for _label, area_id in choices}
    for area_id in keep:
        if area_id and area_id not in known:
            choices.append((f"{area_id} (not in this framework)", area_id))
            known.add(area_id)
    return choices


def area_name(framework: Framework | None, area_id: str) -> str:
    area = framework.area(area_id) if framework else None
    return area.name() if area else area_id


class Invalid(ValueError):
    """What is wrong with the form, and the id of the field to put the focus on."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


class FormDialog(ModalScreen):
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
    HINT = "ctrl+s saves · Tab moves · Escape cancels"

    def result(self):
        raise NotImplementedError

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Static(self.HINT, classes="dialog-hint")
            yield Button("Save", variant="primary", id="save")
            yield Button("Cancel", id="cancel")

    def show_error(self, message: str) -> None:
        self.query_one("#error", Static).update(f"✖ {message}")

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


class EvidenceDialog(FormDialog):
    """Returns the Evidence as written, or None on Escape. Tags are kept as they were."""

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

    def compose(self) -> ComposeResult:
        evidence = self.evidence
        area_ids = {area_id for _label, area_id in self.areas}
        kind_ids = {kind_id for _label, kind_id in self.kinds}
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            with Grid(classes="form-grid"):
                yield Label("Area")
                yield Select(
                    self.areas,
                    prompt="(choose the area)",
                    id="area",
                    value=self.default_area if self.default_area in area_ids else Select.NULL,
                )
                yield Label("Kind")
                yield Select(
                    self.kinds,
                    prompt="(choose the kind)",
                    id="kind",
                    value=evidence.kind if evidence and evidence.kind in kind_ids else Select.NULL,
                )
            yield Label("What was found", classes="field-label")
            yield TextArea(evidence.text if evidence else "", id="text", soft_wrap=True, tab_behavior="focus")
            with Grid(classes="form-grid"):
                yield Label("Source")
                yield Input(
                    evidence.source if evidence else "",
                    placeholder="where it comes from: lesson observation, book scrutiny, meeting…",
                    id="source",
                )
            yield Static("", classes="dialog-error", id="error")
            yield from self.buttons()

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
            raise Invalid("Choose the area the evidence is about.", "area")
        if kind is Select.NULL:
            raise Invalid("Choose the kind of evidence.", "kind")
        if not text:
            raise Invalid("Write what was found (Escape cancels).", "text")
        if self.evidence is not None:
            return attrs.evolve(self.evidence, area=str(area), kind=str(kind), text=text, source=source)
        return Evidence(area=str(area), kind=str(kind), text=text, source=source)
