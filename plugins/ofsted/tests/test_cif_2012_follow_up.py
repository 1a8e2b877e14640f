"""Ofsted CIF 2012 follow-up, each rule tested against the paragraph of the 2013 guidance it encodes.

Source for every test here: ofsted-2013-support-and-challenge-fes-requires-improvement.txt
(Ofsted, "Support and challenge for further education and skills providers that require
improvement to become good or outstanding", January 2013).
"""

import datetime as dt

import attrs
import inspectorate_ofsted.plugin as ofsted
import pytest
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import (
    Evidence,
    FollowUpRecord,
    InspectionDates,
    Judgement,
    Team,
)
from inspectorate.testing import make_case, make_host
from inspectorate_ofsted import citations as cite

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
    """Paragraph 12: "The re-inspection will occur 12 to 18 months after the inspection which found the provider
    to require improvement." """
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


def test_improvement_hmi_named_for_the_next_inspection_is_warned(host, framework):
    """Paragraph 12: "They will also not normally be one of those HMI who will carry out the subsequent re-inspection." """
    team = Team(reporting_inspector="Ann Jones", improvement_hmi="Dev Patel", next_inspection_team=["Dev Patel", "Eve Brown"])
    [finding] = evaluate(host, _case(framework, "requires-improvement", team=team)).findings
    assert "next inspection" in finding.message and finding.citation == cite.IMPROVEMENT_HMI_NOT_NEXT


def test_two_working_days_notice_of_the_reinspection(host, framework):
    """Paragraph 12: "The provider will receive two working days' notice of the re-inspection." """
    notice = _events(host, _case(framework, "requires-improvement"))["re-inspection-notice"]
    # The re-inspection window (8 March to 8 September 2014) less two working days each end.
    assert (notice.earliest, notice.latest) == (dt.date(2014, 3, 6), dt.date(2014, 9, 4))
    assert notice.citation == cite.REINSPECTION_NOTICE
    given = FollowUpRecord(done={"re-inspection-notice": dt.date(2014, 4, 17)})  # Thursday before Easter
    reinspection = _events(host, _case(framework, "requires-improvement", follow_up=given))["re-inspection"]
    assert reinspection.earliest == reinspection.latest == dt.date(2014, 4, 23)  # skips Good Friday and Easter Monday
    assert reinspection.citation == cite.REINSPECTION_NOTICE
    assert evaluate(host, _case(framework, "requires-improvement", follow_up=given)).findings == ()
    too_soon = FollowUpRecord(done={"re-inspection-notice": dt.date(2013, 12, 2)})  # before the window opens
    [finding] = evaluate(host, _case(framework, "requires-improvement", follow_up=too_soon)).findings
    assert finding.rule == "timing.done-early" and finding.citation == cite.REINSPECTION_NOTICE


def test_improvement_hmi_can_bring_the_reinspection_forward(host, framework):
    """Paragraph 12: "The improvement HMI can request that the re-inspection be brought forward from the 12 to 18 months window." """
    asked = FollowUpRecord(done={"re-inspection-brought-forward": dt.date(2013, 10, 1)})
    event = _events(host, _case(framework, "requires-improvement", follow_up=asked))["re-inspection"]
    assert (event.earliest, event.latest) == (dt.date(2013, 10, 1), dt.date(2014, 3, 8))
    assert event.citation == cite.BRING_FORWARD and event.provenance.rule == "ofsted-2012.reinspection-brought-forward"


def test_every_agreed_action_needs_a_timescale(host, framework):
    """Paragraph 13: "discuss and agree the points of action that the provider will take and the timescales for doing so..." """
    actions = [Evidence("outcomes-for-learners", "agreed-action", "Track the progress of every 16 to 18 learner.", by=dt.date(2013, 7, 19)),
               Evidence("quality-of-teaching-learning-and-assessment", "agreed-action", "Observe lessons jointly.")]
    [finding] = evaluate(host, _case(framework, "requires-improvement", evidence=actions)).findings
    assert (finding.rule, finding.area) == ("ofsted-2012.action-needs-timescale", "quality-of-teaching-learning-and-assessment")
    assert finding.citation == cite.AGREED_ACTIONS_AND_TIMESCALES


def test_a_visit_with_no_agreed_actions_is_warned(host, framework):
    """Paragraph 18: "At each stage, HMI will confirm in writing agreed actions." """
    visited = FollowUpRecord(done={"improvement-visit": dt.date(2013, 5, 2)})
    [finding] = evaluate(host, _case(framework, "requires-improvement", follow_up=visited)).findings
    assert finding.rule == "ofsted-2012.actions-confirmed-in-writing" and finding.citation == cite.CONFIRM_IN_WRITING


def test_further_visits_bring_a_written_confirmation_with_the_deadline_a_setting(host, framework):
    """Paragraph 18: "At each stage, HMI will confirm in writing agreed actions." (no time given: a setting)"""
    record = FollowUpRecord(done={"improvement-visit": dt.date(2013, 5, 2), "further-visit-1": dt.date(2013, 9, 26)})
    letter = _events(host, _case(framework, "requires-improvement", follow_up=record))["further-visit-1-letter"]
    assert letter.latest == dt.date(2013, 10, 3) and letter.provenance.reading == "five-working-days"
    open_ended = _case(framework, "requires-improvement", follow_up=record, settings={"further-visit-confirmation": "no-deadline"})
    letter = _events(host, open_ended)["further-visit-1-letter"]
    assert letter.latest is None and letter.provenance.reading == "no-deadline"


