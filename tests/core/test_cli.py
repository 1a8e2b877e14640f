"""The headless command line, run as a person would run it: a real subprocess."""

from __future__ import annotations

import json
import os
import stat

import pytest

from tests.support import ROOT

EXAMPLES = ROOT / "docs" / "examples"
OFSTED_RI = EXAMPLES / "ofsted-cif-2012-requires-improvement.toml"
ESTYN_EXCELLENT = EXAMPLES / "estyn-cif-2010-excellent-school.toml"


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


def test_plugins_json_lists_estyn_and_ofsted_with_versions_and_hooks(cli):
    result = cli("plugins", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    plugins = {p["name"]: p for p in report["plugins"]}
    assert plugins["estyn"]["version"] == "0.1.0" and plugins["ofsted"]["version"] == "0.1.0"
    assert "register_regimes" in plugins["estyn"]["hooks"] and "schedule_follow_up" in plugins["ofsted"]["hooks"]
    assert plugins["estyn"]["regimes"] == ["estyn"]
    assert plugins["estyn"]["builtin"] and plugins["ofsted"]["distribution"] == "inspectorate"
    assert report["problems"] == []
    assert report["hook_api_version"] == "1.4"


def test_frameworks_json_has_scales_and_areas(cli):
    result = cli("frameworks", "--json")
    regimes = {r["id"]: r for r in json.loads(result.stdout)["regimes"]}
    cif = regimes["estyn"]["frameworks"][0]
    assert cif["id"] == "estyn-cif-2010"
    assert [g["id"] for g in cif["scales"][0]["grades"]] == ["excellent", "good", "adequate", "unsatisfactory"]
    assert cif["scales"][0]["grades"][0]["names"]["cy"] == "Rhagorol"
    assert "outcomes" in [a["id"] for a in cif["areas"]]


def test_evaluate_json_shape(cli):
    result = cli("evaluate", str(OFSTED_RI), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"proposals", "follow_up", "findings"}
    assert data["follow_up"]["id"] == "requires-improvement-support"
    assert data["follow_up"]["citation"]["document"].startswith("ofsted-2013-support-and-challenge")


def test_evaluate_estyn_flags_excellent_without_sector_leading_practice(cli):
    data = json.loads(cli("evaluate", str(ESTYN_EXCELLENT), "--json").stdout)
    assert data["proposals"]["outcomes"]["grade"] == "good"
    [finding] = data["findings"]
    assert set(finding) >= {"severity", "rule", "message", "citation"}
    assert finding["rule"] == "estyn-2010.excellent-needs-sector-leading-practice"


def test_schedule_json_shape_and_statuses_against_today(cli):
    result = cli("schedule", str(OFSTED_RI), "--json", "--today", "2013-05-20")
    events = {e["id"]: e for e in json.loads(result.stdout)["events"]}
    visit = events["improvement-visit"]
    assert {"id", "title", "earliest", "latest", "anchor", "basis", "statutory", "citation"} <= set(visit)
    assert (visit["earliest"], visit["latest"]) == ("2013-04-26", "2013-05-28")
    assert visit["status"] == "due-soon"
    assert events["improvement-letter"]["earliest"] is None and events["improvement-letter"]["latest"] is None
    late = {e["id"]: e for e in json.loads(cli("schedule", str(OFSTED_RI), "--json", "--today", "2013-06-03").stdout)["events"]}
    assert late["improvement-visit"]["status"] == "overdue"


def test_case_file_with_a_misspelt_key_names_file_line_and_key_and_imports_nothing(cli, tmp_path):
    bad = tmp_path / "case.toml"
    bad.write_text(OFSTED_RI.read_text().replace('kind = "area-for-improvement"', 'knid = "area-for-improvement"'))
    casebook = tmp_path / "casebook.sqlite"
    result = cli("import", str(bad), "--casebook", str(casebook))
    assert result.returncode != 0
    line = next(i for i, text in enumerate(bad.read_text().splitlines(), start=1) if text.startswith("knid"))
    assert f"{bad}:{line}: evidence[0].knid: unknown key (did you mean 'kind'?)" in result.stderr
    assert "Traceback" not in result.stderr
    listed = cli("list", "--json", "--casebook", str(casebook))
    assert json.loads(listed.stdout) == []


def test_import_then_export_gives_an_identical_case_file(cli, tmp_path):
    casebook = tmp_path / "casebook.sqlite"
    imported = cli("import", str(OFSTED_RI), "--casebook", str(casebook))
    assert imported.returncode == 0, imported.stderr
    case_id = imported.stdout.split()[1].rstrip(":")
    assert stat.S_IMODE(os.stat(casebook).st_mode) == 0o600
    [row] = json.loads(cli("list", "--json", "--casebook", str(casebook)).stdout)
    assert (row["id"], row["provider"], row["next_event"]) == (case_id, "Riverside College", "Improvement visit by the improvement HMI")
    out = tmp_path / "out.toml"
    assert cli("export", case_id, "-o", str(out), "--casebook", str(casebook)).returncode == 0
    again = cli("evaluate", str(out), "--json")
    assert json.loads(again.stdout) == json.loads(cli("evaluate", str(OFSTED_RI), "--json").stdout)
    from inspectorate.casefile import loads_case
    from inspectorate.plugins import PluginHost

    host = PluginHost(environ={}).load_entry_points()
    assert loads_case(out.read_text(), host) == loads_case(OFSTED_RI.read_text(), host)


def test_export_of_an_unknown_case_is_one_clear_line(cli, tmp_path):
    result = cli("export", "nope", "-o", str(tmp_path / "x.toml"), "--casebook", str(tmp_path / "c.sqlite"))
    assert result.returncode == 1
    assert result.stderr.strip() == "inspectorate: error: there is no case 'nope' in this casebook"


def test_locate_honours_the_casebook_option(cli, tmp_path):
    chosen = tmp_path / "mine.sqlite"
    assert cli("locate", "casebook", "--casebook", str(chosen)).stdout.strip() == str(chosen)
    assert cli("locate", "config").returncode == 0
    assert cli("locate", "log").stdout.strip().endswith("problems.log")


def test_report_renders_in_welsh(cli):
    result = cli("report", str(ESTYN_EXCELLENT), "--template", "estyn-case-study-invitation", "--lang", "cy", "--today", "2014-11-20")
    assert result.returncode == 0, result.stderr
    assert "Gwahoddiad i baratoi astudiaeth achos" in result.stdout
    assert "11 Rhagfyr 2014" in result.stdout  # four weeks after Thursday 13 November 2014
    assert "Rhagorol" in result.stdout


def test_report_to_a_file_replaces_it_whole(cli, tmp_path):
    from tests.support import ROOT

    out = tmp_path / "letter.md"
    out.write_text("an older draft")
    out.chmod(0o640)
    example = ROOT / "docs" / "examples" / "ofsted-cif-2012-requires-improvement.toml"
    args = ("report", str(example), "--template", "ofsted-improvement-visit-letter", "-o", str(out))
    refused = cli(*args)
    assert refused.returncode == 1 and refused.stderr == f"inspectorate: error: {out} already exists; add --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "an older draft"
    result = cli(*args, "--force")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Improvement visit: Riverside College")
    assert out.stat().st_mode & 0o777 == 0o600  # owner-only, as every file the program writes
    assert [p.name for p in tmp_path.iterdir()] == ["letter.md"]  # no temporary file left behind
