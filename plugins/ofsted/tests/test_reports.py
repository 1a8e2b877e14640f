"""Ofsted's templates render what the guidance asks of each letter and report, and their checks catch what it forbids.

Sources: ofsted-2013-support-and-challenge-fes-requires-improvement.txt, paragraphs 14, 15 and 18
(the improvement visit letter); DOMAIN-NOTES.md, "Ofsted (England)" for EIF 2019 and the 2025
report cards.
"""

import datetime as dt

import attrs
import inspectorate_ofsted.plugin as ofsted
import pytest
from inspectorate.drafting import draft_report
from inspectorate.model import (
    Evidence,
    FollowUpRecord,
    InspectionDates,
    Judgement,
    ProgressEntry,
    Provider,
    Recommendation,
)
from inspectorate.reports import ReportError, sections
from inspectorate.testing import make_case, make_host
from inspectorate_ofsted import citations as cite
from inspectorate_ofsted import reports

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def host():
    return make_host(ofsted=ofsted)


def _rules(drafted):
    return {(f.severity, f.rule) for f in drafted.findings}


def _ri_college(host, **changes):
    framework = host.framework("ofsted-cif-2012")
    return make_case(
        framework,
        dates=InspectionDates(start=dt.date(2013, 10, 14), end=dt.date(2013, 10, 18), published=dt.date(2013, 11, 22)),
        judgements=[Judgement("overall-effectiveness", "requires-improvement")],
        recommendations=[Recommendation("Raise retention on level 3 courses.", 1)],
        **changes,
    )


ACTION = Evidence("outcomes-for-learners", "agreed-action", "Review learners' progress fortnightly.", by=dt.date(2014, 1, 31))


def test_improvement_letter_confirms_priorities_actions_and_strategies_and_is_not_for_publication(host):
    """Paragraphs 14, 15 and 18: "The feedback letter will not be published on the Ofsted website." ...
    "At each stage, HMI will confirm in writing agreed actions." """
    record = FollowUpRecord(done={"improvement-visit": dt.date(2013, 12, 11)},
                            chosen=["joint-observation", "A visit to a good college's engineering department"])
    drafted = draft_report(host, _ri_college(host, evidence=[ACTION], follow_up=record), "ofsted-improvement-visit-letter", today=TODAY)
    found = sections(drafted.text)
    assert "Not for publication" in found["not-for-publication"] and "factual accuracy" in found["not-for-publication"]
    assert "Raise retention on level 3 courses." in found["priorities"]
    assert "Review learners' progress fortnightly. (by 31 January 2014)" in found["actions"]
    assert "joint observation of a particular subject or aspect by the HMI and senior/middle leaders" in found["support"]
    assert "A visit to a good college's engineering department" in found["support"]
    assert "11 December 2013" in found["visit"]
    assert drafted.findings == ()


def test_improvement_letter_without_agreed_actions_fails_its_check(host):
    """Paragraph 18: "At each stage, HMI will confirm in writing agreed actions." """
    drafted = draft_report(host, _ri_college(host), "ofsted-improvement-visit-letter", today=TODAY)
    assert ("error", "report.required-section") in _rules(drafted)
    assert any("'actions'" in f.message for f in drafted.findings)


def test_improvement_letter_is_brief(host):
    """Paragraph 14: "...a brief letter summarising the agreed priorities..." (our limit: 500 words of actions)."""
    long_actions = [attrs.evolve(ACTION, text="Review learners' progress " + "again and " * 60) for _ in range(5)]
    drafted = draft_report(host, _ri_college(host, evidence=long_actions), "ofsted-improvement-visit-letter", today=TODAY)
    [finding] = [f for f in drafted.findings if f.rule == "report.word-limit"]
    assert "'actions'" in finding.message and finding.citation == cite.IMPROVEMENT_LETTER


def _eif_school(host, start, **changes):
    framework = host.framework("ofsted-eif-2019")
    grades = {"quality-of-education": "good", "behaviour-and-attitudes": "good", "personal-development": "good",
              "leadership-and-management": "good", "safeguarding": "effective", **changes.pop("grades", {})}
    return make_case(
        framework,
        provider=Provider(name="Hollins Park Primary School", sector="school"),
        dates=InspectionDates(start=start, end=start + dt.timedelta(days=1)),
        judgements=[Judgement(a, g) for a, g in grades.items()],
        recommendations=[Recommendation("Check what pupils remember in the foundation subjects.", 1)],
        **changes,
    )


