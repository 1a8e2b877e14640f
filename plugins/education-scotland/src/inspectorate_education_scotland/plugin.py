"""Education Scotland's hook implementations: school inspections with HGIOS4's quality indicators.

Continuing engagement is the inspectors' call (recorded as an inspector's call), except that a QI
evaluated weak or unsatisfactory, "important weaknesses", brings further inspection. A short
model inspection covers two QIs, a full model four. Dates count on Scotland's bank holidays.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from inspectorate import hookimpl, timing
from inspectorate.compare.scales import ScaleMapping
from inspectorate.frameworks import Regime, framework_from_toml
from inspectorate.model import Finding, FollowUpCategory, FollowUpTrigger
from inspectorate.reports import ReportTemplate
from inspectorate.timing import NoTimeSet, Timing

from inspectorate_education_scotland import citations as cite

if TYPE_CHECKING:  # for the hook signatures only
    from inspectorate.frameworks import Area, Framework, Scale
    from inspectorate.model import Case, Proposal
    from inspectorate.timing import Declaration

#: The hook API versions this plugin works with (map_grade_scale came in 1.3).
HOOK_API_SUPPORTED = ">=1.3,<2"

PACKAGE = resources.files("inspectorate_education_scotland")
FRAMEWORKS = Path(str(PACKAGE / "frameworks"))
FRAMEWORK_ID = "education-scotland-hgios4"
WEAK = ("weak", "unsatisfactory")
QIS_BY_MODEL = {"short-model-inspection": 2, "full-model-inspection": 4}

REGIME = Regime(
    id="education-scotland",
    names={"en": "Education Scotland"},
    nations=["scotland"],  # whose bank holidays count as non-working days, and who it inspects
    frameworks=[framework_from_toml(path, regime="education-scotland") for path in sorted(FRAMEWORKS.glob("*.toml"))],
)

FURTHER = FollowUpTrigger(
    category="further-inspection", name="Further inspection",
    when="Any quality indicator evaluated weak or unsatisfactory (important weaknesses), or the inspectors' "
    "call 'further-inspection'.", citation=cite.FURTHER_INSPECTION,
)
SUPPORT = FollowUpTrigger(
    category="additional-support", name="Additional support",
    when="The inspectors' call 'additional-support', with no quality indicator weak or unsatisfactory.",
    citation=cite.ADDITIONAL_SUPPORT,
)
NONE = FollowUpTrigger(
    category="no-continuing-engagement", name="No continuing engagement",
    when="Quality indicators evaluated, none weak or unsatisfactory, and no call for support or further inspection.",
    citation=cite.NO_CONTINUING_ENGAGEMENT,
)
NOT_YET = FollowUpTrigger(
    category="none", name="Not yet evaluated", when="No quality indicator is evaluated yet.",
    citation=cite.NO_CONTINUING_ENGAGEMENT,
)


def _ours(framework: Framework) -> bool:
    return framework.regime == REGIME.id


def _graded(framework: Framework, case: Case) -> list[tuple[Area, str | None]]:
    return [(area, case.grade(area.id)) for area in framework.graded_areas if case.grade(area.id)]


@hookimpl
def register_regimes(register: Callable[[Regime], None]) -> None:
    register(REGIME)


@hookimpl
def propose_judgements(framework: Framework, case: Case) -> list[Proposal] | None:
    return [] if _ours(framework) else None  # each QI is the inspectors' own evaluation


@hookimpl
def classify_follow_up(framework: Framework, case: Case) -> FollowUpCategory | None:
    if not _ours(framework):
        return None
    graded = _graded(framework, case)
    weak = [f"{a.code} {a.name()}" for a, g in graded if g in WEAK]
    calls = case.inspector_calls
    if weak or "further-inspection" in calls:
        reason = f"Important weaknesses: {', '.join(weak)} weak or unsatisfactory." if weak else "The inspectors' call."
        trigger, citation = FURTHER, (cite.IMPORTANT_WEAKNESSES if weak else cite.FURTHER_INSPECTION)
    elif "additional-support" in calls:
        trigger, reason, citation = SUPPORT, "The inspectors' call.", cite.ADDITIONAL_SUPPORT
    elif graded:
        trigger, reason, citation = NONE, "No quality indicator is weak or unsatisfactory.", cite.NO_CONTINUING_ENGAGEMENT
    else:
        trigger, reason, citation = NOT_YET, "No quality indicator is evaluated yet.", NOT_YET.citation
    # Important weaknesses are a rule of their own, resting on their own sentence.
    rule = "important-weaknesses" if weak else trigger.category
    return FollowUpCategory(id=trigger.category, name=trigger.name, rationale=reason, citation=citation,
                            rule=f"education-scotland.{rule}")


@hookimpl
def describe_follow_up_triggers(framework: Framework) -> list[FollowUpTrigger] | None:
    return [FURTHER, SUPPORT, NONE, NOT_YET] if _ours(framework) else None


@hookimpl
def check_case(framework: Framework, case: Case) -> list[Finding] | None:
    if not _ours(framework):
        return []
    allowed = QIS_BY_MODEL.get(case.kind)
    graded = _graded(framework, case)
    if allowed is None or len(graded) <= allowed:
        return []
    return [Finding(severity="error", rule="education-scotland.qis-for-model",
                    message=f"A {case.kind.replace('-', ' ')} covers {allowed} quality indicators, but {len(graded)} "
                    "are evaluated: remove the grades of those it did not cover, or record the full model.",
                    citation=cite.MODELS)]




@hookimpl
def declare_timing_rules(framework: Framework) -> list[Declaration] | None:
    if not _ours(framework):
        return None
    return [
        Timing("further-inspection", "Further inspection", anchor="report-published", offset=NoTimeSet(),
               citation=cite.FURTHER_INSPECTION, rule="education-scotland.further-inspection",
               when=timing.category("further-inspection", words="continuing engagement is further inspection")),
        Timing("progress-reported-to-parents", "Parents informed of the school's progress", anchor="report-published",
               offset=NoTimeSet(), citation=cite.PARENTS_INFORMED, rule="education-scotland.parents-informed",
               when=timing.category("additional-support", words="continuing engagement is additional support")),
    ]


@hookimpl
def map_grade_scale(framework: Framework, scale: Scale) -> ScaleMapping | None:
    """Six points onto the common four, by the words "Terms we use" gives each point (our reading)."""
    if not _ours(framework) or scale.id != "six-point":
        return None
    return ScaleMapping(
        scale=scale.id,
        to_common={"excellent": "excellent", "very-good": "good", "good": "good", "satisfactory": "needs-improvement",
                   "weak": "inadequate", "unsatisfactory": "inadequate"},
        from_common={"excellent": "excellent", "good": "good", "needs-improvement": "satisfactory", "inadequate": "weak"},
        basis="our reading of the six-point scale's words (Education Scotland states no mapping)",
        citation=cite.WEAK_MEANS,
    )


LETTER = ReportTemplate(
    id="education-scotland-letter-to-parents", titles={"en": "Letter to parents"}, frameworks=[FRAMEWORK_ID],
    directory=Path(str(PACKAGE / "templates")), filename="{id}.md.j2", kind="report",
    required_sections=["evaluations", "next"], citation=cite.LETTER_FOR_PARENTS,
)


@hookimpl
def register_report_templates(register: Callable[[ReportTemplate], None]) -> None:
    register(LETTER)
