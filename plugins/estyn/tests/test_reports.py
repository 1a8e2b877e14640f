"""Estyn's templates render in English and Welsh, and their checks come out as findings.

Sources: estyn-2022-what-we-inspect-adult-learning-in-the-community.txt (report sections, overview
200-300 words, recommendations in priority order); estyn-2010-guidance-on-sector-leading-practice.txt
(case study and proforma); estyn-2017-follow-up-guidance-regional-consortia.txt (the letter).
"""

import datetime as dt

import pytest
from inspectorate.drafting import draft_report
from inspectorate.model import (
    Evidence,
    FollowUpRecord,
    Judgement,
    ProgressEntry,
    Recommendation,
)
from inspectorate.reports import sections
from inspectorate_estyn import citations as cite
from inspectorate_estyn.follow_up import category_name
from inspectorate_estyn.reports import TEMPLATES
from inspectorate_estyn.words import words

TODAY = dt.date(2025, 3, 20)


def _words(n):
    return " ".join(["strong"] * n) + "."


@pytest.mark.parametrize("category, welsh", [
    ("special-measures", "Mesurau arbennig"),
    ("significant-improvement", "Gwelliant sylweddol"),
    ("estyn-review", "Adolygiad gan Estyn"),
    ("follow-up-activity", "Gweithgarwch dilynol"),
])
def test_estyns_own_welsh_names_of_the_follow_up_categories(category, welsh):
    assert category_name(category, "cy") == welsh


@pytest.mark.parametrize("english, welsh", [
    ("Recommendations", "Argymhellion"),
    ("What happens next?", "Beth sy'n digwydd nesaf?"),
    ("Reporting inspector", "Arolygydd cofnodol"),
])
def test_estyns_own_welsh_terms(english, welsh):
    assert words("cy")(english) == welsh


def test_every_template_is_in_english_and_welsh():
    assert {t.id for t in TEMPLATES} == {
        "estyn-2022-alc-report", "estyn-2024-school-report", "estyn-cif-2010-school-report", "estyn-consortium-follow-up-letter",
        "estyn-case-study-invitation", "estyn-wellbeing-letter",
    }
    for template in TEMPLATES:
        assert template.languages == ("en", "cy")
        assert template.path("cy").is_file()


def _alc(case_for, overview_words):
    return case_for(
        "estyn-2022",
        evidence=[Evidence("wellbeing", "strength", _words(overview_words), source="Learner interviews"),
                  Evidence("attitudes-to-learning", "area-for-improvement", "Punctuality is weak.")],
        recommendations=[Recommendation("Improve punctuality.", 2, ["attitudes-to-learning"]),
                         Recommendation("Plan provision strategically.", 1, ["breadth-balance-and-appropriateness-of-the-provision"])],
    )


@pytest.mark.parametrize("lang, headings", [
    ("en", ["About the partnership", "Overview", "Recommendations", "What happens next?",
            "The evidence base of the inspection", "Inspection areas"]),
    ("cy", ["Ynglŷn â'r bartneriaeth", "Trosolwg", "Argymhellion", "Beth sy'n digwydd nesaf?",
            "Sail dystiolaeth yr arolygiad", "Meysydd arolygu"]),
])
def test_2022_report_has_the_sections_of_the_guidance_in_each_language(host, case_for, lang, headings):
    drafted = draft_report(host, _alc(case_for, 250), "estyn-2022-alc-report", lang, TODAY)
    assert [line[3:] for line in drafted.text.splitlines() if line.startswith("## ")] == headings
    assert "#### 4.2 " + ("Safeguarding" if lang == "en" else "Diogelu") in drafted.text
    assert [f.rule for f in drafted.findings if f.rule.startswith("report.")] == []


def test_2022_recommendations_are_written_in_order_of_priority(host, case_for):
    """"be written in order of priority, not in the order of the guidance" """
    text = sections(draft_report(host, _alc(case_for, 250), "estyn-2022-alc-report", "en", TODAY).text)["recommendations"]
    assert text.index("Plan provision strategically.") < text.index("Improve punctuality.")


@pytest.mark.parametrize("words, flagged", [(150, True), (250, False), (350, True)])
def test_2022_overview_of_200_to_300_words(host, case_for, words, flagged):
    """"contain a short overview of the main findings (200-300 words)..." """
    drafted = draft_report(host, _alc(case_for, words), "estyn-2022-alc-report", "en", TODAY)
    limits = [f for f in drafted.findings if f.rule == "report.word-limit"]
    assert bool(limits) is flagged
    if flagged:
        assert limits[0].citation == cite.OVERVIEW_LENGTH and "overview" in limits[0].message


def test_sections_the_evidence_leaves_empty_are_reported_as_gaps(host, case_for):
    """"Inspectors will always include clear evaluations in relation to the reporting requirements in each inspection area..." """
    drafted = draft_report(host, _alc(case_for, 250), "estyn-2022-alc-report", "cy", TODAY)
    [gaps] = [f for f in drafted.findings if f.rule == "estyn.report-gaps"]
    # Ten sub-areas, evidence in two of them.
    assert gaps.message.startswith("8 parts")
    assert drafted.text.count("[i'w ysgrifennu]") == 8


