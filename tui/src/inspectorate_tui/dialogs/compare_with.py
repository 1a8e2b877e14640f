"""What to compare a case with: another regime (its framework in force at the inspection) or any
other framework, the case's own regime's included, and a second one if wanted."""

from __future__ import annotations

from inspectorate.model import Case
from inspectorate.plugins import PluginHost

from inspectorate_tui.dialogs.compare_choice import CompareChoiceDialog
from inspectorate_tui.dialogs.compare_frameworks import framework_choices
from inspectorate_tui.words import N_, _


def choices_for(host: PluginHost, case: Case) -> list[tuple[str, str]]:
    """Each other regime, then every framework but the case's own."""
    regimes = [
        (_("{regime} (its framework at the inspection)", regime=regime.name()), regime.id)
        for regime in host.regimes.values()
        if regime.id != case.regime
    ]
    return regimes + framework_choices(host, leave_out=case.framework)


class CompareWithDialog(CompareChoiceDialog):
    TITLE = N_("Compare the case with…")
    INTRO = N_(
        "Another regime, or another framework (of any regime, the case's own included): the case is "
        "carried through the common themes and run through its rules."
    )
    FIELDS = (("with", N_("With"), N_("(choose)")), ("and", N_("And with"), N_("(optional)")))
    MISSING = N_("Choose a regime or a framework to compare the case with.")
    REPEATED = N_("Choose something different the second time.")

    def __init__(self, host: PluginHost, case: Case, chosen: list[str] | None = None):
        super().__init__(choices_for(host, case), chosen)
        self.case = case
