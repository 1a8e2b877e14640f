"""The casebook: every case, in a SQLite file or on a PostgreSQL server through SQLAlchemy Core,
with an audit log.

Modules: :mod:`.store` (the :class:`Casebook`, the same on both), :mod:`.sqlite_file` and
:mod:`.server` (each backend's policy), :mod:`.schema` (tables and migrations), :mod:`.upkeep`
(status, migrate, copy), :mod:`.diff` (changed paths for the audit log and undo), :mod:`.undo`
(what undo and redo revert), :mod:`.location` (where it lives), :mod:`.settings` (the person's
name and casebook in config.toml), :mod:`.errors`.
"""

from typing import TYPE_CHECKING

from .errors import CasebookError, CaseNotFound, NothingToRedo, NothingToUndo, SchemaTooNewError, StaleWriteError
from .location import config_dir, default_casebook_path, describe, log_path, resolve_casebook, resolve_casebook_path

if TYPE_CHECKING:
    from .schema import SCHEMA_VERSION
    from .store import AuditEntry, Casebook, CaseRow, StoredCase

#: Names whose modules import SQLAlchemy (a third of a second): loaded on first use, so a
#: command or screen that only needs a path or an error class starts without it.
_LAZY = {"SCHEMA_VERSION": "schema", "AuditEntry": "store", "Casebook": "store", "CaseRow": "store", "StoredCase": "store"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "SCHEMA_VERSION",
    "AuditEntry",
    "CaseNotFound",
    "CaseRow",
    "Casebook",
    "CasebookError",
    "NothingToRedo",
    "NothingToUndo",
    "SchemaTooNewError",
    "StaleWriteError",
    "StoredCase",
    "config_dir",
    "default_casebook_path",
    "describe",
    "log_path",
    "resolve_casebook",
    "resolve_casebook_path",
]
