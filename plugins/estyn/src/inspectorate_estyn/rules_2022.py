"""From 2022 Estyn gives no summative judgements: the rules for estyn-2022 and estyn-2024.

A grade recorded under these frameworks is an error. Safeguarding that is a serious cause for
concern needs a recommendation in the report and brings a wellbeing letter.
"""

from __future__ import annotations

from inspectorate.model import Finding
from inspectorate.timing import NoTimeSet, Timing, When

from inspectorate_estyn import citations as cite
from inspectorate_estyn.words import words

SAFEGUARDING_CALL = "safeguarding-cause-for-concern"
#: Where a safeguarding recommendation belongs, by framework: the area and its sub-area.
SAFEGUARDING_AREAS = ("safeguarding", "care-support-and-guidance", "wellbeing-care-support-and-guidance")


def safeguarding_concern(case) -> tuple[str, ...]:
    return tuple(case.inspector_calls.get(SAFEGUARDING_CALL, ()))


def check(framework, case, language: str = "en") -> list[Finding]:
    _ = words(language)
    findings = [
        Finding(
            severity="error",
            rule="estyn.no-summative-judgements",
            message=_("'{area}' is graded '{grade}', but {framework} gives no summative judgements: "
                      "evaluate the area in words instead.", area=j.area, grade=j.grade, framework=framework.id),
            citation=cite.no_grades(case),
            area=j.area,
        )
        for j in case.judgements
    ]
    if safeguarding_concern(case) and not _safeguarding_recommendation(case):
        findings.append(
            Finding(
                severity="error",
                rule="estyn.safeguarding-recommendation",
                message=_("Safeguarding is a serious cause for concern, but no recommendation is linked to "
                          "safeguarding: the report must include one."),
                citation=cite.safeguarding(case),
                area=safeguarding_concern(case)[0],
            )
        )
    findings += _concern_without_call(case, language)
    return findings


def _concern_without_call(case, language: str = "en") -> list[Finding]:
    """Safeguarding concerns recorded as evidence, while the team has not called them serious."""
    if safeguarding_concern(case):
        return []
    areas = list(dict.fromkeys(e.area for e in case.evidence if e.kind == "safeguarding-concern"))
    if not areas:
        return []
    _ = words(language)
    return [
        Finding(
            severity="warning",
            rule="estyn.safeguarding-concern-without-call",
            message=_("A safeguarding concern is recorded as evidence in {area}, but the team has not judged the "
                      "arrangements a serious cause for concern, so the report needs no safeguarding recommendation and "
                      "Estyn sends no wellbeing letter. If they are a serious cause for concern, record the inspector's "
                      "call '{call}' naming {area} (inspector_calls).", area=area, call=SAFEGUARDING_CALL),
            citation=cite.safeguarding(case),
            area=area,
        )
        for area in areas
    ]


def _safeguarding_recommendation(case) -> bool:
    return any(set(r.areas) & set(SAFEGUARDING_AREAS) for r in case.recommendations)


def declarations(framework, language: str = "en") -> list:
    """The wellbeing letter (estyn-2022 and estyn-2024)."""
    _ = words(language)
    return [
        Timing(
            "wellbeing-letter", _("Wellbeing letter asking the provider how it will address the safeguarding shortcomings"),
            anchor="inspection-end", offset=NoTimeSet(),
            citation=cite.safeguarding_under(framework), rule="estyn.wellbeing-letter",
            when=When(lambda facts: bool(safeguarding_concern(facts.case)),
                      _("the team judges safeguarding a serious cause for concern")),
        )
    ]
