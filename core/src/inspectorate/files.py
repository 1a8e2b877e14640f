"""Writing a person's file safely: every file the program writes goes through here.

- **What may be written over.** A missing file, or an existing regular file when the caller says
  so (``--force``; a confirmation in the app). Never, even so: a folder, a link, a device or any
  other thing that is not a regular file, a file the command reads from, any SQLite database (a
  casebook, ours or another program's) and a casebook's ``-wal``/``-shm``/``-journal`` files.
- **Who can read it.** Owner only (0600), whatever the umask: inspection evidence is confidential.
- **Whole or not at all.** The text goes to a temporary file beside the target, is flushed to disk,
  then moved into place in one step. While it exists, the temporary file is recorded in the data
  folder, so a later run removes the ones a killed run left behind (:func:`sweep_unfinished`).
- **Errors name the file the person asked for**, never the temporary one, in words.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import socket
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import platformdirs

from inspectorate.casebook.location import APP_NAME

OWNER_ONLY = 0o600
SQLITE_HEADER = b"SQLite format 3\x00"
CASEBOOK_SIDECARS = ("-wal", "-shm", "-journal")
#: A temporary file's name: ``.NAME.<8 hex>.tmp`` beside the target.
TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")
#: A record left by a process on another machine (a shared home folder) is trusted this long.
OTHER_MACHINE_GRACE = 24 * 3600


class OutputError(Exception):
    """The file was not written; the message names it and says why. ``error``: the OSError, if any."""

    def __init__(self, message: str, error: OSError | None = None):
        super().__init__(message)
        self.error = error


class OutputExists(OutputError):
    """The file exists and the caller did not ask to replace it."""


def reason(error: OSError) -> str:
    """What went wrong, in words a person can act on."""
    words = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full ({words})"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"not allowed ({words})"
    if error.errno == errno.EROFS:
        return f"the location is read-only ({words})"
    return words


# -- the rules ------------------------------------------------------------------------------------


def check_target(path: str | os.PathLike, *, replace: bool = False, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Raise :class:`OutputError` if ``path`` must not be written (:class:`OutputExists` if it
    exists and ``replace`` is false); else return it as a Path."""
    path = Path(path)
    refuse = lambda why: OutputError(f"not written to {path}: {why}")  # noqa: E731
    _refuse_casebook_sidecar(path, refuse)
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        folder = path.absolute().parent
        if not folder.is_dir():
            raise refuse(f"the folder {folder} does not exist") from None
        return path
    except OSError as error:
        raise refuse(reason(error)) from error
    if stat.S_ISLNK(found.st_mode):
        raise refuse(f"it is a link (to {os.readlink(path)}); give the path of a file, not of a link")
    if stat.S_ISDIR(found.st_mode):
        raise refuse("it is a folder; give a file name")
    if not stat.S_ISREG(found.st_mode):
        raise refuse(f"it is {_kind(found.st_mode)}, not a file")
    for given in inputs:
        with suppress(OSError):
            if os.path.samefile(given, path):
                raise refuse("it is the file this command reads from; choose another file")
    if _is_database(path, refuse):
        raise refuse("it is a database (an inspectorate casebook, or another program's); choose another file")
    if not replace:
        raise OutputExists(f"{path} already exists")
    return path


def _refuse_casebook_sidecar(path: Path, refuse) -> None:
    for suffix in CASEBOOK_SIDECARS:
        if path.name.endswith(suffix):
            database = path.with_name(path.name.removesuffix(suffix))
            if database.is_file() and _is_database(database, refuse):
                raise refuse(f"SQLite keeps part of the database {database} in it; choose another file")


def _is_database(path: Path, refuse) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError as error:
        raise refuse(f"it cannot be read to check what it is ({reason(error)})") from error


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


# -- writing --------------------------------------------------------------------------------------


