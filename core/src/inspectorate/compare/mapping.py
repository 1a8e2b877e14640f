"""Carrying a case from one framework to another through the common themes.

Evidence goes to the area of the other framework that shares the most themes with the area it was
recorded against; grades go the same way, by their place on the scale where the two scales have
the same number of points, else through the common scale (:mod:`inspectorate.compare.scales`)
where each side's regime says how its scale maps onto it. Whatever has no counterpart is kept in ``not_carried`` with the reason,
so a comparison can list it: nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
from attrs import field, frozen

from inspectorate.compare.scales import ScaleMapping, level_name
from inspectorate.compare.themes import common_kind, theme_name
from inspectorate.frameworks import Area, Framework
from inspectorate.i18n import N_, core_words
from inspectorate.model import Evidence, Judgement, Recommendation, _tuple

#: Readings of "what a grade on one scale is on another": the comparison's one ambiguous step
#: (reading -> its meaning in English; shown with ``core_words()(meaning)``).
GRADE_READINGS = {
    "same-place": N_(
        "a grade is carried to the same place on the other scale when both scales have "
        "as many points (Excellent on four points is Outstanding on four points); otherwise through the "
        "common scale, where each regime says how its scale maps onto it, and else it is not carried"
    ),
    "none": N_("no grade is carried; the other regime's rules see only the evidence"),
}
DEFAULT_GRADE_READING = "same-place"


@frozen
class AreaMatch:
    """Where one area of the source framework lands in the target framework."""

    source: Area
    target: Area | None
    themes: tuple[str, ...] = field(converter=_tuple)
    #: Other target areas sharing a theme, in order of fit (with no target: those of other sectors).
    alternatives: tuple[Area, ...] = field(default=(), converter=_tuple)
    sector: str = ""

    @property
    def reason(self) -> str:
        _ = core_words()
        if self.target is not None:
            return _("through {themes}", themes=", ".join(theme_name(t) for t in self.themes))
        if not self.source.themes:
            return _("area {area} maps to no common theme", area=self.source.name())
        if self.alternatives:
            names = ", ".join(a.name() for a in self.alternatives)
            return _("its counterpart ({names}) does not apply to the sector {sector}", names=names, sector=self.sector)
        return _("no area shares its themes ({themes})", themes=", ".join(theme_name(t) for t in self.source.themes))


@frozen
class CarriedEvidence:
    evidence: Evidence
    source_area: Area | None
    carried: Evidence | None
    match: AreaMatch | None
    reason: str

    @property
    def is_carried(self) -> bool:
        return self.carried is not None

    def to_json(self) -> dict:
        return {
            "text": self.evidence.text,
            "kind": self.evidence.kind,
            "area": self.evidence.area,
            "carried": self.is_carried,
            "to_area": self.carried.area if self.carried else None,
            "to_kind": self.carried.kind if self.carried else None,
            "themes": list(self.match.themes) if self.match and self.carried else [],
            "reason": self.reason,
        }


@frozen
class CarriedGrade:
    judgement: Judgement
    carried: Judgement | None
    reason: str

    def to_json(self) -> dict:
        return {
            "area": self.judgement.area,
            "grade": self.judgement.grade,
            "carried": self.carried is not None,
            "to_area": self.carried.area if self.carried else None,
            "to_grade": self.carried.grade if self.carried else None,
            "reason": self.reason,
        }


def _applies(area: Area, sector: str) -> bool:
    return not area.sectors or sector in area.sectors


def match_area(source: Area, target: Framework, sector: str) -> AreaMatch:
    """The target area that shares most themes with ``source``.

    Ties go to the area holding the source's first (main) theme, then to the area whose own main
    theme the source shares, then to a top-level area over a sub-area, then to the area whose id
    shares most words with the source's ("leadership-and-management"), then to framework order.
    """
    wanted = set(source.themes)
    words = set(source.id.split("-"))
    main = source.themes[0] if source.themes else None
    candidates = []
    for order, area in enumerate(target.areas):
        shared = wanted & set(area.themes)
        if not shared or not _applies(area, sector):
            continue
        fit = (
            -len(shared),
            main not in area.themes,
            area.themes[0] not in wanted,
            area.parent is not None,
            -len(words & set(area.id.split("-"))),
            order,
        )
        candidates.append((fit, area))
    if not candidates:
        elsewhere = [a for a in target.areas if wanted & set(a.themes)]
        return AreaMatch(source=source, target=None, themes=(), alternatives=elsewhere, sector=sector)
    candidates.sort(key=lambda c: c[0])
    best = candidates[0][1]
    themes = tuple(t for t in source.themes if t in best.themes)
    return AreaMatch(source=source, target=best, themes=themes, alternatives=[a for _, a in candidates[1:]])


def carry_evidence(evidence: Evidence, source: Framework, target: Framework, sector: str) -> CarriedEvidence:
    _ = core_words()
    area = source.area(evidence.area)
    if area is None:
        return CarriedEvidence(
            evidence, None, None, None, _("area {area} is not in {framework}", area=repr(evidence.area), framework=source.id)
        )
    match = match_area(area, target, sector)
    if match.target is None:
        return CarriedEvidence(evidence, area, None, match, match.reason)
    kind: str | None
    if evidence.kind in target.evidence_kinds:
        kind = evidence.kind
    else:
        kind = common_kind(source, evidence.kind)
        if kind is None or kind not in target.evidence_kinds:
            return CarriedEvidence(
                evidence, area, None, match,
                _("kind {kind} has no counterpart in {framework}", kind=repr(evidence.kind), framework=target.id),
            )
    carried = attrs.evolve(evidence, area=match.target.id, kind=kind, tags=())
    return CarriedEvidence(evidence, area, carried, match, match.reason)


def _place(framework: Framework, area_id: str, grade_id: str) -> tuple[int, int] | None:
    """(0-based place from the best, number of points) of a grade on its area's scale."""
    scale = framework.scale_for(area_id)
    place = scale.place(grade_id) if scale else None
    return None if scale is None or place is None else (place, len(scale.grades))


