"""What every tab of the case screen shares: it shows the session and asks for edits."""

from __future__ import annotations

from collections.abc import Sequence

from inspectorate.model import Case
from textual.containers import ScrollableContainer, Vertical
from textual.scroll_view import ScrollView
from textual.widgets import DataTable

from inspectorate_tui.session import CaseSession
from inspectorate_tui.words import _


def fit_columns(table: DataTable, columns: Sequence[tuple[str, str, int | None]], room: int) -> bool:
    """Give ``table`` these (heading, key, width) columns, the one whose width is None taking what
    the others leave of ``room`` (at least 24); True when the columns changed. Each heading is
    English marked ``N_``, shown in the language spoken."""
    fixed = sum(width or 0 for _heading, _key, width in columns) + 2 * len(columns) + 2  # cell padding, scrollbar
    widths = {key: max(room - fixed, 24) if width is None else width for _heading, key, width in columns}
    if column_widths(table) == widths:
        return False
    table.clear(columns=True)
    for heading, key, _width in columns:
        table.add_column(_(heading), width=widths[key], key=key)
    return True


def column_widths(table: DataTable) -> dict[str, int]:
    """Column key -> width, to cut each cell's text to its column."""
    return {str(key.value): column.width for key, column in table.columns.items()}


class CaseTab(Vertical):
    """A tab shows the case as the session holds it and never saves by itself.

    ``edit`` hands the changed case to the case screen, which saves it through the casebook (one
    audited change) before it returns, then calls ``show`` with the session's new state. At once,
    not by a message: an edit made as the case closes or the app quits is saved before either.
    """

    @property
    def session(self) -> CaseSession:
        return self.screen.session

    def show(self, session: CaseSession) -> None:
        raise NotImplementedError

    def edit(self, case: Case, what: str, kept: str = "") -> str | None:
        """Save the edited case; None once saved, else why not (see ``CaseScreen.save_edit``)."""
        return self.screen.save_edit(case, what, kept)

    def keep_edits(self) -> str | None:
        """Save whatever is typed and not yet saved; why not, naming the field, if refused."""
        return None

    def focus_first(self) -> bool:
        """Put the focus on the tab's first control, so its keys work at once; False if none yet."""
        for widget in self.query("*"):
            # Skip plain scrolling containers (focusable for scrolling), not lists and tables.
            if widget.focusable and not (isinstance(widget, ScrollableContainer) and not isinstance(widget, ScrollView)):
                widget.focus()
                return True
        return False
