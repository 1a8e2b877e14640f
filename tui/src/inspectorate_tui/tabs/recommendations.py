"""Recommendations: most important first, with the areas they concern and the progress made.

``n`` writes one (it goes last), ``e`` or Enter edits its text and areas, Delete removes it (ctrl+z
brings it back), ``K`` and ``J`` raise and lower it, ``p`` records progress at a follow-up visit.
Priorities are always 1..n after a change, and the cursor follows the recommendation moved.
"""

from __future__ import annotations

import attrs
from inspectorate.model import ProgressEntry, Recommendation
from inspectorate.reports import number_of
from inspectorate.wording import area_name
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.keymap import keys_for
from inspectorate_tui.labels import area_choices, clip, words
from inspectorate_tui.markup import escape
from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab, column_widths, fit_columns
from inspectorate_tui.words import N_, _


def in_priority_order(items: tuple[Recommendation, ...]) -> list[Recommendation]:
    return sorted(items, key=lambda r: r.priority)  # stable: equal priorities keep their order


def renumbered(items: list[Recommendation]) -> tuple[Recommendation, ...]:
    """The recommendations in the given order with priorities 1..n."""
    return tuple(r if r.priority == n else attrs.evolve(r, priority=n) for n, r in enumerate(items, start=1))


def latest(recommendation: Recommendation) -> ProgressEntry | None:
    entries = history(recommendation)
    return entries[-1] if entries else None


def history(recommendation: Recommendation) -> list[ProgressEntry]:
    """Progress entries oldest first (entries on the same day in the order they were recorded)."""
    return sorted(recommendation.progress, key=lambda entry: entry.on)


def progress_line(entry: ProgressEntry) -> str:
    return f"{entry.on.isoformat()} {words(entry.progress)}"


