"""A warm interpreter that starts each ``inspectorate`` command as a fresh process, by forking.

A test suite runs the real command hundreds of times, and most of each run is Python importing
the same libraries again (SQLAlchemy, ``holidays``, the plugins: about 0.9 s of a 1.2 s
``inspectorate evaluate``). This module keeps one interpreter per test process that has imported
them once and is otherwise idle; each command is a child forked from it that takes the caller's
environment, working folder, standard streams and arguments, runs ``inspectorate.cli`` as
``python -m inspectorate.cli`` would, and exits with its exit code.

What is imported ahead is only libraries and modules that decide nothing from the environment:
the command line itself (``inspectorate.cli``, which asks the installed front ends for commands
as it is imported) is imported afresh in every child. :func:`run_forked` returns None, and the
caller runs a plain subprocess instead, whenever a fork could behave differently: no ``fork``
on this system, a different Python or locale setting in the environment, a ``PYTHONPATH`` entry
holding a module of the same name as one imported ahead, another thread using the interpreter,
or ``INSPECTORATE_TESTS_FRESH_PYTHON=1``.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import locale
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path

#: Set to ``1`` to run every command in a new interpreter, as before.
FRESH_PYTHON = "INSPECTORATE_TESTS_FRESH_PYTHON"

#: Imported ahead: the heavy libraries and the core modules the commands use. Not the command
#: line (see the module's docstring); the installed plugins are added (entry point group). Not
#: WeasyPrint either: it takes two seconds, longer than the few PDF commands a suite runs save.
AHEAD = (
    "click", "attrs", "cattrs", "dateutil", "platformdirs", "pluggy", "holidays", "babel.dates",
    "sqlalchemy", "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql", "psycopg",
    "jinja2", "jinja2.sandbox", "docx", "icalendar", "markdown_it",
    "inspectorate.plugins", "inspectorate.evaluation", "inspectorate.casebook", "inspectorate.casebook.store",
    "inspectorate.exchange", "inspectorate.compare", "inspectorate.drafting", "inspectorate.report_formats",
    "inspectorate.report_formats.word", "inspectorate.ics",
    "inspectorate.agenda", "inspectorate.describe", "inspectorate.user_templates", "inspectorate.importing",
)

#: Set in the environment, these change how an interpreter starts, so a fork cannot stand in.
_STARTUP = ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE")

_MESSAGE = 1 << 20


def _startup_settings(env: Mapping[str, str]) -> dict[str, str]:
    return {key: value for key, value in env.items()
            if (key.startswith("PYTHON") and key != "PYTHONPATH") or key in _STARTUP}


def _path_entries(env: Mapping[str, str]) -> list[str]:
    return [entry for entry in env.get("PYTHONPATH", "").split(os.pathsep) if entry]


# --- the warm interpreter -------------------------------------------------------------------

def _import_ahead() -> list[str]:
    from importlib.metadata import entry_points

    from inspectorate.plugins import ENTRY_POINT_GROUP

    names = [*AHEAD, *(point.module for point in entry_points(group=ENTRY_POINT_GROUP))]
    for name in names:
        with contextlib.suppress(Exception):  # one that cannot be imported is imported by the command, or fails there
            importlib.import_module(name)
    assert "inspectorate.cli" not in sys.modules, "the command line must be imported afresh in each command"
    return sorted({name.split(".")[0] for name in sys.modules})


def _exit_code(code: object) -> int:
    """What Python's own exit makes of ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _command(request: dict, fds: list[int], base_path: list[str]) -> None:
    """In the forked child: become ``python -m inspectorate.cli ARGS`` and exit (never returns)."""
    code = 1
    try:
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.clear()
        os.environ.update(request["env"])
        if request["cwd"]:
            os.chdir(request["cwd"])
        sys.path[:] = [os.getcwd(), *_path_entries(request["env"]), *base_path]
        importlib.invalidate_caches()
        sys.argv = ["-m", *request["args"]]
        try:
            import runpy

            runpy.run_module("inspectorate.cli", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exit_:
            code = _exit_code(exit_.code)
        except BaseException:  # noqa: BLE001 - printed as Python prints an uncaught error
            sys.excepthook(*sys.exc_info())
            code = 1
        # Python's own exit: wait for the other threads, run the exit handlers, flush.
        threading._shutdown()  # type: ignore[attr-defined]
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001 - as Python's exit, which makes it 120
                code = 120
    finally:
        os._exit(code & 0xFF)  # as the system takes it: sys.exit(-1) is 255


def serve(fd: int) -> None:
    """The warm interpreter: import ahead, say so, then fork one child per request until the
    socket closes. Requests are JSON (``args``, ``env``, ``cwd``) with stdin, stdout and stderr
    attached; the replies are ``{"pid": ...}`` then ``{"returncode": ...}``."""
    channel = socket.socket(fileno=fd)
    base_path = sys.path[1 + len(_path_entries(os.environ)):]
    channel.send(json.dumps({"ready": _import_ahead()}).encode())
    while True:
        try:
            message, fds, _flags, _address = socket.recv_fds(channel, _MESSAGE, 3)
        except OSError:
            return
        if not message:
            return
        pid = os.fork()
        if pid == 0:
            channel.close()
            _command(json.loads(message), fds, base_path)
        for descriptor in fds:
            os.close(descriptor)
        channel.send(json.dumps({"pid": pid}).encode())
        _, status = os.waitpid(pid, 0)
        channel.send(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}).encode())


