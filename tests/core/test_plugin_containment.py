"""A plugin cannot end the app, stall it or write into its output: its hook code is contained.

The commands run with the test kit's toy regime and the misbehaving plugin installed, nothing
else; a comparison needs a second regime, so the compare commands run Ofsted's case against Estyn."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time

import pytest
from inspectorate import PROJECT_NAME, hookimpl
from inspectorate.casefile import write_case_file
from inspectorate.frameworks import Area, Framework, Regime
from inspectorate.model import Citation, Finding
from inspectorate.plugins import PluginHost, host_from
from inspectorate.testing import make_case, make_host, toy
from inspectorate.testing.command import TOY, install_plugins, run_cli

from tests.support import ROOT, install_fake_plugin

CITE = Citation(document="test", quote="a sentence")
FRAMEWORK = Framework(id="toy-1", regime="toy", names={"en": "Toy"}, sectors=["school"], areas=[Area("a", {"en": "A"})])
OFSTED_RI = ROOT / "docs" / "examples" / "ofsted-cif-2012-requires-improvement.toml"
#: Stands for the toy case file in a command; a compare command runs on Ofsted's case instead.
CASE = "{case}"


@pytest.fixture
def case_file(tmp_path_factory):
    """A toy case in a toy review, outside the folder the test installs its plugins in."""
    path = tmp_path_factory.mktemp("case") / "toy.toml"
    write_case_file(toy.case("Toy Primary School"), path, make_host(toy=toy))
    return path


@pytest.fixture
def run(toy_cli, case_file):
    """Run a command: with only the toy installed (and the test's plugins), on the toy case; a
    comparison with the built-in plugins, on Ofsted's case."""

    def run_command(*args, env=None):
        if "compare" in args:
            return run_cli(*(str(OFSTED_RI) if a == CASE else a for a in args), env=env)
        return toy_cli(*(str(case_file) if a == CASE else a for a in args), env=env)

    return run_command


class Toy:
    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="toy", names={"en": "Toy"}, nations=["england"], frameworks=[FRAMEWORK]))

    @hookimpl
    def check_case(self, framework, case):
        return [Finding(severity="info", rule="toy.ok", message="fine", citation=CITE)]


class Raising:
    def __init__(self, raised: BaseException):
        self.raised = raised

    @hookimpl
    def check_case(self, framework, case):
        raise self.raised


class Waiting:
    """Blocks in check_case until ``release`` is set (a plugin that sleeps)."""

    def __init__(self):
        self.release = threading.Event()
        self.calls = 0

    @hookimpl
    def check_case(self, framework, case):
        self.calls += 1
        self.release.wait(30)
        return [Finding(severity="info", rule="waiting.late", message="late", citation=CITE)]


def check(host: PluginHost) -> tuple[list[str], list[str]]:
    """Run check_case as an evaluation does: (rules found, what the result lacks)."""
    with host.watch() as lacking:
        findings = host.collect("check_case", framework=FRAMEWORK, case=make_case(FRAMEWORK))
    return [f.rule for f in findings], [p.incomplete for p in lacking]


# -- 5. an exit or interrupt raised by a plugin ends nothing -------------------------------------


@pytest.mark.parametrize(
    "raised, said",
    [(SystemExit(0), "SystemExit: 0"), (SystemExit("bye"), "SystemExit: bye"), (KeyboardInterrupt(), "KeyboardInterrupt")],
)
def test_an_exit_or_interrupt_raised_in_a_hook_is_that_plugins_failure(raised, said):
    host = host_from([("toy", Toy()), ("quitter", Raising(raised))], environ={}, strict=False)
    rules, lacking = check(host)
    assert rules == ["toy.ok"]
    assert lacking == [f"incomplete: plugin 'quitter' failed in check_case: {said}"]


def test_an_exit_raised_by_a_built_in_plugin_is_contained_too():
    host = PluginHost(environ={}, strict=False)
    host.add(Toy(), "toy", distribution=PROJECT_NAME)
    host.add(Raising(SystemExit(2)), "quitter", distribution=PROJECT_NAME)
    assert check(host) == (["toy.ok"], ["incomplete: plugin 'quitter' failed in check_case: SystemExit: 2"])


QUITTER = """
from inspectorate import hookimpl


@hookimpl
def check_case(framework, case):
    raise SystemExit(0)


@hookimpl
def schedule_follow_up(framework, case, calendar):
    raise KeyboardInterrupt
"""


