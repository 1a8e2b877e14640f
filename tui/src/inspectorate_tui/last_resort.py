"""The last resort: an unexpected exception is told in a line, recorded in a log, and survived.

Textual's own handling ends the app and prints the traceback with its local variables, which put
the case being edited (confidential evidence) on the screen. Here the person reads one line and the
traceback goes to the log in the data directory, for a bug report. Every edit is saved in a
transaction of its own, so nothing half-written is in the casebook: after a failed action or save
the app carries on, the screen in view reading the case back; after anything else (Textual stops
the part of the screen it came from) the app ends, with that line.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from pathlib import Path

from inspectorate import __version__
from inspectorate.casebook import log_path

from inspectorate_tui.words import _


def record(error: BaseException) -> Path | None:
    """Append the traceback (no local variables) to the log; its path, or None if unwritable."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)  # owner only, as the casebook
        with os.fdopen(fd, "a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} inspectorate {__version__}\n")
            log.write("".join(traceback.format_exception(error)))
    except OSError:
        return None
    return path


def _where(path: Path | None) -> str:
    return _("The details are in {path}.", path=path) if path else _("The details could not be written to the log.")


def told(error: BaseException, path: Path | None) -> str:
    """The line the person reads while the app carries on."""
    return (
        _("Something unexpected went wrong ({kind}). Every change saved so far is kept, "
          "and the screen now shows the case as stored. {where}", kind=type(error).__name__, where=_where(path))
    )


def ending(error: BaseException, path: Path | None) -> str:
    """The line printed when the app cannot carry on."""
    return (
        _("inspectorate: stopped after something unexpected went wrong ({kind}); "
          "every change saved so far is kept in the casebook. {where}", kind=type(error).__name__, where=_where(path))
    )
