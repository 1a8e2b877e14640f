"""The real ``inspectorate`` command in a subprocess, as a person at a shell runs it: for plugin tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("INSPECTORATE_DEBUG", None)  # errors as a person sees them, not tracebacks
    return subprocess.run([sys.executable, "-m", "inspectorate.cli", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd, timeout=120)
