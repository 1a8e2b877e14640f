"""Estyn in Welsh: every message has its Welsh, the rules speak the language asked for, and names
after "ar", "am", "o", "â" read as Welsh mutates them."""

import datetime as dt
import re
from pathlib import Path

import attrs
import inspectorate_estyn
import pytest
from inspectorate import i18n
from inspectorate.casefile import read_case_file
from inspectorate.drafting import draft_report
from inspectorate.evaluation import evaluate, schedule
from inspectorate.model import Evidence, Judgement, Recommendation
from inspectorate.testing.catalogues import untranslated
from inspectorate_estyn.frameworks import REGIME

PACKAGE = Path(inspectorate_estyn.__file__).parent
EXAMPLES = sorted((Path(__file__).parents[3] / "docs" / "examples").glob("estyn-*.toml"))
TODAY = dt.date(2025, 3, 20)


def test_every_message_of_the_plugin_has_its_welsh():
    assert untranslated(PACKAGE, "inspectorate_estyn", "cy") == []


def _words(host, case, language):
    with i18n.speaking(language):
        evaluation = evaluate(host, case)
        events = schedule(host, case, TODAY)
    said = [f.message for f in evaluation.findings if f.rule.startswith("estyn")]
    said += [p.rationale for p in evaluation.proposals]
    if evaluation.follow_up:
        said += [evaluation.follow_up.name, evaluation.follow_up.rationale]
    said += [e.title for e in events]
    return said


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_each_example_s_findings_and_events_are_in_welsh(host, example):
    """Nothing the plugin says in Welsh is its English left untranslated (the core's own words are the core's)."""
    case = read_case_file(example, host)
    english, welsh = _words(host, case, "en"), _words(host, case, "cy")
    assert len(english) == len(welsh) and welsh
    assert [w for w, e in zip(welsh, english, strict=True) if w == e and any(c.isalpha() for c in e)] == []
    known = ("gweithgarwch dilynol", "Cyhoeddi'r adroddiad", "Ymweliad", "Rhoi gwybod", "Cynllun gweithredu",
             "Astudiaeth achos", "Llythyr", "Argymhelliad", "diffygion", "Adolygiad gan Estyn", "Mesurau arbennig")
    assert any(phrase in text for text in welsh for phrase in known)


NAMES = [
    ("Partneriaeth Dysgu Oedolion Gwent", "Bartneriaeth Dysgu Oedolion Gwent"),
    ("Tregaron", "Dregaron"),
    ("Coleg Cambria", "Goleg Cambria"),
    ("Bro Teifi", "Fro Teifi"),
    ("Dolgellau", "Ddolgellau"),
    ("Gwasanaeth Addysg Gwynedd", "Wasanaeth Addysg Gwynedd"),
    ("Mynydd Cynffig", "Fynydd Cynffig"),
    ("Llanrug", "Lanrug"),
    ("Rhydaman", "Rydaman"),
    ("Ysgol Gynradd Tregaron", "Ysgol Gynradd Tregaron"),
]
ASPIRATED = {"Partneriaeth Dysgu Oedolion Gwent": "Phartneriaeth Dysgu Oedolion Gwent", "Tregaron": "Thregaron",
             "Coleg Cambria": "Choleg Cambria"}


def _named(case, name):
    return attrs.evolve(case, provider=attrs.evolve(case.provider, name=name))


@pytest.mark.parametrize("name, mutated", NAMES)
def test_school_and_partnership_reports_mutate_the_name_after_ar_and_am(host, case_for, name, mutated):
    for framework, template in (("estyn-2022", "estyn-2022-alc-report"), ("estyn-2024", "estyn-2024-school-report")):
        text = draft_report(host, _named(case_for(framework), name), template, "cy", TODAY).text
        assert text.startswith(f"# Adroddiad ar {mutated}\n")
        assert f"Gwybodaeth gefndir ffeithiol am {mutated}" in text
        english = draft_report(host, _named(case_for(framework), name), template, "en", TODAY).text
        assert english.startswith(f"# A report on {name}\n")


@pytest.mark.parametrize("name, mutated", NAMES)
def test_the_2010_report_mutates_after_ar_and_not_before_yn_gryno(host, case_for, name, mutated):
    text = draft_report(host, _named(case_for("estyn-cif-2010"), name), "estyn-cif-2010-school-report", "cy", TODAY).text
    assert text.startswith(f"# Adroddiad ar {mutated}\n")
    assert f"\n{name} yn gryno:" in text


