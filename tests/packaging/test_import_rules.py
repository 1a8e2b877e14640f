"""Import rules: the core is headless and plugin-free; plugins use only the core; the TUI asks the host."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

PLUGIN_PACKAGES = ("inspectorate_estyn", "inspectorate_ofsted")


def _imports(folder: Path) -> list[tuple[Path, int, str]]:
    found = []
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(path, node.lineno, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((path, node.lineno, node.module))
    return found


def _top(name: str) -> str:
    return name.split(".")[0]


def test_core_never_imports_textual_the_tui_or_a_plugin():
    bad = [
        (str(p.relative_to(ROOT)), line, name)
        for p, line, name in _imports(ROOT / "core" / "src")
        if _top(name) in ("textual", "inspectorate_tui", *PLUGIN_PACKAGES)
    ]
    assert bad == []


def test_core_never_names_the_tui_or_a_plugin_in_a_string():
    """Not even by ``import_module("inspectorate_tui…")``: the app contributes its commands
    through an entry point instead."""
    names = ("inspectorate_tui", *PLUGIN_PACKAGES)
    bad = [
        (str(path.relative_to(ROOT)), node.lineno, node.value)
        for path in (ROOT / "core" / "src").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and any(node.value == n or node.value.startswith(f"{n}.") for n in names)
    ]
    assert bad == []


@pytest.mark.parametrize("plugin", PLUGIN_PACKAGES)
def test_plugins_import_only_the_core(plugin):
    folder = ROOT / "plugins" / plugin.removeprefix("inspectorate_") / "src" / plugin
    bad = [
        (str(p.relative_to(ROOT)), line, name)
        for p, line, name in _imports(folder)
        if _top(name) in ("textual", "inspectorate_tui", *(x for x in PLUGIN_PACKAGES if x != plugin))
    ]
    assert bad == []


def test_tui_never_imports_a_plugin():
    bad = [(str(p), line, name) for p, line, name in _imports(ROOT / "tui" / "src") if _top(name) in PLUGIN_PACKAGES]
    assert bad == []


PROBE = """
import json, sys
from inspectorate.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'inspectorate_tui'))), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["plugins", "--json"],
        ["frameworks", "--json"],
        ["workdays", "2023-12-29", "5"],
        ["locate", "config"],
        ["templates"],
        ["evaluate", "{example}", "--json"],
        ["schedule", "{example}", "--json", "--today", "2013-05-01"],
        ["import", "{example}", "--casebook", "{casebook}"],
        ["list", "--casebook", "{casebook}"],
        ["report", "{example}", "--template", "ofsted-improvement-visit-letter"],
    ],
)
def test_headless_commands_never_import_textual(args, tmp_path):
    """The headless CLI stays light: the app's commands are listed, the app is not loaded."""
    example = ROOT / "docs" / "examples" / "ofsted-cif-2012-requires-improvement.toml"
    args = [a.format(example=example, casebook=tmp_path / "casebook.sqlite") for a in args]
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # No Textual; of the app, only the module that lists its commands.
    assert json.loads(result.stderr.strip().splitlines()[-1]) == ["inspectorate_tui", "inspectorate_tui.commands"]


def test_keys_reads_the_apps_keymap_data_without_textual():
    result = subprocess.run([sys.executable, "-c", PROBE, "keys", "--json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stderr.strip().splitlines()[-1])
    assert "inspectorate_tui.keymap" in loaded
    assert [m for m in loaded if m.split(".")[0] == "textual"] == []
