"""Follow-up: the timeline of events after the visit, each date with the sentence it comes from.

The events are the regime's rules' view of the case as it stands (``session.events``), in date
order, each with its status as symbol and words. The highlighted event's detail says how its date
was made: the basis in words, the date it is counted from, the guidance quoted, and the rule,
calendar and reading of ambiguous guidance that produced it. Marking an event done (``d``) saves
the date in the case; the rules run again, so events counted from it get their dates at once.
"""

from __future__ import annotations

import datetime as dt

import attrs
from inspectorate import record_dates
from inspectorate.evaluation import declarations
from inspectorate.frameworks import Framework
from inspectorate.model import AGREED_ACTION, Case, FollowUpEvent
from inspectorate.timing import Recorded
from inspectorate.wording import STATUS_LABELS, area_name, window_text
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.dialogs.prompt import DatePrompt
from inspectorate_tui.fallback import regime_in_english
from inspectorate_tui.labels import area_choices, clip, words
from inspectorate_tui.labels import status_label as marked_status
from inspectorate_tui.markup import escape
from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab
from inspectorate_tui.words import N_, _

STATUS = STATUS_LABELS
#: Titles longer than this are cut short in the table; the detail below shows them whole.
EVENT_WIDTH = 46
#: The symbol alone, for the timeline's axis.
MARK = {status: label[0] for status, label in STATUS.items()}


#: Months as the timeline's axis names them.
MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
          N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))


def status_label(event: FollowUpEvent) -> str:
    label = marked_status(event.status)
    return f"{label} {event.done_on.isoformat()}" if event.status == "done" and event.done_on else label


def anchor_label(event: FollowUpEvent) -> str:
    return f"{words(event.anchor.name)} {event.anchor.when()}"


def reading_label(framework: Framework | None, case: Case, reading: str) -> str:
    """The reading of ambiguous guidance that produced a date, with the words the framework gives it."""
    if not reading:
        return _("none needed: the guidance is unambiguous here")
    settings = dict(framework.settings) if framework else {}
    # Prefer the setting the case chose this reading for; else any setting offering it.
    candidates = sorted(settings.items(), key=lambda item: case.settings.get(item[0]) != reading)
    for setting_id, _setting in candidates:
        text = framework.reading_text(setting_id, reading) if framework else ""
        if text:
            return f"{reading} ({words(setting_id)}): {text}"
    return reading


def event_detail(event: FollowUpEvent, framework: Framework | None, case: Case) -> Group:
    """How the event's date was made: basis, anchor, the guidance quoted, rule, calendar, reading."""
    citation = event.citation
    where = f"{citation.document}, {citation.locator}" if citation.locator else citation.document
    heading = Text.assemble((event.title, "bold"), f" · {status_label(event)}")
    if event.statutory:
        heading.append(_(" · § statutory"), style="bold")
    source = Text(where)
    if citation.confidence == "unsourced":
        source.append(_(" (no sentence of the guidance states this)"), style="dim")
    elif citation.confidence != "primary":
        source.append(_(" (secondary source, confidence {confidence})", confidence=citation.confidence), style="dim")
    source.append(f"\n“{citation.quote}”", style="italic")
    rows = Table.grid(padding=(0, 1))
    rows.add_column(style="bold", no_wrap=True)
    rows.add_column(ratio=1)
    rows.add_row(_("When"), f"{window_text(event)}: {event.basis}")
    rows.add_row(_("Counted from"), anchor_label(event))
    rows.add_row(_("Source"), source)
    rows.add_row(_("Rule"), event.provenance.rule)
    rows.add_row(_("Calendar"), event.provenance.calendar)
    rows.add_row(_("Reading"), reading_label(framework, case, event.provenance.reading))
    return Group(heading, rows)


def category_text(session: CaseSession) -> str:
    category = session.evaluation.follow_up
    if session.problem:
        return f"✖ {escape(session.problem)}"
    lacking = "".join(f"[b]✖ {escape(text)}[/b]\n" for text in session.incomplete)
    english = regime_in_english(session.host, session.case.regime)
    return (f"{escape(english)}\n" if english else "") + lacking + _category_line(category)


def _category_line(category) -> str:
    if category is None:
        return _("No follow-up category: the rules have not placed this case yet.")
    statutory = _(" · [b]§ statutory[/b]") if category.statutory else ""
    return (
        _("Follow-up: [b]{category}[/b]{statutory}.", category=escape(category.name), statutory=statutory)
        + f" {escape(category.rationale)}\n[dim]{escape(str(category.citation))}[/dim]"
    )


