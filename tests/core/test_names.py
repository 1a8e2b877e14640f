"""People's names as inspectors write them: the same person with or without a title, in any case."""

import pytest
from inspectorate.names import person_key, same_person


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Dev Patel", "Dev Patel HMI"),
        ("Dev Patel", "  dev   PATEL "),
        ("Mrs Ann Jones", "Ann Jones"),
        ("Ms Ann Jones OI", "ann jones"),
        ("Dr. Carys Evans", "Carys Evans"),
        ("Dev Patel, HMI", "Dev Patel"),
        ("Dev Patel (HMI)", "Dev Patel"),
        ("Prof Alun Hughes", "Alun Hughes"),
    ],
)
def test_titles_case_and_spacing_do_not_make_another_person(one, other):
    assert same_person(one, other)
    assert person_key(one) == person_key(other)


@pytest.mark.parametrize(("one", "other"), [("Dev Patel", "Dev Patell"), ("Ann Jones HMI", "Dev Patel HMI"), ("", "")])
def test_different_or_empty_names_are_not_the_same_person(one, other):
    assert not same_person(one, other)


def test_a_name_that_is_only_a_title_is_kept_rather_than_emptied():
    assert person_key("Mr") == "mr"
