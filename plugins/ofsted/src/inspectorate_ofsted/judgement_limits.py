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
    """An error for a grade better than a limit allows, a warning for a proposal set aside without a
    reason: the same tests (``Proposal.allows``, ``Proposal.needs_reason``) the app makes as the
    grade is chosen."""
    findings = []
    for proposal in proposals:
        judgement = next((j for j in case.judgements if j.area == proposal.area), None)
        if judgement is None or proposal.grade is None:
            continue
        scale = framework.scale_for(proposal.area)
        if not proposal.allows(scale, judgement.grade):
            limit = proposal.ceiling or proposal.grade
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
        elif proposal.needs_reason(scale, judgement.grade) and not judgement.reason.strip():
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
