"""ETI's hook implementations: the ISEF 2017 framework as data, its follow-up as declared rules.

The overall effectiveness conclusion decides the follow-up: the two strongest bring monitoring of
how the school sustains improvement, the two weakest a formal follow-up inspection within the
months ETI states. Dates are counted on Northern Ireland's bank holidays (the regime's nation).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from inspectorate import hookimpl, timing
from inspectorate.compare.scales import ScaleMapping
from inspectorate.frameworks import Regime, framework_from_toml
from inspectorate.model import FollowUpCategory, FollowUpTrigger
from inspectorate.reports import ReportTemplate
from inspectorate.timing import Months, Timing

from inspectorate_eti import citations as cite

if TYPE_CHECKING:  # for the hook signatures only
    from inspectorate.frameworks import Framework, Scale
    from inspectorate.model import Case, Proposal
    from inspectorate.timing import Declaration

#: The hook API versions this plugin works with (map_grade_scale came in 1.3).
HOOK_API_SUPPORTED = ">=1.3,<2"

PACKAGE = resources.files("inspectorate_eti")
FRAMEWORKS = Path(str(PACKAGE / "frameworks"))
FRAMEWORK_ID = "eti-isef-2017"
OVERALL = "overall-effectiveness"
ANCHOR_SETTING = "follow-up-anchor"

REGIME = Regime(
    id="eti",
    names={"en": "Education and Training Inspectorate"},
    nations=["northern-ireland"],  # whose bank holidays count as non-working days, and who it inspects
    frameworks=[framework_from_toml(path, regime="eti") for path in sorted(FRAMEWORKS.glob("*.toml"))],
)

MONITORING = FollowUpTrigger(
    category="monitoring", name="Monitoring of sustained improvement",
    when="Overall effectiveness: a high level of capacity for sustained improvement, or the capacity to "
    "identify and bring about improvement.", citation=cite.MONITOR_SUSTAINS,
)
FOLLOW_UP = FollowUpTrigger(
    category="formal-follow-up-inspection", name="Formal follow-up inspection in 12 to 18 months",
    when="Overall effectiveness: the school needs to address (an) important area(s) for improvement.",
    citation=cite.FOLLOW_UP_12_18, setting=ANCHOR_SETTING,
)
URGENT_FOLLOW_UP = FollowUpTrigger(
    category="formal-follow-up-inspection-with-external-support",
    name="External support and formal follow-up inspection in 18 to 24 months",
    when="Overall effectiveness: the school needs to address urgently the significant areas for improvement.",
    citation=cite.FOLLOW_UP_18_24, setting=ANCHOR_SETTING,
)
NOT_CONCLUDED = FollowUpTrigger(
    category="none", name="No conclusion yet", when="No overall effectiveness conclusion is recorded.",
    citation=cite.FOUR_CONCLUSIONS,
)
BY_CONCLUSION = {
    "high-level-of-capacity": MONITORING,
    "capacity-to-improve": MONITORING,
    "important-areas": FOLLOW_UP,
    "significant-areas-urgently": URGENT_FOLLOW_UP,
}


def _ours(framework: Framework) -> bool:
    return framework.regime == REGIME.id


@hookimpl
def register_regimes(register: Callable[[Regime], None]) -> None:
    register(REGIME)


@hookimpl
def propose_judgements(framework: Framework, case: Case) -> list[Proposal] | None:
    # The conclusion is the inspectors' own evaluation: the sources give no rule deriving it.
    return [] if _ours(framework) else None


@hookimpl
def classify_follow_up(framework: Framework, case: Case) -> FollowUpCategory | None:
    if not _ours(framework):
        return None
    conclusion = case.grade(OVERALL)
    trigger = BY_CONCLUSION.get(conclusion, NOT_CONCLUDED) if conclusion else NOT_CONCLUDED
    area, scale = framework.area(OVERALL), framework.scale_for(OVERALL)
    grade = scale.grade(conclusion) if scale and conclusion else None
    rationale = f"{area.name()}: {grade.name()}." if area and grade else "No overall effectiveness conclusion is recorded yet."
    if case.follow_up.category and case.follow_up.category != trigger.category:
        rationale = (f"Set by hand ({case.follow_up.category_reason or 'no reason recorded'}); "
                     f"the conclusion gives {trigger.name}. {rationale}")
        return FollowUpCategory(id=case.follow_up.category, name=case.follow_up.category.replace("-", " ").capitalize(),
                                rationale=rationale, citation=trigger.citation, rule="eti.follow-up.set-by-hand")
    return FollowUpCategory(id=trigger.category, name=trigger.name, rationale=rationale, citation=trigger.citation,
                            rule=f"eti.{trigger.category}")


@hookimpl
def describe_follow_up_triggers(framework: Framework) -> list[FollowUpTrigger] | None:
    return [MONITORING, FOLLOW_UP, URGENT_FOLLOW_UP, NOT_CONCLUDED] if _ours(framework) else None


@hookimpl
def declare_timing_rules(framework: Framework) -> list[Declaration] | None:
    if not _ours(framework):
        return None
    counted_from = timing.reading_is_anchor(framework, ANCHOR_SETTING)
    return [
        Timing("formal-follow-up-inspection", "Formal follow-up inspection", anchor=counted_from, offset=Months(12, 18),
               setting=ANCHOR_SETTING, citation=cite.FOLLOW_UP_12_18, rule="eti.follow-up-12-18",
               when=timing.grade(OVERALL, "important-areas", words="the school needs to address important areas for improvement")),
        Timing("formal-follow-up-inspection", "Formal follow-up inspection", anchor=counted_from, offset=Months(18, 24),
               setting=ANCHOR_SETTING, citation=cite.FOLLOW_UP_18_24, rule="eti.follow-up-18-24",
               when=timing.grade(OVERALL, "significant-areas-urgently",
                                 words="the school needs to address urgently the significant areas for improvement")),
    ]


@hookimpl
def map_grade_scale(framework: Framework, scale: Scale) -> ScaleMapping | None:
    """Six performance levels onto the common four: the two above good are excellent and good, the
    two below it the weakest levels. Our reading of the levels' names; ETI states no such mapping."""
    if not _ours(framework) or scale.id != "performance-levels":
        return None
    return ScaleMapping(
        scale=scale.id,
        to_common={"outstanding": "excellent", "very-good": "good", "good": "good",
                   "important-areas-for-improvement": "needs-improvement",
                   "requires-significant-improvement": "inadequate", "requires-urgent-improvement": "inadequate"},
        from_common={"excellent": "outstanding", "good": "good", "needs-improvement": "important-areas-for-improvement",
                     "inadequate": "requires-significant-improvement"},
        basis="our reading of the performance levels' names (ETI states no mapping)",
        citation=cite.PERFORMANCE_LEVELS,
    )


REPORT = ReportTemplate(
    id="eti-isef-2017-inspection-report", titles={"en": "Inspection report (ISEF 2017)"}, frameworks=[FRAMEWORK_ID],
    directory=Path(str(PACKAGE / "templates")), filename="{id}.md.j2", kind="report",
    required_sections=["overall-effectiveness", "findings", "next"], citation=cite.FOUR_CONCLUSIONS,
)


@hookimpl
def register_report_templates(register: Callable[[ReportTemplate], None]) -> None:
    register(REPORT)
