"""CIF 2010: grades proposed from the descriptors and the evidence, and 'excellent' held to the
2010 guidance on sector-leading practice.

'Many strengths' is the inspector's call (``inspector_calls["many-strengths"]``); the rules read
the evidence only to warn when it does not bear the call out.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from inspectorate.model import Finding, Proposal

from inspectorate_estyn import citations as cite
from inspectorate_estyn.frameworks import OVERALL_2010
from inspectorate_estyn.words import N_, words

SECTOR_LEADING = "sector-leading-practice"
MANY_STRENGTHS = "many-strengths"
#: The four tests of sector-leading practice, as the evidence tags that record them.
SECTOR_LEADING_TESTS = {
    "among-the-best": N_("among the best in the sector"),
    "shared": N_("already shared with others"),
    "innovative": N_("innovative and cutting edge"),
    "clear-impact": N_("highly effective, with a clear impact on learners"),
}
#: What an 'excellent' lacks, by the rule that finds it missing.
NO_MANY_STRENGTHS = N_("the team has not recorded 'many strengths'")
NO_SECTOR_LEADING = N_("no sector-leading practice is recorded")


class Tally(NamedTuple):
    """The evidence recorded in one area, counted as the descriptors weigh it."""

    strengths: int  #: sector-leading practice included
    sector_leading: int
    improvements: int  #: important areas for improvement included
    important: int


def tally(case, area: str) -> Tally:
    counts = Counter(e.kind for e in case.evidence_in(area))
    important = counts["important-area-for-improvement"]
    return Tally(
        strengths=counts["strength"] + counts[SECTOR_LEADING],
        sector_leading=counts[SECTOR_LEADING],
        improvements=counts["area-for-improvement"] + important,
        important=important,
    )


def many_strengths(case) -> tuple[str, ...]:
    """The areas where the team records 'many strengths' (the inspector's call)."""
    return tuple(case.inspector_calls.get(MANY_STRENGTHS, ()))


def descriptor_grade(case, area: str) -> str | None:
    """The grade whose CIF 2010 descriptor the recorded evidence and calls fit, or None if none fits."""
    found = tally(case, area)
    if area in many_strengths(case) and not found.important:
        return "excellent" if found.sector_leading else "good"
    if found.important > found.strengths:
        return "unsatisfactory"
    if found.strengths > found.improvements:
        return "adequate"
    return None


def excellent_shortfalls(framework, case):
    """(area, rule, citation, what is missing) for each 'excellent' the 2010 guidance does not support.

    Many strengths come first (points 6 and 7); then sector-leading practice (opening paragraph).
    """
    many = many_strengths(case)
    for area in framework.graded_areas:
        if case.grade(area.id) != "excellent":
            continue
        if area.id not in many:
            yield area.id, "estyn-2010.excellent-needs-many-strengths", cite.MANY_STRENGTHS_FIRST, NO_MANY_STRENGTHS
        if not case.evidence_in(area.id, SECTOR_LEADING):
            # The guidance speaks of the overall judgements; the descriptor covers the key questions.
            citation = cite.EXCELLENT_NEEDS_SECTOR_LEADING if area.id in OVERALL_2010 else cite.DESCRIPTORS_2010["excellent"]
            yield area.id, "estyn-2010.excellent-needs-sector-leading-practice", citation, NO_SECTOR_LEADING


def _named(framework, area_id: str, language: str = "en") -> str:
    """An area as the inspector reads it: its name, not its id."""
    area = framework.area(area_id)
    return area.name(language) if area is not None else area_id


def _overridden(case, area: str) -> bool:
    """The inspector set a proposal for this area aside with a reason: the rules propose no more for it."""
    return any(j.area == area and j.overridden_from and j.reason for j in case.judgements)


def propose(framework, case, language: str = "en") -> list[Proposal]:
    _ = words(language)
    proposals: dict[str, Proposal] = {}
    for area, rule, citation, missing in excellent_shortfalls(framework, case):
        # One proposal per area: the first shortfall in the guidance's order is the reason.
        if area in proposals or _overridden(case, area):
            continue
        proposals[area] = Proposal(
            area=area,
            grade="good",
            ceiling="good",
            rationale=_("'Excellent' is not supported: {missing} for this area.", missing=_(missing)),
            citation=citation,
            rule=rule,
            overridable=True,
        )
    for area in framework.graded_areas:
        if area.id in proposals:
            continue
        grade = descriptor_grade(case, area.id)
        if grade is None or grade == case.grade(area.id) or _overridden(case, area.id):
            continue
        found = tally(case, area.id)
        many = area.id in many_strengths(case)
        rationale = _(
            "The evidence fits the descriptor '{descriptor}' ({strengths} strengths, {improvements} areas for "
            "improvement, {important} important areas for improvement).",
            descriptor=cite.DESCRIPTORS_2010[grade].quote, strengths=found.strengths,
            improvements=found.improvements - found.important, important=found.important,
        )
        if not many and grade in ("adequate", "unsatisfactory"):
            rationale += " " + _("The team has not recorded 'many strengths' here.")
        proposals[area.id] = Proposal(
            area=area.id,
            grade=grade,
            rationale=rationale,
            citation=cite.DESCRIPTORS_2010[grade],
            rule=f"estyn-2010.descriptor-{grade}",
            overridable=True,
        )
    return list(proposals.values())


def check(framework, case, language: str = "en") -> list[Finding]:
    _ = words(language)
    findings = [
        Finding(
            severity="warning",
            rule=rule,
            message=_("{area} is excellent but {missing} for it.", area=_named(framework, area, language), missing=_(missing)),
            citation=citation,
            area=area,
        )
        for area, rule, citation, missing in excellent_shortfalls(framework, case)
    ]
    findings += _sector_leading_tests(framework, case, language)
    findings += _many_strengths_unsupported(framework, case, language)
    return findings


def _sector_leading_tests(framework, case, language: str = "en") -> list[Finding]:
    """An 'excellent' whose sector-leading practice does not meet all four tests (points 1 to 4)."""
    _ = words(language)
    findings = []
    for area in framework.graded_areas:
        practice = case.evidence_in(area.id, SECTOR_LEADING)
        if case.grade(area.id) != "excellent" or not practice:
            continue
        best = max(practice, key=lambda e: len(set(e.tags) & set(SECTOR_LEADING_TESTS)))
        for tag, test in SECTOR_LEADING_TESTS.items():
            if tag not in best.tags:
                findings.append(
                    Finding(
                        severity="warning",
                        rule=f"estyn-2010.sector-leading-test.{tag}",
                        message=_("{area} is excellent but its sector-leading practice is not recorded as "
                                  "{test} (tag '{tag}').", area=area.name(language), test=_(test), tag=tag),
                        citation=cite.SECTOR_LEADING_TESTS[tag],
                        area=area.id,
                    )
                )
    return findings


def _many_strengths_unsupported(framework, case, language: str = "en") -> list[Finding]:
    """'Many strengths' recorded where the evidence shows no strength, or more to improve than strengths."""
    _ = words(language)
    findings = []
    for area in many_strengths(case):
        found = tally(case, area)
        if found.strengths <= found.improvements or found.important:  # no strength at all is <= too
            findings.append(
                Finding(
                    severity="warning",
                    rule="estyn-2010.many-strengths-unsupported",
                    message=_("The team records 'many strengths' in {area}, but the evidence recorded there shows "
                              "{strengths} strengths, {improvements} areas for improvement ({important} important).",
                              area=_named(framework, area, language), strengths=found.strengths,
                              improvements=found.improvements, important=found.important),
                    citation=cite.MANY_STRENGTHS_BEFORE_SECTOR_LEADING,
                    area=area,
                )
            )
    return findings