@pytest.mark.parametrize("name, mutated", NAMES)
def test_letters_mutate_the_name_after_o_and_a(host, case_for, name, mutated):
    practice = Evidence("standards", "sector-leading-practice", "Pupils lead research.")
    invited = _named(case_for("estyn-cif-2017", judgements=[Judgement("standards", "excellent")], evidence=[practice]), name)
    assert f"Yn ystod yr arolygiad o {mutated}," in draft_report(host, invited, "estyn-case-study-invitation", "cy", TODAY).text
    concern = _named(case_for("estyn-2024", inspector_calls={"safeguarding-cause-for-concern": ["wellbeing-care-support-and-guidance"]},
                              recommendations=[Recommendation("Put recruitment right.", 1, ["wellbeing-care-support-and-guidance"])]), name)
    assert f"Yn ystod yr arolygiad o {mutated} (" in draft_report(host, concern, "estyn-wellbeing-letter", "cy", TODAY).text
    visit = _named(case_for("estyn-consortium-follow-up-2017"), name)
    letter = draft_report(host, visit, "estyn-consortium-follow-up-letter", "cy", TODAY).text
    aspirated = ASPIRATED.get(name, name)
    before = "ag" if name.startswith("Y") else "â"  # â becomes ag before a vowel
    assert letter.startswith(f"# Ymweliad dilynol {before} {aspirated}\n")


def test_the_case_study_is_due_within_four_weeks_of_the_part_of_the_inspection_on_site(host, case_for):
    practice = Evidence("standards", "sector-leading-practice", "Pupils lead research.")
    case = case_for("estyn-cif-2017", judgements=[Judgement("standards", "excellent")], evidence=[practice])
    text = draft_report(host, case, "estyn-case-study-invitation", "cy", TODAY).text
    assert "o fewn pedair wythnos i ddiwedd y rhan o'r arolygiad ar y safle" in text
    assert "within 4 weeks of the end of the on-site part" in draft_report(host, case, "estyn-case-study-invitation", "en", TODAY).text


def test_agreed_with_is_cytuno_a_never_gyda():
    po = (PACKAGE / "locale" / "cy" / "LC_MESSAGES" / "inspectorate_estyn.po").read_text(encoding="utf-8")
    assert "a gytunwyd â'r enwebai" in po
    assert "cytun" not in po.replace("a gytunwyd â", "") and "gytunwyd gyda" not in po


# -- the frameworks' own sentences ------------------------------------------------------------------


def _sentences(framework):
    """Every sentence the framework shows, by where it is: (place, {language: text})."""
    found = [("summary", framework.summary)]
    found += [(f"inspector_calls.{call}", text) for call, text in framework.inspector_calls.items()]
    found += [(f"settings.{setting}.readings.{reading}", text)
              for setting, spec in framework.settings.items() for reading, text in spec["readings"].items()]
    found += [(f"follow_up_options.{option}", text) for option, text in framework.follow_up_options.items()]
    if framework.follow_up_options_title:
        found.append(("follow_up_options_title", framework.follow_up_options_title))
    return found


@pytest.mark.parametrize("framework", REGIME.frameworks, ids=lambda f: f.id)
def test_every_sentence_of_every_framework_has_its_welsh(framework):
    """The summary, the inspector's calls and the readings of the settings are written in Welsh too,
    not left in English; guidance quoted in English ('...') is quoted as published in the Welsh."""
    sentences = _sentences(framework)
    assert framework.summary and framework.settings
    missing = [place for place, text in sentences if not text.get("cy") or text.get("cy") == text.get("en")]
    assert missing == []
    for place, text in sentences:
        for quoted in re.findall(r"\('([^']+)'\)", text["en"]):
            assert f"'{quoted}'" in text["cy"], place


@pytest.mark.parametrize("framework", REGIME.frameworks, ids=lambda f: f.id)
def test_the_framework_speaks_the_language_spoken(framework):
    setting, spec = next(iter(framework.settings.items()))
    reading = spec["default"]
    with i18n.speaking("cy"):
        assert framework.summary_text() == framework.summary["cy"]
        assert framework.reading_text(setting, reading) == spec["readings"][reading]["cy"]
        assert all(framework.call_text(call) == text["cy"] for call, text in framework.inspector_calls.items())
    with i18n.speaking("en"):
        assert framework.summary_text() == framework.summary["en"]
        assert framework.reading_text(setting, reading) == spec["readings"][reading]["en"]
