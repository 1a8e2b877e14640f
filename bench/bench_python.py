"""This Python against another on the app's own work, to choose the interpreter the suite runs on.

    .venv/bin/python bench/bench_python.py --baseline OTHER/bin/python

OTHER is a second venv with the test dependencies, made by another Python (say
``/usr/bin/python3 -m venv OTHER && OTHER/bin/pip install -e '.[test]'``). Each interpreter runs
the same work in a new process, in turn, ``--repeats`` times: the demo casebook seeded, the app
started headless on it, the first case opened, each tab shown, the app closed: what most of the
suite's tests do. The medians and their ratio are printed; `.ci/run` uses the faster build.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_tui import TAB_KEYS, demo_case_open, seed_demo


async def _case_work(folder: Path) -> None:
    seed_demo(folder / "demo.sqlite")
    async with demo_case_open(folder / "demo.sqlite") as pilot:
        for key in TAB_KEYS:
            await pilot.press(key)
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()


def child() -> None:
    """Run the work once and print its seconds (the imports before it are not timed)."""
    import inspectorate_tui.app  # noqa: F401 - imported ahead, so only the work is timed

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        asyncio.run(_case_work(Path(folder)))
        print(json.dumps({"seconds": time.perf_counter() - started, "python": sys.version.split()[0]}))


def _run(python: str) -> dict:
    done = subprocess.run([python, __file__, "--child"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", required=True, help="another venv's python, with the test dependencies")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    this, baseline = sys.executable, args.baseline
    times: dict[str, list[float]] = {this: [], baseline: []}
    versions = {}
    for _ in range(args.repeats):
        for python in (this, baseline):  # in turn, so a machine slowing down weighs on both
            result = _run(python)
            times[python].append(result["seconds"])
            versions[python] = result["python"]
    medians = {python: statistics.median(seconds) for python, seconds in times.items()}
    for python in (this, baseline):
        print(f"{python} (Python {versions[python]}): {medians[python]:.2f} s median of {args.repeats}")
    print(f"this Python / baseline: {medians[this] / medians[baseline]:.2f}x")


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        main()
