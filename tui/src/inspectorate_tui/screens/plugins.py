"""Plugins (F2): what is installed, its version and hooks, the regimes it brings, what failed."""

from __future__ import annotations

from inspectorate import HOOK_API_VERSION, i18n
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.markup import escape
from inspectorate_tui.widgets.key_footer import KeyFooter
from inspectorate_tui.words import N_, _, language_name


class PluginsScreen(Screen):
    BINDINGS = bindings("plugins")
    HELP = N_("""\
## Plugins

Every inspectorate plugin found, built in or installed, with its version, the hooks it implements
and the regimes it registers. A plugin that failed to load, or whose hook raised, is listed under
Problems; the rest of the app keeps working without it.
""")

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(_("Hook API {version}", version=HOOK_API_VERSION), classes="section-title")
            yield DataTable(id="plugins", cursor_type="row", zebra_stripes=True)
            yield Static(id="plugin-detail")
            yield Static(_("Problems"), classes="section-title")
            yield Static(id="problems")
        yield KeyFooter()

    def on_mount(self) -> None:
        host = self.app.host
        regimes = host.regimes  # loads every regime, so failures and owners are known
        table = self.query_one("#plugins", DataTable)
        table.add_columns(_("Plugin"), _("Version"), _("Origin"), _("Regimes"), _("Frameworks"), _("Hooks"))
        silent = set(host.not_speaking())
        for info in host.plugins:
            origin = _("built in") if info.builtin else (info.distribution or info.module)
            if info.name in silent:  # its rules' words are English here: said beside its name
                origin += _(" · English only")
            mine = [r for r_id, r in regimes.items() if host.regime_owners.get(r_id) == info.name]
            cells = (
                info.name,
                info.version or "—",
                origin,
                ", ".join(r.name() for r in mine) or "—",
                str(sum(len(r.frameworks) for r in mine)),
                str(len(info.hooks)),
            )
            table.add_row(*(Text(cell) for cell in cells), key=info.name)  # as the plugin gives them, not markup
        problems = host.problems
        self.query_one("#problems", Static).update(
            "\n".join(_problem_text(p) for p in problems) if problems else _("✓ None: every plugin loaded and no hook has failed.")
        )
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        host = self.app.host
        info = next((i for i in host.plugins if i.name == event.row_key.value), None)
        if info is None:
            return
        frameworks = [f for r_id, r in host.regimes.items() if host.regime_owners.get(r_id) == info.name for f in r.frameworks]
        lines = [
            f"[b]{escape(info.name)}[/b] {escape(info.version)} · " + _("module {module}", module=escape(info.module)),
            _("Hooks: {hooks}", hooks=escape(", ".join(info.hooks)) or _("none")),
            _("Frameworks: {frameworks}", frameworks=escape(", ".join(f.id for f in frameworks)) or _("none")),
        ]
        if info.name in host.not_speaking():
            lines.append(_("Its rules have no words in {language}: what they say is shown in English.",
                           language=language_name(i18n.language())))
        self.query_one("#plugin-detail", Static).update("\n".join(lines))


def _problem_text(problem) -> str:
    last = problem.detail.strip().splitlines()[-1] if problem.detail.strip() else ""
    return f"✖ {escape(str(problem))}" + (f"\n  [dim]{escape(last)}[/dim]" if last else "")
