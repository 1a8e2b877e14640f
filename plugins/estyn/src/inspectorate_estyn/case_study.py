"""Case studies of excellent practice: invited wherever the team finds sector-leading practice.

CIF 2010 ties sector-leading practice to an 'excellent' overall judgement (opening paragraph of the
2010 guidance); CIF 2017 grades five inspection areas with no overall judgement, so an 'excellent'
in any area brings the invitation.
"""

from __future__ import annotations

import datetime as dt

from inspectorate.model import TimingRule

from inspectorate_estyn import citations as cite
from inspectorate_estyn.events import deadline
from inspectorate_estyn.frameworks import CIF_2010, CIF_2017, OVERALL_2010

MAX_WORDS = 600
WEEKS_DUE = 4
TITLE = f"Case study of excellent practice due (at most {MAX_WORDS} words, with the senior leader's letter of approval)"
BASIS = "within four weeks of the end of the on-site part of the inspection"
CALENDAR = "calendar weeks (the guidance counts weeks, not working days)"


def excellent_areas(framework, case) -> list[str]:
    """The areas whose 'excellent' invites a case study under this framework."""
    if framework.id == CIF_2010:
        candidates = OVERALL_2010
    elif framework.id == CIF_2017:
        candidates = [a.id for a in framework.graded_areas]
    else:
        return []
    return [area for area in candidates if case.grade(area) == "excellent"]


def schedule(framework, case, calendar):
    if not excellent_areas(framework, case):
        return []
    end = case.dates.end
    return [
        deadline(
            "case-study",
            TITLE,
            end + dt.timedelta(weeks=WEEKS_DUE) if end else None,
            "inspection-end",
            end,
            BASIS,
            cite.CASE_STUDY_DUE,
            "estyn.case-study-due",
            CALENDAR,
        )
    ]


def timing_rules(framework) -> list[TimingRule]:
    """The case study's deadline in words, for the frameworks whose 'excellent' invites one."""
    if framework.id == CIF_2010:
        areas = " or ".join(framework.area(a).name().lower() for a in OVERALL_2010)
        when = f"'excellent' for {areas} (an overall judgement)"
    elif framework.id == CIF_2017:
        when = "'excellent' in any inspection area"
    else:
        return []
    return [TimingRule(event="case-study", title=TITLE, basis=f"{BASIS}, in {CALENDAR}", citation=cite.CASE_STUDY_DUE,
                       applies_when=when)]
