"""Benchmark add_working_days against numpy.busday_offset on the same 100,000 pairs.

Run from the repository root::

    .venv/bin/python bench/bench_calendar.py [--division scotland] [--pairs 100000] [--repeats 7]

Prints nanoseconds per call for add_working_days called once per pair in a Python loop, for
numpy.busday_offset vectorised over the whole arrays (same weekmask, same holidays), and for
numpy.busday_offset called once per pair in a Python loop, with the ratios. Times are the best
of several repeats in one run. Nothing is asserted about time; the results are checked to agree
on every pair before anything is timed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

import numpy as np
from inspectorate.calendar import DIVISIONS, add_working_days, calendar_for
from timing import best_of

SEED = 20240601
FIRST, LAST = date(2010, 1, 1), date(2030, 12, 31)
MAX_N = 300



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--division", choices=DIVISIONS, default="england-and-wales")
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)

    calendar = calendar_for(args.division)
    holidays = [d for year in range(FIRST.year - 2, LAST.year + 3) for d in calendar.bank_holidays(year)]
    busdays = np.busdaycalendar(weekmask="1111100", holidays=np.array(holidays, dtype="datetime64[D]"))

    # The pairs: start dates 2010-2030 (weekends and holidays included), n in -300..300, not 0.
    rng = np.random.default_rng(SEED)
    ordinals = rng.integers(FIRST.toordinal(), LAST.toordinal() + 1, args.pairs)
    offsets = rng.integers(1, MAX_N + 1, args.pairs) * rng.choice(np.array([-1, 1]), args.pairs)
    starts = [date.fromordinal(int(o)) for o in ordinals]
    counts = [int(n) for n in offsets]
    pairs = list(zip(starts, counts, strict=True))

    # numpy rolls a start that is not a business day before counting; ours never counts the start.
    # Rolling backward for n > 0 and forward for n < 0 makes the two agree (see the tests).
    starts64 = np.array(starts, dtype="datetime64[D]")
    forward = offsets > 0
    forward_starts, forward_n = starts64[forward], offsets[forward]
    back_starts, back_n = starts64[~forward], offsets[~forward]

    def numpy_vectorised():
        return (
            np.busday_offset(forward_starts, forward_n, roll="backward", busdaycal=busdays),
            np.busday_offset(back_starts, back_n, roll="forward", busdaycal=busdays),
        )

    expected = np.empty(args.pairs, dtype="datetime64[D]")
    expected[forward], expected[~forward] = numpy_vectorised()
    ours = np.array([add_working_days(d, n, calendar) for d, n in pairs], dtype="datetime64[D]")
    disagree = np.flatnonzero(ours != expected)
    if disagree.size:
        i = int(disagree[0])
        print(f"DISAGREE on {disagree.size} pairs, e.g. {starts[i]} {counts[i]:+d}: "
              f"ours {ours[i]}, numpy {expected[i]}")
        return 1

    def ours_in_a_loop():
        add = add_working_days
        cal = calendar
        for d, n in pairs:
            add(d, n, cal)

    def empty_loop():
        def nothing(d, n, cal):
            return d
        cal = calendar
        for d, n in pairs:
            nothing(d, n, cal)

    def numpy_in_a_loop():
        offset, cal = np.busday_offset, busdays
        for d, n in pairs:
            offset(d, n, roll="backward" if n > 0 else "forward", busdaycal=cal)

    per_call = 1e9 / args.pairs
    ours_ns = best_of(args.repeats, ours_in_a_loop) * per_call
    empty_ns = best_of(args.repeats, empty_loop) * per_call
    vector_ns = best_of(args.repeats, numpy_vectorised) * per_call
    loop_ns = best_of(max(2, args.repeats // 3), numpy_in_a_loop) * per_call

    print(f"{args.pairs:,} pairs, {args.division}, starts {FIRST}..{LAST}, n in -{MAX_N}..{MAX_N} (not 0); "
          f"all agree with numpy; best of {args.repeats}; Python {sys.version.split()[0]}, numpy {np.__version__}")
    print(f"add_working_days, Python loop:        {ours_ns:8.1f} ns per call "
          f"(of which {empty_ns:.1f} ns is the loop and a no-op call)")
    print(f"numpy.busday_offset, vectorised:      {vector_ns:8.1f} ns per pair")
    print(f"numpy.busday_offset, Python loop:     {loop_ns:8.1f} ns per call")
    print(f"ratio vs numpy vectorised: {ours_ns / vector_ns:.1f}x (target <= 3x)")
    print(f"ratio vs numpy in a Python loop: {ours_ns / loop_ns:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
