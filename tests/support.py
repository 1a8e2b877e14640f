"""Helpers for the project's own tests: the real command in a subprocess, fake installed plugins."""

from __future__ import annotations

import textwrap
from pathlib import Path

from inspectorate.testing.command import run_cli

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GUIDANCE = SHARED / "guidance"
REAL_DATA = SHARED / "data" / "real"

__all__ = ["GUIDANCE", "REAL_DATA", "ROOT", "SHARED", "install_fake_plugin", "run_cli"]


def install_fake_plugin(folder: Path, name: str, module_source: str, version: str = "9.9.9") -> Path:
    """Install a plugin distribution into ``folder`` (a dist-info with an entry point and its module).

    Put ``folder`` on PYTHONPATH and importlib.metadata finds it like any installed distribution.
    """
    module = f"fake_{name.replace('-', '_')}"
    (folder / f"{module}.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    info = folder / f"{module}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[inspectorate]\n{name} = {module}\n", encoding="utf-8")
    return folder
