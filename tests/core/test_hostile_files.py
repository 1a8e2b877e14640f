"""Hostile and odd case files fail fast with one clear line; what is exported always re-imports.

The files are the test kit's toy cases. The two visit-kind tests read Estyn 2024, a framework whose
visit kinds leave out the plain "inspection" (the toy's has only that one)."""

from __future__ import annotations

import re
import threading

import attrs
import pytest
from inspectorate.casebook import Casebook
from inspectorate.casefile import CaseFileError, dumps_case, loads_case, read_case_file
from inspectorate.plugins import PluginHost
from inspectorate.testing import make_host, toy
from inspectorate.toml_limits import MAX_KEY_PARTS, MAX_NESTING, past_limits

from tests.support import ROOT

EXAMPLES = ROOT / "docs" / "examples"
#: An ordinary case file to make hostile: a toy case in a toy review, with its local authority.
TOY = dumps_case(toy.case(provider=attrs.evolve(toy.case().provider, local_authority="Toy Council")))


@pytest.fixture(scope="module")
def host():
    return make_host(toy=toy)


@pytest.fixture(scope="module")
def estyn_host():
    return PluginHost(environ={"INSPECTORATE_LOAD_PLUGINS": "estyn"}).load_entry_points()


def _refusal(text: str, host, seconds: float = 120.0) -> CaseFileError:
    """Read ``text``; it must be refused (in a thread, so a regression fails rather than hangs)."""
    outcome: list = []

    def read():
        try:
            loads_case(text, host, "hostile.toml")
        except CaseFileError as error:
            outcome.append(error)
        except BaseException as error:  # noqa: BLE001 - the test reports what escaped
            outcome.append(error)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading the file did not end"
    assert outcome and isinstance(outcome[0], CaseFileError), f"not a clear refusal: {outcome!r}"
    return outcome[0]


def test_a_key_of_twenty_thousand_parts_is_refused_at_once_naming_its_line(host):
    text = TOY + "\n" + ".".join(["a"] * 20_000) + " = 1\n"
    error = _refusal(text, host)
    line = TOY.count("\n") + 2
    assert str(error) == (
        f"hostile.toml:{line}: {('a.' * 20)}…: a key has more than {MAX_KEY_PARTS} dotted parts, "
        "so the file is not read"
    )


def test_a_table_header_of_thousands_of_parts_is_refused(host):
    error = _refusal(TOY + "\n[" + ".".join(["t"] * 5_000) + "]\n", host)
    assert f"more than {MAX_KEY_PARTS} dotted parts" in str(error)


@pytest.mark.parametrize(
    "value",
    ["[" * 5_000 + "]" * 5_000, "{a = " * 3_000 + "1" + "}" * 3_000],
    ids=["arrays", "inline tables"],
)
def test_deep_nesting_is_one_clear_line_not_a_recursion_error(host, value):
    error = _refusal(TOY + "\nx = " + value + "\n", host)
    assert len(str(error).splitlines()) == 1
    assert f"nested more than {MAX_NESTING} deep" in str(error)
    assert "recursion" not in str(error)


def test_a_key_full_of_newlines_is_one_line(host):
    error = _refusal(TOY + '\n"' + "\\n" * 20_000 + '" = 1\n', host)
    assert len(str(error).splitlines()) == 1
    assert "a quoted key is longer than" in str(error)


def test_a_short_key_holding_a_newline_is_named_on_one_line(host):
    error = _refusal(TOY.replace("[inspection]", '[inspection]\n"odd\\nkey" = 1', 1), host)
    assert len(str(error).splitlines()) == 1
    assert '"odd\\u000akey"' in str(error)


def test_a_long_list_of_problems_stops_after_a_screenful(host):
    junk = "\n".join(f"junk{i} = 1" for i in range(300))
    error = _refusal(TOY + "\n" + junk + "\n", host)
    lines = str(error).splitlines()
    assert len(lines) == CaseFileError.SHOWN + 1
    assert lines[-1] == f"and {300 - CaseFileError.SHOWN} more problems in hostile.toml"
    assert len(error.problems) == 300  # every one is still there for a program to read


