"""The casebook's tables and the migrations that bring an older casebook up to date.

:data:`MIGRATIONS` is the ordered list of steps, each taking a casebook from ``version - 1`` to
``version``. A step is written against the schema *as it was* at that version (its own table
definitions or plain SQL), never against :data:`cases` / :data:`audit_log` below, which describe the
latest schema only: otherwise editing today's tables would silently change what an old step does.
All missing steps run in one transaction with the version bump, so a casebook is never left half
migrated. Steps use portable SQLAlchemy Core DDL so the same code can target PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

# -- the latest schema, for queries ---------------------------------------------------------------

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, nullable=False),
)

cases = sa.Table(
    "cases",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("provider", sa.Text, nullable=False),
    sa.Column("regime", sa.Text, nullable=False),
    sa.Column("framework", sa.Text, nullable=False),
    sa.Column("sector", sa.Text, nullable=False),
    sa.Column("stage", sa.Text),
    sa.Column("next_deadline", sa.Text),  # ISO date, so text order is date order
    sa.Column("next_event", sa.Text),
    # The dates that move a case from planned to on site to reporting as days pass (schema 3),
    # so the list can show today's stage without reading each case. ISO dates.
    sa.Column("on_site_from", sa.Text),
    sa.Column("on_site_to", sa.Text),
    sa.Column("published", sa.Text),
    # Words the list's filter searches beyond the columns: team, identifiers, evidence (schema 4).
    sa.Column("search_text", sa.Text),
    # The provider's nation and local authority: whose working days count a deadline as due soon
    # (schema 5), so the list decides it with the provider's calendar, as the case's events do.
    sa.Column("nation", sa.Text),
    sa.Column("local_authority", sa.Text),
    sa.Column("archived", sa.Integer, nullable=False, default=0),
    sa.Column("version", sa.Integer, nullable=False),  # row version for optimistic concurrency
    sa.Column("data", sa.Text, nullable=False),  # JSON of to_json_data(case_to_data(case))
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.Text, sa.ForeignKey("cases.id"), nullable=False),
    sa.Column("change_id", sa.Text, nullable=False),  # groups the rows of one change
    sa.Column("at", sa.Text, nullable=False),  # UTC, ISO 8601
    sa.Column("who", sa.Text, nullable=False),
    sa.Column("what", sa.Text, nullable=False),  # dotted path, or "case"
    sa.Column("old", sa.Text),  # JSON; NULL when the value was absent
    sa.Column("new", sa.Text),
    sa.Column("version", sa.Integer, nullable=False),  # the case's version after the change
    sa.Column("undo_of", sa.Text),  # the change_id this change undid (schema 2)
    sa.Column("label", sa.Text),  # the caller's words for the change (schema 2)
    sqlite_autoincrement=True,
)


# -- migrations -----------------------------------------------------------------------------------


def _v1_tables(connection: Connection) -> None:
    """Schema 1: cases, audit log, and indexes for listing and history."""
    md = sa.MetaData()
    sa.Table(
        "cases",
        md,
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("provider", sa.Text, nullable=False),
        sa.Column("regime", sa.Text, nullable=False),
        sa.Column("framework", sa.Text, nullable=False),
        sa.Column("sector", sa.Text, nullable=False),
        sa.Column("stage", sa.Text),
        sa.Column("next_deadline", sa.Text),
        sa.Column("next_event", sa.Text),
        sa.Column("archived", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Index("ix_cases_archived_deadline", "archived", "next_deadline"),
        sa.Index("ix_cases_provider", "provider"),
        sa.Index("ix_cases_regime", "regime"),
    )
    sa.Table(
        "audit_log",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Text, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("change_id", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Index("ix_audit_log_case", "case_id", "id"),
        sqlite_autoincrement=True,
    )
    md.create_all(connection)


def _v2_undo(connection: Connection) -> None:
    """Schema 2: undo is recorded as a change of its own (``undo_of``), and changes may carry a label."""
    connection.execute(sa.text("ALTER TABLE audit_log ADD COLUMN undo_of TEXT"))
    connection.execute(sa.text("ALTER TABLE audit_log ADD COLUMN label TEXT"))
    connection.execute(sa.text("CREATE INDEX ix_audit_log_undo_of ON audit_log (case_id, undo_of)"))


def _v3_stage_dates(connection: Connection) -> None:
    """Schema 3: the inspection's start, end and publication dates as columns, filled from each case."""
    for column in ("on_site_from", "on_site_to", "published"):
        connection.execute(sa.text(f"ALTER TABLE cases ADD COLUMN {column} TEXT"))
    rows = connection.execute(sa.text("SELECT id, data FROM cases")).all()
    for case_id, data in rows:
        inspection = json.loads(data).get("inspection", {})
        connection.execute(
            sa.text("UPDATE cases SET on_site_from = :start, on_site_to = :end, published = :published WHERE id = :id"),
            {"start": inspection.get("start"), "end": inspection.get("end"), "published": inspection.get("published"), "id": case_id},
        )


