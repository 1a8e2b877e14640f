"""The gate: the type checker and the linter pass on the code as it is, with pyproject.toml's settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support import ROOT


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``tool`` (installed beside this Python, from the test extras) run in the project root."""
    return subprocess.run(
        [str(Path(sys.executable).with_name(tool)), *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_the_core_and_the_hooks_type_check():
    """mypy over the core and each plugin's hook implementations (``[tool.mypy]``): the hookspecs and
    the plugins' ``plugin.py`` must annotate every parameter and return."""
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_passes_the_linter():
    """ruff's rules (``[tool.ruff]``) over the whole project: imports in order, no redefinitions, and the rest."""
    result = _run("ruff", "check", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
