"""A casebook in a SQLite file on this machine: the file's policy, kept apart from the repository.

A new file is made whole beside its place and moved there; it and SQLite's -wal/-shm sidecars are
owner-only (inspection evidence is confidential); connections enforce foreign keys; every write
transaction starts with ``BEGIN IMMEDIATE`` (the write lock is taken before the version is read,
so check and write cannot interleave with another process) and a busy timeout makes a second
process wait for the lock rather than fail; the file is switched to write-ahead logging. An
older file is migrated as it is opened. A colleague's change is noticed by polling SQLite's own
change counter (``PRAGMA data_version``) on one connection kept for the purpose.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import threading
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from inspectorate import files

from . import schema
from .errors import CasebookError

#: Seconds a writer waits for another process's write to finish before giving up.
BUSY_TIMEOUT = 30.0
#: Seconds opening waits to switch an older casebook to write-ahead logging before leaving it for
#: the next open (the switch needs every other connection to let go; the casebook works without it).
WAL_SWITCH_TIMEOUT = 1.0
#: Below this much free space, a disk error is taken to mean the disk is full.
NEARLY_FULL = 1 << 20
#: Seconds between two looks at the change counter while watching for a colleague's change.
POLL_INTERVAL = 0.5

READ_ONLY = "inspectorate_read_only"  # execution option: begin a plain (deferred) transaction


class SqliteFile:
    """The SQLite file under a :class:`~inspectorate.casebook.store.Casebook`."""

    kind = "sqlite"

    def __init__(self, path: Path, engine: Engine, notices: tuple[str, ...]):
        self.path = path
        self.place = str(path)
        self.engine = engine
        self.notices = notices

    @classmethod
    def open(cls, path: Path, migrate: bool = True) -> SqliteFile:
        """Open (creating if need be) the casebook file at ``path``, migrating an older one."""
        notices = _existing_file(path) if os.path.lexists(path) else _create(path)
        engine = _engine(path)
        try:
            _prepare(engine, path)
        except BaseException:
            engine.dispose()
            raise
        _restrict_sidecars(path)
        return cls(path, engine, notices)

    def role(self) -> str | None:
        """A file has no database role: who made a change falls back to the login name."""
        return None

    def lock_schema(self, conn: Connection) -> None:
        """Nothing to do: ``BEGIN IMMEDIATE`` already holds the file's write lock."""

    def announce(self, conn: Connection, case_id: str, change_id: str) -> None:
        """Nothing to send: watchers poll the file's change counter."""

    def explain(self, error: Exception) -> CasebookError:
        return _explain(self.path, error)

    def watcher(self, stop: threading.Event):
        """Yield (every ``POLL_INTERVAL``) once the file has been changed by another connection.

        Yields once at the start too: a watch looking again after a failure catches up on what
        was saved while it was not looking (the store reads the audit rows since its mark).
        """
        raw = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            seen = raw.execute("PRAGMA data_version").fetchone()[0]
            yield None
            while not stop.wait(POLL_INTERVAL):
                now = raw.execute("PRAGMA data_version").fetchone()[0]
                if now != seen:
                    seen = now
                    yield None
        finally:
            raw.close()

    def dispose(self) -> None:
        self.engine.dispose()


def _engine(path: Path) -> Engine:
    url = sa.URL.create("sqlite", database=str(path))  # a sqlite:/// URL, safe for any file name
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT})
    sa.event.listen(engine, "connect", _on_connect)
    sa.event.listen(engine, "begin", _on_begin)
    return engine


def _existing_file(path: Path) -> tuple[str, ...]:
    """Check an existing casebook is usable; make it owner-only if others could read it."""
    if path.is_dir():
        raise CasebookError(f"{path} is a folder, not an inspectorate casebook")
    if not os.access(path, os.R_OK | os.W_OK):
        raise CasebookError(
            f"{path} is read-only: inspectorate saves every change at once, so it needs to write "
            "to the casebook; make the file writable or choose another with --casebook"
        )
    try:
        was = files.restrict_to_owner(path)
    except OSError as error:
        return (f"others can read the casebook {path}, and it could not be made private ({files.reason(error)})",)
    _restrict_sidecars(path)
    if was is None:
        return ()
    return (f"others could read the casebook {path} (mode {was:04o}); it is now readable by you only (0600)",)


