"""``inspectorate serve``: the terminal app in a browser, through textual-serve.

Each browser that opens the page gets an app process of its own, started from a shell command
line; every path in that line is quoted for the shell. A server casebook's URL goes to those
processes in ``INSPECTORATE_CASEBOOK`` rather than on the command line, where ``ps`` would show
its password to anyone on the machine; nothing printed here shows a password.

Importing this module imports neither Textual nor textual-serve.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import socket
import sys
from pathlib import Path

from attrs import frozen
from inspectorate.casebook import CasebookError, describe
from inspectorate.casebook.location import ENV_VAR

#: Where putting ``serve`` behind a reverse proxy with a login is explained.
PROXY_DOCS = "docs/team-casebook.md, section 'In a browser'"


@frozen
class Served:
    """What each browser's app process is started with."""

    command: str
    #: Set in the environment the app processes inherit (a server's URL, password and all).
    environment: dict[str, str]
    #: The casebook as it may be printed: a file's path, a URL without its password, or the demo.
    casebook: str


def served(target: Path | object | None, demo: bool, hook_budget: float | None = None) -> Served:
    """The app's command line for ``target`` (a file's Path or a server's URL; None with ``demo``
    alone: a throwaway demo casebook for each browser)."""
    command = [sys.executable, "-m", "inspectorate.cli"]
    if hook_budget is not None:
        command += ["--hook-budget", repr(hook_budget)]
    environment: dict[str, str] = {}
    if demo:
        command.append("--demo")
    if isinstance(target, Path):
        target = target.expanduser().resolve()  # the app processes may start in another folder
        command += ["--casebook", str(target)]
    elif target is not None:
        if demo:
            raise CasebookError(f"--demo keeps its sample cases in a file, not on {describe(target)}: give a file path")
        environment[ENV_VAR] = target.render_as_string(hide_password=False)
    shown = describe(target) if target is not None else "a new demo casebook for each browser"
    return Served(shlex.join(command), environment, shown)


def is_local(host: str) -> bool:
    """Whether only this machine can reach ``host`` (a loopback address or ``localhost``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to any address


def unguarded_warning(host: str) -> str | None:
    """What to say when ``host`` lets other machines in: the app has no login of its own."""
    if is_local(host):
        return None
    return (
        f"serving on {host}, which other machines can reach: inspectorate serve has no login of its own, "
        f"so anyone who reaches it can read and change the casebook; put it behind the team's reverse "
        f"proxy with a login ({PROXY_DOCS})"
    )


class CannotListen(Exception):
    pass


def check_free(host: str, port: int) -> None:
    """Refuse in words, before anything is printed as served, an address that cannot be listened on."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself will
            probe.bind((host.strip("[]"), port))
    except OSError as error:
        reason = error.strerror or str(error)
        raise CannotListen(f"cannot listen on {host} port {port}: {reason}; choose another --port or --host") from None


def serve(what: Served, host: str, port: int, public_url: str | None, say) -> None:
    """Serve until interrupted (call :func:`check_free` first); ``say`` prints a line (the casebook
    shown without a password)."""
    from textual_serve.server import Server

    class AppServer(Server):
        async def on_startup(self, app) -> None:  # textual-serve's own prints the command line
            pass

        def serve(self, debug: bool = False) -> None:
            """textual-serve's own, saying where it serves once it listens (aiohttp calls
            ``print`` after binding; textual-serve's on_startup runs before, too soon)."""
            import asyncio
            import signal

            from aiohttp import web

            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            for number in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(number, self.request_exit)
            web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                        print=lambda _text: say(f"Serving inspectorate on {self.public_url} (casebook: {what.casebook}); "
                                                "ctrl+c stops it"))  # fmt: skip

    if public_url is None:  # the page's links and websocket point here
        public_url = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    os.environ.update(what.environment)  # each app process inherits this process's environment
    AppServer(what.command, host=host, port=port, title="inspectorate", public_url=public_url.rstrip("/")).serve()