# --- the test process's side ----------------------------------------------------------------

class _Interpreter:
    """The warm interpreter of this process, started on first use."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.environ = dict(os.environ)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "inspectorate.testing.forks", str(theirs.fileno())],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env=self.environ,
        )
        theirs.close()
        self.channel = ours
        self.channel.settimeout(120)
        self.ahead = set(self._receive()["ready"])
        self.lock = threading.Lock()

    def _receive(self, timeout: float | None = None) -> dict:
        if timeout is not None:
            self.channel.settimeout(max(timeout, 0.001))
        message = self.channel.recv(_MESSAGE)
        if not message:
            raise ConnectionError("the warm interpreter stopped")
        return json.loads(message)

    def stands_in_for(self, env: Mapping[str, str]) -> bool:
        """Whether a child of this interpreter starts as a new one with ``env`` would."""
        if _startup_settings(env) != _startup_settings(self.environ):
            return False
        for entry in set(_path_entries(env)) - set(_path_entries(self.environ)):
            with contextlib.suppress(OSError):
                for found in os.listdir(entry):
                    if found.removesuffix(".py") in self.ahead:
                        return False
        return True

    def run(self, args: list[str], env: dict[str, str], cwd: str | None, timeout: float,
            stdout, stderr) -> int | None:
        """The command's exit code; None if no child was started (the interpreter has gone), so
        that the caller may run it afresh. Once a child has started, a failure is raised: the
        command may have saved something, and running it twice could save it twice."""
        request = json.dumps({"args": args, "env": env, "cwd": cwd}).encode()
        try:
            socket.send_fds(self.channel, [request], [0, stdout.fileno(), stderr.fileno()])
            pid = self._receive(timeout=30)["pid"]
        except (OSError, ConnectionError):
            return None
        deadline = time.monotonic() + timeout
        try:
            return self._receive(timeout=deadline - time.monotonic())["returncode"]
        except TimeoutError:
            os.kill(pid, signal.SIGKILL)
            self._receive(timeout=30)
            raise

    def stop(self) -> None:
        self.channel.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        if self.process.poll() is None:
            self.process.kill()


_interpreter: _Interpreter | None = None
_starting = threading.Lock()


def _warm() -> _Interpreter | None:
    global _interpreter
    with _starting:
        if _interpreter is None or _interpreter.process.poll() is not None:
            try:
                _interpreter = _Interpreter()
            except (OSError, ConnectionError, ValueError):
                _interpreter = None
                return None
            atexit.register(_interpreter.stop)
        return _interpreter


def _written(file) -> bytes:
    """What the command wrote to ``file``, from its start."""
    file.seek(0)
    return file.read()


def _decoded(data: bytes) -> str:
    """As ``subprocess.run(..., text=True)`` decodes: the locale's encoding, universal newlines."""
    return data.decode(locale.getpreferredencoding(False)).replace("\r\n", "\n").replace("\r", "\n")


def run_forked(args: list[str], env: dict[str, str], cwd: Path | str | None,
               timeout: float) -> subprocess.CompletedProcess | None:
    """``python -m inspectorate.cli ARGS`` as a child of the warm interpreter, or None when a
    plain subprocess must run it (see the module's docstring)."""
    if env.get(FRESH_PYTHON) == "1" or not hasattr(os, "fork"):
        return None
    interpreter = _warm()
    if interpreter is None or not interpreter.stands_in_for(env) or (cwd is not None and not Path(cwd).is_dir()):
        return None
    if not interpreter.lock.acquire(blocking=False):  # another thread's command is running
        return None
    command = [sys.executable, "-m", "inspectorate.cli", *args]
    try:
        with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
            try:
                returncode = interpreter.run(list(args), env, None if cwd is None else str(cwd), timeout,
                                             stdout, stderr)
            except TimeoutError:
                raise subprocess.TimeoutExpired(command, timeout, _written(stdout), _written(stderr)) from None
            if returncode is None:  # the interpreter has gone: the next command starts another
                interpreter.stop()
                return None
            return subprocess.CompletedProcess(command, returncode, _decoded(_written(stdout)),
                                               _decoded(_written(stderr)))
    finally:
        interpreter.lock.release()


if __name__ == "__main__":
    serve(int(sys.argv[1]))