def test_eif_report_of_a_state_school_from_september_2024_must_not_give_an_overall_grade(host):
    """DOMAIN-NOTES.md [H]: "State schools inspected from 2 Sept 2024 get the four key judgements but no overall grade." """
    recorded = _eif_school(host, dt.date(2024, 11, 12), grades={"overall-effectiveness": "good"})
    drafted = draft_report(host, recorded, "ofsted-eif-2019-inspection-report", today=TODAY)
    assert ("error", "eif-2019.report-states-no-overall") in _rules(drafted)
    clean = draft_report(host, _eif_school(host, dt.date(2024, 11, 12)), "ofsted-eif-2019-inspection-report", today=TODAY)
    assert "overall-effectiveness" not in sections(clean.text) and clean.findings == ()
    assert "| Behaviour and attitudes | Good (2) |" in clean.text
    earlier = _eif_school(host, dt.date(2023, 5, 16), grades={"overall-effectiveness": "good"})
    drafted = draft_report(host, earlier, "ofsted-eif-2019-inspection-report", today=TODAY)
    assert "Good (2)" in sections(drafted.text)["overall-effectiveness"] and drafted.findings == ()


def test_eif_report_says_how_safeguarding_was_judged(host):
    """DOMAIN-NOTES.md [M]: "Ineffective safeguarding is likely to make leadership and management, and so overall, inadequate;" """
    unsafe = _eif_school(host, dt.date(2023, 5, 16), grades={"safeguarding": "ineffective"})
    text = draft_report(host, unsafe, "ofsted-eif-2019-inspection-report", today=TODAY).text
    assert sections(text)["safeguarding"].startswith("The arrangements for safeguarding are not effective.")


def _report_card(host, grades, sector="school", evidence=None):
    framework = host.framework("ofsted-renewed-2025")
    if evidence is None:
        evidence = [Evidence(a, "strength", f"Narrative for {a}.") for a in grades if a != "safeguarding"]
    return make_case(
        framework,
        provider=Provider(name="Tamesbridge College" if sector != "school" else "Moorside Academy", sector=sector),
        dates=InspectionDates(start=dt.date(2026, 1, 20), end=dt.date(2026, 1, 22)),
        judgements=[Judgement(a, g) for a, g in grades.items()],
        evidence=evidence,
    )


def test_report_card_shows_each_grade_in_words_and_symbol_and_safeguarding_met(host):
    """DOMAIN-NOTES.md [M]: "each evaluation area graded on five points, best first: exceptional, ...";
    "safeguarding is met or not met; no overall grade." """
    grades = {"inclusion": "exceptional", "achievement": "urgent-improvement", "leadership-and-governance": "needs-attention",
              "safeguarding": "not-met"}
    drafted = draft_report(host, _report_card(host, grades), "ofsted-renewed-2025-report-card", today=TODAY)
    found = sections(drafted.text)
    assert "| Inclusion | Exceptional | ▲▲ |" in found["grades"]
    assert "| Achievement | Urgent improvement | ▼▼ |" in found["grades"]
    assert "| Curriculum and teaching | Not yet graded | — |" in found["grades"]
    assert "Sixth form" not in found["grades"]  # optional, not graded: not shown
    assert "**Not met** ✗" in found["safeguarding"]
    assert found["area-achievement"].startswith("Narrative for achievement.")
    assert "Requires significant improvement" in found["what-happens-next"]
    assert "overall" not in found and drafted.findings == ()


def test_report_card_for_a_college_shows_only_the_whole_provider_areas(host):
    """DOMAIN-NOTES.md [M]: the school areas are for schools; FE and skills report on their own areas."""
    grades = {"inclusion": "strong-standard", "leadership-and-governance": "urgent-improvement",
              "contribution-to-meeting-skills-needs": "expected-standard", "safeguarding": "met"}
    text = draft_report(host, _report_card(host, grades, sector="further-education"),
                        "ofsted-renewed-2025-report-card", today=TODAY).text
    assert "Contribution to meeting skills needs | Expected standard | ●" in text
    assert "Attendance and behaviour" not in text and "Urgent improvement monitoring" in text


