"""The sentences of Estyn's guidance that the rules encode, quoted exactly."""

from inspectorate.model import Citation

SECTOR_LEADING_2010 = "estyn-2010-guidance-on-sector-leading-practice.txt"

EXCELLENT_NEEDS_SECTOR_LEADING = Citation(
    document=SECTOR_LEADING_2010,
    locator="opening paragraph",
    quote=(
        "If a provider gains an 'excellent' judgement for at least one of the two overall judgements, "
        "then the inspection team will have identified examples of sector-leading practice at the "
        "provider that warrant wider dissemination."
    ),
)

MANY_STRENGTHS_FIRST = Citation(
    document=SECTOR_LEADING_2010,
    locator="point 7",
    quote="'Sector-leading practice' on its own – without 'many strengths' – should not secure an 'excellent' judgement.",
)

CASE_STUDY_DUE = Citation(
    document=SECTOR_LEADING_2010,
    locator="case study",
    quote=(
        "The case study should be sent to Estyn within four weeks of the end of the on-site part of "
        "the inspection."
    ),
)

CASE_STUDY_INVITATION = Citation(
    document=SECTOR_LEADING_2010,
    locator="case study",
    quote=(
        "Where there is 'sector-leading practice', the reporting inspector will invite the provider to "
        "prepare a written case study of no more than 600 words, accompanied by any relevant "
        "illustrative material if appropriate, describing the excellent practice."
    ),
)
