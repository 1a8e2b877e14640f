"""Reports: the first cut lists what the case holds; editing comes next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab


class ReportsTab(CaseTab):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="reports-list")

    def show(self, session: CaseSession) -> None:
        self.query_one("#reports-list", Static).update(self.describe(session))

    def describe(self, session: CaseSession) -> str:
        from rich.markup import escape
        from inspectorate.drafting import report_templates

        templates = [t for t in report_templates(session.host) if session.case.framework in t.frameworks]
        return "\n".join(escape(t.title()) for t in templates) or "No templates for this framework."
