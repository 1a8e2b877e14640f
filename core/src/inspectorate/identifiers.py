"""A provider's identifiers (URN, UKPRN, LA code...): the known ones and the form each takes.

A provider may carry any identifier as ``key = value``; the keys this module knows are checked
against their published form, wherever an identifier comes in: the case-file reader, an import
into the casebook and the terminal app. Keys are matched however they are written ("URN",
"la_code", "LA code"); other keys (``establishment-type``...) are kept as written, unchecked.

The forms: a URN is 6 digits for a school, college or other education provider; social-care
providers registered with Ofsted have 7 digits or SC and 6 digits (Ofsted's social-care data,
2017-18, holds all three). A UKPRN is 8 digits starting with 1. An LA code is 3 digits; a LAESTAB
is that code followed by the 4-digit establishment number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from attrs import frozen


@frozen
class Identifier:
    key: str
    name: str
    pattern: re.Pattern[str]
    #: The form in words ("a URN is 6 digits..."), for the message when a value does not have it.
    form: str


def _identifier(key: str, name: str, pattern: str, form: str) -> Identifier:
    return Identifier(key, name, re.compile(pattern, re.IGNORECASE), form)


KNOWN = {
    identifier.key: identifier
    for identifier in (
        _identifier(
            "urn", "URN", r"\d{6}|\d{7}|SC\d{6}",
            "a URN is 6 digits for a school or college (e.g. 130612); 7 digits, or SC and 6 digits, "
            "for a social-care provider",
        ),
        _identifier("ukprn", "UKPRN", r"1\d{7}", "a UKPRN is 8 digits starting with 1 (e.g. 10012345)"),
        _identifier("la-code", "LA code", r"\d{3}", "an LA code is 3 digits (e.g. 681)"),
        _identifier(
            "laestab", "LAESTAB", r"\d{3}/?\d{4}",
            "a LAESTAB is the 3-digit LA code and the 4-digit establishment number (e.g. 6812345 or 681/2345)",
        ),
    )
}
_BY_SPELLING = {re.sub(r"[-_\s]", "", key): identifier for key, identifier in KNOWN.items()}


def known(key: str) -> Identifier | None:
    """The identifier ``key`` names, however it is written ("URN", "la_code"), or None."""
    return _BY_SPELLING.get(re.sub(r"[-_\s]", "", key.lower()))


def problem(key: str, value: str) -> str | None:
    """Why ``value`` is not a ``key`` (in words naming the key), or None when it is fine."""
    if not key.strip():
        return "an identifier needs a name before the = (for example urn=130612)"
    if not value.strip():
        return f"{key} has no value"
    identifier = known(key)
    if identifier is not None and not identifier.pattern.fullmatch(value.strip()):
        return f"{key} {value.strip()!r} is not a valid {identifier.name}: {identifier.form}"
    return None


def problems(identifiers: Mapping[str, str]) -> dict[str, str]:
    """Each key of ``identifiers`` whose value is wrong, with why."""
    found = {key: problem(key, value) for key, value in identifiers.items()}
    return {key: why for key, why in found.items() if why}


def as_text(identifiers: Mapping[str, str]) -> str:
    """The one-line form a person types: ``urn=130612, ukprn=10012345``."""
    return ", ".join(f"{key}={value}" for key, value in identifiers.items())


def from_text(text: str) -> dict[str, str]:
    """Read the one-line form back; ValueError saying every part that is wrong."""
    pairs: dict[str, str] = {}
    seen: set[str] = set()  # "URN" and "urn" are one identifier
    wrong = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        key, sep, value = (s.strip() for s in part.partition("="))
        if not sep:
            wrong.append(f"{part!r} is not name=value (for example urn=130612)")
        elif (same := getattr(known(key), "key", key)) in seen:
            wrong.append(f"{key} is given twice")
        elif why := problem(key, value):
            wrong.append(why)
        else:
            pairs[key] = value
            seen.add(same)
    if wrong:
        raise ValueError("; ".join(wrong))
    return pairs
