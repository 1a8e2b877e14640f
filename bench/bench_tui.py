"""Benchmark the terminal app: time to first paint, and filter latency on 25,000 cases.

Run from the repository root::

    .venv/bin/python bench/bench_tui.py [--cases 25000] [--repeats 5]

1. First paint: wall-clock time from starting a Python process to the casebook's rows painted
   (headless), for ``inspectorate`` on the demo casebook and on the generated big casebook,
   against a bare Textual app showing one label, measured alternately in the same run. The
   target is within 1.5x of the bare app.
2. Filter latency: in the running app on the generated casebook, the time from a keystroke in
   the filter to the screen settled (Pilot press and pause), against a plain Python filter of the
   same rows (lower-cased substring test over the same columns, no screen).

Times are medians; nothing is asserted. Machines are noisy, so read the ratios, not the times.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = dt.date(2026, 1, 14)
QUERY = "school 7 ofsted overdue"


# -- the generated casebook ------------------------------------------------------------------------


def generate_casebook(path: Path, count: int) -> None:
    """``count`` cases spread over both regimes, every framework and stage, with deadlines
    around today (so some are overdue and some due soon), written in one transaction."""
    from inspectorate.casebook import Casebook
    from inspectorate.model import Case, InspectionDates, Provider
    from inspectorate.plugins import PluginHost

    host = PluginHost(environ={}).load_entry_points()
    frameworks = [f for f in host.frameworks()]
    rng = random.Random(20260114)
    kinds = ["Primary School", "High School", "College", "Academy", "Ysgol Gynradd", "Training Ltd"]
    places = ["Riverside", "Hillside", "Oakfield", "Bryn", "Glan", "Millbrook", "St Anne's", "Northgate"]
    stages = ["planned", "on site", "reporting", "follow-up", "closed"]

    def one(n: int):
        framework = rng.choice(frameworks)
        start = TODAY + dt.timedelta(days=rng.randint(-900, 120))
        deadline = TODAY + dt.timedelta(days=rng.randint(-40, 400)) if rng.random() < 0.8 else None
        provider = Provider(f"{rng.choice(places)} {rng.choice(kinds)} {n}", rng.choice(framework.sectors))
        case = Case(provider, framework.regime, framework.id, dates=InspectionDates(start=start))
        summary = {"stage": rng.choice(stages), "next_deadline": deadline, "next_event": "Follow-up visit" if deadline else ""}
        return case, summary

    with Casebook.open(path, who="bench") as book:
        book.add_many(one(n) for n in range(count))


# -- first paint -----------------------------------------------------------------------------------


def child(kind: str, casebook: str) -> None:
    """Run one app headless and exit as soon as its first real screen has painted."""
    if kind == "bare":
        from textual.app import App
        from textual.widgets import Label

        class Bare(App):
            def compose(self):
                yield Label("inspectorate")

            def on_mount(self) -> None:
                self.call_after_refresh(self.exit)

        Bare().run(headless=True)
        return
    from inspectorate.casebook import Casebook
    from inspectorate.plugins import default_host
    from inspectorate_tui.app import InspectorateApp
    from inspectorate_tui.screens.casebook import CasebookScreen

    shown = CasebookScreen._loaded

    def loaded_then_exit(self, lines, keep):
        shown(self, lines, keep)
        self.call_after_refresh(self.app.exit)

    CasebookScreen._loaded = loaded_then_exit
    with Casebook.open(casebook) as book:
        InspectorateApp(book, default_host(), today=TODAY).run(headless=True)


def time_child(kind: str, casebook: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--child", kind, str(casebook)], check=True)
    return time.perf_counter() - start


# -- filter latency --------------------------------------------------------------------------------


async def filter_latency(casebook: Path) -> tuple[list[float], list[float], int]:
    from inspectorate.casebook import Casebook
    from inspectorate.plugins import default_host
    from inspectorate_tui.app import InspectorateApp
    from inspectorate_tui.casebook_view import STATUSES
    from inspectorate_tui.widgets.case_table import CaseTable

    with Casebook.open(casebook) as book:
        rows = book.list_cases()
        app = InspectorateApp(book, default_host(), today=TODAY)
        app_times = []
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("slash")
            for character in QUERY:
                start = time.perf_counter()
                await pilot.press(character if character != " " else "space")
                await pilot.pause()
                app_times.append(time.perf_counter() - start)
            shown = len(app.screen.query_one(CaseTable).lines)
        statuses = {r.id: "overdue" if r.next_deadline and r.next_deadline < TODAY else "open" for r in rows}
        plain_times = []
        for end in range(1, len(QUERY) + 1):
            words = QUERY[:end].lower().split()
            start = time.perf_counter()
            matched = [
                r
                for r in rows
                if all(
                    w in " ".join((r.provider, r.regime, r.framework, r.sector, r.stage or "", STATUSES[statuses[r.id]][1], statuses[r.id])).lower()
                    for w in words
                )
            ]
            plain_times.append(time.perf_counter() - start)
        del matched
        return app_times, plain_times, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=25_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    from inspectorate.casebook import Casebook
    from inspectorate.plugins import default_host
    from inspectorate_tui.demo import seed

    folder = Path(tempfile.mkdtemp(prefix="inspectorate-bench-"))
    demo, big = folder / "demo.sqlite", folder / "big.sqlite"
    with Casebook.open(demo) as book:
        seed(book, default_host(), TODAY)
    started = time.perf_counter()
    generate_casebook(big, args.cases)
    print(f"generated {args.cases:,} cases in {time.perf_counter() - started:.1f} s")

    times: dict[str, list[float]] = {"bare": [], "demo": [], "big": []}
    for _ in range(args.repeats):  # alternate, so drift in machine load hits all three alike
        times["bare"].append(time_child("bare", demo))
        times["demo"].append(time_child("inspectorate", demo))
        times["big"].append(time_child("inspectorate", big))
    bare = statistics.median(times["bare"])
    print("\nfirst paint (median of", args.repeats, "runs, process start to rows painted)")
    print(f"  baseline: bare Textual app with one label   {bare * 1000:7.0f} ms")
    for key, label in (("demo", "inspectorate, demo casebook"), ("big", f"inspectorate, {args.cases:,} cases")):
        median = statistics.median(times[key])
        print(f"  {label:<42} {median * 1000:7.0f} ms   {median / bare:4.2f}x baseline (target 1.5x)")

    app_times, plain_times, shown = asyncio.run(filter_latency(big))
    app_median, plain_median = statistics.median(app_times), statistics.median(plain_times)
    print(f"\nfilter latency over {args.cases:,} cases, typing {QUERY!r} ({shown} left), median per keystroke")
    print(f"  baseline: plain Python filter of the rows   {plain_median * 1000:7.1f} ms")
    print(f"  inspectorate: keystroke to screen settled   {app_median * 1000:7.1f} ms   {app_median / plain_median:4.2f}x baseline")


if __name__ == "__main__":
    main()
