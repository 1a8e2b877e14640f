"""Casebook faults a person can act on: a damaged file, many processes creating one casebook, a
casebook held open by another program while it is switched to write-ahead logging."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import attrs
from inspectorate.casebook import Casebook, CasebookError, sqlite_file
from inspectorate.model import Evidence
from inspectorate.testing import toy


def test_a_damaged_page_is_one_line_in_words(toy_cli, tmp_path):
    path = tmp_path / "c.sqlite"
    notes = [Evidence(area, "strength", f"Note {n} on {area}: " + "seen in every class. " * 20)
             for n in range(4) for area in ("teaching", "wellbeing", "leadership", "community")]  # fmt: skip
    with Casebook.open(path) as book:  # eight cases with notes, so the tables span many pages
        for n in range(8):
            book.add(attrs.evolve(toy.case(f"Toy School {n}"), evidence=notes))
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // 4096):  # every page but the first two: the tables' pages
        data[page * 4096 : page * 4096 + 400] = b"\xff" * 400  # page headers too: malformed whatever the layout
    path.write_bytes(data)
    result = toy_cli("list", "--casebook", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"inspectorate: error: the casebook {path} is damaged (database disk image is malformed)")
    assert len(result.stderr.splitlines()) == 1 and "[SQL:" not in result.stderr and "sqlalche.me" not in result.stderr


CREATE_AT = """
import sys, time
from inspectorate.casebook import Casebook
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))  # asleep, not spinning: sixteen spinners starve two cores
try:
    Casebook.open(sys.argv[1]).close()
    print("ok")
except Exception as error:
    print(f"{type(error).__module__}.{type(error).__name__}: {error}")
"""


def test_sixteen_processes_create_one_casebook_at_once(tmp_path):
    path = tmp_path / "new.sqlite"
    start = time.time() + 2.0  # every process has started Python by then
    runs = [
        subprocess.Popen([sys.executable, "-c", CREATE_AT, str(path), str(start)], stdout=subprocess.PIPE, text=True)
        for _ in range(16)
    ]
    said = [run.communicate(timeout=120)[0].strip() for run in runs]
    assert said == ["ok"] * 16
    with Casebook.open(path) as book, book._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert book.count() == 0
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # the losers' drafts are gone


def test_an_older_casebook_held_open_elsewhere_opens_and_switches_later(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT", 0.3)
    monkeypatch.setattr(sqlite_file, "WAL_SWITCH_TIMEOUT", 0.1)
    path = tmp_path / "c.sqlite"
    Casebook.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    assert other.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)  # as older versions left it
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM cases").fetchall()  # another program reading it
    try:
        with Casebook.open(path) as book:
            assert book.count() == 0
    finally:
        other.execute("COMMIT")
        other.close()
    with Casebook.open(path) as book, book._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_raw_database_error_while_switching_is_a_casebook_error(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    Casebook.open(path).close()

    def refuse(engine):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sqlite_file, "_use_write_ahead_log", refuse)
    try:
        Casebook.open(path)
    except CasebookError as error:
        assert str(error).startswith(f"the casebook {path} could not be read or written: the disk reported an error")
    else:
        raise AssertionError("opened")


def test_a_casebook_made_by_another_process_while_this_one_creates_it_is_opened(tmp_path):
    """The race the sixteen processes run now and then: this process found no file, another then
    made the casebook; this one's creation finds a database in place and opens it, not refuses it."""

    path = tmp_path / "new.sqlite"
    Casebook.open(path).close()  # the other process, first
    assert sqlite_file._create(path) == ()  # this one, finding it made: no error, nothing to say
    with Casebook.open(path) as book:
        assert book.count() == 0
