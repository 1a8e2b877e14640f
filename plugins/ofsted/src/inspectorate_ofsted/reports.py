"""Ofsted's report and letter templates, and the checks a rendered one must pass beyond its sections."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from inspectorate.reports import ReportTemplate, WordLimit

from inspectorate_ofsted import citations as cite
from inspectorate_ofsted import support_strategies

TEMPLATES_DIR = Path(str(resources.files("inspectorate_ofsted") / "templates"))
CIF_2012, EIF_2019, RENEWED_2025 = "ofsted-cif-2012", "ofsted-eif-2019", "ofsted-renewed-2025"

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


TEMPLATES = [
    _template(
        "ofsted-improvement-visit-letter",
        "Improvement visit letter",
        [CIF_2012],
        "letter",
        ["not-for-publication", "priorities", "actions"],
        cite.IMPROVEMENT_LETTER,
        # "A brief letter": the numbers are our reading of "brief", not Ofsted's.
        [WordLimit("priorities", None, 300, cite.IMPROVEMENT_LETTER), WordLimit("actions", None, 500, cite.IMPROVEMENT_LETTER)],
    ),
]


def check(template, text, case, regime) -> list:
    return []
