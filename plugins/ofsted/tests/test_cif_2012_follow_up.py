"""Ofsted CIF 2012 follow-up, each rule tested against the paragraph of the 2013 guidance it encodes.

Source for every test here: ofsted-2013-support-and-challenge-fes-requires-improvement.txt
(Ofsted, "Support and challenge for further education and skills providers that require
improvement to become good or outstanding", January 2013).
"""

import datetime as dt

import attrs
import pytest

import inspectorate_ofsted.plugin as ofsted
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import FollowUpRecord, InspectionDates, Judgement, Team
from inspectorate.testing import make_case, make_host
from inspectorate_ofsted import citations as cite

GUIDANCE = "ofsted-2013-support-and-challenge-fes-requires-improvement.txt"
DATES = InspectionDates(start=dt.date(2013, 3, 4), end=dt.date(2013, 3, 8), published=dt.date(2013, 4, 12))


@pytest.fixture
def host():
    return make_host(ofsted=ofsted)


@pytest.fixture
def framework(host):
    return host.framework("ofsted-cif-2012")


def _case(framework, overall, **changes):
    return make_case(
        framework, nation="england", dates=DATES, judgements=[Judgement("overall-effectiveness", overall)], **changes
    )


def _events(host, case):
    return {e.id: e for e in schedule(host, case, today=dt.date(2013, 4, 15))}


def test_citations_quote_the_guidance_word_for_word(tests_guidance_text):
    text = tests_guidance_text(GUIDANCE)
    for citation in (cite.INADEQUATE_MONITORING, cite.IMPROVEMENT_VISIT, cite.IMPROVEMENT_HMI_SEPARATE,
                     cite.REINSPECTION_RI, cite.IMPROVEMENT_LETTER):
        assert citation.document == GUIDANCE
        assert citation.quote in text


def test_improvement_visit_falls_10_to_30_working_days_after_publication(host, framework):
    """Paragraph 10: "...normally between 10 and 30 working days after the publication of the inspection report." """
    event = _events(host, _case(framework, "requires-improvement"))["improvement-visit"]
    # Published Friday 12 April 2013; no bank holiday until 6 May, which the upper bound crosses.
    assert event.earliest == dt.date(2013, 4, 26)
    assert event.latest == dt.date(2013, 5, 28)  # 30 working days, skipping 6 May and 27 May
    assert event.anchor.date == dt.date(2013, 4, 12)
    assert event.citation == cite.IMPROVEMENT_VISIT
    assert "england-and-wales" in event.provenance.calendar


def test_letter_is_due_five_working_days_after_the_visit_once_it_has_happened(host, framework):
    """Paragraph 14: "Within five working days of the visit, the inspector will send ... a brief letter..." """
    waiting = _events(host, _case(framework, "requires-improvement"))["improvement-letter"]
    assert waiting.latest is None and waiting.status == "waiting"
    visited = _case(framework, "requires-improvement", follow_up=FollowUpRecord(done={"improvement-visit": dt.date(2013, 5, 2)}))
    letter = _events(host, visited)["improvement-letter"]
    assert letter.latest == dt.date(2013, 5, 10)  # Thu 2 May + 5 working days skips Mon 6 May
    assert letter.citation == cite.IMPROVEMENT_LETTER


def test_reinspection_12_to_18_months_after_the_inspection_with_the_anchor_a_setting(host, framework):
    """Paragraph 12: "The re-inspection will occur 12 to 18 months after the inspection which found the provider to require improvement." """
    default = _events(host, _case(framework, "requires-improvement"))["re-inspection"]
    assert (default.earliest, default.latest) == (dt.date(2014, 3, 8), dt.date(2014, 9, 8))
    assert default.provenance.reading == "inspection-end"
    published = _case(framework, "requires-improvement", settings={"reinspection-anchor": "report-published"})
    moved = _events(host, published)["re-inspection"]
    assert (moved.earliest, moved.latest) == (dt.date(2014, 4, 12), dt.date(2014, 10, 12))
    assert moved.provenance.reading == "report-published"


def test_inadequate_brings_monitoring_after_6_to_8_months_and_reinspection_after_12_to_15(host, framework):
    """Paragraph 2: "...a re-inspection monitoring visit after six to eight months and a full re-inspection after 12 to 15 months." """
    events = _events(host, _case(framework, "inadequate"))
    assert (events["monitoring-visit"].earliest, events["monitoring-visit"].latest) == (dt.date(2013, 9, 8), dt.date(2013, 11, 8))
    assert (events["re-inspection"].earliest, events["re-inspection"].latest) == (dt.date(2014, 3, 8), dt.date(2014, 6, 8))
    assert {e.citation for e in events.values()} == {cite.INADEQUATE_MONITORING}
    assert evaluate(host, _case(framework, "inadequate")).follow_up.id == "inadequate-monitoring"


def test_improvement_hmi_on_the_inspection_team_is_warned(host, framework):
    """Paragraph 12: "...improvement HMI will not normally be one of those who carried out the last inspection." """
    team = Team(reporting_inspector="Ann Jones", team_inspectors=["Bob Smith"], improvement_hmi="Bob Smith")
    [finding] = evaluate(host, _case(framework, "requires-improvement", team=team)).findings
    assert finding.severity == "warning"
    assert "Bob Smith" in finding.message and "last inspection" in finding.message
    assert finding.citation == cite.IMPROVEMENT_HMI_SEPARATE
    separate = attrs.evolve(team, improvement_hmi="Carys Evans")
    assert evaluate(host, _case(framework, "requires-improvement", team=separate)).findings == ()
