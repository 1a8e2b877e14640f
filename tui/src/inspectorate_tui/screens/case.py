"""One case in tabs. Every edit is saved at once; ctrl+z undoes; escape goes back."""

from __future__ import annotations

import contextlib

from inspectorate.casebook import CasebookError, NothingToRedo, NothingToUndo, StaleWriteError
from inspectorate.evaluation import stage_of
from inspectorate.model import Case
from textual import events, work
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Header, Static, TabbedContent, TabPane

from inspectorate_tui.bindings import bindings
from inspectorate_tui.case_fields import sentence
from inspectorate_tui.casebook_view import stage_words
from inspectorate_tui.change_words import change_what, tab_of
from inspectorate_tui.colleagues import changes_since, refused, when, who_and_when
from inspectorate_tui.labels import clip
from inspectorate_tui.markup import escape
from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs import TABS
from inspectorate_tui.tabs.base import CaseTab
from inspectorate_tui.tabs.details import DetailsTab
from inspectorate_tui.widgets.case_tabs import CaseTabs
from inspectorate_tui.widgets.key_footer import KeyFooter
from inspectorate_tui.words import N_, _


class CaseScreen(Screen):
    BINDINGS = bindings("case")
    #: Below 110 columns the Judgements tab puts the rules' proposal under the grade, not beside it
    #: (beside it, at 80 columns, it would have eight columns to itself).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-roomy")]
    HELP = N_("""\
## Case

The case in six tabs; the keys below go to each tab, or to the next and previous one, even with
the focus in a field. Every change is saved to the casebook the moment you make it, with who and
when in its history; undo and redo say what they change. There is no "save": quit whenever you
like. Escape goes back to the casebook.

When a colleague changes this case, it is shown as they left it, with who, what and when; the
field you are typing in is left alone. A save over a colleague's change you had not seen is
refused, naming them: what you typed stays in the field, and Enter saves it again.
""")

    def __init__(self, session: CaseSession):
        super().__init__()
        self.session = session
        #: tab id -> the case version it last showed
        self._shown_version: dict[str, int] = {}
        #: The rules' problem last notified, so it is told once, not on every edit.
        self._told_problem = ""
        # The width's class from the start: Textual sets it at the first resize, and a class that
        # changes then restyles all two hundred widgets of a case once more (a tenth of opening it).
        width = self.app.size.width
        self.add_class(max((edge, name) for edge, name in self.HORIZONTAL_BREAKPOINTS if edge <= width)[1])
        self._resumed = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="case-title")
        with CaseTabs(id="case-tabs"):
            for tab_id, title, tab_class in TABS:
                with TabPane(_(title), id=tab_id):
                    yield tab_class(id=f"{tab_id}-tab")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_case()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles a screen each time it is shown. The first time, its widgets were styled
        # as they were composed a moment before, so that would be a second pass over all of them
        # (a tenth of opening a case); later ones (after a dialog, or a theme change) still restyle.
        # Handlers run from the subclass up, so Screen's own sees the flag.
        if not self._resumed:
            event.refresh_styles = False
        self._resumed = True

    def action_targets(self) -> dict:
        targets = {"case": (self, None)}
        for tab_id, _title, _class in TABS:
            tab = self.query_one(f"#{tab_id}-tab", CaseTab)
            targets[tab_id] = (tab, lambda tab_id=tab_id: self.action_show_tab(tab_id))
        return targets

    def show_case(self) -> None:
        session = self.session
        case = session.case
        framework = session.framework
        regime = session.regime
        where = f"{regime.name() if regime else case.regime} · {framework.name() if framework else case.framework}"
        # The stage needs the follow-up dates: none is guessed while the rules still work them out.
        stage = _("⧗ rules running") if session.rules_running else stage_words(stage_of(case, session.events, session.today))
        archived = _(" · archived") if session.archived else ""
        self.query_one("#case-title", Static).update(
            f"[b]{escape(case.provider.name)}[/b]  {escape(where)} · {stage}{archived} · "
            + _("saved, version {version}", version=session.version)
        )
        if session.problem and session.problem != self._told_problem:
            self.notify(session.problem, severity="error", timeout=10)
        self._told_problem = session.problem
        # Only the tab in view is redrawn now; the others when they are next shown (a report
        # preview re-renders its template, which is wasted work on every keystroke elsewhere).
        self._shown_version.clear()
        self._show_active()
        self.app.report_plugin_problems()
        if session.rules_running:
            self._await_rules()

    @work(thread=True, exclusive=True, group="rules")
    def _await_rules(self) -> None:
        """The rules took longer than a moment (a slow plugin): show their view once it comes."""
        self.session.wait_for_rules()
        self.app.call_from_thread(self._rules_finished)

    def _rules_finished(self) -> None:
        if self.is_attached and self.session.take_rules():
            with contextlib.suppress(NoMatches):  # the screen was being closed as the rules finished: nothing to show
                self.show_case()

    def _show_active(self) -> None:
        active = self.query_one(TabbedContent).active
        if active and self._shown_version.get(active) != self.session.version:
            self._shown_version[active] = self.session.version
            self.query_one(f"#{active}-tab", CaseTab).show(self.session)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._show_active()

    def save_edit(self, case: Case, what: str, kept: str = "") -> str | None:
        """Save a tab's edit as one audited change, tell what the rules now find, redraw.

        Returns None once saved, else why not. A save over a colleague's change the person has
        not seen is refused, naming who and when, and the case is shown as the casebook now holds
        it; ``kept`` says what the tab keeps of the edit (the text typed in a field).
        """
        before = _field_findings(self.session.evaluation)
        try:
            self.session.save(case, what)
        except StaleWriteError as error:
            self.session.reload()
            reason = refused(error)
            self.notify(_("Your change to {what} was not saved: {reason}. The case now shows the latest version.", what=what, reason=reason)
                        + (f" {kept}" if kept else ""), title=_("Changed by a colleague"), severity="error", timeout=15)
            self.show_case()
            return reason
        except CasebookError as error:
            self.notify(f"{error}{kept and '. '}{kept}", severity="error", timeout=12)
            self.show_case()
            return str(error)
        except Exception as error:  # noqa: BLE001 - e.g. rules failing on the new case: nothing was saved
            self.app.survive(error)
            return _("it could not be saved ({kind})", kind=type(error).__name__)
        # A finding about a field the person just set (dates out of order, an event recorded late)
        # is told at once, on whatever tab they are, not only on the Judgements tab.
        for finding in _field_findings(self.session.evaluation) - before:
            self.notify(finding.message, severity="error" if finding.severity == "error" else "warning",
                        timeout=10, markup=False)
        self.show_case()
        return None

    def colleague_saved(self) -> None:
        """Someone else saved this case: show it as now stored and say who, when and what.

        What the person is typing in a field, or typed and could not save, stays in the field
        (the Details tab leaves such fields alone) and is named, with whether the colleague
        changed that field too.
        """
        seen = self.session.version
        try:
            self.session.reload()
            changes = changes_since(self.session.history(), seen)
        except CasebookError as error:
            self.notify(_("A colleague changed this case, and it could not be read again: {error}", error=error),
                        severity="error", timeout=12)
            return
        if not changes:  # only its list columns were stored, or the change was already shown
            return
        what = _in_words(changes[0], self.session.framework)
        self.show_case()
        notice = _("{who}: {what}. The case now shows it.", who=who_and_when(changes), what=what)
        typed = self.query_one("#details-tab", DetailsTab).typed_fields()
        if typed:
            notice += _(" What you typed in {fields} is kept in the field, not saved yet.", fields=", ".join(typed))
        self.notify(notice, title=_("Changed by a colleague"), severity="warning", timeout=15)

    def action_undo(self) -> None:
        self._revert(redo=False)

    def action_redo(self) -> None:
        self._revert(redo=True)

    def _revert(self, redo: bool) -> None:
        """Undo (or redo) the latest change, saying what it was; one made before the case was
        opened (another day, perhaps on another tab) is named and asked about first."""
        entries = self.session.next_change(redo)
        if not entries:
            self.notify(_("Nothing to redo: no undo since the last change.") if redo
                        else _("Nothing to undo: the case is as it was created."), severity="warning")
            return
        what = _in_words(entries, self.session.framework)
        if not self.session.before_opening(entries):
            self._do_revert(redo, what)
            return
        from inspectorate_tui.dialogs.confirm import Confirm

        doing = N_("Redo") if redo else N_("Undo")
        # One short line each: the question is a plain label, and must fit an 80-column dialog.
        question = (_("It was made before you opened this case,\n{when} by {who}:\n{what}.\nRedo it?", when=when(entries[0].at),
                      who=entries[0].who, what=clip(what, 60)) if redo
                    else _("It was made before you opened this case,\n{when} by {who}:\n{what}.\nUndo it?", when=when(entries[0].at),
                           who=entries[0].who, what=clip(what, 60)))
        title = _("Redo an earlier change?") if redo else _("Undo an earlier change?")
        self.app.push_screen(Confirm(title, question, yes=doing, no=N_("Leave it")),
                             lambda yes: self._do_revert(redo, what) if yes else None)

    def _do_revert(self, redo: bool, what: str) -> None:
        try:
            if redo:
                self.session.redo()
            else:
                self.session.undo()
        except (NothingToUndo, NothingToRedo) as error:  # someone else's undo got there first
            self.notify(sentence(error), severity="warning")
            return
        except CasebookError as error:
            self.session.reload()
            self.notify(str(error), severity="error")
        else:
            self.notify(_("Redone: {what}", what=what) if redo else _("Undone: {what}", what=what))
        self.show_case()

    def resync(self) -> None:
        """Show the case as the casebook holds it (after something unexpected went wrong)."""
        self.session.reload()
        self.show_case()

    def action_history(self) -> None:
        from inspectorate_tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.session))

    def action_compare(self) -> None:
        from inspectorate_tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(case=self.session.case))

    def action_show_tab(self, tab_id: str) -> None:
        self.query_one(TabbedContent).active = tab_id
        self._show_active()
        pane = self.query_one(f"#{tab_id}-tab", CaseTab)
        if not pane.focus_first():
            # A tab may build its controls as it is first shown: focus once they are composed,
            # unless another tab has been asked for meanwhile.
            self.call_after_refresh(self._focus_first_if_shown, tab_id)

    def _focus_first_if_shown(self, tab_id: str) -> None:
        if self.query_one(TabbedContent).active == tab_id:
            self.query_one(f"#{tab_id}-tab", CaseTab).focus_first()

    def action_next_tab(self, step: int) -> None:
        ids = [tab_id for tab_id, _title, _class in TABS]
        active = self.query_one(TabbedContent).active
        here = ids.index(active) if active in ids else 0
        self.action_show_tab(ids[(here + step) % len(ids)])

    def keep_edits(self) -> str | None:
        """Save what any tab holds unsaved; why not, naming the field, if it is refused."""
        for tab_id, _title, _class in TABS:
            problem = self.query_one(f"#{tab_id}-tab", CaseTab).keep_edits()
            if problem:  # show the field it names (the tab puts the focus on it)
                self.query_one(TabbedContent).active = tab_id
                self._show_active()
                return problem
        return None

    def action_back(self) -> None:
        problem = self.keep_edits()
        if problem:
            self.notify(f"{problem}.", title=_("The case stays open"), severity="error")
            return
        self.dismiss(self.session.case_id)


def _in_words(entries, framework=None) -> str:
    """The change in words, with the tab that shows it: "Nominee (Details tab)"."""
    tab = tab_of(entries)
    titles = {tab_id: title for tab_id, title, _class in TABS}
    what = change_what(entries, framework)
    return _("{what} ({tab} tab)", what=what, tab=_(titles[tab])) if tab in titles else what


def _field_findings(evaluation) -> set:
    """The findings that point at a field of the case (they carry its key)."""
    return {f for f in evaluation.findings if f.key} if evaluation is not None else set()
