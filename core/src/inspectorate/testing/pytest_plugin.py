"""Fixtures for plugin authors, registered with pytest through the ``pytest11`` entry point."""

from __future__ import annotations

import pytest

from inspectorate.testing.builders import make_case
from inspectorate.testing.hosts import make_host as _make_host


@pytest.fixture
def make_host():
    """Build a strict plugin host from the plugins given: ``make_host(my_plugin)``."""
    return _make_host


@pytest.fixture
def case_builder():
    """Build a case for a framework: ``case_builder(framework, judgements=[...])``."""
    return make_case


@pytest.fixture
def guidance_text(request):
    """Read a guidance document by name, whitespace folded (skips when it is not found)."""
    from inspectorate.testing.guidance import read_guidance

    return lambda name: read_guidance(name, request.path.parent)


@pytest.fixture
def toy_host():
    """A strict host with only the kit's toy regime (:mod:`inspectorate.testing.toy`) and the
    core's own formats (the .ics exporter): the core at work with no real regime."""
    from inspectorate.plugins import CORE_PLUGINS, PROJECT_NAME
    from inspectorate.testing import toy

    host = _make_host(toy=toy)
    for name, make in CORE_PLUGINS.items():
        host.add(make(host), name, distribution=PROJECT_NAME)
    return host


@pytest.fixture
def toy_cli():
    """Run the real ``inspectorate`` command with the toy regime installed and no other plugin:
    ``toy_cli("evaluate", str(path), env={...})`` (see :func:`inspectorate.testing.command.run_cli`)."""
    from inspectorate.testing.command import TOY, run_cli

    return lambda *args, **kwargs: run_cli(*args, plugins=TOY, **kwargs)
