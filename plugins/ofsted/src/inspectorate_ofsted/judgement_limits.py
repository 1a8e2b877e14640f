"""Recorded judgements held against the judgements the rules propose.

A proposal that is not overridable is a limit: a better grade recorded than the limit allows is an
error, whatever reason is given. An overridable proposal may be set aside, but the inspector must
say why (the case file's ``[overrides.AREA]`` with a reason).
"""

from __future__ import annotations

from inspectorate.model import Finding


def rank(framework, area: str, grade: str | None) -> int | None:
    """The grade's rank on the area's scale (1 is the best), or None where it is not on it."""
    scale = framework.scale_for(area)
    found = scale.grade(grade) if scale and grade else None
    return found.rank if found else None


def _name(framework, area: str, grade: str) -> str:
    scale = framework.scale_for(area)
    found = scale.grade(grade) if scale else None
    return found.name() if found else grade


def check_against_proposals(framework, case, proposals, prefix: str) -> list[Finding]:
    findings = []
    for proposal in proposals:
        judgement = next((j for j in case.judgements if j.area == proposal.area), None)
        if judgement is None or proposal.grade is None:
            continue
        recorded = rank(framework, proposal.area, judgement.grade)
        limit = proposal.ceiling or proposal.grade
        if not proposal.overridable:
            if recorded is not None and recorded < rank(framework, proposal.area, limit):
                findings.append(
                    Finding(
                        severity="error",
                        rule=proposal.rule,
                        message=f"'{proposal.area}' is recorded as {_name(framework, proposal.area, judgement.grade)}, "
                        f"but the rules allow at best {_name(framework, proposal.area, limit)} and this limit "
                        f"cannot be overridden upward: {proposal.rationale}",
                        citation=proposal.citation,
                        area=proposal.area,
                    )
                )
        elif judgement.grade != proposal.grade and not judgement.reason.strip():
            findings.append(
                Finding(
                    severity="warning",
                    rule=f"{prefix}.override-needs-reason",
                    message=f"'{proposal.area}' is recorded as {_name(framework, proposal.area, judgement.grade)} "
                    f"where the rules propose {_name(framework, proposal.area, proposal.grade)}; "
                    "record the reason for setting the proposal aside.",
                    citation=proposal.citation,
                    area=proposal.area,
                )
            )
    return findings
