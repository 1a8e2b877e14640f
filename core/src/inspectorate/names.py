"""People's names as inspectors type them, compared as the same person or not.

"Dev Patel", "Dev Patel HMI", "dr. dev  patel" are one person: titles and post-nominal roles
(HMI, OI, Mr, Dr, ...), letter case, punctuation around them and extra spaces are not part of
who someone is. Rules that ask whether one inspector is also on another team compare names here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Words that say what someone is, not who: forms of address and inspectors' roles, in English and
#: Welsh (AEF is Arolygydd Ei Fawrhydi, the Welsh for HMI).
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "revd",
        "hmi", "oi", "aef", "athro",
    }
)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def person_key(name: str) -> str:
    """The name folded for comparing: lower case, single spaces, titles and roles left out
    (unless the name is nothing but a title, which is then kept)."""
    words = _WORD.findall(name.casefold())
    kept = [w for w in words if w not in TITLES]
    return " ".join(kept or words)


def same_person(one: str, other: str) -> bool:
    """Whether two written names are the same person; an empty name is nobody."""
    key = person_key(one)
    return bool(key) and key == person_key(other)


def among(name: str, names: Iterable[str]) -> bool:
    """Whether ``name`` is the same person as any of ``names``."""
    return any(same_person(name, other) for other in names)
