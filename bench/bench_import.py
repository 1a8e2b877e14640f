"""Benchmark importing Ofsted's published social care outcomes against csv.DictReader over the same file.

Run from the repository root::

    .venv/bin/python bench/bench_import.py [--file PATH] [--repeats 3]

Prints seconds for: csv.DictReader reading every row (the baseline: parsing alone); the Ofsted
importer reading every row into checked cases (layout, grades, the framework in force, the case
file's validation); and the whole import into a new casebook (read, each case's list columns from
the rules, one transaction), with the ratios to the baseline. Best of several repeats in one run;
nothing is asserted about time. The row counts are checked to agree before anything is timed.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

from inspectorate.casebook import Casebook
from inspectorate.importing import import_path, read_for_import
from inspectorate.plugins import default_host
from timing import best_of

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "real" / "ofsted-social-care-inspections-2017-18.csv"


def dict_reader_rows(path: Path) -> int:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        handle.readline()  # the group-heading row above the header
        return sum(1 for _ in csv.DictReader(handle))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"no such file: {args.file} (give one with --file)", file=sys.stderr)
        return 1
    host = default_host()
    read = read_for_import(host, args.file)
    rows = dict_reader_rows(args.file)
    if read.rows != rows:
        print(f"the importer read {read.rows} rows, csv.DictReader {rows}", file=sys.stderr)
        return 1

    baseline = best_of(args.repeats, lambda: dict_reader_rows(args.file))
    reading = best_of(args.repeats, lambda: read_for_import(host, args.file))

    def whole_import() -> None:
        with tempfile.TemporaryDirectory() as folder, Casebook.open(Path(folder) / "bench.sqlite") as casebook:
            import_path(casebook, host, args.file)

    importing = best_of(max(1, args.repeats - 1), whole_import)
    print(f"{rows:,} rows of {args.file.name}; {len(read.cases):,} cases, {len(read.refused)} refused")
    print(f"csv.DictReader (baseline)      {baseline:8.3f} s")
    print(f"Ofsted importer, read as cases {reading:8.3f} s  {reading / baseline:6.1f}x the baseline")
    print(f"import into a new casebook     {importing:8.3f} s  {importing / baseline:6.1f}x the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
