"""The three bank-holiday divisions of the United Kingdom, and which nation is in which.

England and Wales share one division; Scotland and Northern Ireland each have their own.
The names are the ones GOV.UK uses in ``bank-holidays.json``.
"""

from __future__ import annotations

DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")

#: The nations of the United Kingdom, as case files and every front end name them.
NATIONS = ("england", "wales", "scotland", "northern-ireland")

_DIVISION_OF_NATION = {
    "england": "england-and-wales",
    "wales": "england-and-wales",
    "scotland": "scotland",
    "northern-ireland": "northern-ireland",
}


def division_for_nation(nation: str) -> str:
    """The bank-holiday division of a nation ("england", "wales", "scotland", "northern-ireland").

    Case, spaces and underscores are forgiven ("Northern Ireland" works); anything else is a
    ``ValueError`` naming the nation given.
    """
    key = "-".join(str(nation).strip().lower().replace("_", " ").split())
    try:
        return _DIVISION_OF_NATION[key]
    except KeyError:
        known = ", ".join(_DIVISION_OF_NATION)
        raise ValueError(f"unknown nation {nation!r}: expected one of {known}") from None


def check_division(division: str) -> str:
    """Return ``division`` if it is one of :data:`DIVISIONS`, else raise ``ValueError`` naming it."""
    if division not in DIVISIONS:
        raise ValueError(
            f"unknown bank-holiday division {division!r}: expected one of {', '.join(DIVISIONS)}"
        )
    return division