def test_the_cli_carries_on_past_a_plugin_that_exits_and_says_what_is_missing(tmp_path, run):
    install_fake_plugin(tmp_path, "quitter", QUITTER)
    result = run("evaluate", CASE, "--json", env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 3, result.stderr
    data = json.loads(result.stdout)
    assert data["follow_up"]["id"] == "toy-review"
    assert {(p["plugin"], p["hook"], p["message"]) for p in data["problems"]} == {
        ("quitter", "check_case", "SystemExit: 0"),
        ("quitter", "schedule_follow_up", "KeyboardInterrupt"),
    }
    assert "Traceback" not in result.stderr


SLEEPY = """
import os
import time
from pathlib import Path

from inspectorate import hookimpl


@hookimpl
def check_case(framework, case):
    if os.environ.get("SLEEPY_INSIDE"):  # tells the test it is now inside the hook
        Path(os.environ["SLEEPY_INSIDE"]).touch()
    time.sleep(60)
    return []
"""


def test_ctrl_c_during_a_slow_hook_still_interrupts_the_command(tmp_path, case_file):
    """The person's Ctrl+C is theirs, not the plugin's: it ends the command at once."""
    install_fake_plugin(tmp_path, "sleepy", SLEEPY)
    command = [sys.executable, "-m", "inspectorate.cli", "--hook-budget", "50", "evaluate", str(case_file), "--json"]
    toy_only = install_plugins(tmp_path / "toy", TOY)
    inside = tmp_path / "inside"
    env = {**__import__("os").environ, **toy_only, "PYTHONPATH": f"{toy_only['PYTHONPATH']}:{tmp_path}",
           "SLEEPY_INSIDE": str(inside)}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 30
    while not inside.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # until it is loaded and inside the sleeping hook
    assert inside.exists(), process.communicate()
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert time.monotonic() - started < 5
    assert process.returncode not in (0, 3), (out, err)
    assert "incomplete" not in out + err  # not taken for the plugin's failure


# -- 6. a time budget per hook call --------------------------------------------------------------


def test_a_hook_past_its_budget_is_left_out_and_recorded_naming_plugin_hook_and_budget():
    waiting = Waiting()
    host = host_from([("toy", Toy()), ("waiting", waiting)], environ={"INSPECTORATE_HOOK_BUDGET": "0.2"}, strict=False)
    try:
        started = time.monotonic()
        rules, lacking = check(host)
        assert time.monotonic() - started < 2
        assert rules == ["toy.ok"]
        said = "incomplete: plugin 'waiting' failed in check_case: took longer than its time budget of 0.2 s; its part is left out"
        assert lacking == [said]
        # While its call still runs it is not called again: the next result lacks it at once.
        started = time.monotonic()
        assert check(host) == (["toy.ok"], [said])
        assert time.monotonic() - started < 0.2  # the budget is not waited out again
        assert waiting.calls == 1
        assert [str(p) for p in host.problems] == [said.removeprefix("incomplete: ")]
    finally:
        waiting.release.set()
    # Once it has returned (its late result dropped), it is asked again, and in time now.
    deadline = time.monotonic() + 5
    while check(host)[1] and time.monotonic() < deadline:
        time.sleep(0.05)
    rules, lacking = check(host)
    assert (sorted(rules), lacking) == (["toy.ok", "waiting.late"], [])


def test_a_worker_left_waiting_ends_and_the_next_call_is_still_served(monkeypatch):
    """The hosts a plugin's test suite makes by the thousand do not each leave a thread behind."""
    from inspectorate import containment

    monkeypatch.setattr(containment, "IDLE_SECONDS", 0.05)
    calls = containment.Containment()
    ran_in: list[threading.Thread] = []

    def where():
        ran_in.append(threading.current_thread())
        return len(ran_in)

    assert calls.run(("toy", "check_case"), 2.0, where, (), {}) == (1, "")
    ran_in[0].join(5)
    assert not ran_in[0].is_alive()
    assert calls.run(("toy", "check_case"), 2.0, where, (), {}) == (2, "")
    assert ran_in[1] is not ran_in[0]


def test_a_call_handed_to_a_worker_as_its_wait_runs_out_is_still_run(monkeypatch):
    """The moment a caller takes a waiting worker, held open past the worker's wait: the call is
    run, not lost (which would leave it waiting out its budget and the plugin's part missing)."""
    from inspectorate import containment

    monkeypatch.setattr(containment, "IDLE_SECONDS", 0.02)
    calls = containment.Containment()
    calls.run(("toy", "check_case"), 2.0, lambda: None, (), {})  # one worker, now waiting
    with calls._lock:
        inbox = calls._idle.pop()  # a caller takes it, as run() does ...
    time.sleep(0.1)  # ... and the worker's wait runs out before the call is handed over
    job = containment._Job(("toy", "check_case"), lambda: "run", (), {})
    inbox.put(job)
    assert job.done.acquire(timeout=5)
    assert job.result == "run"


def test_the_budget_is_a_setting_and_a_bad_one_is_a_clear_error(tmp_path, run):
    assert PluginHost(environ={}).hook_budget == 2
    assert PluginHost(environ={"INSPECTORATE_HOOK_BUDGET": "5"}).hook_budget == 5
    for bad in ("soon", "0", "-1", "inf"):
        with pytest.raises(ValueError, match="INSPECTORATE_HOOK_BUDGET"):
            PluginHost(environ={"INSPECTORATE_HOOK_BUDGET": bad})
    result = run("evaluate", CASE, env={"INSPECTORATE_HOOK_BUDGET": "soon"})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "inspectorate: error: INSPECTORATE_HOOK_BUDGET='soon': give the seconds a plugin's hook may take, a number above 0"
    )
    refused = run("--hook-budget", "0", "evaluate", CASE)
    assert refused.returncode == 2 and "--hook-budget" in refused.stderr


