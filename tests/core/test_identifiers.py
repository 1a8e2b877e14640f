"""Provider identifiers: one check of URN, UKPRN, LA code and LAESTAB, wherever an identifier comes in.

Case files are the test kit's toy case's; the last test reads every example in docs/examples with
the built-in plugins, as the examples are cases under their real frameworks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inspectorate import hookimpl, identifiers
from inspectorate.casefile import CaseFileError, dumps_case, loads_case
from inspectorate.exchange import Importer, read_case
from inspectorate.model import Case, Provider
from inspectorate.plugins import PluginHost, host_from
from inspectorate.testing import make_host, toy

from tests.support import ROOT

#: A toy case file; its provider's URN is 100001.
TOY_FILE = dumps_case(toy.case("Toy Primary School"))


@pytest.fixture(scope="module")
def host():
    return make_host(toy=toy)


@pytest.mark.parametrize(
    ("key", "value"),
    [("urn", "130612"), ("URN", "1027077"), ("urn", "SC040196"), ("ukprn", "10012345"), ("LA code", "681"),
     ("la_code", "330"), ("laestab", "6812345"), ("laestab", "681/2345"), ("establishment-type", "Foundation school")],
)
def test_identifiers_in_their_published_form_pass(key, value):
    assert identifiers.problem(key, value) is None


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("urn", "58214", "urn '58214' is not a valid URN: a URN is 6 digits"),
        ("urn", "13O612", "urn '13O612' is not a valid URN"),
        ("ukprn", "20012345", "ukprn '20012345' is not a valid UKPRN: a UKPRN is 8 digits starting with 1"),
        ("ukprn", "1001234", "is not a valid UKPRN"),
        ("la-code", "6811", "la-code '6811' is not a valid LA code: an LA code is 3 digits"),
        ("LA_Code", "68", "LA_Code '68' is not a valid LA code"),
        ("laestab", "681234", "is not a valid LAESTAB"),
        ("urn", " ", "urn has no value"),
    ],
)
def test_a_known_identifier_not_in_its_form_is_refused_naming_the_key(key, value, said):
    assert said in identifiers.problem(key, value)


def test_the_typed_form_is_read_back_and_every_wrong_part_said():
    assert identifiers.from_text("urn=130612, establishment-type = Academy converter") == {
        "urn": "130612", "establishment-type": "Academy converter"}
    with pytest.raises(ValueError) as error:
        identifiers.from_text("urn=58214, ukprn, la code=6811, URN=130612, urn=130613")
    said = str(error.value)
    assert "urn '58214' is not a valid URN" in said
    assert "'ukprn' is not name=value" in said
    assert "la code '6811' is not a valid LA code" in said
    assert "urn is given twice" in said
    assert identifiers.as_text({"urn": "130612", "ukprn": "10012345"}) == "urn=130612, ukprn=10012345"


def test_the_case_file_reader_refuses_a_malformed_urn_with_its_line_and_key(host):
    text = TOY_FILE.replace('urn = "100001"', 'urn = "13053"\nukprn = "10005032"')
    assert text != TOY_FILE
    with pytest.raises(CaseFileError) as error:
        loads_case(text, host, "case.toml")
    [problem] = error.value.problems
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.startswith("urn ="))
    assert (problem.line, problem.key) == (line, "provider.identifiers.urn")
    assert "'13053' is not a valid URN" in problem.message


def test_a_case_from_another_importer_is_checked_the_same_way(tmp_path):
    """An importer a plugin adds (here CSV) gets the same check: nothing arrives with a bad UKPRN."""

    class CsvPlugin:
        @hookimpl
        def register_importers(self, register):
            register(Importer(id="csv", name="CSV", extensions=[".csv"], read=lambda path, host: Case(
                provider=Provider("Toy College", "further-education", identifiers={"ukprn": "9999"}),
                regime="toy", framework="toy-2026")))

    host = host_from([("toy", toy), ("csv", CsvPlugin())])
    path = tmp_path / "cases.csv"
    path.write_text("anything")
    with pytest.raises(CaseFileError) as error:
        read_case(host, path)
    [problem] = error.value.problems
    assert problem.key == "provider.identifiers.ukprn"
    assert "'9999' is not a valid UKPRN" in str(problem)


def test_import_refuses_a_case_file_with_a_bad_identifier_and_adds_nothing(toy_cli, tmp_path):
    bad = tmp_path / "case.toml"
    bad.write_text(TOY_FILE.replace('urn = "100001"', 'urn = "100001x"'))
    casebook = tmp_path / "casebook.sqlite"
    result = toy_cli("import", str(bad), "--casebook", str(casebook))
    assert result.returncode != 0
    assert "provider.identifiers.urn: urn '100001x' is not a valid URN" in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(toy_cli("list", "--json", "--casebook", str(casebook)).stdout) == []


def test_every_example_case_file_has_well_formed_identifiers():
    host = PluginHost(environ={}).load_entry_points()
    for path in sorted(Path(ROOT / "docs" / "examples").glob("*.toml")):
        loads_case(path.read_text(encoding="utf-8"), host, str(path))
