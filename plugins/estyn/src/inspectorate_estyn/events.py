"""Small builders for Estyn's dated events, so each rule reads as its sentence does."""

from __future__ import annotations

from inspectorate.calendar import add_working_days
from inspectorate.model import Anchor, FollowUpEvent, Provenance


def working_days_after(anchor_date, days, calendar):
    return add_working_days(anchor_date, days, calendar) if anchor_date else None


def deadline(event_id, title, latest, anchor_name, anchor_date, basis, citation, rule, calendar_policy,
             reading="", statutory=False, earliest=None) -> FollowUpEvent:
    return FollowUpEvent(
        id=event_id,
        title=title,
        earliest=earliest,
        latest=latest,
        anchor=Anchor(anchor_name, anchor_date),
        basis=basis,
        citation=citation,
        provenance=Provenance(rule=rule, calendar=calendar_policy, reading=reading),
        statutory=statutory,
    )
