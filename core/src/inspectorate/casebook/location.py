"""Where the casebook and the configuration live unless the person says otherwise.

Precedence for the casebook: a path the caller passes (the CLI's ``--casebook PATH``), then the
``INSPECTORATE_CASEBOOK`` environment variable, then the platform's per-user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "inspectorate"
ENV_VAR = "INSPECTORATE_CASEBOOK"
FILE_NAME = "casebook.sqlite"
LOG_NAME = "problems.log"


def default_casebook_path() -> Path:
    """``$INSPECTORATE_CASEBOOK`` if set, else ``<user data dir>/inspectorate/casebook.sqlite``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME) / FILE_NAME


def resolve_casebook_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The caller's path if given, else :func:`default_casebook_path`."""
    if path is not None and str(path) != "":
        return Path(path).expanduser()
    return default_casebook_path()


def config_dir() -> Path:
    """The per-user configuration directory (not created here)."""
    return platformdirs.user_config_path(APP_NAME)


def log_path() -> Path:
    """``<user data dir>/inspectorate/problems.log``: what went wrong unexpectedly, for a bug report.

    Always the platform's data directory, even with another casebook chosen, so a demo casebook
    deleted on quitting does not take the record with it.
    """
    return platformdirs.user_data_path(APP_NAME) / LOG_NAME
