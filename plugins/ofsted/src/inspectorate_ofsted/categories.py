"""A follow-up category as the rules give it, built from the trigger that describes it.

The name, citation and statutory flag come from the :class:`~inspectorate.model.FollowUpTrigger`,
so what :func:`classify` gives and what ``describe_follow_up_triggers`` says cannot drift apart.
"""

from __future__ import annotations

from inspectorate.model import FollowUpCategory, FollowUpTrigger


def from_trigger(trigger: FollowUpTrigger, rationale: str, rule: str) -> FollowUpCategory:
    return FollowUpCategory(
        id=trigger.category,
        name=trigger.name,
        rationale=rationale,
        citation=trigger.citation,
        rule=rule,
        statutory=trigger.statutory,
    )
