"""Shared fixtures for the project's own tests."""

from __future__ import annotations

import pytest

from tests.support import run_cli


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path_factory, monkeypatch):
    """Each test (and each program it runs) keeps its records of unfinished writes to itself."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def cli():
    """Run the real ``inspectorate`` command in a subprocess."""
    return run_cli
