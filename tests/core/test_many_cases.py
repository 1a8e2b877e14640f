"""Many cases at once: one file holding many (inspectorate-cases/1), a folder of case files, and
the casebook exported to either; all or none, every problem named by file, line and key.

The formats are the core's, so the cases are the test kit's toy cases, read and written with only
the toy regime installed."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import attrs
import pytest
from inspectorate.casebook import Casebook
from inspectorate.casefile import MANY_FORMAT, CaseFileError, read_many_cases, write_case_file
from inspectorate.exchange import export_cases, export_to_folder
from inspectorate.files import OutputExists
from inspectorate.importing import import_path, read_for_import
from inspectorate.testing import toy

ALL_STRONG = {"teaching": "strong", "wellbeing": "strong", "leadership": "strong", "community": "strong"}


def _college(case):
    return attrs.evolve(case, provider=attrs.evolve(case.provider, sector="further-education"))


#: Toy cases unlike one another: in a toy review or not, unpublished, a review visit done, a college.
CASES = [
    toy.case("Toy Primary School"),
    toy.case("Toy High School", grades=ALL_STRONG),
    toy.case("Toy Nursery", published=None),
    toy.case("Toy Academy", done={"toy-review-visit": dt.date(2025, 7, 10)}),
    _college(toy.case("Toy College", grades={**ALL_STRONG, "community": "weak"})),
    toy.case("Toy Special School", grades={"teaching": "sound", "wellbeing": "sound", "leadership": "sound"}),
]


@pytest.fixture
def host(toy_host):
    return toy_host


@pytest.fixture
def examples():
    return list(CASES)


@pytest.fixture
def case_folder(host, tmp_path):
    """A folder with one case file for each of :data:`CASES`."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for n, case in enumerate(CASES):
        write_case_file(case, folder / f"case-{n}.toml", host)
    return folder


def _line_of(path: Path, start: str, nth: int = 1) -> int:
    found = [i for i, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(start)]
    return found[nth - 1]