def test_values_that_look_like_keys_are_not_counted(host):
    # Dots and brackets inside strings, dates and numbers are not keys or nesting.
    assert past_limits('a = "' + "." * 100 + "[" * 100 + '"\nb = 1.5\nc = [1.5, 2.5]\nd = 2024-01-01\n') is None
    assert past_limits("a.b.c = { d.e = [[1, 2], [3]], f = 'x.y.z' }\n[[t.u]]\nv = '''\n[[[[\n'''\n") is None
    assert loads_case(TOY, host, "ok.toml")


def test_a_file_too_big_is_refused_before_it_is_read(host, tmp_path, monkeypatch):
    import inspectorate.toml_limits as limits

    monkeypatch.setattr(limits, "MAX_BYTES", 100)
    path = tmp_path / "big.toml"
    path.write_text(TOY, encoding="utf-8")
    with pytest.raises(CaseFileError, match=rf"big\.toml: the file is {len(TOY.encode()):,} bytes, more than the 100"):
        read_case_file(path, host)


def test_a_long_local_authority_is_one_clear_problem_for_evaluate_and_schedule(tmp_path, toy_cli):
    (tmp_path / "inspectorate" / "terms").mkdir(parents=True)  # a terms folder: the name reaches the disk
    path = tmp_path / "long.toml"
    long = re.sub(r'(?m)^local_authority = .*$', 'local_authority = "' + "x" * 3_000 + '"', TOY)
    assert long != TOY
    path.write_text(long, encoding="utf-8")
    line = next(n for n, text in enumerate(long.splitlines(), start=1) if text.startswith("local_authority"))
    for command in ("evaluate", "schedule"):
        result = toy_cli(command, str(path), env={"XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path)})
        assert result.returncode != 0
        assert result.stderr.strip().splitlines() == [
            f"inspectorate: error: {path}:{line}: provider.local_authority: is 3000 characters long: "
            "a local authority's name is one line of at most 80 characters"
        ]


def test_a_school_terms_lookup_for_a_name_too_long_for_a_file_is_the_default_terms(tmp_path):
    from inspectorate.calendar import terms_for_local_authority, wales_terms

    assert terms_for_local_authority("x" * 3_000, user_dir=tmp_path) is wales_terms()


# -- what is exported re-imports ----------------------------------------------------------------


def test_a_case_file_without_a_kind_takes_its_frameworks_usual_one_and_round_trips(estyn_host, tmp_path):
    source = (EXAMPLES / "estyn-2024-core-inspection-planned.toml").read_text(encoding="utf-8")
    without_kind = re.sub(r'(?m)^kind = "core-inspection"\n', "", source, count=1)
    assert without_kind != source
    case = loads_case(without_kind, estyn_host, "nokind.toml")
    assert case.kind == "core-inspection"  # estyn-2024 has no plain "inspection"
    again = loads_case(dumps_case(case), estyn_host, "exported.toml")
    assert again == case


def test_export_refuses_a_case_that_would_not_import(estyn_host, tmp_path):
    import attrs
    from inspectorate.exchange import exporter_for

    case = attrs.evolve(read_case_file(EXAMPLES / "estyn-2024-core-inspection-planned.toml", estyn_host), kind="inspection")
    out = tmp_path / "out.toml"
    with pytest.raises(CaseFileError, match=r"inspection\.kind: 'inspection' is not a visit kind of estyn-2024 .*it would not import"):
        exporter_for(estyn_host, out).write(case, out)
    assert not out.exists()


def test_list_shows_cases_stored_through_the_api_without_a_summary(host, tmp_path, toy_cli):
    casebook_path = tmp_path / "api.db"
    with Casebook.open(casebook_path) as casebook:
        stored = casebook.add(loads_case(TOY, host))
    result = toy_cli("--casebook", str(casebook_path), "list")
    assert result.returncode == 0, result.stderr
    row = result.stdout.strip()
    assert row.startswith(stored.id) and "Toy Primary School" in row
    assert "follow-up" in row and "Written plan" in row  # the rules' stage and next event
    as_json = toy_cli("--casebook", str(casebook_path), "list", "--json")
    assert as_json.returncode == 0 and '"stage": "follow-up"' in as_json.stdout


def test_a_large_ordinary_file_is_within_the_limits():
    text = TOY + "".join(
        f'\n[[evidence]]\narea = "a"\nkind = "strength"\ntext = "note {i}: ' + "word " * 80 + '"\n' for i in range(3_000)
    )
    assert len(text) > 1_000_000
    assert past_limits(text) is None
