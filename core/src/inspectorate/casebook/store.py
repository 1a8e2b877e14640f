"""The casebook: every case, saved at once in one transaction together with its audit rows.

Concurrency is optimistic: a caller reads a case with its row ``version`` and passes that version
back when saving. The save re-reads the version inside a write transaction and refuses with
:class:`StaleWriteError` if someone else saved in between, so nobody's change is silently
overwritten. On SQLite every write transaction starts with ``BEGIN IMMEDIATE`` (the write lock is
taken before the version is read, so check and write cannot interleave with another process) and
the UPDATE is guarded by ``WHERE version = ?`` as well, which is what keeps it correct on a server
database too. A busy timeout makes a second process wait for the lock rather than fail.
"""

from __future__ import annotations

import datetime as dt
import errno
import getpass
import json
import os
import sqlite3
import stat
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import sqlalchemy as sa
from attrs import frozen
from sqlalchemy.engine import Connection, Engine

from inspectorate import files
from inspectorate.codec import case_from_data, case_to_data, from_json_data, to_json_data
from inspectorate.model import Case

from . import schema
from .diff import changes, restore, value_at
from .errors import CasebookError, CaseNotFound, NothingToRedo, NothingToUndo, SchemaTooNewError, StaleWriteError
from .location import resolve_casebook_path
from .schema import audit_log, cases
from .search import search_text
from .undo import stacks

#: Seconds a writer waits for another process's write to finish before giving up.
BUSY_TIMEOUT = 30.0
#: Seconds opening waits to switch an older casebook to write-ahead logging before leaving it for
#: the next open (the switch needs every other connection to let go; the casebook works without it).
WAL_SWITCH_TIMEOUT = 1.0
#: Below this much free space, a disk error is taken to mean the disk is full.
NEARLY_FULL = 1 << 20

SUMMARY_KEYS = ("stage", "next_deadline", "next_event")

_READ_ONLY = "inspectorate_read_only"  # execution option: begin a plain (deferred) transaction


@frozen
class StoredCase:
    """A case as read from the casebook; pass ``version`` back when saving it."""

    case: Case
    version: int
    archived: bool
    updated_at: dt.datetime
    created_at: dt.datetime | None = None


@frozen
class CaseRow:
    """One line of the case list: columns only, so listing never parses case JSON."""

    id: str
    provider: str
    regime: str
    framework: str
    sector: str
    stage: str | None
    next_deadline: dt.date | None
    next_event: str | None
    archived: bool
    updated_at: dt.datetime
    version: int
    #: The dates the stage moves on by as days pass (see evaluation.stage_by_dates).
    on_site_from: dt.date | None = None
    on_site_to: dt.date | None = None
    published: dt.date | None = None
    #: Team, identifiers, evidence and recommendations, for the list's filter (see .search).
    search_text: str = ""


@frozen
class AuditEntry:
    """One changed path of one change. Rows of the same change share ``change_id``."""

    change_id: str
    at: dt.datetime
    who: str
    what: str
    old: Any
    new: Any
    version: int
    undo_of: str | None = None
    label: str | None = None


