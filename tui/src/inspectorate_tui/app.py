"""The terminal app: the casebook first, a case in tabs, plugins and help a key away.

``run()`` is the one entry point the command line uses. The first frame is painted before the
casebook and the plugins are opened: they load in the casebook screen's worker (SQLAlchemy and
the plugins take longer to import than Textual takes to paint). A casebook that cannot be
opened ends the app with a one-line error and exit status 1, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from textual.app import App, SystemCommand
from textual.screen import Screen

from inspectorate_tui import last_resort
from inspectorate_tui.bindings import bindings
from inspectorate_tui.config import Settings, export_folder, load_settings, save_setting, save_theme
from inspectorate_tui.keymap import ACTIONS
from inspectorate_tui.themes import DEFAULT_THEME, HIGH_CONTRAST
from inspectorate_tui.words import N_, _

if TYPE_CHECKING:
    from inspectorate.casebook import Casebook
    from inspectorate.plugins import PluginHost

#: Opens the casebook and loads the plugins; called once, in a worker thread.
Opener = Callable[[], "tuple[Casebook, PluginHost]"]

#: Textual's own commands in the palette, by their English names: told in the language spoken.
TEXTUAL_COMMANDS = {
    "Theme": (N_("Theme"), N_("Change the current theme")),
    "Quit": (N_("Quit"), N_("Quit the application as soon as possible")),
    "Keys": (N_("Keys"), N_("Show help for the focused widget and a summary of available keys")),
    "Minimize": (N_("Minimize"), N_("Minimize the widget and restore to normal size")),
    "Maximize": (N_("Maximize"), N_("Maximize the focused widget")),
    "Screenshot": (N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen")),
}


class InspectorateApp(App):
    TITLE = "inspectorate"
    CSS_PATH = "app.tcss"
    BINDINGS = bindings("everywhere")
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        casebook: Casebook | None = None,
        host: PluginHost | None = None,
        today: dt.date | None = None,
        settings: Settings | None = None,
        demo: bool = False,
        opener: Opener | None = None,
        strict: bool = False,
    ):
        """Give an open ``casebook`` and ``host``, or an ``opener`` that makes them in a worker.

        ``strict``: an unexpected exception ends the app with Textual's full report (for tests,
        which must fail on one; ``INSPECTORATE_DEBUG=1`` does the same) instead of the last resort.
        """
        super().__init__()
        self.casebook = casebook
        self.host = host
        self._opener = opener
        self.today = today or dt.date.today()
        self.settings = settings or Settings()
        self.demo = demo
        self._reported_problems = 0
        self.strict = strict or os.environ.get("INSPECTORATE_DEBUG") == "1"
        self._unexpected: list[float] = []  # when the last unexpected exceptions came
        self.register_theme(HIGH_CONTRAST)
        self.theme = self.settings.theme if self.settings.theme in self.available_themes else DEFAULT_THEME
        self.set_keymap(self.settings.keymap)

    def on_mount(self) -> None:
        from inspectorate_tui.screens.casebook import CasebookScreen

        self.push_screen(CasebookScreen())
        if self.ready:
            self.casebook_opened()
        for problem in self.settings.problems:
            self.notify(str(problem), title=_("Settings not applied"), severity="warning", timeout=12)
        if self.settings.theme and self.settings.theme not in self.available_themes:
            self.notify(_("No theme called {name!r}; using {default}.", name=self.settings.theme, default=DEFAULT_THEME),
                        severity="warning")

    @property
    def ready(self) -> bool:
        """True once the casebook is open and the plugins are loaded."""
        return self.casebook is not None and self.host is not None

    def open_casebook(self) -> None:
        """Open the casebook and load the plugins if not done yet (worker thread)."""
        if not self.ready:
            self.casebook, self.host = self._opener()

    def casebook_opened(self) -> None:
        book = self.casebook
        where = book.path.name if getattr(book, "path", None) else getattr(book, "place", "")
        self.sub_title = _("{where} (demo)", where=where) if self.demo else where
        for notice in getattr(self.casebook, "notices", ()):
            self.notify(f"{notice[:1].upper()}{notice[1:]}.", title=_("Casebook"), severity="warning", timeout=12)
        self.report_plugin_problems()

    def report_plugin_problems(self) -> None:
        """Notify any plugin failure not yet shown (F2 lists them all)."""
        if self.host is None:
            return
        for problem in self.host.problems[self._reported_problems :]:
            self.notify(_("{problem}. The rest of the app carries on; F2 shows details.", problem=problem),
                        title=_("Plugin problem"), severity="error", timeout=12)
        self._reported_problems = len(self.host.problems)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None, markup: bool = True) -> None:
        """Every notification is plain text, whoever sends it (widgets call this too).

        Notifications carry names and text from cases and plugins ("[VA]" in a provider's name,
        "[H]" in a citation), which markup would swallow, or fail on with a traceback.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def survive(self, error: Exception) -> None:
        """Carry on after an unexpected exception where the app can (an action, a save): tell it in
        a line, log the traceback, show the case as stored. Strict apps re-raise it."""
        if self.strict:
            raise error
        path = last_resort.record(error)
        now = time.monotonic()
        self._unexpected = [*(t for t in self._unexpected if now - t < 10), now]
        if len(self._unexpected) > 3:  # failing over and over: stop, cleanly
            self.exit(return_code=1, message=last_resort.ending(error, path))
            return
        try:
            self.notify(last_resort.told(error, path), title=_("Unexpected problem"), severity="error", timeout=20)
            resync = getattr(self.screen, "resync", None)
            if resync is not None:
                resync()
        except Exception:  # noqa: BLE001 - even the recovery failed: stop, cleanly
            self.exit(return_code=1, message=last_resort.ending(error, path))

    async def run_action(self, action, default_namespace=None) -> bool:
        """Every key, button and command runs here: an action that fails is survived."""
        try:
            return await super().run_action(action, default_namespace)
        except Exception as error:  # noqa: BLE001 - the last resort for what a person set off
            self.survive(error)
            return True

    def _handle_exception(self, error: Exception) -> None:
        """Anything else unexpected (Textual stops the part of the screen it came from): log it and
        end the app with a line, never a traceback with its local variables."""
        if self.strict:
            super()._handle_exception(error)
            return
        self._return_code = 1
        self.exit(return_code=1, message=last_resort.ending(error, last_resort.record(error)))

    # -- actions everywhere ---------------------------------------------------------------------

    def action_quit(self) -> None:
        """Quit once whatever is typed is saved; while something cannot be, say what and stay."""
        for screen in reversed(self.screen_stack):
            problem = getattr(screen, "keep_edits", lambda: None)()
            if problem:
                self.notify(f"{problem}.", title=_("Not quitting yet"), severity="error", timeout=12)
                return
        self.exit()

    def action_command_palette(self) -> None:
        """The palette, its search field speaking the language spoken."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def action_help(self) -> None:
        from inspectorate_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.focused))

    def action_plugins(self) -> None:
        from inspectorate_tui.screens.plugins import PluginsScreen

        if self.host is None:
            self.notify(_("The plugins are still loading."))
        elif not isinstance(self.screen, PluginsScreen):
            self.push_screen(PluginsScreen())

    def action_choose_theme(self) -> None:
        from inspectorate_tui.dialogs.theme import ThemeDialog

        if not isinstance(self.screen, ThemeDialog):
            self.push_screen(ThemeDialog(), self.keep_theme)

    def keep_theme(self, name: str | None) -> None:
        """Use the theme chosen (None: the dialog was cancelled) and keep it in the config file."""
        if name is None:
            return
        self.theme = name
        if self.settings.path is None:
            return
        try:
            save_theme(name, self.settings.path)
        except (OSError, ValueError) as error:
            self.notify(_("Theme {name} is used now but not kept: {error}", name=name, error=error), severity="warning", timeout=12)
        else:
            self.notify(_("Theme: {name}, kept in {path}", name=name, path=self.settings.path), timeout=4)

    def export(self, title: str, choices) -> None:
        """Offer ``choices`` (:class:`~inspectorate_tui.exports.ExportChoice`) in the export
        dialog; the folder written to is remembered for next time."""
        from inspectorate_tui.dialogs.export import ExportDialog

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(_("Written to {path}", path=path), title=_("Exported"), timeout=8)
                self.keep_export_folder(path.parent)

        self.push_screen(ExportDialog(title, choices, export_folder(self.settings)), written)

    def keep_export_folder(self, folder: Path) -> None:
        if self.settings.export_folder and Path(self.settings.export_folder).expanduser() == folder:
            return
        self.settings = attrs.evolve(self.settings, export_folder=str(folder))
        if self.settings.path is None:
            return
        try:
            save_setting("export_folder", str(folder), self.settings.path)
        except (OSError, ValueError) as error:
            self.notify(_("The export folder is not kept for next time: {error}", error=error), severity="warning", timeout=12)

    def action_compare_frameworks(self) -> None:
        from inspectorate_tui.dialogs.compare_frameworks import CompareFrameworksDialog
        from inspectorate_tui.screens.compare import CompareScreen

        if self.host is None:
            self.notify(_("The plugins are still loading."))
            return
        session = getattr(self.screen, "session", None)  # from a case, its framework comes first

        def chosen(framework_ids: list[str] | None) -> None:
            if framework_ids:
                self.push_screen(CompareScreen(frameworks=framework_ids))

        self.push_screen(CompareFrameworksDialog(self.host, session.case.framework if session else None), chosen)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action reachable by name: the app's, then those of the screen and its tabs."""
        for command in super().get_system_commands(screen):
            title, help_text = TEXTUAL_COMMANDS.get(command.title, (command.title, command.help))
            yield SystemCommand(_(title), _(help_text), command.callback, command.discover)
        targets = getattr(screen, "action_targets", lambda: {})()
        for action in ACTIONS:
            if action.scope == "everywhere":
                if action.id not in ("app.quit", "app.command-palette"):
                    yield SystemCommand(_(action.description), action.id, partial(self.run_action, action.action))
            elif action.scope in targets:
                target, before = targets[action.scope]
                yield SystemCommand(_(action.description), action.id, partial(_run_on, target, before, action.action))


