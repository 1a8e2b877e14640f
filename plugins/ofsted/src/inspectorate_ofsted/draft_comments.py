"""Since 5 April 2024 a provider has five working days to comment on the draft report."""

from __future__ import annotations

import datetime as dt

from inspectorate.timing import Timing, When, WorkingDays

from inspectorate_ofsted import citations as cite

FROM = dt.date(2024, 4, 5)


def _from_5_april_2024(facts) -> bool:
    # The notes date the rule, not the inspection: it governs drafts issued from 5 April 2024, so a
    # draft not yet issued is counted only once the inspection itself is after that date.
    dates = facts.case.dates
    applies_from = dates.draft_issued or dates.end or dates.start
    return applies_from is not None and applies_from >= FROM


COMMENTS = Timing(
    "draft-report-comments", "Provider's comments on the draft report due",
    anchor="draft-issued", offset=WorkingDays(5), citation=cite.DRAFT_REPORT_COMMENTS,
    rule="ofsted-2024.draft-report-comments",
    when=When(_from_5_april_2024, "drafts issued from 5 April 2024 (before a draft is issued, inspections ending from then)"),
)
