"""Since 5 April 2024 a provider has five working days to comment on the draft report."""

from __future__ import annotations

import datetime as dt

from inspectorate.calendar import add_working_days
from inspectorate.model import Anchor, FollowUpEvent, Provenance, TimingRule

from inspectorate_ofsted import citations as cite

FROM = dt.date(2024, 4, 5)

COMMENTS = TimingRule(
    event="draft-report-comments",
    title="Provider's comments on the draft report due",
    basis="5 working days to comment on the draft report (since 5 April 2024)",
    citation=cite.DRAFT_REPORT_COMMENTS,
    applies_when="drafts issued from 5 April 2024 (before a draft is issued, inspections ending from then)",
)


def timing_rules() -> list[TimingRule]:
    return [COMMENTS]


def schedule(case, calendar) -> list[FollowUpEvent]:
    issued = case.dates.draft_issued
    # The notes date the rule, not the inspection: it governs drafts issued from 5 April 2024, so a
    # draft not yet issued is counted only once the inspection itself is after that date.
    applies_from = issued or case.dates.end or case.dates.start
    if applies_from is None or applies_from < FROM:
        return []
    return [
        FollowUpEvent(
            id=COMMENTS.event,
            title=COMMENTS.title,
            earliest=None,
            latest=add_working_days(issued, 5, calendar) if issued else None,
            anchor=Anchor("draft-issued", issued),
            basis=COMMENTS.basis,
            citation=COMMENTS.citation,
            provenance=Provenance(
                rule="ofsted-2024.draft-report-comments",
                calendar=calendar.policy,
                reading="applies to drafts issued from 5 April 2024",
            ),
        )
    ]
