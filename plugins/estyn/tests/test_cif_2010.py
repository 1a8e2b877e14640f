"""Estyn CIF 2010 rules, each tested against the sentence of the 2010 guidance it encodes.

Source for every test here: estyn-2010-guidance-on-sector-leading-practice.txt (Estyn, November 2010).
"""

import datetime as dt

import attrs
import pytest

import inspectorate_estyn.plugin as estyn
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import Evidence, Judgement
from inspectorate.testing import make_case, make_host
from inspectorate.testing.builders import DEFAULT_DATES
from inspectorate_estyn import citations as cite

GUIDANCE = "estyn-2010-guidance-on-sector-leading-practice.txt"


@pytest.fixture
def host():
    return make_host(estyn=estyn)


@pytest.fixture
def framework(host):
    return host.framework("estyn-cif-2010")


def _excellent(framework, **changes):
    case = make_case(framework, nation="wales", judgements=[Judgement("current-performance", "excellent")])
    return attrs.evolve(case, **changes) if changes else case


def test_sector_leading_practice_without_many_strengths_does_not_secure_excellent(host, framework):
    """Point 7: "'Sector-leading practice' on its own – without 'many strengths' – should not secure an 'excellent' judgement." """
    case = _excellent(
        framework,
        evidence=[Evidence("current-performance", "sector-leading-practice", "Reading programme shared across the region.")],
    )
    result = evaluate(host, case)
    [proposal] = result.proposals
    assert (proposal.area, proposal.grade, proposal.ceiling) == ("current-performance", "good", "good")
    assert proposal.citation == cite.MANY_STRENGTHS_FIRST
    assert proposal.overridable


def test_excellent_with_many_strengths_and_sector_leading_practice_stands(host, framework):
    """Opening paragraph: an 'excellent' overall judgement means sector-leading practice has been identified."""
    case = _excellent(
        framework,
        inspector_calls={"many-strengths": ["current-performance"]},
        evidence=[
            Evidence("current-performance", "strength", "Nearly all pupils read fluently in Welsh and English."),
            Evidence("current-performance", "strength", "Pupils' wellbeing is outstanding."),
            Evidence(
                "current-performance", "sector-leading-practice", "Reading programme shared across the region.",
                tags=["among-the-best", "shared", "innovative", "clear-impact"],
            ),
        ],
        dates=attrs.evolve(DEFAULT_DATES, notified=dt.date(2025, 1, 27)),
    )
    result = evaluate(host, case)
    assert result.proposals == ()
    assert [f.rule for f in result.findings if f.rule.startswith("estyn-2010")] == []


def test_excellent_without_sector_leading_practice_is_flagged(host, framework):
    """Opening paragraph: "...the inspection team will have identified examples of sector-leading practice..." """
    case = _excellent(framework, inspector_calls={"many-strengths": ["current-performance"]})
    [finding] = [f for f in evaluate(host, case).findings if "sector-leading" in f.rule]
    assert finding.rule == "estyn-2010.excellent-needs-sector-leading-practice"
    assert finding.citation == cite.EXCELLENT_NEEDS_SECTOR_LEADING
    assert finding.area == "current-performance"


def test_case_study_is_due_four_weeks_after_the_end_of_the_on_site_inspection(host, framework):
    """Case study: "The case study should be sent to Estyn within four weeks of the end of the on-site part of the inspection." """
    case = _excellent(framework)
    [event] = [e for e in schedule(host, case, today=dt.date(2025, 3, 20)) if e.id == "case-study"]
    assert event.id == "case-study"
    assert case.dates.end == dt.date(2025, 3, 7)
    assert event.latest == dt.date(2025, 4, 4)
    assert event.status == "open"
    assert event.citation == cite.CASE_STUDY_DUE


def test_no_case_study_without_an_excellent_overall_judgement(host, framework):
    case = make_case(framework, nation="wales", judgements=[Judgement("outcomes", "excellent")])
    assert "case-study" not in [e.id for e in schedule(host, case, today=dt.date(2025, 3, 20))]