def agreed_text(framework: Framework | None, case: Case) -> str:
    """What has been agreed at follow-up: the points of action with their dates, and the options chosen."""
    lines = []
    actions = [e for e in case.evidence if e.kind == AGREED_ACTION]
    if actions or (framework and AGREED_ACTION in framework.evidence_kinds):
        lines.append(_("[b]Agreed actions[/b] (a adds one)") if actions else _("[b]Agreed actions:[/b] none recorded (a adds one)"))
        for action in actions:
            by = _("by {date}", date=action.by.isoformat()) if action.by else _("no timescale")
            lines.append(f"• {escape(action.text)} [dim]({escape(area_name(framework, action.area))}; {by})[/dim]")
    options = {option: framework.option_text(option) for option in framework.follow_up_options} if framework else {}
    chosen = case.follow_up.chosen
    if options or chosen:
        title = escape(framework.options_title()) if framework and framework.options_title() else _("Options agreed")
        lines.append(_("[b]{title}[/b] (s chooses)", title=title) if chosen else _("[b]{title}:[/b] none agreed (s chooses)", title=title))
        lines += [f"• {escape(options.get(c, c))}" for c in chosen]
    return "\n".join(lines)


def recordable(framework: Framework | None, declared, case: Case) -> list[tuple[str, str]]:
    """(label, event id) for each event the framework records as it happens that can be recorded now."""
    choices = []
    for record in (d for d in declared if isinstance(d, Recorded)):
        event_id = record.next_id(case.follow_up.done)
        if event_id is None:
            continue
        number = event_id.rsplit("-", 1)[-1] if record.pattern else ""
        choices.append((f"{record.title} {number}".strip(), event_id))
    return choices


def _month_ticks(start: dt.date, end: dt.date, room: int) -> tuple[list[dt.date], bool]:
    """First days of months from ``start`` to ``end``, thinned to fit ``room`` ticks; True when yearly."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= room), 120)
    ticks, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        if (year * 12 + month - 1) % step == 0 or not ticks and step < 12:
            ticks.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [t for t in ticks if t >= start.replace(day=1)], step >= 12


def timeline(events: list[FollowUpEvent], today: dt.date, width: int = 72, label_width: int = 34) -> Text:
    """One line per event on a shared axis of months: a window ├──┤, a deadline ◆, done ✓, today │."""
    dated = [e for e in events if e.earliest or e.latest or e.done_on]
    text = Text(no_wrap=True, overflow="crop")
    if not dated:
        return text
    days = [d for e in dated for d in (e.earliest, e.latest, e.done_on) if d]
    start, end = min(days).replace(day=1), max(days)
    span = max((end - start).days, 1)

    def col(day: dt.date) -> int:
        return max(0, min(width - 1, round((day - start).days * (width - 1) / span)))

    ruler, labels = ["─"] * width, [" "] * width
    ticks, yearly = _month_ticks(start, end, width // 5)
    free_from = 0
    for i, tick in enumerate(ticks):
        at = col(tick)
        ruler[at] = "┬"
        month = _(MONTHS[tick.month - 1])
        name = str(tick.year) if yearly else f"{month} {tick.year}" if i == 0 or tick.month == 1 else month
        if at >= free_from and at + len(name) <= width:
            labels[at : at + len(name)] = name
            free_from = at + len(name) + 1
    pad = " " * label_width
    text.append(pad + "".join(labels) + "\n", style="dim")
    text.append(pad + "".join(ruler) + "\n", style="dim")
    inside = start <= today <= end
    for event in dated:
        row = [" "] * width
        if event.earliest and event.latest:
            a, b = col(event.earliest), col(event.latest)
            for i in range(a, b + 1):
                row[i] = "─"
            row[a], row[b] = "├", "┤"
        elif event.latest or event.earliest:
            row[col(event.latest or event.earliest)] = "◆"
        if event.done_on:
            row[col(event.done_on)] = "✓"
        if inside and row[col(today)] == " ":
            row[col(today)] = "│"
        room = label_width - 4
        title = clip(event.title, room)
        text.append(f"{MARK.get(event.status, '?')} {title:<{room}}  ")
        text.append("".join(row) + "\n")
    if inside:
        text.append(pad + " " * col(today) + _("▲ today {date}", date=today.isoformat()), style="dim")
    elif today > end:
        text.append(pad + _("today {date} is after the last of these dates ▶", date=today.isoformat()).rjust(width), style="dim")
    else:
        text.append(pad + _("◀ today {date} is before the first of these dates", date=today.isoformat()), style="dim")
    waiting = len(events) - len(dated)
    if waiting:
        text.append("\n" + _.plural("{count} event waiting for the date it is counted from.",
                                     "{count} events waiting for the date they are counted from.", waiting), style="dim")
    return text


class DoneDatePrompt(DatePrompt):
    """The date an event was done: a real date, and not one after today."""

    def __init__(self, title: str, question: str, value: dt.date, today: dt.date):
        super().__init__(title, question, value)
        self.today = today

    def check(self, value: str):
        day = super().check(value)
        if day > self.today:
            raise ValueError(_("{date} is after today ({today}): mark an event done once it has happened.",
                               date=day.isoformat(), today=self.today.isoformat()))
        return day


class FollowUpTab(CaseTab):
    BINDINGS = bindings("follow-up")
    HELP = N_("""\
