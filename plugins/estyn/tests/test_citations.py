"""Every citation the Estyn rules carry quotes its document word for word.

Sources: the four Estyn and Welsh Government documents and DOMAIN-NOTES.md; DOMAIN-NOTES.md facts
keep the confidence the notes give them.
"""

import pytest
from inspectorate_estyn import citations as cite

ALL = cite.all_citations()
GUIDANCE_DOCUMENTS = {
    cite.SECTOR_LEADING_2010,
    cite.CONSORTIA_2017,
    cite.ALC_2022,
    cite.SCHOOL_IMPROVEMENT_2022,
}


def test_every_citation_in_the_module_is_collected():
    # Guard against all_citations() silently missing a family (the four tests, the descriptors).
    assert "MANY_STRENGTHS_FIRST" in ALL
    assert "SECTOR_LEADING_TESTS[shared]" in ALL
    assert "DESCRIPTORS_2010[unsatisfactory]" in ALL
    assert len(ALL) >= 40


@pytest.mark.parametrize("name", sorted(ALL))
def test_citation_quotes_its_document_word_for_word(name, guidance_text):
    citation = ALL[name]
    if citation.document == cite.NO_SOURCE:
        # No sentence states the rule: the citation must say the guidance is silent, not quote another.
        assert citation.confidence == cite.UNSOURCED and citation.quote.startswith("The guidance is silent"), name
        return
    assert citation.quote in guidance_text(citation.document), f"{name} is not quoted word for word"


@pytest.mark.parametrize("name", sorted(ALL))
def test_citation_confidence_follows_its_source(name):
    citation = ALL[name]
    if citation.document in GUIDANCE_DOCUMENTS:
        assert citation.confidence == "primary", name
    elif citation.document == cite.NO_SOURCE:
        assert citation.confidence == cite.UNSOURCED, name
    else:
        assert citation.document == cite.NOTES, name
        assert citation.confidence in ("H", "M"), name


def test_notice_periods_are_marked_as_secondary():
    """DOMAIN-NOTES.md, Estyn (Wales), Notice: "(H/M)" — partly secondary, so recorded as M."""
    assert cite.NOTICE.confidence == "M"
