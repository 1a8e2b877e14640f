"""The sentences of Estyn's and the Welsh Government's guidance that the rules encode, quoted exactly.

Every quote appears word for word in its document (the tests check each one). DOMAIN-NOTES.md
facts keep the confidence the notes give them: "H" from Estyn's own pages, "M" where a secondary
source (or a mix, "H/M") is all there is.
"""

import datetime as dt

from inspectorate.model import NO_GUIDANCE, UNSOURCED, Citation

SECTOR_LEADING_2010 = "estyn-2010-guidance-on-sector-leading-practice.txt"
CONSORTIA_2017 = "estyn-2017-follow-up-guidance-regional-consortia.txt"
ALC_2022 = "estyn-2022-what-we-inspect-adult-learning-in-the-community.txt"
SCHOOL_IMPROVEMENT_2022 = "welsh-government-2022-school-improvement-guidance.txt"
NOTES = "DOMAIN-NOTES.md"
#: The sectors each document rules, where it says so: the 2022 handbook is adult learning in the
#: community's, the Welsh Government's guidance is for schools and PRUs, the 2017 guidance is for
#: regional consortia ("from September 2017").
ALC_SECTORS = ("adult-learning-in-the-community",)
SCHOOL_SECTORS = ("school", "pupil-referral-unit")
CONSORTIUM_SECTORS = ("regional-consortium",)
CONSORTIA_FROM = dt.date(2017, 9, 1)
#: A rule no sentence of the guidance states: its citation says so instead of quoting another.
NO_SOURCE = NO_GUIDANCE

# -- CIF 2010: excellent, many strengths, sector-leading practice ------------------------------

EXCELLENT_NEEDS_SECTOR_LEADING = Citation(
    document=SECTOR_LEADING_2010,
    locator="opening paragraph",
    quote=(
        "If a provider gains an 'excellent' judgement for at least one of the two overall judgements, "
        "then the inspection team will have identified examples of sector-leading practice at the "
        "provider that warrant wider dissemination."
    ),
)

MANY_STRENGTHS_BEFORE_SECTOR_LEADING = Citation(
    document=SECTOR_LEADING_2010,
    locator="point 6",
    quote=(
        "When considering a judgement of 'excellent', inspectors need to make sure that there are "
        "'many strengths' before moving to a consideration of 'sector-leading practice'."
    ),
)

MANY_STRENGTHS_FIRST = Citation(
    document=SECTOR_LEADING_2010,
    locator="point 7",
    quote="'Sector-leading practice' on its own – without 'many strengths' – should not secure an 'excellent' judgement.",
)

#: The four tests of sector-leading practice (points 1 to 4), by the evidence tag that records each.
SECTOR_LEADING_TESTS = {
    "among-the-best": Citation(
        document=SECTOR_LEADING_2010,
        locator="point 1",
        quote="So, inspectors need to ask themselves if the practice they have seen is among the best they have observed in the sector.",
    ),
    "shared": Citation(
        document=SECTOR_LEADING_2010,
        locator="point 2",
        quote=(
            "So, inspectors need to ask whether the provider has already shared the practice they have "
            "seen with others, in networks of professional practice, both internally and externally."
        ),
    ),
    "innovative": Citation(
        document=SECTOR_LEADING_2010,
        locator="point 3",
        quote=(
            "'Sector-leading practice' is innovative and cutting edge work that pushes at the boundaries, "
            "but it does not have to be unique."
        ),
    ),
    "clear-impact": Citation(
        document=SECTOR_LEADING_2010,
        locator="point 4",
        quote=(
            "'Sector-leading practice' must be highly effective, and the effectiveness should be seen in "
            "terms of its clear impact on learners' progress and achievement."
        ),
    ),
}

#: The CIF 2010 grade descriptors, best first (DOMAIN-NOTES.md, H: Estyn's CIF page and reports).
DESCRIPTORS_2010 = {
    grade: Citation(document=NOTES, locator="Estyn (Wales), CIF 2010", quote=quote, confidence="H")
    for grade, quote in (
        ("excellent", "many strengths, including significant examples of sector-leading practice"),
        ("good", "many strengths and no important areas requiring significant improvement"),
        ("adequate", "strengths outweigh areas for improvement"),
        ("unsatisfactory", "important areas for improvement outweigh strengths"),
    )
}

# -- case studies of excellent practice --------------------------------------------------------

