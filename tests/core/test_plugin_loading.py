"""What the host refuses at load: a misspelt hook name, a plugin for other hook API versions.
And ``inspectorate plugins`` in strict mode lists every problem, then fails.

The broken plugins are installed beside the test kit's toy regime alone; the last tests are about
the built-in plugins themselves (they pass strict mode, and declare their hook API versions)."""

from __future__ import annotations

import json

from inspectorate import HOOK_API_VERSION, hookimpl
from inspectorate.frameworks import Area, Framework, Regime
from inspectorate.testing import make_host

from tests.support import install_fake_plugin

FRAMEWORK = Framework(id="spell-1", regime="spell", names={"en": "Spell"}, sectors=["school"], areas=[Area("a", {"en": "A"})])


class Misspelt:
    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="spell", names={"en": "Spell"}, nations=["england"], frameworks=[FRAMEWORK]))

    @hookimpl
    def chek_case(self, framework, case):  # the misspelling an author makes
        return []


def test_a_misspelt_hook_fails_the_plugin_at_load_with_did_you_mean():
    host = make_host(strict=False, misspelt=Misspelt())
    [problem] = host.problems
    assert (problem.plugin, problem.stage) == ("misspelt", "load")
    assert "'chek_case' is no hook (did you mean 'check_case'?)" in problem.message
    assert host.plugins == []  # not listed, so chek_case is never shown as one of its hooks
    assert host.regimes == {}  # and none of its hooks is called


SPELLER = """
from inspectorate import hookimpl

@hookimpl
def chek_case(framework, case):
    return []
"""


def test_the_plugins_command_shows_the_misspelling_and_lists_no_such_hook(tmp_path, cli):
    install_fake_plugin(tmp_path, "speller", SPELLER)
    result = cli("plugins", env={"PYTHONPATH": str(tmp_path)})
    assert "ERROR plugin 'speller' failed in load:" in result.stdout
    assert "(did you mean 'check_case'?)" in result.stdout
    assert "hooks: chek_case" not in result.stdout
    assert "speller 9.9.9" not in result.stdout


BROKEN = 'raise ImportError("deliberately broken")\n'


def test_strict_plugins_lists_every_problem_then_exits_non_zero(tmp_path, toy_cli):
    install_fake_plugin(tmp_path, "speller", SPELLER)
    install_fake_plugin(tmp_path, "broken", BROKEN)
    env = {"PYTHONPATH": str(tmp_path)}
    for result in (toy_cli("plugins", env={**env, "INSPECTORATE_STRICT_PLUGINS": "1"}), toy_cli("plugins", "--strict", env=env)):
        assert result.returncode == 3, result.stdout + result.stderr
        # The report is whole, not cut short by the first error: the toy loads after both (by name).
        assert "icalendar 0.1.0" in result.stdout and "toy 0.0.0" in result.stdout
        assert "plugin 'speller' failed in load" in result.stdout
        assert "plugin 'broken' failed in load" in result.stdout
    assert toy_cli("plugins", env=env).returncode == 0  # not strict: a report, not a failure


def test_plugins_strict_passes_when_nothing_is_wrong(cli):
    result = cli("plugins", "--strict")
    assert result.returncode == 0, result.stdout


class FromTheFuture:
    HOOK_API_SUPPORTED = ">=2.0,<3"

    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="future", names={"en": "Future"}, nations=["england"], frameworks=[]))


class Current:
    HOOK_API_SUPPORTED = f">={HOOK_API_VERSION},<2"

    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="spell", names={"en": "Spell"}, nations=["england"], frameworks=[FRAMEWORK]))


def test_a_plugin_for_other_hook_api_versions_is_refused_saying_which_it_needs_and_which_the_host_has():
    host = make_host(strict=False, future=FromTheFuture(), current=Current())
    [problem] = host.problems
    assert (problem.plugin, problem.stage) == ("future", "load")
    assert problem.message == f"needs hook API >=2.0,<3 (its HOOK_API_SUPPORTED); this inspectorate has hook API {HOOK_API_VERSION}"
    assert [p.name for p in host.plugins] == ["current"]
    assert list(host.regimes) == ["spell"]


def test_a_declaration_that_is_no_version_specifier_is_refused_with_an_example():
    class Garbled:
        HOOK_API_SUPPORTED = "version one"

    host = make_host(strict=False, garbled=Garbled())
    [problem] = host.problems
    assert "HOOK_API_SUPPORTED = 'version one' is not a version specifier" in problem.message
    assert f"'>={HOOK_API_VERSION},<2'" in problem.message
    assert host.plugins == []


FUTURE = """
from inspectorate import hookimpl

HOOK_API_SUPPORTED = ">=2.0,<3"

@hookimpl
def check_case(framework, case):
    return []
"""


def test_an_installed_incompatible_plugin_is_refused_at_load(tmp_path, cli):
    install_fake_plugin(tmp_path, "future", FUTURE)
    report = json.loads(cli("plugins", "--json", env={"PYTHONPATH": str(tmp_path)}).stdout)
    assert "future" not in {p["name"] for p in report["plugins"]}
    [problem] = report["problems"]
    assert problem["plugin"] == "future" and problem["stage"] == "load"
    assert f"this inspectorate has hook API {HOOK_API_VERSION}" in problem["message"]


def test_the_built_in_plugins_declare_the_versions_they_support():
    import importlib.metadata

    from inspectorate.plugin_checks import incompatibility

    built_in = [e for e in importlib.metadata.entry_points(group="inspectorate") if e.dist and e.dist.name == "inspectorate"]
    assert {e.name for e in built_in} >= {"estyn", "ofsted", "eti", "education-scotland"}
    for plugin in (e.load() for e in built_in):
        assert plugin.HOOK_API_SUPPORTED
        assert incompatibility(plugin) is None
