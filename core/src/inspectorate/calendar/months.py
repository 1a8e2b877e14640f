"""Calendar-month arithmetic for windows such as "between 12 and 18 months after the visit".

Months are calendar months clamped to the end of the month: 31 January plus one month is 28
(or 29) February. A window's ends are never moved off a weekend or holiday; rules that want a
working day say so separately.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months (negative goes back), clamped to month end."""
    return d + relativedelta(months=months)


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
