"""Comparisons in Welsh: the core's own words (table titles, headings, row labels, notes, themes,
the common scale, nation names) come from its Welsh catalogue, while ids and JSON keys stay as
they are. The regimes' own words (area names, Ofsted's grades) are the plugins' and stay theirs.

It compares a real case (an Estyn partnership with a safeguarding concern) with the three other
built-in regimes, as an inspector would with ``inspectorate compare ... --lang cy``."""

from __future__ import annotations

import datetime as dt
import json

import inspectorate_estyn.plugin as estyn_plugin
import inspectorate_ofsted.plugin as ofsted_plugin
import pytest
from inspectorate.calendar.divisions import nation_name
from inspectorate.compare import compare_frameworks
from inspectorate.compare.scales import level_name
from inspectorate.compare.themes import theme_name
from inspectorate.i18n import speaking
from inspectorate.testing import make_host

from tests.support import ROOT, run_cli

CASE = ROOT / "docs" / "examples" / "estyn-2022-safeguarding-concern.toml"
OTHERS = "ofsted,eti,education-scotland"

#: The English words of a case comparison that the Welsh must not show.
ENGLISH_CASE_WORDS = [
    "compared with",
    "The first column is the case as recorded",
    "marks a difference between the regimes",
    "JUDGEMENTS BY THEME",
    "EVIDENCE CARRIED THROUGH THE THEMES",
    "FOLLOW-UP\n",
    "TIMELINE",
    "REPORT OUTLINE",
    "Recorded and projected",
    "Shown as",
    "Dated events",
    "(projection)",
    "(recorded)",
    "no area",
    "not carried",
    "Dates are counted on the working days of",
    "pieces of evidence could not be carried",
    "Wellbeing, care and support",
    "Leadership and management",
    "inspection starts",
    "(every regime)",
    "window opens",
    "Date        ",
    "also drafts",
    "(required",
]


