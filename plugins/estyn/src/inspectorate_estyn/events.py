"""Small builders for the Estyn events that stay code (the six-year cycle's visits), and the
readings of a setting in the order a description gives them."""

from __future__ import annotations

from inspectorate.model import Anchor, FollowUpEvent, Provenance


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


def readings_default_first(framework, setting_id) -> list[str]:
    """The readings of one of the framework's settings, its default first: for a rule's words."""
    setting = framework.settings[setting_id]
    default = setting["default"]
    return [default, *(r for r in setting["readings"] if r != default)]
