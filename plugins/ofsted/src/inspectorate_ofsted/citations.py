"""The sentences of Ofsted's guidance that the rules encode, quoted exactly."""

from inspectorate.model import Citation

SUPPORT_AND_CHALLENGE_2013 = "ofsted-2013-support-and-challenge-fes-requires-improvement.txt"


def _para(number: int, quote: str) -> Citation:
    return Citation(document=SUPPORT_AND_CHALLENGE_2013, locator=f"paragraph {number}", quote=quote)


INADEQUATE_MONITORING = _para(
    2,
    "This involves a re-inspection monitoring visit after six to eight months and a full re-inspection "
    "after 12 to 15 months.",
)
IMPROVEMENT_VISIT = _para(
    10,
    "Where a provider has been judged to require improvement at the most recent inspection, an HMI will "
    "contact the provider's principal or chief executive to offer a visit to the provider by the HMI (the "
    "improvement HMI) at a mutually convenient time normally between 10 and 30 working days after the "
    "publication of the inspection report.",
)
IMPROVEMENT_HMI_SEPARATE = _para(
    12,
    "In order to maintain a clear separation of roles, improvement HMI will not normally be one of those "
    "who carried out the last inspection.",
)
REINSPECTION_RI = _para(
    12,
    "The re-inspection will occur 12 to 18 months after the inspection which found the provider to "
    "require improvement.",
)
IMPROVEMENT_LETTER = _para(
    14,
    "Within five working days of the visit, the inspector will send to the principal/chief executive a "
    "brief letter summarising the agreed priorities for improvement and other matters discussed at the visit.",
)
