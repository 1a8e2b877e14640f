"""Ofsted's hook implementations: the entry point, handing each framework to the module that rules it.

- ``ofsted-cif-2012``: further education and skills, Sept 2012 to Aug 2015 (:mod:`.cif_2012`);
- ``ofsted-eif-2019``: schools and further education and skills, Sept 2019 to 9 Nov 2025 (:mod:`.eif_2019`);
- ``ofsted-renewed-2025``: report cards from 10 Nov 2025 (:mod:`.renewed_2025`).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from inspectorate import hookimpl
from inspectorate.frameworks import Regime, framework_from_toml
from inspectorate.model import Finding, FollowUpCategory

from inspectorate_ofsted import (
    cif_2012,
    eif_2019,
    framework_dates,
    renewed_2025,
    support_strategies,
)
from inspectorate_ofsted import reports as ofsted_reports

if TYPE_CHECKING:  # for the hook signatures only
    from types import ModuleType

    from inspectorate.calendar import WorkingCalendar
    from inspectorate.exchange import Importer
    from inspectorate.frameworks import Framework
    from inspectorate.model import Case, FollowUpEvent, FollowUpTrigger, Proposal, TimingRule
    from inspectorate.reports import ReportTemplate
    from inspectorate.timing import Declaration

PACKAGE = resources.files("inspectorate_ofsted")
RULES = {module.FRAMEWORK_ID: module for module in (cif_2012, eif_2019, renewed_2025)}


def _frameworks() -> list[Framework]:
    folder = Path(str(PACKAGE / "frameworks"))
    return [_with_catalogue(framework_from_toml(path, regime="ofsted")) for path in sorted(folder.glob("*.toml"))]


def _with_catalogue(framework: Framework) -> Framework:
    """CIF 2012's follow-up options are the support strategies of the 2013 guidance, kept in their own data file."""
    if framework.id != cif_2012.FRAMEWORK_ID:
        return framework
    return attrs.evolve(
        framework, follow_up_options=support_strategies.STRATEGIES, follow_up_options_title=support_strategies.TITLE
    )


REGIME = Regime(id="ofsted", names={"en": "Ofsted"}, nations=["england"], frameworks=_frameworks())


#: The hook API versions this plugin works with (declare_timing_rules came in 1.2).
HOOK_API_SUPPORTED = ">=1.2,<2"


@hookimpl
def register_regimes(register: Callable[[Regime], None]) -> None:
    register(REGIME)


@hookimpl
def propose_judgements(framework: Framework, case: Case) -> list[Proposal] | None:
    rules = RULES.get(framework.id)
    return rules.propose(framework, case) if rules else None


@hookimpl
def classify_follow_up(framework: Framework, case: Case) -> FollowUpCategory | None:
    rules = RULES.get(framework.id)
    if rules is None:
        return None
    derived = rules.classify(framework, case)
    if case.follow_up.category and derived is not None and case.follow_up.category != derived.id:
        # A category set by hand stands; the rationale keeps what the rules would have said.
        reason = case.follow_up.category_reason or "no reason recorded"
        return FollowUpCategory(
            id=case.follow_up.category,
            name=case.follow_up.category.replace("-", " ").capitalize(),
            rationale=f"Set by hand ({reason}); the rules give {derived.name}: {derived.rationale}",
            citation=derived.citation,
            statutory=derived.statutory,
            rule=f"{derived.rule}.set-by-hand",
        )
    return derived


@hookimpl
def check_case(framework: Framework, case: Case) -> list[Finding] | None:
    rules = RULES.get(framework.id)
    if rules is None:
        return []
    return [
        *framework_dates.check(framework, case),
        *_category_set_by_hand_unknown(rules, framework, case),
        *rules.check(framework, case),
    ]


def _category_set_by_hand_unknown(rules: ModuleType, framework: Framework, case: Case) -> list[Finding]:
    """A category set by hand that the framework does not have (a typo would otherwise stand as a category)."""
    chosen = case.follow_up.category
    if not chosen:
        return []  # nothing set by hand: nothing to check (and the rules need not run again)
    known = sorted({trigger.category for trigger in rules.triggers(framework)})
    derived = rules.classify(framework, case)
    if not known or chosen in known or derived is None:
        return []
    return [
        Finding(
            severity="error",
            rule="ofsted.follow-up-category-unknown",
            message=f"'{chosen}' is not a follow-up category of {framework.id}: use one of {', '.join(known)}, "
            f"or clear it to take the rules' {derived.name.lower()}.",
            citation=derived.citation,
        )
    ]


@hookimpl
def declare_timing_rules(framework: Framework) -> list[Declaration] | None:
    rules = RULES.get(framework.id)
    return rules.declarations(framework) if rules else None


@hookimpl
def schedule_follow_up(framework: Framework, case: Case, calendar: WorkingCalendar) -> list[FollowUpEvent] | None:
    rules = RULES.get(framework.id)
    return rules.schedule(framework, case, calendar) if rules else []


@hookimpl
def describe_follow_up_triggers(framework: Framework) -> list[FollowUpTrigger] | None:
    rules = RULES.get(framework.id)
    return rules.triggers(framework) if rules else None


@hookimpl
def describe_timing_rules(framework: Framework) -> list[TimingRule] | None:
    rules = RULES.get(framework.id)
    return rules.timing_rules(framework) if rules else None


@hookimpl
def register_report_templates(register: Callable[[ReportTemplate], None]) -> None:
    for template in ofsted_reports.TEMPLATES:
        register(template)


@hookimpl
def check_report(template: ReportTemplate, text: str, case: Case) -> list[Finding] | None:
    return ofsted_reports.check(template, text, case, REGIME)


@hookimpl
def register_importers(register: Callable[[Importer], None]) -> None:
    from inspectorate_ofsted import outcomes

    register(outcomes.importer())
