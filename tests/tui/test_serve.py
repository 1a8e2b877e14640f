"""``inspectorate serve``: the command line each browser's app is started with, the casebook it
is given, the warning when other machines can reach it, and no password in anything printed.
(The page itself in a real browser: tests/e2e/test_browser.py.)"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from inspectorate.casebook import Casebook, CasebookError
from inspectorate.casebook.location import ENV_VAR
from inspectorate.model import Case, Provider
from inspectorate_tui.serving import is_local, served, unguarded_warning

from tests.support import ROOT


def test_a_file_casebook_reaches_the_app_through_a_shell_whatever_its_name(tmp_path):
    awkward = tmp_path / "Ann's cases $HOME; rm -rf x" / "team `book`.sqlite"
    awkward.parent.mkdir()
    with Casebook.open(awkward) as book:
        book.add(Case(Provider(name="Ysgol Bryn Aber", sector="school", nation="wales"), "estyn", "estyn-2024"))
    what = served(awkward, demo=False)
    assert what.environment == {} and what.casebook == str(awkward)
    # the app's own command line, run by a shell as textual-serve runs it, with `list` after it
    listed = subprocess.run(what.command + " list", shell=True, capture_output=True, text=True, timeout=60, cwd="/")
    assert listed.returncode == 0, listed.stderr
    assert "Ysgol Bryn Aber" in listed.stdout
    assert sorted(p.name for p in awkward.parent.iterdir()) == ["team `book`.sqlite"]  # no other file made


def test_a_relative_file_is_given_to_the_app_as_an_absolute_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    what = served(Path("cases.sqlite"), demo=True)
    assert shlex.split(what.command)[-3:] == ["--demo", "--casebook", str(tmp_path / "cases.sqlite")]


def test_a_server_url_goes_in_the_environment_and_is_shown_without_its_password():
    url = sa.make_url("postgresql://ann:hunter2@db.example.org/team")
    what = served(url, demo=False)
    assert "hunter2" not in what.command and "db.example.org" not in what.command  # `ps` shows a command line
    assert what.environment == {ENV_VAR: "postgresql://ann:hunter2@db.example.org/team"}
    assert what.casebook == "postgresql://ann:***@db.example.org/team"


def test_the_demo_alone_gives_each_browser_a_throwaway_casebook_and_refuses_a_server():
    what = served(None, demo=True)
    assert shlex.split(what.command)[1:] == ["-m", "inspectorate.cli", "--demo"]
    assert what.casebook == "a new demo casebook for each browser"
    with pytest.raises(CasebookError, match=r"--demo keeps its sample cases in a file, not on postgresql://ann:\*\*\*@"):
        served(sa.make_url("postgresql://ann:hunter2@db.example.org/team"), demo=True)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST", "::1", "[::1]"])
def test_this_machine_alone_is_served_without_a_warning(host):
    assert is_local(host) and unguarded_warning(host) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "inspect.example.org"])
def test_any_other_address_warns_that_there_is_no_login(host):
    warning = unguarded_warning(host)
    assert f"serving on {host}, which other machines can reach" in warning
    assert "has no login of its own" in warning and "docs/team-casebook.md" in warning
    assert (ROOT / "docs" / "team-casebook.md").is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(*args: str, env: dict) -> tuple[subprocess.Popen, str]:
    """Start ``inspectorate serve`` and return it with what it printed up to its "Serving" line."""
    run = subprocess.Popen([sys.executable, "-m", "inspectorate.cli", "serve", *args], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, env={**os.environ, **env})  # fmt: skip
    printed = ""
    deadline = time.monotonic() + 60
    while "Serving" not in printed and time.monotonic() < deadline and run.poll() is None:
        printed += run.stdout.readline()
    return run, printed


def test_serve_on_every_address_warns_and_shows_no_password(postgres, tmp_path):
    from tests.conftest import new_server_casebook

    url = new_server_casebook(postgres).replace("inspectorate@", "inspectorate:hunter2@")  # trusted: ignored
    run, printed = _serve("--host", "0.0.0.0", "--port", str(_free_port()), "--casebook", url,
                          env={"XDG_CONFIG_HOME": str(tmp_path)})  # fmt: skip
    try:
        assert "Serving inspectorate on http://0.0.0.0:" in printed, printed
        assert "inspectorate: warning: serving on 0.0.0.0, which other machines can reach" in printed
        assert "postgresql://inspectorate:***@/postgres" in printed
    finally:
        run.terminate()
        rest = run.communicate(timeout=30)[0]
    assert "hunter2" not in printed + rest


@pytest.mark.parametrize("chosen_by", ["environment", "config", "before the command"])
def test_serve_takes_the_casebook_the_other_commands_would(chosen_by, tmp_path):
    book = tmp_path / "inspectorate" / "team book.sqlite"
    book.parent.mkdir()
    env, before = {"XDG_CONFIG_HOME": str(tmp_path)}, []
    if chosen_by == "environment":
        env[ENV_VAR] = str(book)
    elif chosen_by == "config":
        (tmp_path / "inspectorate" / "config.toml").write_text('casebook = "team book.sqlite"\n')  # beside the file
    else:
        before = ["--casebook", str(book)]
    run = subprocess.Popen([sys.executable, "-m", "inspectorate.cli", *before, "serve", "--port", str(_free_port())],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, **env})  # fmt: skip
    try:
        first = run.stdout.readline()
    finally:
        run.terminate()
        run.communicate(timeout=30)
    assert f"(casebook: {book})" in first, first
    assert book.is_file()  # opened (and so checked) before serving


def test_serve_refuses_an_unreachable_casebook_before_serving(cli, tmp_path):
    result = cli("serve", "--port", str(_free_port()), "--casebook", "postgresql://ann:hunter2@/team?host=/nonexistent")
    assert result.returncode == 1
    assert result.stderr.startswith("inspectorate: error: cannot reach the casebook on postgresql://ann:***@/team")
    assert "hunter2" not in result.stderr + result.stdout and "Serving" not in result.stdout


def test_an_empty_host_is_refused(cli):
    result = cli("serve", "--host", " ")
    assert result.returncode == 2 and "Invalid value for '--host': give an address to listen on" in result.stderr


def test_a_port_already_taken_is_one_line(cli, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "--demo", "--port", str(port))
    assert result.returncode == 1 and "Serving" not in result.stdout
    assert result.stderr == (f"inspectorate: error: cannot listen on 127.0.0.1 port {port}: Address already in use; "
                             "choose another --port or --host\n")  # fmt: skip


def test_behind_a_proxy_the_page_finds_its_scripts_and_websocket_through_the_public_url(tmp_path):
    import urllib.request

    port = _free_port()
    run, printed = _serve("--demo", "--port", str(port), "--public-url", "https://inspect.example.org/",
                          env={"XDG_CONFIG_HOME": str(tmp_path)})  # fmt: skip
    try:
        assert "Serving inspectorate on https://inspect.example.org (casebook:" in printed, printed
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).read().decode()
    finally:
        run.terminate()
        run.communicate(timeout=30)
    assert 'data-session-websocket-url="wss://inspect.example.org/ws"' in page
    assert 'src="https://inspect.example.org/static/js/textual.js"' in page
