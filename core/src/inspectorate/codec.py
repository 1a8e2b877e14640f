"""A case as plain data (dicts, lists, strings, dates) and back.

The one mapping between :class:`~inspectorate.model.Case` and the layout of the case-file format
(``inspectorate-case/1``). The case-file reader validates before calling :func:`case_from_data`;
the casebook stores the same data as JSON (:func:`to_json_data` turns dates into ISO strings).
Empty values are left out so a written file holds only what was recorded.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from inspectorate.model import (
    Case,
    DocumentDetails,
    Evidence,
    FollowUpRecord,
    InspectionDates,
    Judgement,
    ProgressEntry,
    Provider,
    Recommendation,
    Team,
)

CASE_FORMAT = "inspectorate-case/1"

DATE_KEYS = ("notified", "start", "end", "draft_issued", "published")


def _compact(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", (), [], {})}


def case_to_data(case: Case) -> dict[str, Any]:
    """The case as the case-file layout, dates as ``datetime.date``."""
    provider = case.provider
    inspection = {"regime": case.regime, "framework": case.framework, "kind": case.kind}
    inspection.update({k: getattr(case.dates, k) for k in DATE_KEYS})
    team = case.team
    data: dict[str, Any] = {
        "format": CASE_FORMAT,
        "provider": _compact(
            {
                "name": provider.name,
                "sector": provider.sector,
                "nation": provider.nation,
                "local_authority": provider.local_authority,
                "language_medium": provider.language_medium,
                "identifiers": dict(provider.identifiers),
            }
        ),
        "inspection": _compact(inspection),
        "team": _compact(
            {
                "reporting_inspector": team.reporting_inspector,
                "team_inspectors": list(team.team_inspectors),
                "nominee": team.nominee,
                "improvement_hmi": team.improvement_hmi,
                "next_inspection_team": list(team.next_inspection_team),
            }
        ),
        "judgements": {j.area: j.grade for j in case.judgements},
        "overrides": {
            j.area: _compact({"from": j.overridden_from, "reason": j.reason, "by": j.by})
            for j in case.judgements
            if j.overridden_from or j.reason or j.by
        },
        "evidence": [
            _compact({"area": e.area, "kind": e.kind, "text": e.text, "source": e.source, "tags": list(e.tags), "by": e.by})
            for e in case.evidence
        ],
        "recommendations": [
            _compact(
                {
                    "priority": r.priority,
                    "text": r.text,
                    "areas": list(r.areas),
                    "progress": [_compact({"on": p.on, "progress": p.progress, "note": p.note}) for p in r.progress],
                }
            )
            for r in case.recommendations
        ],
        "follow_up": _compact(
            {
                "done": dict(case.follow_up.done),
                "category": case.follow_up.category,
                "category_reason": case.follow_up.category_reason,
                "chosen": list(case.follow_up.chosen),
            }
        ),
        "inspector_calls": {k: list(v) for k, v in case.inspector_calls.items()},
        "settings": dict(case.settings),
        "documents": {
            template_id: details
            for template_id, details in (
                (t, _compact({"date": d.date, "addressee": d.addressee, "signatory": d.signatory}))
                for t, d in case.documents.items()
            )
            if details
        },
    }
    return _compact(data)


def case_from_data(data: dict[str, Any], case_id: str | None = None) -> Case:
    """Build a case from already-validated case-file data (see :mod:`inspectorate.casefile`)."""
    provider = data["provider"]
    inspection = data["inspection"]
    overrides = data.get("overrides", {})
    judgements = [
        Judgement(
            area=area,
            grade=grade,
            overridden_from=overrides.get(area, {}).get("from"),
            reason=overrides.get(area, {}).get("reason", ""),
            by=overrides.get(area, {}).get("by", ""),
        )
        for area, grade in data.get("judgements", {}).items()
    ]
    follow_up = data.get("follow_up", {})
    team = data.get("team", {})
    return Case(
        id=case_id,
        provider=Provider(
            name=provider["name"],
            sector=provider["sector"],
            nation=provider.get("nation", "england"),
            local_authority=provider.get("local_authority", ""),
            language_medium=provider.get("language_medium", ""),
            identifiers=provider.get("identifiers", {}),
        ),
        regime=inspection["regime"],
        framework=inspection["framework"],
        kind=inspection.get("kind", "inspection"),
        dates=InspectionDates(**{k: inspection.get(k) for k in DATE_KEYS}),
        team=Team(
            reporting_inspector=team.get("reporting_inspector", ""),
            team_inspectors=team.get("team_inspectors", ()),
            nominee=team.get("nominee", ""),
            improvement_hmi=team.get("improvement_hmi", ""),
            next_inspection_team=team.get("next_inspection_team", ()),
        ),
        judgements=judgements,
        evidence=[_evidence(e) for e in data.get("evidence", [])],
        recommendations=sorted(
            (
                Recommendation(
                    text=r["text"],
                    priority=r["priority"],
                    areas=r.get("areas", ()),
                    progress=[
                        ProgressEntry(on=p["on"], progress=p["progress"], note=p.get("note", ""))
                        for p in r.get("progress", [])
                    ],
                )
                for r in data.get("recommendations", [])
            ),
            key=lambda r: r.priority,
        ),
        follow_up=FollowUpRecord(
            done=follow_up.get("done", {}),
            category=follow_up.get("category"),
            category_reason=follow_up.get("category_reason", ""),
            chosen=follow_up.get("chosen", ()),
        ),
        inspector_calls={k: tuple(v) for k, v in data.get("inspector_calls", {}).items()},
        settings=data.get("settings", {}),
        documents={
            template_id: DocumentDetails(
                date=d.get("date"), addressee=d.get("addressee", ""), signatory=d.get("signatory", "")
            )
            for template_id, d in data.get("documents", {}).items()
        },
    )


#: How an agreed action's timescale was written before it had its own key: a tag "by:2014-01-31".
_BY_TAG = "by:"


def _evidence(data: dict) -> Evidence:
    """One ``[[evidence]]``; a ``by:DATE`` tag of an older file or casebook becomes its ``by`` date."""
    by, tags = data.get("by"), list(data.get("tags", ()))
    if by is None:
        for tag in tags:
            try:
                by = dt.date.fromisoformat(tag.removeprefix(_BY_TAG).strip()) if tag.startswith(_BY_TAG) else None
            except ValueError:
                continue  # a timescale in words stays a tag
            if by is not None:
                tags.remove(tag)
                break
    return Evidence(area=data["area"], kind=data["kind"], text=data["text"], source=data.get("source", ""), tags=tags, by=by)


def to_json_data(value: Any) -> Any:
    """Dates to ISO strings, recursively: for JSON storage and ``--json`` output."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_json_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_data(v) for v in value]
    return value


def from_json_data(data: dict) -> dict:
    """The inverse of :func:`to_json_data` for case data: ISO date strings back to dates."""
    data = copy.deepcopy(data)
    day = dt.date.fromisoformat
    inspection = data.get("inspection", {})
    for key in DATE_KEYS:
        if key in inspection:
            inspection[key] = day(inspection[key])
    done = data.get("follow_up", {}).get("done", {})
    for key, value in done.items():
        done[key] = day(value)
    for recommendation in data.get("recommendations", []):
        for entry in recommendation.get("progress", []):
            entry["on"] = day(entry["on"])
    for evidence in data.get("evidence", []):
        if "by" in evidence:
            evidence["by"] = day(evidence["by"])
    for document in data.get("documents", {}).values():
        if "date" in document:
            document["date"] = day(document["date"])
    return data