def _create(path: Path) -> tuple[str, ...]:
    """Make a new casebook whole in a temporary file beside ``path``, then put it there."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:  # including a file where a folder should be
        raise CasebookError(_unwritable(path, error)) from error
    try:
        with files.writing(path) as temp:
            engine = _engine(temp)
            try:
                _prepare(engine, path, temp)
            finally:
                engine.dispose()  # closes the temporary file's log, so the file is whole
    except files.OutputError as error:
        if isinstance(error, files.OutputExists) or os.path.lexists(path):
            return _existing_file(path)  # another process made it first (it may be a casebook by now): use theirs
        raise CasebookError(_unwritable(path, error.error) if error.error else str(error)) from error
    return ()


def _unwritable(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = f"the location is read-only ({reason})"
    elif error.errno in (errno.EEXIST, errno.ENOTDIR):
        reason = f"a file is in the way of its folder ({reason})"
    return (
        f"cannot create the casebook {path}: {reason}; "
        "choose a writable place with --casebook PATH or INSPECTORATE_CASEBOOK"
    )


def _restrict_sidecars(path: Path) -> None:
    """Give SQLite's -wal/-shm/-journal files the database file's own permissions."""
    mode = stat.S_IMODE(path.stat().st_mode)
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):  # absent (or not ours); SQLite gives new ones the database file's permissions
            os.chmod(f"{path}{suffix}", mode)


def _on_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _on_begin(conn: Connection) -> None:
    """Writes take the write lock up front, so their version check and UPDATE are serialised."""
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _prepare(engine: Engine, path: Path, file: Path | None = None) -> None:
    """Check the file is a casebook, migrate it if older, and switch it to write-ahead logging.

    ``file`` is the file to prepare when it is not yet at ``path`` (a new casebook); messages
    always name ``path``.
    """
    try:
        with engine.connect() as conn:  # a plain read first: a casebook in use needs no write lock
            conn.execution_options(**{READ_ONLY: True})
            with conn.begin():
                current = schema.checked_version(conn, path) == schema.SCHEMA_VERSION
        if not current:
            with engine.connect() as conn, conn.begin():  # the write lock, then look again
                found = schema.checked_version(conn, path)
                if found != schema.SCHEMA_VERSION:
                    schema.migrate(conn, found or 0)
        _use_write_ahead_log(engine)
    except (sa.exc.DBAPIError, sqlite3.Error) as error:
        raise _explain(path, error, file or path) from error


def _use_write_ahead_log(engine: Engine) -> None:
    """Switch to write-ahead logging unless it is in use already (the mode is kept in the file).

    The switch needs every other connection to let go of the file. When others have it open,
    opening goes on in the old mode, which is slower but as safe, and the next open tries again.
    """
    raw = engine.raw_connection()  # journal mode cannot change inside a transaction
    try:
        cursor = raw.cursor()
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            return
        cursor.execute(f"PRAGMA busy_timeout = {int(WAL_SWITCH_TIMEOUT * 1000)}")
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_BUSY and "locked" not in str(error):
                raise
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    finally:
        raw.close()


def _explain(path: Path, error: Exception, file: Path | None = None) -> CasebookError:
    """A database error in words a person can act on, naming the casebook."""
    if isinstance(error, CasebookError):
        return error
    original = getattr(error, "orig", None) or error
    reason = str(original)
    name = getattr(original, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_NOTADB") or "not a database" in reason or "encrypted" in reason:
        return CasebookError(f"{path} is not an inspectorate casebook: {reason}")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in reason:
        return CasebookError(
            f"the casebook {path} is damaged ({reason}): part of it cannot be read. Keep a copy of the "
            "file as it is, then put your latest backup in its place; `sqlite3 FILE .recover` can "
            "rescue what is still readable"
        )
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and _nearly_full(file or path)):
        return CasebookError(
            f"the disk holding the casebook {path} is full ({reason}): free some space and try again; "
            "what was saved before is kept, and the change that failed was not made"
        )
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in reason:
        return CasebookError(
            f"the casebook {path} could not be read or written: the disk reported an error ({reason}); "
            "check the disk and keep a backup of the casebook"
        )
    if "locked" in reason or "busy" in reason:
        return CasebookError(
            f"the casebook {path} is busy: another inspectorate has been using it for over "
            f"{BUSY_TIMEOUT:.0f} seconds ({reason}); try again"
        )
    if "readonly" in reason or "read-only" in reason:
        return CasebookError(f"the casebook {path} is read-only ({reason}); changes cannot be saved")
    return CasebookError(f"the casebook {path} could not be used: {reason}")


def _nearly_full(path: Path) -> bool:
    try:
        found = os.statvfs(path.absolute().parent)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < NEARLY_FULL


def schema_version_of(path: Path) -> int | None:
    """The schema version of the file at ``path`` without creating, changing or locking it
    (None: no file yet, or a file without one)."""
    if not os.path.isfile(path):
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as error:
        raise _explain(path, error) from error
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "schema_version" not in tables:
            return None
        return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    except sqlite3.Error as error:
        raise _explain(path, error) from error
    finally:
        conn.close()