def test_a_many_case_file_holds_every_case_and_reads_back_the_same(host, examples, tmp_path):
    path = tmp_path / "cases.toml"
    export_cases(host, examples, path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text()
    assert text.startswith(f'format = "{MANY_FORMAT}"\n') and text.count("[[cases]]") == len(examples)
    assert read_many_cases(path, host) == examples


def test_every_problem_of_every_case_in_a_many_case_file_is_named_and_nothing_is_imported(host, examples, tmp_path, toy_cli):
    path = tmp_path / "cases.toml"
    export_cases(host, examples[:3], path)
    text = path.read_text()
    first_sector = text.index("sector = ")
    text = text[:first_sector] + 'sector = "skool"' + text[text.index("\n", first_sector):]
    third = text.index("[cases.inspection]", text.index("[cases.inspection]", text.index("[cases.inspection]") + 1) + 1)
    path.write_text(text[:third] + "[cases.inspektion]" + text[third + len("[cases.inspection]"):])
    with pytest.raises(CaseFileError) as caught:
        read_many_cases(path, host)
    shown = str(caught.value).splitlines()
    assert f"{path}:{_line_of(path, 'sector = ')}: cases[0].provider.sector: 'skool' is not a sector of {examples[0].framework}" in shown[0]
    assert f"{path}:{_line_of(path, '[cases.inspektion]')}: cases[2].inspektion: unknown key (did you mean 'inspection'?)" in shown
    assert any(line.endswith("cases[2].inspection: missing: [inspection] is required") for line in shown)
    casebook = tmp_path / "c.sqlite"
    result = toy_cli("import", str(path), "--casebook", str(casebook))
    assert result.returncode == 1
    assert "cases[2].inspektion: unknown key" in result.stderr and "cases[0].provider.sector" in result.stderr
    assert json.loads(toy_cli("list", "--json", "--casebook", str(casebook)).stdout) == []


def test_a_one_case_file_is_refused_where_a_case_file_is_read_if_it_holds_many(host, examples, tmp_path, toy_cli):
    path = tmp_path / "cases.toml"
    export_cases(host, examples[:2], path)
    result = toy_cli("evaluate", str(path))
    assert result.returncode == 1
    assert f"{path}:1: format: this file holds many cases (inspectorate-cases/1)" in result.stderr


def test_a_folder_imports_all_or_none_with_each_file_line_and_key(host, examples, tmp_path):
    folder = tmp_path / "out"
    written = export_to_folder(host, [attrs.evolve(e, id=f"id{n}") for n, e in enumerate(examples)], folder)
    assert len(written) == len(examples) and all(stat.S_IMODE(os.stat(p).st_mode) == 0o600 for p in written)
    read = read_for_import(host, folder).cases
    assert sorted(read, key=repr) == sorted(examples, key=repr)
    bad_one, bad_two = written[0], written[5]
    bad_one.write_text(bad_one.read_text().replace('regime = "', 'regme = "'))
    bad_two.write_text(bad_two.read_text().replace("[provider]", "[provder]"))
    with Casebook.open(tmp_path / "c.sqlite") as casebook:
        with pytest.raises(CaseFileError) as caught:
            import_path(casebook, host, folder)
        assert casebook.count() == 0
    lines = str(caught.value).splitlines()
    assert f"{bad_one}:{_line_of(bad_one, 'regme')}: inspection.regme: unknown key (did you mean 'regime'?)" in lines
    assert f"{bad_two}:{_line_of(bad_two, '[provder]')}: provder: unknown key (did you mean 'provider'?)" in lines


def test_export_all_to_a_folder_and_to_one_file_then_import_gives_the_same_casebook(toy_cli, case_folder, tmp_path):
    book = tmp_path / "c.sqlite"
    assert toy_cli("import", str(case_folder), "--casebook", str(book)).stdout.splitlines()[-1] == (
        f"imported {len(CASES)} rows, refused 0 ({case_folder})")
    folder, single = tmp_path / "folder", tmp_path / "all.toml"
    assert toy_cli("export", "--all", "-o", str(folder), "--casebook", str(book)).returncode == 0
    assert toy_cli("export", "--all", "-o", str(single), "--casebook", str(book)).returncode == 0
    assert len(list(folder.glob("*.toml"))) == len(CASES)
    again = toy_cli("export", "--all", "-o", str(folder), "--casebook", str(book))
    assert again.returncode == 1 and "already exists; add --force to replace it" in again.stderr
    for source in (folder, single):
        other = tmp_path / f"{source.name}.sqlite"
        assert toy_cli("import", str(source), "--casebook", str(other)).returncode == 0
        listed = lambda b: sorted((r["provider"], r["framework"], r["stage"]) for r in json.loads(  # noqa: E731
            toy_cli("list", "--json", "--archived", "--casebook", str(b)).stdout))
        assert listed(other) == listed(book)


def test_export_of_some_cases_by_id_to_one_file(toy_cli, case_folder, tmp_path):
    book = tmp_path / "c.sqlite"
    toy_cli("import", str(case_folder), "--casebook", str(book))
    ids = [r["id"] for r in json.loads(toy_cli("list", "--json", "--casebook", str(book)).stdout)][:2]
    out = tmp_path / "two.toml"
    result = toy_cli("export", *ids, "-o", str(out), "--casebook", str(book))
    assert result.stdout.strip() == f"exported 2 cases to {out}"
    assert out.read_text().count("[[cases]]") == 2
    neither = toy_cli("export", "-o", str(tmp_path / "x.toml"), "--casebook", str(book))
    assert neither.returncode == 2 and "give the ids of the cases to export, or --all" in neither.stderr


def test_an_unknown_format_name_is_refused_with_the_known_ones(toy_cli, case_folder, tmp_path):
    result = toy_cli("import", str(sorted(case_folder.iterdir())[0]), "--format", "nope", "--casebook", str(tmp_path / "c.sqlite"))
    assert result.returncode == 1
    assert "no importer is called 'nope' (known: case-file" in result.stderr


def test_progress_is_told_file_by_file_for_a_folder(host, case_folder, tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    for path in sorted(case_folder.iterdir())[:3]:
        (folder / path.name).write_text(path.read_text())
    seen = []
    read_for_import(host, folder, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_an_export_that_would_overwrite_refuses_before_any_file_is_written(host, examples, tmp_path):
    cases = [attrs.evolve(e, id=f"id{n}") for n, e in enumerate(examples[:3])]
    folder = tmp_path / "f"
    written = export_to_folder(host, cases[2:], folder)
    with pytest.raises(OutputExists):
        export_to_folder(host, cases, folder)
    assert sorted(folder.iterdir()) == written
