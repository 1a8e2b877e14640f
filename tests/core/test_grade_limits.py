"""The grade a proposal allows, and when setting it aside needs a reason: one test, in the core.

The app refuses a grade as it is chosen (``Proposal.allows``) and asks for a reason first
(``Proposal.needs_reason``). That Ofsted's checks report the same grades once recorded is tested
with Ofsted (``plugins/ofsted/tests/test_grade_limits.py``).
"""

from __future__ import annotations

from inspectorate.frameworks import Grade, Scale
from inspectorate.model import Citation, Proposal

FOUR = Scale("four", [Grade(g, {"en": g}, rank) for rank, g in enumerate(["outstanding", "good", "ri", "inadequate"], 1)])
CITE = Citation(document="toy-guidance.txt", quote="At best requires improvement.")
GRADES = ["outstanding", "good", "ri", "inadequate"]


def test_a_limit_that_is_not_overridable_allows_its_grade_and_below_only():
    limit = Proposal("overall", "ri", "capped", CITE, "toy.cap", overridable=False, ceiling="ri")
    assert [g for g in GRADES if limit.allows(FOUR, g)] == ["ri", "inadequate"]
    assert limit.allows(FOUR, "not-on-the-scale")  # nothing to compare: the case file check names it
    overridable = Proposal("overall", "ri", "likely", CITE, "toy.likely")
    assert all(overridable.allows(FOUR, g) for g in GRADES)


def test_a_reason_is_needed_to_set_a_proposal_aside_but_not_to_grade_below_a_ceiling():
    plain = Proposal("overall", "good", "likely", CITE, "toy.likely")
    assert [g for g in GRADES if plain.needs_reason(FOUR, g)] == ["outstanding", "ri", "inadequate"]
    capped = Proposal("overall", "good", "at best good", CITE, "toy.cap", ceiling="good")
    assert [g for g in GRADES if capped.needs_reason(FOUR, g)] == ["outstanding"]
    assert not Proposal("overall", None, "no grade follows", CITE, "toy.none").needs_reason(FOUR, "good")
