"""One open case: what the screens show and the only way they change it.

Every edit goes straight to the casebook (one transaction, one audit entry), so there is nothing
to "save" and nothing to lose on quitting. After each change the regime's rules run again and the
follow-up timeline is recomputed, so every tab shows the rules' view of the case as it now stands.
No Textual here: the session is tested on its own and shared by every tab.
"""

from __future__ import annotations

import datetime as dt

from inspectorate.casebook import Casebook, StoredCase
from inspectorate.evaluation import Evaluation, UnknownFramework, evaluate, schedule, summary
from inspectorate.frameworks import Framework, Regime
from inspectorate.model import Case, FollowUpEvent
from inspectorate.plugins import PluginHost


class CaseSession:
    def __init__(self, casebook: Casebook, host: PluginHost, case_id: str, today: dt.date):
        self.casebook = casebook
        self.host = host
        self.case_id = case_id
        self.today = today
        self.evaluation = Evaluation(proposals=(), follow_up=None, findings=())
        self.events: list[FollowUpEvent] = []
        self.problem: str = ""
        self._take(casebook.get(case_id))

    # -- what the screens read ------------------------------------------------------------------

    @property
    def framework(self) -> Framework | None:
        return self.host.framework(self.case.framework)

    @property
    def regime(self) -> Regime | None:
        return self.host.regime(self.case.regime)

    def summary(self, case: Case | None = None) -> dict:
        return summary(self.host, case or self.case, self.today)

    # -- changing the case ----------------------------------------------------------------------

    def save(self, new_case: Case, what: str) -> bool:
        """Store ``new_case`` as one audited change; False when nothing changed.

        Raises the casebook's StaleWriteError when someone else changed the case meanwhile; the
        caller reloads and tells the person.
        """
        before = self.version
        stored = self.casebook.update(self.case_id, new_case, self.version, summary=self.summary(new_case), what=what)
        self._take(stored)
        return stored.version != before

    def undo(self) -> None:
        """Undo the latest change (raises NothingToUndo when only the creation is left)."""
        self._take(self.casebook.undo(self.case_id, self.version, summarise=self.summary))

    def reload(self) -> None:
        self._take(self.casebook.get(self.case_id))

    def history(self):
        return self.casebook.history(self.case_id)

    def _take(self, stored: StoredCase) -> None:
        self.case = stored.case
        self.version = stored.version
        self.archived = stored.archived
        self._evaluate()

    def _evaluate(self) -> None:
        # A plugin that raises is isolated by the host and recorded in host.problems; only an
        # unknown framework stops the rules altogether.
        try:
            self.evaluation = evaluate(self.host, self.case)
            self.events = schedule(self.host, self.case, self.today)
            self.problem = ""
        except UnknownFramework as error:
            self._no_rules(str(error))
        except Exception as error:  # noqa: BLE001 - e.g. a plugin returning something malformed
            self._no_rules(f"the rules could not be applied to this case: {type(error).__name__}: {error}")

    def _no_rules(self, problem: str) -> None:
        """Keep the case editable with no proposals or dates, and say why."""
        self.evaluation = Evaluation(proposals=(), follow_up=None, findings=())
        self.events = []
        self.problem = problem