@pytest.mark.parametrize("lang, grade, judgement",
                         [("en", "Excellent", "Current performance"), ("cy", "Rhagorol", "Perfformiad presennol")])
def test_2010_school_report_summary_has_both_overall_judgements(host, case_for, lang, grade, judgement):
    case = case_for("estyn-cif-2010", judgements=[Judgement("current-performance", "excellent"),
                                                   Judgement("prospects-for-improvement", "good")])
    text = sections(draft_report(host, case, "estyn-cif-2010-school-report", lang, TODAY).text)["summary"]
    assert f"| {judgement} | {grade} |" in text
    assert ("Good" if lang == "en" else "Da") in text


def test_2010_school_report_says_what_happens_next_in_special_measures(host, case_for):
    case = case_for("estyn-cif-2010", follow_up=FollowUpRecord(category="special-measures"))
    en = sections(draft_report(host, case, "estyn-cif-2010-school-report", "en", TODAY).text)["what-happens-next"]
    cy = sections(draft_report(host, case, "estyn-cif-2010-school-report", "cy", TODAY).text)["what-happens-next"]
    assert "special measures are required" in en and "post-inspection action plan" in en
    assert "mesurau arbennig" in cy and "cynllun gweithredu ôl-arolygiad" in cy


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_case_study_invitation_with_proforma(host, case_for, lang):
    """Case study: 600 words, four weeks, sign-off; the proforma asks for context, strategy and impact."""
    practice = Evidence("standards", "sector-leading-practice", "Pupils lead research with the local university.")
    case = case_for("estyn-cif-2017", judgements=[Judgement("standards", "excellent")], evidence=[practice])
    drafted = draft_report(host, case, "estyn-case-study-invitation", lang, TODAY)
    found = sections(drafted.text)
    assert "600" in found["invitation"]
    assert ("4 April 2025" if lang == "en" else "4 Ebrill 2025") in found["invitation"]
    assert "Pupils lead research with the local university." in found["invitation"]
    assert found["proforma"].count("\n1. ") + found["proforma"].count("\n4. ") == 2
    assert drafted.findings == ()


@pytest.mark.parametrize("lang, claim", [("en", "identified sector-leading practice"), ("cy", "nododd y tîm arolygu arfer")])
def test_no_invitation_claims_practice_the_case_does_not_record(host, case_for, lang, claim):
    """An excellent judgement with no sector-leading practice recorded: the letter says there is
    nothing to invite, and never "by —"."""
    case = case_for("estyn-cif-2017", judgements=[Judgement("standards", "excellent")])
    text = draft_report(host, case, "estyn-case-study-invitation", lang, TODAY).text
    assert claim not in text and "—" not in sections(text)["invitation"]
    assert ("No sector-leading practice is recorded" if lang == "en" else "Nid oes arfer sy'n arwain y sector") in text


@pytest.mark.parametrize("lang, limited", [("en", "Limited progress"), ("cy", "Cynnydd cyfyngedig")])
def test_consortium_letter_judges_each_recommendation_without_a_summative_evaluation(host, case_for, lang, limited):
    """"The letter will not include a summative evaluation of overall progress..." """
    case = case_for(
        "estyn-consortium-follow-up-2017",
        recommendations=[
            Recommendation("Improve challenge.", 1, ["recommendation-1"], [ProgressEntry(dt.date(2025, 3, 7), "strong")]),
            Recommendation("Narrow the gap.", 2, ["recommendation-2"], [ProgressEntry(dt.date(2025, 3, 7), "limited")]),
        ],
    )
    drafted = draft_report(host, case, "estyn-consortium-follow-up-letter", lang, TODAY)
    progress = sections(drafted.text)["progress"]
    assert limited in progress
    assert progress.index("Improve challenge.") < progress.index("Narrow the gap.")
    assert drafted.findings == ()


def test_consortium_letter_missing_a_progress_judgement_is_a_gap(host, case_for):
    case = case_for("estyn-consortium-follow-up-2017", recommendations=[Recommendation("Improve challenge.", 1, ["recommendation-1"])])
    drafted = draft_report(host, case, "estyn-consortium-follow-up-letter", "en", TODAY)
    [gap] = [f for f in drafted.findings if f.rule == "estyn.report-gaps"]
    assert gap.citation == cite.CONSORTIUM_PROGRESS_EACH_RECOMMENDATION


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_wellbeing_letter_lists_the_shortcomings_and_the_recommendation(host, case_for, lang):
    case = case_for(
        "estyn-2024",
        inspector_calls={"safeguarding-cause-for-concern": ["wellbeing-care-support-and-guidance"]},
        evidence=[Evidence("wellbeing-care-support-and-guidance", "safeguarding-concern", "No record of staff checks.")],
        recommendations=[Recommendation("Put safer recruitment right.", 1, ["wellbeing-care-support-and-guidance"]),
                         Recommendation("Improve teaching.", 2, ["teaching-and-learning"])],
    )
    found = sections(draft_report(host, case, "estyn-wellbeing-letter", lang, TODAY).text)
    assert "No record of staff checks." in found["shortcomings"]
    assert "Put safer recruitment right." in found["recommendation"]
    assert "Improve teaching." not in found["recommendation"]



