"""Bank holidays of a division: from the ``holidays`` package, optionally a GOV.UK file.

The ``holidays`` package (``country_holidays("GB", subdiv=...)``) is the default source; it
matches GOV.UK's ``bank-holidays.json`` on every weekday holiday, one-offs included. A GOV.UK
file (``{division: {division, events: [{title, date, notes, bunting}]}}``) can be laid over it:

* ``extend``: the union of both sources;
* ``override``: for each year the file lists any event of the division in, the file's dates
  alone; other years still come from the package.

Only weekday holidays are kept: a holiday on a Saturday or Sunday changes no working day (its
substitute weekday is listed separately, by GOV.UK and by the package alike).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Literal

import holidays

from .divisions import check_division

GovukMode = Literal["override", "extend"]
GOVUK_MODES: tuple[str, ...] = ("override", "extend")

# The package's subdivision code for each division (Wales shares England's holidays).
_SUBDIVISION = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}


class GovukFileError(ValueError):
    """A GOV.UK ``bank-holidays.json`` file that cannot be read; the message names the file."""


def package_bank_holidays(division: str, years: Iterable[int]) -> dict[date, str]:
    """Weekday bank holidays of ``division`` in ``years``, from the ``holidays`` package."""
    found = holidays.country_holidays(
        "GB", subdiv=_SUBDIVISION[check_division(division)], years=list(years), language="en_GB"
    )
    return {day: name for day, name in found.items() if day.weekday() < 5}


def read_govuk_file(path: Path, division: str) -> dict[date, str]:
    """Every event of ``division`` in a GOV.UK ``bank-holidays.json`` file (date -> title).

    Raises :class:`GovukFileError` naming the file when it is missing, is not JSON, lacks the
    division, or has an event without a valid ``date``.
    """
    check_division(division)
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GovukFileError(f"{path}: cannot read the GOV.UK bank-holidays file: {error}") from error
    except json.JSONDecodeError as error:
        raise GovukFileError(f"{path}: line {error.lineno}: not valid JSON: {error.msg}") from error
    if not isinstance(data, Mapping) or division not in data:
        listed = ", ".join(sorted(data)) if isinstance(data, Mapping) else "nothing"
        raise GovukFileError(
            f"{path}: no {division!r} division in this GOV.UK bank-holidays file (it has: {listed})"
        )
    events = data[division].get("events") if isinstance(data[division], Mapping) else None
    if not isinstance(events, list):
        raise GovukFileError(f"{path}: {division}: 'events' must be a list of events")
    found: dict[date, str] = {}
    for number, event in enumerate(events):
        try:
            day = date.fromisoformat(event["date"])
        except (KeyError, TypeError, ValueError):
            raise GovukFileError(
                f"{path}: {division}: events[{number}]: 'date' must be a date like 2024-12-25"
            ) from None
        found[day] = str(event.get("title") or "Bank holiday")
    return found


class BankHolidaySource:
    """Where one calendar's bank holidays come from, and a one-line description of it."""

    def __init__(
        self,
        division: str,
        *,
        govuk_events: Mapping[date, str] | None = None,
        govuk_name: str = "bank-holidays.json",
        govuk_mode: GovukMode = "extend",
    ) -> None:
        self.division = check_division(division)
        if govuk_mode not in GOVUK_MODES:
            raise ValueError(f"unknown GOV.UK mode {govuk_mode!r}: expected 'override' or 'extend'")
        self.govuk_mode = govuk_mode
        self._govuk = {d: n for d, n in (govuk_events or {}).items() if d.weekday() < 5}
        # Years the file speaks for, weekend-only events included (they show the year is listed).
        self._govuk_years = frozenset(d.year for d in (govuk_events or {}))
        package = f"holidays package {holidays.__version__}"
        less = f"Mon-Fri less {division} bank holidays"
        if govuk_events is None:
            self.description = f"{less} ({package})"
        elif govuk_mode == "extend":
            self.description = f"{less} ({package}; GOV.UK {govuk_name}, extended)"
        else:
            span = _span(self._govuk_years)
            self.description = f"{less} (GOV.UK {govuk_name} for {span}, overriding; {package} otherwise)"

    def for_years(self, first: int, last: int) -> dict[date, str]:
        """Weekday bank holidays from ``first`` to ``last`` (years, inclusive): date -> name."""
        years = range(first, last + 1)
        if self.govuk_mode == "override":
            from_package = package_bank_holidays(
                self.division, [y for y in years if y not in self._govuk_years]
            )
            from_file = {d: n for d, n in self._govuk.items() if first <= d.year <= last}
            return from_package | from_file
        found = package_bank_holidays(self.division, years)
        for day, name in self._govuk.items():
            if first <= day.year <= last:
                found.setdefault(day, name)
        return found


def _span(years: frozenset[int]) -> str:
    if not years:
        return "no years"
    return str(min(years)) if len(years) == 1 else f"{min(years)}-{max(years)}"
