"""Events recorded as done outside the window their rule sets: worth a look, since "done" hides lateness."""

from __future__ import annotations

from inspectorate.evaluation import calendar_for_case
from inspectorate.model import Finding


def check(framework, case, schedule) -> list[Finding]:
    done = case.follow_up.done
    if not done:
        return []
    findings = []
    for event in schedule(framework, case, calendar_for_case(case)):
        day = done.get(event.id)
        if day is None:
            continue
        if event.latest is not None and day > event.latest:
            when = f"after {event.latest}, the end of its window"
        elif event.earliest is not None and day < event.earliest:
            when = f"before {event.earliest}, the start of its window"
        else:
            continue
        findings.append(
            Finding(
                severity="warning",
                rule="ofsted.done-outside-window",
                message=f"{event.title} is recorded on {day}, {when} ({event.basis}).",
                citation=event.citation,
            )
        )
    return findings
