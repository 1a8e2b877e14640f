"""Several regimes' follow-up events on one time axis, drawn as text.

Two drawings of the same marks: a strip per regime on a shared, proportional axis (to see at a
glance that one regime visits within weeks and the other after a year), and dated rows with a
column per regime (to read the dates). Symbols carry the meaning, so nothing rests on colour.
"""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from inspectorate.i18n import N_, core_words
from inspectorate.model import Case, FollowUpEvent

SHARED = -1
SYMBOLS = {"inspection": "●", "deadline": "■", "opens": "├", "closes": "┤", "done": "✓"}
#: What the symbols mean, in English (shown with ``core_words()(LEGEND)``).
LEGEND = N_("● inspection and publication  ■ deadline  ├ window opens  ┤ window closes  ═ window  ✓ done")


@frozen
class Mark:
    day: dt.date
    column: int
    kind: str
    text: str
    event: str = ""

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.kind]

    def to_json(self) -> dict:
        column = "shared" if self.column == SHARED else self.column
        return {"date": self.day.isoformat(), "column": column, "kind": self.kind, "text": self.text, "event": self.event}


def _case_marks(case: Case) -> list[Mark]:
    _ = core_words()
    dates = case.dates
    named = [(dates.start, _("inspection starts")), (dates.end, _("inspection ends")), (dates.published, _("report published"))]
    return [Mark(day, SHARED, "inspection", text) for day, text in named if day]


def _event_marks(column: int, event: FollowUpEvent) -> list[Mark]:
    _ = core_words()
    if event.done_on:
        return [Mark(event.done_on, column, "done", _("{event} done", event=event.title), event.id)]
    if event.earliest and event.latest and event.earliest != event.latest:
        return [
            Mark(event.earliest, column, "opens", _("{event} from", event=event.title), event.id),
            Mark(event.latest, column, "closes", _("{event} by", event=event.title), event.id),
        ]
    day = event.latest or event.earliest
    return [Mark(day, column, "deadline", _("{event} by", event=event.title), event.id)] if day else []


def shared_timeline(case: Case, columns: list[list[FollowUpEvent]]) -> list[Mark]:
    """Every dated mark of every column, in date order; the inspection's own dates are shared."""
    marks = _case_marks(case)
    for column, events in enumerate(columns):
        for event in events:
            marks.extend(_event_marks(column, event))
    return sorted(marks, key=lambda m: (m.day, m.column, m.text))


def undated(columns: list[list[FollowUpEvent]]) -> list[tuple[int, FollowUpEvent]]:
    """Events still waiting for the date they are counted from."""
    return [(c, e) for c, events in enumerate(columns) for e in events if not (e.earliest or e.latest or e.done_on)]


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def date_rows(marks: list[Mark], labels: list[str], column_width: int = 38) -> list[str]:
    """Dated rows: the date, then each column's marks for that day (shared marks span them all)."""
    _ = core_words()
    header = _("Date").ljust(11) + " " + "".join(_fit(label, column_width - 1).ljust(column_width) for label in labels)
    lines = [header.rstrip(), "-" * len(header.rstrip())]
    by_day: dict[dt.date, list[Mark]] = {}
    for mark in marks:
        by_day.setdefault(mark.day, []).append(mark)
    for day, day_marks in by_day.items():
        shared = [m for m in day_marks if m.column == SHARED]
        for mark in shared:
            lines.append(f"{day.isoformat()}  {mark.symbol} " + _("{mark} (every regime)", mark=mark.text))
        cells = [[m for m in day_marks if m.column == c] for c in range(len(labels))]
        for row in range(max((len(c) for c in cells), default=0)):
            texts = [f"{c[row].symbol} {c[row].text}" if row < len(c) else "" for c in cells]
            prefix = day.isoformat() if row == 0 and not shared else ""
            line = prefix.ljust(12) + "".join(_fit(t, column_width - 1).ljust(column_width) for t in texts)
            lines.append(line.rstrip())
    return lines


def strips(marks: list[Mark], labels: list[str], width: int = 60, label_width: int = 14) -> list[str]:
    """One strip per column on a proportional axis from the first mark to the last."""
    if not marks:
        return []
    first, last = marks[0].day, max(m.day for m in marks)
    span = max((last - first).days, 1)

    def at(day: dt.date) -> int:
        return round((day - first).days * (width - 1) / span)

    lines = []
    for column, label in enumerate(labels):
        cells = ["─"] * width
        opened: dict[str, int] = {}
        mine = [m for m in marks if m.column in (column, SHARED)]
        for mark in mine:
            if mark.kind == "opens":
                opened[mark.event] = at(mark.day)
            elif mark.kind == "closes" and mark.event in opened:
                for x in range(opened[mark.event], at(mark.day) + 1):
                    cells[x] = "═"
        for mark in mine:
            cells[at(mark.day)] = mark.symbol
        lines.append(_fit(label, label_width - 1).ljust(label_width) + "".join(cells))
    axis = [" "] * width
    ticks = {0: first.isoformat(), width - 10: last.isoformat()}
    middle = first + (last - first) / 2
    if width >= 40:
        ticks[width // 2 - 5] = middle.isoformat()
    for x, text in ticks.items():
        axis[x : x + len(text)] = list(text)
    lines.append(" " * label_width + "".join(axis[:width]))
    return lines
