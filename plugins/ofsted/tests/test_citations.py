"""Every citation the plugin makes quotes its document word for word, with the confidence its source is graded.

Sources: ofsted-2013-support-and-challenge-fes-requires-improvement.txt (primary) and DOMAIN-NOTES.md
(secondary facts graded H or M; a rule the notes mark M must say so in its citation).
"""

import re
from pathlib import Path

import pytest
from inspectorate.model import NO_GUIDANCE, UNSOURCED, Citation
from inspectorate.testing.guidance import guidance_folder
from inspectorate_ofsted import citations as cite
from inspectorate_ofsted import support_strategies

ALL = {name: value for name, value in vars(cite).items() if isinstance(value, Citation)}
STRATEGIES = {f"strategy {key}": support_strategies.citation(key) for key in support_strategies.STRATEGIES}


def _fold(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", sorted({**ALL, **STRATEGIES}))
def test_citation_quotes_its_document_word_for_word(name, guidance_text):
    citation = {**ALL, **STRATEGIES}[name]
    if citation.document == NO_GUIDANCE:
        # No sentence states the rule: the citation says the guidance is silent, not quote another.
        assert citation.confidence == UNSOURCED and citation.quote.startswith("The guidance is silent"), name
        assert citation.locator
        return
    assert citation.document in (cite.SUPPORT_AND_CHALLENGE_2013, cite.DOMAIN_NOTES)
    assert citation.quote in guidance_text(citation.document), f"{name} is not quoted word for word"
    assert citation.locator


def _notes_items() -> list[str]:
    folder = guidance_folder(Path(__file__).parent)
    path = folder / cite.DOMAIN_NOTES if folder else None
    if path is None or not path.exists():
        pytest.skip("guidance folder not beside the checkout")
    # Each list item (a line starting "- ", nested or not) with its continuation lines.
    return [_fold(item) for item in re.split(r"\n\s*- ", path.read_text(encoding="utf-8"))]


def _grade_in_notes(quote: str) -> set[str]:
    """The confidence (H, M) the notes give the fact quoted: the first mark after it, else the last before."""
    [item] = [item for item in _notes_items() if quote in item]
    marks = [(m.start(), set(re.findall(r"\b([HM])\b", m.group()))) for m in re.finditer(r"\((?:H|M)\b[^)]*\)", item)]
    at = item.index(quote)
    after = [grades for start, grades in marks if start >= at + len(quote)]
    before = [grades for start, grades in marks if start < at]
    return after[0] if after else before[-1]


NOTES = sorted(name for name, c in ALL.items() if c.document == cite.DOMAIN_NOTES)


@pytest.mark.parametrize("name", NOTES)
def test_domain_notes_citations_carry_the_notes_confidence(name):
    """DOMAIN-NOTES.md: "Confidence: **H** = read in the inspectorate's own publication; **M** = a secondary source quoting it." """
    citation = ALL[name]
    assert citation.confidence in _grade_in_notes(citation.quote)


def test_the_rules_the_notes_mark_m_say_so():
    """DOMAIN-NOTES.md marks the EIF 2019 limits and the 2025 school categories M (secondary sources)."""
    for citation in (cite.EIF_KEY_JUDGEMENT_LIMITS_OVERALL, cite.EIF_SAFEGUARDING_INEFFECTIVE,
                     cite.EIF_SAFEGUARDING_MINOR_WEAKNESSES, cite.SPECIAL_MEASURES,
                     cite.REQUIRES_SIGNIFICANT_IMPROVEMENT, cite.DRAFT_REPORT_COMMENTS):
        assert citation.confidence == "M"
        assert "[M]" in str(citation)
    assert cite.EIF_NO_OVERALL_FOR_STATE_SCHOOLS.confidence == "H"
    assert cite.FE_MONITORING_OF_THAT_TYPE.confidence == "H"


def test_guidance_citations_are_primary():
    primary = [c for c in ALL.values() if c.document == cite.SUPPORT_AND_CHALLENGE_2013]
    assert len(primary) >= 12
    assert {c.confidence for c in [*primary, *STRATEGIES.values()]} == {"primary"}


def test_the_strategy_catalogue_is_the_whole_of_paragraph_15(guidance_text):
    """Paragraph 15 lists eleven indicative strategies; the catalogue holds each one, none invented."""
    assert len(support_strategies.STRATEGIES) == 11
    text = guidance_text(cite.SUPPORT_AND_CHALLENGE_2013)
    paragraph = text[text.index("15. The following"):text.index("16. Not all")]
    assert all(quote in paragraph for quote in support_strategies.STRATEGIES.values())
