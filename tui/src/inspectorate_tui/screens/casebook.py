"""The casebook: every case, overdue and due soon first, filtered as you type.

While the screen is open it watches the casebook (``Casebook.watch``): a colleague's new, edited
or archived case appears without a restart, the cursor staying on the same case and the filter
as typed, and an open case a colleague changed is shown as they left it (see
``CaseScreen.colleague_saved``).
"""

from __future__ import annotations

import contextlib

from inspectorate.casebook import CasebookError
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.casebook_view import SORT_WORDS, SORTS, CaseLine, copy_name, filter_lines, lines_for, sort_lines
from inspectorate_tui.keymap import keys_for
from inspectorate_tui.widgets.case_table import CaseTable, header
from inspectorate_tui.widgets.key_footer import KeyFooter
from inspectorate_tui.widgets.one_line_input import OneLineInput
from inspectorate_tui.words import N_, _

#: Seconds from a colleague's save to reading the casebook again: the saves of a burst (an import,
#: a busy team) are read once, not once each.
SETTLE = 0.3


class ColleagueSaved(Message):
    """Others saved changes to these cases (posted from the casebook's watch thread)."""

    def __init__(self, case_ids: set[str]):
        super().__init__()
        self.case_ids = frozenset(case_ids)


class CasebookScreen(Screen):
    BINDINGS = bindings("casebook")
    HELP = N_("""\
## Casebook

Every case in this casebook. Cases with an overdue event come first, then those due within ten
working days, then the rest by their next deadline.

Type to filter: every word must appear in the provider, regime, framework, sector, stage or
status, the team's names, the provider's identifiers (URN, UKPRN) or the evidence and
recommendations (try `overdue`, `estyn`, an inspector's name, a URN, or part of a provider's
name). Enter opens the highlighted case; g shows the agenda of every open deadline.

`x` exports the highlighted case's reports and letters, each in Word, PDF, HTML or Markdown, to
the folder you choose (remembered for next time).
""")

    def __init__(self):
        super().__init__()
        self.all_lines: list[CaseLine] = []
        self.sort = SORTS[0]
        self.show_archived = False
        self.loaded = False
        self._stop_watching = None  # the watch's stop event, once the casebook is open
        self._saved_elsewhere: set[str] = set()  # cases others saved, not read again yet

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filter-bar"):
            yield OneLineInput(placeholder=_("Filter: provider, regime, status, team, URN, evidence…"), id="filter", what=_("The filter"))
        yield Static(id="table-header")
        yield CaseTable(id="cases")
        yield Static(_("⧗ Opening the casebook…"), id="casebook-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(CaseTable).focus()
        self.load()

    def on_resize(self) -> None:
        self.query_one("#table-header", Static).update(header(self.query_one(CaseTable).size.width or self.size.width))

    def action_targets(self) -> dict:
        return {"casebook": (self, None)}

    # -- loading --------------------------------------------------------------------------------

    def on_unmount(self) -> None:
        if self._stop_watching is not None:
            self._stop_watching.set()

    @work(thread=True, exclusive=True, group="load")
    def load(self, keep: str | None = None, near: bool = False) -> None:
        """Read the list in a thread so a big casebook never freezes the screen."""
        app = self.app
        if not app.ready:
            try:
                app.open_casebook()
            except Exception as error:  # noqa: BLE001 - any failure to open ends the app with its message
                app.call_from_thread(app.exit, return_code=1, message=f"inspectorate: error: {error}")
                return
            app.call_from_thread(app.casebook_opened)
        rows = app.casebook.list_cases(include_archived=self.show_archived)
        lines = sort_lines(lines_for(rows, app.today), self.sort)
        app.call_from_thread(self._loaded, lines, keep, near)

    def _loaded(self, lines: list[CaseLine], keep: str | None, near: bool = False) -> None:
        self.all_lines = lines
        self.loaded = True
        self.apply_filter(keep=keep, near=near)
        if self._stop_watching is None and self.is_attached:
            self._stop_watching = self.app.casebook.watch(self._told_of_saves)

    def apply_filter(self, keep: str | None = None, near: bool = False) -> None:
        """Show the lines the filter matches, the cursor on case ``keep`` (by default the one it
        is on); ``near``: if that case is no longer shown, on the line that took its place."""
        table = self.query_one(CaseTable)
        if keep is None and table.current is not None:
            keep = table.current.id
        text = self.query_one("#filter", Input).value
        shown = filter_lines(self.all_lines, text)
        table.empty_text = self._empty_text(text)
        table.show(shown, keep=keep, otherwise=table.cursor if near else 0)
        self._show_counts(shown)

    # -- a colleague's saves ----------------------------------------------------------------------

    def _told_of_saves(self, case_ids: set[str]) -> None:
        """The watch's callback, in its own thread: hand over to the app without waiting for it
        (``call_from_thread`` would wait, and wait for ever once the app has stopped)."""
        with contextlib.suppress(RuntimeError):  # the app's loop has closed: nobody to tell
            self.post_message(ColleagueSaved(case_ids))

    def on_colleague_saved(self, message: ColleagueSaved) -> None:
        if not self._saved_elsewhere:
            self.set_timer(SETTLE, self._read_saves_again)
        self._saved_elsewhere |= message.case_ids

    def _read_saves_again(self) -> None:
        from inspectorate_tui.screens.case import CaseScreen

        case_ids, self._saved_elsewhere = self._saved_elsewhere, set()
        self.load(near=True)
        for screen in self.app.screen_stack:
            if isinstance(screen, CaseScreen) and screen.session.case_id in case_ids:
                screen.colleague_saved()

    def _empty_text(self, text: str) -> str:
        """What the list says when it shows no case: how to start, or that the filter found none."""
        if self.all_lines:
            return _("No case matches “{text}”. Clear the filter to see every case.", text=text.strip())
        if self.show_archived:
            return _("No cases, archived or not.")
        new = keys_for("casebook.new", self.app.settings.keymap).split(",")[0]
        return _("No cases yet. {key}: new case; inspectorate import FILE adds one from a case file.", key=new)

    def _show_counts(self, shown: list[CaseLine]) -> None:
        overdue = sum(1 for line in shown if line.status == "overdue")
        soon = sum(1 for line in shown if line.status == "due-soon")
        total = len(self.all_lines)
        listed = (_("{shown} of {total} cases", shown=format(len(shown), ","), total=format(total, ",")) if len(shown) != total
                  else _("{total} cases", total=format(total, ",")))
        archived = _(" including archived") if self.show_archived else ""
        line = _("{listed}{archived} · ‼ {overdue} overdue · ! {soon} due soon · sorted by {sort}", listed=listed,
                 archived=archived, overdue=format(overdue, ","), soon=format(soon, ","), sort=_(SORT_WORDS[self.sort]))
        self.query_one("#casebook-status", Static).update(line + self._not_speaking())

    def _not_speaking(self) -> str:
        """Which regimes' rules speak English here though the app speaks another language."""
        from inspectorate_tui.fallback import english_only

        named = english_only(self.app.host)
        return _(" · in English only: {regimes}", regimes=", ".join(named)) if named else ""

    # -- events and actions ---------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.loaded:
            self.apply_filter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(CaseTable).focus()

    def key_down(self) -> None:
        if self.focused is self.query_one("#filter"):
            self.query_one(CaseTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_next_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.all_lines = sort_lines(self.all_lines, self.sort)
        self.apply_filter()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.load()

    def action_open_case(self) -> None:
        line = self.query_one(CaseTable).current
        if line is not None:
            self.open_case(line.id)

    def open_case(self, case_id: str) -> None:
        from inspectorate_tui.screens.case import CaseScreen
        from inspectorate_tui.session import CaseSession

        session = CaseSession(self.app.casebook, self.app.host, case_id, self.app.today)
        self.app.report_plugin_problems()
        self.app.push_screen(CaseScreen(session), callback=lambda _: self.load(keep=case_id))

    def action_agenda(self) -> None:
        from inspectorate_tui.screens.agenda import AgendaScreen

        if not self.loaded:  # the casebook and the plugins are not open yet
            self.notify(_("The casebook is still opening; the agenda follows once it is."))
            return
        self.app.push_screen(AgendaScreen(), callback=lambda _: self.load())

    def action_compare_case(self) -> None:
        from inspectorate_tui.screens.compare import CompareScreen

        line = self.query_one(CaseTable).current
        if line is not None:
            self.app.push_screen(CompareScreen(case=self.app.casebook.get(line.id).case))

    def action_export_case(self) -> None:
        from inspectorate_tui.exports import casebook_exports

        if not self.loaded:
            return
        line = self.query_one(CaseTable).current
        choices = casebook_exports(self.app.host, self.app.casebook, line.id if line else None, self.app.today)
        title = _("Export: {provider}", provider=line.row.provider) if line else _("Export from the casebook")
        self.app.export(title, choices)

    def action_new_case(self) -> None:
        from inspectorate_tui.dialogs.new_case import NewCaseDialog

        if not self.loaded:
            return

        def created(case) -> None:
            if case is not None:
                stored = self.app.casebook.add(case, summary=_summary(self.app, case))
                self.notify(_("Created {provider}", provider=case.provider.name))
                self.open_case(stored.id)

        self.app.push_screen(NewCaseDialog(self.app.host), created)

    def action_import_cases(self) -> None:
        from inspectorate_tui.dialogs.import_cases import ImportDialog

        if not self.loaded:
            return

        def closed(count) -> None:
            if count:
                self.notify(_("Imported {count} cases", count=format(count, ",")))
                self.load()

        self.app.push_screen(ImportDialog(), closed)

    def action_duplicate_case(self) -> None:
        line = self.query_one(CaseTable).current
        if line is None:
            return
        name = copy_name(line.row.provider, (other.row.provider for other in self.all_lines))
        copy = self.app.casebook.duplicate(line.id, provider_name=name)
        self.notify(_("Duplicated {provider} as {copy}: the copy is highlighted", provider=line.row.provider, copy=name))
        self.load(keep=copy.id)

    def action_archive_case(self) -> None:
        line = self.query_one(CaseTable).current
        if line is None:
            return
        try:
            if line.row.archived:
                self.app.casebook.unarchive(line.id, line.row.version)
                self.notify(_("Restored {provider} to the casebook", provider=line.row.provider))
            else:
                self.app.casebook.archive(line.id, line.row.version)
                self.notify(_("Archived {provider}. Press A to show archived cases; a restores one.", provider=line.row.provider))
        except CasebookError as error:  # e.g. changed meanwhile in another window
            self.notify(_("{error} The list now shows the latest.", error=error), severity="error", timeout=12)
        self.load(keep=line.id)


def _summary(app, case) -> dict:
    from inspectorate.evaluation import summary

    return summary(app.host, case, app.today)
