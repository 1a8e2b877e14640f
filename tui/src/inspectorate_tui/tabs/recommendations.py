"""Recommendations: the first cut lists what the case holds; editing comes next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab


class RecommendationsTab(CaseTab):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="recommendations-list")

    def show(self, session: CaseSession) -> None:
        self.query_one("#recommendations-list", Static).update(self.describe(session))

    def describe(self, session: CaseSession) -> str:
        from rich.markup import escape

        items = sorted(session.case.recommendations, key=lambda r: r.priority)
        return "\n".join(f"{r.priority}. {escape(r.text)}" for r in items) or "No recommendations yet."
