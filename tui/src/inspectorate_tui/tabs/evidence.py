"""Evidence: what the team found, by area and kind, with a count for every area of the framework.

The table lists the case's evidence grouped by area in the framework's order; the panel beside it
counts the evidence in every area (none included) and of every kind; below the table is the whole
of the highlighted item. ``n`` adds, ``e`` or Enter edits, Delete removes (ctrl+z brings it back).
Each change is one audited save through the case screen.
"""

from __future__ import annotations

from collections import Counter

import attrs
from inspectorate.frameworks import Framework
from inspectorate.model import Evidence
from inspectorate.wording import area_name
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.dialogs.evidence import EvidenceDialog
from inspectorate_tui.keymap import keys_for
from inspectorate_tui.labels import area_choices, clip, words
from inspectorate_tui.markup import escape
from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab, column_widths, fit_columns
from inspectorate_tui.words import N_, _


def ordered(framework: Framework | None, items: tuple[Evidence, ...]) -> list[int]:
    """Indexes of ``items`` grouped by area in the framework's order, then by kind, then as entered."""
    areas = {a: n for n, (_label, a) in enumerate(area_choices(framework))}
    kinds = {k: n for n, k in enumerate(framework.evidence_kinds)} if framework else {}
    return sorted(
        range(len(items)),
        key=lambda i: (areas.get(items[i].area, len(areas)), kinds.get(items[i].kind, len(kinds)), i),
    )


