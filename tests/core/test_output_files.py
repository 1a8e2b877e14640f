"""Output files: what `-o` refuses, who can read what is written, and what an interruption leaves.

The commands run with only the test kit's toy regime installed and write its report; the
comparison's output is Ofsted's case compared with Estyn, as the toy is one regime."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from inspectorate import files
from inspectorate.casebook import Casebook
from inspectorate.casefile import write_case_file
from inspectorate.testing import make_host, toy
from inspectorate.testing.command import TOY, install_plugins

from tests.support import ROOT, run_cli

OFSTED = ROOT / "docs" / "examples" / "ofsted-cif-2012-requires-improvement.toml"
LETTER = ("--template", "toy-report")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def cli(toy_cli):
    """The command with only the toy regime installed."""
    return toy_cli


@pytest.fixture
def case_file(tmp_path) -> Path:
    path = tmp_path / "case.toml"
    write_case_file(toy.case("Toy Primary School"), path, make_host(toy=toy))
    return path


@pytest.fixture
def ofsted_file(tmp_path) -> Path:
    copy = tmp_path / "ofsted.toml"
    shutil.copy(OFSTED, copy)
    return copy


@pytest.fixture
def casebook_file(cli, tmp_path, case_file) -> Path:
    path = tmp_path / "casebook.sqlite"
    assert cli("import", str(case_file), "--casebook", str(path)).returncode == 0
    return path


# -- 1. what -o refuses ---------------------------------------------------------------------------


def test_report_refuses_its_own_case_file_even_with_force(cli, case_file):
    before = case_file.read_bytes()
    result = cli("report", str(case_file), *LETTER, "-o", str(case_file), "--force")
    assert result.returncode == 1
    assert result.stderr == (f"inspectorate: error: not written to {case_file}: it is the file this command reads from; "
                             "choose another file\n")
    assert case_file.read_bytes() == before


def test_compare_refuses_its_own_case_file(ofsted_file):
    before = ofsted_file.read_bytes()
    result = run_cli("compare", str(ofsted_file), "--regimes", "estyn", "-o", str(ofsted_file), "--force")
    assert result.returncode == 1 and "the file this command reads from" in result.stderr
    assert ofsted_file.read_bytes() == before


def test_report_refuses_a_casebook_another_process_has_open(cli, case_file, casebook_file):
    with Casebook.open(casebook_file) as book:  # the other process, still working
        result = cli("report", str(case_file), *LETTER, "-o", str(casebook_file), "--force")
        assert result.returncode == 1
        assert "it is a database (an inspectorate casebook" in result.stderr
        [row] = book.list_cases()
        book.update(row.id, book.get(row.id).case, row.version, what="saved after")
    listed = cli("list", "--casebook", str(casebook_file))
    assert listed.returncode == 0 and "Toy Primary School" in listed.stdout


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_casebooks_own_files_are_refused(cli, case_file, casebook_file, suffix):
    target = f"{casebook_file}{suffix}"
    result = cli("report", str(case_file), *LETTER, "-o", target, "--force")
    assert result.returncode == 1 and f"SQLite keeps part of the database {casebook_file} in it" in result.stderr
    assert not os.path.exists(target) or Path(target).read_bytes()[:5] != b"# Toy"


def test_export_refuses_an_existing_file_unless_forced(cli, tmp_path, casebook_file):
    [line] = cli("list", "--casebook", str(casebook_file)).stdout.splitlines()
    case_id = line.split()[0]
    out = tmp_path / "mine.toml"
    out.write_text("my own notes\n")
    refused = cli("export", case_id, "-o", str(out), "--casebook", str(casebook_file))
    assert refused.returncode == 1
    assert refused.stderr == f"inspectorate: error: {out} already exists; add --force to replace it\n"
    assert out.read_text() == "my own notes\n"
    forced = cli("export", case_id, "-o", str(out), "--force", "--casebook", str(casebook_file))
    assert forced.returncode == 0, forced.stderr
    assert out.read_text().startswith('format = "inspectorate-case/1"')


def test_a_folder_is_refused(cli, case_file, tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    result = cli("report", str(case_file), *LETTER, "-o", str(folder), "--force")
    assert result.returncode == 1 and "it is a folder; give a file name" in result.stderr
    assert list(folder.iterdir()) == []


def test_a_link_is_refused_even_with_force_and_what_it_points_to_is_kept(cli, case_file, tmp_path):
    kept = tmp_path / "kept.md"
    kept.write_text("the inspector's own edits")
    link = tmp_path / "link.md"
    link.symlink_to(kept)
    result = cli("report", str(case_file), *LETTER, "-o", str(link), "--force")
    assert result.returncode == 1 and f"it is a link (to {kept})" in result.stderr
    assert link.is_symlink() and kept.read_text() == "the inspector's own edits"


def test_what_is_not_a_regular_file_is_refused(cli, case_file, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = cli("report", str(case_file), *LETTER, "-o", str(pipe), "--force")
    assert result.returncode == 1 and "it is a named pipe, not a file" in result.stderr
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    with pytest.raises(files.OutputError, match="it is a device, not a file"):
        files.check_target(os.devnull, replace=True)


def test_a_file_that_appears_while_writing_is_kept(tmp_path):
    target = tmp_path / "letter.md"
    with pytest.raises(files.OutputExists), files.writing(target) as temp:
        temp.write_text("draft")
        target.write_text("someone else's")  # created meanwhile: not overwritten without replace
    assert target.read_text() == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.md"]


# -- 2. owner-only, whatever the umask ------------------------------------------------------------


def test_every_output_is_owner_only_under_umask_000(cli, tmp_path, case_file, casebook_file, ofsted_file):
    [line] = cli("list", "--casebook", str(casebook_file)).stdout.splitlines()
    old = os.umask(0)
    try:
        outputs = {
            "report": ("report", str(case_file), *LETTER, "-o", str(tmp_path / "r.md")),
            "compare": ("compare", str(ofsted_file), "--regimes", "estyn", "-o", str(tmp_path / "c.txt")),
            "export": ("export", line.split()[0], "-o", str(tmp_path / "e.toml"), "--casebook", str(casebook_file)),
        }
        for name, args in outputs.items():
            result = (run_cli if name == "compare" else cli)(*args)
            assert result.returncode in (0, 3), (name, result.stderr)
    finally:
        os.umask(old)
    assert {name: mode(tmp_path / f) for name, f in zip(outputs, ("r.md", "c.txt", "e.toml"), strict=True)} == {n: 0o600 for n in outputs}


def test_a_casebook_others_can_read_is_made_private_and_says_so(cli, casebook_file):
    casebook_file.chmod(0o644)
    result = cli("list", "--casebook", str(casebook_file))
    assert result.returncode == 0
    assert (f"inspectorate: warning: others could read the casebook {casebook_file} (mode 0644); "
            "it is now readable by you only (0600)") in result.stderr
    assert mode(casebook_file) == 0o600
    with Casebook.open(casebook_file) as book:
        assert book.notices == ()  # said once


def test_a_new_plugin_is_written_owner_only(tmp_path):
    from inspectorate.scaffold import new_plugin

    old = os.umask(0)
    try:
        written = new_plugin("toy-land", tmp_path / "toy", nation="england")
    finally:
        os.umask(old)
    assert written and {mode(p) for p in written} == {0o600}


# -- 3. interruptions -----------------------------------------------------------------------------

SLOW_WRITER = """
import sys, time
from inspectorate import files
with files.writing(sys.argv[1]) as temp:
    temp.write_text("half a report")
    print(temp, flush=True)
    time.sleep(60)
