"""One open case: what the screens show and the only way they change it.

Every edit goes straight to the casebook (one transaction, one audit entry), so there is nothing
to "save" and nothing to lose on quitting. After each change the regime's rules run again and the
follow-up timeline is recomputed, so every tab shows the rules' view of the case as it now stands.
No Textual here: the session is tested on its own and shared by every tab.

The rules run in a thread of their own. Opening or editing a case waits for them a moment only: a
plugin can take seconds (up to its time budget) and the person must be able to carry on. Past
that moment the case is shown with the rules "still running" (an incomplete result, never an
all-clear) and the screen takes their view when it comes (:meth:`CaseSession.wait_for_rules`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as StillRunning

from inspectorate.casebook import Casebook, CasebookError, StoredCase
from inspectorate.evaluation import Evaluation, UnknownFramework, evaluate, schedule_with_problems, summary_of
from inspectorate.frameworks import Framework, Regime
from inspectorate.model import Case, FollowUpEvent
from inspectorate.plugins import PluginHost, PluginProblem

from inspectorate_tui.words import N_, _

#: Seconds opening or saving a case waits for the rules before showing it without them.
RULES_WAIT = 0.25
#: What every tab says instead of the rules' view while they are still running.
RULES_RUNNING = N_("incomplete: the rules are still running (a plugin is slow); what they say follows when they finish")

#: One thread for the rules of every open case: each run waits for the one before.
_rules_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inspectorate-rules")


class CaseSession:
    def __init__(self, casebook: Casebook, host: PluginHost, case_id: str, today: dt.date):
        self.casebook = casebook
        self.host = host
        self.case_id = case_id
        self.today = today
        #: The rules' run for the case shown, while it is not finished, and the case it is for.
        self._pending: Future | None = None
        self._pending_for: Case | None = None
        self._take(casebook.get(case_id))
        #: The version the case was at when opened: a change up to it was made before this session.
        self.opened_version = self.version

    # -- what the screens read ------------------------------------------------------------------

    @property
    def framework(self) -> Framework | None:
        return self.host.framework(self.case.framework)

    @property
    def regime(self) -> Regime | None:
        return self.host.regime(self.case.regime)

    @property
    def incomplete(self) -> list[str]:
        """What the rules' view of the case lacks ("incomplete: plugin X failed in hook Y: ..."),
        one line per plugin failure in this evaluation or schedule, or that the rules are still
        running; empty when nothing is missing."""
        if self.rules_running:
            return [_(RULES_RUNNING)]
        problems = [*self.evaluation.problems, *(p for p in self.schedule_problems if p not in self.evaluation.problems)]
        return [p.incomplete for p in problems]

    @property
    def rules_running(self) -> bool:
        """True while what the tabs show lacks the rules' view of the case as it stands."""
        return self._pending is not None

    def summary(self, case: Case) -> dict | None:
        """The casebook list's columns for ``case``; None (keep the stored ones) if the rules fail."""
        _evaluation, events, problem, lacking = self._rules(case)
        return None if problem else summary_of(case, events, self.today, lacking)

    # -- changing the case ----------------------------------------------------------------------

    def save(self, new_case: Case, what: str) -> bool:
        """Store ``new_case`` as one audited change; False when nothing changed.

        The rules run once, on the new case, for both the list's summary and what the tabs show.
        Raises the casebook's StaleWriteError when someone else changed the case meanwhile; the
        caller reloads and tells the person.
        """
        before = self.version
        run = _rules_thread.submit(self._rules, new_case)
        rules = _within(run, RULES_WAIT)
        summary = self._summary_of(new_case, rules) if rules else None  # else stored when the rules finish
        stored = self.casebook.update(self.case_id, new_case, self.version, summary=summary, what=what)
        self._take(stored, rules or run)
        return stored.version != before

    def undo(self) -> None:
        """Undo the latest change (raises NothingToUndo when only the creation is left)."""
        self._take(self.casebook.undo(self.case_id, self.version, summarise=self.summary))

    def redo(self) -> None:
        """Redo the latest undo (raises NothingToRedo when none is left to redo)."""
        self._take(self.casebook.redo(self.case_id, self.version, summarise=self.summary))

    def next_change(self, redo: bool = False):
        """The audit rows of the change undo (or redo) would revert; empty when there is none."""
        return self.casebook.next_redo(self.case_id) if redo else self.casebook.next_undo(self.case_id)

    def before_opening(self, entries) -> bool:
        """True when the change was made before this session opened the case."""
        return bool(entries) and entries[0].version <= self.opened_version

    def reload(self) -> None:
        self._take(self.casebook.get(self.case_id))

    def history(self):
        return self.casebook.history(self.case_id)

    def wait_for_rules(self) -> None:
        """Block until the rules' run for the case shown has finished (call it in a worker thread)."""
        pending = self._pending
        if pending is not None:
            pending.exception()  # _rules never raises: this only waits

    def take_rules(self) -> bool:
        """Show the rules' view once their run has finished; True when it changed what is shown.

        The casebook list's columns, left as they were while the rules ran, are stored now.
        """
        pending = self._pending
        if pending is None or not pending.done() or self._pending_for is not self.case:
            return False
        rules = pending.result()
        self._show(rules)
        summary = self._summary_of(self.case, rules)
        if summary is not None:
            # The same case with its columns: no change is recorded. Changed meanwhile elsewhere
            # (CasebookError): that save stored its own columns.
            with contextlib.suppress(CasebookError):
                self.version = self.casebook.update(self.case_id, self.case, self.version, summary=summary).version
        return True

    def _take(self, stored: StoredCase, rules: tuple | Future | None = None) -> None:
        self.case = stored.case
        self.version = stored.version
        self.archived = stored.archived
        if rules is None:
            rules = _rules_thread.submit(self._rules, stored.case)
            rules = _within(rules, RULES_WAIT) or rules
        if isinstance(rules, Future):
            self._pending, self._pending_for = rules, stored.case
            self.evaluation, self.events, self.problem, self.schedule_problems = _NO_RULES
        else:
            self._show(rules)

    def _show(self, rules: tuple) -> None:
        self._pending = None
        self.evaluation, self.events, self.problem, self.schedule_problems = rules

    def _summary_of(self, case: Case, rules: tuple) -> dict | None:
        _evaluation, events, problem, lacking = rules
        return None if problem else summary_of(case, events, self.today, lacking)

    def _rules(self, case: Case) -> tuple[Evaluation, list[FollowUpEvent], str, tuple[PluginProblem, ...]]:
        """What the rules make of ``case``: proposals and findings, dated events, or why none, and
        the plugin failures the events lack (the evaluation carries its own).

        A plugin that raises is isolated by the host, recorded in host.problems and in what it
        left out (see ``incomplete``); what is left here (an unknown framework, say) keeps the
        case editable with no proposals or dates.
        """
        try:
            evaluation = evaluate(self.host, case)
            events, lacking = schedule_with_problems(self.host, case, self.today)
            return evaluation, events, "", lacking
        except UnknownFramework as error:
            problem = str(error)
        except Exception as error:  # noqa: BLE001 - e.g. a plugin returning something malformed
            problem = _("the rules could not be applied to this case: {kind}: {error}", kind=type(error).__name__, error=error)
        return Evaluation(proposals=(), follow_up=None, findings=()), [], problem, ()


#: What is shown of the rules while they run: nothing, and ``incomplete`` says why.
_NO_RULES = (Evaluation(proposals=(), follow_up=None, findings=()), [], "", ())


def _within(run: Future, seconds: float):
    """The run's result if it finishes within ``seconds``, else None."""
    try:
        return run.result(timeout=seconds)
    except StillRunning:
        return None
