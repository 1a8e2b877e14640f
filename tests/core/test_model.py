"""The record types of the model."""

from __future__ import annotations

from inspectorate.model import Citation, TimingRule

CITE = Citation(document="A handbook", quote="A sentence.")


def test_a_timing_rule_describes_its_own_event_only():
    rule = TimingRule(event="monitoring-visit", title="Visit", basis="within a term", citation=CITE)
    assert rule.describes("monitoring-visit")
    assert not rule.describes("monitoring-visit-2")
    assert not rule.describes("monitoring")


def test_a_timing_rule_ending_in_a_star_describes_every_event_with_its_prefix():
    rule = TimingRule(event="further-visit*", title="Letter", basis="after each visit", citation=CITE)
    assert rule.describes("further-visit-1-letter")
    assert rule.describes("further-visit")
    assert not rule.describes("first-visit-letter")
