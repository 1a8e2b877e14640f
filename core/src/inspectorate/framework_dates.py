"""Each framework applies to inspections within its dates (``valid_from`` .. ``valid_to`` of its
file); an inspection that starts outside them is worth a look, whichever regime the framework is."""

from __future__ import annotations

from inspectorate.frameworks import Framework
from inspectorate.model import Case, Citation, Finding


def outside_dates(framework: Framework, case: Case, rule: str, citation: Citation) -> list[Finding]:
    """A warning (with the plugin's ``rule`` id and ``citation``) when ``case`` starts outside the
    framework's dates; nothing while the start is unknown or the framework has no dates."""
    start = case.dates.start
    if start is None:
        return []
    early = framework.valid_from is not None and start < framework.valid_from
    late = framework.valid_to is not None and start > framework.valid_to
    if not (early or late):
        return []
    span = f"{framework.valid_from or '…'} to {framework.valid_to or 'now'}"
    return [
        Finding(
            severity="warning",
            rule=rule,
            message=f"The inspection started on {start}, outside the dates of {framework.name()} ({span}); "
            "check the framework chosen for this case.",
            citation=citation,
        )
    ]
