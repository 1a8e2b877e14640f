"""Working days: add_working_days, working_days_between, calendars and their cache."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from inspectorate.calendar import (
    DIVISIONS,
    WorkingCalendar,
    add_working_days,
    calendar_for,
    working_days_between,
)
from inspectorate.calendar.working_days import INITIAL_YEARS

EW = "england-and-wales"


def test_cli_example_five_working_days_after_29_december_2023_england_and_wales_is_8_january():
    assert add_working_days(date(2023, 12, 29), 5, calendar_for(EW)) == date(2024, 1, 8)


def test_cli_example_five_working_days_after_29_december_2023_scotland_is_9_january():
    # Scotland also has 2 January off.
    assert add_working_days(date(2023, 12, 29), 5, calendar_for("scotland")) == date(2024, 1, 9)


def test_cli_example_two_working_days_before_easter_tuesday_2013_is_27_march():
    # Back over Easter Monday (1 April) and Good Friday (29 March).
    assert add_working_days(date(2013, 4, 2), -2, calendar_for(EW)) == date(2013, 3, 27)


def test_zero_working_days_returns_the_date_unchanged_even_on_a_weekend():
    calendar = calendar_for(EW)
    saturday = date(2024, 6, 1)
    assert add_working_days(saturday, 0, calendar) is saturday
    assert add_working_days(date(2024, 12, 25), 0, calendar) == date(2024, 12, 25)


def test_start_date_is_not_counted_forward_or_back():
    calendar = calendar_for(EW)
    wednesday = date(2024, 6, 5)
    assert add_working_days(wednesday, 1, calendar) == date(2024, 6, 6)
    assert add_working_days(wednesday, -1, calendar) == date(2024, 6, 4)


def test_from_a_weekend_the_first_working_day_after_is_monday_and_before_is_friday():
    calendar = calendar_for(EW)
    saturday = date(2024, 6, 8)
    assert add_working_days(saturday, 1, calendar) == date(2024, 6, 10)
    assert add_working_days(saturday, -1, calendar) == date(2024, 6, 7)
    sunday = date(2024, 6, 9)
    assert add_working_days(sunday, 1, calendar) == date(2024, 6, 10)
    assert add_working_days(sunday, -1, calendar) == date(2024, 6, 7)


def test_from_a_bank_holiday_counting_starts_at_the_next_or_previous_working_day():
    calendar = calendar_for(EW)
    easter_monday = date(2024, 4, 1)
    assert add_working_days(easter_monday, 1, calendar) == date(2024, 4, 2)
    assert add_working_days(easter_monday, -1, calendar) == date(2024, 3, 28)  # Good Friday skipped


def count_day_by_day(start: date, n: int, calendar: WorkingCalendar) -> date:
    """The slow, obvious reading of add_working_days, as a reference."""
    day, left, step = start, abs(n), timedelta(days=1 if n > 0 else -1)
    while left:
        day += step
        if calendar.is_working_day(day):
            left -= 1
    return day


def test_matches_a_day_by_day_count_on_random_dates_in_every_division():
    rng = random.Random(20240601)
    for division in DIVISIONS:
        calendar = calendar_for(division)
        for _ in range(300):
            start = date(2015, 1, 1) + timedelta(days=rng.randrange(4000))
            n = rng.randint(-40, 40)
            assert add_working_days(start, n, calendar) == count_day_by_day(start, n, calendar)


def test_agrees_with_numpy_busday_offset_on_ten_thousand_random_pairs_in_each_division():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(12345)
    first, last = date(2010, 1, 1).toordinal(), date(2030, 12, 31).toordinal()
    for division in DIVISIONS:
        calendar = calendar_for(division)
        holidays = [d for year in range(2008, 2034) for d in calendar.bank_holidays(year)]
        busdays = np.busdaycalendar(weekmask="1111100", holidays=np.array(holidays, dtype="datetime64[D]"))
        ordinals = rng.integers(first, last + 1, 10_000)
        offsets = rng.integers(-300, 301, 10_000)
        starts = [date.fromordinal(int(o)) for o in ordinals]
        # numpy first rolls a start that is not a business day, then moves |n| business days.
        # Ours never counts the start date, so:
        #   n > 0: roll "backward" to the last working day on or before d; the working days
        #          after it are exactly those after d (none lies in between), so the n-th is ours.
        #   n < 0: roll "forward" to the first working day on or after d; the working days
        #          before it are exactly those before d, so the |n|-th back is ours.
        #   n = 0: ours returns d unchanged; numpy would roll, so expect d itself.
        starts64 = np.array(starts, dtype="datetime64[D]")
        forward_part = np.busday_offset(starts64, offsets, roll="backward", busdaycal=busdays)
        backward_part = np.busday_offset(starts64, offsets, roll="forward", busdaycal=busdays)
        expected = np.where(offsets > 0, forward_part, np.where(offsets < 0, backward_part, starts64))
        got = np.array(
            [add_working_days(d, int(n), calendar) for d, n in zip(starts, offsets, strict=True)],
            dtype="datetime64[D]",
        )
        mismatches = np.flatnonzero(got != expected)
        assert mismatches.size == 0, [
            (division, starts[i], int(offsets[i]), got[i], expected[i]) for i in mismatches[:5]
        ]


def test_counting_far_outside_the_initial_years_grows_the_calendar():
    calendar = WorkingCalendar(calendar_for(EW)._source)  # a private, uncached calendar
    assert INITIAL_YEARS == (1990, 2060)
    # Forward out of the range, back out of it, and from starts far outside it.
    cases = [(date(2060, 12, 20), 10), (date(1990, 1, 10), -10), (date(2100, 1, 1), 1),
             (date(1975, 1, 1), -1), (date(1900, 6, 1), 30)]
    for start, n in cases:
        assert add_working_days(start, n, calendar) == count_day_by_day(start, n, calendar)
    assert calendar._years[0] <= 1900 and calendar._years[1] >= 2100
    # New Year's Day 2061 (a Saturday) gives Monday 3 January off; Christmas 2060 is Sat/Sun.
    assert add_working_days(date(2060, 12, 31), 1, calendar) == date(2061, 1, 4)


def test_a_huge_count_lands_where_many_small_steps_land():
    calendar = calendar_for("scotland")
    start = date(2020, 3, 3)
    step = start
    for _ in range(100):
        step = add_working_days(step, 250, calendar)
    assert add_working_days(start, 25_000, calendar) == step
    assert add_working_days(step, -25_000, calendar) == start  # start is a working day


def test_counting_past_the_last_representable_year_is_an_overflow_error():
    with pytest.raises(OverflowError, match="9999"):
        add_working_days(date(9999, 12, 1), 100, calendar_for(EW))


def test_a_datetime_start_counts_from_its_date_and_returns_a_date():
    calendar = calendar_for(EW)
    assert add_working_days(datetime(2024, 6, 7, 15, 30), 1, calendar) == date(2024, 6, 10)


def test_is_working_day_treats_a_datetime_as_its_date():
    calendar = calendar_for(EW)
    assert not calendar.is_working_day(datetime(2024, 12, 25, 9, 0))
    assert calendar.is_working_day(datetime(2024, 12, 27, 9, 0))


def test_a_start_that_is_not_a_date_or_a_count_that_is_not_an_integer_is_a_type_error():
    calendar = calendar_for(EW)
    with pytest.raises(TypeError, match="needs a date"):
        add_working_days("2024-06-07", 1, calendar)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        add_working_days(date(2024, 6, 7), 1.5, calendar)  # type: ignore[arg-type]


def test_working_days_between_counts_after_the_first_date_up_to_and_including_the_second():
    calendar = calendar_for(EW)
    friday, monday = date(2024, 6, 7), date(2024, 6, 10)
    assert working_days_between(friday, monday, calendar) == 1
    assert working_days_between(friday, friday, calendar) == 0
    assert working_days_between(monday, friday, calendar) == -1
    # Back from a Saturday: Friday is counted, the Saturday itself is not.
    assert working_days_between(date(2024, 6, 8), friday, calendar) == -1
    # Christmas 2024: Wed 25 and Thu 26 are holidays.
    assert working_days_between(date(2024, 12, 20), date(2024, 12, 31), calendar) == 5


def test_working_days_between_inverts_add_working_days_from_any_start():
    calendar = calendar_for("northern-ireland")
    rng = random.Random(7)
    for _ in range(2000):
        a = date(2000, 1, 1) + timedelta(days=rng.randrange(12000))  # weekends and holidays too
        n = rng.randint(-500, 500)
        b = add_working_days(a, n, calendar)
        assert working_days_between(a, b, calendar) == n, (a, n, b)


def test_working_days_between_grows_the_calendar_for_distant_dates():
    calendar = calendar_for(EW)
    assert working_days_between(date(2080, 1, 1), date(2080, 1, 8), calendar) == 5  # 1 Jan a Monday


def test_calendars_are_cached_per_arguments():
    assert calendar_for(EW) is calendar_for(EW)
    assert calendar_for() is calendar_for(EW)
    assert calendar_for("scotland") is not calendar_for(EW)


def test_policy_names_the_division_and_the_holidays_package_version():
    import holidays

    policy = calendar_for("scotland").policy
    assert policy == f"Mon-Fri less scotland bank holidays (holidays package {holidays.__version__})"


def test_unknown_division_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match="'wales'"):
        calendar_for("wales")


def test_threads_growing_one_calendar_at_once_all_get_right_answers():
    from concurrent.futures import ThreadPoolExecutor

    reference = calendar_for(EW)
    calendar = WorkingCalendar(reference._source)  # fresh: every thread may trigger growth
    starts = [date(1850 + 7 * i, 3, 1 + i % 28) for i in range(40)]

    def check(start: date) -> bool:
        return all(
            add_working_days(start, n, calendar) == count_day_by_day(start, n, reference)
            for n in (-25, -1, 1, 25)
        )

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(check, starts))
