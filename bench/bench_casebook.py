"""Benchmark the casebook on both backends: a SQLite file and a PostgreSQL server, 25,000 cases.

Run from the repository root::

    .venv/bin/python bench/bench_casebook.py [--cases 25000] [--repeats 5]

The same generated casebook (``bench_tui.generate_casebook``: both regimes, every framework and
stage, deadlines around the day) is written to a SQLite file and to a throwaway PostgreSQL
cluster (``tests/postgres_cluster.py``: initdb and pg_ctl in a temporary folder, a Unix socket
only; skipped, saying so, where PostgreSQL is not installed). For each backend it prints, each as
a ratio against the SQLite figure measured in the same run:

1. open to first rows: starting the app's process on the casebook to its rows painted (headless,
   through the app's own ``run()``, the harness of ``bench_tui.py``);
2. reading the list: ``Casebook.list_cases()`` of every row (what the app reads as it opens);
3. a filter keystroke: the app's filter and redraw of the visible rows, and the whole round trip
   from key pressed to screen settled;
4. one saved edit: a judgement changed and saved with the summary the app stores, audit rows and
   all (``Casebook.update``), on a casebook of that size.

Runs alternate between the backends so drift in the machine's load hits both alike. Times are
medians; nothing is asserted. Machines are noisy, so read the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import attrs
from bench_tui import TODAY, filter_latency, generate_casebook, time_child

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.postgres_cluster

EDITS = 20


def list_rows(casebook: str) -> float:
    from inspectorate.casebook import Casebook

    with Casebook.open(casebook) as book:
        started = time.perf_counter()
        book.list_cases()
        return time.perf_counter() - started


def saved_edits(casebook: str, count: int) -> list[float]:
    """Seconds for each of ``count`` saved edits, one case after another, as the app saves them."""
    from inspectorate.casebook import Casebook
    from inspectorate.evaluation import summary
    from inspectorate.model import Judgement
    from inspectorate.plugins import default_host

    host = default_host()
    times = []
    with Casebook.open(casebook, who="bench") as book:
        for row in book.list_cases()[:count]:
            stored = book.get(row.id)
            framework = host.framework(stored.case.framework)
            area = next((a for a in framework.areas if a.scale), None) if framework else None
            if area is None:
                continue
            grade = framework.scale(area.scale).grade_ids[0]
            new = attrs.evolve(stored.case, judgements=[Judgement(area.id, grade)])
            facts = summary(host, new, TODAY)
            started = time.perf_counter()
            book.update(row.id, new, stored.version, summary=facts, what="judgement")
            times.append(time.perf_counter() - started)
    return times


def server(cases: int):
    """A throwaway cluster with the generated casebook in a schema of its own, or why there is none."""
    from inspectorate.casebook.store import open_backend

    from tests.postgres_cluster import Cluster, binaries

    if binaries() is None:
        return None, "PostgreSQL is not installed (no initdb): apt-get install postgresql to measure it"
    cluster = Cluster().start()
    cluster.psql("CREATE SCHEMA bench")
    url = cluster.url(schema="bench")
    open_backend(url, migrate=True).dispose()
    generate_casebook(url, cases)
    return cluster, url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=25_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="inspectorate-bench-"))
    places = {"SQLite": str(folder / "big.sqlite")}
    started = time.perf_counter()
    generate_casebook(Path(places["SQLite"]), args.cases)
    print(f"SQLite: generated {args.cases:,} cases in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    cluster, url_or_why = server(args.cases)
    if cluster is None:
        print(f"PostgreSQL: skipped: {url_or_why}")
    else:
        places["PostgreSQL"] = url_or_why
        print(f"PostgreSQL: generated {args.cases:,} cases in {time.perf_counter() - started:.1f} s (a throwaway cluster)")
    try:
        figures = measure(places, args.repeats)
    finally:
        if cluster is not None:
            cluster.stop()
    report(figures, args)


def measure(places: dict[str, str], repeats: int) -> dict[str, dict[str, float]]:
    runs: dict[str, dict[str, list[float]]] = {name: {"rows": [], "list": [], "edit": []} for name in places}
    for _ in range(repeats):  # alternate, so drift in machine load hits both alike
        for name, place in places.items():
            runs[name]["rows"].append(time_child("inspectorate", place)[1])
            runs[name]["list"].append(list_rows(place))
            runs[name]["edit"] += saved_edits(place, EDITS)
    figures = {name: {key: statistics.median(values) for key, values in kinds.items()} for name, kinds in runs.items()}
    for name, place in places.items():
        keystrokes = asyncio.run(filter_latency(place))
        figures[name]["filter"] = statistics.median(keystrokes["app-work"])
        figures[name]["trip"] = statistics.median(keystrokes["app-trip"])
    return figures


def report(figures: dict[str, dict[str, float]], args) -> None:
    base = figures["SQLite"]
    lines = [
        ("rows", f"1. open to first rows, {args.cases:,} cases (median of {args.repeats})", 1000, "ms"),
        ("list", f"2. list_cases() of {args.cases:,} rows", 1000, "ms"),
        ("filter", "3. a filter keystroke: filter and redraw", 1000, "ms"),
        ("trip", "   a filter keystroke: key to screen settled", 1000, "ms"),
        ("edit", f"4. one saved edit (median of {EDITS * args.repeats})", 1000, "ms"),
    ]
    print(f"\n{'':<52}" + "".join(f"{name:>22}" for name in figures))
    for key, label, scale, unit in lines:
        cells = [f"{figures[name][key] * scale:8.1f} {unit} {figures[name][key] / base[key]:6.2f}x" for name in figures]
        print(f"{label:<52}" + "".join(f"{cell:>22}" for cell in cells))
    print("\nratios against the SQLite figure of the same run (SQLite: 1.00x by definition)")


if __name__ == "__main__":
    main()
