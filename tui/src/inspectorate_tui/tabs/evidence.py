"""Evidence: the first cut lists what the case holds; editing comes next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab


class EvidenceTab(CaseTab):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="evidence-list")

    def show(self, session: CaseSession) -> None:
        self.query_one("#evidence-list", Static).update(self.describe(session))

    def describe(self, session: CaseSession) -> str:
        from rich.markup import escape

        items = session.case.evidence
        return "\n".join(f"{escape(e.area)} · {escape(e.kind)}: {escape(e.text)}" for e in items) or "No evidence recorded yet."
