"""The five Estyn frameworks with the ids, scales, areas and sectors of the case-file format.

Sources: DOMAIN-NOTES.md "Estyn (Wales)" (CIF 2010, CIF 2017, 2022 onwards: H, Estyn);
estyn-2022-what-we-inspect-adult-learning-in-the-community.txt (the five areas and sub-areas);
estyn-2017-follow-up-guidance-regional-consortia.txt (progress per recommendation).
"""

import datetime as dt

import pytest
from inspectorate.evaluation import evaluate
from inspectorate_estyn.frameworks import REGIME

SECTORS = {"school", "pupil-referral-unit", "further-education", "work-based-learning",
           "adult-learning-in-the-community", "regional-consortium"}
EVIDENCE_KINDS = ["strength", "area-for-improvement", "important-area-for-improvement",
                  "sector-leading-practice", "safeguarding-concern"]


def fw(framework_id):
    framework = REGIME.framework(framework_id)
    assert framework is not None, framework_id
    return framework


def test_the_regime_has_the_five_frameworks_oldest_first():
    assert [f.id for f in REGIME.frameworks] == [
        "estyn-cif-2010", "estyn-cif-2017", "estyn-2022", "estyn-2024", "estyn-consortium-follow-up-2017",
    ]
    assert REGIME.languages == ("en", "cy")


@pytest.mark.parametrize("framework", REGIME.frameworks, ids=lambda f: f.id)
def test_sectors_and_evidence_kinds_are_the_case_file_ids(framework):
    assert set(framework.sectors) <= SECTORS
    assert list(framework.evidence_kinds) == EVIDENCE_KINDS


def test_cif_2010_two_overall_judgements_and_three_key_questions():
    """DOMAIN-NOTES.md, CIF 2010: excellent, good, adequate, unsatisfactory; two overall judgements."""
    framework = fw("estyn-cif-2010")
    assert framework.scales[0].grade_ids == ("excellent", "good", "adequate", "unsatisfactory")
    assert [g.name("cy") for g in framework.scales[0].grades] == ["Rhagorol", "Da", "Digonol", "Anfoddhaol"]
    assert [a.id for a in framework.graded_areas] == [
        "current-performance", "prospects-for-improvement", "outcomes", "provision", "leadership-and-management",
    ]


def test_cif_2017_five_graded_inspection_areas():
    """DOMAIN-NOTES.md, CIF 2017: five inspection areas, each judged on a four-point scale."""
    framework = fw("estyn-cif-2017")
    assert framework.scales[0].grade_ids == (
        "excellent", "good", "adequate-and-needs-improvement", "unsatisfactory-and-needs-urgent-improvement",
    )
    assert [a.id for a in framework.graded_areas] == [
        "standards", "wellbeing-and-attitudes-to-learning", "teaching-and-learning-experiences",
        "care-support-and-guidance", "leadership-and-management",
    ]
    assert set(framework.sectors) == {"school", "pupil-referral-unit"}


def test_2022_five_areas_with_the_sub_areas_of_the_guidance_and_no_grades():
    """estyn-2022 ALC guidance: "The five inspection areas are set out below." (1.1 to 5.3)."""
    framework = fw("estyn-2022")
    assert framework.scales == () and framework.graded_areas == ()
    assert framework.sectors[0] == "adult-learning-in-the-community"
    top = {a.id: a.code for a in framework.areas if not a.parent}
    assert top == {"learning": "1", "wellbeing-and-attitudes-to-learning": "2", "teaching-and-learning-experiences": "3",
                   "care-support-and-guidance": "4", "leadership-and-management": "5"}
    subs = {a.code: (a.names["en"], a.parent) for a in framework.areas if a.parent}
    assert subs["1.1"] == ("1.1 Standards and progress in learning and skills", "learning")
    assert subs["3.1"] == ("3.1 The breadth, balance and appropriateness of the provision", "teaching-and-learning-experiences")
    assert subs["4.2"] == ("4.2 Safeguarding", "care-support-and-guidance")
    assert subs["5.2"] == ("5.2 Self-evaluation processes and improvement planning", "leadership-and-management")
    assert sorted(subs) == ["1.1", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "5.3"]


def test_2024_three_areas_no_grades_core_and_interim_visits():
    """DOMAIN-NOTES.md, 2022 onwards: from Sept 2024 three areas; a core inspection and an interim visit."""
    framework = fw("estyn-2024")
    assert [a.id for a in framework.areas] == ["teaching-and-learning", "wellbeing-care-support-and-guidance", "leading-and-improving"]
    assert framework.graded_areas == ()
    assert {"core-inspection", "interim-visit"} <= set(framework.visit_kinds)


def test_consortium_follow_up_judges_progress_per_recommendation():
    """Consortia 2017: "an evaluation and judgement of the progress it has made in addressing each recommendation"."""
    framework = fw("estyn-consortium-follow-up-2017")
    assert framework.sectors == ("regional-consortium",)
    assert "limited" in framework.progress_scale
    assert framework.graded_areas == ()
    assert "recommendation-1" in framework.area_ids


@pytest.mark.parametrize("framework", REGIME.frameworks, ids=lambda f: f.id)
def test_every_setting_has_a_default_among_its_readings(framework):
    for setting_id, setting in framework.settings.items():
        assert setting["default"] in setting["readings"], setting_id


@pytest.mark.parametrize(
    "framework_id, start, inside",
    [("estyn-cif-2010", dt.date(2018, 3, 5), False), ("estyn-cif-2010", dt.date(2014, 11, 10), True),
     ("estyn-cif-2017", dt.date(2016, 1, 11), False), ("estyn-2024", dt.date(2023, 5, 8), False),
     ("estyn-consortium-follow-up-2017", dt.date(2017, 3, 6), False)],
)
def test_an_inspection_outside_its_framework_s_dates_is_warned(host, case_for, framework_id, start, inside):
    """Each framework applies within its file's valid_from and valid_to: a CIF 2010 case inspected
    in 2018 is worth a look, as Ofsted's frameworks already check."""
    kind = "core-inspection" if framework_id == "estyn-2024" else host.framework(framework_id).visit_kinds[0]
    dates = {"start": start, "end": start + dt.timedelta(days=3), "notified": None, "published": None}
    case = case_for(framework_id, kind=kind, dates=dates)
    found = [f for f in evaluate(host, case).findings if f.rule == "estyn.framework-dates"]
    if inside:
        assert found == []
        return
    [finding] = found
    assert finding.severity == "warning" and str(start) in finding.message
    assert host.framework(framework_id).name() in finding.message
