"""A plugin's tests need only the plugin and the public test kit: copied out of the project, the
Ofsted and Estyn plugins' tests find every fixture they use, and the kit's quote checks run and pass."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.support import GUIDANCE, ROOT

#: Run in full from each plugin's copy: the guidance-quote checks and a rule test built on the kit.
#: The rest run in place in the main suite; the copy shows (``--setup-plan``) that none of them
#: needs a fixture or module of the project's own.
RUN_IN_FULL = {
    "ofsted": ("test_citations.py", "test_eif_2019.py"),
    "estyn": ("test_citations.py", "test_follow_up.py"),
}


def _pytest(copy, *args):
    env = {**os.environ, "INSPECTORATE_GUIDANCE": str(GUIDANCE)}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-rs", *args],
        capture_output=True, text=True, cwd=copy.parent, env=env, timeout=600,
    )  # fmt: skip


@pytest.mark.parametrize("plugin", sorted(RUN_IN_FULL))
def test_a_plugins_tests_run_copied_out_of_the_repository(tmp_path, plugin):
    copy = tmp_path / plugin
    shutil.copytree(ROOT / "plugins" / plugin, copy, ignore=shutil.ignore_patterns("__pycache__"))
    planned = _pytest(copy, "--setup-plan", str(copy / "tests"))
    assert planned.returncode == 0, planned.stdout[-3000:] + planned.stderr[-2000:]
    assert "tests.support" not in planned.stdout
    ran = _pytest(copy, *(str(copy / "tests" / name) for name in RUN_IN_FULL[plugin]))
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-2000:]
    # The quote checks ran from the kit's guidance fixture, not skipped for want of the root conftest.
    assert "guidance document" not in ran.stdout
    assert " passed" in ran.stdout
    if GUIDANCE.is_dir():  # beside a checkout that has the guidance, no quote check is skipped
        assert " skipped" not in ran.stdout, ran.stdout[-2000:]
