"""One audited change of a case in words: which field, as the screens name it, before and after.

The casebook's audit log records a change as rows of (path, old value, new value) in the case-file
layout (see ``inspectorate.casebook.diff``): ``team.nominee``, ``judgements.outcomes``, or a whole
list such as ``evidence``. History, and any message about a change ("Undone: …"), read them here:
fields by the labels the Details tab and the dialogs show, evidence and recommendations by number
and area, grades by the scale's words, events by their titles; never raw data.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from attrs import frozen
from inspectorate.frameworks import Framework
from inspectorate.wording import area_name, grade_label

from inspectorate_tui.dialogs.evidence import EvidenceDialog
from inspectorate_tui.dialogs.recommendation import ProgressDialog, RecommendationDialog
from inspectorate_tui.labels import call_label, clip, words
from inspectorate_tui.tabs.details import CHOICE_LABELS, TEXT_FIELDS, setting_label
from inspectorate_tui.words import _

NOTHING = "—"

#: case-file path -> the Details tab's widget id, for the fields it shows.
_DETAILS_IDS = {
    "provider.sector": "provider-sector",
    "provider.nation": "provider-nation",
    "inspection.kind": "kind",
    "inspection.report_language": "report-language",
    **{f"provider.{key}": f"provider-{key}" for key in ("name", "local_authority", "language_medium", "identifiers")},
    **{f"inspection.{key}": f"date-{key}" for key in ("notified", "start", "end", "draft_issued", "published")},
    **{f"team.{key}": f"team-{key}"
       for key in ("reporting_inspector", "team_inspectors", "nominee", "improvement_hmi", "next_inspection_team")},
}
#: Values that are ids shown in words on screen (``further-education`` -> ``further education``).
_WORDS_VALUES = {"provider.sector", "provider.nation", "inspection.kind"}


@frozen
class ChangeLine:
    """One thing that changed: what (in the screens' words), and its value before and after."""

    what: str
    before: str = NOTHING
    after: str = NOTHING

    def __str__(self) -> str:
        return f"{self.what}: {self.before} → {self.after}"


def change_lines(
    path: str, old: Any, new: Any, framework: Framework | None = None, event_titles: Mapping[str, str] | None = None
) -> list[ChangeLine]:
    """One audit row (a path and its old and new values) in words; a list gives a line per item changed."""
    section, _dot, key = path.partition(".")
    if path in _DETAILS_IDS:
        return [_details_line(path, old, new)]
    if section == "evidence":
        return _item_lines(old or [], new or [], lambda n, item: _evidence_name(n, item, framework), _evidence_field(framework))
    if section == "recommendations":
        return _recommendation_lines(old or [], new or [], framework)
    if section == "judgements":
        scale = framework.scale_for(key) if framework else None
        grade = (lambda g: grade_label(scale, g) if g else NOTHING) if scale else plain
        return [ChangeLine(_("Judgement of {area}", area=area_name(framework, key)), grade(old), grade(new))]
    if section == "overrides":
        scale = framework.scale_for(key) if framework else None
        return [ChangeLine(_("Override of {area}", area=area_name(framework, key)), _override(old, scale), _override(new, scale))]
    if section == "inspector_calls":
        areas = lambda ids: ", ".join(area_name(framework, a) for a in ids or ()) or NOTHING  # noqa: E731
        return [ChangeLine(call_label(key), areas(old), areas(new))]
    if section == "settings":
        return [ChangeLine(setting_label(key), plain(old), plain(new))]
    if path == "follow_up.done":
        return _done_lines(old or {}, new or {}, event_titles or {})
    return [ChangeLine(_fallback_name(section, key), plain(old), plain(new))]


def change_words(entries: Iterable, framework: Framework | None = None, event_titles: Mapping[str, str] | None = None) -> str:
    """One audited change (its audit entries, as ``Casebook.history`` gives them) on one line:
    "Nominee: — → Sam Okafor"; "Evidence 4 on Outcomes for learners: What was found: … → …"."""
    return "; ".join(str(line) for line in entry_lines(entries, framework, event_titles))


def entry_lines(entries: Iterable, framework: Framework | None = None, event_titles: Mapping[str, str] | None = None) -> list[ChangeLine]:
    """Every line of one audited change; the creation and archiving of a case say so in a word."""
    lines: list[ChangeLine] = []
    for entry in entries:
        if entry.what == "case":
            lines.append(_case_line(entry))
        else:
            lines += change_lines(entry.what, entry.old, entry.new, framework, event_titles)
    return lines


def plain(value: Any) -> str:
    """A stored value as text a person reads: lists joined, pairs as name=value, nothing as —."""
    if value in (None, "", [], {}):
        return NOTHING
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(plain(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{words(str(k))}={plain(v)}" for k, v in value.items())
    return str(value)


# -- the parts -------------------------------------------------------------------------------------


def _details_line(path: str, old: Any, new: Any) -> ChangeLine:
    widget_id = _DETAILS_IDS[path]
    field = TEXT_FIELDS.get(widget_id)
    name = field.name if field else _(CHOICE_LABELS[widget_id])
    show = (lambda v: words(v) if v else NOTHING) if path in _WORDS_VALUES else plain
    return ChangeLine(name, show(old), show(new))


def _case_line(entry) -> ChangeLine:
    if entry.old is None:
        return ChangeLine(_("Case created") if entry.label in (None, "created") else entry.label.capitalize(),
                          NOTHING, _("as first recorded"))
    if (entry.new or {}).get("archived"):
        return ChangeLine(_("Archived"), _("in the casebook"), _("archived"))
    return ChangeLine(_("Restored from the archive"), _("archived"), _("in the casebook"))


def _item_lines(old: list, new: list, name, field_words) -> list[ChangeLine]:
    """Lines for a list of items compared item by item: added, deleted, or a field changed."""
    lines: list[ChangeLine] = []
    matcher = difflib.SequenceMatcher(a=[_key(i) for i in old], b=[_key(i) for i in new], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and a2 - a1 == b2 - b1:
            for n, (before, after) in enumerate(zip(old[a1:a2], new[b1:b2], strict=True), b1 + 1):
                for key in dict.fromkeys([*before, *after]):
                    if before.get(key) != after.get(key):
                        label, show = field_words(key)
                        lines.append(ChangeLine(f"{name(n, after)}: {_(label)}", show(before.get(key)), show(after.get(key))))
            continue
        lines += [ChangeLine(_("{item} deleted", item=name(n, item)), _summary(item)) for n, item in enumerate(old[a1:a2], a1 + 1)]
        lines += [ChangeLine(_("{item} added", item=name(n, item)), NOTHING, _summary(item)) for n, item in enumerate(new[b1:b2], b1 + 1)]
    return lines


def _key(item: dict) -> str:
    return repr(sorted(item.items()))


def _summary(item: dict) -> str:
    return plain(item.get("text", item))


def _evidence_name(n: int, item: dict, framework: Framework | None) -> str:
    return _("Evidence {number} on {area}", number=n, area=area_name(framework, item.get("area", "")))


def _evidence_field(framework: Framework | None):
    def field_words(key: str):
        label = EvidenceDialog.LABELS.get(key, words(key).capitalize())
        if key == "area":
            return label, lambda v: area_name(framework, v) if v else NOTHING
        if key == "kind":
            return label, lambda v: words(v) if v else NOTHING
        return label, plain

    return field_words


def _recommendation_lines(old: list, new: list, framework: Framework | None) -> list[ChangeLine]:
    def without_priority(items: list) -> list:
        return [{k: v for k, v in item.items() if k != "priority"} for item in items]

    bare_old, bare_new = without_priority(old), without_priority(new)
    if bare_old != bare_new and sorted(map(_key, bare_old)) == sorted(map(_key, bare_new)):
        # Only the order changed (raised or lowered): each item that moved, by its text.
        lines = []
        for n, item in enumerate(bare_new, 1):
            was = bare_old.index(item) + 1
            if was != n:
                lines.append(ChangeLine(_("Priority of “{text}”", text=clip(item.get("text", ""), 40)), str(was), str(n)))
        return lines

    def field_words(key: str):
        if key == "progress":
            return ProgressDialog.LABELS["progress"], _progress
        if key == "areas":
            return RecommendationDialog.LABELS["areas"], lambda ids: ", ".join(area_name(framework, a) for a in ids or ()) or NOTHING
        return RecommendationDialog.LABELS.get(key, words(key).capitalize()), plain

    return _item_lines(bare_old, bare_new, lambda n, _item: _("Recommendation {number}", number=n), field_words)


def _progress(entries: Sequence[dict] | None) -> str:
    parts = []
    for entry in entries or ():
        note = f" ({entry['note']})" if entry.get("note") else ""
        parts.append(f"{entry.get('on', '')}: {words(str(entry.get('progress', '')))}{note}")
    return "; ".join(parts) or NOTHING


def _override(value: dict | None, scale) -> str:
    if not value:
        return NOTHING
    was = value.get("from")
    was = grade_label(scale, was) if scale and was else plain(was)
    reason = f": {value['reason']}" if value.get("reason") else ""
    return _("from {grade}{reason}", grade=was, reason=reason)


def _done_lines(old: dict, new: dict, titles: Mapping[str, str]) -> list[ChangeLine]:
    return [
        ChangeLine(_("{event} done", event=titles.get(event_id, words(event_id))),
                   plain(old.get(event_id)) if event_id in old else _("not done"),
                   plain(new.get(event_id)) if event_id in new else _("not done"))
        for event_id in dict.fromkeys([*old, *new])
        if old.get(event_id) != new.get(event_id)
    ]


def _fallback_name(section: str, key: str) -> str:
    """A path no screen names yet, in words: ``follow_up.category_reason`` -> "Follow up: category reason"."""
    section, key = words(section.replace("_", " ")).capitalize(), words(key.replace("_", " "))
    return f"{section}: {key}" if key else section



def change_what(entries: Sequence, framework: Framework | None = None, event_titles: Mapping[str, str] | None = None) -> str:
    """What one audited change touched, without its values (for "Undone: …"): "Nominee"."""
    return "; ".join(dict.fromkeys(line.what for line in entry_lines(entries, framework, event_titles)))


#: Which tab shows each section of a case, by tab id (see tabs.TABS).
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
    "documents": "reports",
}


def tab_of(entries: Sequence) -> str | None:
    """The id of the tab that shows what the change touched (None for archiving)."""
    for entry in entries:
        tab = SECTION_TABS.get(entry.what.partition(".")[0])
        if tab:
            return tab
    return None
