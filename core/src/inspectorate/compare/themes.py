"""The common vocabulary two frameworks are compared in: themes for areas, kinds for evidence.

A framework maps each of its areas to one or more themes (``Area.themes``) and each of its own
evidence kinds to a common kind (``Framework.comparable_kinds``). Evidence recorded under one
framework reaches another only through these; anything that has no counterpart is listed as not
carried, never dropped. The themes follow what every inspectorate here looks at; they are the
project's comparison vocabulary, not any one inspectorate's.
"""

from __future__ import annotations

from inspectorate.i18n import N_, core_words

#: The themes, id -> name in English (the ids are the data; :func:`theme_name` shows a name).
COMMON_THEMES: dict[str, str] = {
    "overall": N_("Overall effectiveness"),
    "outcomes": N_("Outcomes and learning"),
    "teaching": N_("Teaching and curriculum"),
    "wellbeing": N_("Wellbeing, care and support"),
    "behaviour": N_("Behaviour, attitudes and attendance"),
    "inclusion": N_("Inclusion"),
    "leadership": N_("Leadership and management"),
    "safeguarding": N_("Safeguarding"),
    "early-years": N_("Early years"),
    "post-16": N_("Sixth form and post-16"),
    "skills": N_("Skills needs"),
}

#: Evidence kinds every framework can be compared in.
COMMON_KINDS: dict[str, str] = {
    "strength": N_("Strength"),
    "area-for-improvement": N_("Area for improvement"),
}


def theme_name(theme: str) -> str:
    """The theme's name in the language spoken; a theme outside the common vocabulary shows as its id."""
    return core_words()(COMMON_THEMES[theme]) if theme in COMMON_THEMES else theme


def common_kind(framework, kind: str) -> str | None:
    """The common kind ``kind`` of ``framework`` counts as, or None when it has none."""
    if kind in COMMON_KINDS:
        return kind
    return framework.comparable_kinds.get(kind)