def kind_choices(framework: Framework | None, keep: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    kinds = list(framework.evidence_kinds) if framework else []
    kinds += [k for k in dict.fromkeys(keep) if k and k not in kinds]
    return [(words(k), k) for k in kinds]


class EvidenceTab(CaseTab):
    BINDINGS = bindings("evidence")
    HELP = N_("""\
## Evidence

Every piece of evidence the team has recorded, grouped by area in the framework's order. The
panel on the right counts the evidence in each area of the framework, those with none included,
and of each kind; the area of the highlighted item is marked ▸. Below the table is the whole of
the highlighted item.

`n` adds evidence (in the area you are on), `e` or Enter edits it, Delete removes it at once
(ctrl+z undoes). In the dialog, ctrl+s saves and Escape cancels. Every change is saved as you make it.
""")
    DEFAULT_CSS = """
    EvidenceTab #evidence-summary { height: auto; padding: 0 1; color: $text-muted; }
    EvidenceTab #evidence-body { height: 1fr; }
    EvidenceTab #evidence-main { width: 1fr; height: 1fr; }
    EvidenceTab #evidence-table { height: 1fr; }
    EvidenceTab #evidence-detail { height: auto; max-height: 8; padding: 0 1; border-top: solid $panel-lighten-2; }
    EvidenceTab #evidence-counts { width: 32; height: 1fr; padding: 0 1; background: $panel; }
    """

    #: Column widths; the kind column fits the framework's kinds up to KIND_WIDTH, the evidence
    #: text takes what is left.
    AREA_WIDTH, KIND_WIDTH, SOURCE_WIDTH = 28, 22, 14

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rows: list[int] = []  # evidence index of each table row, top to bottom
        self._follow: int | None = None  # evidence index to put the cursor on at the next show

    def compose(self) -> ComposeResult:
        yield Static(id="evidence-summary")
        with Horizontal(id="evidence-body"):
            with Vertical(id="evidence-main"):
                yield DataTable(id="evidence-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="evidence-detail")
            with VerticalScroll(id="evidence-counts"):
                yield Static(id="evidence-count-list")

    @property
    def table(self) -> DataTable:
        return self.query_one("#evidence-table", DataTable)

    # -- showing --------------------------------------------------------------------------------

    def show(self, session: CaseSession) -> None:
        framework = session.framework
        items = session.case.evidence
        table = self.table
        cursor_row = table.cursor_row
        self._set_columns()
        width = column_widths(table)
        rows = ordered(framework, items)
        table.clear()
        for index in rows:
            item = items[index]
            cells = (
                clip(area_name(framework, item.area), width["area"]),
                clip(words(item.kind), width["kind"]),
                clip(item.text, width["text"]),
                clip(item.source or "—", width["source"]),
            )
            table.add_row(*(Text(cell) for cell in cells), key=str(index))  # as written, not markup
        self._rows = rows
        if rows:
            # After an add or edit the cursor follows the item; otherwise it stays on its row.
            row = rows.index(self._follow) if self._follow in rows else min(cursor_row, len(rows) - 1)
            table.move_cursor(row=max(row, 0), animate=False)
        self._follow = None
        self._show_summary(session)
        self._show_highlighted()

    def _set_columns(self) -> bool:
        """Give the evidence text the width left by the other columns; True when it changed."""
        kinds = [len(label) for label, _kind in kind_choices(self.session.framework, tuple(e.kind for e in self.session.case.evidence))]
        kind_width = min(max(kinds, default=8), self.KIND_WIDTH)
        columns = (
            (N_("Area"), "area", self.AREA_WIDTH),
            (N_("Kind"), "kind", kind_width),
            (N_("Evidence"), "text", None),
            (N_("Source"), "source", self.SOURCE_WIDTH),
        )
        return fit_columns(self.table, columns, self.table.size.width or 100)

    def on_resize(self) -> None:
        keep = self.current_index()
        if self.table.size.width and self._set_columns():
            self._follow = keep
            self.show(self.session)

    def _show_summary(self, session: CaseSession) -> None:
        framework = session.framework
        items = session.case.evidence
        areas = area_choices(framework, keep=[e.area for e in items])
        covered = len({e.area for e in items})
        if not items:
            text = _("No evidence recorded yet. Press n to add the first piece.")
        else:
            text = _.plural("{count} piece of evidence in {covered} of {areas} areas · n add · e edit · Delete remove",
                            "{count} pieces of evidence in {covered} of {areas} areas · n add · e edit · Delete remove",
                            len(items), covered=covered, areas=len(areas))
        if framework is None:
            text += _(" · the framework {framework!r} is not installed", framework=session.case.framework)
        self.query_one("#evidence-summary", Static).update(text)

    def _show_counts(self, session: CaseSession, marked: str | None) -> None:
        framework = session.framework
        items = session.case.evidence
        by_area = Counter(e.area for e in items)
        by_kind = Counter(e.kind for e in items)
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=1)
        grid.add_column(justify="right", width=3)
        grid.add_column(ratio=1)
        grid.add_row("", "", Text(_("Evidence by area"), style="bold"))
        for label, area_id in area_choices(framework, keep=by_area):
            count = by_area.get(area_id, 0)
            mark = "▸" if area_id == marked else ""
            style = "" if count else "dim"
            grid.add_row(mark, Text(str(count), style=style), Text(label, style=style))
        grid.add_row("", "", "")
        grid.add_row("", "", Text(_("By kind"), style="bold"))
        for label, kind in kind_choices(framework, tuple(by_kind)):
            count = by_kind.get(kind, 0)
            style = "" if count else "dim"
            grid.add_row("", Text(str(count), style=style), Text(label, style=style))
        self.query_one("#evidence-count-list", Static).update(grid)

    def _show_highlighted(self) -> None:
        session = self.session
        index = self.current_index()
        detail = self.query_one("#evidence-detail", Static)
        if index is None:
            detail.update("")
            detail.display = False
            self._show_counts(session, None)
            return
        item = session.case.evidence[index]
        framework = session.framework
        lines = [f"[b]{escape(words(item.kind).capitalize())}[/b] · {escape(area_name(framework, item.area))}", escape(item.text)]
        extra = []
        if item.source:
            extra.append(_("Source: {source}", source=escape(item.source)))
        if item.tags:
            extra.append(_("Tags: {tags}", tags=escape(", ".join(item.tags))))
        if extra:
            lines.append(f"[dim]{' · '.join(extra)}[/dim]")
        detail.update("\n".join(lines))
        detail.display = True
        self._show_counts(session, item.area)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_highlighted()

    def current_index(self) -> int | None:
        """The evidence index of the highlighted row, or None when the table is empty."""
        table = self.table
        if not self._rows or table.row_count == 0:
            return None
        row = min(max(table.cursor_row, 0), len(self._rows) - 1)
        return self._rows[row]

    # -- changing -------------------------------------------------------------------------------

    def _dialog(self, title: str, evidence: Evidence | None, area: str | None) -> EvidenceDialog | None:
        framework = self.session.framework
        items = self.session.case.evidence
        areas = area_choices(framework, keep=[e.area for e in items])
        kinds = kind_choices(framework, tuple(e.kind for e in items))
        if not areas or not kinds:
            self.notify(
                _("The framework {framework!r} is not installed, so there are no areas or kinds to file evidence under.",
                  framework=self.session.case.framework),
                severity="error",
            )
            return None
        return EvidenceDialog(title, areas, kinds, evidence=evidence, area=area)

    def action_add_evidence(self) -> None:
        index = self.current_index()
        here = self.session.case.evidence[index].area if index is not None else None
        self._add_evidence(None, here)

    def _add_evidence(self, typed: Evidence | None, here: str | None) -> None:
        """The dialog to add evidence (holding ``typed`` again after a save was refused)."""
        dialog = self._dialog(_("Add evidence"), typed, here)
        if dialog is None:
            return

        def added(evidence: Evidence | None) -> None:
            if evidence is None:
                return
            case = self.session.case
            self._follow = len(case.evidence)
            if self.edit(attrs.evolve(case, evidence=(*case.evidence, evidence)),
                         _("evidence added in {area}", area=self._area(evidence.area)),
                         kept=_("What you wrote is kept in the dialog: save it again.")):
                self._add_evidence(evidence, None)  # refused (a colleague saved first): nothing written is lost

        self.app.push_screen(dialog, added)

    def action_edit_evidence(self) -> None:
        index = self.current_index()
        if index is None:
            self.notify(_("No evidence to edit yet: press n to add some."), severity="warning")
            return
        self._edit_evidence(index, self.session.case.evidence[index])

    def _edit_evidence(self, index: int, before: Evidence, typed: Evidence | None = None) -> None:
        """The dialog to edit item ``index`` as it was (``before``), holding ``typed`` again when
        a save was refused or a colleague changed the item while the dialog was open."""
        dialog = self._dialog(_("Edit evidence"), typed or before, None)
        if dialog is None:
            return

        def edited(evidence: Evidence | None) -> None:
            case = self.session.case
            if evidence is None or evidence == before:
                return
            if index >= len(case.evidence) or case.evidence[index] != before:  # a colleague's change came meanwhile
                self.notify(_("A colleague changed evidence {number} while you were editing it, so yours was not saved. "
                              "What you wrote is kept in the dialog: save it to put it in place of theirs, or escape to keep theirs.",
                              number=index + 1),
                            severity="warning", timeout=15)
                if index < len(case.evidence):
                    self._edit_evidence(index, case.evidence[index], evidence)
                else:
                    self._add_evidence(evidence, None)
                return
            items = list(case.evidence)
            items[index] = evidence
            if evidence.area != before.area:
                what = _("evidence moved from {before} to {after}", before=self._area(before.area), after=self._area(evidence.area))
            else:
                what = _("evidence edited in {area}", area=self._area(evidence.area))
            self._follow = index
            if self.edit(attrs.evolve(case, evidence=tuple(items)), what, kept=_("What you wrote is kept in the dialog: save it again.")):
                now = self.session.case.evidence
                if index < len(now):
                    self._edit_evidence(index, now[index], evidence)
                else:
                    self._add_evidence(evidence, None)

        self.app.push_screen(dialog, edited)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_evidence()

    def action_delete_evidence(self) -> None:
        index = self.current_index()
        if index is None:
            self.notify(_("No evidence to delete."), severity="warning")
            return
        case = self.session.case
        gone = case.evidence[index]
        where = self._area(gone.area)
        self.edit(attrs.evolve(case, evidence=case.evidence[:index] + case.evidence[index + 1 :]),
                  _("evidence deleted from {area}", area=where))
        undo = keys_for("case.undo", self.app.settings.keymap)
        self.notify(_("Deleted {kind} in {area}: “{text}” ({undo} undoes)", kind=words(gone.kind), area=where,
                      text=clip(gone.text, 40), undo=undo))

    def _area(self, area_id: str) -> str:
        return area_name(self.session.framework, area_id)
