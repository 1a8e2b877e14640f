"""Estyn's hook implementations: the entry point of the plugin.

Each hook hands the case to the modules named in the inspectors' words: ``rules_2010`` (grades
and sector-leading practice), ``rules_2022`` (no summative judgements, safeguarding),
``recommendations``, ``case_study``, ``follow_up`` (categories, plans, notice, publication, the
cycle), ``consortium`` (the 2017 follow-up of regional consortia) and ``reports`` (templates).
The ``describe_*`` hooks go to the same modules, which keep each rule's words beside the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from inspectorate import hookimpl
from inspectorate.evaluation import calendar_for_case
from inspectorate.framework_dates import outside_dates

from inspectorate_estyn import (
    case_study,
    consortium,
    follow_up,
    recommendations,
    reports,
    rules_2010,
    rules_2022,
)
from inspectorate_estyn import citations as cite
from inspectorate_estyn.frameworks import (
    CIF_2010,
    CONSORTIUM_2017,
    FRAMEWORK_IDS,
    INSPECTIONS,
    REGIME,
    UNGRADED,
)
from inspectorate_estyn.words import ESTYN

if TYPE_CHECKING:  # for the hook signatures only
    from inspectorate.calendar import WorkingCalendar
    from inspectorate.frameworks import Framework, Regime
    from inspectorate.i18n import MessageCatalogue
    from inspectorate.model import Case, Finding, FollowUpCategory, FollowUpEvent, FollowUpTrigger, Proposal, TimingRule
    from inspectorate.reports import ReportTemplate
    from inspectorate.timing import Declaration

__all__ = ["REGIME"]


#: The hook API versions this plugin works with (the words' ``language`` came in 1.4).
HOOK_API_SUPPORTED = ">=1.4,<2"


@hookimpl
def register_regimes(register: Callable[[Regime], None]) -> None:
    register(REGIME)


@hookimpl
def register_message_catalogues(register: Callable[[MessageCatalogue], None]) -> None:
    register(ESTYN)


@hookimpl
def propose_judgements(framework: Framework, case: Case, language: str) -> list[Proposal] | None:
    if framework.id not in FRAMEWORK_IDS:
        return None
    if framework.id == CIF_2010:
        return rules_2010.propose(framework, case, language)
    return []


@hookimpl
def classify_follow_up(framework: Framework, case: Case, language: str) -> FollowUpCategory | None:
    if framework.id not in INSPECTIONS:
        return None  # consortia are not in follow-up categories
    return follow_up.classify(framework, case, language)


@hookimpl
def check_case(framework: Framework, case: Case, language: str) -> list[Finding] | None:
    if framework.id not in FRAMEWORK_IDS:
        return []
    calendar = calendar_for_case(case)
    if framework.id == CONSORTIUM_2017:
        return [
            *outside_dates(framework, case, "estyn.framework-dates", cite.CONSORTIUM_FROM_SEPTEMBER_2017),
            *consortium.check(framework, case, calendar, language),
        ]
    findings = outside_dates(framework, case, "estyn.framework-dates", cite.FRAMEWORK_DATES)
    findings += recommendations.check(framework, case, language)
    findings += follow_up.check(framework, case, calendar, language)
    if framework.id == CIF_2010:
        findings += rules_2010.check(framework, case, language)
    if framework.id in UNGRADED:
        findings += rules_2022.check(framework, case, language)
    return findings


#: Each framework's declarations in each language, made once: the core keeps its words by identity.
_DECLARED: dict[tuple[str, str], list] = {}


@hookimpl
def declare_timing_rules(framework: Framework, language: str) -> list[Declaration] | None:
    if framework.id not in FRAMEWORK_IDS:
        return None
    key = (framework.id, language)
    if key not in _DECLARED:
        if framework.id == CONSORTIUM_2017:
            rules = consortium.declarations(framework, language)
        else:
            rules = [*case_study.declarations(framework, language), *follow_up.declarations(framework, language)]
            if framework.id in UNGRADED:
                rules += rules_2022.declarations(framework, language)
        _DECLARED[key] = rules
    return _DECLARED[key]


@hookimpl
def schedule_follow_up(
    framework: Framework, case: Case, calendar: WorkingCalendar, language: str
) -> list[FollowUpEvent] | None:
    if framework.id not in INSPECTIONS:
        return []
    return follow_up.schedule(framework, case, calendar, language)


@hookimpl
def describe_follow_up_triggers(framework: Framework, language: str) -> list[FollowUpTrigger] | None:
    if framework.id not in FRAMEWORK_IDS:
        return None
    if framework.id not in INSPECTIONS:
        return []  # consortia are not in follow-up categories
    return follow_up.triggers(framework, language)


@hookimpl
def describe_timing_rules(framework: Framework, language: str) -> list[TimingRule] | None:
    if framework.id not in FRAMEWORK_IDS:
        return None
    return follow_up.timing_rules(framework, language) if framework.id in INSPECTIONS else []


@hookimpl
def register_report_templates(register: Callable[[ReportTemplate], None]) -> None:
    for template in reports.TEMPLATES:
        register(template)


@hookimpl
def check_report(template: ReportTemplate, text: str, case: Case, language: str) -> list[Finding] | None:
    return reports.check(template, text, case, language)