CASE_STUDY_INVITATION = Citation(
    document=SECTOR_LEADING_2010,
    locator="case study",
    quote=(
        "Where there is 'sector-leading practice', the reporting inspector will invite the provider to "
        "prepare a written case study of no more than 600 words, accompanied by any relevant "
        "illustrative material if appropriate, describing the excellent practice."
    ),
)

CASE_STUDY_DUE = Citation(
    document=SECTOR_LEADING_2010,
    locator="case study",
    quote=(
        "The case study should be sent to Estyn within four weeks of the end of the on-site part of "
        "the inspection."
    ),
)

# -- 2022 onwards: no grades, safeguarding, follow-up, report sections -------------------------

NO_GRADES_2022 = Citation(
    document=ALC_2022,
    sectors=ALC_SECTORS,
    locator="Evaluating each inspection area",
    quote="Inspection teams will not give overall grades for each inspection area.",
)

NO_SUMMATIVE_JUDGEMENTS = Citation(
    document=SCHOOL_IMPROVEMENT_2022,
    sectors=SCHOOL_SECTORS,
    locator="Estyn's inspection framework",
    quote=(
        "Following the recommendations from ‘A Learning Inspectorate’, summative judgements will be "
        "removed from inspection reports."
    ),
)

SAFEGUARDING_CONCERN = Citation(
    document=ALC_2022,
    sectors=ALC_SECTORS,
    locator="4.2 Safeguarding",
    quote=(
        "Where arrangements are a serious cause for concern, inspectors should include a recommendation "
        "in the report and Estyn will send a wellbeing letter to the partnership asking them to outline "
        "how they will address the shortcoming(s)."
    ),
)

#: The guidance in the project is silent on safeguarding outside adult learning in the community:
#: said so, rather than quoting the adult-learning handbook for a school.
SAFEGUARDING_CONCERN_ELSEWHERE = Citation(
    document=NO_SOURCE,
    locator="safeguarding that is a serious cause for concern, outside adult learning in the community",
    quote=(
        "The guidance is silent: only the adult-learning handbook (4.2 Safeguarding) says that a serious "
        "cause for concern brings a recommendation and a wellbeing letter; the rule applies the same to "
        "this sector until its own handbook is quoted."
    ),
    confidence=UNSOURCED,
)

SERIOUS_SHORTCOMINGS = Citation(
    document=ALC_2022,
    sectors=ALC_SECTORS,
    locator="Evaluating each inspection area",
    quote=(
        "Where inspectors identify serious shortcomings in one or more inspection areas, the partnership "
        "will normally require follow-up activity."
    ),
)

#: Serious shortcomings outside adult learning in the community: the guidance is silent.
SERIOUS_SHORTCOMINGS_ELSEWHERE = Citation(
    document=NO_SOURCE,
    locator="serious shortcomings, outside adult learning in the community",
    quote=(
        "The guidance is silent: only the adult-learning handbook says that serious shortcomings in one "
        "or more inspection areas will normally require follow-up activity; the rule applies the same "
        "to this sector until its own handbook is quoted."
    ),
    confidence=UNSOURCED,
)

OVERVIEW_LENGTH = Citation(
    document=ALC_2022,
    sectors=ALC_SECTORS,
    locator="Overview",
    quote=(
        "contain a short overview of the main findings (200-300 words), outlining the key strengths and "
        "any important weaknesses that require improvement"
    ),
)

RECOMMENDATIONS_IN_PRIORITY_ORDER = Citation(
    document=ALC_2022,
    sectors=ALC_SECTORS,
    locator="Recommendations",
    quote="be written in order of priority, not in the order of the guidance",
)

RECOMMENDATIONS_LINK_TO_AREAS = Citation(
    document=ALC_2022,
    sectors=ALC_SECTORS,
    locator="Recommendations",
    quote=(
        "link closely to the main evaluation areas of the inspection guidance, with the weightiest "
        "recommendations reflected in the overview"
    ),
)

WHAT_HAPPENS_NEXT = Citation(
    document=ALC_2022,
    sectors=ALC_SECTORS,
    locator="What happens next?",
    quote="The section will explain whether the partnership requires any level of follow-up activity by Estyn.",
)

# -- schools: categories, action plans, development plans, the cycle ----------------------------

SCHOOL_CATEGORIES = Citation(
    document=NOTES,
    locator="Estyn (Wales), Follow-up for schools",
    quote=(
        "none, Estyn review (not statutory), significant improvement and special measures (statutory; a "
        "post-inspection action plan within 20 working days)"
    ),
    confidence="H",
)

