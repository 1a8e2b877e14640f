"""The follow-up visit to a regional consortium (estyn-2017-follow-up-guidance-regional-consortia.txt).

The test kit's visit is on site Monday 3 to Friday 7 March 2025; Wales's harmonised terms put the
spring half term on 24-28 February 2025 (a holiday from Saturday 22 February to Sunday 2 March).
"""

import datetime as dt

import attrs
import pytest
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import FollowUpRecord, ProgressEntry, Recommendation
from inspectorate_estyn import citations as cite

CONSORTIUM = "estyn-consortium-follow-up-2017"
VISIT_DAY = dt.date(2025, 3, 7)


def _recs(*progress):
    return [
        Recommendation(f"Recommendation {i}", i, [f"recommendation-{i}"],
                       [ProgressEntry(VISIT_DAY, p)] if p else [])
        for i, p in enumerate(progress, start=1)
    ]


def _rules(host, case):
    return [f.rule for f in evaluate(host, case).findings]


def _events(host, case, today=dt.date(2025, 3, 10)):
    return {e.id: e for e in schedule(host, case, today)}


@pytest.fixture
def visit(case_for):
    def build(**changes):
        changes.setdefault("recommendations", _recs("strong", "satisfactory"))
        return case_for(CONSORTIUM, **changes)
    return build


def test_a_visit_of_a_week_is_fine_and_longer_is_an_error(host, visit):
    """"The follow-up visit will take no longer than one week." """
    assert "estyn-consortia-2017.visit-at-most-a-week" not in _rules(host, visit())
    long = visit(dates={"end": dt.date(2025, 3, 10)})  # Monday to the next Monday: eight days
    [finding] = [f for f in evaluate(host, long).findings if f.rule == "estyn-consortia-2017.visit-at-most-a-week"]
    assert finding.severity == "error" and finding.citation == cite.CONSORTIUM_ONE_WEEK


def _timing(host, case, rule, key):
    return [f for f in evaluate(host, case).findings if (f.rule, f.key) == (rule, key)]


def test_formal_notice_four_weeks_before_discounting_school_holidays(host, visit):
    """"Consortia will be formally notified of their visit at least four weeks in advance (discounting school holidays)." """
    notice = _events(host, visit(dates={"notified": None}), dt.date(2025, 1, 6))["formal-notice"]
    # Four school weeks back from Monday 3 March, the half-term week (24 to 28 February) not counted.
    assert notice.latest == dt.date(2025, 1, 27)
    assert "discounting school holidays" in notice.provenance.calendar and notice.provenance.reading == "school-weeks"
    days = visit(dates={"notified": None}, settings={"notice-weeks": "days-outside-holidays"})
    # The other reading: 28 days outside the holiday (Saturday 22 February to Sunday 2 March).
    assert _events(host, days, dt.date(2025, 1, 6))["formal-notice"].latest == dt.date(2025, 1, 25)


def test_a_half_term_week_is_one_school_week_not_nine_days(host, visit):
    """Four school weeks before a visit on Monday 10 November 2025 (half term 27 to 31 October) is
    Monday 6 October, which is in time; counting days outside holidays would call it late."""
    case = visit(dates={"notified": dt.date(2025, 10, 6), "start": dt.date(2025, 11, 10), "end": dt.date(2025, 11, 14),
                        "draft_issued": None, "published": None})
    assert _events(host, case, dt.date(2025, 10, 1))["formal-notice"].latest == dt.date(2025, 10, 6)
    assert not _timing(host, case, "timing.done-late", "inspection.notified")
    days = attrs.evolve(case, settings={"notice-weeks": "days-outside-holidays"})
    assert _timing(host, days, "timing.done-late", "inspection.notified")


def test_formal_notice_without_known_terms_says_so_and_names_the_file_to_add(host, visit):
    case = visit(dates={"notified": None, "start": dt.date(2017, 11, 13), "end": dt.date(2017, 11, 17),
                        "draft_issued": None, "published": None})
    notice = _events(host, case, dt.date(2017, 9, 1))["formal-notice"]
    assert notice.latest is None and "school terms for these dates are not known" in notice.basis
    [finding] = [f for f in evaluate(host, case).findings if f.rule == "timing.school-terms-unknown"]
    assert "2017-11-06" in finding.message and "named after the local authority" in finding.message
    assert finding.citation == cite.CONSORTIUM_NOTICE


def test_late_formal_notice_is_flagged(host, visit):
    [late] = _timing(host, visit(dates={"notified": dt.date(2025, 2, 3)}), "timing.done-late", "inspection.notified")
    assert late.citation == cite.CONSORTIUM_NOTICE and "2025-01-27" in late.message
    assert not _timing(host, visit(dates={"notified": dt.date(2025, 1, 20)}), "timing.done-late", "inspection.notified")


def test_progress_judgement_for_each_recommendation(host, visit):
    """"...an evaluation and judgement of the progress it has made in addressing each recommendation." """
    missing = visit(recommendations=_recs("strong", None), dates={"draft_issued": None})
    [finding] = [f for f in evaluate(host, missing).findings if f.rule == "estyn-consortia-2017.progress-each-recommendation"]
    assert finding.severity == "warning" and "Recommendation 2" in finding.message
    drafted = visit(recommendations=_recs("strong", None))
    assert [f.severity for f in evaluate(host, drafted).findings
            if f.rule == "estyn-consortia-2017.progress-each-recommendation"] == ["error"]


