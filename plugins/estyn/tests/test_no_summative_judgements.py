"""estyn-2022 and estyn-2024: no summative judgements, safeguarding, serious shortcomings.

Sources: estyn-2022-what-we-inspect-adult-learning-in-the-community.txt ("Evaluating each
inspection area", "4.2 Safeguarding"); welsh-government-2022-school-improvement-guidance.txt
("Estyn's inspection framework").
"""

import datetime as dt

import pytest
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import Evidence, FollowUpRecord, Judgement, Recommendation
from inspectorate_estyn import citations as cite

UNGRADED = ["estyn-2022", "estyn-2024"]


def _findings(host, case, rule):
    return [f for f in evaluate(host, case).findings if f.rule == rule]


@pytest.mark.parametrize("framework_id", UNGRADED)
def test_a_recorded_grade_is_an_error(host, case_for, framework_id):
    """2022 ALC: "Inspection teams will not give overall grades for each inspection area." For a
    school (estyn-2024), the Welsh Government's guidance: "...summative judgements will be removed
    from inspection reports." """
    area = host.framework(framework_id).areas[0].id
    case = case_for(framework_id, judgements=[Judgement(area, "good")])
    [finding] = _findings(host, case, "estyn.no-summative-judgements")
    assert finding.severity == "error" and finding.area == area
    expected = cite.NO_GRADES_2022 if case.provider.sector == "adult-learning-in-the-community" else cite.NO_SUMMATIVE_JUDGEMENTS
    assert finding.citation == expected


@pytest.mark.parametrize("framework_id", UNGRADED)
def test_no_grade_no_error(host, case_for, framework_id):
    assert _findings(host, case_for(framework_id), "estyn.no-summative-judgements") == []


def test_serious_safeguarding_concern_without_a_recommendation_is_an_error(host, case_for):
    """4.2: "Where arrangements are a serious cause for concern, inspectors should include a recommendation in the report" """
    case = case_for(
        "estyn-2022",
        inspector_calls={"safeguarding-cause-for-concern": ["safeguarding"]},
        recommendations=[Recommendation("Improve tutors' planning.", 1, ["teaching-training-and-assessment"])],
    )
    [finding] = _findings(host, case, "estyn.safeguarding-recommendation")
    assert finding.severity == "error"
    assert finding.citation == cite.SAFEGUARDING_CONCERN


def test_a_safeguarding_recommendation_satisfies_the_rule(host, case_for):
    case = case_for(
        "estyn-2022",
        inspector_calls={"safeguarding-cause-for-concern": ["safeguarding"]},
        recommendations=[Recommendation("Strengthen safer recruitment checks.", 1, ["safeguarding"])],
    )
    assert _findings(host, case, "estyn.safeguarding-recommendation") == []


@pytest.mark.parametrize("framework_id", UNGRADED)
def test_serious_safeguarding_concern_schedules_a_wellbeing_letter(host, case_for, framework_id):
    """4.2: "...Estyn will send a wellbeing letter to the partnership asking them to outline how they will address the shortcoming(s)." """
    area = "safeguarding" if framework_id == "estyn-2022" else "wellbeing-care-support-and-guidance"
    case = case_for(framework_id, inspector_calls={"safeguarding-cause-for-concern": [area]})
    [letter] = [e for e in schedule(host, case, dt.date(2025, 3, 20)) if e.id == "wellbeing-letter"]
    # The adult-learning handbook is the only source; 2024 (schools) says the guidance is silent.
    expected = cite.SAFEGUARDING_CONCERN if framework_id == "estyn-2022" else cite.SAFEGUARDING_CONCERN_ELSEWHERE
    assert letter.citation == expected
    assert letter.earliest == dt.date(2025, 3, 7) and letter.latest is None
    assert letter.status == "open"


def test_no_wellbeing_letter_without_a_serious_concern(host, case_for):
    assert "wellbeing-letter" not in [e.id for e in schedule(host, case_for("estyn-2022"), dt.date(2025, 3, 20))]


def test_serious_shortcomings_require_follow_up_activity_for_a_partnership(host, case_for):
    """2022 ALC: "Where inspectors identify serious shortcomings in one or more inspection areas, the
    partnership will normally require follow-up activity." """
    case = case_for("estyn-2022", inspector_calls={"serious-shortcomings": ["leadership-and-management"]})
    category = evaluate(host, case).follow_up
    assert category.id == "follow-up-activity"
    assert category.citation == cite.SERIOUS_SHORTCOMINGS
    assert "Serious shortcomings in 5 Leadership and management require" in category.rationale  # its name, not its id
    assert evaluate(host, case_for("estyn-2022")).follow_up.id == "none"


