"""The demo casebook: realistic sample cases across every framework, at every stage.

The cases are ordinary case files shipped in ``demo/``. Those under a framework still in force are
moved to lie around today (by whole weeks, so weekdays stay weekdays), so the demo always has
inspections planned, on site, in reporting and in follow-up, some with overdue events. Cases
under frameworks that have ended keep their own dates: an inspection under CIF 2012 belongs in
2013, not next week.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from importlib import resources
from pathlib import Path

import attrs
from inspectorate.casebook import Casebook
from inspectorate.casefile import CaseFileError, read_case_file
from inspectorate.evaluation import summary
from inspectorate.model import Case
from inspectorate.plugins import PluginHost

#: The day the current-framework demo cases were written around.
WRITTEN_FOR = dt.date(2026, 11, 23)


def demo_files() -> list[Path]:
    return sorted(Path(str(resources.files("inspectorate_tui") / "demo")).glob("*.toml"))


def shifted(case: Case, weeks: int) -> Case:
    """The case with every date moved by ``weeks`` whole weeks."""
    delta = dt.timedelta(weeks=weeks)

    def move(day):
        return day + delta if day else day

    dates = attrs.evolve(case.dates, **{f.name: move(getattr(case.dates, f.name)) for f in attrs.fields(type(case.dates))})
    follow_up = attrs.evolve(case.follow_up, done={k: v + delta for k, v in case.follow_up.done.items()})
    recommendations = tuple(
        attrs.evolve(r, progress=tuple(attrs.evolve(p, on=p.on + delta) for p in r.progress)) for r in case.recommendations
    )
    return attrs.evolve(case, dates=dates, follow_up=follow_up, recommendations=recommendations)


def demo_cases(host: PluginHost, today: dt.date) -> tuple[list[Case], list[str]]:
    """The demo cases for ``today``, and a note for each file that could not be used."""
    weeks = round((today - WRITTEN_FOR).days / 7)
    cases, skipped = [], []
    for path in demo_files():
        try:
            case = read_case_file(path, host)
        except CaseFileError as error:  # e.g. its regime's plugin is disabled
            skipped.append(f"{path.name}: {error}")
            continue
        framework = host.framework(case.framework)
        if framework is not None and framework.valid_to is None:
            case = shifted(case, weeks)
        cases.append(case)
    return cases, skipped


def seed(book: Casebook, host: PluginHost, today: dt.date) -> list[str]:
    """Add the demo cases in one transaction; returns the files that could not be used."""
    cases, skipped = demo_cases(host, today)
    book.add_many((case, summary(host, case, today)) for case in cases)
    return skipped


def open_demo_casebook(host: PluginHost, path: Path | None, today: dt.date) -> Casebook:
    """A casebook of demo cases: a throwaway file, or ``path`` (seeded only when it has no cases,
    so a demo casebook kept with ``--casebook`` keeps its changes between runs)."""
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="inspectorate-demo-")) / "demo.sqlite"
    book = Casebook.open(path)
    if book.count(include_archived=True) == 0:
        seed(book, host, today)
    return book