@pytest.mark.parametrize("command", [["evaluate", CASE], ["compare", CASE, "--regimes", "estyn"]])
def test_the_cli_drops_a_sleeping_plugins_part_after_the_budget(tmp_path, run, command):
    install_fake_plugin(tmp_path, "sleepy", SLEEPY)
    started = time.monotonic()
    result = run("--hook-budget", "0.5", *command, "--json", env={"PYTHONPATH": str(tmp_path)})
    assert time.monotonic() - started < 15  # a minute of sleeping per call before
    assert result.returncode == 3, result.stderr
    data = json.loads(result.stdout)
    [problem] = data["problems"]
    assert (problem["plugin"], problem["hook"]) == ("sleepy", "check_case")
    assert problem["message"] == "took longer than its time budget of 0.5 s; its part is left out"


# -- 7. machine output stays clean ---------------------------------------------------------------


class Chatty:
    @hookimpl
    def check_case(self, framework, case):
        print("HELLO FROM A PLUGIN")
        return [Finding(severity="info", rule="chatty.ok", message="fine", citation=CITE)]


def test_what_a_plugin_prints_goes_to_stderr_and_is_recorded_without_losing_its_part(capsys):
    host = host_from([("chatty", Chatty())], environ={}, strict=False)
    print("the app's own line")
    assert check(host) == (["chatty.ok"], [])  # its part is all there
    out, err = capsys.readouterr()
    assert out == "the app's own line\n"
    assert err == "inspectorate: plugin 'chatty' printed in check_case: HELLO FROM A PLUGIN\n"
    [problem] = host.problems
    assert (problem.plugin, problem.stage) == ("chatty", "check_case")
    assert "printed to standard output" in problem.message


def test_the_apps_own_output_from_another_thread_is_not_taken_for_the_plugins(capsys):
    """Only the thread running plugin code is diverted, not the whole process."""

    class Slow:
        @hookimpl
        def check_case(self, framework, case):
            time.sleep(0.3)
            print("from the plugin")
            return []

    host = host_from([("slow", Slow())], environ={}, strict=False)
    caller = threading.Thread(target=check, args=(host,))
    caller.start()
    time.sleep(0.1)
    print("from the app, meanwhile")
    caller.join()
    out, err = capsys.readouterr()
    assert out == "from the app, meanwhile\n"
    assert "from the plugin" in err


CHATTY = """
from inspectorate import hookimpl


@hookimpl
def check_case(framework, case):
    print("HIJACKED OUTPUT")
    return []


@hookimpl
def schedule_follow_up(framework, case, calendar):
    print("HIJACKED OUTPUT", end="")
    return []
"""


@pytest.mark.parametrize(
    "command",
    [["evaluate", CASE, "--json"], ["schedule", CASE, "--json", "--today", "2025-06-02"],
     ["compare", CASE, "--regimes", "estyn", "--json"]],
)
def test_json_output_stays_valid_when_a_plugin_prints(tmp_path, run, command):
    install_fake_plugin(tmp_path, "chatty", CHATTY)
    result = run(*command, env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    json.loads(result.stdout)
    assert "HIJACKED OUTPUT" not in result.stdout
    hook = "schedule_follow_up" if command[0] == "schedule" else "check_case"
    assert f"inspectorate: plugin 'chatty' printed in {hook}: HIJACKED OUTPUT" in result.stderr


LOUD_AT_IMPORT = """
print("LOADING MY PLUGIN")

from inspectorate import hookimpl


@hookimpl
def check_case(framework, case):
    return []
"""

EXITS_AT_IMPORT = """
raise SystemExit("no thank you")
"""


def test_a_plugin_that_prints_or_exits_as_it_is_imported_spoils_nothing(tmp_path, run):
    install_fake_plugin(tmp_path, "loud", LOUD_AT_IMPORT)
    install_fake_plugin(tmp_path, "leaver", EXITS_AT_IMPORT)
    result = run("evaluate", CASE, "--json", env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["follow_up"]["id"] == "toy-review"
    assert "inspectorate: plugin 'loud' printed in load: LOADING MY PLUGIN" in result.stderr
    assert "plugin 'leaver' failed in load: SystemExit: no thank you" in result.stderr