def _compare(*args: str) -> str:
    result = run_cli("compare", str(CASE), "--regimes", OTHERS, "--today", "2026-11-23", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_case_compared_in_welsh_has_welsh_headings_and_notes():
    text = _compare("--lang", "cy")
    for welsh in [
        "Partneriaeth Dysgu Cymunedol Bro Hafren: estyn-2022 o'i gymharu â'r canlynol: ofsted-renewed-2025, eti-isef-2017",
        "Y golofn gyntaf yw'r achos fel y'i cofnodwyd",
        "ACHOS",
        "BARNAU FESUL THEMA",
        "TYSTIOLAETH WEDI'I THROSI DRWY'R THEMÂU",
        "GWEITHGARWCH DILYNOL",
        "LLINELL AMSER",
        "AMLINELLIAD YR ADRODDIAD",
        "Cofnod a thafluniadau",
        "Digwyddiadau â dyddiad",
        "Ofsted · ofsted-renewed-2025 (tafluniad)",
        "Estyn · estyn-2022 (fel y'i cofnodwyd)",
        # The nations named in Welsh, and the sentence written so neither needs a mutation.
        "Cyfrifir y dyddiadau ar ddiwrnodau gwaith Lloegr, lle mae Ofsted yn arolygu (lleoliad y darparwr: Cymru).",
        "Cyfrifir y dyddiadau ar ddiwrnodau gwaith yr Alban",
        "nid oedd modd trosi 1 o'r 3 darn o dystiolaeth",
        "Lles, gofal a chymorth",
        "Arweinyddiaeth a rheolaeth",
        "dim maes",
        "yr arolygiad yn dechrau (pob cyfundrefn)",
        "● arolygiad a chyhoeddi  ■ terfyn amser",
        "Dyddiad     estyn-2022",
        "(gofynnol)",
    ]:
        assert welsh in text, welsh
    for english in ENGLISH_CASE_WORDS:
        assert english not in text, english


def test_the_same_comparison_in_english_is_unchanged_by_the_welsh_one():
    """Welsh first, then English in another process: nothing of the Welsh is left behind."""
    text = _compare("--lang", "en")
    for english in ["JUDGEMENTS BY THEME", "Recorded and projected", "(projection)", "no area",
                    "Dates are counted on the working days of England, where Ofsted inspects (the provider is in Wales).",
                    "Date        estyn-2022"]:
        assert english in text, english
    assert "Cyfrifir" not in text


def test_the_json_of_a_welsh_comparison_keeps_its_ids_and_keys():
    data = json.loads(_compare("--lang", "cy", "--json"))
    assert data["case"] == {"provider": "Partneriaeth Dysgu Cymunedol Bro Hafren", "regime": "estyn", "framework": "estyn-2022"}
    assert data["grade_reading"] == "same-place"
    assert [s["regime"] for s in data["sides"]] == ["estyn", "ofsted", "eti", "education-scotland"]
    assert [s["projected"] for s in data["sides"]] == [False, True, True, True]
    assert [t["title"] for t in data["tables"]] == [
        "Achos", "Barnau fesul thema", "Tystiolaeth wedi'i throsi drwy'r themâu", "Gweithgarwch dilynol",
        "Llinell amser", "Amlinelliad yr adroddiad",
    ]
    assert {m["kind"] for m in data["timeline"]} <= {"inspection", "deadline", "opens", "closes", "done"}


def test_frameworks_compared_in_welsh():
    host = make_host(estyn=estyn_plugin, ofsted=ofsted_plugin)
    with speaking("cy"):
        comparison = compare_frameworks(host, ["estyn-2022", "ofsted-renewed-2025"], today=dt.date(2026, 11, 23))
        tables = comparison.tables()
        title, preface = comparison.title, comparison.preface
    assert title == "estyn-2022 o'i gymharu â'r fframwaith ofsted-renewed-2025"
    assert preface == ["≠: gwahaniaeth rhwng y fframweithiau; =: cytundeb."]
    assert [t.title for t in tables] == [
        "Fframweithiau", "Graddfeydd", "Meysydd fesul thema gyffredin", "Beth sy'n sbarduno gweithgarwch dilynol",
        "Rheolau amseru a'u ffynonellau", "Beth sydd ym mhob adroddiad", "Gosodiadau ar gyfer canllawiau amwys",
    ]
    overview, scales, areas = tables[:3]
    assert [r.label for r in overview.rows] == ["Cyfundrefn", "Enw", "Mewn grym", "Sectorau", "Ymweliadau", "Mathau o dystiolaeth"]
    assert overview.rows[2].cells[0] == "o 2022-02-01 ymlaen"
    assert scales.rows[0].cells[0] == "heb raddau: canfyddiadau mewn geiriau"
    assert scales.rows[0].cells[1].startswith("5 pwynt: ")
    assert areas.columns[0] == "Thema"
    assert "Diogelu" in [r.label for r in areas.rows]
    words = " ".join([t.title for t in tables] + [r.label for t in tables for r in t.rows] + [n for t in tables for n in t.notes])
    for english in ["Frameworks", "Scales", "Areas by common theme", "In force", "Evidence kinds", "not graded",
                    "statutory", "no timing rule", "every framework has an area"]:
        assert english not in words, english


@pytest.mark.parametrize(
    ("language", "nation", "theme", "level"),
    [("en", "Northern Ireland", "Wellbeing, care and support", "Needs improvement"),
     ("cy", "Gogledd Iwerddon", "Lles, gofal a chymorth", "Angen gwella")],
)
def test_names_shown_from_one_place_in_the_language_spoken(language, nation, theme, level):
    with speaking(language):
        assert nation_name("northern-ireland") == nation
        assert theme_name("wellbeing") == theme
        assert theme_name("a-theme-of-a-plugin") == "a-theme-of-a-plugin"
        assert level_name("needs-improvement") == level