class RecommendationsTab(CaseTab):
    BINDINGS = bindings("recommendations")
    HELP = N_("""\
## Recommendations

The case's recommendations, most important first, with the areas each concerns and the latest
progress recorded at follow-up. Below the table is the whole of the highlighted recommendation
with all its progress.

`n` writes a new one (it goes last), `e` or Enter edits its text and areas, Delete removes it at
once (ctrl+z undoes). `K` raises it and `J` lowers it; the priorities are renumbered 1, 2, 3… `p`
records progress: the date of the visit, the progress made (from the framework's scale where it
has one) and a note. In a dialog, ctrl+s saves and Escape cancels.
""")
    DEFAULT_CSS = """
    RecommendationsTab #recommendations-summary { height: auto; padding: 0 1; color: $text-muted; }
    RecommendationsTab #recommendations-table { height: 1fr; }
    RecommendationsTab #recommendation-detail { height: auto; max-height: 14; padding: 0 1; border-top: solid $panel-lighten-2; }
    """

    #: Column widths; the recommendation's text takes what is left.
    NUMBER_WIDTH, AREAS_WIDTH, PROGRESS_WIDTH = 3, 34, 30

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._follow: int | None = None  # position to put the cursor on at the next show

    def compose(self) -> ComposeResult:
        yield Static(id="recommendations-summary")
        yield DataTable(id="recommendations-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="recommendation-detail"):
            yield Static(id="recommendation-text")

    @property
    def table(self) -> DataTable:
        return self.query_one("#recommendations-table", DataTable)

    # -- showing --------------------------------------------------------------------------------

    def show(self, session: CaseSession) -> None:
        framework = session.framework
        items = in_priority_order(session.case.recommendations)
        table = self.table
        cursor_row = table.cursor_row
        self._set_columns()
        width = column_widths(table)
        table.clear()
        for n, item in enumerate(items):
            entry = latest(item)
            cells = (
                str(n + 1),  # the number every report and letter gives it: its place in priority order
                clip(item.text, width["text"]),
                clip(", ".join(area_name(framework, a) for a in item.areas) or "—", width["areas"]),
                clip(progress_line(entry) if entry else _("— none recorded"), width["progress"]),
            )
            table.add_row(*(Text(cell) for cell in cells), key=str(n))  # as written, not markup
        if items:
            row = self._follow if self._follow is not None else cursor_row
            table.move_cursor(row=min(max(row, 0), len(items) - 1), animate=False)
        self._follow = None
        if not items:
            text = _("No recommendations yet. Press n to write the first.")
        else:
            text = _.plural("{count} recommendation, most important first"
                            " · n add · e edit · K raise · J lower · p progress · Delete remove",
                            "{count} recommendations, most important first"
                            " · n add · e edit · K raise · J lower · p progress · Delete remove",
                            len(items))
        self.query_one("#recommendations-summary", Static).update(text)
        self._show_highlighted()

    def _set_columns(self) -> bool:
        columns = (
            ("#", "priority", self.NUMBER_WIDTH),
            (N_("Recommendation"), "text", None),
            (N_("Areas"), "areas", self.AREAS_WIDTH),
            (N_("Latest progress"), "progress", self.PROGRESS_WIDTH),
        )
        return fit_columns(self.table, columns, self.table.size.width or 120)

    def on_resize(self) -> None:
        keep = self.current_position()
        if self.table.size.width and self._set_columns():
            self._follow = keep
            self.show(self.session)

    def _show_highlighted(self) -> None:
        item = self.current()
        detail = self.query_one("#recommendation-detail")
        if item is None:
            detail.display = False
            return
        framework = self.session.framework
        lines = ["[b]" + _("Recommendation {number}", number=number_of(item, self.session.case.recommendations)) + "[/b]",
                 escape(item.text)]
        if item.areas:
            lines.append(_("[b]Areas:[/b] ") + escape("; ".join(area_name(framework, a) for a in item.areas)))
        else:
            lines.append(_("[b]Areas:[/b] none linked (e to link some)"))
        entries = history(item)
        if entries:
            lines.append(_("[b]Progress at follow-up:[/b]"))
            for entry in entries:
                note = f" · {escape(entry.note)}" if entry.note else ""
                lines.append(f"  {entry.on.isoformat()}  {escape(words(entry.progress))}{note}")
        else:
            lines.append(_("[b]Progress at follow-up:[/b] none recorded (p to record)"))
        self.query_one("#recommendation-text", Static).update("\n".join(lines))
        detail.display = True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_highlighted()

    def current_position(self) -> int | None:
        """Where the highlighted recommendation stands in priority order (0 first), or None."""
        count = len(self.session.case.recommendations)
        if count == 0 or self.table.row_count == 0:
            return None
        return min(max(self.table.cursor_row, 0), count - 1)

    def current(self) -> Recommendation | None:
        position = self.current_position()
        return None if position is None else in_priority_order(self.session.case.recommendations)[position]

    # -- changing -------------------------------------------------------------------------------

    def _save(self, items: list[Recommendation], what: str, follow: int | None) -> None:
        self._follow = follow
        self.edit(attrs.evolve(self.session.case, recommendations=renumbered(items)), what)

    def _areas(self, keep=()) -> list[tuple[str, str]]:
        return area_choices(self.session.framework, keep=keep)

    def action_add_recommendation(self) -> None:
        from inspectorate_tui.dialogs.recommendation import RecommendationDialog

        def written(recommendation: Recommendation | None) -> None:
            if recommendation is None:
                return
            items = in_priority_order(self.session.case.recommendations)
            self._save([*items, recommendation], _("recommendation {number} added", number=len(items) + 1), len(items))

        self.app.push_screen(RecommendationDialog(_("New recommendation"), self._areas()), written)

    def action_edit_recommendation(self) -> None:
        from inspectorate_tui.dialogs.recommendation import RecommendationDialog

        position, before = self.current_position(), self.current()
        if before is None:
            self.notify(_("No recommendation to edit yet: press n to write one."), severity="warning")
            return

        def edited(recommendation: Recommendation | None) -> None:
            items = in_priority_order(self.session.case.recommendations)
            if recommendation is None or recommendation == before or before not in items:
                return
            items[items.index(before)] = recommendation
            self._save(items, _("recommendation {number} edited", number=before.priority), position)

        title = _("Edit recommendation {number}", number=before.priority)
        self.app.push_screen(RecommendationDialog(title, self._areas(keep=before.areas), before), edited)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_recommendation()

    def action_delete_recommendation(self) -> None:
        position, gone = self.current_position(), self.current()
        if gone is None:
            self.notify(_("No recommendation to delete."), severity="warning")
            return
        items = in_priority_order(self.session.case.recommendations)
        del items[position]
        self._save(items, _("recommendation {number} deleted", number=gone.priority), position)
        undo = keys_for("case.undo", self.app.settings.keymap)
        self.notify(_("Deleted recommendation {number}: “{text}” ({undo} undoes)", number=gone.priority,
                      text=clip(gone.text, 40), undo=undo))

    def action_move(self, step: int) -> None:
        position = self.current_position()
        if position is None:
            return
        items = in_priority_order(self.session.case.recommendations)
        target = position + step
        if not 0 <= target < len(items):
            self.notify(_("Already the most important.") if step < 0 else _("Already the least important."), severity="warning")
            return
        items[position], items[target] = items[target], items[position]
        what = (_("recommendation {number} raised to {place}", number=position + 1, place=target + 1) if step < 0
                else _("recommendation {number} lowered to {place}", number=position + 1, place=target + 1))
        self._save(items, what, target)

    def action_record_progress(self) -> None:
        from inspectorate_tui.dialogs.recommendation import ProgressDialog

        position, before = self.current_position(), self.current()
        if before is None:
            self.notify(_("No recommendation to record progress against."), severity="warning")
            return
        framework = self.session.framework
        scale = framework.progress_scale if framework else ()

        def recorded(entry: ProgressEntry | None) -> None:
            items = in_priority_order(self.session.case.recommendations)
            if entry is None or before not in items:
                return
            items[items.index(before)] = attrs.evolve(before, progress=(*before.progress, entry))
            self._save(items, _("progress on recommendation {number} recorded", number=before.priority), position)

        from inspectorate import record_dates

        on, why = record_dates.progress_date(self.session.case, self.session.events, self.app.today)
        self.app.push_screen(ProgressDialog(before, scale, on, why), recorded)