MONITORING_VISIT_MOVES_CATEGORY = Citation(
    document=NOTES,
    locator="Estyn (Wales), Follow-up for schools",
    quote="A monitoring visit can move a school into or out of a category.",
    confidence="H",
)

POST_16_ONE_LEVEL = Citation(
    document=NOTES,
    locator="Estyn (Wales), Follow-up for schools",
    quote="Post-16 sectors have one level of follow-up from 26 Feb 2024.",
    confidence="H",
    in_force_from=dt.date(2024, 2, 26),
    sectors=("further-education", "work-based-learning", "adult-learning-in-the-community"),
)

#: Post-16 follow-up before 26 February 2024, outside adult learning in the community.
POST_16_BEFORE_ONE_LEVEL = Citation(
    document=NO_SOURCE,
    locator="post-16 follow-up before 26 February 2024",
    quote=(
        "The guidance is silent on the levels of post-16 follow-up before 26 February 2024, when "
        "DOMAIN-NOTES.md says post-16 sectors came to have one level: the rule gives that one level."
    ),
    confidence=UNSOURCED,
    in_force_until=dt.date(2024, 2, 25),
)

DEVELOPMENT_PLAN_REVISED = Citation(
    document=SCHOOL_IMPROVEMENT_2022,
    sectors=SCHOOL_SECTORS,
    locator="Improvement priorities and school development plan",
    quote="This should be done within 20 working days,",
)

SIX_YEAR_CYCLE = Citation(
    document=SCHOOL_IMPROVEMENT_2022,
    sectors=SCHOOL_SECTORS,
    locator="Estyn's inspection framework",
    quote=(
        "The intention is that Estyn will inspect schools more frequently within a 6-year inspection "
        "period from 2024, on average twice within a cycle, at times determined by Estyn."
    ),
)

CORE_AND_INTERIM = Citation(
    document=NOTES,
    locator="Estyn (Wales), 2022 onwards",
    quote="one core inspection and one interim visit per six-year cycle (Sept 2024 to July 2030)",
    confidence="H",
)

NOTICE = Citation(
    document=NOTES,
    locator="Estyn (Wales), Notice",
    quote="20 working days before 2017, 15 from Sept 2017, 10 from 2024; interim visits 5 days.",
    confidence="M",
)

PUBLICATION = Citation(
    document=NOTES,
    locator="Estyn (Wales), Publication",
    quote="\"within 45 working days of the inspection\" on one Estyn page, \"45 days after the start\" on another",
    confidence="H",
)

# -- the frameworks' dates ---------------------------------------------------------------------

FRAMEWORK_DATES = Citation(
    document=NO_SOURCE,
    locator="the dates of each framework",
    quote=(
        "The guidance is silent on the dates each framework applies between: they are the framework "
        "file's valid_from and valid_to, from Estyn's own pages."
    ),
    confidence=UNSOURCED,
)

#: The sentence that gives the guidance's dates, cited when a visit falls outside them (so not
#: itself scoped to them).
CONSORTIUM_FROM_SEPTEMBER_2017 = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    locator="introduction",
    quote="This document provides guidance on follow-up activity for the inspection of regional consortia from September 2017.",
)

# -- regional consortia: the 2017 follow-up -------------------------------------------------------

CONSORTIUM_VISIT_ABOUT_A_YEAR = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    in_force_from=CONSORTIA_FROM,
    locator="introduction",
    quote="Instead, a monitoring visit will be made to each regional consortium, about a year after its inspection.",
)

CONSORTIUM_ONE_WEEK = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    in_force_from=CONSORTIA_FROM,
    locator="introduction",
    quote="The follow-up visit will take no longer than one week.",
)

CONSORTIUM_NOTICE = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    in_force_from=CONSORTIA_FROM,
    locator="introduction",
    quote="Consortia will be formally notified of their visit at least four weeks in advance (discounting school holidays).",
)

CONSORTIUM_PROGRESS_EACH_RECOMMENDATION = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    in_force_from=CONSORTIA_FROM,
    locator="introduction",
    quote=(
        "After the visit, Estyn will write to the consortium with an evaluation and judgement of the "
        "progress it has made in addressing each recommendation."
    ),
)

CONSORTIUM_LIMITED_PROGRESS = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    in_force_from=CONSORTIA_FROM,
    locator="Guidance on undertaking follow-up visits",
    quote=(
        "If the consortium is deemed to have only made limited progress in one or more recommendations "
        "then the follow-up team should consider carefully whether to amend or make additional "
        "recommendations."
    ),
)

