"""Shared fixtures for the project's own tests."""

from __future__ import annotations

import uuid

import pytest

from tests.support import run_cli

NO_SERVER = (
    "PostgreSQL is not installed here (no initdb under /usr/lib/postgresql/*/bin or on PATH), so the "
    "casebook's server tests cannot start a throwaway cluster: `apt-get install postgresql` (or .ci/run) to run them"
)


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path_factory, monkeypatch):
    """Each test (and each program it runs) keeps its records of unfinished writes, and reads its
    settings, to itself (a person's own config.toml could name a casebook or a name)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("INSPECTORATE_CASEBOOK", raising=False)


@pytest.fixture
def cli():
    """Run the real ``inspectorate`` command in a subprocess."""
    return run_cli


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster for the whole run (Unix socket only), or a skip saying why."""
    from tests.postgres_cluster import Cluster, binaries

    if binaries() is None:
        pytest.skip(NO_SERVER)
    cluster = Cluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


def new_server_casebook(cluster, migrate: bool = True) -> str:
    """The URL of a new casebook on the cluster: a schema of its own (made, and migrated)."""
    from inspectorate.casebook.store import open_backend

    schema = f"casebook_{uuid.uuid4().hex[:10]}"
    cluster.psql(f"CREATE SCHEMA {schema}")
    url = cluster.url(schema=schema)
    if migrate:
        open_backend(url, migrate=True).dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def casebook_at(request, tmp_path):
    """Where a new casebook is, on each backend: a file's path, or a server casebook's URL."""
    if request.param == "sqlite":
        return tmp_path / "casebook.sqlite"
    return new_server_casebook(request.getfixturevalue("postgres"))
