"""School terms: the holiday rule, "weeks discounting school holidays", files and their errors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from inspectorate.calendar import (
    SchoolTerms,
    SchoolTermsFileError,
    SchoolTermsUnknown,
    add_weeks_discounting_school_holidays,
    calendar_for,
    load_school_terms,
    local_authority_slug,
    terms_for_local_authority,
    wales_terms,
)

ONE_DAY = timedelta(days=1)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# --- the shipped Welsh dates and the holiday rule ----------------------------------------------


def test_shipped_wales_terms_cover_2024_25_and_2025_26_and_say_where_they_come_from():
    terms = wales_terms()
    assert terms.name == "Wales (harmonised)"
    assert terms.years == ("2024-25", "2025-26")
    assert terms.first_day == date(2024, 9, 2) and terms.last_day == date(2026, 7, 20)
    assert "gov.wales" in terms.source and "may differ" in terms.source


def test_a_weekend_in_term_time_is_not_a_school_holiday():
    terms = wales_terms()
    assert not terms.is_school_holiday(date(2025, 9, 13))  # Saturday
    assert not terms.is_school_holiday(date(2025, 9, 14))  # Sunday


def test_half_term_holiday_runs_from_the_saturday_before_to_the_sunday_after():
    terms = wales_terms()
    assert not terms.is_school_holiday(date(2025, 10, 24))  # last teaching Friday
    assert all(terms.is_school_holiday(d) for d in days(date(2025, 10, 25), date(2025, 11, 2)))
    assert not terms.is_school_holiday(date(2025, 11, 3))  # back on Monday


def test_christmas_holiday_includes_the_weekends_either_side():
    terms = wales_terms()
    assert not terms.is_school_holiday(date(2025, 12, 19))
    assert all(terms.is_school_holiday(d) for d in days(date(2025, 12, 20), date(2026, 1, 4)))
    assert not terms.is_school_holiday(date(2026, 1, 5))


def test_the_summer_gap_between_school_years_is_a_holiday():
    terms = wales_terms()
    assert not terms.is_school_holiday(date(2025, 7, 21))  # last day of 2024-25, a Monday
    assert all(terms.is_school_holiday(d) for d in days(date(2025, 7, 22), date(2025, 8, 31)))
    assert not terms.is_school_holiday(date(2025, 9, 1))


def test_every_2025_26_half_term_and_holiday_as_published():
    terms = wales_terms()
    for first, last in [
        (date(2026, 2, 14), date(2026, 2, 22)),  # spring half term 16-20 Feb
        (date(2026, 3, 28), date(2026, 4, 12)),  # Easter
        (date(2026, 5, 23), date(2026, 5, 31)),  # summer half term 25-29 May
    ]:
        assert not terms.is_school_holiday(first - ONE_DAY) and not terms.is_school_holiday(last + ONE_DAY)
        assert all(terms.is_school_holiday(d) for d in days(first, last))


def test_every_2024_25_holiday_as_read():
    terms = wales_terms()
    for first, last in [
        (date(2024, 10, 26), date(2024, 11, 3)),  # half term 28 Oct - 1 Nov
        (date(2024, 12, 21), date(2025, 1, 5)),  # Christmas
        (date(2025, 2, 22), date(2025, 3, 2)),  # half term 24-28 Feb
        (date(2025, 4, 12), date(2025, 4, 27)),  # Easter
        (date(2025, 5, 24), date(2025, 6, 1)),  # half term 26-30 May
    ]:
        assert not terms.is_school_holiday(first - ONE_DAY) and not terms.is_school_holiday(last + ONE_DAY)
        assert all(terms.is_school_holiday(d) for d in days(first, last))


def test_a_date_outside_the_years_covered_raises_school_terms_unknown_saying_how_to_add_dates():
    terms = wales_terms()
    with pytest.raises(SchoolTermsUnknown) as raised:
        terms.is_school_holiday(date(2026, 9, 7))
    message = str(raised.value)
    assert "2026-09-07" in message and "Wales (harmonised)" in message
    assert "2024-25, 2025-26" in message
    assert ".toml" in message and "terms" in message
    with pytest.raises(SchoolTermsUnknown, match="2024-08-30"):
        terms.is_school_holiday(date(2024, 8, 30))


# --- N weeks, discounting school holidays ------------------------------------------------------


def test_four_weeks_with_no_holiday_in_the_way_is_28_days_both_ways():
    terms = wales_terms()
    assert add_weeks_discounting_school_holidays(date(2025, 9, 8), 4, terms) == date(2025, 10, 6)
    assert add_weeks_discounting_school_holidays(date(2025, 10, 6), 4, terms, direction=-1) == date(2025, 9, 8)


def test_four_weeks_forward_across_a_half_term_skips_its_nine_days():
    # 20 Oct 2025 + 28 days would be 17 Nov; the half term (25 Oct - 2 Nov) adds 9.
    assert add_weeks_discounting_school_holidays(date(2025, 10, 20), 4, wales_terms()) == date(2025, 11, 26)


def test_four_weeks_back_across_a_half_term_gives_the_latest_notice_date():
    # Visit on Fri 21 Nov 2025: notice at least four weeks before, discounting school holidays.
    latest_notice = add_weeks_discounting_school_holidays(date(2025, 11, 21), 4, wales_terms(), direction=-1)
    assert latest_notice == date(2025, 10, 15)


def test_four_weeks_forward_across_christmas():
    # 2-19 Dec count 18 days, 20 Dec - 4 Jan do not, 5-14 Jan count the other 10.
    assert add_weeks_discounting_school_holidays(date(2025, 12, 1), 4, wales_terms()) == date(2026, 1, 14)


def test_four_weeks_back_across_christmas():
    # 11-5 Jan count 7 days, the holiday none, 19 Dec back to 29 Nov the other 21.
    result = add_weeks_discounting_school_holidays(date(2026, 1, 12), 4, wales_terms(), direction=-1)
    assert result == date(2025, 11, 29)


def test_weeks_discounting_holidays_accepts_a_calendar_carrying_school_terms():
    calendar = calendar_for("england-and-wales", school_terms=wales_terms())
    assert calendar.school_terms is wales_terms()
    assert add_weeks_discounting_school_holidays(date(2025, 10, 20), 4, calendar) == date(2025, 11, 26)
    assert calendar_for("england-and-wales", school_terms=wales_terms()) is calendar


def test_weeks_discounting_holidays_with_a_calendar_without_terms_is_a_value_error():
    with pytest.raises(ValueError, match="no school terms"):
        add_weeks_discounting_school_holidays(date(2025, 10, 20), 4, calendar_for("scotland"))


def test_weeks_discounting_holidays_running_past_the_known_years_raises_school_terms_unknown():
    with pytest.raises(SchoolTermsUnknown, match="2026-07-21"):
        add_weeks_discounting_school_holidays(date(2026, 7, 1), 4, wales_terms())


def test_weeks_discounting_holidays_rejects_a_bad_direction_or_negative_weeks():
    with pytest.raises(ValueError, match="direction"):
        add_weeks_discounting_school_holidays(date(2025, 10, 20), 4, wales_terms(), direction=2)
    with pytest.raises(ValueError, match="direction=-1"):
        add_weeks_discounting_school_holidays(date(2025, 10, 20), -4, wales_terms())


def test_counting_forward_then_back_returns_to_a_term_date():
    terms = wales_terms()
    start = date(2024, 9, 10)
    while start < date(2026, 5, 1):
        if not terms.is_school_holiday(start):
            there = add_weeks_discounting_school_holidays(start, 4, terms)
            assert add_weeks_discounting_school_holidays(there, 4, terms, direction=-1) == start
        start += timedelta(days=5)


# --- files: local authorities, the format, its errors ------------------------------------------

CARDIFF = """\
name = "Cardiff"
source = "made up for a test"

