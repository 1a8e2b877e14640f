"""The catalogue of support and challenge strategies (2013 guidance, paragraph 15).

The improvement HMI picks strategies into the agreed action plan (``case.follow_up.chosen``). A
choice is a catalogue id or, because "the list is not exhaustive", another activity written out
in words; a single word that is not an id is most likely a typo, so it is flagged.
"""

from __future__ import annotations

import tomllib
from importlib import resources

from inspectorate.model import Citation

_DATA = tomllib.loads((resources.files("inspectorate_ofsted") / "data" / "support-strategies.toml").read_text("utf-8"))

#: id -> the guidance's own words for the strategy.
STRATEGIES: dict[str, str] = dict(_DATA["strategies"])
#: What the catalogue is, as a screen heads it.
TITLE: str = _DATA["title"]


def citation(strategy_id: str) -> Citation:
    return Citation(document=_DATA["document"], locator=_DATA["locator"], quote=STRATEGIES[strategy_id])


def is_written_out(choice: str) -> bool:
    """True for another activity described in words rather than a catalogue id."""
    return " " in choice.strip()


def unknown_ids(chosen) -> list[str]:
    return [c for c in chosen if c not in STRATEGIES and not is_written_out(c)]
