"""Benchmark of the iCalendar export: the whole demo casebook to one .ics file, against
scheduling the same cases without writing anything.

Run from the repository root::

    .venv/bin/python bench/bench_ics.py [--repeats 7]

The measured work is ``export_cases`` to a new .ics file, as ``inspectorate calendar`` does it:
every case scheduled, every dated event made an iCalendar event, the file written owner-only and
moved into place. The baseline, measured in the same run, is ``schedule`` over the same cases:
the part of the export that is the rules, so the ratio is what making and writing the calendar
adds. Before timing, the file is read back and checked to hold one event per dated event. Times
are the best of several repeats; nothing is asserted about time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from icalendar import Calendar
from inspectorate.casebook import Casebook
from inspectorate.evaluation import schedule
from inspectorate.exchange import export_cases
from inspectorate.plugins import default_host
from inspectorate_tui.demo import WRITTEN_FOR, seed
from timing import best_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    host = default_host()
    folder = Path(tempfile.mkdtemp(prefix="bench-ics-"))
    with Casebook.open(folder / "demo.sqlite") as book:
        seed(book, host, WRITTEN_FOR)
        cases = [book.get(row.id).case for row in book.list_cases()]
    files = iter(range(10**6))

    def scheduling():
        for case in cases:
            schedule(host, case, WRITTEN_FOR)

    def exporting():
        export_cases(host, cases, folder / f"casebook-{next(files)}.ics")

    scheduling()  # warm: calendars built, frameworks loaded
    check = folder / "check.ics"
    export_cases(host, cases, check)
    dated = sum(1 for case in cases for e in schedule(host, case, WRITTEN_FOR) if e.earliest or e.latest)
    written = len(Calendar.from_ical(check.read_bytes()).walk("VEVENT"))
    if written != dated:
        print(f"WRONG: the calendar holds {written} events, the cases have {dated} dated events")
        return 1
    base = best_of(args.repeats, scheduling)
    measured = best_of(args.repeats, exporting)
    print(f"demo casebook: {len(cases)} cases, {dated} dated events, best of {args.repeats}")
    print(f"baseline  schedule every case, nothing written:  {base * 1e3:8.2f} ms")
    print(f"export    export_cases to a new .ics file:       {measured * 1e3:8.2f} ms")
    print(f"ratio     {measured / base:.2f}x the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
