"""What every tab of the case screen shares: it shows the session and asks for edits."""

from __future__ import annotations

from inspectorate.model import Case
from textual.containers import ScrollableContainer, Vertical
from textual.message import Message
from textual.scroll_view import ScrollView

from inspectorate_tui.session import CaseSession


class CaseTab(Vertical):
    """A tab shows the case as the session holds it and never saves by itself.

    ``edit`` posts the changed case; the case screen saves it through the casebook (one audited
    change) and then calls ``show`` on every tab with the session's new state.
    """

    class Edited(Message):
        def __init__(self, case: Case, what: str):
            super().__init__()
            self.case = case
            self.what = what

    @property
    def session(self) -> CaseSession:
        return self.screen.session

    def show(self, session: CaseSession) -> None:
        raise NotImplementedError

    def edit(self, case: Case, what: str) -> None:
        self.post_message(self.Edited(case, what))

    def focus_first(self) -> bool:
        """Put the focus on the tab's first control, so its keys work at once; False if none yet."""
        for widget in self.query("*"):
            # Skip plain scrolling containers (focusable for scrolling), not lists and tables.
            if widget.focusable and not (isinstance(widget, ScrollableContainer) and not isinstance(widget, ScrollView)):
                widget.focus()
                return True
        return False