class Casebook:
    """Every case the inspector works on. Open with :meth:`Casebook.open`; close or use ``with``."""

    def __init__(self, engine: Engine, path: Path, who: str, notices: tuple[str, ...] = ()):
        self._engine = engine
        self.path = path
        self.who = who
        #: What opening did that the person should know of (a casebook others could read, made private).
        self.notices = notices
        self._closed = False

    # -- opening --------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, who: str | None = None) -> Casebook:
        """Open (creating if need be) the casebook at ``path``, or the default location if None.

        A new casebook is made whole beside its place (tables, write-ahead logging, owner-only:
        inspection evidence is confidential) and then moved there, so nobody ever sees half of
        one and a failure leaves nothing. An existing one that others could read is made
        owner-only (and ``notices`` says so); an older one is migrated.
        """
        path = resolve_casebook_path(path)
        notices = _existing_file(path) if os.path.lexists(path) else _create(path)
        engine = _engine(path)
        try:
            _prepare(engine, path)
        except BaseException:
            engine.dispose()
            raise
        _restrict_sidecars(path)
        return cls(engine, path, who if who is not None else _current_user(), notices)

    def close(self) -> None:
        self._engine.dispose()
        self._closed = True

    def __enter__(self) -> Casebook:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Casebook({str(self.path)!r}, who={self.who!r})"

    # -- reading --------------------------------------------------------------------------------

    def get(self, case_id: str) -> StoredCase:
        with self._read() as conn:
            return self._stored(conn, case_id)

    def list_cases(self, include_archived: bool = False) -> list[CaseRow]:
        """Cases by next deadline (none last), then provider. Reads columns only."""
        columns = [
            cases.c.id, cases.c.provider, cases.c.regime, cases.c.framework, cases.c.sector,
            cases.c.stage, cases.c.next_deadline, cases.c.next_event, cases.c.archived,
            cases.c.updated_at, cases.c.version, cases.c.on_site_from, cases.c.on_site_to, cases.c.published,
            cases.c.search_text,
        ]  # fmt: skip
        query = sa.select(*columns).order_by(
            cases.c.next_deadline.is_(None), cases.c.next_deadline, cases.c.provider, cases.c.id
        )
        if not include_archived:
            query = query.where(cases.c.archived == 0)
        day, moment = dt.date.fromisoformat, dt.datetime.fromisoformat
        with self._read() as conn:
            return [
                CaseRow(
                    r[0], r[1], r[2], r[3], r[4], r[5], day(r[6]) if r[6] else None, r[7], bool(r[8]), moment(r[9]), r[10],
                    *(day(d) if d else None for d in r[11:14]), r[14] or "",
                )  # fmt: skip
                for r in conn.execute(query)
            ]

    def count(self, include_archived: bool = False) -> int:
        query = sa.select(sa.func.count()).select_from(cases)
        if not include_archived:
            query = query.where(cases.c.archived == 0)
        with self._read() as conn:
            return conn.execute(query).scalar_one()

    def history(self, case_id: str) -> list[AuditEntry]:
        """Every recorded change to the case, newest first (rows of one change share ``change_id``)."""
        query = (  # newest change first, its paths in the order they were recorded
            sa.select(audit_log)
            .where(audit_log.c.case_id == case_id)
            .order_by(audit_log.c.version.desc(), audit_log.c.id)
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
            if not rows:
                self._stored(conn, case_id)  # raises CaseNotFound for an unknown id
        return [_entry(r) for r in rows]

    # -- changing -------------------------------------------------------------------------------

    def add(self, case: Case, summary: Mapping[str, Any] | None = None) -> Case:
        """Store a new case; returns it with its new ``id``."""
        data = _data(case)
        with self._write() as conn:
            case_id = self._insert(conn, data, summary, label="created")
        return attrs.evolve(case, id=case_id)

    def add_many(self, cases: Iterable[tuple[Case, Mapping[str, Any] | None]]) -> list[str]:
        """Store many new cases (each with its summary) in one transaction: all or none.

        For imports and demo or test casebooks, where one transaction per case would spend its
        time waiting for the disk. Returns the new ids in order.
        """
        with self._write() as conn:
            return [self._insert(conn, _data(case), summary, label="created") for case, summary in cases]

    def import_case(self, case: Case) -> Case:
        return self.add(case)

    def duplicate(self, case_id: str, provider_name: str | None = None) -> Case:
        """A copy of the case under a new id (for example to start its next inspection), its
        provider renamed ``provider_name`` when given (so the list tells the two apart)."""
        with self._write() as conn:
            row = self._row(conn, case_id)
            summary = {"stage": row.stage, "next_deadline": row.next_deadline, "next_event": row.next_event}
            data = json.loads(row.data)
            if provider_name:
                data["provider"]["name"] = provider_name
            new_id = self._insert(conn, data, summary, label=f"duplicated from {case_id}")
        return self.get(new_id).case

    def update(
        self,
        case_id: str,
        new_case: Case,
        expected_version: int,
        summary: Mapping[str, Any] | None = None,
        what: str | None = None,
    ) -> StoredCase:
        """Save ``new_case`` if the stored case is still at ``expected_version``.

        Writes one audit row per changed path (``what`` is the caller's label for the change,
        kept with every row). Saving an unchanged case records nothing and keeps the version,
        though a given ``summary`` is still stored.
        """
        new_data = _data(new_case)
        with self._write() as conn:
            row = self._checked_row(conn, case_id, expected_version)
            diffs = changes(json.loads(row.data), new_data)
            if diffs:
                self._apply(conn, row, new_data, diffs, summary, label=what)
            elif summary is not None:
                conn.execute(sa.update(cases).where(cases.c.id == case_id).values(**_summary_columns(summary)))
            return self._stored(conn, case_id)

    def archive(self, case_id: str, expected_version: int) -> StoredCase:
        return self._set_archived(case_id, expected_version, True)

    def unarchive(self, case_id: str, expected_version: int) -> StoredCase:
        return self._set_archived(case_id, expected_version, False)

    def undo(
        self,
        case_id: str,
        expected_version: int,
        summarise: Callable[[Case], Mapping[str, Any]] | None = None,
    ) -> StoredCase:
        """Undo the latest change not yet undone, as a new change; repeating walks further back.

        The casebook does not know the rules, so the summary columns (stage, deadline) are kept
        unless ``summarise`` is given to compute them for the restored case.
        """
        return self._revert(case_id, expected_version, summarise, redo=False)

    def redo(
        self,
        case_id: str,
        expected_version: int,
        summarise: Callable[[Case], Mapping[str, Any]] | None = None,
    ) -> StoredCase:
        """Redo the latest undo, as a new change (raises NothingToRedo once a new change is made)."""
        return self._revert(case_id, expected_version, summarise, redo=True)

    def next_undo(self, case_id: str) -> list[AuditEntry]:
        """The rows of the change undo would revert (empty when none): to say what it will do."""
        return self._next(case_id, redo=False)

    def next_redo(self, case_id: str) -> list[AuditEntry]:
        """The rows of the undo redo would revert (empty when none)."""
        return self._next(case_id, redo=True)

    def _next(self, case_id: str, redo: bool) -> list[AuditEntry]:
        with self._read() as conn:
            target = self._target(conn, case_id, redo)
            rows = [] if target is None else self._change_rows(conn, target)
        return [_entry(r) for r in rows]

    def _target(self, conn: Connection, case_id: str, redo: bool) -> str | None:
        rows = conn.execute(
            sa.select(audit_log.c.change_id, audit_log.c.undo_of, audit_log.c.what, audit_log.c.old)
            .where(audit_log.c.case_id == case_id)
            .order_by(audit_log.c.id)
        )
        done, undone = stacks((r.change_id, r.undo_of, r.what == "case" and r.old is None) for r in rows)
        stack = undone if redo else done
        return stack[-1] if stack else None

    def _change_rows(self, conn: Connection, change_id: str):
        return conn.execute(sa.select(audit_log).where(audit_log.c.change_id == change_id).order_by(audit_log.c.id)).all()

    def _revert(self, case_id: str, expected_version: int, summarise, redo: bool) -> StoredCase:
        """Put back the old values of the change on top of the undo (or redo) stack, as a new change."""
        with self._write() as conn:
            row = self._checked_row(conn, case_id, expected_version)
            target = self._target(conn, case_id, redo)
            if target is None:
                raise NothingToRedo(case_id) if redo else NothingToUndo(case_id)
            entries = self._change_rows(conn, target)
            words = entries[0].label or ", ".join(e.what for e in entries)
            label = f"{'redo' if redo else 'undo'} {words.removeprefix('undo ').removeprefix('redo ')}"
            if entries[0].what == "case":  # an archive or unarchive
                was_archived = _load(entries[0].old)["archived"]
                self._write_archived(conn, row, was_archived, label=label, undo_of=target)
            else:
                current = json.loads(row.data)
                restored = restore(current, [(e.what, _load(e.old)) for e in entries])
                diffs = [(e.what, value_at(current, e.what), value_at(restored, e.what)) for e in entries]
                summary = summarise(_case(case_id, restored)) if summarise else None
                self._apply(conn, row, restored, diffs, summary, label=label, undo_of=target)
            return self._stored(conn, case_id)

    # -- internals ------------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._connect() as conn:
            conn.execution_options(**{_READ_ONLY: True})
            with conn.begin():
                yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        if self._closed:
            raise CasebookError(f"the casebook {self.path} is closed")
        try:
            with self._engine.connect() as conn:
                yield conn
        except sa.exc.DBAPIError as error:  # locked, full, damaged, read-only: said in words
            raise _explain(self.path, error) from error

    def _row(self, conn: Connection, case_id: str):
        row = conn.execute(sa.select(cases).where(cases.c.id == case_id)).first()
        if row is None:
            raise CaseNotFound(case_id)
        return row

    def _stored(self, conn: Connection, case_id: str) -> StoredCase:
        row = self._row(conn, case_id)
        return StoredCase(
            case=_case(case_id, json.loads(row.data)),
            version=row.version,
            archived=bool(row.archived),
            updated_at=dt.datetime.fromisoformat(row.updated_at),
            created_at=dt.datetime.fromisoformat(row.created_at),
        )

    def _checked_row(self, conn: Connection, case_id: str, expected_version: int):
        """The row, re-read inside the write transaction; stale if someone saved since."""
        row = self._row(conn, case_id)
        if row.version != expected_version:
            raise self._stale(conn, case_id, expected_version, row.version)
        return row

    def _stale(self, conn: Connection, case_id: str, expected: int, current: int) -> StaleWriteError:
        last = conn.execute(
            sa.select(audit_log.c.who, audit_log.c.at)
            .where(audit_log.c.case_id == case_id)
            .order_by(audit_log.c.id.desc())
            .limit(1)
        ).first()
        who, at = (last.who, last.at) if last else ("someone", "an unknown time")
        return StaleWriteError(case_id, expected, current, who, at)

    def _insert(self, conn: Connection, data: dict, summary: Mapping[str, Any] | None, label: str) -> str:
        case_id, now = _new_id(), _now()
        conn.execute(
            sa.insert(cases).values(
                id=case_id,
                **_case_columns(data),
                **_summary_columns(summary or {}, all_keys=True),
                archived=0,
                version=1,
                data=_dump(data),
                created_at=now,
                updated_at=now,
            )
        )
        self._audit(conn, case_id, 1, now, [("case", None, data)], label=label)
        return case_id

    def _apply(self, conn, row, new_data, diffs, summary, label=None, undo_of=None) -> None:
        """Store new data at the next version with its audit rows; the UPDATE is version-guarded."""
        version, now = row.version + 1, _now()
        self._guarded_update(
            conn,
            row,
            data=_dump(new_data),
            **_case_columns(new_data),
            **_summary_columns(summary or {}),
            version=version,
            updated_at=now,
        )
        self._audit(conn, row.id, version, now, diffs, label=label, undo_of=undo_of)

    def _set_archived(self, case_id: str, expected_version: int, archived: bool) -> StoredCase:
        with self._write() as conn:
            row = self._checked_row(conn, case_id, expected_version)
            if bool(row.archived) != archived:
                self._write_archived(conn, row, archived, label="archived" if archived else "unarchived")
            return self._stored(conn, case_id)

    def _write_archived(self, conn, row, archived: bool, label: str, undo_of: str | None = None) -> None:
        version, now = row.version + 1, _now()
        self._guarded_update(conn, row, archived=int(archived), version=version, updated_at=now)
        diff = [("case", {"archived": bool(row.archived)}, {"archived": archived})]
        self._audit(conn, row.id, version, now, diff, label=label, undo_of=undo_of)

    def _guarded_update(self, conn: Connection, row, **values) -> None:
        result = conn.execute(
            sa.update(cases).where(cases.c.id == row.id, cases.c.version == row.version).values(**values)
        )
        if result.rowcount != 1:  # cannot happen under BEGIN IMMEDIATE; the guard for other databases
            current = conn.execute(sa.select(cases.c.version).where(cases.c.id == row.id)).scalar()
            raise self._stale(conn, row.id, row.version, current)

    def _audit(self, conn, case_id, version, now, diffs, label=None, undo_of=None) -> None:
        change_id = uuid.uuid4().hex
        conn.execute(
            sa.insert(audit_log),
            [
                {
                    "case_id": case_id,
                    "change_id": change_id,
                    "at": now,
                    "who": self.who,
                    "what": what,
                    "old": None if old is None else _dump(old),
                    "new": None if new is None else _dump(new),
                    "version": version,
                    "undo_of": undo_of,
                    "label": label,
                }
                for what, old, new in diffs
            ],
        )


# -- helpers --------------------------------------------------------------------------------------


def _entry(r) -> AuditEntry:
    return AuditEntry(
        change_id=r.change_id,
        at=dt.datetime.fromisoformat(r.at),
        who=r.who,
        what=r.what,
        old=_load(r.old),
        new=_load(r.new),
        version=r.version,
        undo_of=r.undo_of,
        label=r.label,
    )


def _data(case: Case) -> dict[str, Any]:
    return to_json_data(case_to_data(case))


def _case(case_id: str, data: dict[str, Any]) -> Case:
    return case_from_data(from_json_data(data), case_id=case_id)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment or password database
        return "unknown"


def _case_columns(data: dict[str, Any]) -> dict[str, Any]:
    """The list's columns; a case lacking one of them is refused (with nothing written)."""
    provider, inspection = data.get("provider", {}), data.get("inspection", {})
    needed = {
        "the provider's name": provider.get("name"),
        "the provider's sector": provider.get("sector"),
        "its regime": inspection.get("regime"),
        "its framework": inspection.get("framework"),
    }
    missing = [what for what, value in needed.items() if not value]
    if missing:
        raise CasebookError(f"a case needs {' and '.join(missing)}; the change was not saved")
    return {
        "provider": provider["name"],
        "sector": provider["sector"],
        "regime": inspection["regime"],
        "framework": inspection["framework"],
        "on_site_from": inspection.get("start"),
        "on_site_to": inspection.get("end"),
        "published": inspection.get("published"),
        "search_text": search_text(data),
    }


def _summary_columns(summary: Mapping[str, Any], all_keys: bool = False) -> dict[str, Any]:
    """The summary as column values; keys not given are left alone (or NULL when ``all_keys``)."""
    unknown = set(summary) - set(SUMMARY_KEYS)
    if unknown:
        raise ValueError(f"unknown summary keys {sorted(unknown)}; expected some of {list(SUMMARY_KEYS)}")
    columns = {key: summary.get(key) for key in SUMMARY_KEYS if all_keys or key in summary}
    deadline = columns.get("next_deadline")
    if isinstance(deadline, dt.date):
        columns["next_deadline"] = deadline.isoformat()
    return columns


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
        try:
            os.chmod(f"{path}{suffix}", mode)
        except OSError:
            pass  # absent (or not ours); SQLite gives new ones the database file's permissions


def _on_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _on_begin(conn: Connection) -> None:
    """Writes take the write lock up front, so their version check and UPDATE are serialised."""
    read_only = conn.get_execution_options().get(_READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _prepare(engine: Engine, path: Path, file: Path | None = None) -> None:
    """Check the file is a casebook, migrate it if older, and switch it to write-ahead logging.

    ``file`` is the file to prepare when it is not yet at ``path`` (a new casebook); messages
    always name ``path``.
    """
    try:
        with engine.connect() as conn:  # a plain read first: a casebook in use needs no write lock
            conn.execution_options(**{_READ_ONLY: True})
            with conn.begin():
                current = _version(conn, path) == schema.SCHEMA_VERSION
        if not current:
            with engine.connect() as conn, conn.begin():  # the write lock, then look again
                found = _version(conn, path)
                if found != schema.SCHEMA_VERSION:
                    schema.migrate(conn, found or 0)
        _use_write_ahead_log(engine)
    except (sa.exc.DBAPIError, sqlite3.Error) as error:
        raise _explain(path, error, file or path) from error


def _version(conn: Connection, path: Path) -> int | None:
    """The casebook's schema version (None: a new file); refuses another program's database."""
    found = schema.current_version(conn)
    if found is None:
        tables = sa.inspect(conn).get_table_names()
        if tables:
            raise CasebookError(
                f"{path} is not an inspectorate casebook: it is a SQLite database with other "
                f"tables ({', '.join(sorted(tables)[:5])}) and no schema_version"
            )
    elif found > schema.SCHEMA_VERSION:
        raise SchemaTooNewError(path, found, schema.SCHEMA_VERSION)
    return found


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
