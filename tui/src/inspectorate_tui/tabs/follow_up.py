"""Follow-up: the first cut lists what the case holds; editing comes next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab


class FollowUpTab(CaseTab):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="follow_up-list")

    def show(self, session: CaseSession) -> None:
        self.query_one("#follow_up-list", Static).update(self.describe(session))

    def describe(self, session: CaseSession) -> str:
        from rich.markup import escape

        lines = []
        for event in session.events:
            window = f"{event.earliest} to {event.latest}" if event.earliest else f"by {event.latest}"
            lines.append(f"{escape(event.status)} · {escape(event.title)} · {window}")
        return "\n".join(lines) or "No follow-up events."
