"""The sentences of Ofsted's guidance that the rules encode, quoted exactly.

Two sources: the 2013 support-and-challenge guidance (primary, for CIF 2012) and the project's
domain notes (secondary facts about the later frameworks, graded H or M as the notes grade them).
Every quote here is checked word for word against its document by the plugin's tests.
"""

import datetime as dt

from inspectorate.model import NO_GUIDANCE, UNSOURCED, Citation

SUPPORT_AND_CHALLENGE_2013 = "ofsted-2013-support-and-challenge-fes-requires-improvement.txt"
DOMAIN_NOTES = "DOMAIN-NOTES.md"


#: "This guidance takes effect from January 2013."
SUPPORT_AND_CHALLENGE_FROM = dt.date(2013, 1, 1)
#: The EIF 2019's dates in the domain notes: "EIF 2019 (Sept 2019 to 9 Nov 2025)".
EIF_FROM, EIF_UNTIL = dt.date(2019, 9, 1), dt.date(2025, 11, 9)
#: "Renewed framework, report cards, from 10 Nov 2025".
RENEWED_FROM = dt.date(2025, 11, 10)


def _para(number: int, quote: str) -> Citation:
    return Citation(
        document=SUPPORT_AND_CHALLENGE_2013, locator=f"paragraph {number}", quote=quote,
        in_force_from=SUPPORT_AND_CHALLENGE_FROM,
    )


def _notes(section: str, confidence: str, quote: str, **scope) -> Citation:
    return Citation(
        document=DOMAIN_NOTES, locator=f"Ofsted (England), {section}", quote=quote, confidence=confidence, **scope
    )


EIF = {"in_force_from": EIF_FROM, "in_force_until": EIF_UNTIL}
RENEWED = {"in_force_from": RENEWED_FROM}


# -- CIF 2012: the 2013 support-and-challenge guidance ---------------------------------------------

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
IMPROVEMENT_HMI_NOT_NEXT = _para(
    12,
    "They will also not normally be one of those HMI who will carry out the subsequent re-inspection.",
)
REINSPECTION_RI = _para(
    12,
    "The re-inspection will occur 12 to 18 months after the inspection which found the provider to "
    "require improvement.",
)
BRING_FORWARD = _para(
    12,
    "The improvement HMI can request that the re-inspection be brought forward from the 12 to 18 months window.",
)
REINSPECTION_NOTICE = _para(12, "The provider will receive two working days' notice of the re-inspection.")
AGREED_ACTIONS_AND_TIMESCALES = _para(
    13,
    "discuss and agree the points of action that the provider will take and the timescales for doing so in "
    "order to address the areas for improvement and so improve to good or outstanding",
)
IMPROVEMENT_LETTER = _para(
    14,
    "Within five working days of the visit, the inspector will send to the principal/chief executive a "
    "brief letter summarising the agreed priorities for improvement and other matters discussed at the visit.",
)
LETTER_NOT_PUBLISHED = _para(14, "The feedback letter will not be published on the Ofsted website.")
LETTER_FACTUAL_ACCURACY = _para(14, "The content of the letter will be checked for factual accuracy with the provider.")
SUPPORT_STRATEGIES = _para(
    15,
    "The following is an indicative range of intervention and support strategies that the improvement HMI "
    "may choose to employ and/or recommend when visiting a provider.",
)
STRATEGIES_NOT_EXHAUSTIVE = _para(
    15, "The strategies are not mutually exclusive and the list is not exhaustive."
)
CONFIRM_IN_WRITING = _para(18, "At each stage, HMI will confirm in writing agreed actions.")
NOT_YET_GOOD = _para(
    7,
    "However, Ofsted is introducing additional challenge to, and support for, those providers that are not "
    "yet judged to be good.",
)

# -- the frameworks' dates (domain notes) ---------------------------------------------------------

CIF_2012_DATES = _notes("CIF 2012", "M", "CIF 2012 (FE and skills, from Sept 2012)")
EIF_2019_DATES = _notes("EIF 2019", "M", "EIF 2019 (Sept 2019 to 9 Nov 2025)")
RENEWED_2025_DATES = _notes("renewed framework", "H", "Renewed framework, report cards, from 10 Nov 2025")

# -- EIF 2019 (domain notes) ----------------------------------------------------------------------

EIF_KEY_JUDGEMENT_LIMITS_OVERALL = _notes("EIF 2019", "M", "Any key judgement inadequate → overall inadequate.", **EIF)
EIF_SAFEGUARDING_INEFFECTIVE = _notes(
    "EIF 2019",
    "M",
    "Ineffective safeguarding is likely to make leadership and management, and so overall, inadequate;",
    **EIF,
)
EIF_SAFEGUARDING_MINOR_WEAKNESSES = _notes(
    "EIF 2019", "M", "minor safeguarding weaknesses easy to put right can still allow requires improvement.",
    **EIF,
)
EIF_OTHER_COMBINATIONS = _notes(
    "EIF 2019", "M", 'Other combinations are "likely", so propose and let the inspector override with a reason.',
    **EIF,
)
EIF_NO_OVERALL_FOR_STATE_SCHOOLS = _notes(
    "EIF 2019", "H", "State schools inspected from 2 Sept 2024 get the four key judgements but no overall grade.",
    in_force_from=dt.date(2024, 9, 2), in_force_until=EIF_UNTIL,
)

# -- the renewed framework of 2025 (domain notes) -------------------------------------------------

RENEWED_SCALE = _notes(
    "renewed framework",
    "M",
    "each evaluation area graded on five points, best first: exceptional, strong standard, expected standard, "
    "needs attention, urgent improvement;",
    **RENEWED,
)
RENEWED_NO_OVERALL = _notes("renewed framework", "M", "safeguarding is met or not met; no overall grade.", **RENEWED)
RENEWED_SCHOOL_AREAS = _notes(
    "renewed framework",
    "M",
    "School areas: inclusion; curriculum and teaching; achievement; attendance and behaviour; personal "
    "development and well-being; leadership and governance (plus early years / sixth form where relevant).",
    **RENEWED,
)
SPECIAL_MEASURES = _notes(
    "renewed framework, school categories",
    "M",
    "*special measures* if leadership and governance is urgent improvement and another area is urgent "
    "improvement or safeguarding is not met;",
    **RENEWED,
)
REQUIRES_SIGNIFICANT_IMPROVEMENT = _notes(
    "renewed framework, school categories",
    "M",
    "otherwise *requires significant improvement* if any area is urgent improvement or safeguarding is not met.",
    **RENEWED,
)
FE_MONITORING_OF_THAT_TYPE = _notes(
    "renewed framework, FE and skills monitoring",
    "H",
    "any area urgent improvement or safeguarding not met → monitoring of that type;",
    **RENEWED,
)
FE_NEEDS_ATTENTION_MONITORING = _notes(
    "renewed framework, FE and skills monitoring",
    "H",
    'else any area needs attention → "needs attention" monitoring; else none.',
    **RENEWED,
)

# -- reporting since April 2024 (domain notes) ----------------------------------------------------

DRAFT_REPORT_COMMENTS = _notes(
    "reporting since 5 April 2024", "M", "Since 5 Apr 2024: 5 working days to comment on a draft report;",
    in_force_from=dt.date(2024, 4, 5),
)

# -- what no sentence of the guidance states -----------------------------------------------------

REPORT_SECTIONS = Citation(
    document=NO_GUIDANCE,
    locator="the sections of Ofsted's report and letter outlines",
    quote=(
        "The guidance is silent on the sections of this report or letter: they are the outline the "
        "template drafts, not a requirement of the guidance."
    ),
    confidence=UNSOURCED,
)
