"""Estyn CIF 2010 rules, each tested against the sentence of the 2010 guidance it encodes.

Source for every test here: estyn-2010-guidance-on-sector-leading-practice.txt (Estyn, November 2010).
"""

import datetime as dt

import attrs
import inspectorate_estyn.plugin as estyn
import pytest
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
    practice = [Evidence("current-performance", "sector-leading-practice", "Reading programme shared across the region.")]
    case = _excellent(framework, evidence=practice)
    [event] = [e for e in schedule(host, case, today=dt.date(2025, 3, 20)) if e.id == "case-study"]
    assert event.id == "case-study"
    assert case.dates.end == dt.date(2025, 3, 7)
    assert event.latest == dt.date(2025, 4, 4)
    assert event.status == "open"
    assert event.citation == cite.CASE_STUDY_DUE


def test_no_case_study_without_an_excellent_overall_judgement(host, framework):
    case = make_case(framework, nation="wales", judgements=[Judgement("outcomes", "excellent")])
    assert "case-study" not in [e.id for e in schedule(host, case, today=dt.date(2025, 3, 20))]


# -- proposals from the CIF 2010 descriptors (DOMAIN-NOTES.md, CIF 2010, H) ---------------------


def _proposal(result, area):
    return {p.area: p for p in result.proposals}.get(area)


def test_many_strengths_and_no_important_area_for_improvement_proposes_good(host, framework):
    """Descriptor good: "many strengths and no important areas requiring significant improvement"."""
    case = make_case(
        framework, nation="wales",
        inspector_calls={"many-strengths": ["provision"]},
        evidence=[Evidence("provision", "strength", "Well-planned lessons."), Evidence("provision", "strength", "Strong care.")],
    )
    proposal = _proposal(evaluate(host, case), "provision")
    assert (proposal.grade, proposal.citation) == ("good", cite.DESCRIPTORS_2010["good"])
    assert proposal.citation.confidence == "H"


def test_important_areas_outweighing_strengths_propose_unsatisfactory(host, framework):
    """Descriptor unsatisfactory: "important areas for improvement outweigh strengths"."""
    case = make_case(
        framework, nation="wales",
        judgements=[Judgement("leadership-and-management", "adequate")],
        evidence=[
            Evidence("leadership-and-management", "important-area-for-improvement", "Self-evaluation is weak."),
            Evidence("leadership-and-management", "important-area-for-improvement", "Governors do not challenge leaders."),
            Evidence("leadership-and-management", "strength", "Staff morale is high."),
        ],
    )
    proposal = _proposal(evaluate(host, case), "leadership-and-management")
    assert proposal.grade == "unsatisfactory"
    assert proposal.citation == cite.DESCRIPTORS_2010["unsatisfactory"]
    assert "2 important areas for improvement" in proposal.rationale


def test_strengths_outweighing_areas_for_improvement_propose_adequate(host, framework):
    """Descriptor adequate: "strengths outweigh areas for improvement" (no 'many strengths' call)."""
    case = make_case(
        framework, nation="wales",
        evidence=[
            Evidence("outcomes", "strength", "Pupils read well."),
            Evidence("outcomes", "strength", "Attendance is high."),
            Evidence("outcomes", "area-for-improvement", "Boys' writing lags behind."),
        ],
    )
    assert _proposal(evaluate(host, case), "outcomes").grade == "adequate"


def test_a_grade_that_agrees_with_the_descriptor_brings_no_proposal(host, framework):
    case = make_case(
        framework, nation="wales",
        judgements=[Judgement("outcomes", "adequate")],
        evidence=[Evidence("outcomes", "strength", "Pupils read well."), Evidence("outcomes", "area-for-improvement", "Writing.")],
    )
    # One strength against one area for improvement fits no descriptor: the rules stay silent.
    assert _proposal(evaluate(host, case), "outcomes") is None


def test_the_inspector_may_override_a_proposal_with_a_reason(host, framework):
    """Point 7 is a 'should': the proposal is overridable, and an override with a reason is respected."""
    case = _excellent(
        framework,
        evidence=[Evidence("current-performance", "sector-leading-practice", "Reading programme shared across the region.")],
    )
    assert _proposal(evaluate(host, case), "current-performance").overridable
    overridden = attrs.evolve(
        case,
        judgements=[Judgement("current-performance", "excellent", by="Rhian Morgan", overridden_from="good",
                              reason="Strengths are recorded in the key questions, not here.")],
    )
    assert _proposal(evaluate(host, overridden), "current-performance") is None
    # Without a reason, the override does not count.
    unexplained = attrs.evolve(case, judgements=[Judgement("current-performance", "excellent", overridden_from="good")])
    assert _proposal(evaluate(host, unexplained), "current-performance") is not None


# -- the four tests of sector-leading practice (points 1 to 4) -------------------------------------


@pytest.mark.parametrize("missing", ["among-the-best", "shared", "innovative", "clear-impact"])
def test_excellent_whose_practice_misses_a_sector_leading_test_is_flagged(host, framework, missing):
    """Points 1-4: among the best; shared with others; innovative; highly effective with clear impact."""
    tags = [t for t in ("among-the-best", "shared", "innovative", "clear-impact") if t != missing]
    case = _excellent(
        framework,
        inspector_calls={"many-strengths": ["current-performance"]},
        evidence=[
            Evidence("current-performance", "strength", "Strong reading."),
            Evidence("current-performance", "sector-leading-practice", "Reading programme.", tags=tags),
        ],
    )
    findings = [f for f in evaluate(host, case).findings if f.rule.startswith("estyn-2010.sector-leading-test")]
    assert [f.rule for f in findings] == [f"estyn-2010.sector-leading-test.{missing}"]
    assert findings[0].citation == cite.SECTOR_LEADING_TESTS[missing]


# -- 'many strengths' is the inspector's call (point 6) --------------------------------------------


def test_many_strengths_recorded_without_supporting_evidence_warns(host, framework):
    """Point 6: "inspectors need to make sure that there are 'many strengths'" — the evidence should show them."""
    case = make_case(
        framework, nation="wales",
        inspector_calls={"many-strengths": ["provision"]},
        evidence=[Evidence("provision", "area-for-improvement", "Marking is inconsistent.")],
    )
    [finding] = [f for f in evaluate(host, case).findings if f.rule == "estyn-2010.many-strengths-unsupported"]
    assert finding.area == "provision" and finding.severity == "warning"
    assert finding.citation == cite.MANY_STRENGTHS_BEFORE_SECTOR_LEADING


def test_many_strengths_borne_out_by_the_evidence_is_not_questioned(host, framework):
    case = make_case(
        framework, nation="wales",
        inspector_calls={"many-strengths": ["provision"]},
        evidence=[Evidence("provision", "strength", "Lessons."), Evidence("provision", "strength", "Care.")],
    )
    assert "estyn-2010.many-strengths-unsupported" not in [f.rule for f in evaluate(host, case).findings]
