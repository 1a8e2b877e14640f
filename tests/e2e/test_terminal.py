"""The real program in a real terminal: tmux types the keys and reads the screen back.

Start ``inspectorate --demo --casebook F``, open a case, change a judgement, see the rules'
finding appear, quit, start again on the same file, and see the change kept; type into a field
and quit at once, and find the text kept; switch tabs with the focus in a field and find the field
as it was; compare a case with the other regime and stack the columns; two people in two terminals
on one casebook file, each seeing the other's edit without a restart.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)"),
]

SCHOOL = "Ysgol Gynradd Heol Fawr"  # a demo case: Estyn CIF 2010, judged unsatisfactory


class Terminal:
    def __init__(self, name: str, env: dict[str, str]):
        self.name = name
        self.env = env

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True, env=self.env).stdout

    def start(self, command: list[str]) -> None:
        self.tmux("new-session", "-d", "-s", self.name, "-x", "140", "-y", "40", " ".join(command))

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)
        time.sleep(0.3)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear on the screen:\n{self.screen()}")

    def settle(self, still: float = 0.6, timeout: float = 30.0) -> str:
        """The screen once it has stopped changing, as a person waits for it before the next key
        (on a loaded machine a key sent earlier can reach a widget before its focus has been drawn)."""
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.2)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= still:
                break
        return last

    def running(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name], capture_output=True, env=self.env).returncode == 0

    def stop(self) -> None:
        if self.running():
            self.tmux("kill-session", "-t", self.name)


def _program() -> list[str]:
    script = Path(sys.executable).with_name("inspectorate")
    return [str(script)] if script.exists() else [sys.executable, "-m", "inspectorate.cli"]


@pytest.fixture
def terminal(tmp_path):
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no one's own keymap or theme
        "TERM": "xterm-256color",
        "TMUX_TMPDIR": str(tmp_path),  # a tmux server of the test's own
    }
    env.pop("TMUX", None)
    # The size is the terminal's, not the test runner's (pytest-xdist's workers set these to 80x24).
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    term = Terminal(f"inspectorate-e2e-{uuid.uuid4().hex[:8]}", env)
    yield term
    term.stop()
    subprocess.run(["tmux", "kill-server"], capture_output=True, env=env)


def _open_the_school(term: Terminal) -> None:
    term.wait_for("cases ·")
    term.keys("/")
    term.keys("heol fawr", literal=True)
    term.wait_for("1 of ")
    term.keys("Enter")  # from the filter to the list
    term.keys("Enter")  # open the case
    term.wait_for("Recommendations")  # the case screen's tabs
    term.keys("F9")  # the Judgements tab; the first area's grade has the focus
    term.wait_for("What the rules find")


def test_change_a_judgement_see_the_finding_quit_and_find_it_kept(terminal, tmp_path):
    casebook = tmp_path / "demo.sqlite"
    command = [*_program(), "--demo", "--casebook", str(casebook)]
    terminal.start(command)
    _open_the_school(terminal)
    assert "▲ warning" not in terminal.screen()  # the calls' own words may say "many strengths"

    # Current performance is unsatisfactory; open its list and go up to Excellent.
    terminal.settle()
    terminal.keys("Enter")
    terminal.wait_for("Excellent")  # the list is open
    terminal.keys("Up")
    terminal.keys("Up")
    terminal.keys("Up")
    terminal.keys("Enter")
    # The rules would cap it at good without many strengths, so the reason is asked first.
    terminal.wait_for("Why")
    terminal.keys("Outstanding recovery since the monitoring visit", literal=True)
    terminal.keys("Enter")
    terminal.wait_for("Overridden from")  # the judgement, and then the rules' panel, redrawn
    screen = terminal.settle()
    assert "many strengths" in screen and "▲ warning" in screen, screen

    terminal.keys("C-q")
    deadline = time.monotonic() + 15
    while terminal.running() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not terminal.running(), "ctrl+q did not quit (and must never ask to save)"

    terminal.start(command)
    _open_the_school(terminal)
    screen = terminal.wait_for("Excellent")
    assert "Overridden from" in screen and "▲ warning" in screen


def test_text_typed_then_ctrl_q_is_kept_and_tab_keys_never_type_into_a_field(terminal, tmp_path):
    command = [*_program(), "--demo", "--casebook", str(tmp_path / "demo.sqlite")]
    renamed = f"{SCHOOL} Annex"
    terminal.start(command)
    _open_the_school(terminal)
    _to_details(terminal)  # Details: the provider's name has the focus
    terminal.settle()  # its text selected, as the focus leaves it
    terminal.keys("End")  # after what the field holds
    terminal.keys(" Annex", literal=True)
    terminal.wait_for(renamed)  # on the screen, as a person sees it before quitting
    terminal.keys("C-q")  # at once, without leaving the field
    _wait_until_gone(terminal)

    terminal.start(command)
    _open_the_school(terminal)  # the filter still finds it by "heol fawr"
    _to_details(terminal)
    terminal.wait_for(renamed)
    # Every tab key, and next and previous, with the focus in the provider's name.
    for key in ("F8", "F7", "F9", "F7", "F10", "F7", "F11", "F7", "F12", "F7", "C-NPage", "C-PPage"):
        terminal.keys(key)
    screen = terminal.wait_for("Reporting inspector")
    typed_into = re.search(rf"{re.escape(renamed)}\S|\S{re.escape(renamed)}", screen)
    assert renamed in screen and not typed_into, screen
    _quit(terminal)
    terminal.start(command)
    _open_the_school(terminal)
    _to_details(terminal)
    screen = terminal.wait_for(renamed)
    assert not re.search(rf"{re.escape(renamed)}\S", screen), screen


def _to_details(term: Terminal) -> None:
    """F7 to the Details tab, sent as soon as Judgements is drawn (it must stay in view)."""
    term.keys("F7")
    term.wait_for("Reporting inspector")


def _wait_until_gone(term: Terminal) -> None:
    deadline = time.monotonic() + 15
    while term.running() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not term.running(), "ctrl+q did not quit"


def _quit(term: Terminal) -> None:
    term.keys("C-q")
    deadline = time.monotonic() + 15
    while term.running() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not term.running()


def test_a_throwaway_demo_leaves_nothing_and_plain_start_opens_the_own_casebook(terminal, tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    terminal.env["TMPDIR"] = str(scratch)
    terminal.env["XDG_DATA_HOME"] = str(tmp_path / "data")
    terminal.env.pop("INSPECTORATE_CASEBOOK", None)
    terminal.start([*_program(), "--demo"])
    shown = re.search(r"(\d+) cases ·", terminal.wait_for("cases ·"))
    assert shown and int(shown.group(1)) >= 12  # the demo's sample cases
    _quit(terminal)
    assert list(scratch.iterdir()) == []  # the demo casebook went with the app

    terminal.start(_program())
    assert "0 cases" in terminal.wait_for("cases ·")
    _quit(terminal)
    own = tmp_path / "data" / "inspectorate" / "casebook.sqlite"
    assert own.exists() and own.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_compare_the_school_with_ofsted_then_stack_the_regimes(terminal, tmp_path):
    terminal.start([*_program(), "--demo", "--casebook", str(tmp_path / "demo.sqlite")])
    _open_the_school(terminal)
    terminal.keys("c")
    screen = terminal.wait_for("rows differ")  # the status line, once the comparison is drawn
    # Every other regime loaded, Ofsted among them: the title may wrap or be cut short.
    assert re.search(r"compared\s+with\s", screen), screen
    assert "(recorded)" in screen and "≠" in screen and "side by side" in screen
    terminal.keys("l")
    screen = terminal.wait_for("stacked")
    # Stacked: each regime's cell on a line of its own under the row's label.
    assert re.search(r"^\s+Estyn · estyn-cif-2010 \(recorded\):", screen, re.MULTILINE), screen
    terminal.keys("Escape")
    terminal.wait_for("What the rules find")
    _quit(terminal)


def test_two_people_on_one_casebook_file_see_each_others_edits_without_a_restart(terminal, tmp_path):
    """Ann and Bob, each in a terminal of their own, on the same casebook file."""
    casebook = tmp_path / "team.sqlite"
    for person in ("ann", "bob"):
        folder = tmp_path / person / "inspectorate"
        folder.mkdir(parents=True)
        (folder / "config.toml").write_text(f'name = "{person.capitalize()} Jones"\n')
    bob = Terminal(f"{terminal.name}-bob", terminal.env)
    try:
        terminal.start(["env", f"XDG_CONFIG_HOME={tmp_path / 'ann'}", *_program(), "--demo", "--casebook", str(casebook)])
        terminal.wait_for("cases ·")  # the demo cases are in the file before Bob opens it
        bob.start(["env", f"XDG_CONFIG_HOME={tmp_path / 'bob'}", *_program(), "--casebook", str(casebook)])
        _open_the_school(bob)
        _to_details(bob)  # the provider's name has the focus, all of it selected
        bob.keys(f"{SCHOOL} Annex", literal=True)
        bob.keys("Enter")
        bob.wait_for("version 2")

        terminal.wait_for(f"{SCHOOL} Annex")  # in Ann's list, open all along
        _open_the_school(terminal)
        _to_details(terminal)
        bob.keys(" Two", literal=True)
        bob.keys("Enter")
        terminal.wait_for(f"{SCHOOL} Annex Two")  # in Ann's open case, without reopening it
        screen = terminal.wait_for("Bob Jones at")  # the notice, drawn just after the case
        assert "Changed by a colleague" in screen, screen
        assert "version 3" in screen
    finally:
        bob.stop()
