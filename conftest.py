"""What every test run of this repository shares: the garbage collector's pace, and how many
workers ``-n auto`` starts.

The app's tests build and tear down thousands of Textual widgets each. At Python's default
thresholds the collector ran every 700 allocations, and a full collection walked everything the
run had imported: a seventh of those tests' time. Here the youngest objects are collected every
50,000 allocations and the middle generation every 20 of those, and what was imported before the
first test is frozen out of the walk. A test's widgets then mostly die before they reach the
oldest generation, which only the full collections at the end of a run would free: over three
of the app's test files, the collector's time went from 6.7 s to 4.8 s, and the files' from 83.5 s
to 79.7 s, against 10,000 and 10. What is collected is the same, only later (a worker holds about
a third more memory). A plugin's own tests, copied out of this repository, run without this file.
"""

import gc
import os

gc.set_threshold(50_000, 20, 10)


def pytest_collection_finish(session):
    """Every test module is imported by now: what they and the code loaded stays for the run."""
    gc.collect()
    gc.freeze()


def pytest_xdist_auto_num_workers(config):
    """One worker more than the cores. A good part of the suite waits on other processes (the
    real program in tmux, Chromium, PostgreSQL, commands run as a person would), and with the
    workers stealing queued tests, a third worker on two cores fills those waits. The whole suite
    on two cores, one run after another: two workers 7:38, three 7:01, four 7:00."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores + 1
