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
