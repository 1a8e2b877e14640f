"""The real ``inspectorate`` command in a subprocess, as a person at a shell runs it: for plugin tests."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

from inspectorate.plugins import ENTRY_POINT_GROUP
from inspectorate.testing.forks import run_forked

#: The toy regime as :func:`run_cli` installs it: ``run_cli(..., plugins=TOY)``.
TOY = {"toy": "inspectorate.testing.toy"}


def install_plugins(folder: Path, plugins: Mapping[str, str]) -> dict[str, str]:
    """Install each module of ``plugins`` (entry point name -> module) into ``folder`` as one
    distribution, and give the environment in which the command finds them and no other
    installed plugin: ``folder`` first on ``PYTHONPATH``, every other entry point of this
    environment in ``INSPECTORATE_DISABLE_PLUGINS``. The core's own formats stay loaded."""
    info = Path(folder) / "inspectorate_test_plugins-0.0.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: inspectorate-test-plugins\nVersion: 0.0.0\n",
                                   encoding="utf-8")
    lines = "".join(f"{name} = {module}\n" for name, module in plugins.items())
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{lines}", encoding="utf-8")
    others = sorted({ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)} - set(plugins))
    return {"PYTHONPATH": str(folder), "INSPECTORATE_DISABLE_PLUGINS": ",".join(others)}


def run_cli(*args: str, env: dict | None = None, cwd: Path | None = None,
            plugins: Mapping[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``inspectorate ARGS`` and return what it printed and its exit code.

    With ``plugins`` (entry point name -> module, such as :data:`TOY`) the command loads those
    plugins as if installed, and none of the others installed beside inspectorate (see
    :func:`install_plugins`); a ``PYTHONPATH`` or ``INSPECTORATE_DISABLE_PLUGINS`` already set is
    added to, so a test can install a plugin of its own beside them.

    The command is a fresh process forked from an interpreter that has imported the libraries
    once (:mod:`inspectorate.testing.forks`), which saves most of a second a command; with
    ``INSPECTORATE_TESTS_FRESH_PYTHON=1`` it is a new interpreter each time.
    """
    full_env = {**os.environ, **(env or {})}
    full_env.pop("INSPECTORATE_DEBUG", None)  # errors as a person sees them, not tracebacks
    with tempfile.TemporaryDirectory(prefix="inspectorate-plugins-") as folder:
        if plugins:
            for key, value in install_plugins(Path(folder), plugins).items():
                given = full_env.get(key, "")
                full_env[key] = (os.pathsep if key == "PYTHONPATH" else ",").join(filter(None, [value, given]))
        forked = run_forked(list(args), full_env, cwd, timeout=120)
        if forked is not None:
            return forked
        return subprocess.run([sys.executable, "-m", "inspectorate.cli", *args], capture_output=True, text=True,
                              env=full_env, cwd=cwd, timeout=120)
