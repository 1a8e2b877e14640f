"""The words of a case that the casebook list filters on beyond its columns.

Stored with each case (the ``search_text`` column, schema 4) and rewritten on every save, so a
filter over thousands of cases tests one string per case instead of reading each case.
"""

from __future__ import annotations

from typing import Any


def search_text(data: dict[str, Any]) -> str:
    """Identifiers (name and value), local authority, the team, evidence and recommendations."""
    provider = data.get("provider", {})
    team = data.get("team", {})
    parts: list[str] = [f"{key} {value}" for key, value in provider.get("identifiers", {}).items()]
    parts.append(provider.get("local_authority", ""))
    for value in team.values():
        parts.extend(value if isinstance(value, list) else [value])
    for evidence in data.get("evidence", []):
        parts += [evidence.get("text", ""), evidence.get("source", "")]
    parts += [recommendation.get("text", "") for recommendation in data.get("recommendations", [])]
    return "\n".join(str(part) for part in parts if part)