#: How a comparison finds a scale's mapping onto the common scale: (framework, scale) -> mapping or None.
CommonMappings = Callable[[Framework, object], ScaleMapping | None]


def carry_grade(
    judgement: Judgement,
    source: Framework,
    target: Framework,
    sector: str,
    reading: str,
    common: CommonMappings | None = None,
) -> CarriedGrade:
    """The judgement carried to ``target``: to the same place on a scale of as many points, else
    through the common scale when ``common`` finds both scales' mappings onto it."""
    _ = core_words()
    if reading == "none":
        return CarriedGrade(judgement, None, _("grades are not carried (reading: none)"))
    area = source.area(judgement.area)
    if area is None:
        return CarriedGrade(judgement, None, _("area {area} is not in {framework}", area=repr(judgement.area), framework=source.id))
    match = match_area(area, target, sector)
    if match.target is None:
        return CarriedGrade(judgement, None, match.reason)
    place = _place(source, judgement.area, judgement.grade)
    scale = target.scale_for(match.target.id)
    if place is None or scale is None:
        return CarriedGrade(judgement, None, _("{area} is not graded in {framework}", area=match.target.name(), framework=target.id))
    index, points = place
    if points != len(scale.grades):
        return _through_common(judgement, source, target, scale, match, common)
    grade = scale.best_first[index]
    carried = Judgement(area=match.target.id, grade=grade.id, by="carried across for comparison")
    return CarriedGrade(judgement, carried, _("same place on the scale, {reason}", reason=match.reason))


def _through_common(judgement, source, target, scale, match, common) -> CarriedGrade:
    _ = core_words()
    source_scale = source.scale_for(judgement.area)
    # Welsh keeps a noun singular after a figure, so one message serves every number.
    differ = _("the scales differ ({count} points against {other})", count=len(source_scale.grades), other=len(scale.grades))
    if common is None:
        return CarriedGrade(judgement, None, differ)
    mappings = [(source, source_scale, common(source, source_scale)), (target, scale, common(target, scale))]
    lacking = [(framework, s) for framework, s, mapping in mappings if mapping is None]
    if len(lacking) == 2:
        return CarriedGrade(judgement, None, differ)
    if lacking:
        framework, s = lacking[0]
        return CarriedGrade(
            judgement,
            None,
            _(
                "{differ} and {framework} does not say how its scale {scale} maps onto the common scale",
                differ=differ, framework=framework.id, scale=repr(s.id),
            ),
        )
    out, back = mappings[0][2], mappings[1][2]
    level = out.to_common.get(judgement.grade)
    grade_id = back.from_common.get(level) if level else None
    if grade_id is None or scale.grade(grade_id) is None:
        return CarriedGrade(judgement, None, _("{differ} and the mappings onto the common scale do not meet", differ=differ))
    source_grade, grade = source_scale.grade(judgement.grade), scale.grade(grade_id)
    carried = Judgement(area=match.target.id, grade=grade_id, by="carried across for comparison")
    return CarriedGrade(
        judgement,
        carried,
        _(
            "through the common scale: {grade} is {level} in {framework}, which is {other_grade} in {other}; {reason}",
            grade=source_grade.name(), level=level_name(level), framework=source.id,
            other_grade=grade.name(), other=target.id, reason=match.reason,
        ),
    )


def combine_grades(target: Framework, carried: list[CarriedGrade]) -> tuple[Judgement, ...]:
    """One judgement per target area: where two source grades land on one area, the weaker stands."""
    by_area: dict[str, Judgement] = {}
    for item in carried:
        if item.carried is None:
            continue
        judgement = item.carried
        earlier = by_area.get(judgement.area)
        if earlier is None:
            by_area[judgement.area] = judgement
            continue
        # Carried grades are on the target's scales (carry_grade makes them so); a grade off them never wins.
        place, earlier_place = _place(target, judgement.area, judgement.grade), _place(target, earlier.area, earlier.grade)
        if place is not None and (earlier_place is None or place > earlier_place):
            by_area[judgement.area] = judgement
    return tuple(by_area.values())


def carry_recommendation(
    recommendation: Recommendation, source: Framework, target: Framework, sector: str
) -> tuple[Recommendation, list[str]]:
    """The recommendation with its areas carried, and the source areas that had no counterpart."""
    areas, left = [], []
    for area_id in recommendation.areas:
        area = source.area(area_id)
        match = match_area(area, target, sector) if area else None
        if match and match.target:
            if match.target.id not in areas:
                areas.append(match.target.id)
        else:
            left.append(area.name() if area else area_id)
    return attrs.evolve(recommendation, areas=areas, progress=()), left