[[year]]
label = "2025-26"

[[year.term]]
name = "autumn"
start = 2025-09-03
end = 2025-12-19
half_term = [2025-10-27, 2025-10-31]
"""


def test_a_local_authority_file_in_a_given_directory_overrides_the_wales_default(tmp_path):
    (tmp_path / "cardiff.toml").write_text(CARDIFF, encoding="utf-8")
    terms = terms_for_local_authority("Cardiff", [tmp_path], user_dir=tmp_path / "empty")
    assert terms.name == "Cardiff" and terms.first_day == date(2025, 9, 3)
    assert terms.is_school_holiday(date(2025, 10, 28))


def test_a_local_authority_file_in_the_user_terms_directory_is_found(tmp_path):
    (tmp_path / "vale-of-glamorgan.toml").write_text(CARDIFF.replace("Cardiff", "Vale"), encoding="utf-8")
    assert terms_for_local_authority("Vale of Glamorgan", user_dir=tmp_path).name == "Vale"


def test_a_local_authority_without_its_own_file_gets_the_wales_default(tmp_path):
    assert terms_for_local_authority("Powys", [tmp_path], user_dir=tmp_path) is wales_terms()
    assert terms_for_local_authority(None, [tmp_path], user_dir=tmp_path) is wales_terms()
    assert terms_for_local_authority("", [tmp_path], user_dir=tmp_path) is wales_terms()


def test_local_authority_slugs_are_plain_lower_case_words_joined_by_hyphens():
    assert local_authority_slug("Ynys Môn") == "ynys-mon"
    assert local_authority_slug("Rhondda Cynon Taf") == "rhondda-cynon-taf"
    assert local_authority_slug("  Merthyr Tydfil ") == "merthyr-tydfil"


def test_school_terms_can_be_read_from_text_and_are_hashable():
    terms = load_school_terms(CARDIFF)
    assert isinstance(terms, SchoolTerms) and terms.years == ("2025-26",)
    assert terms.blocks == ((date(2025, 9, 3), date(2025, 10, 24)), (date(2025, 11, 3), date(2025, 12, 19)))
    assert hash(terms) == hash(load_school_terms(CARDIFF))


def write(tmp_path, text: str):
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_term_end_is_an_error_naming_file_line_and_key(tmp_path):
    path = write(tmp_path, CARDIFF.replace("end = 2025-12-19\n", ""))
    with pytest.raises(SchoolTermsFileError) as raised:
        load_school_terms(path)
    message = str(raised.value)
    # The [[year.term]] header's line, as the key itself is absent.
    assert message == f"{path}:7: year[0].term[0].end: missing: end is required"


def test_a_misspelt_key_is_an_error_naming_file_line_and_key(tmp_path):
    path = write(tmp_path, CARDIFF.replace("half_term", "halfterm"))
    said = r"broken\.toml:11: year\[0\]\.term\[0\]\.halfterm: unknown key \(did you mean 'half_term'\?\)"
    with pytest.raises(SchoolTermsFileError, match=said):
        load_school_terms(path)


def test_a_term_written_as_an_inline_table_is_found_by_its_line(tmp_path):
    inline = """\
