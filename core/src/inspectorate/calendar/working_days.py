"""Working days: Monday to Friday less the bank holidays of one division.

A :class:`WorkingCalendar` keeps, for a range of years, every working day in a list and, for
every date, how many working days come before it. ``add_working_days`` is then two list look-ups
and no loop over days. The range starts at 1990-2060 and grows the first time a date outside
it is asked for.
"""

from __future__ import annotations

import functools
import operator
import threading
from datetime import date

from .bank_holidays import BankHolidaySource
from .divisions import check_division
from .school_terms import SchoolTerms

#: Years covered when a calendar is first used; more are added on demand.
INITIAL_YEARS = (1990, 2060)
# How far beyond the asked-for year a calendar grows, so that growth is rare.
_GROWTH_MARGIN_YEARS = 10
_FIRST_YEAR, _LAST_YEAR = date.min.year, date.max.year


class WorkingCalendar:
    """Which days are working days in one bank-holiday division.

    ``division``
        "england-and-wales", "scotland" or "northern-ireland".
    ``school_terms``
        The :class:`SchoolTerms` that rules counting "weeks discounting school holidays" use with
        this calendar, or ``None``.
    ``policy``
        A short description of what a working day is here and where the bank holidays come from;
        every computed date carries it as provenance.

    Build calendars with :func:`calendar_for`, which caches them.
    """

    __slots__ = ("division", "school_terms", "policy", "_source", "_index", "_years", "_by_year", "_lock")

    def __init__(self, source: BankHolidaySource, school_terms: SchoolTerms | None = None) -> None:
        self.division = source.division
        self.school_terms = school_terms
        self.policy = source.description
        self._source = source
        # (first ordinal, before, after, working days); see _build_index. Empty until first used.
        self._index: tuple[int, list[int], list[int], list[date]] = (0, [], [], [])
        self._years: tuple[int, int] | None = None
        self._by_year: dict[int, dict[date, str]] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<WorkingCalendar {self.division}: {self.policy}>"

    def bank_holidays(self, year: int) -> dict[date, str]:
        """The weekday bank holidays of ``year``, in date order: date -> name."""
        return dict(sorted(self._holidays_in(year).items()))

    def is_working_day(self, d: date) -> bool:
        """True for Monday to Friday unless a bank holiday of this division."""
        if d.weekday() >= 5:
            return False
        if type(d) is not date:  # a datetime never equals the date keys
            d = date(d.year, d.month, d.day)
        return d not in self._holidays_in(d.year)

    def _holidays_in(self, year: int) -> dict[date, str]:
        found = self._by_year.get(year)
        if found is None:
            found = self._by_year[year] = self._source.for_years(year, year)
        return found

    def _ensure_years(self, first: int, last: int) -> None:
        """Make the index cover the years ``first`` to ``last`` (and whatever it covered)."""
        first, last = max(first, _FIRST_YEAR), min(last, _LAST_YEAR)
        with self._lock:
            if self._years is None:
                first, last = min(first, INITIAL_YEARS[0]), max(last, INITIAL_YEARS[1])
            else:
                if self._years[0] <= first and last <= self._years[1]:
                    return
                first, last = min(first, self._years[0]), max(last, self._years[1])
            self._index = self._build_index(first, last)
            self._years = (first, last)

    def _build_index(self, first: int, last: int) -> tuple[int, list[int], list[int], list[date]]:
        missing = [y for y in range(first, last + 1) if y not in self._by_year]
        if missing:
            # Fill each year's dict before publishing it, so readers never see half a year.
            fresh: dict[int, dict[date, str]] = {year: {} for year in missing}
            for day, name in self._source.for_years(min(missing), max(missing)).items():
                if day.year in fresh:
                    fresh[day.year][day] = name
            for year, found in fresh.items():
                self._by_year.setdefault(year, found)
        holiday_ordinals = {
            day.toordinal() for year in range(first, last + 1) for day in self._by_year[year]
        }
        start, end = date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()
        # For the date at ordinal start + k:
        #   before[k] = how many working days of the range fall before it, so the n-th working
        #               day before it (n < 0) is days[before[k] + n];
        #   after[k]  = how many fall on or before it, less one, so the n-th working day after
        #               it (n > 0) is days[after[k] + n].
        before: list[int] = []
        after: list[int] = []
        days: list[date] = []
        count = 0
        fromordinal = date.fromordinal
        for ordinal in range(start, end + 1):
            before.append(count)
            # Ordinal 1 (1 January of year 1) was a Monday: remainder 6 is Saturday, 0 Sunday.
            if ordinal % 7 not in (0, 6) and ordinal not in holiday_ordinals:
                days.append(fromordinal(ordinal))
                count += 1
            after.append(count - 1)
        return start, before, after, days

    def _grow_for(self, d: date, n: int) -> bool:
        """Widen the index towards the n-th working day from ``d``; False if it cannot grow."""
        # A year has at least 240 working days in every division, so this many years suffice.
        years = abs(n) // 240 + 1
        lo = d.year - (years if n < 0 else 0) - _GROWTH_MARGIN_YEARS
        hi = d.year + (years if n > 0 else 0) + _GROWTH_MARGIN_YEARS
        before = self._years
        self._ensure_years(lo, hi)
        return self._years != before


