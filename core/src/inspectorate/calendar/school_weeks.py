"""Counting "N weeks, discounting school holidays".

The reading: N weeks are 7 x N days, and only days outside school holidays count. A weekend in
term time counts (it is part of a term week); a weekend inside a holiday does not. Counting
starts the day after (or, counting back, the day before) the given date, which is not counted,
so with no holiday in the way the result is exactly N weeks away.

"Formal notice at least four weeks before the visit, discounting school holidays": the latest
notice date is ``add_weeks_discounting_school_holidays(visit, 4, terms, direction=-1)``, so that
28 countable days lie from the notice date up to the day before the visit.
"""

from __future__ import annotations

from datetime import date, timedelta

from .school_terms import SchoolTerms
from .working_days import WorkingCalendar


def add_weeks_discounting_school_holidays(
    d: date,
    weeks: int,
    calendar_or_terms: WorkingCalendar | SchoolTerms,
    direction: int = +1,
) -> date:
    """The day on which ``weeks`` weeks of days outside school holidays have passed since ``d``.

    Counts 7 x ``weeks`` days that are not school holidays, forward from ``d`` (``direction=+1``)
    or back from it (``direction=-1``), ``d`` itself not counted; returns the last day counted,
    which is never a school holiday. ``weeks == 0`` returns ``d``. A calendar without school
    terms is a ``ValueError``; a date the terms do not cover raises ``SchoolTermsUnknown``.
    """
    if direction not in (1, -1):
        raise ValueError(f"direction must be +1 (forward) or -1 (back), not {direction!r}")
    if weeks < 0:
        raise ValueError(f"weeks must not be negative (count back with direction=-1), not {weeks}")
    terms = _terms_of(calendar_or_terms)
    step = timedelta(days=direction)
    remaining = 7 * weeks
    day = d
    while remaining:
        day += step
        if not terms.is_school_holiday(day):
            remaining -= 1
    return day


def _terms_of(calendar_or_terms: WorkingCalendar | SchoolTerms) -> SchoolTerms:
    if isinstance(calendar_or_terms, SchoolTerms):
        return calendar_or_terms
    terms = getattr(calendar_or_terms, "school_terms", None)
    if terms is None:
        raise ValueError(
            f"{calendar_or_terms!r} has no school terms; build it with "
            "calendar_for(..., school_terms=wales_terms()) or pass the SchoolTerms"
        )
    return terms


def add_school_weeks(
    d: date,
    weeks: int,
    calendar_or_terms: WorkingCalendar | SchoolTerms,
    direction: int = +1,
) -> date:
    """The day ``weeks`` school weeks away from ``d``: whole weeks, a week with no school day not counted.

    The reading "four weeks, discounting school holidays" as school weeks: step a week (seven
    days) at a time from ``d``; a week counts when at least one of its weekdays is a school day,
    so a half-term week is skipped whole and the weekends either side of it cost nothing more.
    Counting back four school weeks from Monday 10 November 2025 (half term 27 to 31 October)
    gives Monday 6 October. Raises as :func:`add_weeks_discounting_school_holidays` does.
    """
    if direction not in (1, -1):
        raise ValueError(f"direction must be +1 (forward) or -1 (back), not {direction!r}")
    if weeks < 0:
        raise ValueError(f"weeks must not be negative (count back with direction=-1), not {weeks}")
    terms = _terms_of(calendar_or_terms)
    counted, day = 0, d
    while counted < weeks:
        day += timedelta(days=7 * direction)
        first = day if direction < 0 else day - timedelta(days=6)
        week = (first + timedelta(days=i) for i in range(7))
        if any(w.weekday() < 5 and not terms.is_school_holiday(w) for w in week):
            counted += 1
    return day
