"""The casebook file: where it lives, who may read it, what it refuses, and how old ones upgrade."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat

import attrs
import platformdirs
import pytest
from inspectorate.casebook import (
    SCHEMA_VERSION,
    Casebook,
    CasebookError,
    SchemaTooNewError,
    config_dir,
    default_casebook_path,
    resolve_casebook_path,
    schema,
    sqlite_file,
)
from inspectorate.model import Case, Judgement, Provider
from inspectorate.testing import toy


def make_case(name: str = "Toy Primary School") -> Case:
    return Case(
        provider=Provider(name=name, sector="school", nation="scotland"),
        regime=toy.REGIME_ID,
        framework=toy.FRAMEWORK_ID,
        judgements=[Judgement("teaching", "sound")],
    )


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# -- location -------------------------------------------------------------------------------------


def test_default_path_is_the_platform_data_dir(monkeypatch):
    monkeypatch.delenv("INSPECTORATE_CASEBOOK", raising=False)
    assert default_casebook_path() == platformdirs.user_data_path("inspectorate") / "casebook.sqlite"
    assert config_dir() == platformdirs.user_config_path("inspectorate")


def test_environment_overrides_default_and_caller_overrides_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("INSPECTORATE_CASEBOOK", str(tmp_path / "env.sqlite"))
    assert default_casebook_path() == tmp_path / "env.sqlite"
    assert resolve_casebook_path(None) == tmp_path / "env.sqlite"
    assert resolve_casebook_path(tmp_path / "cli.sqlite") == tmp_path / "cli.sqlite"
    with Casebook.open(None) as book:
        assert book.path == tmp_path / "env.sqlite"
    assert (tmp_path / "env.sqlite").exists()


def test_who_defaults_to_the_login_name(tmp_path):
    import getpass

    with Casebook.open(tmp_path / "c.sqlite") as book:
        assert book.who == getpass.getuser()


# -- the file -------------------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_file_and_sidecars_are_owner_only(tmp_path, umask):
    path = tmp_path / "deep" / "er" / "casebook.sqlite"
    old = os.umask(umask)
    try:
        with Casebook.open(path) as book:
            book.add(make_case())
            assert mode(path) == 0o600
            for suffix in ("-wal", "-shm"):
                assert os.path.exists(f"{path}{suffix}")  # write-ahead log in use
                assert mode(f"{path}{suffix}") == 0o600
    finally:
        os.umask(old)
    assert mode(path) == 0o600


def test_connections_have_foreign_keys_busy_timeout_and_wal(tmp_path):
    with Casebook.open(tmp_path / "c.sqlite") as book, book._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_audit_rows_need_a_case(tmp_path):
    with Casebook.open(tmp_path / "c.sqlite") as book, pytest.raises(Exception, match="FOREIGN KEY"), book._engine.begin() as conn:
        conn.execute(
            schema.audit_log.insert().values(
                case_id="missing", change_id="x", at="2025-01-01T00:00:00+00:00", who="a", what="case", version=1
            )
        )


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "x.sqlite"
    path.write_text("These are my notes, not a database.\n" * 20)
    with pytest.raises(CasebookError, match=r"x\.sqlite is not an inspectorate casebook: .*not a database"):
        Casebook.open(path)
    assert path.read_text().startswith("These are my notes")


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "x.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    conn.close()
    with pytest.raises(CasebookError, match=r"x\.sqlite is not an inspectorate casebook: .*songs"):
        Casebook.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("songs",)]
    conn.close()


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(CasebookError, match="is a folder"):
        Casebook.open(tmp_path)


def test_a_file_in_place_of_the_folder_is_a_clear_error(tmp_path):
    (tmp_path / "notes").write_text("not a folder")
    with pytest.raises(CasebookError, match=r"cannot create the casebook .*notes/c\.sqlite: a file is in the way"):
        Casebook.open(tmp_path / "notes" / "c.sqlite")


def test_unwritable_location_is_a_clear_error(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(sqlite_file.os, "open", refuse)
    with pytest.raises(CasebookError, match=r"cannot create the casebook .*c\.sqlite: the location is read-only"):
        Casebook.open(tmp_path / "c.sqlite")


def test_read_only_existing_file_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    Casebook.open(path).close()
    monkeypatch.setattr(sqlite_file.os, "access", lambda *args, **kwargs: False)
    with pytest.raises(CasebookError, match=r"c\.sqlite is read-only: inspectorate saves every change at once"):
        Casebook.open(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not bind root")
def test_read_only_folder_and_file_are_clear_errors(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(CasebookError, match="read-only"):
            Casebook.open(folder / "c.sqlite")
    finally:
        folder.chmod(0o700)
    path = tmp_path / "c.sqlite"
    Casebook.open(path).close()
    path.chmod(0o400)
    with pytest.raises(CasebookError, match="is read-only"):
        Casebook.open(path)


def test_a_closed_casebook_says_so(tmp_path):
    book = Casebook.open(tmp_path / "c.sqlite")
    book.close()
    with pytest.raises(CasebookError, match="is closed"):
        book.list_cases()


# -- schema versions and migrations ---------------------------------------------------------------

VERSION_1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE cases (
    id TEXT PRIMARY KEY, provider TEXT NOT NULL, regime TEXT NOT NULL, framework TEXT NOT NULL,
    sector TEXT NOT NULL, stage TEXT, next_deadline TEXT, next_event TEXT, archived INTEGER NOT NULL,
    version INTEGER NOT NULL, data TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL REFERENCES cases (id),
    change_id TEXT NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL, what TEXT NOT NULL,
    old TEXT, new TEXT, version INTEGER NOT NULL);
"""


