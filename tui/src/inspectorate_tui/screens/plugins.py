"""Plugins (F2): what is installed, its version and hooks, the regimes it brings, what failed."""

from __future__ import annotations

from inspectorate import HOOK_API_VERSION
from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static


class PluginsScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="plugins.back")]
    HELP = """\
## Plugins

Every inspectorate plugin found, built in or installed, with its version, the hooks it implements
and the regimes it registers. A plugin that failed to load, or whose hook raised, is listed under
Problems; the rest of the app keeps working without it.
"""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(f"Hook API {HOOK_API_VERSION}", classes="section-title")
            yield DataTable(id="plugins", cursor_type="row", zebra_stripes=True)
            yield Static("Problems", classes="section-title")
            yield Static(id="problems")
        yield Footer()

    def on_mount(self) -> None:
        host = self.app.host
        table = self.query_one("#plugins", DataTable)
        table.add_columns("Plugin", "Version", "Origin", "Regimes", "Hooks")
        owners: dict[str, list[str]] = {}
        for regime_id, plugin in host.regime_owners.items():
            owners.setdefault(plugin, []).append(regime_id)
        for info in host.plugins:
            origin = "built in" if info.builtin else (info.distribution or info.module)
            table.add_row(info.name, info.version or "—", origin, ", ".join(owners.get(info.name, [])) or "—", ", ".join(info.hooks))
        problems = host.problems
        self.query_one("#problems", Static).update(
            "\n".join(f"✖ {escape(str(p))}" + (f"\n  [dim]{escape(p.detail.strip().splitlines()[-1])}[/dim]" if p.detail.strip() else "") for p in problems)
            if problems
            else "✓ None: every plugin loaded and no hook has failed."
        )
        table.focus()
