"""Import rules: the core is headless and plugin-free; plugins use only the core; the TUI asks the host."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.support import ROOT


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


#: The plugin packages, from the entry points that register them (one place names them).
PLUGIN_PACKAGES = tuple(
    sorted(target.split(".")[0] for target in _project()["project"]["entry-points"]["inspectorate"].values())
)


def test_the_architecture_contracts_hold():
    """core <- app, core <- each plugin, nothing back: import-linter's contracts in pyproject.toml."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    contracts = _project()["tool"]["importlinter"]["contracts"]
    for contract in contracts:
        assert f"{contract['name']} KEPT" in result.stdout


def test_the_contracts_name_every_registered_plugin():
    """A new built-in plugin is held to the contracts the moment it is registered."""
    contracts = {c["id"]: c for c in _project()["tool"]["importlinter"]["contracts"]}
    assert tuple(sorted(contracts["plugins-apart"]["modules"])) == PLUGIN_PACKAGES
    assert tuple(sorted(contracts["plugins-headless"]["source_modules"])) == PLUGIN_PACKAGES
    assert set(PLUGIN_PACKAGES) <= set(contracts["headless-core"]["forbidden_modules"])
    assert set(PLUGIN_PACKAGES) <= set(contracts["app-asks-the-host"]["forbidden_modules"])


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
