"""Details: the provider, the visit, its dates, the team, and the readings of ambiguous guidance.

A text field is saved when you leave it or press Enter (one audited change per field, not per
keystroke), and before the case closes or the app quits; a choice is saved when it is made. What
a field must hold is checked as in the new-case dialog (``case_fields``): a name of spaces only or
a date that is not YYYY-MM-DD is refused with a message, and the text stays in the field, marked,
to be corrected; the case will not close, nor the app quit, until it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
from inspectorate import identifiers
from inspectorate.calendar.divisions import NATIONS, nation_name
from inspectorate.i18n import LANGUAGES
from inspectorate.model import Case, Finding
from inspectorate.wording import severity_rank
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from inspectorate_tui.case_fields import SECTOR, chosen, optional_date, provider_name
from inspectorate_tui.labels import severity_label, words
from inspectorate_tui.markup import escape
from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import N_, _


def _words(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _provider(**changes) -> Callable[[Case], Case]:
    return lambda case: attrs.evolve(case, provider=attrs.evolve(case.provider, **changes))


@attrs.frozen
class TextField:
    id: str
    label: str
    read: Callable[[Case], str]
    #: value -> (case -> case); raises ValueError with a message for the person
    write: Callable[[str], Callable[[Case], Case]]
    #: The field's case-file key (``inspection.end``): the findings that carry it are shown beside
    #: the field, and the framework says whether it uses the field at all.
    key: str = ""

    @property
    def shown_label(self) -> str:
        """The label in the language spoken (``label`` is the English, marked for the catalogue)."""
        return _(self.label)

    @property
    def name(self) -> str:
        """The label without its hint: "Team inspectors (comma-separated)" -> "Team inspectors"."""
        return self.shown_label.split(" (")[0]


def _dates_field(key: str, label: str) -> TextField:
    def read(case: Case) -> str:
        day = getattr(case.dates, key)
        return day.isoformat() if day else ""

    def write(value: str):
        day = optional_date(value)
        return lambda c: attrs.evolve(c, dates=attrs.evolve(c.dates, **{key: day}))

    return TextField(f"date-{key}", label, read, write, f"inspection.{key}")


def _team_field(key: str, label: str, many: bool = False) -> TextField:
    def read(case: Case) -> str:
        value = getattr(case.team, key)
        return ", ".join(value) if many else value

    def write(value: str):
        new = _words(value) if many else value.strip()
        return lambda c: attrs.evolve(c, team=attrs.evolve(c.team, **{key: new}))

    return TextField(f"team-{key}", label, read, write, f"team.{key}")


PROVIDER_FIELDS = (
    TextField("provider-name", N_("Provider"), lambda c: c.provider.name, lambda v: _provider(name=provider_name(v)), "provider.name"),
    TextField("provider-local_authority", N_("Local authority"), lambda c: c.provider.local_authority,
              lambda v: _provider(local_authority=v.strip()), "provider.local_authority"),
    TextField("provider-language_medium", N_("Language medium"), lambda c: c.provider.language_medium,
              lambda v: _provider(language_medium=v.strip()), "provider.language_medium"),
    TextField(
        "provider-identifiers",
        N_("Identifiers (name=value, …)"),
        lambda c: identifiers.as_text(c.provider.identifiers),
        lambda v: _provider(identifiers=identifiers.from_text(v)),
        "provider.identifiers",
    ),
)
DATE_FIELDS = tuple(
    _dates_field(key, label)
    for key, label in (
        ("notified", N_("Notified")),
        ("start", N_("On site from")),
        ("end", N_("On site to")),
        ("draft_issued", N_("Draft report issued")),
        ("published", N_("Report published")),
    )
)
TEAM_FIELDS = (
    _team_field("reporting_inspector", N_("Reporting inspector")),
    _team_field("team_inspectors", N_("Team inspectors (comma-separated)"), many=True),
    _team_field("nominee", N_("Nominee")),
    _team_field("improvement_hmi", N_("Improvement HMI")),
    _team_field("next_inspection_team", N_("Next inspection team"), many=True),
)
TEXT_FIELDS = {f.id: f for f in (*PROVIDER_FIELDS, *DATE_FIELDS, *TEAM_FIELDS)}
#: The labels of the choices (selector id -> label).
CHOICE_LABELS = {"provider-sector": N_("Sector"), "provider-nation": N_("Nation"), "kind": N_("Kind of visit"),
                 "report-language": N_("Report language")}


def setting_label(setting_id: str) -> str:
    """A reading of ambiguous guidance as the tab names it."""
    return words(setting_id).capitalize()


#: Every field's case-file key by the id of its control, choices included.
FIELD_KEYS = {
    **{f.id: f.key for f in TEXT_FIELDS.values()},
    "provider-sector": "provider.sector",
    "provider-nation": "provider.nation",
    "kind": "inspection.kind",
    "report-language": "inspection.report_language",
}


def report_language_choices() -> list[tuple[str, str]]:
    """The report languages a case can have: "" (from the provider's language medium: Welsh
    medium, Welsh; any other, English), then each language the product speaks."""
    return [(_("From the language medium"), ""),
            *((f"{name} ({code})", code) for code, name in LANGUAGES.items())]


def about(key: str, findings: Iterable[Finding]) -> list[Finding]:
    """The findings about the field with case-file ``key``: its own and those of its parts
    (``provider.identifiers.urn`` is about ``provider.identifiers``), worst first."""
    found = [f for f in findings if f.key and (f.key == key or f.key.startswith(f"{key}."))]
    return sorted(found, key=lambda f: severity_rank(f.severity))


class DetailsTab(CaseTab):
    HELP = N_("""\
