"""The case files shown in the docs are valid, so a reader who copies them gets a working case.

It loads the built-in plugins because the examples are cases under their real frameworks."""

from __future__ import annotations

import re

import pytest
from inspectorate.casefile import loads_case
from inspectorate.plugins import PluginHost

from tests.support import ROOT

EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.toml"))


@pytest.fixture(scope="module")
def host():
    return PluginHost(environ={}).load_entry_points()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_case_files_are_valid(host, path):
    case = loads_case(path.read_text(encoding="utf-8"), host, str(path))
    assert case.provider.name


def test_the_case_file_reference_page_example_is_valid(host):
    page = (ROOT / "docs" / "case-files.md").read_text(encoding="utf-8")
    example = re.findall(r"```toml\n(.*?)```", page, flags=re.S)[0]
    case = loads_case(example, host, "docs/case-files.md")
    assert case.judgements[0].overridden_from == "inadequate"
