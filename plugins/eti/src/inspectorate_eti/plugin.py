"""Education and Training Inspectorate's hook implementations: frameworks as data, rules as code, every rule with its citation."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from inspectorate import hookimpl
from inspectorate.frameworks import Regime, framework_from_toml
from inspectorate.model import Citation, Finding
from inspectorate.timing import Timing, WorkingDays

FRAMEWORKS = Path(str(resources.files("inspectorate_eti") / "frameworks"))

REGIME = Regime(
    id="eti",
    names={"en": "Education and Training Inspectorate"},
    nations=["england"],  # the nations whose bank holidays count as non-working days
    frameworks=[framework_from_toml(path, regime="eti") for path in sorted(FRAMEWORKS.glob("*.toml"))],
)

# Quote the sentence of guidance a rule encodes, word for word.
EXAMPLE_CITATION = Citation(document="your-guidance-document.txt", locator="paragraph 1", quote="Quote the sentence here.")


@hookimpl
def register_regimes(register):
    register(REGIME)


@hookimpl
def declare_timing_rules(framework):
    """Each follow-up timing rule, declared once: the core dates the event, describes it in words
    and warns when it is recorded late, early or before what it counts from (docs/plugin-guide.md)."""
    if framework.regime != "eti":
        return None
    return [
        Timing(
            "action-plan", "Provider's action plan",
            anchor="report-published",  # or "inspection-end", another event's id, ...
            offset=WorkingDays(20),  # or WorkingDays(10, 30) for a window, Months(12, 18), Weeks(4) ...
            citation=EXAMPLE_CITATION,
            rule="eti.action-plan",
            # when=timing.grade("overall", "weak", words="overall is weak"): the cases it applies to
        )
    ]


@hookimpl
def check_case(framework, case):
    if framework.regime != "eti":
        return []
    if case.dates.start and not case.team.reporting_inspector:
        return [
            Finding(
                severity="warning",
                rule="eti.reporting-inspector",
                message="No reporting inspector is named for this inspection.",
                citation=EXAMPLE_CITATION,
            )
        ]
    return []
