"""Benchmark the terminal app: time to first paint, and filter latency on 25,000 cases.

Run from the repository root::

    .venv/bin/python bench/bench_tui.py [--cases 25000] [--repeats 5]

1. First paint: wall-clock time from starting a Python process to the first frame, and to the
   casebook's rows painted (headless, through the app's own ``run()``), for ``inspectorate`` on
   the demo casebook and on the generated big casebook, against a bare Textual app showing one
   label, measured alternately in the same run. The target is a first frame within 1.5x.
2. Filter latency on the generated casebook, per keystroke: the app's filter and redraw of the
   visible rows against a plain Python filter of the same rows (lower-cased substring test over
   the same columns, no screen); and the whole round trip, key pressed to screen settled (Pilot
   press and pause, which includes Textual's frame pacing), against a bare Textual app with one
   Input in the same harness.
3. Tab switches on a demo case, key pressed to screen settled (Pilot, animations off as in the
   tests), against the same app with its footer rebuilt on every focus change as Textual's own
   footer is, measured alternately in the same run.
4. Help (F1) on a demo case, key pressed to screen settled: its list of every key as one table
   against the same rows as a Markdown table (as help drew them before: a widget per cell),
   measured alternately in the same run.

Times are medians; nothing is asserted. Machines are noisy, so read the ratios, not the times.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
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
#: Every tab in turn, ending where a case opens.
TAB_KEYS = ("f8", "f9", "f10", "f11", "f12", "f7")


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


def child(kind: str, casebook: str, started: float) -> None:
    """Run one app headless; print seconds from ``started`` (the parent's clock just before it
    started this process) to its first frame and to its rows painted, then exit."""
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks.setdefault(name, time.time() - started)

    if kind == "bare":
        from textual.app import App
        from textual.widgets import Label

        class Bare(App):
            def compose(self):
                yield Label("inspectorate")

            def on_mount(self) -> None:
                self.call_after_refresh(lambda: (mark("frame"), mark("rows"), self.exit()))

        Bare().run(headless=True)
    else:
        from inspectorate_tui.app import InspectorateApp, run
        from inspectorate_tui.screens.casebook import CasebookScreen
        from textual.app import App

        mounted, shown = CasebookScreen.on_mount, CasebookScreen._loaded

        def on_mount(self):
            mounted(self)
            self.call_after_refresh(mark, "frame")

        def loaded(self, lines, keep, near=False):
            shown(self, lines, keep, near)
            self.call_after_refresh(lambda: (mark("rows"), self.app.exit()))

        CasebookScreen.on_mount, CasebookScreen._loaded = on_mount, loaded
        InspectorateApp.run = lambda self, **kw: App.run(self, headless=True)  # the real run(), headless
        run(casebook=casebook, today=TODAY)
    print(marks["frame"], marks["rows"])


def time_child(kind: str, casebook: Path) -> tuple[float, float]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(casebook), repr(started)], check=True, capture_output=True, text=True
    ).stdout
    frame, rows = out.split()[-2:]
    return float(frame), float(rows)


# -- filter latency --------------------------------------------------------------------------------


async def filter_latency(casebook: Path) -> dict[str, list[float]]:
    """Per keystroke: the app's filter and redraw of the visible rows, and the whole round trip
    (key pressed to screen settled) in the app and in a bare Textual app with one Input."""
    from inspectorate.casebook import Casebook
    from inspectorate.plugins import default_host
    from inspectorate_tui.app import InspectorateApp
    from inspectorate_tui.casebook_view import STATUSES
    from inspectorate_tui.widgets.case_table import CaseTable
    from textual.app import App
    from textual.widgets import Input

    times: dict[str, list[float]] = {"plain": [], "app-work": [], "app-trip": [], "bare-trip": []}
    keys = [c if c != " " else "space" for c in QUERY]
    with Casebook.open(casebook) as book:
        rows = book.list_cases()
        app = InspectorateApp(book, default_host(), today=TODAY)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("slash")
            screen, table = app.screen, app.screen.query_one(CaseTable)
            box = screen.query_one("#filter", Input)
            for key in keys:
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                times["app-trip"].append(time.perf_counter() - start)
            box.value = ""
            await pilot.pause()
            for end in range(1, len(QUERY) + 1):
                with box.prevent(Input.Changed):
                    box.value = QUERY[:end]
                start = time.perf_counter()
                screen.apply_filter()
                for y in range(table.scrollable_content_region.height):
                    table.render_line(y)
                times["app-work"].append(time.perf_counter() - start)

    class Bare(App):
        def compose(self):
            yield Input()

    async with Bare().run_test(size=(140, 40)) as pilot:
        for key in keys:
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times["bare-trip"].append(time.perf_counter() - start)

    statuses = {r.id: "overdue" if r.next_deadline and r.next_deadline < TODAY else "open" for r in rows}
    for end in range(1, len(QUERY) + 1):
        words = QUERY[:end].lower().split()
        start = time.perf_counter()
        [
            r
            for r in rows
            if all(
                w in " ".join((r.provider, r.regime, r.framework, r.sector, r.stage or "",
                               STATUSES[statuses[r.id]][1], statuses[r.id])).lower()
                for w in words
            )
        ]
        times["plain"].append(time.perf_counter() - start)
    return times


# -- a demo case open, for tab switches and help ---------------------------------------------------


@contextlib.asynccontextmanager
async def demo_case_open(casebook: Path):
    """A pilot on the app with the casebook's first case open, animations off as in the tests
    (a tab's underline slides for a third of a second, which is not what is timed)."""
    import textual.constants
    from inspectorate.casebook import Casebook
    from inspectorate.plugins import default_host
    from inspectorate_tui.app import InspectorateApp

    animations = textual.constants.TEXTUAL_ANIMATIONS
    textual.constants.TEXTUAL_ANIMATIONS = "none"
    try:
        with Casebook.open(casebook) as book:
            app = InspectorateApp(book, default_host(), today=TODAY)
            async with app.run_test(size=(140, 40)) as pilot:
                await pilot.pause()
                await app.workers.wait_for_complete()
                app.screen.open_case(book.list_cases()[0].id)
                await pilot.pause()
                yield pilot
    finally:
        textual.constants.TEXTUAL_ANIMATIONS = animations


async def tab_switches(casebook: Path, rounds: int, rebuild_always: bool) -> list[float]:
    """Seconds per tab key (F8 to F12, then F7), key pressed to screen settled, on one demo case."""
    from inspectorate_tui.widgets.key_footer import KeyFooter
    from textual.widgets import Footer

    kept = KeyFooter.bindings_changed
    if rebuild_always:
        KeyFooter.bindings_changed = Footer.bindings_changed
    times: list[float] = []
    try:
        async with demo_case_open(casebook) as pilot:
            for _ in range(rounds):
                for key in TAB_KEYS:
                    start = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    times.append(time.perf_counter() - start)
    finally:
        KeyFooter.bindings_changed = kept
    return times


async def help_opens(casebook: Path, rounds: int, as_markdown: bool) -> list[float]:
    """Seconds from F1 on a demo case to the help screen settled, ``rounds`` times."""
    from inspectorate_tui.screens import help as help_screen
    from inspectorate_tui.words import _
    from textual.widgets import Markdown

    class MarkdownKeys(Markdown):
        def __init__(self, rows, **kwargs) -> None:
            headings = " | ".join(_(heading) for heading in help_screen.KEY_HEADINGS)
            lines = [f"| {headings} |", "|" + "---|" * len(help_screen.KEY_HEADINGS),
                     *(f"| {row.where} | `{row.keys}` | {row.what} | `{row.binding}` |" for row in rows)]
            super().__init__("\n".join(lines), **kwargs)

    kept = help_screen.KeyList
    if as_markdown:
        help_screen.KeyList = MarkdownKeys
    times: list[float] = []
    try:
        async with demo_case_open(casebook) as pilot:
            for _round in range(rounds):
                start = time.perf_counter()
                await pilot.press("f1")
                await pilot.pause()
                times.append(time.perf_counter() - start)
                await pilot.press("escape")
                await pilot.pause()
    finally:
        help_screen.KeyList = kept
    return times


def seed_demo(path: Path) -> None:
    """The demo casebook, written for :data:`TODAY`, in a new file at ``path``."""
    from inspectorate.casebook import Casebook
    from inspectorate.plugins import default_host
    from inspectorate_tui.demo import seed

    with Casebook.open(path) as book:
        seed(book, default_host(), TODAY)


def alternately(measure, repeats: int) -> tuple[float, float, int]:
    """Median seconds of ``measure(baseline=True)`` and of ``measure(baseline=False)`` (each a
    coroutine returning seconds), run in turn ``repeats`` times so that drift in the machine's
    load hits both alike; and how many times the app was measured."""
    runs: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(repeats):
        for baseline in (True, False):
            runs[baseline] += asyncio.run(measure(baseline))
    return statistics.median(runs[True]), statistics.median(runs[False]), len(runs[False])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=25_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, casebook, started = args.child
        child(kind, casebook, float(started))
        return

    folder = Path(tempfile.mkdtemp(prefix="inspectorate-bench-"))
    demo, big = folder / "demo.sqlite", folder / "big.sqlite"
    seed_demo(demo)
    started = time.perf_counter()
    generate_casebook(big, args.cases)
    print(f"generated {args.cases:,} cases in {time.perf_counter() - started:.1f} s")

    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "demo": [], "big": []}
    for _ in range(args.repeats):  # alternate, so drift in machine load hits all three alike
        runs["bare"].append(time_child("bare", demo))
        runs["demo"].append(time_child("inspectorate", demo))
        runs["big"].append(time_child("inspectorate", big))

    def median(key: str, which: int) -> float:
        return statistics.median(run[which] for run in runs[key])

    bare = median("bare", 0)
    print(f"\nfirst paint (median of {args.repeats} runs, from starting the process)")
    print(f"  baseline: bare Textual app with one label, first frame   {bare * 1000:6.0f} ms")
    for key, label in (("demo", "demo casebook"), ("big", f"{args.cases:,} cases")):
        frame, rows = median(key, 0), median(key, 1)
        print(f"  inspectorate, {label:<16} first frame               {frame * 1000:6.0f} ms   {frame / bare:4.2f}x (target 1.5x)")
        print(f"  inspectorate, {label:<16} rows painted              {rows * 1000:6.0f} ms   {rows / bare:4.2f}x")

    times = asyncio.run(filter_latency(big))
    m = {key: statistics.median(values) for key, values in times.items()}
    print(f"\nfilter latency over {args.cases:,} cases, typing {QUERY!r}, median per keystroke")
    print(f"  baseline: plain Python filter of the same rows             {m['plain'] * 1000:6.1f} ms")
    print(f"  inspectorate: filter and redraw of the visible rows        {m['app-work'] * 1000:6.1f} ms"
          f"   {m['app-work'] / m['plain']:4.2f}x")
    print(f"  baseline: bare Textual Input, key to screen settled        {m['bare-trip'] * 1000:6.1f} ms")
    print(f"  inspectorate: key to screen settled                        {m['app-trip'] * 1000:6.1f} ms"
          f"   {m['app-trip'] / m['bare-trip']:4.2f}x")

    always, app_switch, count = alternately(lambda baseline: tab_switches(demo, 2, baseline), args.repeats)
    print(f"\ntab switches on a demo case (F8 to F12 and F7), median of {count} keys, key to screen settled")
    print(f"  baseline: the footer rebuilt on every focus change (Textual's)  {always * 1000:6.0f} ms")
    print(f"  inspectorate: the footer rebuilt only when its keys change     {app_switch * 1000:6.0f} ms"
          f"   {app_switch / always:4.2f}x")

    markdown, app_help, count = alternately(lambda baseline: help_opens(demo, 3, baseline), args.repeats)
    print(f"\nhelp (F1) on a demo case, median of {count} opens, key to screen settled")
    print(f"  baseline: the keys as a Markdown table (a widget per cell)      {markdown * 1000:6.0f} ms")
    print(f"  inspectorate: the keys as one table                             {app_help * 1000:6.0f} ms"
          f"   {app_help / markdown:4.2f}x")


if __name__ == "__main__":
    main()
