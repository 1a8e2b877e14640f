"""The plugin host: defensive loading, isolated hook failures, selection by environment.

Hook failures run on a toy regime of this module's own, and a broken installed plugin beside the
test kit's toy regime. Three tests need the built-in plugins themselves: that an installed plugin
cannot replace a built-in regime, that the built-ins load from their entry points, and that the
allow and deny lists select among installed entry points."""

from __future__ import annotations

import json

import pytest
from inspectorate import HOOK_API_VERSION, hookimpl
from inspectorate.frameworks import Area, Framework, Regime
from inspectorate.model import Citation, Finding
from inspectorate.plugins import PluginError, PluginHost
from inspectorate.testing import make_case, make_host

from tests.support import install_fake_plugin

CITE = Citation(document="test", quote="a sentence")
FRAMEWORK = Framework(id="toy-1", regime="toy", names={"en": "Toy"}, sectors=["school"], areas=[Area("a", {"en": "A"})])


class Toy:
    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="toy", names={"en": "Toy"}, nations=["england"], frameworks=[FRAMEWORK]))

    @hookimpl
    def check_case(self, framework, case):
        return [Finding(severity="info", rule="toy.ok", message="fine", citation=CITE)]


class Exploding:
    @hookimpl
    def check_case(self, framework, case):
        raise RuntimeError("boom in check_case")


class Misspelt:
    @hookimpl
    def chek_case(self, framework, case):  # deliberately misspelt hook name
        return []


def test_hook_that_raises_drops_only_its_own_contribution_and_is_recorded():
    host = make_host(strict=False, toy=Toy(), exploding=Exploding())
    findings = host.collect("check_case", framework=FRAMEWORK, case=make_case(FRAMEWORK))
    assert [f.rule for f in findings] == ["toy.ok"]
    assert [(p.plugin, p.stage) for p in host.problems] == [("exploding", "check_case")]
    assert "boom in check_case" in host.problems[0].message


def test_strict_host_turns_a_hook_error_into_a_failure():
    host = make_host(strict=True, toy=Toy(), exploding=Exploding())
    with pytest.raises(PluginError, match="exploding"):
        host.collect("check_case", framework=FRAMEWORK, case=make_case(FRAMEWORK))


def test_misspelt_hook_is_caught_at_load():
    host = make_host(strict=False, misspelt=Misspelt())
    assert any(p.stage == "load" and "chek_case" in p.message for p in host.problems)


def test_second_plugin_registering_the_same_regime_is_a_load_error():
    host = make_host(strict=False, first=Toy(), second=Toy())
    assert list(host.regimes) == ["toy"]
    assert any("already registered" in p.message for p in host.problems)


def test_regime_owners_name_the_registering_plugin_without_reading_regimes_first():
    host = make_host(strict=False, first=Toy())
    assert host.regime_owners == {"toy": "first"}
    host.add(Toy(), "second")  # pluggy asks the last added first, yet the first keeps "toy"
    assert host.regime_owners == {"toy": "first"}
    [problem] = host.problems
    assert problem.plugin == "second"
    assert "regime 'toy' is already registered by plugin 'first'" in problem.message


class Squatter:
    """Registers a regime of its own whose framework takes the id of Toy's."""

    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="squat", names={"en": "Squat"}, nations=["england"], frameworks=[FRAMEWORK]))


def test_a_framework_id_already_taken_is_kept_by_its_first_regime():
    host = make_host(strict=False, toy=Toy(), squatter=Squatter())
    assert list(host.regimes) == ["toy"]
    assert host.framework("toy-1").regime == "toy"
    [problem] = host.problems
    assert (problem.plugin, problem.stage) == ("squatter", "register_regimes")
    assert "framework 'toy-1' is already registered by plugin 'toy'" in problem.message


HIJACK = """
from inspectorate import hookimpl
from inspectorate.frameworks import Regime


@hookimpl
def register_regimes(register):
    register(Regime(id="estyn", names={"en": "HIJACKED ESTYN"}, nations=["wales"], frameworks=[]))
"""


