"""One case under several frameworks: as recorded, and as each other regime's rules would see it.

The other regimes' views are projections: the case is carried across through the common themes
(:mod:`inspectorate.compare.mapping`) and run through that regime's own hooks (proposals,
follow-up category, dated events, report templates), exactly as a case recorded there would be.
No regime is named here, so a third regime's plugin takes part like the two built in.
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs
from attrs import field, frozen

from inspectorate.calendar.divisions import nation_name
from inspectorate.compare.mapping import (
    DEFAULT_GRADE_READING,
    GRADE_READINGS,
    CarriedEvidence,
    CarriedGrade,
    carry_evidence,
    carry_grade,
    carry_recommendation,
    combine_grades,
)
from inspectorate.compare.outline import Outline, outline_table, outlines
from inspectorate.compare.scales import common_mapping
from inspectorate.compare.table import DIFFERENT, SAME, Row, Table, mark
from inspectorate.compare.themes import COMMON_THEMES, theme_name
from inspectorate.compare.timeline import LEGEND, date_rows, shared_timeline, strips, undated
from inspectorate.evaluation import Evaluation, evaluate, framework_of, schedule
from inspectorate.frameworks import Framework, Regime
from inspectorate.i18n import core_words
from inspectorate.model import Case, FollowUpEvent, FollowUpRecord, Proposal, _tuple
from inspectorate.plugins import PluginHost


class CompareError(ValueError):
    """The comparison cannot be made (an unknown regime or framework); the message says which."""


@frozen
class Side:
    """One column of the comparison: the case under one framework."""

    regime: Regime
    framework: Framework
    case: Case
    projected: bool
    evaluation: Evaluation
    events: tuple[FollowUpEvent, ...] = field(converter=_tuple)
    outlines: tuple[Outline, ...] = field(converter=_tuple)
    evidence: tuple[CarriedEvidence, ...] = field(default=(), converter=_tuple)
    grades: tuple[CarriedGrade, ...] = field(default=(), converter=_tuple)
    notes: tuple[str, ...] = field(default=(), converter=_tuple)

    @property
    def label(self) -> str:
        return f"{self.regime.name()} · {self.framework.id} ({_shown_as(self.projected)})"

    @property
    def not_carried(self) -> list[CarriedEvidence]:
        return [e for e in self.evidence if not e.is_carried]

    def proposal(self, area_id: str) -> Proposal | None:
        return next((p for p in self.evaluation.proposals if p.area == area_id), None)

    def to_json(self) -> dict:
        return {
            "regime": self.regime.id,
            "framework": self.framework.id,
            "projected": self.projected,
            "label": self.label,
            "notes": list(self.notes),
            "judgements": [
                {"area": j.area, "grade": j.grade, "carried": self.projected} for j in self.case.judgements
            ],
            "proposals": [p.to_json() for p in self.evaluation.proposals],
            "follow_up": self.evaluation.follow_up.to_json() if self.evaluation.follow_up else None,
            "findings": [f.to_json() for f in self.evaluation.findings],
            "events": [e.to_json() for e in self.events],
            "evidence": [e.to_json() for e in self.evidence],
            "grades": [g.to_json() for g in self.grades],
            "reports": [o.to_json() for o in self.outlines],
        }


def _in_force(framework: Framework, day: dt.date | None) -> bool:
    if day is None:
        return False
    return (framework.valid_from is None or framework.valid_from <= day) and (
        framework.valid_to is None or day <= framework.valid_to
    )


def _distance(framework: Framework, day: dt.date) -> int:
    if framework.valid_from and day < framework.valid_from:
        return (framework.valid_from - day).days
    if framework.valid_to and day > framework.valid_to:
        return (day - framework.valid_to).days
    return 0


def choose_framework(regime: Regime, case: Case, today: dt.date) -> tuple[Framework, str]:
    """The regime's framework for this case: one that inspects its sector and was in force at the
    inspection (today, for an inspection not yet dated), else the nearest in time that inspects the
    sector, else the nearest of all."""
    _ = core_words()
    if not regime.frameworks:
        raise CompareError(_("regime {regime} has no frameworks", regime=repr(regime.id)))
    day = case.dates.start or case.dates.end or today
    sector = case.provider.sector
    fits = [f for f in regime.frameworks if sector in f.sectors]
    for framework in fits:
        if _in_force(framework, day):
            return framework, _("in force on {day} and inspects {sector}", day=day.isoformat(), sector=sector)
    if fits:
        nearest = min(fits, key=lambda f: _distance(f, day))
        return nearest, _("the nearest in time to {day} of its frameworks that inspect {sector}", day=day.isoformat(), sector=sector)
    nearest = min(regime.frameworks, key=lambda f: _distance(f, day))
    return nearest, _("none of its frameworks inspects {sector}; the nearest in time to {day}", day=day.isoformat(), sector=sector)


def _framework_for(host: PluginHost, wanted: str, case: Case, today: dt.date) -> tuple[Framework, str]:
    _ = core_words()
    framework = host.framework(wanted)
    if framework is not None:
        return framework, _("chosen by name")
    regime = host.regime(wanted)
    if regime is None:
        known = ", ".join(sorted(host.regimes)) or _("none")
        raise CompareError(_("no regime or framework {wanted} is loaded (regimes: {known})", wanted=repr(wanted), known=known))
    if regime.id == case.regime:
        return framework_of(host, case), _("the framework the case is recorded under")
    return choose_framework(regime, case, today)


def project(
    host: PluginHost, case: Case, source: Framework, target: Framework, grade_reading: str = DEFAULT_GRADE_READING
) -> tuple[Case, list[CarriedEvidence], list[CarriedGrade], list[str]]:
    """The case carried to ``target``: evidence and grades through the themes, the rest as recorded."""
    _ = core_words()
    regime = host.regime(target.regime)
    sector = case.provider.sector
    notes = []
    provider = case.provider
    if regime and regime.nations and provider.nation not in regime.nations:
        provider = attrs.evolve(provider, nation=regime.nations[0], local_authority="")
        notes.append(
            _(
                "Dates are counted on the working days of {nation}, where {regime} inspects (the provider is in {provider_nation}).",
                nation=nation_name(regime.nations[0]), regime=regime.name(), provider_nation=nation_name(case.provider.nation),
            )
        )
    if sector not in target.sectors:
        notes.append(
            _(
                "{framework} does not inspect the sector {sector} (it inspects {sectors}).",
                framework=target.id, sector=repr(sector), sectors=", ".join(target.sectors),
            )
        )
    evidence = [carry_evidence(e, source, target, sector) for e in case.evidence]
    mappings = functools.partial(common_mapping, host)
    grades = [carry_grade(j, source, target, sector, grade_reading, mappings) for j in case.judgements]
    notes.append(_("Grades: {meaning} (reading: {reading}).", meaning=_(GRADE_READINGS[grade_reading]), reading=grade_reading))
    recommendations = []
    for recommendation in case.recommendations:
        carried, left = carry_recommendation(recommendation, source, target, sector)
        recommendations.append(carried)
        if left:
            notes.append(
                _(
                    "Recommendation {priority} keeps its text, but not its link to {areas}: no counterpart in {framework}.",
                    priority=recommendation.priority, areas=", ".join(left), framework=target.id,
                )
            )
    own = [
        what
        for what, present in (
            (_("events recorded as done"), case.follow_up.done),
            (_("the follow-up category set by hand"), case.follow_up.category),
            (_("the inspector's calls ({calls})", calls=", ".join(case.inspector_calls)), case.inspector_calls),
            (_("the readings chosen for ambiguous guidance ({settings})", settings=", ".join(case.settings)), case.settings),
        )
        if present
    ]
    if own:
        notes.append(_("Not carried, as they belong to {framework}: {items}.", framework=source.id, items="; ".join(own)))
    projected = Case(
        provider=provider,
        regime=target.regime,
        framework=target.id,
        kind=case.kind if case.kind in target.visit_kinds else target.visit_kinds[0],
        dates=case.dates,
        team=case.team,
        judgements=combine_grades(target, grades),
        evidence=[e.carried for e in evidence if e.carried is not None],
        recommendations=recommendations,
        follow_up=FollowUpRecord(),
    )
    return projected, evidence, grades, notes


def _side(host, regime, framework, case, projected, today, lang, **extra) -> Side:
    return Side(
        regime=regime,
        framework=framework,
        case=case,
        projected=projected,
        evaluation=evaluate(host, case),
        events=schedule(host, case, today),
        outlines=outlines(host, case, today, lang),
        **extra,
    )


@frozen
class CaseComparison:
    case: Case
    sides: tuple[Side, ...] = field(converter=_tuple)
    grade_reading: str
    today: dt.date

    @property
    def labels(self) -> list[str]:
        return [s.label for s in self.sides]

    @property
    def title(self) -> str:
        others = ", ".join(s.framework.id for s in self.sides[1:])
        _ = core_words()
        return _(
            "{provider}: {framework} compared with {others}",
            provider=self.case.provider.name, framework=self.sides[0].framework.id, others=others,
        )

    @property
    def preface(self) -> list[str]:
        _ = core_words()
        return [
            _(
                "The first column is the case as recorded; the others are projections: the case carried "
                "through the common themes and run through that regime's own rules. Projections are not judgements."
            ),
            _("≠ marks a difference between the regimes, = agreement."),
        ]

    def tables(self) -> list[Table]:
        return [
            self._overview(),
            self._judgements(),
            self._evidence(),
            self._follow_up(),
            self._timeline(),
            self._reports(),
        ]

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "case": {"provider": self.case.provider.name, "regime": self.case.regime, "framework": self.case.framework},
            "grade_reading": self.grade_reading,
            "today": self.today.isoformat(),
            "sides": [s.to_json() for s in self.sides],
            "timeline": [m.to_json() for m in shared_timeline(self.case, [list(s.events) for s in self.sides])],
            "tables": [t.to_json() for t in self.tables()],
        }

    # -- the tables ------------------------------------------------------------------------------

    def _overview(self) -> Table:
        _ = core_words()
        rows = [
            Row(_("Regime"), [s.regime.name() for s in self.sides], mark([s.regime.id for s in self.sides])),
            Row(_("Framework"), [s.framework.name() for s in self.sides], mark([s.framework.id for s in self.sides])),
            Row(_("Shown as"), [_shown_as(s.projected) for s in self.sides]),
        ]
        notes = [f"{s.label}: {note}" for s in self.sides for note in s.notes]
        return Table(_("Case"), [_("Recorded and projected"), *self.labels], rows, notes=notes)

    def _judgement_cell(self, side: Side, theme: str) -> tuple[str, tuple | None]:
        """The cell text, and the place of its first grade on its scale (for marking differences)."""
        _ = core_words()
        parts, place = [], None
        if not any(theme in a.themes for a in side.framework.graded_areas):
            return _ungraded(side, theme), None
        for area in side.framework.graded_areas:
            if theme not in area.themes:
                continue
            scale = side.framework.scale_for(area.id)
            proposal = side.proposal(area.id)
            recorded = side.case.grade(area.id)
            if side.projected:
                grade_id = proposal.grade if proposal and proposal.grade else recorded
                how = _("projected") if proposal and proposal.grade else _("carried") if recorded else ""
            else:
                grade_id, how = recorded, _("recorded") if recorded else ""
            grade = scale.grade(grade_id) if scale and grade_id else None
            if grade is None:
                parts.append(f"{area.name()}: —")
                continue
            ceiling = " " + _("(at best)") if proposal and proposal.ceiling and side.projected else ""
            parts.append(f"{area.name()}: {grade.symbol} {grade.name()}{ceiling} [{how}]".replace("  ", " "))
            if place is None and scale is not None and (at := scale.place(grade.id)) is not None:
                place = (at / max(len(scale.grades) - 1, 1),)
        return "; ".join(parts), place

    def _judgements(self) -> Table:
        _ = core_words()
        themes = [t for t in COMMON_THEMES if any(t in a.themes for s in self.sides for a in s.framework.graded_areas)]
        no_area = _("no area")
        rows = []
        for theme in themes:
            cells = [self._judgement_cell(s, theme) for s in self.sides]
            places = [c[1] for c in cells]
            if any(p is not None for p in places):  # noqa: SIM108 - the else says why it differs
                row_mark = mark(places)
            else:  # nothing graded anywhere: differ only where some framework has no area at all
                row_mark = mark([c[0] == no_area for c in cells]).replace(SAME, "")
            rows.append(Row(theme_name(theme), [c[0] for c in cells], row_mark))
        recorded = self.sides[0]
        not_carried = [
            _("{side}: {grade} not carried: {reason}", side=side.label, grade=_grade_words(recorded, item.judgement), reason=item.reason)
            for side in self.sides[1:]
            for item in side.grades
            if item.carried is None
        ]
        notes = [
            *not_carried,
            _(
                "[{projected}]: proposed by that regime's own rules from the carried case; [{carried}]: the recorded "
                "grade at the same place on the scale, with no rule of that regime proposing otherwise. "
                "Projections are not judgements.",
                projected=_("projected"), carried=_("carried"),
            ),
            _(
                "= the grades stand at the same place on their scales; ≠ they do not, or one side has none "
                "(or no area for the theme); no mark: nothing is graded on any side."
            ),
        ]
        return Table(_("Judgements by theme"), [_("Theme"), *self.labels], rows, notes=notes)

    def _evidence(self) -> Table:
        _ = core_words()
        projected = [s for s in self.sides if s.projected]
        recorded = self.sides[0]
        rows = []
        for i, evidence in enumerate(self.case.evidence):
            area = recorded.framework.area(evidence.area)
            cells = [f"{area.name() if area else evidence.area} · {evidence.kind}"]
            carried_everywhere = True
            for side in projected:
                item = side.evidence[i]
                if item.carried is not None:
                    to_area = side.framework.area(item.carried.area)
                    to_name = to_area.name() if to_area else item.carried.area
                    cells.append(f"→ {to_name} · {item.carried.kind} ({item.reason})")
                else:
                    carried_everywhere = False
                    cells.append(_("not carried: {reason}", reason=item.reason))
            rows.append(Row(_short(evidence.text), cells, SAME if carried_everywhere else DIFFERENT))
        notes = [
            _(
                "{side}: {count} of {total} pieces of evidence could not be carried",
                side=side.label, count=len(side.not_carried), total=len(side.evidence),
            )
            for side in projected
        ]
        return Table(_("Evidence carried through the themes"), [_("Evidence"), *self.labels], rows, notes=notes)

    def _follow_up(self) -> Table:
        _ = core_words()
        categories = [s.evaluation.follow_up for s in self.sides]
        statutory = " " + _("(statutory)")
        rows = [
            Row(
                _("Category"),
                [f"{c.name}{statutory if c.statutory else ''}" if c else "—" for c in categories],
                mark([(c.id, c.statutory) if c else None for c in categories]),
            ),
            Row(_("Why"), [c.rationale if c else _("the rules give no category") for c in categories]),
            Row(_("Source"), [str(c.citation) if c else "—" for c in categories]),
            Row(_("Dated events"), [str(sum(1 for e in s.events if e.latest or e.earliest)) for s in self.sides],
                mark([sum(1 for e in s.events if e.latest or e.earliest) for s in self.sides])),
        ]
        return Table(_("Follow-up"), ["", *self.labels], rows)

    def _timeline(self) -> Table:
        _ = core_words()
        columns = [list(s.events) for s in self.sides]
        marks = shared_timeline(self.case, columns)
        short = [f"{s.framework.id} ({_('projection')})" if s.projected else s.framework.id for s in self.sides]
        # Sized for a 120-column reading width: wider columns for two regimes, narrower for more.
        column_width = max(38, min(54, (120 - 12) // len(short)))
        label_width = min(max(len(s) for s in short) + 2, 30)
        drawing = [
            *strips(marks, short, width=120 - label_width - 24, label_width=label_width),
            "",
            *date_rows(marks, short, column_width),
            "",
            _(LEGEND),
        ]
        notes = [
            _("{side}: {event} waits for {anchor}", side=self.sides[c].label, event=e.title, anchor=e.anchor.name)
            for c, e in undated(columns)
        ]
        return Table(_("Timeline"), ["", *self.labels], drawing=drawing, notes=notes)

    def _reports(self) -> Table:
        _ = core_words()
        return outline_table(_("Report outline"), self.labels, [list(s.outlines) for s in self.sides])


def _shown_as(projected: bool) -> str:
    """How a side is shown: "projection" or "recorded", in the language spoken."""
    _ = core_words()
    return _("projection") if projected else _("recorded")


def _grade_words(side: Side, judgement) -> str:
    """"Current performance: Unsatisfactory", in the recorded framework's words."""
    area = side.framework.area(judgement.area)
    scale = side.framework.scale_for(judgement.area)
    grade = scale.grade(judgement.grade) if scale else None
    return f"{area.name() if area else judgement.area}: {grade.name() if grade else judgement.grade}"


