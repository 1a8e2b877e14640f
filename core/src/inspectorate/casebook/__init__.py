"""The casebook: every case on this machine, in SQLite through SQLAlchemy Core, with an audit log.

Modules: :mod:`.store` (the :class:`Casebook`), :mod:`.schema` (tables and migrations),
:mod:`.diff` (changed paths for the audit log and undo), :mod:`.location` (where it lives),
:mod:`.errors`.
"""

from .errors import CasebookError, CaseNotFound, NothingToUndo, SchemaTooNewError, StaleWriteError
from .location import config_dir, default_casebook_path, resolve_casebook_path
from .schema import SCHEMA_VERSION
from .store import AuditEntry, Casebook, CaseRow, StoredCase

__all__ = [
    "SCHEMA_VERSION",
    "AuditEntry",
    "CaseNotFound",
    "CaseRow",
    "Casebook",
    "CasebookError",
    "NothingToUndo",
    "SchemaTooNewError",
    "StaleWriteError",
    "StoredCase",
    "config_dir",
    "default_casebook_path",
    "resolve_casebook_path",
]