def add_working_days(d: date, n: int, calendar: WorkingCalendar) -> date:
    """The ``n``-th working day after ``d`` (``d`` itself not counted); ``n < 0`` counts back.

    ``n == 0`` returns ``d`` unchanged, even when ``d`` is not a working day. ``d`` need not be a
    working day: the 1st working day after a Saturday is the next working Monday (or later).
    """
    base, before, after, days = calendar._index
    try:
        offset = d.toordinal() - base
        if n > 0:
            i = after[offset] + n
        elif n < 0:
            i = before[offset] + n
        else:
            return d
        if offset >= 0 and i >= 0:
            return days[i]
    except (IndexError, AttributeError, TypeError):
        pass
    return _add_working_days_slowly(d, n, calendar)


def _add_working_days_slowly(d: date, n: int, calendar: WorkingCalendar) -> date:
    """The rare path: check the arguments, grow the calendar's years, look up again."""
    _check_date(d, "add_working_days")
    n = operator.index(n)
    if n == 0:
        return d
    while True:
        base, before, after, days = calendar._index
        offset = d.toordinal() - base
        if 0 <= offset < len(after):
            i = after[offset] + n if n > 0 else before[offset] + n
            if 0 <= i < len(days):
                return days[i]
        if not calendar._grow_for(d, n):
            raise OverflowError(
                f"the {n}th working day from {d.isoformat()} is outside the years "
                f"{_FIRST_YEAR} to {_LAST_YEAR}"
            )


def working_days_between(a: date, b: date, calendar: WorkingCalendar) -> int:
    """How many working days fall after ``a`` up to and including ``b``.

    When ``b`` is before ``a`` the count runs back: minus the working days from ``b`` (included)
    up to ``a`` (not included). Either way, for a working day ``b``,
    ``add_working_days(a, working_days_between(a, b, calendar), calendar) == b``.
    """
    _check_date(a, "working_days_between")
    _check_date(b, "working_days_between")
    while True:
        base, before, after, _ = calendar._index
        first, second = a.toordinal() - base, b.toordinal() - base
        if 0 <= first < len(after) and 0 <= second < len(after):
            if second >= first:
                return after[second] - after[first]
            return before[second] - before[first]
        calendar._ensure_years(min(a.year, b.year), max(a.year, b.year))


def _check_date(d: object, caller: str) -> None:
    if not isinstance(d, date):
        raise TypeError(f"{caller} needs a date, not {type(d).__name__} {d!r}")


def calendar_for(division: str = "england-and-wales", *, school_terms: SchoolTerms | None = None) -> WorkingCalendar:
    """The working calendar of ``division`` (with ``school_terms`` for rules counting school
    weeks), built once and cached."""
    return _cached_calendar(check_division(division), school_terms)


@functools.lru_cache(maxsize=64)
def _cached_calendar(division: str, school_terms: SchoolTerms | None) -> WorkingCalendar:
    return WorkingCalendar(BankHolidaySource(division), school_terms)
