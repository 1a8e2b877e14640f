"""The real ``inspectorate`` command on the Estyn example case files in ``docs/examples``.

Each example is a case at a different stage; the expected answers were counted by hand from the
guidance (dates on the england-and-wales calendar) and are explained beside each assertion.
"""

import json
import tomllib
from pathlib import Path

import pytest
from inspectorate.testing.command import run_cli
from inspectorate_estyn.words import words

#: The project's example case files (docs/examples); a copy of the plugin on its own skips these tests.
EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"
pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="the project's docs/examples are not beside this plugin")
FRAMEWORKS = ["estyn-cif-2010", "estyn-cif-2017", "estyn-2022", "estyn-2024", "estyn-consortium-follow-up-2017"]


def example(name):
    return str(EXAMPLES / f"{name}.toml")


def evaluate(name):
    result = run_cli("evaluate", example(name), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def schedule(name, today):
    result = run_cli("schedule", example(name), "--today", today, "--json")
    assert result.returncode == 0, result.stderr
    return {e["id"]: e for e in json.loads(result.stdout)["events"]}


def test_every_framework_has_an_example_named_after_it():
    found = {}
    for path in EXAMPLES.glob("estyn-*.toml"):
        framework = tomllib.loads(path.read_text(encoding="utf-8"))["inspection"]["framework"]
        assert path.stem.startswith(framework + "-"), path.name
        found.setdefault(framework, []).append(path.stem)
    assert sorted(found) == sorted(FRAMEWORKS)


def test_excellent_school_2010_outcomes_lacks_sector_leading_practice():
    """CIF 2010 descriptor excellent: "many strengths, including significant examples of sector-leading practice"."""
    data = evaluate("estyn-cif-2010-excellent-school")
    # Current performance has its sector-leading practice; outcomes has none recorded.
    assert {area: p["grade"] for area, p in data["proposals"].items()} == {"outcomes": "good"}
    assert [(f["rule"], f["area"]) for f in data["findings"]] == [
        ("estyn-2010.excellent-needs-sector-leading-practice", "outcomes")
    ]
    events = schedule("estyn-cif-2010-excellent-school", "2014-11-20")
    assert events["case-study"]["latest"] == "2014-12-11"  # four weeks after Thursday 13 November
    assert events["case-study"]["status"] == "done"  # sent on 8 December
    # Notice was given on 13 October 2014, 20 working days before Monday 10 November: done, in time.
    assert events["inspection-notice"]["status"] == "done" and events["inspection-notice"]["latest"] == "2014-10-13"


def test_special_measures_school_2010_action_plan_from_publication():
    data = evaluate("estyn-cif-2010-special-measures")
    assert data["follow_up"]["id"] == "special-measures" and data["follow_up"]["statutory"]
    events = schedule("estyn-cif-2010-special-measures", "2015-05-20")
    # 20 working days after Tuesday 12 May 2015, skipping the 25 May bank holiday.
    assert events["action-plan"]["latest"] == "2015-06-10"
    assert events["action-plan"]["reading"] == "report-published"
    assert events["development-plan"]["latest"] == "2015-04-13"  # Easter 2015 skipped


def test_excellent_case_study_2017():
    events = schedule("estyn-cif-2017-excellent-case-study", "2019-02-20")
    assert events["case-study"]["latest"] == "2019-03-07"


def test_adult_learning_partnership_2022_has_no_follow_up_and_a_clean_report():
    data = evaluate("estyn-2022-adult-learning-partnership")
    assert data["follow_up"]["id"] == "none"
    assert data["findings"] == []
    result = run_cli("report", example("estyn-2022-adult-learning-partnership"), "--template", "estyn-2022-alc-report",
                     "--lang", "cy", "--today", "2023-03-01")
    assert result.returncode == 0, result.stderr
    assert "## Beth sy'n digwydd nesaf?" in result.stdout
    assert "Ni fydd Estyn yn cynnal unrhyw weithgarwch dilynol." in result.stdout
    # The overview is within 200-300 words; three sub-areas still have no evidence.
    assert "report.word-limit" not in result.stderr
    # Asked for in Welsh, the checks speak Welsh too: the rule id is the same in both.
    assert "estyn.report-gaps: 3 " in result.stderr and "[i'w ysgrifennu]" in result.stderr


def test_safeguarding_concern_2022_wellbeing_letter_and_follow_up():
    data = evaluate("estyn-2022-safeguarding-concern")
    assert data["follow_up"]["id"] == "follow-up-activity"
    assert [f for f in data["findings"] if f["severity"] == "error"] == []
    events = schedule("estyn-2022-safeguarding-concern", "2026-11-23")
    assert events["wellbeing-letter"]["status"] == "open"
    # 45 working days after Thursday 19 November 2026, skipping 25 and 28 December and 1 January.
    assert events["report-published"]["latest"] == "2027-01-26"
    assert events["report-published"]["reading"] == "inspection-end"
    result = run_cli("report", example("estyn-2022-safeguarding-concern"), "--template", "estyn-2022-alc-report",
                     "--lang", "en", "--today", "2026-11-25")
    assert "warning: report.word-limit: section 'overview'" in result.stderr


def test_planned_core_inspection_2024_notice_and_interim_visit():
    events = schedule("estyn-2024-core-inspection-planned", "2026-12-14")
    # Ten working days before Monday 18 January 2027; 1 January 2027 is a bank holiday.
    assert events["inspection-notice"]["latest"] == "2027-01-04"
    assert (events["interim-visit"]["earliest"], events["interim-visit"]["latest"]) == ("2027-01-22", "2030-07-31")


def test_estyn_review_school_2024():
    data = evaluate("estyn-2024-estyn-review")
    assert data["follow_up"]["id"] == "estyn-review" and not data["follow_up"]["statutory"]
    events = schedule("estyn-2024-estyn-review", "2026-07-20")
    assert "action-plan" not in events
    assert events["development-plan"]["status"] == "done"


def test_consortium_follow_up_visit_flags_limited_progress():
    data = evaluate("estyn-consortium-follow-up-2017-monitoring-visit")
    assert data["follow_up"] is None
    # No Welsh term dates for 2017-18 are shipped: the notice cannot discount school holidays, and says so.
    assert [f["rule"] for f in data["findings"]] == ["estyn-consortia-2017.limited-progress", "timing.school-terms-unknown"]
    assert "Recommendation 3" in data["findings"][0]["message"]
    assert "No school term dates for Monday 2017-11-06" in data["findings"][1]["message"]
    assert "named after the local authority" in data["findings"][1]["message"]


def test_consortium_letters_are_scheduled_from_the_final_day_of_the_visit(tmp_path):
    text = (EXAMPLES / "estyn-consortium-follow-up-2017-monitoring-visit.toml").read_text(encoding="utf-8")
    pending = tmp_path / "visit.toml"
    pending.write_text(text.replace("draft_issued = 2017-11-29\n", "").replace("published = 2017-12-14\n", ""), encoding="utf-8")
    result = run_cli("schedule", str(pending), "--today", "2017-11-20", "--json")
    events = {e["id"]: e for e in json.loads(result.stdout)["events"]}
    # Final day Friday 17 November 2017: 10 working days to 1 December, 20 to 15 December.
    assert events["draft-letter"]["latest"] == "2017-12-01"
    assert events["final-letter"]["latest"] == "2017-12-15"


@pytest.mark.parametrize("name, template, heading", [
    ("estyn-cif-2010-excellent-school", "estyn-cif-2010-school-report", "Main findings"),
    ("estyn-cif-2010-excellent-school", "estyn-case-study-invitation", "Case study proforma"),
    ("estyn-cif-2017-excellent-case-study", "estyn-case-study-invitation", "Case study proforma"),
    ("estyn-2022-adult-learning-partnership", "estyn-2022-alc-report", "The evidence base of the inspection"),
    ("estyn-2022-safeguarding-concern", "estyn-wellbeing-letter", "Your response"),
    ("estyn-2024-estyn-review", "estyn-2024-school-report", "About the school"),
    ("estyn-consortium-follow-up-2017-monitoring-visit", "estyn-consortium-follow-up-letter", "Progress on each recommendation"),
])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_template_renders_from_an_example_in_both_languages(name, template, heading, lang):
    result = run_cli("report", example(name), "--template", template, "--lang", lang, "--today", "2020-01-06")
    assert result.returncode == 0, result.stderr
    other = "cy" if lang == "en" else "en"
    assert f"## {words(lang)(heading)}" in result.stdout
    assert f"## {words(other)(heading)}" not in result.stdout


def test_case_study_invitation_renders_in_welsh_with_welsh_dates_and_grades():
    result = run_cli("report", example("estyn-cif-2010-excellent-school"), "--template", "estyn-case-study-invitation",
                     "--lang", "cy", "--today", "2014-11-20")
    assert result.returncode == 0, result.stderr
    assert "Gwahoddiad i baratoi astudiaeth achos" in result.stdout
    assert "11 Rhagfyr 2014" in result.stdout  # four weeks after Thursday 13 November 2014
    assert "Rhagorol" in result.stdout


def _spoken(name, lang, command, *options):
    result = run_cli(command, example(name), "--json", "--lang", lang, *options)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("estyn-*.toml")))
def test_every_estyn_example_is_evaluated_and_scheduled_in_welsh(name):
    """Asked for in Welsh, every word the rules write (findings, proposals, follow-up, each event's
    title and basis) is Welsh: none is the English of the same run in English. What the team typed
    stays as typed."""
    said = {lang: (_spoken(name, lang, "evaluate"), _spoken(name, lang, "schedule", "--today", "2026-12-01")) for lang in ("en", "cy")}
    (english, english_events), (welsh, welsh_events) = said["en"], said["cy"]
    pairs = [(e["message"], w["message"]) for e, w in zip(english["findings"], welsh["findings"], strict=True)]
    pairs += [(english["proposals"][a]["rationale"], p["rationale"]) for a, p in welsh["proposals"].items()]
    if english["follow_up"]:
        pairs += [(english["follow_up"]["name"], welsh["follow_up"]["name"]),
                  (english["follow_up"]["rationale"], welsh["follow_up"]["rationale"])]
    for e, w in zip(english_events["events"], welsh_events["events"], strict=True):
        assert e["id"] == w["id"]
        pairs += [(e["title"], w["title"]), (e["basis"], w["basis"])]
    assert pairs, "the example says nothing to translate"
    assert [english for english, welsh in pairs if english == welsh] == []
