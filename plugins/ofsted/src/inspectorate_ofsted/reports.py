"""Ofsted's report and letter templates, and the checks a rendered one must pass beyond its sections.

The core checks each template's required sections and word limits; the checks here need the
framework: no overall grade in the report of a state school inspected from 2 September 2024, and
on a report card every graded area shown with its grade in words and its symbol, with a narrative.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from inspectorate.model import Finding
from inspectorate.reports import ReportTemplate, WordLimit, sections

from inspectorate_ofsted import cif_2012, eif_2019, renewed_2025, support_strategies
from inspectorate_ofsted import citations as cite

TEMPLATES_DIR = Path(str(resources.files("inspectorate_ofsted") / "templates"))
CIF_2012, EIF_2019, RENEWED_2025 = cif_2012.FRAMEWORK_ID, eif_2019.FRAMEWORK_ID, renewed_2025.FRAMEWORK_ID

#: Fixed wording the templates look up by key: the support strategies in the guidance's words.
MESSAGES = {"en": {f"strategy.{key}": text for key, text in support_strategies.STRATEGIES.items()}}


def _template(id_, title, frameworks, kind, required, citation, word_limits=()) -> ReportTemplate:
    return ReportTemplate(
        id=id_,
        titles={"en": title},
        frameworks=frameworks,
        directory=TEMPLATES_DIR,
        filename="{id}.md.j2",
        kind=kind,
        required_sections=required,
        word_limits=word_limits,
        citation=citation,
        messages=MESSAGES,
    )


IMPROVEMENT_LETTER = _template(
    "ofsted-improvement-visit-letter",
    "Improvement visit letter",
    [CIF_2012],
    "letter",
    ["not-for-publication", "priorities", "actions"],
    cite.IMPROVEMENT_LETTER,
    # "A brief letter": the numbers are our reading of "brief", not Ofsted's.
    [
        WordLimit("priorities", None, 300, cite.IMPROVEMENT_LETTER),
        WordLimit("actions", None, 500, cite.IMPROVEMENT_LETTER),
    ],
)
CIF_2012_REPORT = _template(
    "ofsted-cif-2012-inspection-report",
    "Inspection report outline (CIF 2012)",
    [CIF_2012],
    "report",
    ["overall-effectiveness", "key-judgements", "improve"],
    cite.REPORT_SECTIONS,
)
EIF_2019_REPORT = _template(
    "ofsted-eif-2019-inspection-report",
    "Inspection report outline (EIF 2019)",
    [EIF_2019],
    "report",
    ["key-judgements", "safeguarding", "improve"],
    cite.REPORT_SECTIONS,
)
REPORT_CARD = _template(
    "ofsted-renewed-2025-report-card",
    "Report card (renewed framework 2025)",
    [RENEWED_2025],
    "report",
    ["grades", "safeguarding"],
    cite.RENEWED_NO_OVERALL,
)
MONITORING_LETTER = _template(
    "ofsted-monitoring-visit-letter",
    "Monitoring visit letter",
    [CIF_2012, EIF_2019, RENEWED_2025],
    "letter",
    ["visit", "progress", "next-steps"],
    cite.REPORT_SECTIONS,
)
TEMPLATES = [IMPROVEMENT_LETTER, CIF_2012_REPORT, EIF_2019_REPORT, REPORT_CARD, MONITORING_LETTER]


def check(template, text, case, regime) -> list[Finding]:
    framework = regime.framework(case.framework)
    if framework is None:
        return []
    if template.id == IMPROVEMENT_LETTER.id:
        return _letter_not_for_publication(text)
    if template.id == EIF_2019_REPORT.id:
        return _no_overall_for_state_schools(text, case)
    if template.id == REPORT_CARD.id:
        return _report_card(framework, text, case)
    return []


def _letter_not_for_publication(text):
    """The letter must tell the provider it is not published and is theirs to check for accuracy."""
    notice = sections(text).get("not-for-publication", "").lower()
    wanted = (
        ("not published", cite.LETTER_NOT_PUBLISHED, "say that it is not published"),
        ("factual accuracy", cite.LETTER_FACTUAL_ACCURACY, "ask the provider to check it for factual accuracy"),
    )
    return [
        Finding(
            severity="error",
            rule="ofsted-2012.improvement-letter-notice",
            message=f"The letter does not {what}.",
            citation=citation,
        )
        for words, citation, what in wanted
        if notice and words not in notice
    ]


def _no_overall_for_state_schools(text, case):
    if not (eif_2019.has_no_overall_grade(case) and "overall-effectiveness" in sections(text)):
        return []
    return [
        Finding(
            severity="error",
            rule="eif-2019.report-states-no-overall",
            message="The report gives an overall effectiveness grade, which a state school inspected from "
            "2 September 2024 does not get.",
            citation=cite.EIF_NO_OVERALL_FOR_STATE_SCHOOLS,
            area="overall-effectiveness",
        )
    ]


def _report_card(framework, text, case):
    found = sections(text)
    rows = found.get("grades", "").splitlines()
    findings = []
    for area, grade_id in renewed_2025.graded_areas(framework, case):
        grade = framework.scale_for(area.id).grade(grade_id)
        # Text and symbol on the area's own row: a grade is never told by colour alone.
        if not any(area.name() in row and grade.name() in row and grade.symbol in row for row in rows):
            findings.append(
                Finding(
                    severity="error",
                    rule="renewed-2025.grade-text-and-symbol",
                    message=f"'{area.name()}' is not shown with its grade in words and its symbol "
                    f"({grade.name()} {grade.symbol}).",
                    citation=cite.RENEWED_SCALE,
                    area=area.id,
                )
            )
        if not found.get(f"area-{area.id}"):
            findings.append(
                Finding(
                    severity="warning",
                    rule="renewed-2025.area-narrative",
                    message=f"'{area.name()}' has a grade but no narrative; "
                    "record its strengths and areas for improvement.",
                    citation=cite.RENEWED_SCHOOL_AREAS,
                    area=area.id,
                )
            )
    return findings
