"""A recorded change in words: "evidence 4 text on Evidence", "nominee on Details".

One place for everything that tells a person what a change was (undo, redo, history). It reads
the casebook's audit rows: each names a path (``provider.name``, ``evidence``) with the old and
new value. A list (evidence, recommendations) is recorded whole, so the item and its parts that
changed are found here; any other change is told in the words its tab recorded with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from inspectorate_tui.labels import words

#: Where each section of a case is shown, by tab id (see tabs.TABS).
SECTION_TABS = {
    "provider": "details",
    "inspection": "details",
    "team": "details",
    "settings": "details",
    "evidence": "evidence",
    "judgements": "judgements",
    "overrides": "judgements",
    "inspector_calls": "judgements",
    "recommendations": "recommendations",
    "follow_up": "follow-up",
}
#: A list section and what one of its items is called.
ITEMS = {"evidence": "evidence", "recommendations": "recommendation"}


def change_words(entries: Sequence) -> str:
    """What the change (its audit rows: ``what``, ``old``, ``new``, ``label``) did, in words."""
    told = [_list_words(e.what, e.old or [], e.new or []) for e in entries if e.what in ITEMS]
    if told:
        return "; ".join(told)
    label = (entries[0].label or "") if entries else ""
    return label.removeprefix("undo ").removeprefix("redo ") or ", ".join(words(e.what) for e in entries)


def tab_of(entries: Sequence) -> str | None:
    """The id of the tab that shows what the change touched (None for archiving)."""
    for entry in entries:
        tab = SECTION_TABS.get(entry.what.partition(".")[0])
        if tab:
            return tab
    return None


def _list_words(section: str, old: list[Any], new: list[Any]) -> str:
    item = ITEMS[section]
    if len(new) > len(old):
        added = next((n for n, value in enumerate(new) if n >= len(old) or old[n] != value), len(old))
        return f"{item} {added + 1} added"
    if len(new) < len(old):
        gone = next((n for n, value in enumerate(old) if n >= len(new) or new[n] != value), len(new))
        return f"{item} {gone + 1} deleted"
    changed = [n for n, (before, after) in enumerate(zip(old, new, strict=True)) if before != after]
    if sorted(map(_key, old)) == sorted(map(_key, new)):
        return f"{section} order"
    parts = []
    for n in changed:
        before, after = old[n], new[n]
        keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)] if isinstance(before, dict) and isinstance(after, dict) else []
        parts.append(f"{item} {n + 1} {' and '.join(words(k) for k in keys)}".rstrip())
    return "; ".join(parts) or section


def _key(value: Any) -> str:
    """An item as compared for a reordering (a recommendation's priority is its place)."""
    return repr({k: v for k, v in value.items() if k != "priority"} if isinstance(value, dict) else value)