def _v4_search_text(connection: Connection) -> None:
    """Schema 4: the words the list's filter searches (team, identifiers, evidence), from each case."""
    from .search import search_text  # derived data, rewritten on every save

    connection.execute(sa.text("ALTER TABLE cases ADD COLUMN search_text TEXT"))
    for case_id, data in connection.execute(sa.text("SELECT id, data FROM cases")).all():
        connection.execute(
            sa.text("UPDATE cases SET search_text = :text WHERE id = :id"),
            {"text": search_text(json.loads(data)), "id": case_id},
        )


def _v5_provider_place(connection: Connection) -> None:
    """Schema 5: the provider's nation and local authority as columns, filled from each case."""
    connection.execute(sa.text("ALTER TABLE cases ADD COLUMN nation TEXT"))
    connection.execute(sa.text("ALTER TABLE cases ADD COLUMN local_authority TEXT"))
    for case_id, data in connection.execute(sa.text("SELECT id, data FROM cases")).all():
        provider = json.loads(data).get("provider", {})
        connection.execute(
            sa.text("UPDATE cases SET nation = :nation, local_authority = :local_authority WHERE id = :id"),
            {"nation": provider.get("nation", "england"), "local_authority": provider.get("local_authority", ""), "id": case_id},
        )


Migration = Callable[[Connection], None]

#: (version reached, step), in order. Append only; never edit a released step.
MIGRATIONS: list[tuple[int, Migration]] = [
    (1, _v1_tables),
    (2, _v2_undo),
    (3, _v3_stage_dates),
    (4, _v4_search_text),
    (5, _v5_provider_place),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(connection: Connection) -> int | None:
    """The stored schema version; None if the table is missing (a new file, or not a casebook)."""
    if not sa.inspect(connection).has_table("schema_version"):
        return None
    return connection.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()


def checked_version(connection: Connection, place) -> int | None:
    """The casebook's schema version (None: a new, empty database); refuses another program's
    database and one written by a newer inspectorate."""
    from .errors import CasebookError, SchemaTooNewError

    found = current_version(connection)
    if found is None:
        tables = sa.inspect(connection).get_table_names()
        if tables:
            kind = "a SQLite database" if connection.dialect.name == "sqlite" else "a database"
            raise CasebookError(
                f"{place} is not an inspectorate casebook: it is {kind} with other "
                f"tables ({', '.join(sorted(tables)[:5])}) and no schema_version"
            )
    elif found > SCHEMA_VERSION:
        raise SchemaTooNewError(place, found, SCHEMA_VERSION)
    return found


def steps_after(from_version: int) -> list[tuple[int, str]]:
    """The steps migrating from ``from_version`` would take: (version reached, what it does)."""
    return [(v, (step.__doc__ or "").strip().splitlines()[0]) for v, step in MIGRATIONS if v > from_version]


def migrate(connection: Connection, from_version: int) -> int:
    """Apply every step after ``from_version`` on ``connection`` (inside the caller's transaction)."""
    if from_version == 0:
        schema_version.create(connection, checkfirst=True)
    for version, step in MIGRATIONS:
        if version > from_version:
            step(connection)
    connection.execute(sa.delete(schema_version))
    connection.execute(sa.insert(schema_version).values(version=SCHEMA_VERSION))
    return SCHEMA_VERSION
