"""Shared fixtures for the project's own tests."""

from __future__ import annotations

import pytest

from tests.support import run_cli


@pytest.fixture
def cli():
    """Run the real ``inspectorate`` command in a subprocess."""
    return run_cli
