"""Benchmark comparing a case under two regimes against drafting it under one.

Run from the repository root::

    .venv/bin/python bench/bench_compare.py [--repeats 7]

For each example case in docs/examples, times ``compare_case`` (the case as recorded beside
every other regime's projection: carrying, rules, events, report outlines) and, as the baseline,
what a person already waits for when they open the case's Reports tab: ``evaluate`` + ``schedule``
+ drafting every report template of its framework once. A comparison does that work once per
regime plus the carrying, so a ratio near the number of regimes is the expected cost. Times are
the best of several repeats in one run; nothing is asserted about time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from inspectorate.casefile import read_case_file
from inspectorate.compare import compare_case
from inspectorate.drafting import draft_report, report_templates
from inspectorate.evaluation import evaluate, schedule
from inspectorate.plugins import default_host
from timing import best_of

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
TODAY = dt.date(2026, 11, 23)



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    host = default_host()
    cases = [read_case_file(path, host) for path in sorted(EXAMPLES.glob("*.toml"))]
    others = {case.id or i: [r for r in host.regimes if r != case.regime] for i, case in enumerate(cases)}

    def baseline():
        for case in cases:
            evaluate(host, case)
            schedule(host, case, TODAY)
            for template in report_templates(host):
                if case.framework in template.frameworks:
                    draft_report(host, case, template.id, "en", TODAY)

    def comparison():
        for i, case in enumerate(cases):
            compare_case(host, case, others[case.id or i], TODAY).tables()

    comparison()  # warm: templates compiled, calendars built
    base = best_of(args.repeats, baseline)
    compared = best_of(args.repeats, comparison)
    n = len(cases)
    print(f"{n} example cases, best of {args.repeats}")
    print(f"baseline  evaluate + schedule + draft every template, one regime: {base / n * 1000:8.2f} ms per case")
    print(f"compare   recorded beside {len(host.regimes) - 1} other regime(s), all tables:  {compared / n * 1000:8.2f} ms per case")
    print(f"ratio     {compared / base:.2f}x the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
