"""The headless command line, run as a person would run it: a real subprocess.

The commands are the core's, so they run with only the test kit's toy regime installed (Estyn's
Welsh report and its excellent-without-sector-leading-practice rule are tested with Estyn)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

import pytest
from inspectorate.casefile import write_case_file
from inspectorate.model import Evidence
from inspectorate.testing import make_host, toy

#: In a toy review: a written plan by 27 May 2025, a review visit 1 to 29 July.
PRIMARY = toy.case("Toy Primary School", evidence=[Evidence("teaching", "concern", "Too little challenge.")])


@pytest.fixture
def primary(tmp_path):
    path = tmp_path / "primary.toml"
    write_case_file(PRIMARY, path, make_host(toy=toy))
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["2023-12-29", "5"], "2024-01-08"),
        (["2023-12-29", "5", "--division", "scotland"], "2024-01-09"),
        (["2013-04-02", "-2"], "2013-03-27"),
    ],
)
def test_workdays(cli, args, expected):
    result = cli("workdays", *args)
    assert (result.returncode, result.stdout.strip()) == (0, expected), result.stderr


def test_workdays_rejects_an_impossible_date_in_one_line(cli):
    result = cli("workdays", "2013-02-30", "2")
    assert result.returncode != 0
    assert "'2013-02-30' is not a date" in result.stderr
    assert "Traceback" not in result.stderr


def test_plugins_json_lists_each_plugin_with_its_version_hooks_and_regimes(toy_cli):
    result = toy_cli("plugins", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    plugins = {p["name"]: p for p in report["plugins"]}
    assert set(plugins) == {"toy", "icalendar"}
    assert plugins["toy"]["version"] == "0.0.0" and plugins["icalendar"]["version"] == "0.1.0"
    assert "register_regimes" in plugins["toy"]["hooks"] and "declare_timing_rules" in plugins["toy"]["hooks"]
    assert plugins["toy"]["regimes"] == ["toy"]
    assert not plugins["toy"]["builtin"] and plugins["toy"]["distribution"] == "inspectorate-test-plugins"
    assert plugins["icalendar"]["builtin"] and plugins["icalendar"]["distribution"] == "inspectorate"
    assert report["problems"] == []
    assert report["hook_api_version"] == "1.4"


def test_frameworks_json_has_scales_and_areas(toy_cli):
    result = toy_cli("frameworks", "--json")
    regimes = {r["id"]: r for r in json.loads(result.stdout)["regimes"]}
    [framework] = regimes["toy"]["frameworks"]
    assert framework["id"] == "toy-2026"
    assert [g["id"] for g in framework["scales"][0]["grades"]] == ["strong", "sound", "weak"]
    assert framework["scales"][0]["grades"][0]["names"] == {"en": "Strong"}
    assert "community" in [a["id"] for a in framework["areas"]]


def test_evaluate_json_shape(toy_cli, primary):
    result = toy_cli("evaluate", str(primary), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"proposals", "follow_up", "findings"}
    assert data["proposals"]["overall"]["grade"] == "weak"  # the weakest area grade
    assert data["follow_up"]["id"] == "toy-review"
    assert data["follow_up"]["citation"]["document"] == toy.SOURCE


def test_evaluate_json_finding_shape(toy_cli, tmp_path):
    late = tmp_path / "late.toml"
    write_case_file(toy.case(done={"toy-plan": dt.date(2025, 6, 2)}), late, make_host(toy=toy))
    data = json.loads(toy_cli("evaluate", str(late), "--json").stdout)
    [finding] = data["findings"]
    assert set(finding) >= {"severity", "rule", "message", "citation"}
    assert finding["rule"] == "timing.done-late"  # the plan was due by 27 May


def test_schedule_json_shape_and_statuses_against_today(toy_cli, primary):
    result = toy_cli("schedule", str(primary), "--json", "--today", "2025-07-24")
    events = {e["id"]: e for e in json.loads(result.stdout)["events"]}
    visit = events["toy-review-visit"]
    assert {"id", "title", "earliest", "latest", "anchor", "basis", "statutory", "citation"} <= set(visit)
    assert (visit["earliest"], visit["latest"]) == ("2025-07-01", "2025-07-29")
    assert visit["status"] == "due-soon"
    assert "toy-review-letter" not in events  # it follows the visit only once the visit is done
    late = {e["id"]: e for e in json.loads(toy_cli("schedule", str(primary), "--json", "--today", "2025-07-30").stdout)["events"]}
    assert late["toy-review-visit"]["status"] == "overdue"


def test_case_file_with_a_misspelt_key_names_file_line_and_key_and_imports_nothing(toy_cli, tmp_path, primary):
    bad = tmp_path / "case.toml"
    assert 'kind = "concern"' in primary.read_text()
    bad.write_text(primary.read_text().replace('kind = "concern"', 'knid = "concern"'))
    casebook = tmp_path / "casebook.sqlite"
    result = toy_cli("import", str(bad), "--casebook", str(casebook))
    assert result.returncode != 0
    line = next(i for i, text in enumerate(bad.read_text().splitlines(), start=1) if "knid" in text)
    assert f"{bad}:{line}: evidence[0].knid: unknown key (did you mean 'kind'?)" in result.stderr
    assert "Traceback" not in result.stderr
    listed = toy_cli("list", "--json", "--casebook", str(casebook))
    assert json.loads(listed.stdout) == []


def test_import_then_export_gives_an_identical_case_file(toy_cli, tmp_path, primary):
    casebook = tmp_path / "casebook.sqlite"
    imported = toy_cli("import", str(primary), "--casebook", str(casebook))
    assert imported.returncode == 0, imported.stderr
    case_id = imported.stdout.split()[1].rstrip(":")
    assert stat.S_IMODE(os.stat(casebook).st_mode) == 0o600
    [row] = json.loads(toy_cli("list", "--json", "--casebook", str(casebook)).stdout)
    assert (row["id"], row["provider"], row["next_event"]) == (case_id, "Toy Primary School", "Written plan")
    out = tmp_path / "out.toml"
    assert toy_cli("export", case_id, "-o", str(out), "--casebook", str(casebook)).returncode == 0
    again = toy_cli("evaluate", str(out), "--json")
    assert json.loads(again.stdout) == json.loads(toy_cli("evaluate", str(primary), "--json").stdout)
    from inspectorate.casefile import loads_case

    host = make_host(toy=toy)
    assert loads_case(out.read_text(), host) == loads_case(primary.read_text(), host) == PRIMARY


def test_export_of_an_unknown_case_is_one_clear_line(cli, tmp_path):
    result = cli("export", "nope", "-o", str(tmp_path / "x.toml"), "--casebook", str(tmp_path / "c.sqlite"))
    assert result.returncode == 1
    assert result.stderr.strip() == "inspectorate: error: there is no case 'nope' in this casebook"


def test_locate_honours_the_casebook_option(cli, tmp_path):
    chosen = tmp_path / "mine.sqlite"
    assert cli("locate", "casebook", "--casebook", str(chosen)).stdout.strip() == str(chosen)
    assert cli("locate", "config").returncode == 0
    assert cli("locate", "log").stdout.strip().endswith("problems.log")


def test_report_to_a_file_replaces_it_whole(toy_cli, tmp_path, primary):
    out = tmp_path / "letter.md"
    out.write_text("an older draft")
    out.chmod(0o640)
    args = ("report", str(primary), "--template", "toy-report", "-o", str(out))
    refused = toy_cli(*args)
    assert refused.returncode == 1 and refused.stderr == f"inspectorate: error: {out} already exists; add --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "an older draft"
    result = toy_cli(*args, "--force")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Toy Primary School: toy inspection report")
    assert out.stat().st_mode & 0o777 == 0o600  # owner-only, as every file the program writes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.md", "primary.toml"]  # no temporary file left behind
