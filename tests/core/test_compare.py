"""Comparing regimes: evidence carried through the common themes (and what cannot be), projected
proposals from the other regime's own rules, the shared timeline, the Markdown and JSON outputs,
and a toy third regime from the test kit taking part with no change to the core.

It uses the built-in Estyn and Ofsted plugins (and their docs/examples cases) because a comparison
needs two real regimes whose scales, areas and evidence kinds differ; the toy alone is one regime."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import inspectorate_estyn.plugin as estyn_plugin
import inspectorate_ofsted.plugin as ofsted_plugin
import pytest
from inspectorate.casefile import read_case_file
from inspectorate.compare import (
    CompareError,
    compare_case,
    compare_frameworks,
    to_markdown,
)
from inspectorate.compare.mapping import carry_evidence, carry_grade, match_area
from inspectorate.compare.table import DIFFERENT, SAME
from inspectorate.compare.timeline import SHARED, date_rows, shared_timeline, strips
from inspectorate.evaluation import schedule
from inspectorate.model import Evidence, InspectionDates, Judgement, Recommendation
from inspectorate.testing import RegimeConformance, make_case, make_host, toy

from tests.support import ROOT

EXAMPLES = ROOT / "docs" / "examples"
OFSTED_RI = EXAMPLES / "ofsted-cif-2012-requires-improvement.toml"
ESTYN_SPECIAL_MEASURES = EXAMPLES / "estyn-cif-2010-special-measures.toml"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def host():
    return make_host(estyn=estyn_plugin, ofsted=ofsted_plugin, toy=toy)


def _case(host, path):
    return read_case_file(path, host)


class TestToyRegimeIsAComplete_Plugin(RegimeConformance):
    """The toy passes the same conformance suite as a real regime, comparison hooks included."""

    plugin = toy
    regime_id = "toy"


# -- the mapping ---------------------------------------------------------------------------------


def test_an_area_lands_on_the_other_frameworks_area_that_shares_its_main_theme(host):
    eif, estyn_2022 = host.framework("ofsted-eif-2019"), host.framework("estyn-2022")
    match = match_area(eif.area("behaviour-and-attitudes"), estyn_2022, "school")
    # Behaviour is graded apart by Ofsted; Estyn looks at it under wellbeing and attitudes to learning.
    assert match.target.id == "wellbeing-and-attitudes-to-learning"
    assert set(match.themes) == {"behaviour", "wellbeing"}
    assert "attitudes-to-learning" in [a.id for a in match.alternatives]


def test_leadership_goes_to_leadership_not_to_the_first_area_with_the_theme(host):
    cif_2012, estyn_2010 = host.framework("ofsted-cif-2012"), host.framework("estyn-cif-2010")
    match = match_area(cif_2012.area("effectiveness-of-leadership-and-management"), estyn_2010, "further-education")
    assert match.target.id == "leadership-and-management"  # not "prospects-for-improvement"


def test_an_area_with_no_counterpart_is_named_with_the_reason(host):
    renewed, estyn_2022 = host.framework("ofsted-renewed-2025"), host.framework("estyn-2022")
    match = match_area(renewed.area("early-years"), estyn_2022, "school")
    assert match.target is None
    assert match.reason == "no area shares its themes (Early years)"


def test_evidence_carries_its_kind_through_the_common_kinds_or_is_listed_with_why_not(host):
    cif_2012, estyn_2010 = host.framework("ofsted-cif-2012"), host.framework("estyn-cif-2010")
    area = "quality-of-teaching-learning-and-assessment"
    weakness = carry_evidence(Evidence(area, "area-for-improvement", "Too little challenge."), cif_2012, estyn_2010, "further-education")
    assert (weakness.carried.area, weakness.carried.kind) == ("provision", "area-for-improvement")
    action = carry_evidence(Evidence(area, "agreed-action", "Plan lessons for the most able."), cif_2012, estyn_2010, "further-education")
    assert action.carried is None
    assert action.reason == "kind 'agreed-action' has no counterpart in estyn-cif-2010"


def test_a_framework_own_kind_carries_as_the_common_kind_it_declares(host):
    toy_2026, eif = host.framework("toy-2026"), host.framework("ofsted-eif-2019")
    carried = carry_evidence(Evidence("teaching", "concern", "Weak questioning."), toy_2026, eif, "school")
    assert (carried.carried.area, carried.carried.kind) == ("quality-of-education", "area-for-improvement")
    unthemed = carry_evidence(Evidence("community", "strength", "Strong links."), toy_2026, eif, "school")
    assert unthemed.carried is None
    assert unthemed.reason == "area Community links maps to no common theme"


def test_grades_carry_to_the_same_place_only_between_scales_of_as_many_points(host):
    estyn_2010, eif, toy_2026 = (host.framework(f) for f in ("estyn-cif-2010", "ofsted-eif-2019", "toy-2026"))
    unsatisfactory = Judgement("leadership-and-management", "unsatisfactory")
    carried = carry_grade(unsatisfactory, estyn_2010, eif, "school", "same-place")
    assert (carried.carried.area, carried.carried.grade) == ("leadership-and-management", "inadequate")
    three_points = carry_grade(unsatisfactory, estyn_2010, toy_2026, "school", "same-place")
    assert three_points.carried is None
    assert three_points.reason == "the scales differ (4 points against 3)"
    assert carry_grade(unsatisfactory, estyn_2010, eif, "school", "none").carried is None


# -- the case comparison -------------------------------------------------------------------------


def test_unmappable_evidence_is_listed_not_dropped(host):
    case = _case(host, OFSTED_RI)
    case = attrs.evolve(
        case,
        evidence=(*case.evidence, Evidence("quality-of-teaching-learning-and-assessment", "agreed-action", "Share good practice.")),
    )
    comparison = compare_case(host, case, ["estyn"], TODAY)
    side = comparison.sides[1]
    assert len(side.evidence) == len(case.evidence)
    assert [e.evidence.text for e in side.not_carried] == ["Share good practice."]
    table = next(t for t in comparison.tables() if t.title.startswith("Evidence"))
    row = next(r for r in table.rows if r.label == "Share good practice.")
    assert row.mark == DIFFERENT
    assert row.cells[1] == "not carried: kind 'agreed-action' has no counterpart in estyn-cif-2010"
    assert "1 of 2 pieces of evidence could not be carried" in table.notes[0]


def test_projected_proposals_come_from_the_other_regimes_own_rules_and_are_labelled(host):
    # Estyn's unsatisfactory grades carried to EIF 2019 become inadequate key judgements, and
    # Ofsted's own rule then proposes overall inadequate, which the inspector cannot override.
    comparison = compare_case(host, _case(host, ESTYN_SPECIAL_MEASURES), ["ofsted"], TODAY)
    recorded, projected = comparison.sides
    assert (recorded.projected, projected.projected) == (False, True)
    assert projected.framework.id == "ofsted-eif-2019"
    assert projected.label == "Ofsted · ofsted-eif-2019 (projection)"
    overall = projected.proposal("overall-effectiveness")
    assert (overall.grade, overall.overridable) == ("inadequate", False)
    judgements = next(t for t in comparison.tables() if t.title == "Judgements by theme")
    row = next(r for r in judgements.rows if r.label == "Overall effectiveness")
    assert row.cells[0] == "Current performance: ▼ Unsatisfactory [recorded]"
    assert row.cells[1].startswith("Overall effectiveness: 4 Inadequate") and row.cells[1].endswith("[projected]")
    assert row.mark == SAME  # both at the weakest place of their scales
    assert any("Projections are not judgements" in note for note in judgements.notes)


def test_the_other_regime_is_counted_on_its_own_nations_working_days_and_says_so(host):
    comparison = compare_case(host, _case(host, OFSTED_RI), ["toy"], TODAY)
    projected = comparison.sides[1]
    assert projected.case.provider.nation == "scotland"
    assert any("working days of Scotland" in note for note in projected.notes)


def test_a_third_regime_from_the_test_kit_takes_part_beside_the_two_built_in(host):
    comparison = compare_case(host, _case(host, OFSTED_RI), ["estyn", "toy"], TODAY)
    assert [s.framework.id for s in comparison.sides] == ["ofsted-cif-2012", "estyn-cif-2010", "toy-2026"]
    toy_side = comparison.sides[2]
    # Requires improvement carries nowhere on three points, so the toy sees evidence alone.
    assert toy_side.case.judgements == ()
    follow_up = next(t for t in comparison.tables() if t.title == "Follow-up")
    assert follow_up.rows[0].cells == ("Support and challenge (requires improvement)", "No follow-up", "No follow-up")
    text = to_markdown(comparison.title, comparison.tables(), comparison.preface)
    assert "Toy Inspectorate · toy-2026 (projection)" in text


def test_each_regimes_events_fall_on_one_shared_time_axis(host):
    case = attrs.evolve(
        _case(host, OFSTED_RI), evidence=(Evidence("outcomes-for-learners", "area-for-improvement", "Weak results."),)
    )
    comparison = compare_case(host, case, ["toy"], TODAY, grade_reading="none")
    toy_side = comparison.sides[1]
    # The toy's review needs a weak grade; give the projection one through the toy's own area.
    weak = attrs.evolve(toy_side.case, judgements=(Judgement("teaching", "weak"),))
    columns = [list(comparison.sides[0].events), schedule(host, weak, TODAY)]
    marks = shared_timeline(case, columns)
    assert [m.day for m in marks] == sorted(m.day for m in marks)
    shared = [(m.day, m.text) for m in marks if m.column == SHARED]
    assert shared == [
        (dt.date(2013, 3, 4), "inspection starts"),
        (dt.date(2013, 3, 8), "inspection ends"),
        (dt.date(2013, 4, 12), "report published"),
    ]
    ofsted = {(m.day, m.kind) for m in marks if m.column == 0}
    # 10 to 30 working days after publication (Ofsted support and challenge, paragraph 10).
    assert {(dt.date(2013, 4, 26), "opens"), (dt.date(2013, 5, 28), "closes")} <= ofsted
    toy_marks = {(m.day, m.kind, m.text) for m in marks if m.column == 1}
    # Counted by hand on Scotland's working days: 15 days from Fri 12 April is Fri 3 May; 40 days
    # skips the 6 and 27 May bank holidays (11 June); 60 days is 9 July.
    assert toy_marks == {
        (dt.date(2013, 5, 3), "deadline", "Written plan by"),
        (dt.date(2013, 6, 11), "opens", "Review visit from"),
        (dt.date(2013, 7, 9), "closes", "Review visit by"),
    }
    rows = date_rows(marks, ["Ofsted", "Toy"])
    assert "2013-04-12  ● report published (every regime)" in rows
    line = next(r for r in rows if r.startswith("2013-06-11"))
    assert line.split("  ", 1)[1].strip() == "├ Review visit from"
    drawn = strips(marks, ["Ofsted", "Toy"], width=60)
    assert drawn[0].startswith("Ofsted") and "├" in drawn[0] and "═" in drawn[0]
    assert drawn[1].startswith("Toy") and "■" in drawn[1] and "┤" in drawn[1]
    assert drawn[2].strip().startswith("2013-03-04") and drawn[2].rstrip().endswith("2014-09-08")


def test_report_outlines_sit_side_by_side_with_required_sections_and_word_limits(host):
    case = _case(host, EXAMPLES / "estyn-2022-adult-learning-partnership.toml")
    comparison = compare_case(host, case, ["toy"], TODAY)
    outline = next(t for t in comparison.tables() if t.title == "Report outline")
    overview = next(r for r in outline.rows if r.label == "overview")
    assert overview.cells[0].endswith("(required, 200-300 words)")
    assert overview.cells[1] == "—" and overview.mark == DIFFERENT
    findings = next(r for r in outline.rows if r.label == "findings")
    assert findings.cells == ("—", "Findings (required)")


def test_naming_an_unknown_regime_or_only_the_cases_own_is_a_clear_error(host):
    case = _case(host, OFSTED_RI)
    with pytest.raises(CompareError, match="no regime or framework 'scotland' is loaded"):
        compare_case(host, case, ["scotland"], TODAY)
    with pytest.raises(CompareError, match="nothing to compare with"):
        compare_case(host, case, ["ofsted"], TODAY)


# -- the framework comparison --------------------------------------------------------------------


def test_frameworks_compare_scales_areas_triggers_timings_and_reports(host):
    comparison = compare_frameworks(host, ["ofsted-cif-2012", "toy-2026"], TODAY)
    tables = {t.title: t for t in comparison.tables()}
    scale = tables["Scales"].rows[0]
    assert scale.cells[1] == "3 points: + Strong / = Sound / - Weak" and scale.mark == DIFFERENT
    areas = {r.label: r for r in tables["Areas by common theme"].rows}
    assert areas["No common theme"].cells[1] == "Community links (toy-3-point)"
    timings = {r.label: r for r in tables["Timing rules and their sources"].rows}
    assert timings["toy-review-visit"].cells[1] == (
        "Review visit: 40 to 60 working days after publication of the report [when: toy review] — "
        'inspectorate.testing.toy (made up for tests): "The review visit falls 40 to 60 working days after publication."'
    )
    assert timings["toy-review-visit"].cells[0] == "—"
    triggers = {r.label: r for r in tables["What triggers follow-up"].rows}
    assert triggers["toy-review"].cells[1].startswith("Toy review: Any area is weak.")
    assert "findings" in {r.label for r in tables["What each report contains"].rows}


def test_comparing_one_framework_is_refused(host):
    with pytest.raises(CompareError, match="at least two frameworks"):
        compare_frameworks(host, ["toy-2026"], TODAY)


# -- the command line ----------------------------------------------------------------------------


def test_cli_compare_case_as_json(cli):
    result = cli("compare", str(OFSTED_RI), "--regimes", "estyn", "--json", "--today", "2026-11-23")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    recorded, projected = data["sides"]
    assert (recorded["framework"], recorded["projected"]) == ("ofsted-cif-2012", False)
    assert (projected["framework"], projected["projected"]) == ("estyn-cif-2010", True)
    assert projected["evidence"][0]["to_area"] == "provision"
    visit = next(e for e in recorded["events"] if e["id"] == "improvement-visit")
    assert (visit["earliest"], visit["latest"]) == ("2013-04-26", "2013-05-28")
    opens = [m for m in data["timeline"] if m["event"] == "improvement-visit" and m["kind"] == "opens"]
    assert [(m["date"], m["column"]) for m in opens] == [("2013-04-26", 0)]
    assert {"date": "2013-04-12", "column": "shared", "kind": "inspection", "text": "report published", "event": ""} in data["timeline"]
    assert [t["title"] for t in data["tables"]][:2] == ["Case", "Judgements by theme"]


def test_cli_compare_case_as_markdown(cli):
    result = cli("compare", str(ESTYN_SPECIAL_MEASURES), "--regimes", "estyn,ofsted", "--format", "md")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("# ")
    assert "| ≠ | Category | Special measures (statutory) |" in text
    assert "## Timeline\n\n```text\n" in text
    assert "## Report outline" in text and "| Context (required) |" in text


def test_cli_compare_frameworks_as_markdown_and_json(cli):
    md = cli("compare", "--frameworks", "estyn-2022,ofsted-renewed-2025", "--format", "md")
    assert md.returncode == 0, md.stderr
    assert "## What triggers follow-up" in md.stdout and "## Timing rules and their sources" in md.stdout
    assert "| = | Safeguarding |" in md.stdout
    data = json.loads(cli("compare", "--frameworks", "estyn-2022,ofsted-renewed-2025", "--json").stdout)
    estyn, ofsted = data["frameworks"]
    assert (estyn["id"], estyn["regime"], estyn["scales"]) == ("estyn-2022", "estyn", [])
    assert estyn["comparable_kinds"]["sector-leading-practice"] == "strength"
    assert [g["id"] for g in ofsted["scales"][0]["grades"]][0] == "exceptional"
    assert all(rule["citation"]["quote"] for f in data["frameworks"] for rule in f["timing_rules"])


def test_cli_compare_errors_are_one_line(cli):
    result = cli("compare", str(OFSTED_RI), "--regimes", "nowhere")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("inspectorate: error: no regime or framework 'nowhere'")
    missing = cli("compare", str(OFSTED_RI))
    assert missing.returncode == 2 and "--regimes estyn,ofsted" in missing.stderr


def test_an_area_kept_for_other_sectors_is_named_as_the_reason(host):
    estyn_2022, renewed = host.framework("estyn-2022"), host.framework("ofsted-renewed-2025")
    evidence = Evidence("teaching-training-and-assessment", "strength", "Tutors engage parents well.")
    carried = carry_evidence(evidence, estyn_2022, renewed, "adult-learning-in-the-community")
    assert carried.carried is None
    assert carried.reason == "its counterpart (Curriculum and teaching) does not apply to the sector adult-learning-in-the-community"


def test_a_theme_nobody_grades_is_shown_in_words_with_its_evidence_and_unmarked(host):
    case = _case(host, EXAMPLES / "estyn-2022-safeguarding-concern.toml")
    comparison = compare_case(host, case, ["toy"], TODAY)
    rows = {r.label: r for r in next(t for t in comparison.tables() if t.title == "Judgements by theme").rows}
    assert rows["Safeguarding"].cells[0] == "4 Care, support and guidance: not graded (2 safeguarding-concern)"
    assert rows["Safeguarding"].cells[1] == "Wellbeing: —"
    assert rows["Safeguarding"].mark == ""  # nothing graded on either side


def test_what_belongs_to_the_recorded_framework_is_named_as_not_carried(host):
    case = _case(host, EXAMPLES / "estyn-cif-2010-excellent-school.toml")
    comparison = compare_case(host, case, ["ofsted-renewed-2025"], TODAY)
    notes = comparison.sides[1].notes
    assert "Not carried, as they belong to estyn-cif-2010: events recorded as done; the inspector's calls (many-strengths)." in notes
    judgements = next(t for t in comparison.tables() if t.title == "Judgements by theme")
    assert (
        "Ofsted · ofsted-renewed-2025 (projection): Prospects for improvement: Good not carried: "
        "the scales differ (4 points against 5) and ofsted-renewed-2025 does not say how its scale "
        "'report-card-5-point' maps onto the common scale"
    ) in judgements.notes


def test_a_recommendation_keeps_its_text_and_says_which_links_were_left(host):
    toy_framework = host.framework("toy-2026")
    case = attrs.evolve(
        make_case(toy_framework),
        recommendations=(Recommendation("Build links with local employers.", 1, ("community", "leadership")),),
    )
    comparison = compare_case(host, case, ["ofsted-eif-2019"], TODAY)
    projected = comparison.sides[1]
    assert projected.case.recommendations[0].text == "Build links with local employers."
    assert projected.case.recommendations[0].areas == ("leadership-and-management",)
    assert "Recommendation 1 keeps its text, but not its link to Community links: no counterpart in ofsted-eif-2019." in projected.notes


def test_an_undated_case_is_compared_under_the_framework_in_force_on_the_day_of_comparing(host):
    planned = make_case(host.framework("toy-2026"), dates=InspectionDates())
    now = compare_case(host, planned, ["ofsted"], TODAY).sides[1]
    assert now.framework.id == "ofsted-renewed-2025"
    assert f"in force on {TODAY.isoformat()} and inspects school" in now.notes[0]
    earlier = compare_case(host, planned, ["ofsted"], dt.date(2021, 3, 1)).sides[1]
    assert earlier.framework.id == "ofsted-eif-2019"


@pytest.mark.parametrize(("example", "own", "carried"), [
    # ETI's six performance levels and Education Scotland's six points each carry through the common scale.
    ("eti-isef-2017-important-areas.toml", "eti",
     {"education-scotland": ("raising-attainment-and-achievement", "satisfactory")}),
    ("education-scotland-hgios4-further-inspection.toml", "education-scotland",
     {"eti": ("quality-of-provision", "requires-significant-improvement")}),
])
def test_cli_compares_a_case_of_each_new_regime_with_all_four(cli, example, own, carried):
    regimes = ["estyn", "ofsted", "eti", "education-scotland"]
    path = ROOT / "docs" / "examples" / example
    result = cli("compare", str(path), "--regimes", ",".join(regimes), "--json", "--today", "2026-11-23")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    sides = {s["regime"]: s for s in data["sides"]}
    assert data["sides"][0]["regime"] == own and not data["sides"][0]["projected"]
    assert set(sides) == set(regimes) and all(sides[r]["projected"] for r in regimes if r != own)
    for regime, (area, grade) in carried.items():
        assert {"area": area, "grade": grade, "carried": True} in sides[regime]["judgements"]
    assert sides[own]["follow_up"]["id"] in {"formal-follow-up-inspection", "further-inspection"}
    text = cli("compare", str(path), "--regimes", ",".join(regimes), "--today", "2026-11-23")
    assert text.returncode == 0 and "compared with" in text.stdout.splitlines()[0]
    # Where a grade is not carried for its scale, the reason names the regime whose scale has no
    # mapping onto the common scale: never one of the two new regimes, which declare theirs.
    refusals = [line for line in text.stdout.splitlines() if "not carried: the scales differ" in line]
    assert all("does not say how its scale" in line for line in refusals)
    assert not [line for line in refusals if "eti-isef-2017 does not" in line or "hgios4 does not" in line]
