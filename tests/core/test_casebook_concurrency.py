"""Two writers on one casebook, and a writer killed mid-stream: nobody's change is lost or half
saved. Each runs on a SQLite file and on a PostgreSQL server (``casebook_at``)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import attrs
import pytest
from inspectorate.casebook import Casebook, StaleWriteError
from inspectorate.model import Case, Judgement, Provider
from inspectorate.testing import toy

WRITER = Path(__file__).with_name("casebook_writer.py")


def make_case(grade: str = "sound") -> Case:
    return Case(
        provider=Provider(name="Toy Primary School", sector="school", nation="scotland"),
        regime=toy.REGIME_ID,
        framework=toy.FRAMEWORK_ID,
        judgements=[Judgement("teaching", grade)],
    )


def graded(case: Case, grade: str) -> Case:
    """``case`` with its teaching grade set to ``grade``: a toy grade, or a writer's own mark
    (such as "ann" or "w3") that shows whose save was kept."""
    return attrs.evolve(case, judgements=[Judgement("teaching", grade)])


def test_two_casebook_objects_first_save_wins(casebook_at):
    path = casebook_at
    with Casebook.open(path, who="ann") as ann, Casebook.open(path, who="bob") as bob:
        case_id = ann.add(make_case()).id
        ann_read, bob_read = ann.get(case_id), bob.get(case_id)
        assert ann_read.version == bob_read.version == 1
        ann.update(case_id, graded(ann_read.case, "strong"), ann_read.version)
        with pytest.raises(StaleWriteError, match=r"changed by ann at .* since it was read.*not applied"):
            bob.update(case_id, graded(bob_read.case, "weak"), bob_read.version)
        assert bob.get(case_id).case.grade("teaching") == "strong"
        assert bob.get(case_id).version == 2
        assert len(bob.history(case_id)) == 2  # the refused change left no audit row


CHILD = textwrap.dedent(
    """
    import sys, attrs
    from inspectorate.casebook import Casebook, StaleWriteError
    from inspectorate.model import Judgement
    path, case_id, mode = sys.argv[1:]
    with Casebook.open(path, who="bob") as book:
        stored = book.get(case_id)
        print("read", stored.version, flush=True)
        if mode == "wait":
            sys.stdin.readline()
        new = attrs.evolve(stored.case, judgements=[Judgement("teaching", "bob")])
        try:
            book.update(case_id, new, stored.version)
            print("saved", flush=True)
        except StaleWriteError as error:
            print("stale:", error, flush=True)
    """
)


def start_child(path, case_id, mode):
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), case_id, mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_second_process_saving_last_is_refused(casebook_at):
    path = casebook_at
    with Casebook.open(path, who="ann") as ann:
        case_id = ann.add(make_case()).id
        child = start_child(path, case_id, "wait")
        assert child.stdout.readline().split() == ["read", "1"]
        read = ann.get(case_id)
        assert read.version == 1
        ann.update(case_id, graded(read.case, "ann"), read.version)
        out, err = child.communicate("go\n", timeout=30)
        assert child.returncode == 0, err
        assert out.startswith("stale: ")
        assert "changed by ann at" in out and "since it was read" in out and "not applied" in out
        stored = ann.get(case_id)
        assert (stored.case.grade("teaching"), stored.version) == ("ann", 2)


def test_first_process_saving_last_is_refused(casebook_at):
    path = casebook_at
    with Casebook.open(path, who="ann") as ann:
        case_id = ann.add(make_case()).id
        read = ann.get(case_id)
        child = start_child(path, case_id, "now")
        out, err = child.communicate(timeout=30)
        assert child.returncode == 0, err
        assert out.splitlines() == ["read 1", "saved"]
        with pytest.raises(StaleWriteError, match=r"changed by bob at .* since it was read") as raised:
            ann.update(case_id, graded(read.case, "ann"), read.version)
        assert "Reload the case and try again" in str(raised.value)
        assert ann.get(case_id).case.grade("teaching") == "bob"


def test_simultaneous_saves_exactly_one_wins(casebook_at):
    path = casebook_at
    with Casebook.open(path) as book:
        case_id = book.add(make_case()).id
    writers = 6
    books = [Casebook.open(path, who=f"w{n}") for n in range(writers)]
    reads = [b.get(case_id) for b in books]
    barrier = threading.Barrier(writers)
    outcome: dict[int, str] = {}

    def save(n):
        barrier.wait()
        try:
            books[n].update(case_id, graded(reads[n].case, f"w{n}"), reads[n].version)
            outcome[n] = "saved"
        except StaleWriteError:
            outcome[n] = "stale"

    threads = [threading.Thread(target=save, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    try:
        winners = [n for n, result in outcome.items() if result == "saved"]
        assert len(outcome) == writers and len(winners) == 1
        stored = books[0].get(case_id)
        assert stored.version == 2
        assert stored.case.grade("teaching") == f"w{winners[0]}"
    finally:
        for b in books:
            b.close()


def test_the_update_itself_is_guarded_by_version(casebook_at):
    """Even with the version check skipped, a row at another version is not overwritten."""
    with Casebook.open(casebook_at) as book:
        added = book.add(make_case())
        book.update(added.id, graded(added, "new"), 1)
        with book._write() as conn:
            row = book._row(conn, added.id)
            with pytest.raises(StaleWriteError):
                book._guarded_update(conn, SimpleNamespace(id=row.id, version=1), version=9)
        assert book.get(added.id).version == 2


def test_killed_writer_leaves_a_consistent_casebook(casebook_at):
    path = casebook_at
    start = attrs.evolve(
        make_case(),
        judgements=[Judgement("wellbeing", "0")],
        provider=attrs.evolve(make_case().provider, identifiers={"n": "0"}),
    )
    with Casebook.open(path) as book:
        case_id = book.add(start).id

    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), case_id], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    last_version, added = 0, []
    deadline = time.monotonic() + 60
    try:
        while last_version < 200 and time.monotonic() < deadline:
            line = writer.stdout.readline()
            if not line:
                pytest.fail(f"writer stopped: {writer.stderr.read()}")
            words = line.split()
            if words[0] == "updated":
                last_version = int(words[3])
            else:
                added.append(words[1])
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(10)
        writer.stdout.close()
        writer.stderr.close()
    assert writer.returncode == -signal.SIGKILL
    assert last_version >= 200

    if isinstance(path, Path):
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.close()
    with Casebook.open(path) as book:
        stored = book.get(case_id)
        assert stored.version >= last_version
        n = stored.version - 1  # one update per version after creation
        assert stored.case.grade("wellbeing") == str(n)
        assert stored.case.provider.identifiers == {"n": str(n)}
        history = book.history(case_id)
        assert len({e.change_id for e in history}) == stored.version
        assert len(history) == 1 + 2 * (stored.version - 1)
        assert history[0].version == stored.version
        assert {e.what for e in history if e.version == stored.version} == {"judgements.wellbeing", "provider.identifiers"}
        for new_id in added:
            assert book.get(new_id).case.provider.name.startswith("Added ")
        assert book.count() >= 1 + len(added)


def test_readers_are_not_blocked_and_writers_wait_for_the_lock(tmp_path):
    path = tmp_path / "c.sqlite"
    with Casebook.open(path) as book:
        added = book.add(make_case())
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")  # another program is in the middle of saving
        released = threading.Timer(0.5, other.execute, args=("COMMIT",))
        try:
            # Reading does not wait for the writer: the lock is released only after these return.
            assert book.get(added.id).version == 1
            assert len(book.list_cases()) == 1
            started = time.monotonic()
            released.start()
            book.update(added.id, graded(added, "after the wait"), 1)  # waits, then saves
            assert time.monotonic() - started >= 0.45
        finally:
            released.join()
            other.close()
        assert book.get(added.id).case.grade("teaching") == "after the wait"
