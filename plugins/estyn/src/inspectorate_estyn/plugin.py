"""Estyn's hook implementations.

The foundation ships one framework (CIF 2010) with its sector-leading-practice rules and the
case-study follow-up; the other Estyn frameworks are added alongside it.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from inspectorate import hookimpl
from inspectorate.frameworks import Regime, framework_from_toml
from inspectorate.model import Anchor, Finding, FollowUpEvent, Provenance, Proposal
from inspectorate.reports import ReportTemplate

from inspectorate_estyn import citations as cite
from inspectorate_estyn.messages import MESSAGES

PACKAGE = resources.files("inspectorate_estyn")
OVERALL_2010 = ("current-performance", "prospects-for-improvement")


def _frameworks():
    folder = Path(str(PACKAGE / "frameworks"))
    return [framework_from_toml(path, regime="estyn") for path in sorted(folder.glob("*.toml"))]


REGIME = Regime(
    id="estyn",
    names={"en": "Estyn", "cy": "Estyn"},
    nations=["wales"],
    frameworks=_frameworks(),
    languages=["en", "cy"],
)
FRAMEWORK_IDS = {f.id for f in REGIME.frameworks}


@hookimpl
def register_regimes(register):
    register(REGIME)


def _excellent_shortfalls(framework, case):
    """(area, rule, citation, what is missing) for each 'excellent' the 2010 guidance does not support.

    Many strengths come first (point 7); then sector-leading practice (opening paragraph).
    """
    many = set(case.inspector_calls.get("many-strengths", ()))
    for area in framework.graded_areas:
        if case.grade(area.id) != "excellent":
            continue
        if area.id not in many:
            yield area.id, "estyn-2010.excellent-needs-many-strengths", cite.MANY_STRENGTHS_FIRST, (
                "the team has not recorded 'many strengths'"
            )
        if not case.evidence_in(area.id, "sector-leading-practice"):
            yield area.id, "estyn-2010.excellent-needs-sector-leading-practice", cite.EXCELLENT_NEEDS_SECTOR_LEADING, (
                "no sector-leading practice is recorded"
            )


@hookimpl
def propose_judgements(framework, case):
    if framework.id != "estyn-cif-2010":
        return None
    proposals = {}
    for area, rule, citation, missing in _excellent_shortfalls(framework, case):
        # One proposal per area: the first shortfall in the guidance's order is the reason.
        proposals.setdefault(
            area,
            Proposal(
                area=area,
                grade="good",
                ceiling="good",
                rationale=f"'Excellent' is not supported: {missing} for this area.",
                citation=citation,
                rule=rule,
                overridable=True,
            ),
        )
    return list(proposals.values())


@hookimpl
def check_case(framework, case):
    if framework.id != "estyn-cif-2010":
        return []
    return [
        Finding(
            severity="warning",
            rule=rule,
            message=f"'{area}' is excellent but {missing} for it.",
            citation=citation,
            area=area,
        )
        for area, rule, citation, missing in _excellent_shortfalls(framework, case)
    ]


@hookimpl
def schedule_follow_up(framework, case, calendar):
    if framework.id != "estyn-cif-2010":
        return []
    if not any(case.grade(a) == "excellent" for a in OVERALL_2010):
        return []
    end = case.dates.end
    return [
        FollowUpEvent(
            id="case-study",
            title="Case study of sector-leading practice due (at most 600 words)",
            earliest=None,
            latest=end + dt.timedelta(weeks=4) if end else None,
            anchor=Anchor("inspection-end", end),
            basis="within four weeks of the end of the on-site part of the inspection",
            citation=cite.CASE_STUDY_DUE,
            provenance=Provenance(
                rule="estyn-2010.case-study-due",
                calendar="calendar weeks (the guidance counts weeks, not working days)",
            ),
        )
    ]


@hookimpl
def register_report_templates(register):
    register(
        ReportTemplate(
            id="estyn-case-study-invitation",
            titles={"en": "Invitation to write a case study", "cy": "Gwahoddiad i ysgrifennu astudiaeth achos"},
            frameworks=["estyn-cif-2010"],
            directory=Path(str(PACKAGE / "templates")),
            languages=["en", "cy"],
            kind="letter",
            filename="{id}.md.j2",
            required_sections=["invitation", "proforma"],
            citation=cite.CASE_STUDY_INVITATION,
            messages=MESSAGES,
        )
    )