## Follow-up

What happens after the visit, in date order, as the regime's rules compute it. Each event shows
its status (✓ done, ‼ overdue, ! due soon, • open, ○ upcoming, … waiting for the date it is
counted from), its window or deadline, whether it is statutory (§), and the date it counts from.

Below the table, the highlighted event's **source**: the rule in words, the sentence of the
guidance it comes from, and the rule, calendar and reading of ambiguous guidance that produced
the date (the reading is chosen in the Details tab).

- `d` marks the event done on a date; events counted from it get their dates at once. The date
  offered is today, or its latest date when that has passed, or, for a case whose follow-up is
  all in the past, the case's last recorded date; the dialog says which.
- `u` marks it not done again.
- `r` records what happens rather than falls due: a further visit (numbered 1, 2, ...), a request
  to bring a re-inspection forward.
- `s` chooses the support or other options agreed, from the framework's catalogue (Ofsted's
  support and challenge strategies), or written out in words.
- `a` adds a point of action agreed with the provider, with the date it is to be done by.
""")

    DEFAULT_CSS = """
    FollowUpTab #fu-category { padding: 0 1; height: auto; }
    FollowUpTab #fu-agreed { padding: 0 1; height: auto; margin-top: 1; }
    FollowUpTab #fu-events { height: auto; max-height: 14; margin: 1 1 0 1; }
    FollowUpTab #fu-detail { height: auto; padding: 0 1; border: round $primary-muted; margin: 0 1; }
    FollowUpTab #fu-timeline { height: auto; padding: 0 1; }
    FollowUpTab .fu-empty { color: $text-muted; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._shown: list[FollowUpEvent] = []
        #: Set while a mark is being saved: the event id, to tell the person what recomputed.
        self._marked: str | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(can_focus=False):
            yield Static(id="fu-category")
            yield Static(id="fu-agreed")
            table = DataTable(id="fu-events", cursor_type="row", zebra_stripes=True)
            table.add_columns(_("Status"), _("Event"), _("Window or deadline"), _("Statutory"), _("Counted from"))
            yield table
            yield Static(id="fu-detail")
            yield Static(_("Timeline"), classes="section-title")
            yield Static(id="fu-timeline")

    def focus_first(self) -> bool:
        self.query_one("#fu-events", DataTable).focus()
        return True

    # -- showing --------------------------------------------------------------------------------

    def show(self, session: CaseSession) -> None:
        before = {e.id: e for e in self._shown}
        keep = self.current.id if self.current else None
        self._shown = list(session.events)
        self.query_one("#fu-category", Static).update(category_text(session))
        agreed = agreed_text(session.framework, session.case)
        self.query_one("#fu-agreed", Static).update(agreed)
        self.query_one("#fu-agreed", Static).display = bool(agreed)
        table = self.query_one("#fu-events", DataTable)
        table.clear()
        for event in self._shown:
            cells = (
                status_label(event),
                clip(event.title, EVENT_WIDTH),
                window_text(event),
                _("§ yes") if event.statutory else "",
                anchor_label(event),
            )
            table.add_row(*(Text(cell) for cell in cells), key=event.id)
        ids = [e.id for e in self._shown]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)
        self._show_detail()
        self.query_one("#fu-timeline", Static).update(timeline(self._shown, session.today))
        if self._marked is not None:
            self._tell_recomputed(before)
            self._marked = None

    def _tell_recomputed(self, before: dict[str, FollowUpEvent]) -> None:
        changed = [
            e
            for e in self._shown
            if e.id != self._marked and (e.id not in before or (before[e.id].earliest, before[e.id].latest) != (e.earliest, e.latest))
        ]
        if changed:
            lines = "\n".join(f"{e.title}: {window_text(e)}" for e in changed)
            self.notify(lines, title=_("Dates recomputed"), timeout=8)

    def highlight(self, event_id: str) -> None:
        """Put the cursor on the event (the agenda opens a case at one)."""
        ids = [e.id for e in self._shown]
        if event_id in ids:
            self.query_one("#fu-events", DataTable).move_cursor(row=ids.index(event_id), animate=False)

    @property
    def current(self) -> FollowUpEvent | None:
        table = self.query_one("#fu-events", DataTable)
        if not self._shown or table.row_count == 0:
            return None
        row = table.cursor_row
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _show_detail(self) -> None:
        detail = self.query_one("#fu-detail", Static)
        event = self.current
        if event is None and self.session.incomplete:  # no events may only mean a plugin failed
            detail.update("\n".join(f"✖ {escape(text)}" for text in self.session.incomplete))
            detail.set_class(True, "fu-empty")
            return
        if event is None:
            detail.update(_("No follow-up events for this case: the rules set no dates after this visit."))
            detail.set_class(True, "fu-empty")
            return
        detail.set_class(False, "fu-empty")
        session = self.session
        detail.update(event_detail(event, session.framework, session.case))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    # -- marking done ---------------------------------------------------------------------------

    def action_mark_done(self) -> None:
        event = self.current
        if event is None:
            self.notify(_("There is no follow-up event to mark."), severity="warning")
            return
        today = self.app.today
        session = self.session
        offered, why = record_dates.done_date(event, session.case, session.events, today)

        def chosen(day: dt.date | None) -> None:
            if day is None:
                return
            case = self.session.case
            if case.follow_up.done.get(event.id) == day:
                return
            done = {**case.follow_up.done, event.id: day}
            self._marked = event.id
            self.edit(attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, done=done)),
                      _("{event} done on {date}", event=event.title, date=day.isoformat()))

        self.app.push_screen(
            DoneDatePrompt(
                _("Done: {event}", event=event.title),
                _("On what date was it done? ({window})\nThe date offered is {why}.", window=window_text(event), why=why),
                offered,
                today,
            ),
            chosen,
        )

    def action_mark_not_done(self) -> None:
        event = self.current
        if event is None:
            return
        case = self.session.case
        if event.id not in case.follow_up.done:
            self.notify(_("{event} is not marked done.", event=event.title), severity="warning")
            return
        done = {k: v for k, v in case.follow_up.done.items() if k != event.id}
        self._marked = event.id
        self.edit(attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, done=done)), _("{event} marked not done", event=event.title))

    # -- recording what happened and what was agreed ----------------------------------------------

    def _save_follow_up(self, case: Case, what: str) -> None:
        self._marked = ""  # tell the person which dates moved
        self.edit(case, what)

    def action_record_event(self) -> None:
        from inspectorate_tui.dialogs.follow_up import RecordEventDialog

        session = self.session
        framework = session.framework
        choices = recordable(framework, declarations(session.host, framework), session.case) if framework else []
        if not choices:
            self.notify(_("This framework records nothing here beyond its events: mark an event done with d."), severity="warning")
            return
        day, why = record_dates.visit_date(session.case, session.events, self.app.today)
        titles = dict((event_id, label) for label, event_id in choices)

        def recorded(answer: tuple[str, dt.date] | None) -> None:
            if answer is None:
                return
            event_id, on = answer
            case = self.session.case
            done = {**case.follow_up.done, event_id: on}
            self._save_follow_up(
                attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, done=done)),
                _("{event} on {date}", event=titles[event_id], date=on.isoformat()),
            )

        self.app.push_screen(RecordEventDialog(choices, day, why, self.app.today), recorded)

    def action_choose_options(self) -> None:
        from inspectorate_tui.dialogs.follow_up import OptionsDialog

        framework = self.session.framework
        options = {option: framework.option_text(option) for option in framework.follow_up_options} if framework else {}
        before = tuple(self.session.case.follow_up.chosen)
        if not options and not before:
            self.notify(_("This framework has no catalogue of support or options to choose from."), severity="warning")
            return
        title = (framework.options_title() if framework else "") or _("Options agreed")

        def chosen(answer: tuple[str, ...] | None) -> None:
            if answer is None or answer == before:
                return
            case = self.session.case
            self._save_follow_up(
                attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, chosen=answer)),
                _("{title}: {count} agreed", title=title, count=len(answer)),
            )

        self.app.push_screen(OptionsDialog(title, options, before), chosen)

    def action_add_agreed_action(self) -> None:
        from inspectorate_tui.dialogs.follow_up import AgreedActionDialog

        framework = self.session.framework
        if framework is None or AGREED_ACTION not in framework.evidence_kinds:
            self.notify(_("This framework records no agreed actions."), severity="warning")
            return

        def written(action) -> None:
            if action is None:
                return
            case = self.session.case
            self._save_follow_up(attrs.evolve(case, evidence=(*case.evidence, action)),
                                 _("agreed action added (by {date})", date=action.by.isoformat()))

        self.app.push_screen(AgreedActionDialog(area_choices(framework)), written)
