"""The education inspection framework 2019: how the key judgements and safeguarding limit overall effectiveness.

Any key judgement inadequate makes overall effectiveness inadequate; ineffective safeguarding makes
leadership and management, and so overall, inadequate; minor safeguarding weaknesses cap overall
effectiveness at requires improvement. Other combinations are only "likely", so the overall grade
is proposed and the inspector may set it aside with a reason. State schools inspected from
2 September 2024 get no overall effectiveness grade at all.
"""

from __future__ import annotations

import datetime as dt

from inspectorate.model import Finding, Proposal

from inspectorate_ofsted import citations as cite
from inspectorate_ofsted import draft_comments
from inspectorate_ofsted.judgement_limits import check_against_proposals, rank

FRAMEWORK_ID = "ofsted-eif-2019"
KEY_JUDGEMENTS = (
    "quality-of-education",
    "behaviour-and-attitudes",
    "personal-development",
    "leadership-and-management",
)
OVERALL = "overall-effectiveness"
NO_OVERALL_FROM = dt.date(2024, 9, 2)
#: Establishment types (GIAS wording) that are not state-funded; any other school is taken as state-funded.
INDEPENDENT_PREFIX = "independent"


def is_state_school(provider) -> bool:
    """A school is state-funded unless its ``establishment-type`` identifier says independent."""
    kind = provider.identifiers.get("establishment-type", "")
    return provider.sector == "school" and not kind.strip().lower().startswith(INDEPENDENT_PREFIX)


def has_no_overall_grade(case) -> bool:
    start = case.dates.start
    return is_state_school(case.provider) and start is not None and start >= NO_OVERALL_FROM


def _worse(framework, area, *grades):
    graded = [g for g in grades if rank(framework, area, g) is not None]
    return max(graded, key=lambda g: rank(framework, area, g), default=None)


def propose(framework, case) -> list[Proposal]:
    reading = framework.setting(case.settings, "ineffective-safeguarding")
    safeguarding = case.grade("safeguarding")
    proposals = []
    if safeguarding == "ineffective":
        proposals.append(
            Proposal(
                area="leadership-and-management",
                grade="inadequate",
                rationale=f"Safeguarding is not effective (reading '{reading}').",
                citation=cite.EIF_SAFEGUARDING_INEFFECTIVE,
                rule="eif-2019.ineffective-safeguarding",
                overridable=reading == "likely",
            )
        )
    if not has_no_overall_grade(case):
        overall = _overall(framework, case, safeguarding, reading)
        if overall is not None:
            proposals.append(overall)
    return proposals


def _overall(framework, case, safeguarding, reading) -> Proposal | None:
    inadequate = [area for area in KEY_JUDGEMENTS if case.grade(area) == "inadequate"]
    if inadequate:
        return Proposal(
            area=OVERALL,
            grade="inadequate",
            rationale=f"A key judgement is inadequate ({', '.join(inadequate)}).",
            citation=cite.EIF_KEY_JUDGEMENT_LIMITS_OVERALL,
            rule="eif-2019.key-judgement-inadequate",
            overridable=False,
        )
    if safeguarding == "ineffective":
        return Proposal(
            area=OVERALL,
            grade="inadequate",
            rationale=f"Safeguarding is not effective, so leadership and management, and overall, are inadequate "
            f"(reading '{reading}').",
            citation=cite.EIF_SAFEGUARDING_INEFFECTIVE,
            rule="eif-2019.ineffective-safeguarding",
            overridable=reading == "likely",
        )
    likely = _likely_overall(framework, case)
    if safeguarding == "minor-weaknesses":
        return Proposal(
            area=OVERALL,
            grade=_worse(framework, OVERALL, likely, "requires-improvement"),
            ceiling="requires-improvement",
            rationale="Safeguarding has minor weaknesses: overall effectiveness is at best requires improvement.",
            citation=cite.EIF_SAFEGUARDING_MINOR_WEAKNESSES,
            rule="eif-2019.minor-safeguarding-weaknesses",
            overridable=False,
        )
    if likely is None:
        return None
    choice = framework.setting(case.settings, "overall-proposal")
    return Proposal(
        area=OVERALL,
        grade=likely,
        rationale=f"The likely overall effectiveness from the key judgements (reading '{choice}'); "
        "the inspector may set it aside with a reason.",
        citation=cite.EIF_OTHER_COMBINATIONS,
        rule="eif-2019.likely-overall",
        overridable=True,
    )


def _likely_overall(framework, case) -> str | None:
    if framework.setting(case.settings, "overall-proposal") == "lowest-key-judgement":
        grades = [case.grade(area) for area in KEY_JUDGEMENTS]
        return None if None in grades else _worse(framework, OVERALL, *grades)
    return case.grade("quality-of-education")


def classify(framework, case):
    return None


def triggers(framework):
    """None of the follow-up categories of this framework is encoded, so none is described."""
    return []


def check(framework, case) -> list[Finding]:
    findings = check_against_proposals(framework, case, propose(framework, case), "eif-2019")
    if has_no_overall_grade(case) and case.grade(OVERALL):
        findings.append(
            Finding(
                severity="error",
                rule="eif-2019.no-overall-for-state-schools",
                message=f"{case.provider.name} is a state school inspected from {case.dates.start}: it gets the "
                "four key judgements but no overall effectiveness grade; remove the recorded one.",
                citation=cite.EIF_NO_OVERALL_FOR_STATE_SCHOOLS,
                area=OVERALL,
            )
        )
    return findings


def declarations(framework):
    return [draft_comments.COMMENTS]


def schedule(framework, case, calendar):
    return []


def timing_rules(framework):
    return []