@pytest.mark.parametrize("name", ["aaa-hijack", "zzz-hijack"])  # loaded by name, before and after estyn's
def test_an_installed_plugin_cannot_replace_a_built_in_regime(tmp_path, cli, name):
    install_fake_plugin(tmp_path, name, HIJACK)
    env = {"PYTHONPATH": str(tmp_path)}
    frameworks = cli("frameworks", env=env)
    assert frameworks.returncode == 0, frameworks.stderr
    assert "estyn: Estyn (wales)" in frameworks.stdout
    assert "HIJACKED" not in frameworks.stdout
    assert f"plugin {name!r} failed in register_regimes" in frameworks.stderr
    report = json.loads(cli("plugins", "--json", env=env).stdout)
    assert [(p["plugin"], p["stage"]) for p in report["problems"]] == [(name, "register_regimes")]
    assert "already registered by plugin 'estyn'" in report["problems"][0]["message"]
    assert {p["name"]: p["regimes"] for p in report["plugins"]}["estyn"] == ["estyn"]


def test_hook_api_version_is_published():
    major, minor = HOOK_API_VERSION.split(".")
    assert major.isdigit() and minor.isdigit()


def test_builtin_plugins_load_from_entry_points():
    host = PluginHost(environ={}).load_entry_points()
    assert {"estyn", "ofsted"} <= {p.name for p in host.plugins}
    assert {"estyn", "ofsted"} <= set(host.regimes)
    assert not host.problems


def test_allow_and_deny_lists_select_plugins():
    only_estyn = PluginHost(environ={"INSPECTORATE_LOAD_PLUGINS": "estyn"}).load_entry_points()
    assert [p.name for p in only_estyn.plugins] == ["estyn"]
    no_ofsted = PluginHost(environ={"INSPECTORATE_DISABLE_PLUGINS": "ofsted"}).load_entry_points()
    assert "ofsted" not in {p.name for p in no_ofsted.plugins}


BROKEN = """
raise ImportError("this plugin is deliberately broken")
"""


def test_broken_plugin_installed_is_skipped_and_reported(tmp_path, toy_cli):
    install_fake_plugin(tmp_path, "broken", BROKEN)
    env = {"PYTHONPATH": str(tmp_path)}
    result = toy_cli("plugins", "--json", env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {p["name"] for p in report["plugins"]} == {"toy", "icalendar"}
    assert report["problems"][0]["plugin"] == "broken"
    assert "deliberately broken" in report["problems"][0]["message"]
    # The other commands keep working and warn on stderr.
    frameworks = toy_cli("frameworks", env=env)
    assert frameworks.returncode == 0 and "toy: Toy Inspectorate (scotland)" in frameworks.stdout
    assert "deliberately broken" in frameworks.stderr


def test_broken_plugin_in_strict_mode_exits_non_zero_with_one_line(tmp_path, toy_cli):
    install_fake_plugin(tmp_path, "broken", BROKEN)
    result = toy_cli("plugins", env={"PYTHONPATH": str(tmp_path), "INSPECTORATE_STRICT_PLUGINS": "1"})
    assert result.returncode != 0
    assert "deliberately broken" in result.stdout  # the report lists it, then the command fails
    assert "Traceback" not in result.stderr


def test_collect_drops_and_reports_a_plugin_whose_list_holds_the_wrong_things():
    from inspectorate import hookimpl
    from inspectorate.model import Citation, Finding
    from inspectorate.plugins import host_from

    good = Finding("warning", "good.rule", "a real finding", Citation("doc", "quote"))

    class Good:
        @hookimpl
        def check_case(self, framework, case):
            return [good]

    class Sloppy:
        @hookimpl
        def check_case(self, framework, case):
            return [good, "not a finding"]

    host = host_from([("good", Good()), ("sloppy", Sloppy())])
    assert host.collect("check_case", expect=Finding, framework=None, case=None) == [good]
    [problem] = host.problems
    assert (problem.plugin, problem.stage) == ("sloppy", "check_case")
    assert "not a Finding" in problem.message
