"""``inspectorate new-plugin``: a name of its own, the author's nation, a neutral scale, and a
plugin that installs and passes its own generated tests."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest
from inspectorate import HOOK_API_VERSION
from inspectorate.scaffold import ScaffoldError, new_plugin

from tests.support import install_fake_plugin


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("estyn", "an installed plugin is already called 'estyn' (from the distribution 'inspectorate')"),
        ("tui", "a Python package 'inspectorate_tui' is already installed"),
    ],
)
def test_new_plugin_refuses_a_name_an_installed_plugin_or_package_has(tmp_path, name, said):
    with pytest.raises(ScaffoldError) as refused:
        new_plugin(name, tmp_path / "new", nation="wales")
    assert str(refused.value) == f"{name!r} cannot be the new plugin's name: {said}; choose another name"
    assert not (tmp_path / "new").exists()


def test_new_plugin_refuses_the_name_of_an_installed_third_party_plugin_or_distribution(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    install_fake_plugin(site, "speller", "")  # entry point "speller", distribution fake_speller
    info = site / "inspectorate_acme-1.0.dist-info"  # a distribution the name "acme" would be
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: inspectorate-acme\nVersion: 1.0\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(ScaffoldError, match="an installed plugin is already called 'speller' \\(from the distribution 'fake_speller'\\)"):
        new_plugin("speller", tmp_path / "one", nation="england")
    with pytest.raises(ScaffoldError, match="the distribution 'inspectorate-acme' is already installed"):
        new_plugin("acme", tmp_path / "two", nation="england")


def test_the_command_refuses_a_taken_name_an_unknown_nation_or_none(cli, tmp_path):
    taken = cli("new-plugin", "ofsted", str(tmp_path / "a"), "--nation", "england")
    assert taken.returncode == 1
    assert "inspectorate: error: 'ofsted' cannot be the new plugin's name: an installed plugin is already called 'ofsted'" in taken.stderr
    unknown = cli("new-plugin", "eti", str(tmp_path / "b"), "--nation", "ulster")
    assert unknown.returncode == 1
    assert "'ulster' is not a nation: use one of england, wales, scotland, northern-ireland" in unknown.stderr
    missing = cli("new-plugin", "eti", str(tmp_path / "c"))
    assert missing.returncode == 2 and "Missing option '--nation'" in missing.stderr
    assert not any(tmp_path.iterdir())


def test_the_scaffold_uses_the_authors_nation_a_neutral_scale_and_says_what_nations_decides(tmp_path, monkeypatch):
    folder = tmp_path / "es"
    new_plugin("es-schools", folder, title="Education Scotland", nation="scotland")
    source = (folder / "src" / "inspectorate_es_schools" / "plugin.py").read_text(encoding="utf-8")
    assert "counted on the working days" in source and "first nation's" in source
    assert f'HOOK_API_SUPPORTED = ">={HOOK_API_VERSION},<2"' in source
    monkeypatch.syspath_prepend(str(folder / "src"))
    plugin = importlib.import_module("inspectorate_es_schools.plugin")
    assert plugin.REGIME.nations == ("scotland",)
    [framework] = plugin.REGIME.frameworks
    [scale] = framework.scales
    assert [g.id for g in scale.best_first] == ["level-1", "level-2", "level-3", "level-4"]
    words = (folder / "src" / "inspectorate_es_schools" / "frameworks" / "es-schools-framework.toml").read_text().lower()
    for inspectorates_own in ("outstanding", "inadequate", "requires improvement", "overall effectiveness"):
        assert inspectorates_own not in words


def test_a_scaffolded_plugin_installs_and_passes_its_own_generated_tests(tmp_path):
    """The author's first five minutes: new-plugin, pip install, pytest, inspectorate plugins."""
    folder = tmp_path / "inspectorate-eti"
    new_plugin("eti-ni", folder, title="Education and Training Inspectorate", nation="northern-ireland")
    site = tmp_path / "site"  # installed beside the test environment, not into it, so no other test sees it
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--target", str(site), str(folder)],
        capture_output=True, text=True, timeout=300,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("INSPECTORATE_DEBUG", None)
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder / "tests")],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert " passed" in tests.stdout and "failed" not in tests.stdout
    # The tests imported the installed copy, not the folder's source.
    where = subprocess.run(
        [sys.executable, "-c", "import inspectorate_eti_ni; print(inspectorate_eti_ni.__file__)"],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )
    assert where.stdout.startswith(str(site))
    plugins = subprocess.run(
        [sys.executable, "-m", "inspectorate.cli", "plugins", "--strict"], capture_output=True, text=True, env=env, timeout=120
    )
    assert plugins.returncode == 0, plugins.stdout + plugins.stderr
    assert "eti-ni 0.1.0  (inspectorate_eti_ni.plugin)" in plugins.stdout
    frameworks = subprocess.run(
        [sys.executable, "-m", "inspectorate.cli", "frameworks"], capture_output=True, text=True, env=env, timeout=120
    )
    assert "eti-ni: Education and Training Inspectorate (northern-ireland)" in frameworks.stdout
