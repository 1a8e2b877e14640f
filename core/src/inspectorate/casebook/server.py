"""A casebook on a shared PostgreSQL server, through psycopg 3: the server's policy.

Credentials come the ways PostgreSQL users expect, because libpq reads them itself: a service
name (``postgresql:///?service=team`` and ``~/.pg_service.conf``), a password file
(``~/.pgpass`` or ``PGPASSFILE``), the ``PG*`` environment variables. The app never stores one;
the URL is shown without its password (:attr:`Server.place`). Opening never changes the schema
of a shared casebook: whoever looks after the server runs ``inspectorate casebook migrate``.

Concurrency: each save re-reads the case's row ``FOR UPDATE`` and its UPDATE is guarded by
``WHERE version = ?`` (see the store), so two people's saves to one case are serialised by the
row lock and the second is refused as stale. A save announces itself with ``NOTIFY`` in its
transaction (delivered only when it commits); an open casebook LISTENs on its own connection.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from . import schema
from .errors import CasebookError

#: The channel every save is announced on: "CASE_ID CHANGE_ID".
CHANNEL = "inspectorate_casebook"
#: Key of the advisory lock that keeps two migrations of one database apart.
MIGRATION_LOCK = 0x1A5EC7
#: Seconds to wait for the server to answer a new connection.
CONNECT_TIMEOUT = 10
#: Seconds a watcher waits for a notification before looking whether it should stop.
WAKE_INTERVAL = 0.5
#: Libpq's words for a read-only session or role (SQLSTATE 42501 insufficient privilege, 25006 read-only).
_REFUSED = ("42501", "25006")


def shown(url: sa.URL) -> str:
    """The URL as it may be printed: never with its password."""
    return url.render_as_string(hide_password=True)


class Server:
    """The PostgreSQL database under a :class:`~inspectorate.casebook.store.Casebook`."""

    kind = "postgresql"
    path = None

    def __init__(self, url: sa.URL, engine: Engine, notices: tuple[str, ...] = ()):
        self.url = url
        self.place = shown(url)
        self.engine = engine
        self.notices = notices
        self._role: str | None = None

    @classmethod
    def open(cls, url: sa.URL, migrate: bool = False, engine: Engine | None = None) -> Server:
        """Connect (or use ``engine``) and check the schema; ``migrate`` brings an empty or older
        database up to date (otherwise such a database is refused with what to run)."""
        server = cls.connect(url) if engine is None else cls(url, engine)
        try:
            with server.engine.connect() as conn, conn.begin():
                found = schema.checked_version(conn, server.place)
                server._role = conn.exec_driver_sql("SELECT current_user").scalar()
                if found != schema.SCHEMA_VERSION:
                    if not migrate:
                        if found is None and _hidden_casebook(conn):
                            raise _no_rights(server.place, server._role)
                        raise _needs_migration(server.place, found)
                    server.lock_schema(conn)
                    found = schema.checked_version(conn, server.place)  # another may have migrated meanwhile
                    if found != schema.SCHEMA_VERSION:
                        schema.migrate(conn, found or 0)
        except sa.exc.DBAPIError as error:
            server.dispose()
            raise server.explain(error) from error
        except BaseException:
            server.dispose()
            raise
        return server

    @classmethod
    def connect(cls, url: sa.URL) -> Server:
        notices: tuple[str, ...] = ()
        if url.password:
            notices = (
                f"the casebook URL {shown(url)} holds a password in plain text; keep it in a password "
                "file (~/.pgpass or PGPASSFILE) or a service instead",
            )
        engine = sa.create_engine(
            url.set(drivername="postgresql+psycopg"),
            connect_args={"connect_timeout": CONNECT_TIMEOUT, "application_name": "inspectorate"},
            pool_pre_ping=True,  # a server restarted meanwhile is reconnected to, not an error
        )
        return cls(url, engine, notices)

    def role(self) -> str | None:
        """The database role this casebook is used as (who a change is by, when no name is set)."""
        if self._role is None:
            with self.engine.connect() as conn:
                self._role = conn.exec_driver_sql("SELECT current_user").scalar()
        return self._role

    def lock_schema(self, conn: Connection) -> None:
        """Keep two migrations of this database apart (held to the end of the transaction)."""
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})

    def announce(self, conn: Connection, case_id: str, change_id: str) -> None:
        conn.execute(sa.text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": f"{case_id} {change_id}"})

    def explain(self, error: Exception) -> CasebookError:
        return explain(self.place, error)

    def watcher(self, stop: threading.Event):
        """Yield each announced change ("CASE_ID CHANGE_ID") as its transaction commits."""
        import psycopg

        args, kwargs = self.engine.dialect.create_connect_args(self.engine.url)
        kwargs.update(autocommit=True, connect_timeout=CONNECT_TIMEOUT)
        try:
            conn = psycopg.connect(*args, **kwargs)
        except psycopg.Error as error:
            raise self.explain(error) from error
        try:
            conn.execute(f"LISTEN {CHANNEL}")
            while not stop.is_set():
                for notice in conn.notifies(timeout=WAKE_INTERVAL):
                    yield notice.payload
        finally:
            conn.close()

    def dispose(self) -> None:
        self.engine.dispose()


def _hidden_casebook(conn: Connection) -> bool:
    """Whether this database holds a casebook's tables the role may not read (so it looks empty)."""
    return bool(conn.exec_driver_sql(
        "SELECT 1 FROM pg_class WHERE relname = 'schema_version' AND relkind = 'r' "
        "AND NOT has_table_privilege(oid, 'SELECT') LIMIT 1"
    ).scalar())  # fmt: skip


def _no_rights(place: str, role: str | None) -> CasebookError:
    return CasebookError(
        f"the role {role} may not read the casebook on {place}: ask whoever looks after the server to "
        "grant it a casebook role (docs/team-casebook.md)"
    )


def _needs_migration(place: str, found: int | None) -> CasebookError:
    if found is None:
        return CasebookError(
            f"{place} holds no casebook yet: whoever looks after the server makes one with "
            f"`inspectorate casebook migrate --casebook {place}`"
        )
    return CasebookError(
        f"the casebook on {place} is at schema {found} and this inspectorate needs {schema.SCHEMA_VERSION}: "
        f"whoever looks after the server runs `inspectorate casebook migrate --casebook {place}` "
        "(colleagues with the older inspectorate will then need to upgrade too)"
    )


def explain(place: str, error: Exception) -> CasebookError:
    """A server's error in words a person can act on, naming the casebook (never its password)."""
    if isinstance(error, CasebookError):
        return error
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlstate", None) or ""
    reason = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    if code in _REFUSED:
        return CasebookError(
            f"you can read the casebook on {place} but not change it: the database refused the change "
            f"({reason}); nothing was saved. Ask whoever looks after the server for a role that may edit"
        )
    if code.startswith("08") or "connection" in reason.lower() and code == "":
        return CasebookError(
            f"cannot reach the casebook on {place}: {reason}; check the server is running and the URL, "
            "service or PG* settings name it"
        )
    if code == "28P01" or code == "28000":
        return CasebookError(
            f"the server refused to let you in to {place}: {reason}; a password belongs in ~/.pgpass "
            "(or PGPASSFILE) or a service, never in the URL"
        )
    if code == "3D000":
        return CasebookError(f"there is no database for the casebook on {place}: {reason}")
    if code.startswith("40"):  # serialisation failure or deadlock: the change was rolled back whole
        return CasebookError(f"the casebook on {place} was busy and the change was not made ({reason}); try again")
    return CasebookError(f"the casebook on {place} could not be used: {reason}")
