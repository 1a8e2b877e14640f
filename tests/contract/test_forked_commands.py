"""The test kit's ``run_cli`` forks each command from a warm interpreter: what a person at a shell
sees (exit code, output, errors) is the same as from a new ``python -m inspectorate.cli``, and
where a fork could differ the command runs in a new interpreter instead."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from inspectorate.testing.command import run_cli
from inspectorate.testing.forks import FRESH_PYTHON, run_forked

from tests.support import ROOT, install_fake_plugin

ESTYN = ROOT / "docs" / "examples" / "estyn-2022-safeguarding-concern.toml"

#: Commands whose every printed character is compared: a result, each kind of error, Welsh.
COMMANDS = {
    "evaluate": ["evaluate", str(ESTYN)],
    "evaluate in Welsh": ["evaluate", str(ESTYN), "--lang", "cy"],
    "schedule as JSON": ["schedule", str(ESTYN), "--json"],
    "a missing file": ["evaluate", "no-such-case.toml"],
    "an unknown option": ["frameworks", "--bogus"],
    "an unknown command": ["evalute", str(ESTYN)],
    "a bad date": ["workdays", "2026-02-30", "5"],
    "the help": ["--help"],
    "the version": ["--version"],
}


def fresh(*args: str, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    return run_cli(*args, env={FRESH_PYTHON: "1", **(env or {})}, cwd=cwd)


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_forked_command_prints_what_a_new_interpreter_prints(args, tmp_path):
    forked = run_forked(args, dict(os.environ), tmp_path, timeout=60)
    assert forked is not None, "the warm interpreter should stand in here"
    new = fresh(*args, cwd=tmp_path)
    assert (forked.returncode, forked.stdout, forked.stderr) == (new.returncode, new.stdout, new.stderr)
    assert forked.stdout or forked.stderr


def test_a_forked_command_works_in_its_own_folder_with_its_own_plugin(tmp_path):
    """A relative path is read from the command's folder, and a plugin installed on the
    command's PYTHONPATH (not the warm interpreter's) is loaded by it."""
    (tmp_path / "site").mkdir()
    install_fake_plugin(tmp_path / "site", "shouty", """
        from inspectorate import hookimpl
        @hookimpl
        def check_case(framework, case):
            raise RuntimeError("shouty always fails")
    """)
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "case.toml").write_bytes(ESTYN.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    forked = run_forked(["evaluate", "case.toml"], env, tmp_path / "work", timeout=60)
    assert forked is not None
    new = fresh("evaluate", "case.toml", env={"PYTHONPATH": str(tmp_path / "site")}, cwd=tmp_path / "work")
    assert "shouty" in forked.stdout + forked.stderr
    assert (forked.returncode, forked.stdout, forked.stderr) == (new.returncode, new.stdout, new.stderr)


def test_a_module_on_the_path_that_shadows_one_imported_ahead_gets_a_new_interpreter(tmp_path):
    """The warm interpreter has imported Estyn's plugin; a PYTHONPATH with another
    ``inspectorate_estyn`` must be run by a new interpreter, which imports that one."""
    shadow = tmp_path / "inspectorate_estyn"
    shadow.mkdir()
    (shadow / "__init__.py").write_text("", encoding="utf-8")
    (shadow / "plugin.py").write_text("raise ImportError('the shadowing Estyn')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    assert run_forked(["plugins"], env, None, timeout=60) is None
    result = run_cli("plugins", env={"PYTHONPATH": str(tmp_path)})
    assert "the shadowing Estyn" in result.stdout + result.stderr


def test_other_python_or_locale_settings_get_a_new_interpreter():
    for setting in ({"PYTHONUTF8": "0" if sys.flags.utf8_mode else "1"}, {"LC_ALL": "C"}, {FRESH_PYTHON: "1"}):
        assert run_forked(["--version"], {**os.environ, **setting}, None, timeout=60) is None, setting


def test_a_forked_command_that_overruns_is_stopped(tmp_path):
    """A command still running at the timeout is killed and reported as subprocess.run does."""
    install_fake_plugin(tmp_path, "sleepy", "import time\ntime.sleep(60)\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "INSPECTORATE_HOOK_BUDGET": "90"}
    with pytest.raises(subprocess.TimeoutExpired):
        run_forked(["plugins"], env, None, timeout=2)
    after = run_forked(["--version"], dict(os.environ), None, timeout=60)
    assert after is not None and after.returncode == 0, "the warm interpreter carries on after a killed command"
