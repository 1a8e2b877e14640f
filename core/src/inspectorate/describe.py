"""Regimes and frameworks as JSON: the shape of ``inspectorate frameworks --json``."""

from __future__ import annotations

from inspectorate.frameworks import Area, Framework, Regime, Setting
from inspectorate.i18n import SOURCE_LANGUAGE, text_in


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def area_to_json(area: Area) -> dict:
    return {
        "id": area.id,
        "names": dict(area.names),
        "scale": area.scale,
        "parent": area.parent,
        "code": area.code,
        "themes": list(area.themes),
        "sectors": list(area.sectors),
    }


def setting_to_json(setting: Setting) -> dict:
    """A setting as it always was, each reading's description in English, and every language of
    them in ``readings_by_language``."""
    readings = setting.get("readings") or {}
    english = {reading: text_in(text, SOURCE_LANGUAGE) for reading, text in readings.items()}
    return {**setting, "readings": english, "readings_by_language": {r: dict(t) for r, t in readings.items()}}


def framework_to_json(framework: Framework) -> dict:
    return {
        "id": framework.id,
        "regime": framework.regime,
        "names": dict(framework.names),
        "sectors": list(framework.sectors),
        "valid_from": _iso(framework.valid_from),
        "valid_to": _iso(framework.valid_to),
        "scales": [
            {
                "id": scale.id,
                "grades": [
                    {"id": g.id, "names": dict(g.names), "rank": g.rank, "symbol": g.symbol} for g in scale.grades
                ],
            }
            for scale in framework.scales
        ],
        "areas": [area_to_json(a) for a in framework.areas],
        "evidence_kinds": list(framework.evidence_kinds),
        "comparable_kinds": dict(framework.comparable_kinds),
        "visit_kinds": list(framework.visit_kinds),
        "settings": {k: setting_to_json(v) for k, v in framework.settings.items()},
    }


def regime_to_json(regime: Regime) -> dict:
    return {
        "id": regime.id,
        "names": dict(regime.names),
        "nations": list(regime.nations),
        "languages": list(regime.languages),
        "frameworks": [framework_to_json(f) for f in regime.frameworks],
    }
