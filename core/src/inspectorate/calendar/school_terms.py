"""School terms as data: which dates are school holidays, read from small TOML files.

A set of school terms is a list of *teaching blocks*, each the first and last teaching day of a
term or of a half of a term split by its half-term break. A school holiday is every date from the
day after a block ends to the day before the next block begins, weekends included: a term that
ends on a Friday puts the following Saturday and Sunday in the holiday, and a half term announced
as Monday 27 to Friday 31 October runs from Saturday 25 October to Sunday 2 November.

Dates outside the years a set covers raise :class:`SchoolTermsUnknown`; nothing is guessed.

The file format (see the shipped ``data/wales.toml``)::

    name = "Wales (harmonised)"
    source = "where the dates come from"

    [[year]]
    label = "2025-26"

    [[year.term]]
    name = "autumn"
    start = 2025-09-01                      # first teaching day
    end = 2025-12-19                        # last teaching day
    half_term = [2025-10-27, 2025-10-31]    # optional: the break as announced

Wales harmonises term dates across local authorities, so one default set serves; a local
authority's own file, named after it (``vale-of-glamorgan.toml``), goes in the user's terms
directory (:func:`user_terms_dir`) and is preferred by :func:`terms_for_local_authority`.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import platformdirs
from attrs import frozen

from inspectorate.problems import Problem, ProblemsError
from inspectorate.toml_lines import key_name
from inspectorate.toml_schema import parse, read_text, structure

_ONE_DAY = timedelta(days=1)
_SHIPPED_WALES = "wales.toml"


class SchoolTermsUnknown(LookupError):
    """A date outside the school years a set of terms covers."""


class SchoolTermsFileError(ProblemsError):
    """A school-terms file that cannot be used; ``problems`` names the file, line and key of each."""


def user_terms_dir() -> Path:
    """Where a user's own school-terms files live (``<slug>.toml``, one per local authority)."""
    return _terms_dir(os.environ.get("XDG_CONFIG_HOME"), os.environ.get("HOME"))


@functools.lru_cache(maxsize=8)
def _terms_dir(_xdg_config_home: str | None, _home: str | None) -> Path:
    # Keyed on what platformdirs reads: every date outside the known terms names this folder.
    return platformdirs.user_config_path("inspectorate") / "terms"


@dataclass(frozen=True)
class SchoolTerms:
    """One set of school term dates: a name, its teaching blocks in date order, and its source.

    ``blocks`` are (first teaching day, last teaching day) pairs, one per term or half of a
    term. ``years`` are the school-year labels covered ("2024-25", ...), ``origin`` the file the
    set was read from (for messages).
    """

    name: str
    blocks: tuple[tuple[date, date], ...]
    source: str = ""
    years: tuple[str, ...] = ()
    origin: str = ""

    def __post_init__(self) -> None:
        if not self.blocks:
            raise ValueError(f"school terms {self.name!r} have no teaching blocks")
        previous_last = None
        for first, last in self.blocks:
            if first > last:
                raise ValueError(f"school terms {self.name!r}: block {first} to {last} ends before it begins")
            if previous_last is not None and first <= previous_last:
                raise ValueError(
                    f"school terms {self.name!r}: block starting {first} overlaps or precedes the one "
                    f"ending {previous_last}"
                )
            previous_last = last

    @property
    def first_day(self) -> date:
        """The first teaching day covered."""
        return self.blocks[0][0]

    @property
    def last_day(self) -> date:
        """The last teaching day covered."""
        return self.blocks[-1][1]

    def covers(self, d: date) -> bool:
        """True if ``d`` is between the first and last teaching day of the set."""
        return self.first_day <= d <= self.last_day

    def is_school_holiday(self, d: date) -> bool:
        """True if ``d`` falls between two teaching blocks (weekends included).

        Raises :class:`SchoolTermsUnknown` for a date outside the years covered.
        """
        if not self.covers(d):
            raise SchoolTermsUnknown(self._unknown_message(d))
        # The last block starting on or before d; d is a holiday if that block has ended.
        block = bisect_right(self.blocks, d, key=lambda pair: pair[0]) - 1
        return d > self.blocks[block][1]

    def _unknown_message(self, d: date) -> str:
        from babel.dates import format_date

        from inspectorate.i18n import core_words

        _ = core_words()
        return _(
            "No school term dates for {day} {date} in the terms set {name}, which covers {first} to {last} "
            "(school years {years}). To add them, write that school year's terms in a TOML file named after "
            "the local authority (e.g. cardiff.toml) in {folder}, in the format of the shipped {shipped}.",
            day=format_date(d, "EEEE", locale=_.asked), date=d.isoformat(), name=repr(self.name),
            first=self.first_day.isoformat(), last=self.last_day.isoformat(),
            years=", ".join(self.years) if self.years else _("no labelled years"), folder=user_terms_dir(),
            shipped=_SHIPPED_WALES,
        )


def load_school_terms(path_or_text: Path | str) -> SchoolTerms:
    """Read a school-terms TOML file (a ``Path``, or a ``str`` path) or TOML text (a ``str``
    holding a newline or "=").

    Raises :class:`SchoolTermsFileError` naming the file, the line where it can, and the key.
    """
    if isinstance(path_or_text, str) and ("\n" in path_or_text or "=" in path_or_text):
        return _parse(path_or_text, "<school terms text>")
    path = Path(path_or_text)
    text = read_text(path, SchoolTermsFileError, "a school-terms file")
    return _parse(text, str(path))


@functools.lru_cache(maxsize=1)
def wales_terms() -> SchoolTerms:
    """The harmonised Welsh term dates shipped with the program."""
    text = resources.files(__package__).joinpath("data", _SHIPPED_WALES).read_text(encoding="utf-8")
    return _parse(text, f"{_SHIPPED_WALES} (shipped)")


