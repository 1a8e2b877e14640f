"""Case studies of excellent practice (estyn-2010-guidance-on-sector-leading-practice.txt, "case study").

CIF 2010 invites one for an 'excellent' overall judgement; CIF 2017, which has no overall
judgement, for an 'excellent' in any inspection area.
"""

import datetime as dt

import pytest
from inspectorate.evaluation import schedule
from inspectorate.model import Judgement
from inspectorate_estyn import citations as cite


def _case_study(host, case):
    found = [e for e in schedule(host, case, dt.date(2025, 3, 20)) if e.id == "case-study"]
    return found[0] if found else None


@pytest.mark.parametrize("area", ["standards", "care-support-and-guidance", "leadership-and-management"])
def test_an_excellent_in_any_2017_area_invites_a_case_study(host, case_for, area):
    """"The case study should be sent to Estyn within four weeks of the end of the on-site part of the inspection." """
    event = _case_study(host, case_for("estyn-cif-2017", judgements=[Judgement(area, "excellent")]))
    assert event.latest == dt.date(2025, 4, 4)  # four weeks after Friday 7 March
    assert event.citation == cite.CASE_STUDY_DUE
    assert "600 words" in event.title


def test_no_case_study_without_an_excellent(host, case_for):
    assert _case_study(host, case_for("estyn-cif-2017", judgements=[Judgement("standards", "good")])) is None


@pytest.mark.parametrize("area", ["current-performance", "prospects-for-improvement"])
def test_an_excellent_in_either_2010_overall_judgement_invites_a_case_study(host, case_for, area):
    """Opening paragraph: "...for at least one of the two overall judgements..." """
    assert _case_study(host, case_for("estyn-cif-2010", judgements=[Judgement(area, "excellent")])) is not None


def test_no_case_study_for_frameworks_without_grades(host, case_for):
    assert _case_study(host, case_for("estyn-2022")) is None


def test_the_due_date_waits_for_the_end_of_the_inspection(host, case_for):
    event = _case_study(host, case_for("estyn-cif-2017", judgements=[Judgement("standards", "excellent")],
                                       dates={"end": None}))
    assert event.latest is None and event.status == "waiting"