@contextmanager
def writing(
    path: str | os.PathLike, *, replace: bool = False, inputs: Iterable[str | os.PathLike] = ()
) -> Iterator[Path]:
    """Check ``path`` (see :func:`check_target`), then give the caller an empty temporary file
    beside it (0600) to write; when the block ends without error it becomes ``path``, else it goes.

    The caller must write to exactly the path it is given. Raises :class:`OutputError` naming
    ``path``.
    """
    target = check_target(path, replace=replace, inputs=inputs)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    record = _record(temp)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, OWNER_ONLY)
        try:
            os.fchmod(fd, OWNER_ONLY)  # exactly 0600 whatever the umask
        finally:
            os.close(fd)
        yield temp
        _settle(temp)
        _publish(temp, target, replace)
    except OSError as error:
        raise OutputError(f"not written to {target}: {reason(error)}", error) from error
    finally:
        for name in (str(temp), *(f"{temp}{suffix}" for suffix in CASEBOOK_SIDECARS)):
            with suppress(OSError):
                os.unlink(name)
        if record is not None:
            with suppress(OSError):
                os.unlink(record)


def write_text(
    path: str | os.PathLike, text: str, *, replace: bool = False, inputs: Iterable[str | os.PathLike] = ()
) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` by the rules above; returns the path."""
    with writing(path, replace=replace, inputs=inputs) as temp, open(temp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return Path(path)


def _settle(temp: Path) -> None:
    """Owner-only and on the disk, whatever the code that wrote it did."""
    if not stat.S_ISREG(os.lstat(temp).st_mode):
        raise OSError(errno.EINVAL, "what was written is not a file")
    fd = os.open(temp, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        os.fchmod(fd, OWNER_ONLY)
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(temp: Path, target: Path, replace: bool) -> None:
    """Move ``temp`` into place; without ``replace``, a file that appeared meanwhile is kept."""
    if replace:
        os.replace(temp, target)
    else:
        try:
            os.link(temp, target)  # fails if the target exists: no window to overwrite it
        except FileExistsError:
            raise OutputExists(f"{target} already exists") from None
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
                raise
            if os.path.lexists(target):  # a file system without hard links: check, then rename
                raise OutputExists(f"{target} already exists") from None
            os.replace(temp, target)
    with suppress(OSError):  # make the new name itself durable
        fd = os.open(target.absolute().parent, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- restricting an existing file -----------------------------------------------------------------


def restrict_to_owner(path: str | os.PathLike) -> int | None:
    """Make ``path`` readable and writable by its owner only; return its old mode if it changed."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077 == 0:
        return None
    os.chmod(path, OWNER_ONLY)
    return mode


# -- temporary files a killed run left behind -----------------------------------------------------


def unfinished_folder() -> Path:
    """Where each write in progress is recorded (one small file each), in the per-user data folder."""
    return platformdirs.user_data_path(APP_NAME) / "unfinished-writes"


def _record(temp: Path) -> Path | None:
    """Note ``temp`` for a later run; best effort (a write does not fail for want of a record)."""
    folder = unfinished_folder()
    record = folder / f"{os.getpid()}-{secrets.token_hex(4)}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(record, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, OWNER_ONLY)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"{socket.gethostname()}\n{temp.absolute()}\n")
    except OSError:
        return None
    return record


def sweep_unfinished() -> list[Path]:
    """Remove the temporary files of writes whose process has ended; return them."""
    removed: list[Path] = []
    try:
        records = list(unfinished_folder().iterdir())
    except OSError:
        return removed
    for record in records:
        try:
            host, temp = record.read_text(encoding="utf-8").splitlines()[:2]
            pid = int(record.name.split("-")[0])
            age = time.time() - record.stat().st_mtime
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        here = host == socket.gethostname()
        if (here and _running(pid)) or (not here and age < OTHER_MACHINE_GRACE):
            continue
        if TEMPORARY.match(Path(temp).name):  # never remove anything but our own temporary files
            for name in (str(temp), *(f"{temp}{suffix}" for suffix in CASEBOOK_SIDECARS)):
                with suppress(FileNotFoundError):
                    os.unlink(name)
                    removed.append(Path(name))
        with suppress(OSError):
            record.unlink()
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
