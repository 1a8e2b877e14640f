"""Words a screen shows for the ids a case holds: areas, kinds, severities."""

from __future__ import annotations

from collections.abc import Iterable

from inspectorate.frameworks import Area, Framework
from inspectorate.wording import SEVERITY_LABELS, STATUS_LABELS, id_words
from rich.cells import split_graphemes

from inspectorate_tui.words import N_, _

#: A finding's severity as mark and word, never colour alone; worst first.
SEVERITY = SEVERITY_LABELS

#: The core's marks and words (``inspectorate.wording``) as the catalogue knows them, so the app
#: tells them in the language spoken.
_CORE_LABELS = (
    N_("✖ error"), N_("▲ warning"), N_("ℹ note"),
    N_("✓ done"), N_("‼ overdue"), N_("! due soon"), N_("• open"), N_("○ upcoming"), N_("… waiting"),
)


def severity_label(severity: str) -> str:
    """A finding's severity as mark and word (``✖ error``), in the language spoken."""
    return _(SEVERITY_LABELS[severity]) if severity in SEVERITY_LABELS else severity


def status_label(status: str) -> str:
    """A follow-up event's status as mark and word (``‼ overdue``), in the language spoken."""
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def words(identifier: str) -> str:
    """An identifier as the person reads it, in the language spoken: ``area-for-improvement`` ->
    ``area for improvement`` (the core's words for the ids frameworks share)."""
    return id_words(identifier)


def call_label(call_id: str) -> str:
    """An inspector's call (``Framework.inspector_calls``) as its tick box names it."""
    return words(call_id).capitalize()


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` terminal cells, ending in … when cut.

    Counted in cells, not characters: an emoji takes two cells and a letter with a combining
    accent (w + ̂ for ŵ) one, and a cut never falls inside a grapheme (an emoji and its skin-tone
    modifier, a letter and its accent), so nothing is shifted or split.
    """
    line = " ".join(text.split())
    graphemes, cells = split_graphemes(line)
    if cells <= width:
        return line
    room, end = max(width - 1, 0), 0
    for _start, stop, size in graphemes:
        if size > room:
            break
        room, end = room - size, stop
    return line[:end] + "…"


def _depth(framework: Framework, area: Area) -> int:
    depth, seen = 0, {area.id}
    while area.parent and (parent := framework.area(area.parent)) and parent.id not in seen:
        depth, area = depth + 1, parent
        seen.add(area.id)
    return depth


def area_choices(framework: Framework | None, keep: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(label, area id) for every area of the framework, sub-areas indented under their parent.

    Ids in ``keep`` that the framework does not know (a case written under other data) are
    offered too, marked, so editing an item never silently drops its area.
    """
    choices: list[tuple[str, str]] = []
    if framework is not None:
        by_parent: dict[str | None, list[Area]] = {}
        for area in framework.areas:
            parent = area.parent if area.parent and framework.area(area.parent) else None
            by_parent.setdefault(parent, []).append(area)

        def walk(parent: str | None, seen: set[str]) -> None:
            for area in by_parent.get(parent, []):
                if area.id in seen:
                    continue
                seen.add(area.id)
                choices.append(("  " * _depth(framework, area) + area.name(), area.id))
                walk(area.id, seen)

        walk(None, set())
        known = {area_id for _label, area_id in choices}
        choices += [(area.name(), area.id) for area in framework.areas if area.id not in known]
    known = {area_id for _label, area_id in choices}
    for area_id in keep:
        if area_id and area_id not in known:
            choices.append((_("{area} (not in this framework)", area=area_id), area_id))
            known.add(area_id)
    return choices