@pytest.mark.parametrize("lang, areas", [
    ("en", ["Teaching and learning", "Well-being, care, support and guidance", "Leading and improving"]),
    ("cy", ["Addysgu a dysgu", "Lles, gofal, cymorth ac arweiniad", "Arwain a gwella"]),
])
def test_2024_school_report_has_the_three_areas_and_no_grades(host, case_for, lang, areas):
    """WG 2022: "summative judgements will be removed from inspection reports" — the areas are evaluated in words."""
    case = case_for("estyn-2024", kind="core-inspection",
                    evidence=[Evidence("leading-and-improving", "strength", "Leaders know the school well.")])
    drafted = draft_report(host, case, "estyn-2024-school-report", lang, TODAY)
    assert [line[4:] for line in drafted.text.splitlines() if line.startswith("### ")] == areas
    assert "Leaders know the school well." in sections(drafted.text)["inspection-areas"]
    [gaps] = [f for f in drafted.findings if f.rule == "estyn.report-gaps"]
    assert gaps.message.startswith("2 parts")


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_recommendation_has_one_number_in_the_report_and_the_wellbeing_letter(host, case_for, lang):
    """Recommendations are numbered by their place in the order of priority, in every template: the
    safeguarding one is R2 in the report and in the wellbeing letter, whatever priority number it holds."""
    case = case_for(
        "estyn-2022",
        inspector_calls={"safeguarding-cause-for-concern": ["safeguarding"]},
        recommendations=[Recommendation("Strengthen safer recruitment checks.", 7, ["safeguarding"]),
                         Recommendation("Improve tutors' planning.", 3, ["teaching-training-and-assessment"])],
    )
    report = sections(draft_report(host, case, "estyn-2022-alc-report", lang, dt.date(2025, 3, 20)).text)
    letter = sections(draft_report(host, case, "estyn-wellbeing-letter", lang, dt.date(2025, 3, 20)).text)
    assert "R1 Improve tutors' planning." in report["recommendations"]
    assert "R2 Strengthen safer recruitment checks." in report["recommendations"]
    assert "R2 Strengthen safer recruitment checks." in letter["recommendation"]


@pytest.mark.parametrize(
    "published, end, en_words, cy_words",
    [(dt.date(2015, 5, 12), dt.date(2015, 3, 12), "Her Majesty's Chief Inspector", "Ei Mawrhydi"),
     (dt.date(2022, 9, 7), dt.date(2022, 7, 1), "Her Majesty's Chief Inspector", "Ei Mawrhydi"),
     (dt.date(2022, 9, 9), dt.date(2022, 7, 1), "His Majesty's Chief Inspector", "Ei Fawrhydi"),
     (None, dt.date(2021, 3, 12), "Her Majesty's Chief Inspector", "Ei Mawrhydi"),
     (None, dt.date(2025, 3, 7), "His Majesty's Chief Inspector", "Ei Fawrhydi")],
)
def test_the_chief_inspector_is_her_majestys_before_8_september_2022(host, case_for, published, end, en_words, cy_words):
    """The Queen died on 8 September 2022: a report dated (published) before then, or failing that
    inspected before then, names Her Majesty's Chief Inspector; Welsh 'Ei Mawrhydi' (no mutation after
    the feminine 'ei'), later 'Ei Fawrhydi'."""
    dates = {"start": end - dt.timedelta(days=3), "end": end, "notified": None, "published": published}
    case = case_for("estyn-cif-2010", dates=dates, follow_up=FollowUpRecord(category="special-measures"))
    en = sections(draft_report(host, case, "estyn-cif-2010-school-report", "en", TODAY).text)["what-happens-next"]
    cy = sections(draft_report(host, case, "estyn-cif-2010-school-report", "cy", TODAY).text)["what-happens-next"]
    assert en_words in en and cy_words in cy
    other_en, other_cy = ("His", "Ei Fawrhydi") if en_words.startswith("Her") else ("Her", "Ei Mawrhydi")
    assert f"{other_en} Majesty" not in en and other_cy not in cy


@pytest.mark.parametrize("lang, words", [("en", "interesting or innovative practice"), ("cy", "arfer ddiddorol neu arloesol")])
def test_2022_what_happens_next_mentions_invited_case_studies_where_there_is_sector_leading_practice(host, case_for, lang, words):
    """2022 ALC, What happens next?: "It should exemplify any interesting or innovative practice case
    studies that we have invited leaders to share." The plugin invites case studies wherever the team
    records sector-leading practice (evidence of that kind)."""
    practice = Evidence("leadership-and-management", "sector-leading-practice", "Tutors co-design courses with learners.")
    with_practice = case_for("estyn-2022", evidence=[practice])
    text = sections(draft_report(host, with_practice, "estyn-2022-alc-report", lang, TODAY).text)["what-happens-next"]
    assert words in text
    without = sections(draft_report(host, case_for("estyn-2022"), "estyn-2022-alc-report", lang, TODAY).text)
    assert words not in without["what-happens-next"]
