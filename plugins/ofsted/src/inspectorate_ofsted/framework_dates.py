"""Each framework applies to inspections within its dates; one outside them is worth a look."""

from __future__ import annotations

from inspectorate.framework_dates import outside_dates
from inspectorate.model import Finding

from inspectorate_ofsted import cif_2012, eif_2019, renewed_2025
from inspectorate_ofsted import citations as cite

_DATES = {
    cif_2012.FRAMEWORK_ID: cite.CIF_2012_DATES,
    eif_2019.FRAMEWORK_ID: cite.EIF_2019_DATES,
    renewed_2025.FRAMEWORK_ID: cite.RENEWED_2025_DATES,
}


def check(framework, case) -> list[Finding]:
    if framework.id not in _DATES:
        return []
    return outside_dates(framework, case, "ofsted.framework-dates", _DATES[framework.id])
