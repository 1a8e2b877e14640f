"""Small builders for Estyn's dated events, so each rule reads as its sentence does, and for the
same rules in words (``describe_timing_rules``)."""

from __future__ import annotations

from inspectorate.calendar import add_working_days
from inspectorate.model import Anchor, FollowUpEvent, Provenance

#: The anchors events are counted from, in words; also the readings of the ``*-anchor`` settings.
ANCHOR_WORDS = {
    "inspection-end": "the last day on site",
    "inspection-start": "the first day on site",
    "report-published": "publication of the report",
    "monitoring-visit": "the monitoring visit",
}


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


def readings_default_first(framework, setting_id) -> list[str]:
    """The readings of one of the framework's settings, its default first: for a timing rule's basis."""
    setting = framework.settings[setting_id]
    default = setting["default"]
    return [default, *(r for r in setting["readings"] if r != default)]


def counted_from(framework, setting_id) -> str:
    """Which day an anchor setting counts from, in words, default first: for a timing rule's basis.

    Read from the framework's own setting, so the words follow its readings and default.
    """
    default, *others = (ANCHOR_WORDS[r] for r in readings_default_first(framework, setting_id))
    alternatives = f", or from {' or '.join(others)}," if others else ""
    return f"counted from {default}{alternatives} as the {setting_id} setting reads it"
