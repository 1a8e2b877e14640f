"""Each framework applies to inspections within its dates; one outside them is worth a look."""

from __future__ import annotations

from inspectorate.model import Finding

from inspectorate_ofsted import cif_2012, eif_2019, renewed_2025
from inspectorate_ofsted import citations as cite

_DATES = {
    cif_2012.FRAMEWORK_ID: cite.CIF_2012_DATES,
    eif_2019.FRAMEWORK_ID: cite.EIF_2019_DATES,
    renewed_2025.FRAMEWORK_ID: cite.RENEWED_2025_DATES,
}


def check(framework, case) -> list[Finding]:
    start = case.dates.start
    if start is None or framework.id not in _DATES:
        return []
    early = framework.valid_from is not None and start < framework.valid_from
    late = framework.valid_to is not None and start > framework.valid_to
    if not (early or late):
        return []
    span = f"{framework.valid_from or '…'} to {framework.valid_to or 'now'}"
    return [
        Finding(
            severity="warning",
            rule="ofsted.framework-dates",
            message=f"The inspection started on {start}, outside the dates of {framework.name()} ({span}); "
            "check the framework chosen for this case.",
            citation=_DATES[framework.id],
        )
    ]
