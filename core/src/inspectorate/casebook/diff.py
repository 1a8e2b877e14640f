"""Which parts of a case changed, as dotted paths, and how to put old values back.

The audit log records a change as one row per path: a key of a top-level section that is a mapping
(``judgements.outcomes``, ``inspection.end``, ``provider.name``), or a whole section otherwise
(``evidence`` and ``recommendations`` are lists and are compared whole). That is fine-grained
enough for history to read well and for undo to restore just what one change touched, without a
general-purpose JSON diff. Values are JSON data (``to_json_data`` output); ``None`` means the key is
absent, which is the same thing in the case-file layout because empty values are left out.
"""

from __future__ import annotations

import copy
from typing import Any

Change = tuple[str, Any, Any]  # (path, old, new)


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """The changed paths between two case data dicts, in section order."""
    found: list[Change] = []
    sections = list(dict.fromkeys([*new, *old]))
    for section in sections:
        before, after = old.get(section), new.get(section)
        if before == after:
            continue
        if _is_mapping_section(before, after):
            before, after = before or {}, after or {}
            for key in dict.fromkeys([*after, *before]):
                if before.get(key) != after.get(key):
                    found.append((f"{section}.{key}", before.get(key), after.get(key)))
        else:
            found.append((section, before, after))
    return found


def restore(data: dict[str, Any], values: list[tuple[str, Any]]) -> dict[str, Any]:
    """A copy of ``data`` with each path set to its value (``None`` removes it)."""
    data = copy.deepcopy(data)
    for path, value in values:
        section, _, key = path.partition(".")  # keys may contain dots; sections never do
        if not key:
            _put(data, section, value)
            continue
        inner = data.get(section)
        inner = dict(inner) if isinstance(inner, dict) else {}
        _put(inner, key, value)
        _put(data, section, inner or None)
    return data


def _is_mapping_section(before: Any, after: Any) -> bool:
    return isinstance(before, dict | None) and isinstance(after, dict | None)


def _put(target: dict, key: str, value: Any) -> None:
    if value is None:
        target.pop(key, None)
    else:
        target[key] = value


def value_at(data: dict[str, Any], path: str) -> Any:
    """The value at ``path`` (as :func:`changes` names paths), or ``None`` if absent."""
    section, _, key = path.partition(".")
    value = data.get(section)
    if not key:
        return value
    return value.get(key) if isinstance(value, dict) else None
