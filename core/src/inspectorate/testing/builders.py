"""Case builders: realistic cases for any framework, built from the framework's own data."""

from __future__ import annotations

import datetime as dt

import attrs

from inspectorate.frameworks import Framework
from inspectorate.model import (
    Case,
    Evidence,
    InspectionDates,
    Judgement,
    Provider,
    Recommendation,
    Team,
)

#: A week-long inspection in spring 2025, published about eight weeks later.
DEFAULT_DATES = InspectionDates(
    notified=dt.date(2025, 2, 10),
    start=dt.date(2025, 3, 3),
    end=dt.date(2025, 3, 7),
    draft_issued=dt.date(2025, 4, 4),
    published=dt.date(2025, 5, 2),
)


def make_case(framework: Framework, nation: str | None = None, **changes) -> Case:
    """A case under ``framework`` with a provider, dates and a team, and nothing judged yet."""
    case = Case(
        provider=Provider(
            name="Sample Provider",
            sector=framework.sectors[0] if framework.sectors else "school",
            nation=nation or "england",
            local_authority="",
            identifiers={"urn": "100001"},
        ),
        regime=framework.regime,
        framework=framework.id,
        kind=framework.visit_kinds[0] if framework.visit_kinds else "inspection",
        dates=DEFAULT_DATES,
        team=Team(reporting_inspector="A. Inspector", team_inspectors=["B. Inspector"], nominee="C. Nominee"),
    )
    return attrs.evolve(case, **changes) if changes else case


def _graded(framework: Framework, case: Case, pick) -> Case:
    judgements = []
    for area in framework.graded_areas:
        scale = framework.scale_for(area.id)
        if scale and scale.grades:
            judgements.append(Judgement(area=area.id, grade=pick(scale).id, by="A. Inspector"))
    return attrs.evolve(case, judgements=judgements)


def sample_cases(framework: Framework, nation: str | None = None) -> dict[str, Case]:
    """Cases at the edges of a framework: nothing judged, everything best, everything worst,
    best and worst in turn, and everything worst with the report not yet published.

    Each judged case has one piece of evidence of every kind in every area and a recommendation,
    so that rules which look at evidence and recommendations have something to read.
    """
    base = make_case(framework, nation)
    evidence = [
        Evidence(area=area.id, kind=kind, text=f"Sample {kind} in {area.id}.")
        for area in framework.areas
        for kind in framework.evidence_kinds
    ]
    areas = [a.id for a in framework.areas][:2]
    recommendations = [Recommendation(text="Improve the sample provision.", priority=1, areas=areas)]
    full = attrs.evolve(
        base,
        evidence=evidence,
        recommendations=recommendations,
        inspector_calls={call: tuple(a.id for a in framework.graded_areas) for call in framework.inspector_calls},
    )
    turn = iter(range(10_000))  # best and worst in turn, area by area
    worst = _graded(framework, full, lambda scale: scale.best_first[-1])
    return {
        "nothing-judged": base,
        "best": _graded(framework, full, lambda scale: scale.best_first[0]),
        "worst": worst,
        "mixed-grades": _graded(framework, full, lambda scale: scale.best_first[-1 if next(turn) % 2 else 0]),
        # Inspected and judged, the report not yet out: rules counted from publication must wait.
        "unpublished": attrs.evolve(worst, dates=attrs.evolve(DEFAULT_DATES, draft_issued=None, published=None)),
    }
