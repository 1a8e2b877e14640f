"""Estyn's report and letter templates, in English and Welsh, and the checks on what they render.

Each template is one Jinja2 file for both languages; every visible fixed sentence is written in it
in English as ``_("...")`` and shown in the template's language from the plugin's gettext catalogue
(:mod:`inspectorate_estyn.words`), so a translator corrects the catalogue, not the templates. Sections the evidence does not yet
fill are drafted as a gap marker, and each gap left is reported as a finding.
"""

from __future__ import annotations

from pathlib import Path

from inspectorate import welsh
from inspectorate.model import Finding
from inspectorate.reports import ReportTemplate, WordLimit

from inspectorate_estyn import citations as cite
from inspectorate_estyn.case_study import MAX_WORDS, WEEKS_DUE
from inspectorate_estyn.follow_up import ACTION_PLAN_DAYS, DEVELOPMENT_PLAN_DAYS
from inspectorate_estyn.frameworks import (
    CIF_2010,
    CIF_2017,
    CONSORTIUM_2017,
    ESTYN_2022,
    ESTYN_2024,
    PACKAGE,
)
from inspectorate_estyn.words import N_, Sentences, words

#: The rules' numbers that report text states ({action_plan_days} in a message), by language: said
#: once, here. Welsh spells the weeks out before "wythnos" (feminine: "pedair wythnos").
_NUMBERS = {"action_plan_days": ACTION_PLAN_DAYS, "development_plan_days": DEVELOPMENT_PLAN_DAYS,
            "case_study_weeks": WEEKS_DUE, "case_study_words": MAX_WORDS}
RULE_NUMBERS = {"en": _NUMBERS, "cy": {**_NUMBERS, "case_study_weeks": welsh.number(WEEKS_DUE, feminine=True)}}
REPORT_MESSAGES = {language: Sentences(language, RULE_NUMBERS) for language in RULE_NUMBERS}

DIRECTORY = Path(str(PACKAGE / "templates"))


def _template(id, titles, frameworks, required, citation, kind="report", word_limits=()):
    return ReportTemplate(
        id=id,
        titles=titles,
        frameworks=frameworks,
        directory=DIRECTORY,
        filename="{id}.md.j2",
        languages=["en", "cy"],
        kind=kind,
        required_sections=required,
        word_limits=word_limits,
        citation=citation,
        messages=REPORT_MESSAGES,
    )


TEMPLATES = (
    _template(
        "estyn-2022-alc-report",
        {"en": "Inspection report: adult learning in the community", "cy": "Adroddiad arolygu: dysgu oedolion yn y gymuned"},
        [ESTYN_2022],
        ["about-the-partnership", "overview", "recommendations", "what-happens-next", "evidence-base", "inspection-areas"],
        cite.WHAT_HAPPENS_NEXT,
        word_limits=[WordLimit("overview", 200, 300, cite.OVERVIEW_LENGTH)],
    ),
    _template(
        "estyn-2024-school-report",
        {"en": "Inspection report: school (2024)", "cy": "Adroddiad arolygu: ysgol (2024)"},
        [ESTYN_2024],
        ["about-the-school", "overview", "recommendations", "what-happens-next", "evidence-base", "inspection-areas"],
        cite.NO_SUMMATIVE_JUDGEMENTS,
    ),
    _template(
        "estyn-cif-2010-school-report",
        {"en": "Inspection report: school (CIF 2010)", "cy": "Adroddiad arolygu: ysgol (FfAC 2010)"},
        [CIF_2010],
        ["context", "summary", "recommendations", "what-happens-next", "main-findings"],
        cite.EXCELLENT_NEEDS_SECTOR_LEADING,
    ),
    _template(
        "estyn-consortium-follow-up-letter",
        {"en": "Follow-up visit letter to a regional consortium", "cy": "Llythyr ymweliad dilynol i gonsortiwm rhanbarthol"},
        [CONSORTIUM_2017],
        ["introduction", "progress", "no-summative-evaluation", "distribution"],
        cite.CONSORTIUM_PROGRESS_EACH_RECOMMENDATION,
        kind="letter",
    ),
    _template(
        "estyn-case-study-invitation",
        {"en": "Invitation to write a case study", "cy": "Gwahoddiad i ysgrifennu astudiaeth achos"},
        [CIF_2010, CIF_2017],
        ["invitation", "proforma"],
        cite.CASE_STUDY_INVITATION,
        kind="letter",
    ),
    _template(
        "estyn-wellbeing-letter",
        {"en": "Wellbeing letter (safeguarding)", "cy": "Llythyr lles (diogelu)"},
        [ESTYN_2022, ESTYN_2024],
        ["introduction", "shortcomings", "recommendation", "response"],
        cite.SAFEGUARDING_CONCERN,
        kind="letter",
    ),
)
TEMPLATE_IDS = frozenset(t.id for t in TEMPLATES)

#: What a gap in each template still needs, and the sentence that says it must be there.
_GAP_CITATIONS = {
    "estyn-2022-alc-report": cite.CLEAR_EVALUATION_EACH_AREA,
    "estyn-cif-2010-school-report": cite.SCHOOL_REPORT_GAPS,
    "estyn-2024-school-report": cite.SCHOOL_REPORT_GAPS,
    "estyn-consortium-follow-up-letter": cite.CONSORTIUM_PROGRESS_EACH_RECOMMENDATION,
    "estyn-case-study-invitation": cite.EXCELLENT_NEEDS_SECTOR_LEADING,
    "estyn-wellbeing-letter": cite.SAFEGUARDING_CONCERN,
}
GAP = N_("[to be written]")
GAP_MARKERS = tuple(dict.fromkeys(words(language)(GAP) for language in RULE_NUMBERS))


def check(template, text, case, language: str = "en") -> list[Finding]:
    """Gaps the evidence left in a draft: each is something the team still has to write."""
    if template.id not in TEMPLATE_IDS:
        return []
    gaps = sum(text.count(marker) for marker in GAP_MARKERS)
    if not gaps:
        return []
    _ = words(language)
    return [
        Finding(
            severity="warning",
            rule="estyn.report-gaps",
            message=_.plural(
                "{count} part of the draft still to be written (marked {markers}): record the evidence or write it by hand.",
                "{count} parts of the draft still to be written (marked {markers}): record the evidence or write them by hand.",
                gaps, markers=" / ".join(repr(m) for m in GAP_MARKERS),
            ),
            citation=cite.safeguarding(case) if template.id == "estyn-wellbeing-letter" else _GAP_CITATIONS[template.id],
        )
    ]
