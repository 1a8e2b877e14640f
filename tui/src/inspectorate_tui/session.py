"""One open case: what the screens show and the only way they change it.

Every edit goes straight to the casebook (one transaction, one audit entry), so there is nothing
to "save" and nothing to lose on quitting. After each change the regime's rules run again and the
follow-up timeline is recomputed, so every tab shows the rules' view of the case as it now stands.
No Textual here: the session is tested on its own and shared by every tab.
"""

from __future__ import annotations

import datetime as dt

from inspectorate.casebook import Casebook, StoredCase
from inspectorate.evaluation import Evaluation, UnknownFramework, evaluate, schedule_with_problems, summary_of
from inspectorate.frameworks import Framework, Regime
from inspectorate.model import Case, FollowUpEvent
from inspectorate.plugins import PluginHost, PluginProblem


class CaseSession:
    def __init__(self, casebook: Casebook, host: PluginHost, case_id: str, today: dt.date):
        self.casebook = casebook
        self.host = host
        self.case_id = case_id
        self.today = today
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
        one line per plugin failure in this evaluation or schedule; empty when nothing is missing."""
        problems = [*self.evaluation.problems, *(p for p in self.schedule_problems if p not in self.evaluation.problems)]
        return [p.incomplete for p in problems]

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
        evaluation, events, problem, lacking = self._rules(new_case)
        summary = None if problem else summary_of(new_case, events, self.today, lacking)
        stored = self.casebook.update(self.case_id, new_case, self.version, summary=summary, what=what)
        self._take(stored, (evaluation, events, problem, lacking))
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

    def _take(self, stored: StoredCase, rules=None) -> None:
        self.case = stored.case
        self.version = stored.version
        self.archived = stored.archived
        self.evaluation, self.events, self.problem, self.schedule_problems = rules or self._rules(stored.case)

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
            problem = f"the rules could not be applied to this case: {type(error).__name__}: {error}"
        return Evaluation(proposals=(), follow_up=None, findings=()), [], problem, ()