## Details

The provider, the visit and its dates, the team, and the reading chosen for each ambiguous rule
of the framework. Leave a field (Tab) or press Enter to save it. Dates are YYYY-MM-DD; the
follow-up timeline recomputes from them at once. What the rules find wrong with a field (a date
out of order, an improvement HMI on the team) is said under that field.
""")
    DEFAULT_CSS = """
    DetailsTab .field-note, DetailsTab .field-note-space { height: auto; display: none; }
    DetailsTab .field-note.error { color: $text-error; }
    DetailsTab .field-note.warning { color: $text-warning; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._offered: dict[str, tuple[str, ...]] = {}  # the options each selector now has
        #: field id -> why what it holds was refused; kept on screen, never overwritten
        self._refused: dict[str, str] = {}
        #: field id -> the text last put in the field from the case
        self._shown: dict[str, str] = {}
        #: fields whose typed text the casebook has not taken yet (refused as a colleague saved
        #: first, say): kept in the field, whatever the case now holds, until saved or retyped
        self._held: set[str] = set()

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(_("Provider"), classes="section-title")
            with Grid(classes="form"):
                yield from self._text(PROVIDER_FIELDS[:1])
                yield Label(_(CHOICE_LABELS["provider-sector"]))
                yield Select([], id="provider-sector", prompt=_("(sector)"), compact=True)
                yield from self._note("provider-sector")
                yield Label(_(CHOICE_LABELS["provider-nation"]))
                yield Select([], id="provider-nation", prompt=_("(nation)"), compact=True)
                yield from self._note("provider-nation")
                yield from self._text(PROVIDER_FIELDS[1:])
            yield Static(_("Visit"), classes="section-title")
            with Grid(classes="form"):
                yield Label(_(CHOICE_LABELS["kind"]))
                yield Select([], id="kind", prompt=_("(kind of visit)"), compact=True)
                yield from self._note("kind")
                yield from self._text(DATE_FIELDS)
                yield Label(_(CHOICE_LABELS["report-language"]))
                yield Select(report_language_choices(), id="report-language", allow_blank=False, compact=True)
                yield from self._note("report-language")
            yield Static(_("Team"), classes="section-title")
            with Grid(classes="form"):
                yield from self._text(TEAM_FIELDS)
            yield Static(_("Readings of ambiguous guidance"), classes="section-title")
            yield Grid(classes="form", id="settings")

    def _text(self, fields) -> ComposeResult:
        for field in fields:
            yield Label(field.shown_label, id=f"label-{field.id}")
            yield OneLineInput(id=field.id, classes="field", compact=True, what=field.name)
            yield from self._note(field.id)

    @staticmethod
    def _note(field_id: str) -> ComposeResult:
        """What the rules say about the field, under it (the label column left empty: a note
        spanning both columns is given the height of its wrapping in one)."""
        yield Static(id=f"under-{field_id}", classes="field-note-space")
        yield Static(id=f"note-{field_id}", classes="field-note", markup=True)

    def show(self, session: CaseSession) -> None:
        case = session.case
        framework = session.framework
        for field in TEXT_FIELDS.values():
            box = self.query_one(f"#{field.id}", Input)
            # A field being typed in is left alone; one that still shows what was last shown
            # takes the new value even with the focus (an undo of this very field, say), or
            # leaving it would save the undone value again.
            if not self._typing(box) and field.id not in self._refused and field.id not in self._held:
                box.value = self._shown[field.id] = field.read(case)
        sectors = list(framework.sectors) if framework else []
        if case.provider.sector and case.provider.sector not in sectors:
            sectors.append(case.provider.sector)
        self._choices("#provider-sector", sectors, case.provider.sector)
        self._choices("#provider-nation", NATIONS, case.provider.nation, nation_name)
        kinds = list(framework.visit_kinds) if framework else []
        if case.kind not in kinds:
            kinds.append(case.kind)
        self._choices("#kind", kinds, case.kind)
        self._show_report_language(case)
        self._show_settings(session)
        self._show_notes(session, self._leave_out_unused(session))

    def _typing(self, box: Input) -> bool:
        return box.has_focus and box.value != self._shown.get(box.id or "")

    def typed_fields(self) -> list[str]:
        """The fields holding text typed and not saved, by name; "(which they changed too)"
        when the case now holds another value there than the one the person started from."""
        typed = []
        for field in TEXT_FIELDS.values():
            box = self.query_one(f"#{field.id}", Input)
            if field.id in self._held or field.id in self._refused or self._typing(box):
                both = field.read(self.session.case) not in (self._shown.get(field.id), box.value)
                typed.append(_("{field} (which they changed too)", field=field.name) if both else field.name)
        return typed

    def _leave_out_unused(self, session: CaseSession) -> set[str]:
        """Leave out the fields the framework does not use, unless the case holds a value there
        (it stays in view to be read or cleared: nothing the case records is hidden); their ids."""
        framework = session.framework
        left_out = set()
        for field in TEXT_FIELDS.values():
            used = framework is None or framework.uses(field.key) or bool(field.read(session.case))
            self.query_one(f"#label-{field.id}").display = used
            self.query_one(f"#{field.id}").display = used
            if not used:
                left_out.add(field.id)
        return left_out

    def _show_notes(self, session: CaseSession, left_out: set[str]) -> None:
        """Each finding that names a field's key, under the field, mark and words."""
        for field_id, key in FIELD_KEYS.items():
            note = self.query_one(f"#note-{field_id}", Static)
            found = about(key, session.evaluation.findings)
            shown = bool(found) and field_id not in left_out
            note.update("\n".join(f"{severity_label(f.severity)}: {escape(f.message)}" for f in found))
            note.set_class(shown and found[0].severity == "error", "error")
            note.set_class(shown and found[0].severity != "error", "warning")
            note.display = shown
            self.query_one(f"#under-{field_id}").display = shown

    def _choices(self, selector: str, values, current, label=words) -> None:
        select = self.query_one(selector, Select)
        if self._offered.get(selector) != tuple(values):
            self._offered[selector] = tuple(values)
            with select.prevent(Select.Changed):
                select.set_options([(label(v), v) for v in values])
        if current and select.value != current:
            with select.prevent(Select.Changed):
                select.value = current

    def _show_report_language(self, case: Case) -> None:
        select = self.query_one("#report-language", Select)
        if select.value != case.report_language:
            with select.prevent(Select.Changed):
                select.value = case.report_language

    def _label_readings(self) -> None:
        framework = self.session.framework
        for select in self.query_one("#settings", Grid).query(Select):
            chosen = select.value
            readings = framework.settings[select.id.removeprefix("setting-")]["readings"] if framework else {}
            others = [reading for reading in readings if reading != chosen]
            if others:
                with select.prevent(Select.Changed):
                    select.value = others[0]
                    select.value = chosen

    def _show_settings(self, session: CaseSession) -> None:
        grid = self.query_one("#settings", Grid)
        framework = session.framework
        settings = dict(framework.settings) if framework else {}
        wanted = [f"setting-{s}" for s in settings]
        present = [w.id for w in grid.query(Select)]
        if present != wanted:
            grid.remove_children()
            widgets = []
            for setting_id, setting in settings.items():
                readings = setting.get("readings", {})
                widgets.append(Label(setting_label(setting_id)))
                widgets.append(
                    Select([(f"{r}: {framework.reading_text(setting_id, r)}", r) for r in readings], id=f"setting-{setting_id}",
                           value=framework.setting(session.case.settings, setting_id), allow_blank=False, compact=True)
                )
            if not widgets:
                widgets.append(Label(_("This framework has no ambiguous readings to choose.")))
            grid.mount_all(widgets)
            # A Select mounted with the value it already holds keeps showing its "Select" prompt
            # (the label is drawn only when the value changes): draw each reading once mounted.
            self.call_after_refresh(self._label_readings)
        for setting_id in settings:
            chosen = framework.setting(session.case.settings, setting_id)
            select = grid.query_one(f"#setting-{setting_id}", Select)
            if select.value != chosen:
                with select.prevent(Select.Changed):
                    select.value = chosen

    # -- saving ---------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._save_text(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._save_text(event.input)

    def _save_text(self, box: Input) -> str | None:
        """Save what the box holds if it changed; why not (naming the field) if it is refused."""
        field = TEXT_FIELDS.get(box.id or "")
        if field is None:
            return None
        case = self.session.case
        try:
            change = None if box.value == field.read(case) else field.write(box.value)
        except ValueError as error:
            problem = f"{field.shown_label}: {error}"
            if self._refused.get(field.id) != problem:  # told once, not on every Enter
                self.notify(_("{problem}. Not saved: correct it in the field.", problem=problem), severity="error")
            self._refused[field.id] = problem
            box.add_class("-invalid")
            return problem
        self._refused.pop(field.id, None)
        if change is not None:
            self._held.add(field.id)  # kept in the field while the save is tried, whatever it shows
            why_not = self.edit(change(case), field.name.lower(),
                                kept=_("What you typed is kept in {field}: Enter saves it.", field=field.name))
            if why_not:
                box.add_class("-invalid")
                return _("{field} was not saved: {reason}", field=field.name, reason=why_not)
        self._held.discard(field.id)
        box.remove_class("-invalid")
        box.value = self._shown[field.id] = field.read(self.session.case)  # as the case now holds it
        return None

    def keep_edits(self) -> str | None:
        """Save every field whose text differs from the case; the first refusal, if any."""
        refused = [(box, problem) for box in self.query(Input) if (problem := self._save_text(box))]
        if not refused:
            return None
        box, problem = refused[0]
        self.call_after_refresh(box.focus)  # once the case screen has brought this tab into view
        return _("{problem}; what you typed is kept in the field, not saved", problem=problem)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id is None:
            return
        case = self.session.case
        select_id, value = event.select.id, None if event.value is Select.NULL else str(event.value)
        if select_id == "report-language":
            if value is not None and value != case.report_language:
                self.edit(attrs.evolve(case, report_language=value), _("report language"))
        elif select_id == "provider-sector":
            try:
                value = chosen(value, SECTOR)  # a case needs its sector, as a new one does
            except ValueError as error:
                self.notify(_("Sector: {error}; it stays {sector}.", error=error, sector=words(case.provider.sector)),
                            severity="warning")
                with event.select.prevent(Select.Changed):
                    event.select.value = case.provider.sector
                return
            if value != case.provider.sector:
                self.edit(_provider(sector=value)(case), _("sector"))
        elif value is None:
            return
        elif select_id == "provider-nation" and value != case.provider.nation:
            self.edit(_provider(nation=value)(case), _("nation"))
        elif select_id == "kind" and value != case.kind:
            self.edit(attrs.evolve(case, kind=value), _("kind of visit"))
        elif select_id.startswith("setting-"):
            setting_id = select_id.removeprefix("setting-")
            framework = self.session.framework
            if framework and value != framework.setting(case.settings, setting_id):
                settings = {**case.settings, setting_id: value}
                self.edit(attrs.evolve(case, settings=settings), _("reading of {setting}", setting=setting_id))
