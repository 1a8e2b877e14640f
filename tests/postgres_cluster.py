"""A throwaway PostgreSQL cluster in a temporary folder, reachable on a Unix socket only.

For the tests (a session fixture in ``tests/conftest.py``) and the benchmarks. ``initdb`` refuses
to run as root, so as root the cluster is made and run as the ``postgres`` user (Debian's package
makes it) through ``runuser``; otherwise as whoever runs the tests. Its superuser is called
``inspectorate`` and local connections are trusted, so the tests need no password.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "inspectorate"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (Debian's newest first, then PATH), or None."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda f: int(f.split("/")[-2]), reverse=True):
        if os.access(Path(folder) / "initdb", os.X_OK):
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


class Cluster:
    """``start()`` it, use :meth:`url`, :meth:`psql`; ``stop()`` removes everything."""

    def __init__(self):
        self.bin = binaries()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH)")
        self.folder = Path(tempfile.mkdtemp(prefix="inspectorate-pg-"))
        self.data = self.folder / "data"
        self.socket = self.folder  # short, so the socket's path fits its limit
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.folder, "postgres")
        os.chmod(self.folder, 0o755)  # the tests (another user, as root) reach the socket in it

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=120)
        if result.returncode:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {result.stderr.strip() or result.stdout.strip()}")

    def start(self) -> Cluster:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "--no-locale", "-E", "UTF8", "--no-sync")  # fmt: skip
        options = f"-k {self.socket} -c listen_addresses='' -c fsync=off -c max_connections=60"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")
        return self

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = SUPERUSER, schema: str | None = None) -> str:
        """A libpq URL for ``database`` on this cluster (``schema`` first on the search path)."""
        url = f"postgresql://{user}@/{database}?host={self.socket}"
        return url + (f"&options=-csearch_path%3D{schema}" if schema else "")

    def psql(self, sql: str, database: str = "postgres", user: str = SUPERUSER) -> str:
        result = subprocess.run(
            [str(self.bin.parent / "bin" / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(self.socket),
             "-U", user, "-d", database, "-At", "-c", sql],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"psql: {result.stderr.strip()}")
        return result.stdout
