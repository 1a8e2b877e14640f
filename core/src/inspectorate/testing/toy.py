"""A toy third inspectorate for tests: small, made up, and complete.

It shows (and lets a test prove) that a regime plugin takes part in everything, comparison
included, through the hooks alone. Nothing here is real guidance: every citation points at this
module. Register it with ``make_host(toy=inspectorate.testing.toy)``.

- one framework, ``toy-2026``: a three-point scale; teaching, wellbeing and leadership areas
  mapped to the common themes, and a "community" area with no common theme (so a comparison has
  something it cannot carry);
- overall is proposed as the weakest area grade;
- a provider with any area "weak" goes into "toy-review", with three declared timing rules: a
  review visit 40 to 60 working days after publication, a written plan within 15 working days,
  and, once the review visit is recorded done, a review letter within 10 working days of it (an
  event that only appears when another is done);
- one report template, ``toy-report`` (``TEMPLATE``), with a required "findings" section.

:func:`case` builds a toy case in one line (``inspectorate.casefile.write_case_file`` writes its
case file for a command to read).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import attrs

from inspectorate import hookimpl
from inspectorate.frameworks import Area, Framework, Grade, Regime, Scale
from inspectorate.model import Case, Citation, FollowUpCategory, FollowUpTrigger, Judgement, Proposal
from inspectorate.reports import ReportTemplate
from inspectorate.testing.builders import make_case
from inspectorate.timing import Timing, When, WorkingDays, done

#: The hook API versions this plugin works with (declare_timing_rules came in 1.2).
HOOK_API_SUPPORTED = ">=1.2,<2"

REGIME_ID = "toy"
FRAMEWORK_ID = "toy-2026"
SOURCE = "inspectorate.testing.toy (made up for tests)"


def cite(quote: str) -> Citation:
    return Citation(document=SOURCE, quote=quote)


OVERALL_RULE = cite("Overall is the weakest of the area grades.")
REVIEW_RULE = cite("Any area judged weak brings a toy review.")
VISIT_RULE = cite("The review visit falls 40 to 60 working days after publication.")
PLAN_RULE = cite("The provider sends a written plan within 15 working days of publication.")
LETTER_RULE = cite("The review letter is sent within 10 working days of the review visit.")

SCALE = Scale(
    id="toy-3-point",
    grades=[
        Grade(id="strong", names={"en": "Strong"}, rank=1, symbol="+"),
        Grade(id="sound", names={"en": "Sound"}, rank=2, symbol="="),
        Grade(id="weak", names={"en": "Weak"}, rank=3, symbol="-"),
    ],
)
FRAMEWORK = Framework(
    id=FRAMEWORK_ID,
    regime=REGIME_ID,
    names={"en": "Toy inspection framework 2026"},
    sectors=["school", "further-education"],
    scales=[SCALE],
    areas=[
        Area(id="teaching", names={"en": "Teaching"}, scale=SCALE.id, themes=["teaching", "outcomes"]),
        Area(id="wellbeing", names={"en": "Wellbeing"}, scale=SCALE.id, themes=["wellbeing", "safeguarding"]),
        Area(id="leadership", names={"en": "Leadership"}, scale=SCALE.id, themes=["leadership"]),
        Area(id="community", names={"en": "Community links"}, scale=SCALE.id),
        Area(id="overall", names={"en": "Overall"}, scale=SCALE.id, themes=["overall"]),
    ],
    evidence_kinds=["strength", "concern"],
    comparable_kinds={"concern": "area-for-improvement"},
    summary="A made-up framework for tests: three points, a toy review after any weak area.",
)
REGIME = Regime(id=REGIME_ID, names={"en": "Toy Inspectorate"}, nations=["scotland"], frameworks=[FRAMEWORK])
TEMPLATE = ReportTemplate(
    id="toy-report",
    titles={"en": "Toy inspection report"},
    frameworks=[FRAMEWORK_ID],
    directory=Path(__file__).parent / "toy_templates",
    required_sections=["findings"],
)


def _ours(framework) -> bool:
    return framework.id == FRAMEWORK_ID


def _weak(facts) -> bool:
    return any(j.grade == "weak" for j in facts.case.judgements if j.area != "overall")


@hookimpl
def register_regimes(register):
    register(REGIME)


@hookimpl
def register_report_templates(register):
    register(TEMPLATE)


@hookimpl
def propose_judgements(framework, case):
    if not _ours(framework):
        return None
    grades = [SCALE.grade(j.grade) for j in case.judgements if j.area != "overall" and SCALE.grade(j.grade)]
    if not grades:
        return []
    weakest = max(grades, key=lambda g: g.rank)
    return [Proposal(area="overall", grade=weakest.id, rationale="The weakest area grade.", citation=OVERALL_RULE, rule="toy.overall")]


@hookimpl
def classify_follow_up(framework, case):
    if not _ours(framework):
        return None
    if any(j.grade == "weak" for j in case.judgements if j.area != "overall"):
        return FollowUpCategory(id="toy-review", name="Toy review", rationale="An area is weak.", citation=REVIEW_RULE, rule="toy.review")
    return FollowUpCategory(id="none", name="No follow-up", rationale="No area is weak.", citation=REVIEW_RULE, rule="toy.review")


WEAK = When(_weak, "toy review")


@hookimpl
def declare_timing_rules(framework):
    if not _ours(framework):
        return None
    return [
        Timing("toy-plan", "Written plan", anchor="report-published", offset=WorkingDays(15), citation=PLAN_RULE,
               rule="toy.review", when=WEAK),
        Timing("toy-review-visit", "Review visit", anchor="report-published", offset=WorkingDays(40, 60),
               citation=VISIT_RULE, rule="toy.review", when=WEAK),
        Timing("toy-review-letter", "Review letter", anchor="toy-review-visit", offset=WorkingDays(10),
               citation=LETTER_RULE, rule="toy.review", when=WEAK & done("toy-review-visit", "the review visit is done")),
    ]


@hookimpl
def describe_follow_up_triggers(framework):
    if not _ours(framework):
        return None
    return [
        FollowUpTrigger(category="none", name="No follow-up", when="No area is weak.", citation=REVIEW_RULE),
        FollowUpTrigger(category="toy-review", name="Toy review", when="Any area is weak.", citation=REVIEW_RULE),
    ]


#: The area grades :func:`case` gives when none are named: one area weak, so a toy review follows.
WEAK_TEACHING = {"teaching": "weak", "wellbeing": "sound", "leadership": "strong", "community": "sound"}


def case(
    name: str = "Toy Primary School",
    *,
    published: dt.date | None = dt.date(2025, 5, 2),
    grades: Mapping[str, str] | None = None,
    done: Mapping[str, dt.date] | None = None,
    **changes,
) -> Case:
    """A toy case for ``name``: the kit's sample dates (published ``published``), the area
    ``grades`` given (by default :data:`WEAK_TEACHING`, so it is in a toy review) and the
    follow-up events ``done``; any other field of :class:`~inspectorate.model.Case` in ``changes``
    (a ``provider`` given there is used as it is, ``name`` and all)."""
    base = make_case(FRAMEWORK, nation="scotland")
    judged = WEAK_TEACHING if grades is None else grades
    changes.setdefault("provider", attrs.evolve(base.provider, name=name))
    return attrs.evolve(
        base,
        dates=attrs.evolve(base.dates, published=published),
        judgements=[Judgement(area=area, grade=grade) for area, grade in judged.items()],
        follow_up=attrs.evolve(base.follow_up, done=dict(done or {})),
        **changes,
    )