def test_report_card_checks_narratives_and_symbols(host):
    """DOMAIN-NOTES.md [M]: "School areas: inclusion; curriculum and teaching; ..." each reported with its grade."""
    grades = {"inclusion": "strong-standard", "achievement": "expected-standard", "safeguarding": "met"}
    drafted = draft_report(host, _report_card(host, grades, evidence=[]), "ofsted-renewed-2025-report-card", today=TODAY)
    assert {(f.rule, f.area) for f in drafted.findings} == {
        ("renewed-2025.area-narrative", "inclusion"), ("renewed-2025.area-narrative", "achievement")}
    # A card that lost the symbols would tell the grade by nothing but its words: the check catches it.
    bare = drafted.text.replace("| ▲ |", "| |")
    findings = ofsted.check_report(template=reports.REPORT_CARD, text=bare, case=_report_card(host, grades))
    symbols = [(f.severity, f.area) for f in findings if f.rule == "renewed-2025.grade-text-and-symbol"]
    assert symbols == [("error", "inclusion")]


def test_monitoring_letter_reports_progress_on_each_recommendation(host):
    """Paragraph 2: "This involves a re-inspection monitoring visit after six to eight months and a full re-inspection
    after 12 to 15 months." """
    framework = host.framework("ofsted-cif-2012")
    recommendations = [
        Recommendation("Raise timely completion.", 1, progress=[ProgressEntry(dt.date(2014, 9, 24), "reasonable progress", "Up to 62%.")]),
        Recommendation("Monitor subcontractors.", 2),
    ]
    case = make_case(framework, dates=InspectionDates(start=dt.date(2014, 2, 3), end=dt.date(2014, 2, 6)),
                     judgements=[Judgement("overall-effectiveness", "inadequate")], recommendations=recommendations,
                     follow_up=FollowUpRecord(done={"monitoring-visit": dt.date(2014, 9, 24)}))
    drafted = draft_report(host, case, "ofsted-monitoring-visit-letter", today=dt.date(2014, 9, 30))
    found = sections(drafted.text)
    assert "Progress: reasonable progress. Up to 62%." in found["progress"]
    assert "Progress: not judged at this visit" in found["progress"]
    assert "Full re-inspection: between 6 February 2015 and 6 May 2015." in found["next-steps"]
    assert "24 September 2014" in found["visit"] and drafted.findings == ()
    unjudged = attrs.evolve(case, recommendations=[Recommendation("Monitor subcontractors.", 1)])
    assert ("error", "report.required-section") in _rules(draft_report(host, unjudged, "ofsted-monitoring-visit-letter"))


def test_templates_are_only_for_their_frameworks(host):
    with pytest.raises(ReportError, match="is for ofsted-renewed-2025"):
        draft_report(host, _ri_college(host), "ofsted-renewed-2025-report-card", today=TODAY)


def test_improvement_letter_must_say_it_is_not_published_and_ask_for_a_factual_check(host):
    """Paragraph 14: "The feedback letter will not be published on the Ofsted website." and "The content of the letter
    will be checked for factual accuracy with the provider." """
    record = FollowUpRecord(done={"improvement-visit": dt.date(2013, 12, 11)})
    case = _ri_college(host, evidence=[ACTION], follow_up=record)
    text = draft_report(host, case, "ofsted-improvement-visit-letter", today=TODAY).text
    assert ofsted.check_report(template=reports.IMPROVEMENT_LETTER, text=text, case=case) == []
    edited = text.replace("Please check it for\nfactual accuracy", "Please read it")
    [finding] = ofsted.check_report(template=reports.IMPROVEMENT_LETTER, text=edited, case=case)
    assert finding.rule == "ofsted-2012.improvement-letter-notice" and finding.citation == cite.LETTER_FACTUAL_ACCURACY
    edited = text.replace("This letter is not published", "This letter is")
    [finding] = ofsted.check_report(template=reports.IMPROVEMENT_LETTER, text=edited, case=case)
    assert finding.citation == cite.LETTER_NOT_PUBLISHED


def test_recommendations_are_numbered_by_their_place_in_the_order_of_priority(host):
    """One numbering everywhere: the improvement letter numbers the priorities 1, 2 in priority order,
    not by the priority numbers recorded (here 4 and 2) nor in the order they were typed."""
    case = attrs.evolve(
        _ri_college(host, evidence=[ACTION], follow_up=FollowUpRecord(done={"improvement-visit": dt.date(2013, 12, 16)})),
        recommendations=[Recommendation("Raise retention on level 3 courses.", 4),
                         Recommendation("Improve attendance at English lessons.", 2)],
    )
    text = sections(draft_report(host, case, "ofsted-improvement-visit-letter", "en", dt.date(2013, 12, 18)).text)
    assert "1. Improve attendance at English lessons.\n2. Raise retention on level 3 courses." in text["priorities"]
