"""Which frameworks to compare: two, and a third if wanted, from every loaded regime."""

from __future__ import annotations

from inspectorate.plugins import PluginHost

from inspectorate_tui.dialogs.compare_choice import CompareChoiceDialog
from inspectorate_tui.words import N_


def framework_choices(host: PluginHost, leave_out: str | None = None) -> list[tuple[str, str]]:
    """Every framework as "Regime · Framework name", in the order the plugins give them."""
    choices = []
    for framework in host.frameworks():
        if framework.id != leave_out:
            regime = host.regime(framework.regime)
            choices.append((f"{regime.name() if regime else framework.regime} · {framework.name()}", framework.id))
    return choices


class CompareFrameworksDialog(CompareChoiceDialog):
    TITLE = N_("Compare frameworks")
    INTRO = N_("Scales, areas by theme, what triggers follow-up, timing rules and their sources, what each report contains.")
    FIELDS = (
        ("first", N_("First"), N_("(choose a framework)")),
        ("second", N_("Second"), N_("(choose a framework)")),
        ("third", N_("Third"), N_("(optional)")),
    )
    REQUIRED = 2
    MISSING = N_("Choose the {label} framework to compare.")
    REPEATED = N_("Choose a different framework for each: the same one twice compares nothing.")

    def __init__(self, host: PluginHost, first: str | None = None):
        super().__init__(framework_choices(host), [first] if first else [])