async def _run_on(target, before, action: str) -> None:
    if before is not None:
        before()
    await target.run_action(action)


def run(casebook: str | Path | None = None, demo: bool = False, today: dt.date | None = None,
        language: str | None = None) -> None:
    """Run the app on the casebook (or a demo one) until the person quits, speaking ``language``
    (``--lang``), else the configuration file's, else English."""
    from inspectorate import i18n

    today = today or dt.date.today()
    settings = load_settings()
    i18n.set_language(language or settings.language or i18n.SOURCE_LANGUAGE)  # before any screen is built

    def opener():
        from inspectorate.casebook import Casebook
        from inspectorate.plugins import default_host

        from inspectorate_tui.demo import open_demo_casebook

        host = default_host()
        if demo:
            return open_demo_casebook(host, Path(casebook) if casebook else None, today), host
        return Casebook.open(casebook), host  # a file or a server, as --casebook, the environment or config say

    app = InspectorateApp(today=today, settings=settings, demo=demo, opener=opener)
    try:
        app.run()
    finally:
        if app.casebook is not None:
            app.casebook.close()
            if demo and casebook is None and app.casebook.path:  # a throwaway demo leaves nothing behind
                shutil.rmtree(app.casebook.path.parent, ignore_errors=True)
    if app.return_code:
        sys.exit(app.return_code)
