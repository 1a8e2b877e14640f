"""Bank holidays: agreement with GOV.UK's own files, one-offs, divisions."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from inspectorate.calendar import (
    DIVISIONS,
    add_working_days,
    calendar_for,
    division_for_nation,
)

EW = "england-and-wales"
REAL_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real"
# Bank holidays proclaimed after the real file was fetched (2025-08-17), so in the package only.
PROCLAIMED_SINCE_THE_FILE = {
    ("bank-holidays-2024-2027.json", "scotland"): {date(2026, 6, 15)},  # FIFA World Cup, Feb 2026
}
GOVUK_FILES = {
    "bank-holidays-2012-2020.json": (EW,),
    "bank-holidays-2024-2027.json": DIVISIONS,
}


def govuk_weekday_holidays_by_year(name: str, division: str) -> dict[int, set[date]]:
    path = REAL_DATA / name
    if not path.is_file():
        pytest.skip(f"the real GOV.UK bank-holidays files are not beside the checkout ({path} missing)")
    data = json.loads(path.read_text(encoding="utf-8"))
    by_year: dict[int, set[date]] = defaultdict(set)
    for event in data[division]["events"]:
        day = date.fromisoformat(event["date"])
        by_year[day.year]  # a year with only weekend events is still a year the file covers
        if day.weekday() < 5:
            by_year[day.year].add(day)
    return by_year


@pytest.mark.parametrize(
    ("name", "division"), [(name, division) for name, divisions in GOVUK_FILES.items() for division in divisions]
)
def test_default_calendar_has_exactly_the_weekday_bank_holidays_of_the_real_govuk_file(name, division):
    calendar = calendar_for(division)
    by_year = govuk_weekday_holidays_by_year(name, division)
    assert by_year, name
    for later in PROCLAIMED_SINCE_THE_FILE.get((name, division), ()):
        assert later in calendar.bank_holidays(later.year) and later not in by_year[later.year]
        by_year[later.year].add(later)
    for year, expected in sorted(by_year.items()):
        for day in expected:
            assert not calendar.is_working_day(day), (division, day)
        assert set(calendar.bank_holidays(year)) == expected, (division, year)
        # And every other weekday of the year is a working day.
        day = date(year, 1, 1)
        while day.year == year:
            if day.weekday() < 5 and day not in expected:
                assert calendar.is_working_day(day), (division, day)
            day += timedelta(days=1)


ONE_OFFS = [
    (date(2012, 6, 5), "Diamond Jubilee"),
    (date(2020, 5, 8), "VE day: May Day moved from Monday 4 May"),
    (date(2022, 6, 3), "Platinum Jubilee"),
    (date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
    (date(2023, 5, 8), "Coronation of King Charles III"),
]


@pytest.mark.parametrize(("day", "what"), ONE_OFFS, ids=[d.isoformat() for d, _ in ONE_OFFS])
def test_one_off_bank_holiday_is_not_a_working_day_and_counting_skips_it(day, what):
    calendar = calendar_for(EW)
    assert not calendar.is_working_day(day), what
    assert day in calendar.bank_holidays(day.year)
    # Counting across it in either direction steps over it.
    before, after = day - timedelta(days=1), day + timedelta(days=1)
    while not calendar.is_working_day(before):
        before -= timedelta(days=1)
    while not calendar.is_working_day(after):
        after += timedelta(days=1)
    assert add_working_days(before, 1, calendar) == after
    assert add_working_days(after, -1, calendar) == before


def test_diamond_jubilee_week_2012_has_two_bank_holidays_in_a_row():
    calendar = calendar_for(EW)
    assert add_working_days(date(2012, 6, 1), 1, calendar) == date(2012, 6, 6)


def test_the_usual_may_day_of_2020_was_a_working_day():
    assert calendar_for(EW).is_working_day(date(2020, 5, 4))


def test_scotland_has_2_january_and_st_andrews_day_but_not_easter_monday():
    scotland, england = calendar_for("scotland"), calendar_for(EW)
    assert not scotland.is_working_day(date(2024, 1, 2)) and england.is_working_day(date(2024, 1, 2))
    assert not scotland.is_working_day(date(2025, 12, 1))  # St Andrew's Day (Sunday) substitute
    assert scotland.is_working_day(date(2024, 4, 1)) and not england.is_working_day(date(2024, 4, 1))
    assert not scotland.is_working_day(date(2024, 8, 5)) and england.is_working_day(date(2024, 8, 5))


def test_northern_ireland_has_st_patricks_day_and_the_twelfth():
    calendar = calendar_for("northern-ireland")
    assert not calendar.is_working_day(date(2025, 3, 17))
    assert not calendar.is_working_day(date(2025, 7, 14))  # 12 July a Saturday: Monday off
    assert calendar_for(EW).is_working_day(date(2025, 7, 14))


def test_bank_holidays_are_named_and_in_date_order():
    found = calendar_for(EW).bank_holidays(2023)
    assert list(found) == sorted(found)
    assert found[date(2023, 5, 8)] == "Coronation of Charles III"
    assert all(day.weekday() < 5 for day in found)


def test_weekend_holidays_are_left_out_and_their_substitutes_kept():
    found = calendar_for(EW).bank_holidays(2022)
    assert date(2022, 12, 25) not in found  # a Sunday
    assert date(2022, 12, 27) in found  # its substitute


@pytest.mark.parametrize(
    ("nation", "division"),
    [("england", EW), ("wales", EW), ("Wales", EW), ("scotland", "scotland"),
     ("northern-ireland", "northern-ireland"), ("Northern Ireland", "northern-ireland")],
)
def test_division_for_nation(nation, division):
    assert division_for_nation(nation) == division


def test_division_for_an_unknown_nation_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match="'cornwall'"):
        division_for_nation("cornwall")
