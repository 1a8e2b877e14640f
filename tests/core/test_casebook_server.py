"""A casebook on a PostgreSQL server: choosing it, who a change is by, a colleague's change
noticed, eight processes at once, and copies between a file and a server. (The team's roles,
the read-only one among them, as docs/team-casebook.md sets them up: test_team_roles.py.)"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import attrs
import pytest
from inspectorate.casebook import Casebook, CasebookError
from inspectorate.casefile import write_case_file
from inspectorate.model import Case, Judgement, Provider
from inspectorate.testing import make_host, toy

from tests.conftest import new_server_casebook


def make_case(name: str = "Toy Primary School") -> Case:
    return Case(Provider(name=name, sector="school", nation="scotland"), toy.REGIME_ID, toy.FRAMEWORK_ID,
                judgements=[Judgement("teaching", "sound")])  # fmt: skip


def toy_case_files(folder, count: int) -> list:
    """``count`` toy case files in ``folder``, for the command to import (``toy_cli``)."""
    folder.mkdir(exist_ok=True)
    paths = [folder / f"toy-school-{n}.toml" for n in range(count)]
    for n, path in enumerate(paths):
        write_case_file(toy.case(f"Toy School {n}"), path, make_host(toy=toy))
    return paths


def test_an_unknown_scheme_is_refused_in_words_with_the_password_hidden(toy_cli, tmp_path):
    result = toy_cli("--casebook", "mysql://ann:hunter2@db.example.org/team", "list", cwd=tmp_path)
    assert result.returncode == 1
    assert "mysql://ann:***@db.example.org/team is not a casebook inspectorate can open" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout
    assert list(tmp_path.iterdir()) == []  # no file made under ./mysql:


def test_a_server_url_is_never_taken_for_a_file(toy_cli, tmp_path):
    result = toy_cli("--casebook", "postgresql://ann:hunter2@/team?host=/nonexistent", "list", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("inspectorate: error: cannot reach the casebook on postgresql://ann:***@/team")
    assert "hunter2" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_the_config_names_the_casebook_and_the_person(toy_cli, tmp_path, postgres):
    url = new_server_casebook(postgres)
    config = tmp_path / "config"
    (config / "inspectorate").mkdir(parents=True)
    (config / "inspectorate" / "config.toml").write_text(f'name = "Ann Jones"\ncasebook = "{url}"\n')
    env = {"XDG_CONFIG_HOME": str(config)}
    [case_file] = toy_case_files(tmp_path / "cases", 1)
    imported = toy_cli("import", str(case_file), env=env)
    assert imported.returncode == 0, imported.stderr
    case_id = imported.stdout.split()[1].rstrip(":")
    with Casebook.open(url) as book:
        assert book.count() == 1
        assert book.history(case_id)[0].who == "Ann Jones"


def test_without_a_name_a_change_is_by_the_database_role(postgres):
    url = new_server_casebook(postgres)
    with Casebook.open(url) as book:
        added = book.add(make_case())
        assert book.history(added.id)[0].who == "inspectorate"  # the cluster's role


def test_a_bad_name_in_the_config_names_file_line_and_key(tmp_path, monkeypatch):
    (tmp_path / "inspectorate").mkdir()
    (tmp_path / "inspectorate" / "config.toml").write_text('theme = "x"\nname = 3\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    with pytest.raises(CasebookError, match=r"config\.toml:2: name: must be your name in quotes"):
        Casebook.open(tmp_path / "c.sqlite")


def test_a_colleagues_change_is_noticed_without_reopening(casebook_at):
    with Casebook.open(casebook_at, who="ann") as ann, Casebook.open(casebook_at, who="bob") as bob:
        added = ann.add(make_case())
        told: list[set[str]] = []
        came = threading.Event()
        ann.watch(lambda ids: (told.append(ids), came.set()))
        ann.update(added.id, attrs.evolve(added, judgements=[]), 1)  # her own change: not told
        assert not came.wait(1.5)
        stored = bob.get(added.id)
        bob.update(added.id, attrs.evolve(stored.case, judgements=[Judgement("wellbeing", "sound")]), stored.version)
        assert came.wait(10), "bob's change was not noticed"
        assert told == [{added.id}]


EDITOR = textwrap.dedent(
    """
    import sys, attrs
    from inspectorate.casebook import Casebook
    from inspectorate.model import Judgement
    place, case_id, times = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with Casebook.open(place, who=f"editor-{case_id}") as book:
        for n in range(times):
            stored = book.get(case_id)
            new = attrs.evolve(stored.case, judgements=[Judgement("wellbeing", str(n))])
            book.update(case_id, new, stored.version, what=f"edit {n}")
    print("done")
    """
)


def test_eight_processes_editing_different_cases_lose_nothing(casebook_at):
    times = 25
    with Casebook.open(casebook_at) as book:
        ids = [book.add(make_case(f"School {n}")).id for n in range(8)]
    runs = [subprocess.Popen([sys.executable, "-c", EDITOR, str(casebook_at), case_id, str(times)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for case_id in ids]  # fmt: skip
    results = [run.communicate(timeout=120) for run in runs]
    for run, (out, err) in zip(runs, results, strict=True):
        assert run.returncode == 0 and out.strip() == "done", err
        assert "locked" not in err
    with Casebook.open(casebook_at) as book:
        for case_id in ids:
            stored = book.get(case_id)
            assert stored.version == 1 + times
            assert stored.case.grade("wellbeing") == str(times - 1)
            assert len({e.change_id for e in book.history(case_id)}) == 1 + times


def test_copy_to_a_server_and_back_keeps_every_case_history_and_audit_row(toy_cli, tmp_path, postgres):
    first = tmp_path / "mine.sqlite"
    for case_file in toy_case_files(tmp_path / "cases", 4):
        assert toy_cli("import", str(case_file), "--casebook", str(first)).returncode == 0
    with Casebook.open(first, who="ann") as book:
        row = book.list_cases()[0]
        stored = book.get(row.id)
        renamed = attrs.evolve(stored.case, provider=attrs.evolve(stored.case.provider, name="Renamed"))
        assert book.update(row.id, renamed, stored.version, what="renamed").version == stored.version + 1
        history = book.history(row.id)
    url = new_server_casebook(postgres, migrate=False)
    to_server = toy_cli("casebook", "copy", str(first), url)
    assert to_server.returncode == 0, to_server.stderr
    assert to_server.stdout.startswith(f"copied 4 cases and {4 + len(history) - 1} audit rows from {first} to postgresql://")
    assert "checked: both hold the same cases" in to_server.stdout
    back = tmp_path / "back.sqlite"
    again = toy_cli("casebook", "copy", url, str(back))
    assert again.returncode == 0, again.stderr
    with Casebook.open(back) as book, Casebook.open(url) as server:
        assert book.count() == server.count() == 4
        assert book.history(row.id) == server.history(row.id) == history
        undone = server.undo(row.id, book.get(row.id).version)  # the copied trail still undoes
        assert undone.case.provider.name == stored.case.provider.name
    refused = toy_cli("casebook", "copy", str(first), str(back))
    assert refused.returncode == 1 and "holds cases already" in refused.stderr


def test_status_and_migrate_say_what_they_do_on_a_server(toy_cli, postgres):
    url = new_server_casebook(postgres, migrate=False)
    opened = toy_cli("list", "--casebook", url)
    assert opened.returncode == 1 and "holds no casebook yet" in opened.stderr and "casebook migrate" in opened.stderr
    status = toy_cli("casebook", "status", "--casebook", url)
    assert "schema: none yet" in status.stdout and "1: Schema 1" in status.stdout
    migrated = toy_cli("casebook", "migrate", "--casebook", url)
    assert "migrated from a new casebook to schema" in migrated.stdout, migrated.stderr
    assert "nothing to do" in toy_cli("casebook", "migrate", "--casebook", url).stdout
    assert "up to date" in toy_cli("casebook", "status", "--casebook", url).stdout
    assert toy_cli("list", "--casebook", url).returncode == 0


def test_a_change_saved_while_the_watch_was_failing_is_told_once_it_looks_again(tmp_path, monkeypatch):
    from inspectorate.casebook import store

    monkeypatch.setattr(store, "WATCH_RETRY", 0.1)
    with Casebook.open(tmp_path / "casebook.sqlite", who="ann") as ann, Casebook.open(tmp_path / "casebook.sqlite", who="bob") as bob:
        added = ann.add(make_case())
        reading = Casebook._audited_since
        failures = []

        def fails_once(self, mark):
            if not failures:
                failures.append(mark)
                raise store.CasebookError("the casebook is busy")  # as a locked or unreachable casebook is
            return reading(self, mark)

        monkeypatch.setattr(Casebook, "_audited_since", fails_once)
        told: list[set[str]] = []
        came = threading.Event()
        ann.watch(lambda ids: (told.append(ids), came.set()))
        stored = bob.get(added.id)
        bob.update(added.id, attrs.evolve(stored.case, judgements=[Judgement("wellbeing", "sound")]), stored.version)
        assert came.wait(10), "bob's change, saved as the watch failed, was never told"
        assert failures and told == [{added.id}]
