"""The common vocabulary two frameworks are compared in: themes for areas, kinds for evidence.

A framework maps each of its areas to one or more themes (``Area.themes``) and each of its own
evidence kinds to a common kind (``Framework.comparable_kinds``). Evidence recorded under one
framework reaches another only through these; anything that has no counterpart is listed as not
carried, never dropped. The themes follow what every inspectorate here looks at; they are the
project's comparison vocabulary, not any one inspectorate's.
"""

from __future__ import annotations

COMMON_THEMES: dict[str, str] = {
    "overall": "Overall effectiveness",
    "outcomes": "Outcomes and learning",
    "teaching": "Teaching and curriculum",
    "wellbeing": "Wellbeing, care and support",
    "behaviour": "Behaviour, attitudes and attendance",
    "inclusion": "Inclusion",
    "leadership": "Leadership and management",
    "safeguarding": "Safeguarding",
    "early-years": "Early years",
    "post-16": "Sixth form and post-16",
    "skills": "Skills needs",
}

#: Evidence kinds every framework can be compared in.
COMMON_KINDS: dict[str, str] = {
    "strength": "Strength",
    "area-for-improvement": "Area for improvement",
}


def theme_name(theme: str) -> str:
    """The theme's name; a theme outside the common vocabulary shows as its id."""
    return COMMON_THEMES.get(theme, theme)


def common_kind(framework, kind: str) -> str | None:
    """The common kind ``kind`` of ``framework`` counts as, or None when it has none."""
    if kind in COMMON_KINDS:
        return kind
    return framework.comparable_kinds.get(kind)
