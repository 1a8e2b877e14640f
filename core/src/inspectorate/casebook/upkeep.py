"""Looking after a casebook: its schema's status, migrating it, copying it to another place.

The same on a file and on a server. Copying moves every case with its history and audit trail
row for row (ids kept, so undo works after), then checks that both hold the same rows.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import sqlalchemy as sa
from attrs import frozen

from . import schema
from .errors import CasebookError
from .location import describe, resolve_casebook


@frozen
class Status:
    place: str
    found: int | None  # None: no casebook there yet
    steps: list[tuple[int, str]]  # what migrate would do


def status(target=None) -> Status:
    """The schema found at ``target`` and the steps migrating it would take; changes nothing."""
    target = resolve_casebook(target)
    if isinstance(target, Path):
        from .sqlite_file import schema_version_of

        found = schema_version_of(target)
    else:
        from .server import Server

        server = Server.connect(target)
        try:
            with server.engine.connect() as conn:
                found = schema.checked_version(conn, server.place)
        except sa.exc.DBAPIError as error:
            raise server.explain(error) from error
        finally:
            server.dispose()
    return Status(describe(target), found, schema.steps_after(found or 0))


def migrate(target=None) -> Status:
    """Bring the casebook at ``target`` to this inspectorate's schema; what it was before."""
    from .store import open_backend

    before = status(target)
    open_backend(target, migrate=True).dispose()
    return before


@frozen
class Copied:
    cases: int
    audit_rows: int
    source: str
    destination: str


def copy(source, destination) -> Copied:
    """Copy every case and audit row from ``source`` to an empty casebook at ``destination``,
    in one transaction, then check both hold the same rows (a count and a digest of each table)."""
    from .store import open_backend

    src = open_backend(source)
    try:
        dst = open_backend(destination, migrate=True)
    except BaseException:
        src.dispose()
        raise
    try:
        try:
            with src.engine.connect() as read, dst.engine.connect() as write, write.begin():
                if write.execute(sa.select(sa.func.count()).select_from(schema.cases)).scalar():
                    raise CasebookError(f"{dst.place} holds cases already: copy into a new, empty casebook")
                for table in (schema.cases, schema.audit_log):
                    rows = [dict(r._mapping) for r in read.execute(sa.select(table).order_by(*table.primary_key))]
                    for start in range(0, len(rows), 1000):
                        write.execute(sa.insert(table), rows[start : start + 1000])
                if write.dialect.name == "postgresql":  # new audit rows number on from the copied ones
                    write.execute(sa.text(
                        "SELECT setval(pg_get_serial_sequence('audit_log', 'id'), coalesce(max(id), 0) + 1, false) FROM audit_log"
                    ))  # fmt: skip
            with src.engine.connect() as a, dst.engine.connect() as b:
                for table in (schema.cases, schema.audit_log):
                    if _digest(a, table) != _digest(b, table):
                        raise CasebookError(f"the copy of {table.name} in {dst.place} differs from {src.place}")
                counts = [_digest(a, t)[0] for t in (schema.cases, schema.audit_log)]
        except sa.exc.DBAPIError as error:
            raise dst.explain(error) from error
        return Copied(counts[0], counts[1], src.place, dst.place)
    finally:
        src.dispose()
        dst.dispose()


def _digest(conn, table) -> tuple[int, str]:
    """How many rows, and a digest of every value in them in key order."""
    digest, count = hashlib.sha256(), 0
    for row in conn.execute(sa.select(table).order_by(*table.primary_key)):
        digest.update(repr(tuple(row)).encode())
        count += 1
    return count, digest.hexdigest()
