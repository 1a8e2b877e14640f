"""Timing shared by the benchmark scripts (run from the repository root: ``python bench/X.py``)."""

from __future__ import annotations

import time


def best_of(repeats: int, run) -> float:
    """The shortest of ``repeats`` timings of ``run()``, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best