def test_limited_progress_asks_the_team_to_consider_amended_or_additional_recommendations(host, visit):
    """"If the consortium is deemed to have only made limited progress in one or more recommendations then
    the follow-up team should consider carefully whether to amend or make additional recommendations." """
    case = visit(recommendations=_recs("strong", "limited", "very-little-or-none"))
    findings = [f for f in evaluate(host, case).findings if f.rule == "estyn-consortia-2017.limited-progress"]
    assert [f.message.split(":")[0] for f in findings] == ["Recommendation 2", "Recommendation 3"]
    assert findings[0].citation == cite.CONSORTIUM_LIMITED_PROGRESS
    assert "estyn-consortia-2017.limited-progress" not in _rules(host, visit())


def test_no_follow_up_category_for_consortia(host, visit):
    """"The letter will not include a summative evaluation of overall progress because consortia are not in
    formal follow-up categories." """
    assert evaluate(host, visit()).follow_up is None


def test_letters_within_10_and_20_working_days_and_five_days_for_factual_accuracy(host, visit):
    """Post-visit: draft within 10 working days, five for factual accuracy, final within 20."""
    case = visit(dates={"draft_issued": None, "published": None})
    events = _events(host, case)
    assert events["oral-feedback"].latest == VISIT_DAY
    assert "provisional and confidential" in events["oral-feedback"].title
    assert events["draft-letter"].latest == dt.date(2025, 3, 21)
    assert events["final-letter"].latest == dt.date(2025, 4, 4)
    assert "Welsh Government and the Wales Audit Office" in events["final-letter"].title
    drafted = _events(host, visit(dates={"draft_issued": dt.date(2025, 3, 19), "published": None}))
    assert (drafted["factual-accuracy"].earliest, drafted["factual-accuracy"].latest) == (dt.date(2025, 3, 19), dt.date(2025, 3, 26))
    assert drafted["draft-letter"].status == "done" and "oral-feedback" not in drafted


def test_a_late_final_letter_is_flagged(host, visit):
    drafted = {"draft_issued": dt.date(2025, 3, 19)}
    [late] = _timing(host, visit(dates={**drafted, "published": dt.date(2025, 4, 8)}), "timing.done-late", "inspection.published")
    assert late.citation == cite.CONSORTIUM_FINAL_LETTER
    assert not _timing(host, visit(dates={**drafted, "published": dt.date(2025, 4, 4)}), "timing.done-late", "inspection.published")


def test_a_final_letter_before_the_five_days_for_factual_accuracy_is_flagged(host, visit):
    """"The consortium will have five working days to check the factual accuracy of the draft letter." """
    # Draft on Wednesday 19 March: the five working days run to Wednesday 26 March.
    early = visit(dates={"draft_issued": dt.date(2025, 3, 19), "published": dt.date(2025, 3, 21)})
    [finding] = _timing(host, early, "timing.done-before-what-it-follows", "inspection.published")
    assert finding.citation == cite.CONSORTIUM_FACTUAL_ACCURACY and "2025-03-26" in finding.message
    in_time = visit(dates={"draft_issued": dt.date(2025, 3, 19), "published": dt.date(2025, 3, 27)})
    assert not _timing(host, in_time, "timing.done-before-what-it-follows", "inspection.published")


@pytest.mark.parametrize("reading, window", [
    ("eleven-to-thirteen-months", (dt.date(2024, 12, 18), dt.date(2025, 2, 18))),
    ("ten-to-fourteen-months", (dt.date(2024, 11, 18), dt.date(2025, 3, 18))),
])
def test_one_visit_about_a_year_after_the_inspection_reading_is_a_setting(host, visit, reading, window):
    """"Instead, a monitoring visit will be made to each regional consortium, about a year after its inspection." """
    inspected = FollowUpRecord(done={"original-inspection": dt.date(2024, 1, 18)})
    planned = visit(follow_up=inspected, dates={"start": None, "end": None, "notified": None,
                                                "draft_issued": None, "published": None},
                    settings={"about-a-year": reading})
    event = _events(host, planned, dt.date(2024, 9, 1))["monitoring-visit"]
    assert (event.earliest, event.latest) == window
    assert event.provenance.reading == reading
    # The test kit's visit (3 March 2025) is outside 11-13 months but inside 10-14.
    held = visit(follow_up=inspected, settings={"about-a-year": reading})
    late = _timing(host, held, "timing.done-late", "inspection.start")
    assert bool(late) is (reading == "eleven-to-thirteen-months")


def test_oral_feedback_cites_the_sentence_that_gives_it_at_the_end_of_the_on_site_part(host, visit, guidance_text):
    """Formal feedback: "At the end of the on-site part of the follow-up visit, the reporting inspector
    ... will provide oral feedback..." (not the next sentence, that the judgements are provisional)."""
    feedback = _events(host, visit(dates={"draft_issued": None, "published": None}))["oral-feedback"]
    assert feedback.citation == cite.CONSORTIUM_ORAL_FEEDBACK
    assert feedback.citation.quote.startswith("At the end of the on-site part of the follow-up visit")
    assert "will provide oral feedback" in feedback.citation.quote
    assert feedback.citation.quote in guidance_text(cite.CONSORTIA_2017)
