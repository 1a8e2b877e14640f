"""The three bank-holiday divisions of the United Kingdom, and which nation is in which.

England and Wales share one division; Scotland and Northern Ireland each have their own.
The names are the ones GOV.UK uses in ``bank-holidays.json``.
"""

from __future__ import annotations

from inspectorate.i18n import N_, core_words

DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")

#: The nations of the United Kingdom, as case files and every front end name them.
NATIONS = ("england", "wales", "scotland", "northern-ireland")

#: Each nation's name, in English (shown with :func:`nation_name`, in the language spoken).
NATION_NAMES = {
    "england": N_("England"),
    "wales": N_("Wales"),
    "scotland": N_("Scotland"),
    "northern-ireland": N_("Northern Ireland"),
}

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


def nation_name(nation: str) -> str:
    """The nation's name in the language spoken ("Northern Ireland", "Cymru"); a nation outside
    :data:`NATIONS` is shown from its id ("isle-of-man" as "Isle Of Man")."""
    if nation in NATION_NAMES:
        return core_words()(NATION_NAMES[nation])
    return nation.replace("-", " ").title()


def check_division(division: str) -> str:
    """Return ``division`` if it is one of :data:`DIVISIONS`, else raise ``ValueError`` naming it."""
    if division not in DIVISIONS:
        raise ValueError(
            f"unknown bank-holiday division {division!r}: expected one of {', '.join(DIVISIONS)}"
        )
    return division
