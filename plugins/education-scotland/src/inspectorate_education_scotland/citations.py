"""The sentences of Education Scotland's published pages the rules encode, quoted exactly.

Confidence as the domain notes grade it: H, read on Education Scotland's own site; M, a secondary source.
"""

from inspectorate.model import Citation

BASE = "https://education.gov.scot/what-we-do/inspection-and-review/about-inspections-and-reviews/"
CONTINUING = BASE + "principles-and-frameworks/Continuing%20engagement"
TERMS = BASE + "principles-and-frameworks/Terms%20we%20use%20in%20the%20inspection%20process"
PRIMARY = "https://education.gov.scot/inspection-and-review/hm-chief-inspector-reports-and-guidance/inspection-and-review-guidance/school-and-elc/primary-school-inspections/"
SCRUTINY = "https://education.gov.scot/education-scotland/who-we-are/management/annual-programme-of-scrutiny/"
PARENTS = "https://www.edubuzz.org/pencaitland/category/nursery/"

NO_CONTINUING_ENGAGEMENT = Citation(
    document=CONTINUING, locator="1. No continuing engagement", confidence="H",
    quote="As a result, we will make no further visits in connection with this inspection.",
)
ADDITIONAL_SUPPORT = Citation(
    document=CONTINUING, locator="2. Additional support", confidence="H",
    quote="With support from the local authority or Board of Governors, and possibly Education Scotland, the "
    "establishment will be able to make the necessary improvements.",
)
PARENTS_INFORMED = Citation(
    document=CONTINUING, locator="2. Additional support", confidence="H",
    quote="Parents will be informed of the extent to which the establishment has improved.",
)
FURTHER_INSPECTION = Citation(
    document=CONTINUING, locator="3. Further inspection", confidence="H",
    quote="As a result of our inspection findings, we think that the establishment needs additional support and "
    "more time to make necessary improvements.",
)
IMPORTANT_WEAKNESSES = Citation(
    document=SCRUTINY, locator="Further inspections", confidence="H",
    quote="We currently anticipate carrying out 65 further inspections of schools where we have identified "
    "important weaknesses in the quality of education.",
)
WEAK_MEANS = Citation(document=TERMS, locator="the six-point scale", confidence="H", quote="weak means important weaknesses")
MODELS = Citation(
    document=PRIMARY, locator="1. Arrangements for inspecting schools", confidence="H",
    quote="This includes a full model inspection which covers four QIs, and a short model inspection which covers two QIs.",
)
LETTER_FOR_PARENTS = Citation(
    document=PARENTS, locator="After the inspection", confidence="M",
    quote="We will publish a letter for parents on our website and share it with the education authority or Board "
    "of Governors, and where appropriate to the Chairperson of the Parent Council.",
)
