"""Month windows: calendar months, clamped to month end, never rolled off a weekend."""

from __future__ import annotations

from datetime import date

import pytest
from inspectorate.calendar import add_months, month_window


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2023, 1, 31), 1, date(2023, 2, 28)),  # clamped to February's end
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year again
        (date(2022, 8, 31), 6, date(2023, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 5, 15), 18, date(2025, 11, 15)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),  # backwards clamps too
        (date(2024, 5, 15), 0, date(2024, 5, 15)),
    ],
)
def test_add_months_counts_calendar_months_clamped_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_thirty_first_of_august_plus_six_months_is_28_february_in_a_common_year():
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)


def test_month_window_gives_both_ends_clamped():
    assert month_window(date(2024, 8, 31), 12, 18) == (date(2025, 8, 31), date(2026, 2, 28))


def test_month_window_end_on_a_saturday_is_not_rolled():
    earliest, latest = month_window(date(2024, 3, 15), 6, 12)
    assert latest == date(2025, 3, 15) and latest.weekday() == 5  # Saturday, left alone
    assert earliest == date(2024, 9, 15) and earliest.weekday() == 6  # Sunday, left alone


def test_month_window_clamped_end_on_a_sunday_is_not_rolled():
    assert month_window(date(2024, 1, 31), 1, 5) == (date(2024, 2, 29), date(2024, 6, 30))


def test_month_window_with_earliest_after_latest_is_a_value_error():
    with pytest.raises(ValueError, match="18 and 12"):
        month_window(date(2024, 1, 1), 18, 12)


def test_add_months_is_dateutil_relativedelta_for_every_day_and_offset():
    """The hand-written clamping agrees with python-dateutil's relativedelta, the reference."""
    import datetime as _dt

    from dateutil.relativedelta import relativedelta
    from inspectorate.calendar import add_months as _add_months

    day = _dt.date(2011, 12, 25)
    while day < _dt.date(2017, 3, 10):
        for months in (-25, -13, -12, -1, 0, 1, 2, 6, 8, 11, 12, 13, 15, 18, 24, 49):
            assert _add_months(day, months) == day + relativedelta(months=months), (day, months)
        day += _dt.timedelta(days=1)
