"""One root distribution ships every package; each plugin's own pyproject agrees with it."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from tests.support import ROOT

ROOT_PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PLUGINS = ("estyn", "ofsted", "eti", "education-scotland")


def _plugin_pyproject(name: str) -> dict:
    return tomllib.loads((ROOT / "plugins" / name / "pyproject.toml").read_text())


def test_root_and_plugin_pyprojects_declare_the_same_entry_points():
    root = ROOT_PYPROJECT["project"]["entry-points"]["inspectorate"]
    for name in PLUGINS:
        own = _plugin_pyproject(name)["project"]["entry-points"]["inspectorate"]
        assert own == {name: root[name]}, f"plugins/{name}/pyproject.toml disagrees with the root"
    assert set(root) == set(PLUGINS)


def test_root_wheel_ships_each_plugin_package_from_its_own_folder():
    packages = ROOT_PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    for name in PLUGINS:
        own = _plugin_pyproject(name)["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
        assert [f"plugins/{name}/{p}" for p in own] == [p for p in packages if p.startswith(f"plugins/{name}/")]
    assert "core/src/inspectorate" in packages and "tui/src/inspectorate_tui" in packages


def test_textual_is_pinned_exactly_and_python_is_311_or_newer():
    deps = ROOT_PYPROJECT["project"]["dependencies"]
    textual = [d for d in deps if re.match(r"textual\b(?!-)", d.lower())]  # not textual-serve
    assert len(textual) == 1 and "==" in textual[0], textual
    assert ROOT_PYPROJECT["project"]["requires-python"] == ">=3.11"
    assert not any(d.lower().startswith("workalendar") for d in deps), "workalendar misses 2023-05-08"


def test_installed_distribution_registers_both_plugins_and_the_test_kit():
    eps = metadata.entry_points(group="inspectorate")
    assert {ep.name: ep.value for ep in eps if ep.name in PLUGINS} == ROOT_PYPROJECT["project"]["entry-points"]["inspectorate"]
    assert any(ep.value == "inspectorate.testing.pytest_plugin" for ep in metadata.entry_points(group="pytest11"))


def test_plugin_versions_agree_with_their_package():
    import inspectorate_estyn
    import inspectorate_ofsted

    assert _plugin_pyproject("estyn")["project"]["version"] == inspectorate_estyn.__version__
    assert _plugin_pyproject("ofsted")["project"]["version"] == inspectorate_ofsted.__version__


def test_built_wheel_carries_the_data_files_a_non_editable_install_needs(tmp_path):
    import zipfile

    from hatchling.builders.wheel import WheelBuilder

    [wheel] = list(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "inspectorate/calendar/data/wales.toml",
        "inspectorate/scaffold/files/pyproject.toml.tmpl",
        "inspectorate_estyn/frameworks/estyn-cif-2010.toml",
        "inspectorate_estyn/locale/cy/LC_MESSAGES/inspectorate_estyn.po",
        "inspectorate_ofsted/frameworks/ofsted-cif-2012.toml",
        "inspectorate_tui/__init__.py",
        "inspectorate_tui/app.tcss",
        # The demo casebook's cases are the documented examples (a link in the source tree).
        "inspectorate_tui/demo/estyn-cif-2010-special-measures.toml",
        "inspectorate_tui/demo/ofsted-renewed-2025-school-report-card.toml",
    ):
        assert needed in names, f"{needed} is missing from the wheel"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "estyn = inspectorate_estyn.plugin" in text and "inspectorate = inspectorate.cli:main" in text
