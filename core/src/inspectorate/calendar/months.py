"""Calendar-month arithmetic for windows such as "between 12 and 18 months after the visit".

Months are calendar months clamped to the end of the month: 31 January plus one month is 28
(or 29) February. A window's ends are never moved off a weekend or holiday; rules that want a
working day say so separately.
"""

from __future__ import annotations

import calendar
from datetime import date


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months (negative goes back), clamped to month end.

    The same as ``d + dateutil.relativedelta(months=months)`` (a test holds them equal), in a
    fraction of the time: every month window of every case on every edit comes through here.
    """
    years, month0 = divmod(d.month - 1 + months, 12)
    year, month = d.year + years, month0 + 1
    return d.replace(year=year, month=month, day=min(d.day, calendar.monthrange(year, month)[1]))


def month_window(anchor: date, earliest_months: int, latest_months: int) -> tuple[date, date]:
    """The dates ``earliest_months`` and ``latest_months`` calendar months after ``anchor``.

    Both ends are clamped to month end as :func:`add_months` does and are not rolled off a
    weekend. ``earliest_months`` greater than ``latest_months`` is a ``ValueError``.
    """
    if earliest_months > latest_months:
        raise ValueError(
            f"a month window needs earliest <= latest, got {earliest_months} and {latest_months}"
        )
    return add_months(anchor, earliest_months), add_months(anchor, latest_months)