def test_serious_shortcomings_with_follow_up_set_to_none_is_an_error(host, case_for):
    case = case_for(
        "estyn-2024",
        provider={"sector": "school"},
        inspector_calls={"serious-shortcomings": ["leading-and-improving"]},
        follow_up=FollowUpRecord(category="none"),
    )
    [finding] = _findings(host, case, "estyn.serious-shortcomings-follow-up")
    assert finding.severity == "error"


@pytest.mark.parametrize("framework_id, sector, area", [("estyn-2022", "adult-learning-in-the-community", "leadership-and-management"),
                                                        ("estyn-2024", "school", "leading-and-improving")])
def test_serious_shortcomings_normally_require_follow_up_so_a_recorded_reason_makes_none_a_warning(
    host, case_for, framework_id, sector, area
):
    """2022 ALC: "...the partnership will normally require follow-up activity." "Normally" leaves the
    team room to decide otherwise, with its reason recorded: a warning then, an error without one."""
    without_reason = case_for(
        framework_id, provider={"sector": sector}, inspector_calls={"serious-shortcomings": [area]},
        follow_up=FollowUpRecord(category="none"),
    )
    [finding] = _findings(host, without_reason, "estyn.serious-shortcomings-follow-up")
    assert finding.severity == "error"
    assert "category_reason" in finding.message and "normally" in finding.message
    with_reason = case_for(
        framework_id, provider={"sector": sector}, inspector_calls={"serious-shortcomings": [area]},
        follow_up=FollowUpRecord(category="none", category_reason="The shortcomings were put right during the inspection."),
    )
    [finding] = _findings(host, with_reason, "estyn.serious-shortcomings-follow-up")
    assert finding.severity == "warning"
    assert "put right during the inspection" in finding.message
    assert finding.citation == (cite.SERIOUS_SHORTCOMINGS if sector == "adult-learning-in-the-community"
                                else cite.SERIOUS_SHORTCOMINGS_ELSEWHERE)


def test_a_school_s_serious_shortcomings_do_not_cite_the_adult_learning_handbook(host, case_for):
    """The handbook's "the partnership will normally require follow-up activity" rules adult
    learning partnerships; for a school the project's guidance is silent, and the citation says so."""
    case = case_for("estyn-2024", provider={"sector": "school"}, kind="core-inspection",
                    inspector_calls={"serious-shortcomings": ["leading-and-improving"]})
    category = evaluate(host, case).follow_up
    assert category.id == "estyn-review"
    assert category.citation == cite.SERIOUS_SHORTCOMINGS_ELSEWHERE and "silent" in category.citation.quote


@pytest.mark.parametrize("framework_id, area", [("estyn-2022", "safeguarding"), ("estyn-2024", "wellbeing-care-support-and-guidance")])
def test_safeguarding_concern_evidence_without_the_inspectors_call_says_how_to_record_a_serious_concern(
    host, case_for, framework_id, area
):
    """4.2: only arrangements that are "a serious cause for concern" bring a recommendation and a
    wellbeing letter; a concern recorded as evidence alone is not that call, and the team is told so."""
    evidence = [Evidence(area, "safeguarding-concern", "Two staff files lack DBS checks.")]
    case = case_for(framework_id, evidence=evidence)
    [finding] = _findings(host, case, "estyn.safeguarding-concern-without-call")
    assert finding.severity == "warning" and finding.area == area
    assert "safeguarding-cause-for-concern" in finding.message and "inspector_calls" in finding.message
    assert "wellbeing letter" in finding.message
    called = case_for(framework_id, evidence=evidence, inspector_calls={"safeguarding-cause-for-concern": [area]})
    assert _findings(host, called, "estyn.safeguarding-concern-without-call") == []
    assert _findings(host, case_for(framework_id), "estyn.safeguarding-concern-without-call") == []


def test_school_safeguarding_does_not_cite_the_adult_learning_handbook(host, case_for):
    """The adult-learning handbook rules adult learning partnerships only; for a school the project's
    guidance is silent, and the citation says so."""
    case = case_for(
        "estyn-2024", provider={"sector": "school"},
        inspector_calls={"safeguarding-cause-for-concern": ["wellbeing-care-support-and-guidance"]},
    )
    [finding] = _findings(host, case, "estyn.safeguarding-recommendation")
    assert finding.citation == cite.SAFEGUARDING_CONCERN_ELSEWHERE
    assert finding.citation.document != cite.ALC_2022 and "silent" in finding.citation.quote
