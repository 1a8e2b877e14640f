"""Case studies of excellent practice (estyn-2010-guidance-on-sector-leading-practice.txt, "case study").

The invitation follows the sector-leading practice recorded ("Where there is 'sector-leading
practice', the reporting inspector will invite the provider to prepare a written case study"):
anywhere at the provider by default, or only in an area judged excellent (a setting).
"""

import datetime as dt

import attrs
import pytest
from inspectorate.evaluation import schedule
from inspectorate.model import Evidence, Judgement
from inspectorate_estyn import citations as cite


def _case_study(host, case):
    found = [e for e in schedule(host, case, dt.date(2025, 3, 20)) if e.id == "case-study"]
    return found[0] if found else None


def _practice(area):
    return Evidence(area, "sector-leading-practice", "Pupils lead research projects with the local university.")


@pytest.mark.parametrize("area", ["standards", "care-support-and-guidance", "leadership-and-management"])
def test_sector_leading_practice_in_an_excellent_2017_area_invites_a_case_study(host, case_for, area):
    """"The case study should be sent to Estyn within four weeks of the end of the on-site part of the inspection." """
    case = case_for("estyn-cif-2017", judgements=[Judgement(area, "excellent")], evidence=[_practice(area)])
    event = _case_study(host, case)
    assert event.latest == dt.date(2025, 4, 4)  # four weeks after Friday 7 March
    assert event.citation == cite.CASE_STUDY_DUE
    assert "600 words" in event.title
    assert event.provenance.reading == "anywhere-at-the-provider"


def test_no_case_study_without_sector_leading_practice(host, case_for):
    """An excellent judgement with no practice recorded invites nothing: the 2010 rules warn about it instead."""
    assert _case_study(host, case_for("estyn-cif-2017", judgements=[Judgement("standards", "good")])) is None
    assert _case_study(host, case_for("estyn-cif-2017", judgements=[Judgement("standards", "excellent")])) is None
    excellent_2010 = case_for("estyn-cif-2010", judgements=[Judgement("current-performance", "excellent")])
    assert _case_study(host, excellent_2010) is None


def test_practice_recorded_in_a_key_question_with_good_overall_judgements_invites_a_case_study(host, case_for):
    """"Where there is 'sector-leading practice', the reporting inspector will invite the provider to prepare a
    written case study": by default the practice anywhere at the provider; read as 'in-an-area-judged-excellent',
    only practice in an area judged excellent."""
    good = [Judgement("current-performance", "good"), Judgement("prospects-for-improvement", "good")]
    case = case_for("estyn-cif-2010", judgements=good, evidence=[_practice("provision")])
    assert _case_study(host, case).latest == dt.date(2025, 4, 4)
    strict = attrs.evolve(case, settings={"case-study-practice": "in-an-area-judged-excellent"})
    assert _case_study(host, strict) is None
    excellent = attrs.evolve(strict, judgements=[Judgement("current-performance", "excellent")])
    assert _case_study(host, excellent).provenance.reading == "in-an-area-judged-excellent"


def test_no_case_study_for_frameworks_without_grades(host, case_for):
    assert _case_study(host, case_for("estyn-2022")) is None


def test_the_due_date_waits_for_the_end_of_the_inspection(host, case_for):
    event = _case_study(host, case_for("estyn-cif-2017", judgements=[Judgement("standards", "excellent")],
                                       evidence=[_practice("standards")], dates={"end": None}))
    assert event.latest is None and event.status == "waiting"
