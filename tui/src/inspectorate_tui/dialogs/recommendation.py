"""Writing a recommendation and recording progress against it at follow-up.

``RecommendationDialog`` returns the Recommendation with its text and linked areas (priority and
progress kept as they were); ``ProgressDialog`` returns a ProgressEntry. Both return None when
Escape cancels; ctrl+s saves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from inspectorate.model import ProgressEntry, Recommendation
from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Grid
from textual.strip import Strip
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static, TextArea

from inspectorate_tui.dialogs.form import FormDialog, Invalid
from inspectorate_tui.dialogs.prompt import parse_date
from inspectorate_tui.labels import words
from inspectorate_tui.markup import escape
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import N_, _


class AreaList(SelectionList[str]):
    """The areas to link, a ticked one marked ✓ rather than by colour alone."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except Exception:  # past the last option
            return strip
        if len(segments) < 2 or segments[1].text != Checkbox.BUTTON_INNER:
            return strip
        segments[1] = Segment("✓" if option.value in self.selected else " ", segments[1].style)
        return Strip(segments, strip.cell_length)


class RecommendationDialog(FormDialog):
    DEFAULT_CSS = """
    RecommendationDialog AreaList { height: auto; max-height: 12; }
    """
    HINT = N_("Space ticks · ctrl+s saves · Esc cancels")
    #: Each field of a recommendation as the dialog names it (history uses the same words).
    LABELS = {"text": N_("Recommendation"), "areas": N_("Areas it concerns")}

    def __init__(self, title: str, areas: Sequence[tuple[str, str]], recommendation: Recommendation | None = None):
        super().__init__()
        self.title_text = title
        self.areas = list(areas)
        self.recommendation = recommendation

    def fields(self) -> ComposeResult:
        linked = set(self.recommendation.areas) if self.recommendation else set()
        yield Label(self.LABELS["text"], classes="field-label")
        yield TextArea(self.recommendation.text if self.recommendation else "", id="text", soft_wrap=True, tab_behavior="focus")
        yield Label(self.LABELS["areas"], classes="field-label")
        yield AreaList(*((label, area_id, area_id in linked) for label, area_id in self.areas), id="areas")

    def on_mount(self) -> None:
        self.query_one("#text").focus()

    def result(self) -> Recommendation:
        text = self.query_one("#text", TextArea).text.strip()
        if not text:
            raise Invalid(_("Write the recommendation (Escape cancels)."), "text")
        chosen = set(self.query_one("#areas", SelectionList).selected)
        areas = tuple(area_id for _label, area_id in self.areas if area_id in chosen)
        if self.recommendation is not None:
            return attrs.evolve(self.recommendation, text=text, areas=areas)
        return Recommendation(text=text, priority=0, areas=areas)


class ProgressDialog(FormDialog):
    """The date of the follow-up, the progress made (from the framework's scale when it has one), a note."""

    LABELS = {"on": N_("Date"), "progress": N_("Progress"), "note": N_("Note")}

    def __init__(self, recommendation: Recommendation, scale: Sequence[str], on: dt.date, why: str = "today"):
        super().__init__()
        self.recommendation = recommendation
        self.scale = tuple(scale)
        self.on = on
        #: What the date offered is, in words ("today", "the date of the last visit recorded, ...").
        self.why = why
        self.title_text = _("Progress on recommendation {number}", number=recommendation.priority)

    def fields(self) -> ComposeResult:
        yield Static(f"[i]{escape(self.recommendation.text)}[/i]", classes="recommendation-text")
        with Grid(classes="form-grid"):
            yield Label(self.LABELS["on"])
            yield OneLineInput(self.on.isoformat(), placeholder="YYYY-MM-DD", id="on", what=_(self.LABELS["on"]))
            yield Label(self.LABELS["progress"])
            if self.scale:
                yield Select([(words(p), p) for p in self.scale], prompt=_("(judge the progress)"), id="progress")
            else:
                yield OneLineInput(placeholder=_("the progress made, in the framework's words"), id="progress",
                                   what=_(self.LABELS["progress"]))
        yield Static(f"The date offered is {self.why}.", classes="dialog-hint", id="on-why", markup=False)
        yield Label(self.LABELS["note"], classes="field-label")
        yield TextArea(id="note", soft_wrap=True, tab_behavior="focus")

    def on_mount(self) -> None:
        self.query_one("#progress").focus()

    def result(self) -> ProgressEntry:
        try:
            on = parse_date(self.query_one("#on", Input).value)
        except ValueError as error:
            raise Invalid(f"{error}.", "on") from None
        box = self.query_one("#progress")
        if isinstance(box, Select):
            if box.value is Select.NULL:
                raise Invalid(_("Choose the progress made."), "progress")
            progress = str(box.value)
        else:
            progress = box.value.strip()
            if not progress:
                raise Invalid(_("Say what progress was made."), "progress")
        note = self.query_one("#note", TextArea).text.strip()
        return ProgressEntry(on=on, progress=progress, note=note)
