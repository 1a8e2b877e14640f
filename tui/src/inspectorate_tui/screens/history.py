"""History (F6): who changed what in the case and when, newest first, from the audit log."""

from __future__ import annotations

import json

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.markup import escape
from inspectorate_tui.session import CaseSession
from inspectorate_tui.widgets.key_footer import KeyFooter


def shown(value) -> str:
    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


class HistoryScreen(Screen):
    BINDINGS = bindings("history")
    HELP = """\
## History

Every change to this case, newest first: when, who, what the change was, and each value before
and after. Ctrl+Z on the case undoes the newest change not yet undone, and is itself recorded here.
"""

    def __init__(self, session: CaseSession):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"History of {escape(self.session.case.provider.name)}", classes="section-title")
        yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("When", "Who", "Change", "Field", "Before", "After")
        for entry in self.session.history():
            created = entry.what == "case" and entry.old is None
            after = "the case as first recorded" if created else shown(entry.new)
            cells = (entry.at.strftime("%Y-%m-%d %H:%M"), entry.who, entry.label or "", entry.what, shown(entry.old), after)
            table.add_row(*(Text(cell) for cell in cells))  # values as written, not markup
        table.focus()
