"""A case as plain data (dicts, lists, strings, dates) and back.

The one mapping between :class:`~inspectorate.model.Case` and the layout of the case-file format
(``inspectorate-case/1``). The case-file reader validates before calling :func:`case_from_data`;
the casebook stores the same data as JSON (:func:`to_json_data` turns dates into ISO strings).
Empty values are left out so a written file holds only what was recorded.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

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

#: The inspection's dates, in the order they happen (the case file's [inspection] keys).
DATE_KEYS = tuple(f.name for f in attrs.fields(InspectionDates))


def _compact(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", (), [], {})}


def table_of(record: Any) -> dict[str, Any]:
    """A record whose fields are the keys of its case-file table (provider, team, evidence, a
    document's details) as that table: a field added to the model is written with no more code."""
    data = {}
    for name in attrs.fields_dict(type(record)):
        value = getattr(record, name)
        data[name] = list(value) if isinstance(value, tuple) else dict(value) if isinstance(value, Mapping) else value
    return _compact(data)


def case_to_data(case: Case) -> dict[str, Any]:
    """The case as the case-file layout, dates as ``datetime.date``."""
    inspection = {"regime": case.regime, "framework": case.framework, "kind": case.kind}
    inspection.update({k: getattr(case.dates, k) for k in DATE_KEYS})
    inspection["report_language"] = case.report_language
    data: dict[str, Any] = {
        "format": CASE_FORMAT,
        "provider": table_of(case.provider),
        "inspection": _compact(inspection),
        "team": table_of(case.team),
        "judgements": {j.area: j.grade for j in case.judgements},
        "overrides": {
            j.area: _compact({"from": j.overridden_from, "reason": j.reason, "by": j.by})
            for j in case.judgements
            if j.overridden_from or j.reason or j.by
        },
        "evidence": [table_of(e) for e in case.evidence],
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
        "documents": {template_id: details for template_id, d in case.documents.items() if (details := table_of(d))},
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
    return Case(
        id=case_id,
        provider=Provider(**provider),
        regime=inspection["regime"],
        framework=inspection["framework"],
        kind=inspection.get("kind", "inspection"),
        report_language=inspection.get("report_language", ""),
        dates=InspectionDates(**{k: inspection.get(k) for k in DATE_KEYS}),
        team=Team(**data.get("team", {})),
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
        documents={template_id: DocumentDetails(**d) for template_id, d in data.get("documents", {}).items()},
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
    return Evidence(**{**data, "tags": tags, "by": by})


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
