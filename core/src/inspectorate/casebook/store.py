"""The casebook: every case, saved at once in one transaction together with its audit rows.

This is the repository layer, the same on every database; what differs (opening, locking, files
or a server, errors in words, noticing a colleague's change) is the backend's:
:mod:`.sqlite_file` for a file on this machine, :mod:`.server` for PostgreSQL.

Concurrency is optimistic: a caller reads a case with its row ``version`` and passes that version
back when saving. The save re-reads the row inside a write transaction (``FOR UPDATE`` on a
server; SQLite's ``BEGIN IMMEDIATE`` already holds the file's write lock) and refuses with
:class:`StaleWriteError`, naming who changed it and when, if someone else saved in between, so
nobody's change is silently overwritten. The UPDATE is guarded by ``WHERE version = ?`` as well.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import sqlalchemy as sa
from attrs import frozen
from sqlalchemy.engine import Connection, Engine

from inspectorate.codec import case_from_data, case_to_data, from_json_data, to_json_data
from inspectorate.model import Case

from .diff import changes, restore, value_at
from .errors import CasebookError, CaseNotFound, NothingToRedo, NothingToUndo, StaleWriteError
from .location import resolve_casebook
from .schema import audit_log, cases
from .search import search_text
from .sqlite_file import READ_ONLY, SqliteFile
from .undo import stacks

SUMMARY_KEYS = ("stage", "next_deadline", "next_event")
#: Seconds a watch waits before trying again when the casebook could not be reached.
WATCH_RETRY = 2.0


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
    #: The provider's nation and local authority: whose working days count (see
    #: evaluation.calendar_for_provider).
    nation: str = "england"
    local_authority: str = ""


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

    def __init__(self, backend, who: str):
        self._backend = backend
        self._engine: Engine = backend.engine
        #: The file (None for a casebook on a server).
        self.path: Path | None = backend.path
        #: Where it is, as it may be shown: the file's path, or the server's URL without its password.
        self.place: str = backend.place
        #: "sqlite" or "postgresql".
        self.kind: str = backend.kind
        self.who = who
        #: What opening did that the person should know of (a casebook others could read, made private).
        self.notices: tuple[str, ...] = backend.notices
        self._closed = False
        self._own_changes: set[str] = set()  # change ids saved through this object, which a watch skips
        self._watches: list[threading.Event] = []

    # -- opening --------------------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | os.PathLike[str] | sa.URL | Engine | None = None, who: str | None = None) -> Casebook:
        """Open the casebook at ``target``: a file path, a ``postgresql://`` URL (or URL object),
        an Engine, or None for the person's casebook (``--casebook``, ``INSPECTORATE_CASEBOOK``,
        ``casebook`` in config.toml, the platform's data folder: see :mod:`.location`).

        A file is created if need be, made whole beside its place and moved there, so nobody ever
        sees half of one; an existing one that others could read is made owner-only (and
        ``notices`` says so); an older one is migrated. A server's casebook must have been made
        (and be up to date) with ``inspectorate casebook migrate``.

        ``who`` each change is by: given, else ``name`` in config.toml, else the database role
        (on a server), else the login name.
        """
        backend = open_backend(target)
        try:
            return cls(backend, who if who is not None else _who(backend))
        except BaseException:
            backend.dispose()
            raise

    def close(self) -> None:
        for stop in self._watches:
            stop.set()
        self._backend.dispose()
        self._closed = True

    def __enter__(self) -> Casebook:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Casebook({self.place!r}, who={self.who!r})"

    # -- a colleague's changes ------------------------------------------------------------------

    def watch(self, on_change: Callable[[set[str]], None]) -> threading.Event:
        """Call ``on_change(case_ids)`` in a thread of its own when others save changes to cases
        (another process, a colleague, another Casebook object), soon after they commit.

        On a server the saves are announced (LISTEN/NOTIFY); on a file its change counter is
        polled. Changes saved through this object are not told. Returns an event: set it (or
        close the casebook) to stop watching.
        """
        stop = threading.Event()
        self._watches.append(stop)
        threading.Thread(target=self._watching, args=(on_change, stop), daemon=True, name="inspectorate-watch").start()
        return stop

    def _watching(self, on_change, stop: threading.Event) -> None:
        mark = self._latest_audit_id()
        while not stop.is_set():
            try:
                for event in self._backend.watcher(stop):
                    if event is None:  # a file changed: which cases, from the audit rows since
                        found, mark = self._audited_since(mark)
                    else:
                        case_id, _, change_id = event.partition(" ")
                        found = [(case_id, change_id)]
                    changed = {case_id for case_id, change_id in found if change_id not in self._own_changes}
                    if changed and not stop.is_set():
                        on_change(changed)
            except Exception:  # noqa: BLE001 - the server restarting or the network gone: look again soon
                if stop.wait(WATCH_RETRY):
                    return

    def _latest_audit_id(self) -> int:
        try:
            with self._read() as conn:
                return conn.execute(sa.select(sa.func.max(audit_log.c.id))).scalar() or 0
        except CasebookError:
            return 0

    def _audited_since(self, mark: int) -> tuple[list[tuple[str, str]], int]:
        with self._read() as conn:
            rows = conn.execute(
                sa.select(audit_log.c.id, audit_log.c.case_id, audit_log.c.change_id).where(audit_log.c.id > mark)
            ).all()
        return [(r.case_id, r.change_id) for r in rows], max([mark, *(r.id for r in rows)])

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
            cases.c.search_text, cases.c.nation, cases.c.local_authority,
        ]  # fmt: skip
        query = sa.select(*columns).order_by(
            cases.c.next_deadline.is_(None), cases.c.next_deadline, cases.c.provider, cases.c.id
        )
        if not include_archived:
            query = query.where(cases.c.archived == 0)
        moment = dt.datetime.fromisoformat

        def day(text: str | None) -> dt.date | None:
            return dt.date.fromisoformat(text) if text else None

        with self._read() as conn:
            return [
                CaseRow(
                    r[0], r[1], r[2], r[3], r[4], r[5], day(r[6]), r[7], bool(r[8]), moment(r[9]), r[10],
                    day(r[11]), day(r[12]), day(r[13]), r[14] or "", r[15] or "england", r[16] or "",
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
            conn.execution_options(**{READ_ONLY: True})
            with conn.begin():
                yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        if self._closed:
            raise CasebookError(f"the casebook {self.place} is closed")
        try:
            with self._engine.connect() as conn:
                yield conn
        except sa.exc.DBAPIError as error:  # locked, full, damaged, read-only, refused: said in words
            raise self._backend.explain(error) from error

    def _row(self, conn: Connection, case_id: str, lock: bool = False):
        query = sa.select(cases).where(cases.c.id == case_id)
        row = conn.execute(query.with_for_update() if lock else query).first()
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
        """The row, re-read and locked inside the write transaction; stale if someone saved since."""
        row = self._row(conn, case_id, lock=True)
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
        if result.rowcount != 1:  # cannot happen after the locked re-read; the last guard
            current = conn.execute(sa.select(cases.c.version).where(cases.c.id == row.id)).scalar()
            if current is None:  # removed meanwhile
                raise CaseNotFound(row.id)
            raise self._stale(conn, row.id, row.version, current)

    def _audit(self, conn, case_id, version, now, diffs, label=None, undo_of=None) -> None:
        change_id = uuid.uuid4().hex
        self._own_changes.add(change_id)
        self._backend.announce(conn, case_id, change_id)
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
        "nation": provider.get("nation", "england"),
        "local_authority": provider.get("local_authority", ""),
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


def open_backend(target=None, migrate: bool = False):
    """The backend for ``target`` (see :meth:`Casebook.open`), opened and its schema checked.

    A file is always migrated as it is opened; a server only when ``migrate`` is asked for.
    """
    from .server import Server

    if isinstance(target, Engine):
        if target.dialect.name == "sqlite":  # the file's own policy needs its own engine
            if not target.url.database:
                raise CasebookError(f"a casebook is a file: {target.url} names none")
            return SqliteFile.open(Path(target.url.database))
        return Server.open(target.url, migrate=migrate, engine=target)
    target = resolve_casebook(target)
    if isinstance(target, Path):
        return SqliteFile.open(target)
    return Server.open(target, migrate=migrate)


def _who(backend) -> str:
    """Who changes are by: ``name`` in config.toml, else the database role, else the login name."""
    from .settings import person_settings

    return person_settings().name or backend.role() or _current_user()
