"""The app in a real browser: ``inspectorate serve`` on a free port, Debian's Chromium driven by
Playwright opens the page, the casebook's rows appear, a filter typed in the page narrows them,
and a screenshot is taken. Once on a demo casebook in a file, once on a PostgreSQL server whose
URL carries a password (which nothing printed may show).

xterm.js, which draws the terminal in the page, paints on a canvas; its screen-reader mode writes
the same rows as text in the page as well. textual-serve does not turn that mode on, so the test
turns it on in the page's script as it is served, and reads the rows from that text.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)"),
]

SCHOOL = "Ysgol Gynradd Heol Fawr"  # a demo case
OTHER = "Riverside College"  # another
#: Where xterm.js's options are made in textual-serve's page script: screen-reader mode added.
TERMINAL_OPTIONS = "scrollback:0,"
ROWS_AS_TEXT = "(document.querySelector('.xterm-accessibility-tree') || {}).innerText || ''"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serve(tmp_path):
    """serve(*args) -> (url, what it printed): ``inspectorate serve`` running until the test ends."""
    runs: list[subprocess.Popen] = []

    def start(*args: str) -> tuple[str, str]:
        port = _free_port()
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
        run = subprocess.Popen([sys.executable, "-m", "inspectorate.cli", "serve", "--port", str(port), *args],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)  # fmt: skip
        runs.append(run)
        printed = ""
        deadline = time.monotonic() + 60
        while "Serving" not in printed and time.monotonic() < deadline and run.poll() is None:
            printed += run.stdout.readline()
        assert "Serving" in printed, f"serve did not start:\n{printed}"
        return f"http://127.0.0.1:{port}/", printed

    yield start
    for run in runs:
        run.terminate()  # textual-serve stops on SIGTERM, and each app with it
        try:
            run.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            run.kill()
            run.communicate()


def _served_with_rows_as_text(route) -> None:
    response = route.fetch()
    script = response.text()
    assert TERMINAL_OPTIONS in script, "textual-serve's page script changed: the terminal's options were not found"
    route.fulfill(response=response, body=script.replace(TERMINAL_OPTIONS, TERMINAL_OPTIONS + "screenReaderMode:!0,", 1))


def _wait_for_rows(page, shown: str, gone: str | None = None, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = page.evaluate(ROWS_AS_TEXT)
        if shown in text and (gone is None or gone not in text):
            return text
        time.sleep(0.25)
    raise AssertionError(f"{shown!r} did not appear{f' without {gone!r}' if gone else ''} in the page:\n{text}")


def _browse(url: str, screenshot: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")
    with sync_api.sync_playwright() as playwright:
        args = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium's sandbox refuses root
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route("**/*", lambda route: route.abort() if not route.request.url.startswith(url) else route.fallback())
            page.route("**/static/js/textual.js", _served_with_rows_as_text)  # web fonts and the like: no network
            page.goto(url)
            rows = _wait_for_rows(page, SCHOOL)
            assert OTHER in rows and "inspectorate" in rows  # the casebook's list, not one case
            page.focus(".xterm-helper-textarea")  # where xterm.js takes the keys (a click on the terminal does this)
            # The list's own keys in the footer: the page has given the app the focus back, and the
            # list has it (until then the footer can still show what it drew before the page let go).
            _wait_for_rows(page, "⏎ Open")
            page.keyboard.press("/")
            _wait_for_rows(page, "/ Filter", gone="⏎ Open")  # the footer of the filter box: it has the focus
            page.keyboard.type("Heol", delay=50)
            _wait_for_rows(page, SCHOOL, gone=OTHER)  # the key reached the app: the filter narrowed the rows
            page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1280, 800)


def test_the_demo_casebook_in_a_browser(serve, tmp_path):
    url, printed = serve("--demo", "--casebook", str(tmp_path / "demo casebook.sqlite"))
    assert f"Serving inspectorate on {url.rstrip('/')} (casebook: {tmp_path / 'demo casebook.sqlite'})" in printed
    assert "warning" not in printed  # this machine only: nothing to warn about
    _browse(url, tmp_path / "casebook.png")


def test_a_server_casebook_in_a_browser_with_its_password_never_printed(serve, postgres, tmp_path):
    from inspectorate.casebook import Casebook
    from inspectorate.plugins import default_host
    from inspectorate_tui.demo import seed

    from tests.conftest import new_server_casebook

    url = new_server_casebook(postgres)
    with Casebook.open(url) as book:
        seed(book, default_host(), dt.date.today())
    with_password = url.replace("inspectorate@", "inspectorate:hunter2@")  # the cluster trusts: it is ignored
    page, printed = serve("--casebook", with_password)
    assert "(casebook: postgresql://inspectorate:***@/postgres" in printed
    _browse(page, tmp_path / "casebook.png")
    assert "hunter2" not in printed