def local_authority_slug(name: str) -> str:
    """The file-name form of a local authority's name: "Ynys Môn" -> "ynys-mon"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def terms_for_local_authority(
    name: str | None, extra_dirs: Iterable[Path] = (), *, user_dir: Path | None = None
) -> SchoolTerms:
    """The school terms of a (Welsh) local authority.

    Looks for ``<slug>.toml`` (see :func:`local_authority_slug`) in ``extra_dirs`` in order, then
    in ``user_dir`` (by default :func:`user_terms_dir`); without one, or without a name, Wales's
    harmonised dates. A local authority's file replaces the default set whole.
    """
    slug = local_authority_slug(name) if name else ""
    if slug:
        for directory in [*extra_dirs, user_dir if user_dir is not None else user_terms_dir()]:
            candidate = Path(directory) / f"{slug}.toml"
            try:
                found = candidate.is_file()
            except OSError:  # a name too long for a file name names no file
                found = False
            if found:
                return load_school_terms(candidate)
    return wales_terms()


# --- reading the TOML -------------------------------------------------------------------------
# The file's layout, structured by inspectorate.toml_schema: a misspelt key, a missing one or a
# value of the wrong kind is reported with every other such problem, by line and key; the dates
# are then checked against one another (the first problem found is reported).


@frozen
class TermLayout:
    """One ``[[year.term]]``: its first and last teaching day, and its half-term break as announced."""

    name: str
    start: date
    end: date
    half_term: tuple[date, date] | None = None


@frozen
class YearLayout:
    """One ``[[year]]``: a school year ("2025-26") and its terms."""

    label: str
    term: tuple[TermLayout, ...] = ()


@frozen
class TermsLayout:
    """A school-terms file."""

    name: str
    year: tuple[YearLayout, ...] = ()
    source: str = ""


_LABEL = re.compile(r"(\d{4})-(\d{2})")


class _Problem(Exception):
    def __init__(self, message: str, *path: str | int) -> None:
        super().__init__(message)
        #: Where the problem is, as the parsed data is walked: ``("year", 1, "term", 0, "end")``.
        self.message, self.path = message, path


def _parse(text: str, origin: str) -> SchoolTerms:
    data, lines = parse(text, origin, SchoolTermsFileError)
    layout, problems = structure(data, TermsLayout, origin, lines)
    if layout is None:  # structure() gives None only with the problems found
        raise SchoolTermsFileError(problems)
    try:
        return _read(layout, origin)
    except _Problem as problem:
        # Inside a school year, the year's label helps find the place; the label's own problem needs none.
        year = problem.path[1] if len(problem.path) > 2 and problem.path[2] != "label" else None
        assert year is None or isinstance(year, int)  # ("year", index, ...)
        label = f"(school year {layout.year[year].label})" if year is not None else ""
        found = Problem(origin, lines.line(problem.path), key_name(problem.path), problem.message, label)
        raise SchoolTermsFileError([found]) from None


def _read(layout: TermsLayout, origin: str) -> SchoolTerms:
    if not layout.name.strip():
        raise _Problem("must not be empty", "name")
    if not layout.year:
        raise _Problem("needs at least one [[year]] table", "year")
    labels: list[str] = []
    blocks: list[tuple[date, date]] = []
    for y, year in enumerate(layout.year):
        label = year.label
        match = _LABEL.fullmatch(label)
        if not match or int(match[2]) != (int(match[1]) + 1) % 100:
            raise _Problem(f"must be a school year like \"2025-26\", not {label!r}", "year", y, "label")
        if labels and int(match[1]) != int(labels[-1][:4]) + 1:
            raise _Problem(
                f"school years must follow one another without gaps: {labels[-1]} is followed by {label}",
                "year", y, "label",
            )
        labels.append(label)
        if not year.term:
            raise _Problem(f"school year {label} needs at least one [[year.term]] table", "year", y, "term")
        for t, term in enumerate(year.term):
            for block in _term_blocks(term, ("year", y, "term", t)):
                if blocks and block[0] <= blocks[-1][1]:
                    raise _Problem(
                        f"term starts {block[0].isoformat()}, before the previous teaching block "
                        f"ends ({blocks[-1][1].isoformat()}); terms must be in date order",
                        "year", y, "term", t, "start",
                    )
                blocks.append(block)
    return SchoolTerms(name=layout.name, blocks=tuple(blocks), source=layout.source, years=tuple(labels), origin=origin)


def _term_blocks(term: TermLayout, at: tuple[str | int, ...]) -> list[tuple[date, date]]:
    """One term's teaching blocks: the whole term, or the two halves around its half term."""
    start, end = term.start, term.end
    if not term.name.strip():
        raise _Problem("must not be empty", *at, "name")
    if end < start:
        raise _Problem(f"term ends ({end.isoformat()}) before it starts ({start.isoformat()})", *at, "end")
    if term.half_term is None:
        return [(start, end)]
    first, last = term.half_term
    if not start < first <= last < end:
        raise _Problem(
            f"half term {first.isoformat()} to {last.isoformat()} must fall inside the term "
            f"({start.isoformat()} to {end.isoformat()}) and end after it starts",
            *at, "half_term",
        )
    # The break as announced is weekdays; the teaching blocks end and resume on weekdays, so
    # the weekends either side belong to the holiday.
    before, after = first - _ONE_DAY, last + _ONE_DAY
    while before.weekday() >= 5:
        before -= _ONE_DAY
    while after.weekday() >= 5:
        after += _ONE_DAY
    if before < start or after > end:
        raise _Problem("half term leaves no teaching days before or after it", *at, "half_term")
    return [(start, before), (after, end)]
