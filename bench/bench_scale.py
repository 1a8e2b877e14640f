"""Benchmark at scale: a realistic 25,000-case casebook, opened, filtered, evaluated and held.

Run from the repository root::

    .venv/bin/python bench/bench_scale.py [--cases 25000] [--repeats 3]

The casebook is drawn from the example cases (``docs/examples``), across every framework: each
generated case is one of them under a new provider name, with its judgements, evidence,
recommendations and done events, every date moved by the same whole number of weeks (so the
order of its dates and the weekdays stay as written). Each is stored with the summary the app
would store. It prints, each against a baseline measured in the same run:

1. open to first rows: starting the app on the casebook to its rows painted, against a bare
   Textual app with one label (the same harness as ``bench_tui.py``);
2. a filter keystroke over the 25,000 rows, against a plain Python filter of the same rows;
3. scheduling every case, and evaluating and scheduling it (cases read from the casebook first),
   against parsing every case's file text with ``tomllib`` (target: every schedule within 2 s);
4. peak memory of the app with the casebook open, and of a process that evaluates and schedules
   every case, against a bare Textual app (target: under 300 MB).

Nothing is asserted; machines are noisy, so read the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from bench_tui import TODAY, filter_latency, time_child

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
PLACES = ["Riverside", "Hillside", "Oakfield", "Bryn", "Glan", "Millbrook", "St Anne's", "Northgate", "Afon", "Maes"]


def realistic_casebook(path: Path, count: int) -> None:
    """``count`` cases made from the example cases (every framework), each with its own name and
    its dates moved by whole weeks, stored with their summaries in one transaction."""
    import attrs
    from inspectorate.casebook import Casebook
    from inspectorate.casefile import read_case_file
    from inspectorate.evaluation import summary
    from inspectorate.plugins import default_host
    from inspectorate_tui.demo import shifted

    host = default_host()
    examples = [read_case_file(p, host) for p in sorted(EXAMPLES.glob("*.toml"))]
    rng = random.Random(20261201)

    def one(n: int):
        case = examples[n % len(examples)]
        case = shifted(case, rng.randint(-60, 60))
        name = f"{rng.choice(PLACES)} {case.provider.name} {n}"
        case = attrs.evolve(case, provider=attrs.evolve(case.provider, name=name))
        return case, summary(host, case, TODAY)

    with Casebook.open(path, who="bench") as book:
        book.add_many(one(n) for n in range(count))


def child(kind: str, casebook: str) -> None:
    """One measured process: print seconds and peak resident memory (MB)."""
    import resource

    started = time.perf_counter()
    if kind == "bare":
        from textual.app import App
        from textual.widgets import Label

        class Bare(App):
            def compose(self):
                yield Label("inspectorate")

            def on_mount(self) -> None:
                self.call_after_refresh(self.exit)

        Bare().run(headless=True)
    elif kind in ("rules", "schedule"):
        from inspectorate.casebook import Casebook
        from inspectorate.evaluation import evaluate, schedule
        from inspectorate.plugins import default_host

        host = default_host()
        with Casebook.open(casebook) as book:
            cases = [book.get(row.id).case for row in book.list_cases()]
        started = time.perf_counter()
        for case in cases:
            if kind == "rules":
                evaluate(host, case)
            schedule(host, case, TODAY)
    elif kind == "parse":
        from inspectorate.casebook import Casebook
        from inspectorate.casefile import dumps_case

        with Casebook.open(casebook) as book:
            texts = [dumps_case(book.get(row.id).case) for row in book.list_cases()]
        started = time.perf_counter()
        for text in texts:
            tomllib.loads(text)
    else:  # the app with the casebook open and its rows shown
        from inspectorate_tui.app import InspectorateApp, run
        from inspectorate_tui.screens.casebook import CasebookScreen
        from textual.app import App

        shown = CasebookScreen._loaded

        def loaded(self, lines, keep):
            shown(self, lines, keep)
            self.call_after_refresh(self.app.exit)

        CasebookScreen._loaded = loaded
        InspectorateApp.run = lambda self, **kw: App.run(self, headless=True)
        run(casebook=casebook, today=TODAY)
    seconds = time.perf_counter() - started
    print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def measure(kind: str, casebook: Path) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(casebook)], check=True, capture_output=True, text=True
    ).stdout
    seconds, megabytes = out.split()[-2:]
    return float(seconds), float(megabytes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=25_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    folder = Path(tempfile.mkdtemp(prefix="inspectorate-bench-"))
    big = folder / "realistic.sqlite"
    started = time.perf_counter()
    realistic_casebook(big, args.cases)
    print(f"generated {args.cases:,} realistic cases in {time.perf_counter() - started:.1f} s ({big.stat().st_size / 1e6:.0f} MB)")

    paints = {"bare": [], "big": []}
    runs: dict[str, list[tuple[float, float]]] = {kind: [] for kind in ("bare", "app", "rules", "schedule", "parse")}
    for _ in range(args.repeats):  # alternate, so drift in machine load hits each alike
        paints["bare"].append(time_child("bare", big))
        paints["big"].append(time_child("inspectorate", big))
        for kind in runs:
            runs[kind].append(measure(kind, big))

    def median(values) -> float:
        return statistics.median(values)

    bare_rows, big_rows = median(r[1] for r in paints["bare"]), median(r[1] for r in paints["big"])
    print(f"\n1. open to first rows (median of {args.repeats}, from starting the process)")
    print(f"   baseline: bare Textual app, first frame          {bare_rows * 1000:7.0f} ms")
    print(f"   inspectorate, {args.cases:,} cases, rows painted     {big_rows * 1000:7.0f} ms   {big_rows / bare_rows:5.2f}x")

    times = asyncio.run(filter_latency(big))
    plain, work = median(times["plain"]), median(times["app-work"])
    print("\n2. a filter keystroke (median per keystroke)")
    print(f"   baseline: plain Python filter of the rows        {plain * 1000:7.1f} ms")
    print(f"   inspectorate: filter and redraw                  {work * 1000:7.1f} ms   {work / plain:5.2f}x")

    parse, rules, scheduled = (median(r[0] for r in runs[k]) for k in ("parse", "rules", "schedule"))
    print(f"\n3. every case ({args.cases:,})")
    print(f"   baseline: tomllib.loads of every case file       {parse:7.2f} s")
    print(f"   inspectorate: schedule every case                {scheduled:7.2f} s   {scheduled / parse:5.2f}x (target: within 2 s)")
    print(f"   inspectorate: evaluate and schedule every case   {rules:7.2f} s   {rules / parse:5.2f}x")

    bare_mb, app_mb, rules_mb = (median(r[1] for r in runs[k]) for k in ("bare", "app", "rules"))
    print("\n4. peak memory (resident)")
    print(f"   baseline: bare Textual app                       {bare_mb:7.0f} MB")
    print(f"   inspectorate app, casebook open                  {app_mb:7.0f} MB   {app_mb / bare_mb:5.2f}x (target: under 300 MB)")
    print(f"   evaluate and schedule every case                 {rules_mb:7.0f} MB   {rules_mb / bare_mb:5.2f}x")


if __name__ == "__main__":
    main()