def test_support_strategies_are_catalogue_ids_or_other_activities_in_words(host, framework):
    """Paragraph 15: "The strategies are not mutually exclusive and the list is not exhaustive." """
    record = FollowUpRecord(chosen=["governors-meeting", "A review of English and mathematics with the local college", "joint-observaton"])
    [finding] = evaluate(host, _case(framework, "requires-improvement", follow_up=record)).findings
    assert finding.rule == "ofsted-2012.unknown-support-strategy" and "'joint-observaton'" in finding.message


def test_a_letter_sent_after_five_working_days_is_warned(host, framework):
    """Paragraph 14: "Within five working days of the visit, the inspector will send ... a brief letter..." """
    on_time = FollowUpRecord(done={"improvement-visit": dt.date(2013, 5, 2), "improvement-letter": dt.date(2013, 5, 10)})
    late = FollowUpRecord(done={"improvement-visit": dt.date(2013, 5, 2), "improvement-letter": dt.date(2013, 5, 13)})
    actions = [Evidence("outcomes-for-learners", "agreed-action", "Track progress.", by=dt.date(2013, 7, 19))]
    assert evaluate(host, _case(framework, "requires-improvement", follow_up=on_time, evidence=actions)).findings == ()
    [finding] = evaluate(host, _case(framework, "requires-improvement", follow_up=late, evidence=actions)).findings
    assert (finding.severity, finding.rule) == ("warning", "timing.done-late")
    assert "2013-05-13" in finding.message and "after 2013-05-10" in finding.message
    assert finding.citation == cite.IMPROVEMENT_LETTER


def test_an_improvement_visit_before_ten_working_days_is_warned(host, framework):
    """Paragraph 10: "...normally between 10 and 30 working days after the publication of the inspection report." """
    early = FollowUpRecord(done={"improvement-visit": dt.date(2013, 4, 19)})
    actions = [Evidence("outcomes-for-learners", "agreed-action", "Track progress.", by=dt.date(2013, 7, 19))]
    [finding] = evaluate(host, _case(framework, "requires-improvement", follow_up=early, evidence=actions)).findings
    assert "before 2013-04-26" in finding.message and finding.citation == cite.IMPROVEMENT_VISIT


def test_support_strategies_are_for_providers_that_require_improvement(host, framework):
    """Paragraph 15: "...support strategies that the improvement HMI may choose to employ and/or recommend when visiting a provider." """
    record = FollowUpRecord(chosen=["governors-meeting"])
    assert evaluate(host, _case(framework, "requires-improvement", follow_up=record)).findings == ()
    [finding] = evaluate(host, _case(framework, "good", follow_up=record)).findings
    assert finding.rule == "ofsted-2012.strategies-for-requires-improvement" and finding.citation == cite.SUPPORT_STRATEGIES


@pytest.mark.parametrize(
    ("hmi", "team_name"),
    [
        ("Dev Patel", "Dev Patel HMI"),
        ("Dev Patel HMI", "dev  patel"),
        ("Mr Dev Patel", "Dev Patel, HMI"),
        ("Dr. Dev Patel", "DEV PATEL OI"),
    ],
)
def test_the_improvement_hmi_is_matched_whatever_the_title_case_and_spacing(host, framework, hmi, team_name):
    """Paragraph 12 keeps the improvement HMI off both teams: the same person written with a title
    (HMI, OI, Mr, Dr), in another case or with extra spaces is still the same person."""
    last = Team(reporting_inspector="Ann Jones", team_inspectors=[team_name], improvement_hmi=hmi)
    [finding] = evaluate(host, _case(framework, "requires-improvement", team=last)).findings
    assert finding.citation == cite.IMPROVEMENT_HMI_SEPARATE
    following = Team(reporting_inspector="Ann Jones", improvement_hmi=hmi, next_inspection_team=[team_name])
    [finding] = evaluate(host, _case(framework, "requires-improvement", team=following)).findings
    assert finding.citation == cite.IMPROVEMENT_HMI_NOT_NEXT


def test_different_people_sharing_a_title_are_not_matched(host, framework):
    team = Team(reporting_inspector="Ann Jones HMI", improvement_hmi="Dev Patel HMI", next_inspection_team=["Eve Brown HMI"])
    assert evaluate(host, _case(framework, "requires-improvement", team=team)).findings == ()


def test_the_support_strategies_are_the_frameworks_follow_up_options(host, framework):
    """Paragraph 15: one declaration, the catalogue of support strategies, reaches every front end
    through the framework."""
    assert "joint-observation" in framework.follow_up_options
    assert framework.option_text("further-visits") == "a further visit or visits by the HMI"
    assert "paragraph 15" in framework.options_title()
    assert host.framework("ofsted-eif-2019").follow_up_options == {}