name = "Cardiff"

[[year]]
label = "2025-26"
term = [
  { name = "autumn", start = 2025-09-03, end = 2025-12-19 },
  { name = "spring", start = 2026-01-05, ende = 2026-03-27 },
]
"""
    with pytest.raises(SchoolTermsFileError, match=r"broken\.toml:7: year\[0\]\.term\[1\]\.ende: unknown key"):
        load_school_terms(write(tmp_path, inline))


def test_a_quoted_date_is_an_error_saying_to_drop_the_quotes(tmp_path):
    path = write(tmp_path, CARDIFF.replace("start = 2025-09-03", 'start = "2025-09-03"'))
    with pytest.raises(SchoolTermsFileError, match=r"broken\.toml:9: year\[0\]\.term\[0\]\.start: .*no quotes"):
        load_school_terms(path)


def test_invalid_toml_is_an_error_naming_the_file_and_line(tmp_path):
    path = write(tmp_path, CARDIFF.replace('name = "autumn"', "name = autumn"))
    with pytest.raises(SchoolTermsFileError, match=r"broken\.toml:8: .*not valid TOML"):
        load_school_terms(path)


def test_a_half_term_outside_its_term_is_an_error(tmp_path):
    path = write(tmp_path, CARDIFF.replace("[2025-10-27, 2025-10-31]", "[2026-01-05, 2026-01-09]"))
    said = r"broken\.toml:11: year\[0\]\.term\[0\]\.half_term: .*inside the term.*\(school year 2025-26\)"
    with pytest.raises(SchoolTermsFileError, match=said):
        load_school_terms(path)


def test_a_missing_school_year_between_two_others_is_an_error(tmp_path):
    text = CARDIFF + CARDIFF.split("\n\n", 1)[1].replace("2025", "2027").replace("2027-26", "2027-28")
    with pytest.raises(SchoolTermsFileError, match=r"without gaps: 2025-26 is followed by 2027-28"):
        load_school_terms(write(tmp_path, text))


def test_a_badly_written_school_year_label_is_an_error(tmp_path):
    with pytest.raises(SchoolTermsFileError, match=r"broken\.toml:5: year\[0\]\.label: .*like \"2025-26\", not '2025/26'$"):
        load_school_terms(write(tmp_path, CARDIFF.replace('"2025-26"', '"2025/26"')))


def test_a_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(SchoolTermsFileError, match=r"nowhere\.toml"):
        load_school_terms(tmp_path / "nowhere.toml")


def test_every_misspelt_key_and_wrong_value_is_reported_at_once(tmp_path):
    text = CARDIFF.replace("half_term", "halfterm").replace("start = 2025-09-03", 'start = "2025-09-03"')
    with pytest.raises(SchoolTermsFileError) as raised:
        load_school_terms(write(tmp_path, text))
    assert [(p.line, p.key) for p in raised.value.problems] == [(9, "year[0].term[0].start"), (11, "year[0].term[0].halfterm")]
