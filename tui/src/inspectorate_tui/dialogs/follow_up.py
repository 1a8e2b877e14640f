"""What the Follow-up tab records: an event that happened, the options agreed, an agreed action.

``RecordEventDialog`` returns (event id, date); ``OptionsDialog`` the chosen options (catalogue
ids in the catalogue's order, then any written out in words); ``AgreedActionDialog`` the Evidence
of an agreed action with the date it is to be done by. Each returns None when Escape cancels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from inspectorate.model import AGREED_ACTION, Evidence
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea

from inspectorate_tui.dialogs.form import FormDialog, Invalid
from inspectorate_tui.dialogs.prompt import parse_date
from inspectorate_tui.dialogs.recommendation import AreaList
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import N_, _


def _date(field: str, text: str, today: dt.date, what: str) -> dt.date:
    """A date typed into ``field``: a real one, and not after today for something that happened."""
    try:
        day = parse_date(text)
    except ValueError as error:
        raise Invalid(f"{error}.", field) from None
    if day > today:
        raise Invalid(_("{date} is after today ({today}): {what}", date=day.isoformat(), today=today.isoformat(), what=what), field)
    return day


class RecordEventDialog(FormDialog):
    """Which of the events a framework records as they happen (a further visit, a request), and when."""

    def __init__(self, choices: Sequence[tuple[str, str]], day: dt.date, why: str, today: dt.date):
        super().__init__()
        self.choices = list(choices)
        self.day = day
        self.why = why
        self.today = today

    title_text = N_("Record what happened")

    def fields(self) -> ComposeResult:
        with Grid(classes="form-grid"):
            yield Label(_("What"))
            first = self.choices[0][1] if len(self.choices) == 1 else Select.NULL
            yield Select(self.choices, prompt=_("(choose what happened)"), id="event", value=first)
            yield Label(_("On"))
            yield OneLineInput(self.day.isoformat(), placeholder="YYYY-MM-DD", id="on", what="The date")
        yield Static(f"The date offered is {self.why}.", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#event" if len(self.choices) > 1 else "#on").focus()

    def result(self) -> tuple[str, dt.date]:
        event = self.query_one("#event", Select).value
        if event is Select.NULL:
            raise Invalid(_("Choose what happened."), "event")
        day = _date("on", self.query_one("#on", Input).value, self.today, _("record it once it has happened."))
        return str(event), day


class OptionsDialog(FormDialog):
    """Tick options from the framework's catalogue; write any other, one per line."""

    DEFAULT_CSS = """
    OptionsDialog AreaList { height: 1fr; min-height: 5; }
    OptionsDialog TextArea { height: 4; }
    """
    HINT = N_("Space ticks · ctrl+s saves · Esc cancels")

    def __init__(self, title: str, options: Mapping[str, str], chosen: Sequence[str]):
        super().__init__()
        self.title_text = title
        self.options = dict(options)
        self.chosen = list(chosen)

    def fields(self) -> ComposeResult:
        others = [c for c in self.chosen if c not in self.options]
        yield AreaList(
            *((text[:1].upper() + text[1:], key, key in self.chosen) for key, text in self.options.items()), id="options"
        )
        yield Label(_("Other options agreed, in words, one a line"), classes="field-label")
        yield TextArea("\n".join(others), id="others", soft_wrap=True, tab_behavior="focus")

    def on_mount(self) -> None:
        self.query_one("#options").focus()

    def result(self) -> tuple[str, ...]:
        ticked = set(self.query_one("#options", SelectionList).selected)
        lines = [" ".join(line.split()) for line in self.query_one("#others", TextArea).text.splitlines()]
        others = [line for line in lines if line]
        for line in others:
            if " " not in line and line not in self.options:
                # A single word reads as a mistyped id: the rules would flag it, so ask now.
                raise Invalid(_("'{line}' is one word: tick the option it means, or write the option out in words.", line=line), "others")
        chosen = [key for key in self.options if key in ticked]
        return tuple(dict.fromkeys([*chosen, *(o for o in others if o not in chosen)]))


class AgreedActionDialog(FormDialog):
    """A point of action agreed with the provider, the area it addresses and its timescale as a date."""

    def __init__(self, areas: Sequence[tuple[str, str]], by: dt.date | None = None):
        super().__init__()
        self.areas = list(areas)
        self.by = by

    title_text = N_("Agreed action")

    def fields(self) -> ComposeResult:
        with Grid(classes="form-grid"):
            yield Label(_("Area"))
            yield Select(self.areas, prompt=_("(the area it addresses)"), id="area")
        yield Label(_("The action agreed"), classes="field-label")
        yield TextArea(id="text", soft_wrap=True, tab_behavior="focus")
        with Grid(classes="form-grid"):
            yield Label(_("To be done by"))
            yield OneLineInput(self.by.isoformat() if self.by else "", placeholder=_("YYYY-MM-DD: the timescale agreed"),
                               id="by", what="To be done by")

    def on_mount(self) -> None:
        self.query_one("#area").focus()

    def result(self) -> Evidence:
        area = self.query_one("#area", Select).value
        if area is Select.NULL:
            raise Invalid(_("Choose the area the action addresses."), "area")
        text = self.query_one("#text", TextArea).text.strip()
        if not text:
            raise Invalid(_("Write the action agreed (Escape cancels)."), "text")
        try:
            by = parse_date(self.query_one("#by", Input).value)
        except ValueError as error:
            raise Invalid(_("{error}: the date the action is to be done by, the timescale agreed.", error=error), "by") from None
        return Evidence(area=str(area), kind=AGREED_ACTION, text=text, by=by)
