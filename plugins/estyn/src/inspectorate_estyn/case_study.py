"""Case studies of excellent practice: invited wherever the team records sector-leading practice.

CIF 2010 ties sector-leading practice to an 'excellent' overall judgement (opening paragraph of the
2010 guidance); CIF 2017 grades five inspection areas with no overall judgement, so an 'excellent'
in any area brings the invitation.
"""

from __future__ import annotations

from inspectorate import timing
from inspectorate.timing import Timing, Weeks

from inspectorate_estyn import citations as cite
from inspectorate_estyn.frameworks import CIF_2010, CIF_2017, OVERALL_2010
from inspectorate_estyn.words import words

MAX_WORDS = 600
WEEKS_DUE = 4


def excellent_areas(framework, case) -> list[str]:
    """The areas whose 'excellent' invites a case study under this framework."""
    if framework.id == CIF_2010:
        candidates = OVERALL_2010
    elif framework.id == CIF_2017:
        candidates = [a.id for a in framework.graded_areas]
    else:
        return []
    return [area for area in candidates if case.grade(area) == "excellent"]


PRACTICE_SETTING = "case-study-practice"


def practice_inviting_a_case_study(framework, case) -> list:
    """The sector-leading practice that invites a case study, as the case-study-practice setting reads
    "Where there is 'sector-leading practice'": anywhere at the provider, or only in an area judged
    excellent."""
    practice = [e for e in case.evidence if e.kind == "sector-leading-practice"]
    if framework.setting(case.settings, PRACTICE_SETTING) == "anywhere-at-the-provider":
        return practice
    excellent = set(excellent_areas(framework, case))
    if framework.id == CIF_2010 and excellent:
        return practice  # the overall judgements stand over every key question
    return [e for e in practice if case.grade(e.area) == "excellent"]


def declarations(framework, language: str = "en") -> list:
    if framework.id not in (CIF_2010, CIF_2017):
        return []
    _ = words(language)
    invited = timing.When(
        lambda facts: bool(practice_inviting_a_case_study(facts.framework, facts.case)),
        _("sector-leading practice is recorded (anywhere at the provider, or only in an area judged excellent, "
          "as the {setting} setting reads it)", setting=PRACTICE_SETTING),
    )
    title = _("Case study of excellent practice due (at most {words} words, with the senior leader's letter of approval)",
              words=MAX_WORDS)
    return [
        Timing(
            "case-study", title, anchor="inspection-end", offset=Weeks(WEEKS_DUE), citation=cite.CASE_STUDY_DUE,
            rule="estyn.case-study-due", when=invited, setting=PRACTICE_SETTING,
        )
    ]
