"""Bank holidays of a division, from the ``holidays`` package.

The package (``country_holidays("GB", subdiv=...)``) matches GOV.UK's ``bank-holidays.json`` on
every weekday holiday, one-offs included, and learns of a newly proclaimed one before a
downloaded copy of that file does (the tests compare both with real GOV.UK files). A new one-off
holiday therefore arrives by upgrading the package, the same for the app, the CLI and every
casebook's stored deadlines, rather than by a file one front end reads and another does not.

Only weekday holidays are kept: a holiday on a Saturday or Sunday changes no working day (its
substitute weekday is listed separately, by GOV.UK and by the package alike).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import holidays

from .divisions import check_division

# The package's subdivision code for each division (Wales shares England's holidays).
_SUBDIVISION = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}


def package_bank_holidays(division: str, years: Iterable[int]) -> dict[date, str]:
    """Weekday bank holidays of ``division`` in ``years``, from the ``holidays`` package."""
    found = holidays.country_holidays(
        "GB", subdiv=_SUBDIVISION[check_division(division)], years=list(years), language="en_GB"
    )
    return {day: name for day, name in found.items() if day.weekday() < 5}


class BankHolidaySource:
    """Where one calendar's bank holidays come from, and a one-line description of it."""

    def __init__(self, division: str) -> None:
        self.division = check_division(division)
        self.description = f"Mon-Fri less {division} bank holidays (holidays package {holidays.__version__})"

    def for_years(self, first: int, last: int) -> dict[date, str]:
        """Weekday bank holidays from ``first`` to ``last`` (years, inclusive): date -> name."""
        return package_bank_holidays(self.division, range(first, last + 1))
