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


def test_a_citation_knows_when_and_for_whom_its_sentence_is_in_force():
    import datetime as _dt

    from inspectorate.model import Citation as _Citation

    scoped = _Citation(document="d", quote="q", in_force_from=_dt.date(2024, 2, 26), sectors=["further-education"])
    assert not scoped.in_force_on(_dt.date(2024, 2, 25)) and scoped.in_force_on(_dt.date(2024, 2, 26))
    assert scoped.covers("further-education") and not scoped.covers("school")
    assert scoped.to_json()["in_force_from"] == "2024-02-26" and scoped.to_json()["sectors"] == ["further-education"]
    plain = _Citation(document="d", quote="q")
    assert plain.in_force_on(_dt.date(1990, 1, 1)) and plain.covers("anything")
    assert plain.to_json() == {"document": "d", "quote": "q", "locator": "", "confidence": "primary"}