CONSORTIUM_ORAL_FEEDBACK = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    in_force_from=CONSORTIA_FROM,
    locator="Formal feedback",
    quote=(
        "At the end of the on-site part of the follow-up visit, the reporting inspector along with members "
        "of the follow-up team will provide oral feedback to the joint committee or company board and, by "
        "agreement, other senior staff of the consortium or its local authorities."
    ),
)

CONSORTIUM_DRAFT_LETTER = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    in_force_from=CONSORTIA_FROM,
    locator="Post-visit",
    quote="The letter will be sent no later than 10 working days from the final day of the visit.",
)

CONSORTIUM_FACTUAL_ACCURACY = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    in_force_from=CONSORTIA_FROM,
    locator="Post-visit",
    quote="Estyn will allow five working days for the consortium to check the factual accuracy of the letter.",
)

CONSORTIUM_FINAL_LETTER = Citation(
    document=CONSORTIA_2017,
    sectors=CONSORTIUM_SECTORS,
    in_force_from=CONSORTIA_FROM,
    locator="Post-visit",
    quote=(
        "Estyn will then finalise the letter and send it no later than 20 working days from the final "
        "day of the visit."
    ),
)

# -- drafting: what a finished report must hold -------------------------------------------------

CLEAR_EVALUATION_EACH_AREA = Citation(
    document=ALC_2022,
    sectors=ALC_SECTORS,
    locator="Evaluating each inspection area",
    quote=(
        "Inspectors will always include clear evaluations in relation to the reporting requirements in "
        "each inspection area, as exemplified in this handbook."
    ),
)


#: Gaps in the school reports: the project's guidance sets out no school report's sections.
SCHOOL_REPORT_GAPS = Citation(
    document=NO_SOURCE,
    locator="the sections of a school report",
    quote=(
        "The guidance is silent on what a school report must hold: only the adult-learning handbook sets "
        "out report sections, so a gap here is simply a part of the draft still to be written."
    ),
    confidence=UNSOURCED,
    sectors=SCHOOL_SECTORS,
)


def follow_up_category(case) -> Citation:
    """The sentence that says which follow-up categories a provider can be in, on the case's dates."""
    if case.provider.sector in SCHOOL_SECTORS:
        return SCHOOL_CATEGORIES
    day = case.dates.start or case.dates.end
    if day is None or POST_16_ONE_LEVEL.in_force_on(day):
        return POST_16_ONE_LEVEL
    if case.provider.sector in ALC_SECTORS:
        return SERIOUS_SHORTCOMINGS
    return POST_16_BEFORE_ONE_LEVEL


NO_SUMMATIVE_FROM_2022 = Citation(
    document=NOTES,
    locator="Estyn (Wales), 2022 onwards",
    quote="no summative judgements; the five areas stay (area 1 renamed learning).",
    confidence="H",
)


def no_grades(case) -> Citation:
    """The sentence that says an area gets no grade: the handbook for adult learning, the Welsh
    Government's guidance for schools, DOMAIN-NOTES.md for the other post-16 sectors."""
    if case.provider.sector in SCHOOL_SECTORS:
        return NO_SUMMATIVE_JUDGEMENTS
    if case.provider.sector in ALC_SECTORS:
        return NO_GRADES_2022
    return NO_SUMMATIVE_FROM_2022


def serious_shortcomings(case) -> Citation:
    """The sentence that says serious shortcomings normally bring follow-up, for this provider's sector."""
    if case.provider.sector in ALC_SECTORS:
        return SERIOUS_SHORTCOMINGS
    return SERIOUS_SHORTCOMINGS_ELSEWHERE


def safeguarding(case) -> Citation:
    """The sentence the safeguarding rules rest on for this provider's sector."""
    if case.provider.sector == "adult-learning-in-the-community":
        return SAFEGUARDING_CONCERN
    return SAFEGUARDING_CONCERN_ELSEWHERE


def safeguarding_under(framework) -> Citation:
    """The sentence a framework's safeguarding rules rest on, for describing them without a case."""
    if "adult-learning-in-the-community" in framework.sectors:
        return SAFEGUARDING_CONCERN
    return SAFEGUARDING_CONCERN_ELSEWHERE


def all_citations() -> dict[str, Citation]:
    """Every citation in this module by name, so a test can check each quote against its document."""
    found = {}
    for name, value in globals().items():
        if isinstance(value, Citation):
            found[name] = value
        elif isinstance(value, dict) and name.isupper():
            found.update({f"{name}[{key}]": c for key, c in value.items() if isinstance(c, Citation)})
    return found
