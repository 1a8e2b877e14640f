"""History (F6): who changed what in the case and when, newest first, one row per change.

Each change is told in the screens' words (see ``change_words``); the highlighted change is
shown in full below the table, since a cell holds only the start of a long text.
"""

from __future__ import annotations

from itertools import groupby

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.change_words import ChangeLine, entry_lines
from inspectorate_tui.labels import clip
from inspectorate_tui.markup import escape
from inspectorate_tui.session import CaseSession
from inspectorate_tui.widgets.key_footer import KeyFooter
from inspectorate_tui.words import N_, _

#: Widest a value is shown in its cell (the whole of it is below the table).
CELL = 48


class HistoryScreen(Screen):
    BINDINGS = bindings("history")
    HELP = N_("""\
## History

Every change to this case, newest first, one row per change: when, who, what changed (the
fields as the tabs name them, evidence and recommendations by number and area) and each value
before and after. The highlighted change is shown in full below the table. Ctrl+Z on the case
undoes the newest change not yet undone, and the undoing is itself recorded here.
""")
    DEFAULT_CSS = """
    HistoryScreen #history { height: 1fr; }
    HistoryScreen #history-detail { height: auto; max-height: 10; padding: 0 1; border-top: solid $panel-lighten-2; }
    """

    def __init__(self, session: CaseSession):
        super().__init__()
        self.session = session
        self.changes: list[tuple[str, list[ChangeLine]]] = []  # (undone, lines) per table row

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("History of {provider}", provider=escape(self.session.case.provider.name)), classes="section-title")
        yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield Static(id="history-detail", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("When"), _("Who"), _("What changed"), _("Before"), _("After"))
        framework = self.session.framework
        titles = {event.id: event.title for event in self.session.events}
        for _change, rows in groupby(self.session.history(), key=lambda entry: entry.change_id):
            rows = list(rows)
            first = rows[0]
            lines = entry_lines(rows, framework, titles) or [ChangeLine(first.label or _("Change"))]
            undone = _("Undo: ") if first.undo_of else ""  # what the undo did, as any change
            self.changes.append((undone, lines))
            cells = (
                first.at.strftime("%Y-%m-%d %H:%M"),
                first.who,
                undone + "; ".join(line.what for line in lines),
                "; ".join(clip(line.before, CELL) for line in lines),
                "; ".join(clip(line.after, CELL) for line in lines),
            )
            table.add_row(*(Text(cell) for cell in cells))  # values as written, not markup
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.changes):
            undone, lines = self.changes[event.cursor_row]
            self.query_one("#history-detail", Static).update(
                "\n".join(_("{undone}{what}\n  before: {before}\n  after:  {after}", undone=undone, what=line.what,
                             before=line.before, after=line.after) for line in lines)
            )