def _ungraded(side: Side, theme: str) -> str:
    """A theme the framework does not grade: its areas, in words, with the evidence they hold."""
    _ = core_words()
    areas = [a for a in side.framework.areas if theme in a.themes]
    if not areas:
        return _("no area")
    ids = {a.id for a in areas}
    kinds: dict[str, int] = {}
    for evidence in side.case.evidence:
        if evidence.area in ids:
            kinds[evidence.kind] = kinds.get(evidence.kind, 0) + 1
    held = ", ".join(f"{n} {kind}" for kind, n in kinds.items()) or _("no evidence")
    top = [a for a in areas if a.parent is None] or areas
    return _("{areas}: not graded ({held})", areas="; ".join(a.name() for a in top), held=held)


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def compare_case(
    host: PluginHost,
    case: Case,
    regimes: list[str],
    today: dt.date | None = None,
    grade_reading: str = DEFAULT_GRADE_READING,
    lang: str = "en",
) -> CaseComparison:
    """The case as recorded, then as each of ``regimes`` (regime or framework ids) would see it."""
    _ = core_words()
    if grade_reading not in GRADE_READINGS:
        raise CompareError(
            _("unknown grade reading {reading} (readings: {readings})", reading=repr(grade_reading), readings=", ".join(GRADE_READINGS))
        )
    today = today or dt.date.today()
    source = framework_of(host, case)
    own = host.regime(case.regime) or host.regime(source.regime)
    sides = [_side(host, own, source, case, False, today, lang)]
    for wanted in regimes:
        target, why = _framework_for(host, wanted, case, today)
        if target.id == source.id:
            continue
        projected, evidence, grades, notes = project(host, case, source, target, grade_reading)
        notes.insert(0, _("{framework}: {why}.", framework=target.name(), why=why))
        sides.append(
            _side(host, host.regime(target.regime), target, projected, True, today, lang,
                  evidence=evidence, grades=grades, notes=notes)
        )
    if len(sides) < 2:
        raise CompareError(_("nothing to compare with: name another regime or framework than the case's own"))
    return CaseComparison(case=case, sides=sides, grade_reading=grade_reading, today=today)
