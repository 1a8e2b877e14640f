"""The common scale grades are compared on when two frameworks' scales have different numbers of points.

A grade is carried to the same place on the other scale when both scales have as many points
(:mod:`inspectorate.compare.mapping`). Otherwise it goes through the common scale: the regime of
each side says, through the ``map_grade_scale`` hook (hook API 1.3), which common level each of
its grades is and which of its grades each common level is. A scale with as many points as the
common scale and no mapping of its own maps by place. The levels are the project's comparison
vocabulary, not any one inspectorate's.
"""

from __future__ import annotations

from attrs import field, frozen

from inspectorate.frameworks import Framework, Scale
from inspectorate.i18n import N_, core_words
from inspectorate.model import Citation

#: The common scale, best first: id -> what the level means, in words every regime's scale can be read in
#: (English, "Name: meaning"; :func:`level_name` and :func:`level_meaning` give them in the language spoken).
COMMON_SCALE: dict[str, str] = {
    "excellent": N_("Excellent: outstanding, sector-leading practice"),
    "good": N_("Good: strengths clearly outweigh any areas for improvement"),
    "needs-improvement": N_("Needs improvement: strengths just outweigh weaknesses; important aspects need improving"),
    "inadequate": N_("Inadequate: important or major weaknesses that need urgent improvement"),
}


def _mapping(value) -> dict[str, str]:
    return dict(value or {})


@frozen
class ScaleMapping:
    """How one scale of a framework maps onto the common scale, and back.

    ``to_common`` gives the common level (a key of :data:`COMMON_SCALE`) of every grade of the
    scale; ``from_common`` gives the grade of the scale that stands for each common level (a
    six-point scale maps two of its grades onto one level, and says which of the two a level
    carried in becomes). ``basis`` says in words why, ``citation`` the sentence it rests on.
    """

    #: The id of the framework's scale it maps.
    scale: str
    #: Each grade id of the scale -> its common level.
    to_common: dict[str, str] = field(converter=_mapping)
    #: Each common level -> the grade id that stands for it.
    from_common: dict[str, str] = field(converter=_mapping)
    #: Why, in words.
    basis: str = ""
    #: The sentence it rests on, if any.
    citation: Citation | None = None


def mapping_problem(mapping: ScaleMapping, framework=None, scale=None) -> str | None:
    """What is wrong with a mapping given for ``scale`` of ``framework``, or None when it is whole."""
    _ = core_words()
    if scale is not None and mapping.scale != scale.id:
        return _("mapped scale {mapped}, but was asked for scale {scale}", mapped=repr(mapping.scale), scale=repr(scale.id))
    levels = set(COMMON_SCALE)
    unknown = sorted(set(mapping.to_common.values()) - levels) + sorted(set(mapping.from_common) - levels)
    if unknown:
        return _("names {name}, not a level of the common scale ({levels})", name=repr(unknown[0]), levels=", ".join(COMMON_SCALE))
    missing_levels = [level for level in COMMON_SCALE if level not in mapping.from_common]
    if missing_levels:
        return _("gives no grade of scale {scale} for the common level {level}", scale=repr(mapping.scale), level=repr(missing_levels[0]))
    if scale is not None:
        grades = set(scale.grade_ids)
        missing = [g for g in scale.grade_ids if g not in mapping.to_common]
        if missing:
            return _("gives no common level for grade {grade} of scale {scale}", grade=repr(missing[0]), scale=repr(scale.id))
        strange = sorted((set(mapping.to_common) | set(mapping.from_common.values())) - grades)
        if strange:
            return _("names {name}, not a grade of scale {scale}", name=repr(strange[0]), scale=repr(scale.id))
    return None


def by_place(scale: Scale) -> ScaleMapping | None:
    """The mapping of a scale with as many points as the common scale, by place; None for any other."""
    if len(scale.grades) != len(COMMON_SCALE):
        return None
    _ = core_words()
    pairs = list(zip((g.id for g in scale.best_first), COMMON_SCALE, strict=True))
    return ScaleMapping(
        scale=scale.id,
        to_common={grade: level for grade, level in pairs},
        from_common={level: grade for grade, level in pairs},
        basis=_("by place: the scale has {count} points, as the common scale does", count=len(COMMON_SCALE)),
    )


def common_mapping(host, framework: Framework, scale: Scale) -> ScaleMapping | None:
    """The regime's mapping of ``scale`` onto the common scale, else the mapping by place, else None.

    A mapping that is not whole is reported under its plugin (the host checks what the hook
    returns), so the grade is then listed as not carried rather than carried wrongly.
    """
    given = host.call_first("map_grade_scale", framework=framework, scale=scale) if host is not None else None
    return given if given is not None else by_place(scale)


def level_name(level: str) -> str:
    """The common level's name in the language spoken ("Needs improvement")."""
    return core_words()(COMMON_SCALE[level]).split(":")[0]


def level_meaning(level: str) -> str:
    """The common level's name and meaning in the language spoken."""
    return core_words()(COMMON_SCALE[level])
