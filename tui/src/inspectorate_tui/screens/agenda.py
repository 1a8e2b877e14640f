"""The agenda (g from the casebook): every open follow-up deadline and window, overdue first, then
week by week. Enter opens the case at its Follow-up tab.

The list is the core's (:func:`inspectorate.agenda.agenda`), so its statuses are the Follow-up
tab's and the casebook's. It is worked out in a worker: every case is read and scheduled.
"""

from __future__ import annotations

from inspectorate.agenda import Agenda, AgendaItem
from inspectorate.wording import window_text
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.labels import clip
from inspectorate_tui.markup import escape
from inspectorate_tui.tabs.follow_up import MONTHS, event_detail, status_label
from inspectorate_tui.widgets.key_footer import KeyFooter
from inspectorate_tui.words import N_, _

#: Widths of the status and date columns ("! due soon", "2026-06-12 – 2030-07-31").
STATUS_WIDTH, WHEN_WIDTH = 10, 23


def name_widths(width: int) -> tuple[int, int]:
    """Provider and event columns for a screen ``width`` wide: two fifths and the rest of what the
    fixed columns and the cells' padding leave. Longer names are cut short; the detail has them whole."""
    room = max(30, width - STATUS_WIDTH - WHEN_WIDTH - 10)
    provider = min(40, room * 2 // 5)
    return provider, room - provider


class AgendaScreen(Screen):
    BINDINGS = bindings("agenda")
    HELP = N_("""\
## Agenda

Every open follow-up deadline and window in the casebook: overdue ones first, then week by week
(weeks begin on Monday; an event is listed under its deadline, or under the day a window not yet
open opens). Due soon and overdue are as each case's Follow-up tab shows them, counted in the
provider's own working days. A case whose plugin failed is named at the top as incomplete: some
of its events may be missing. Enter opens the highlighted event's case at its Follow-up tab.
""")

    def __init__(self):
        super().__init__()
        self.agenda: Agenda | None = None
        self.cases: dict = {}
        #: Row key -> the item it shows (heading rows show none).
        self._items: dict[str, AgendaItem] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("⧗ Working out the agenda…"), id="agenda-status")
        yield Static(id="agenda-incomplete")
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=False)
        with VerticalScroll(id="agenda-detail-box", can_focus=False):
            yield Static(id="agenda-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#agenda-incomplete", Static).display = False
        self.query_one(DataTable).focus()
        self.load()

    def action_targets(self) -> dict:
        return {"agenda": (self, None)}

    @work(thread=True, exclusive=True, group="agenda")
    def load(self, keep: str | None = None) -> None:
        from inspectorate.agenda import agenda

        app = self.app
        cases = {row.id: app.casebook.get(row.id).case for row in app.casebook.list_cases()}
        found = agenda(app.host, cases.values(), app.today)
        app.call_from_thread(self._show, found, cases, keep)

    def _show(self, found: Agenda, cases: dict, keep: str | None) -> None:
        self.agenda, self.cases = found, cases
        overdue = len(found.overdue)
        coming = sum(len(w.items) for w in found.weeks)
        weeks = len(found.weeks)
        lacking = _(" · ✖ {count} incomplete", count=len(found.incomplete)) if found.incomplete else ""
        self.query_one("#agenda-status", Static).update(
            _.plural("‼ {overdue} overdue · {coming} more in {count} week{lacking} · as of {today}",
                     "‼ {overdue} overdue · {coming} more in {count} weeks{lacking} · as of {today}", weeks,
                     overdue=overdue, coming=coming, lacking=lacking, today=found.today.isoformat())
        )
        incomplete = self.query_one("#agenda-incomplete", Static)
        incomplete.update("\n".join(f"✖ {escape(c.provider)}: {escape(r)}" for c in found.incomplete for r in c.reasons))
        incomplete.display = bool(found.incomplete)
        self._fill(keep)

    def on_resize(self) -> None:
        if self.agenda is not None:
            current = self.current
            self._fill(f"{current.case_id}/{current.event.id}" if current else None)

    def _fill(self, keep: str | None) -> None:
        found = self.agenda
        provider_width, event_width = name_widths(self.size.width or self.app.size.width)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column(_("Status"), width=STATUS_WIDTH)
        table.add_column(_("When"), width=WHEN_WIDTH)
        table.add_column(_("Provider"), width=provider_width)
        table.add_column(_("Event"), width=event_width)
        self._items.clear()
        if not found.items:
            none = _("None open") if not found.incomplete else _("None found")
            table.add_row(Text(none, style="dim"), Text(_("no open follow-up deadlines or windows"), style="dim"), "", "",
                          key="heading-none")
        # A heading row per section: "Overdue", or the ISO week and the Monday it begins.
        sections = [((_("Overdue"), ""), found.overdue)] if found.overdue else []
        sections += [((w.iso_week, _("from Monday {day} {month} {year}", day=w.monday.day, month=_(MONTHS[w.monday.month - 1]),
                                     year=w.monday.year)), w.items) for w in found.weeks]
        for n, ((heading, beginning), items) in enumerate(sections):
            table.add_row(Text(heading, style="bold"), Text(beginning, style="bold"), "", "", key=f"heading-{n}")
            for item in items:
                key = f"{item.case_id}/{item.event.id}"
                self._items[key] = item
                table.add_row(status_label(item.event), window_text(item.event), Text(clip(item.provider, provider_width)),
                              Text(clip(item.event.title, event_width)), key=key)
        rows = [k for k in self._items]
        target = keep if keep in self._items else (rows[0] if rows else None)
        if target is not None:
            table.move_cursor(row=table.get_row_index(target))
        self._detail(target)

    @property
    def current(self) -> AgendaItem | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._items.get(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_case()

    def _detail(self, key: str | None) -> None:
        detail = self.query_one("#agenda-detail", Static)
        item = self._items.get(key) if key else None
        if item is None:
            detail.update(_("Highlight an event to see its case, dates and source.") if self._items else "")
            return
        case = self.cases[item.case_id]
        framework = self.app.host.framework(item.framework)
        where = Text.assemble((item.provider, "bold"), f" · {framework.name() if framework else item.framework}")
        from rich.console import Group

        detail.update(Group(where, event_detail(item.event, framework, case)))

    def action_open_case(self) -> None:
        """Open the highlighted event's case at its Follow-up tab, on that event; back here, the agenda is redone."""
        from inspectorate_tui.screens.case import CaseScreen
        from inspectorate_tui.session import CaseSession

        item = self.current
        if item is None:
            return
        key = f"{item.case_id}/{item.event.id}"
        session = CaseSession(self.app.casebook, self.app.host, item.case_id, self.app.today)
        screen = CaseScreen(session)
        self.app.push_screen(screen, callback=lambda _: self.load(keep=key))
        self.app.report_plugin_problems()

        def at_the_event() -> None:
            screen.action_show_tab("follow-up")
            screen.query_one("#follow-up-tab").highlight(item.event.id)

        screen.call_after_refresh(at_the_event)
