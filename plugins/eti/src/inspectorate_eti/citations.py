"""The sentences of ETI's published pages the rules encode, quoted exactly, with their addresses.

Confidence as the domain notes grade it: H, read on ETI's own site; M, a copy or summary of it.
"""

from inspectorate.model import Citation

OUTCOMES_PAGE = "https://www.etini.gov.uk/inspection-outcome-and-what-happens-next"
CHIEF_INSPECTOR_2016 = "https://docslib.org/doc/1753830/chief-inspectors-report (ETI Chief Inspector's Report 2014-2016)"
def _outcomes(quote: str) -> Citation:
    return Citation(document=OUTCOMES_PAGE, locator="overall effectiveness conclusions", quote=quote, confidence="H")


FOUR_CONCLUSIONS = _outcomes("The outcome of a full inspection is one of four overall effectiveness conclusions.")
MONITOR_SUSTAINS = _outcomes("The ETI will monitor how the school sustains improvement.")
FOLLOW_UP_12_18 = _outcomes(
    "The school needs to address (an) important area(s) for improvement in the interest of all the learners. "
    "The ETI will monitor and report on the school's progress in addressing the area(s) for improvement. "
    "There will be a formal follow-up inspection in 12 to 18 months."
)
FOLLOW_UP_18_24 = _outcomes(
    "The school needs to address urgently the significant areas for improvement identified in the interest of "
    "all the learners. It requires external support to do so. The ETI will monitor and report on the school's "
    "progress in addressing the areas for improvement. There will be a formal follow-up inspection in 18 to 24 months."
)
PERFORMANCE_LEVELS = Citation(
    document=CHIEF_INSPECTOR_2016,
    locator="Performance levels",
    quote="The Education and Training Inspectorate (ETI) use the following performance levels when reporting on "
    "Achievement and standards, on Provision for learning and on Leadership and management: Outstanding Very Good "
    "Good Important area(s) for improvement Requires significant improvement Requires urgent improvement",
    confidence="M",
)
