"""Recommendations: in priority order, each linked to the areas it would improve (2022 guidance)."""

from __future__ import annotations

from collections import Counter

from inspectorate.model import Finding
from inspectorate.reports import number_of

from inspectorate_estyn import citations as cite
from inspectorate_estyn.words import words


def in_priority_order(case):
    return sorted(case.recommendations, key=lambda r: r.priority)


def check(framework, case, language: str = "en") -> list[Finding]:
    _ = words(language)
    findings = []
    repeated = sorted(p for p, n in Counter(r.priority for r in case.recommendations).items() if n > 1)
    if repeated:
        findings.append(
            Finding(
                severity="error",
                rule="estyn.recommendations-priority-order",
                message=_("Two or more recommendations share priority {priorities}: "
                          "give each its own place in the order of priority.", priorities=", ".join(map(str, repeated))),
                citation=cite.RECOMMENDATIONS_IN_PRIORITY_ORDER,
            )
        )
    for r in in_priority_order(case):
        if not r.areas:
            findings.append(
                Finding(
                    severity="warning",
                    rule="estyn.recommendation-areas",
                    message=_("Recommendation {number} ('{text}') is linked to no inspection area: "
                              "link it to the areas it would improve.", number=number_of(r, case.recommendations), text=r.text[:60]),
                    citation=cite.RECOMMENDATIONS_LINK_TO_AREAS,
                )
            )
    return findings
