"""Writing a file whole or not at all: an interrupted write leaves the last good file in place."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_text_atomically(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` through a file beside it.

    The text goes to a new file in the same folder, is flushed to disk, then renamed over the
    target (:func:`os.replace` is atomic within one file system). A new file gets the usual
    permissions (the process umask applies); an existing one keeps its mode.
    """
    path = Path(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