def make_version_1(path) -> None:
    """A casebook as the first release wrote it, made by hand (not by the code under test).

    The rows are kept as that release stored them, an Estyn case under its 2010 framework: the
    test is about reading old data, so they stay historical rather than use the toy regime (the
    casebook reads them without any regime plugin)."""
    data = {
        "format": "inspectorate-case/1",
        "provider": {"name": "Old School", "sector": "school", "nation": "wales"},
        "inspection": {"regime": "estyn", "framework": "estyn-2010", "end": "2019-05-02"},
        "judgements": {"standards": "good"},
    }
    at = "2019-05-03T09:00:00+00:00"
    conn = sqlite3.connect(path)
    conn.executescript(VERSION_1)
    conn.execute(
        "INSERT INTO cases VALUES ('abc123', 'Old School', 'estyn', 'estyn-2010', 'school', 'closed', NULL, NULL,"
        " 0, 2, ?, ?, ?)",
        (json.dumps(data), at, at),
    )
    created = dict(data, judgements={"standards": "adequate"})
    conn.execute(
        "INSERT INTO audit_log (case_id, change_id, at, who, what, old, new, version)"
        " VALUES ('abc123', 'c1', ?, 'eve', 'case', NULL, ?, 1)",
        (at, json.dumps(created)),
    )
    conn.execute(
        "INSERT INTO audit_log (case_id, change_id, at, who, what, old, new, version)"
        " VALUES ('abc123', 'c2', ?, 'eve', 'judgements.standards', '\"adequate\"', '\"good\"', 2)",
        (at,),
    )
    conn.commit()
    conn.close()


def test_version_1_casebook_is_upgraded_and_keeps_its_cases(tmp_path):
    path = tmp_path / "old.sqlite"
    make_version_1(path)
    with Casebook.open(path, who="ann") as book:
        stored = book.get("abc123")
        assert stored.case.grade("standards") == "good"
        assert stored.case.dates.end.isoformat() == "2019-05-02"
        assert [e.what for e in book.history("abc123")] == ["judgements.standards", "case"]
        undone = book.undo("abc123", stored.version)  # the step-2 columns work on old rows
        assert undone.case.grade("standards") == "adequate"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_log)")}
    assert {"undo_of", "label"} <= columns
    # Step 3 filled the stage dates from the case itself.
    assert conn.execute("SELECT on_site_from, on_site_to, published FROM cases").fetchall() == [(None, "2019-05-02", None)]
    # Step 5 the provider's nation, whose working days the list counts a deadline on.
    assert conn.execute("SELECT nation, local_authority FROM cases").fetchall() == [("wales", "")]
    conn.close()
    with Casebook.open(path) as book:
        [row] = book.list_cases()
        assert row.on_site_to.isoformat() == "2019-05-02"
        assert row.nation == "wales"


def test_a_failing_migration_leaves_the_casebook_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    Casebook.open(path).close()

    def broken_step(connection):
        connection.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("the next step failed")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, (SCHEMA_VERSION + 1, broken_step)])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="the next step failed"):
        Casebook.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchall()
    conn.close()


def test_a_newer_casebook_is_refused_clearly(tmp_path):
    path = tmp_path / "c.sqlite"
    Casebook.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError) as raised:
        Casebook.open(path)
    assert (
        f"this casebook was written by a newer inspectorate (schema {SCHEMA_VERSION + 1}, "
        f"this version reads up to {SCHEMA_VERSION})"
    ) in str(raised.value)
    assert isinstance(raised.value, CasebookError)


def test_migrations_are_ordered_and_end_at_the_schema_version():
    versions = [version for version, _ in schema.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert versions[-1] == SCHEMA_VERSION


def test_reopening_keeps_data(tmp_path):
    path = tmp_path / "c.sqlite"
    with Casebook.open(path) as book:
        added = book.add(make_case())
        book.update(added.id, attrs.evolve(added, judgements=[]), 1)
    with Casebook.open(path) as book:
        assert book.get(added.id).version == 2
        assert book.get(added.id).case.judgements == ()
