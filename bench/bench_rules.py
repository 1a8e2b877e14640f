"""Benchmark of the rules: evaluating and scheduling every example case, against parsing its file.

Run from the repository root::

    .venv/bin/python bench/bench_rules.py [--repeats 7]

The measured work is what the app does on every edit of a case: ``evaluate`` (proposals,
follow-up category, every plugin's findings and the checks the core derives from the timing
declarations) and ``schedule`` (every dated event with its status). The baseline, measured in the
same run, is parsing the same case files with ``tomllib``: a cost every reader of a case pays,
and one that does not change when the rules do. Times are the best of several repeats; nothing
is asserted about time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tomllib
from pathlib import Path

from inspectorate.casefile import read_case_file
from inspectorate.evaluation import evaluate, schedule
from inspectorate.plugins import default_host
from timing import best_of

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
TODAY = dt.date(2026, 11, 23)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=20, help="passes over the examples per timing")
    args = parser.parse_args(argv)
    host = default_host()
    paths = sorted(EXAMPLES.glob("*.toml"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    cases = [read_case_file(path, host) for path in paths]

    def parse():
        for _ in range(args.rounds):
            for text in texts:
                tomllib.loads(text)

    def rules():
        for _ in range(args.rounds):
            for case in cases:
                evaluate(host, case)
                schedule(host, case, TODAY)

    rules()  # warm: calendars built, frameworks loaded
    base = best_of(args.repeats, parse)
    measured = best_of(args.repeats, rules)
    per = args.rounds * len(cases)
    print(f"{len(cases)} example cases x {args.rounds} rounds, best of {args.repeats}")
    print(f"baseline  tomllib.loads of the case file:   {base / per * 1e6:9.1f} us per case")
    print(f"rules     evaluate + schedule:              {measured / per * 1e6:9.1f} us per case")
    print(f"ratio     {measured / base:.2f}x the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