"""


def test_a_killed_write_leaves_nothing_once_the_program_runs_again(cli, tmp_path):
    target = tmp_path / "report.md"
    writer = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    temp = Path(writer.stdout.readline().strip())
    assert temp.exists() and temp.parent == tmp_path
    cli("templates")  # the writer is still running: its file is left alone
    assert temp.exists()
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert temp.exists() and not target.exists()
    assert cli("templates").returncode == 0  # any later run
    assert list(tmp_path.iterdir()) == []
    assert list(files.unfinished_folder().iterdir()) == []


def test_an_error_names_the_file_asked_for(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    target = tmp_path / "letter.md"
    with pytest.raises(files.OutputError) as raised:
        files.write_text(target, "text")
    assert str(raised.value) == f"not written to {target}: the disk is full (No space left on device)"
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_casebook_creation_leaves_no_casebook(tmp_path, monkeypatch):
    import sqlite3

    from inspectorate.casebook import CasebookError, schema

    def full(conn, found):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorname = "SQLITE_FULL"
        raise error

    monkeypatch.setattr(schema, "migrate", full)
    path = tmp_path / "new.sqlite"
    with pytest.raises(CasebookError) as raised:
        Casebook.open(path)
    assert str(raised.value).startswith(f"the disk holding the casebook {path} is full")
    assert list(tmp_path.iterdir()) == []  # no 0-byte casebook, no temporary file


# -- a real full disk (a small tmpfs of its own; needs root) --------------------------------------

FULL_DISK = """
set -e
mount -t tmpfs -o size=256k tmpfs "$DISK"
"$PY" -m inspectorate.cli import "$CASE" --casebook "$DISK/c.sqlite" >/dev/null
dd if=/dev/zero of="$DISK/fill" bs=4k 2>/dev/null || true
"$PY" -m inspectorate.cli list --casebook "$DISK/c.sqlite" 2>&1 || true
"$PY" -m inspectorate.cli list --casebook "$DISK/new.sqlite" 2>&1 || true
"$PY" -m inspectorate.cli report "$CASE" --template toy-report -o "$DISK/r.md" 2>&1 || true
ls -a "$DISK"
"""


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="mounting a small disk needs root")
def test_a_full_disk_is_said_in_words_and_leaves_nothing(tmp_path, case_file):
    disk = tmp_path / "disk"
    disk.mkdir()
    toy_only = install_plugins(tmp_path / "plugins", TOY)
    env = {**os.environ, "DISK": str(disk), "PY": sys.executable, "CASE": str(case_file), **toy_only}
    env.pop("INSPECTORATE_DEBUG", None)
    run = subprocess.run(["unshare", "-m", "sh", "-c", FULL_DISK], capture_output=True, text=True, env=env, timeout=120)
    if "mount:" in run.stderr:
        pytest.skip(f"cannot mount here: {run.stderr.strip()}")
    lines = run.stdout.splitlines()
    assert (f"inspectorate: error: the disk holding the casebook {disk}/c.sqlite is full (disk I/O error): free some "
            "space and try again; what was saved before is kept, and the change that failed was not made") in lines
    assert any(line.startswith(f"inspectorate: error: cannot create the casebook {disk}/new.sqlite") or
               line.startswith(f"inspectorate: error: the disk holding the casebook {disk}/new.sqlite is full") for line in lines), lines
    assert f"inspectorate: error: not written to {disk}/r.md: the disk is full (No space left on device)" in lines
    listed = [line for line in lines if not line.startswith("inspectorate:")]
    assert "new.sqlite" not in listed and "r.md" not in listed and not any(n.endswith(".tmp") for n in listed), listed
