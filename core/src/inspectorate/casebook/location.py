"""Where the casebook and the configuration live unless the person says otherwise.

Precedence for the casebook: what the caller passes (the CLI's ``--casebook``), then the
``INSPECTORATE_CASEBOOK`` environment variable, then ``casebook = "…"`` in ``config.toml``, then
the platform's per-user data directory. Each may be a file path or a ``postgresql://`` URL.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from .errors import CasebookError

if TYPE_CHECKING:
    import sqlalchemy as sa

APP_NAME = "inspectorate"
ENV_VAR = "INSPECTORATE_CASEBOOK"
FILE_NAME = "casebook.sqlite"
LOG_NAME = "problems.log"

#: "scheme:/..." or "scheme://...": a URL, not a file name (two letters or more, so not "C:/").
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):/")
SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def default_casebook_path() -> Path:
    """``$INSPECTORATE_CASEBOOK`` if it is a file path, else ``<user data dir>/inspectorate/casebook.sqlite``."""
    override = os.environ.get(ENV_VAR)
    if override and not is_url(override):
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME) / FILE_NAME


def resolve_casebook_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The caller's path if given, else :func:`default_casebook_path`."""
    if path is not None and str(path) != "":
        return Path(path).expanduser()
    return default_casebook_path()


def is_url(text: str) -> bool:
    return bool(_URL.match(str(text)))


def resolve_casebook(chosen=None) -> Path | sa.URL:
    """The casebook to open: a file's path, or a server's URL (see the module's precedence).

    A URL of a scheme other than PostgreSQL's (or ``sqlite:///FILE``) is refused in words, with
    any password in it hidden.
    """
    if chosen is not None and not isinstance(chosen, (str, os.PathLike)):
        return chosen  # a URL already
    for value in (chosen, os.environ.get(ENV_VAR)):
        if value is not None and str(value) != "":
            return _target(value)
    from .settings import person_settings

    configured = person_settings().casebook
    if configured:
        return _target(configured)
    return platformdirs.user_data_path(APP_NAME) / FILE_NAME


def _target(value) -> Path | sa.URL:
    if isinstance(value, os.PathLike) or not is_url(value):
        return Path(value).expanduser()
    match = _URL.match(value)
    assert match is not None  # is_url() said it matches
    scheme = match.group(1).lower()
    if scheme in (*SERVER_SCHEMES, "sqlite"):
        import sqlalchemy as sa

        try:
            url = sa.make_url(value)
        except sa.exc.ArgumentError as error:
            raise CasebookError(f"{hide_password(value)} is not a URL inspectorate can read ({error})") from None
        if scheme == "sqlite":
            if not url.database:
                raise CasebookError(f"{hide_password(value)} names no file: write sqlite:///PATH, or the path alone")
            return Path(url.database).expanduser()
        return url
    raise CasebookError(
        f"{hide_password(value)} is not a casebook inspectorate can open: the scheme {scheme!r} is not known; "
        "give a file path or a postgresql:// URL"
    )


def hide_password(text: str) -> str:
    """The URL with any password in it replaced by ``***``."""
    return re.sub(r"^([^:/]+://[^:/@]*):[^@/]*@", r"\1:***@", str(text))


def describe(target) -> str:
    """A casebook's place as it may be printed (a URL without its password)."""
    if isinstance(target, Path):
        return str(target)
    return target.render_as_string(hide_password=True)


def config_dir() -> Path:
    """The per-user configuration directory (not created here)."""
    return platformdirs.user_config_path(APP_NAME)


def log_path() -> Path:
    """``<user data dir>/inspectorate/problems.log``: what went wrong unexpectedly, for a bug report.

    Always the platform's data directory, even with another casebook chosen, so a demo casebook
    deleted on quitting does not take the record with it.
    """
    return platformdirs.user_data_path(APP_NAME) / LOG_NAME
