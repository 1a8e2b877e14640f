"""The agenda: every open follow-up deadline and window across the casebook, week by week.

The view an inspector managing many follow-ups starts the day with. Each event's status (overdue,
due soon, open, upcoming) is the one :func:`inspectorate.evaluation.schedule` gives it, with the
provider's own calendar, so the agenda, the case's Follow-up tab and the casebook's next-deadline
column never disagree. A case whose rules could not all run (a plugin failed, or no loaded plugin
provides its framework) is listed as incomplete: its events may be missing, never silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import field, frozen

from inspectorate.evaluation import UnknownFramework, schedule_with_problems
from inspectorate.i18n import core_words
from inspectorate.model import Case, FollowUpEvent, _tuple

#: The statuses of an event still to be done that has a date to be listed under.
OPEN_STATUSES = ("overdue", "due-soon", "open", "upcoming")


@frozen
class AgendaItem:
    """One open event of one case."""

    case_id: str
    provider: str
    framework: str
    event: FollowUpEvent

    @property
    def day(self) -> dt.date:
        """The date it is listed under: the day a window not yet open opens, else its deadline
        (or, for a window with no end, the day it opened)."""
        event = self.event
        if event.status == "upcoming" and event.earliest:
            return event.earliest
        day = event.latest or event.earliest
        assert day is not None  # the agenda lists dated events only (agenda)
        return day

    def to_json(self) -> dict:
        return {"case": self.case_id, "provider": self.provider, "framework": self.framework, **self.event.to_json()}


@frozen
class AgendaWeek:
    """The items due in one ISO week (Monday to Sunday), by date."""

    monday: dt.date
    items: tuple[AgendaItem, ...] = field(converter=_tuple)

    @property
    def iso_week(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    def to_json(self) -> dict:
        return {"week": self.iso_week, "beginning": self.monday.isoformat(), "items": [i.to_json() for i in self.items]}


@frozen
class IncompleteCase:
    """A case whose events may be missing from the agenda, and why (one line per failure)."""

    case_id: str
    provider: str
    framework: str
    reasons: tuple[str, ...] = field(converter=_tuple)

    def to_json(self) -> dict:
        return {"case": self.case_id, "provider": self.provider, "framework": self.framework, "reasons": list(self.reasons)}


@frozen
class Agenda:
    today: dt.date
    #: Every overdue item, whatever the range: it is open now, the most pressing of all.
    overdue: tuple[AgendaItem, ...] = field(converter=_tuple)
    #: The other open items in the range, by week.
    weeks: tuple[AgendaWeek, ...] = field(converter=_tuple)
    incomplete: tuple[IncompleteCase, ...] = field(converter=_tuple)
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def items(self) -> list[AgendaItem]:
        """Every item listed, overdue first, then week by week."""
        return [*self.overdue, *(item for week in self.weeks for item in week.items)]

    def to_json(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "today": self.today.isoformat(),
            "from": iso(self.start),
            "to": iso(self.end),
            "overdue": [i.to_json() for i in self.overdue],
            "weeks": [w.to_json() for w in self.weeks],
            "incomplete": [c.to_json() for c in self.incomplete],
        }


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _order(item: AgendaItem):
    return (item.day, item.provider.lower(), item.case_id, item.event.id)


def agenda(
    host, cases: Iterable[Case], today: dt.date, start: dt.date | None = None, end: dt.date | None = None
) -> Agenda:
    """The agenda of ``cases`` (each with its casebook ``id``) as of ``today``.

    Overdue items are all listed, first; the others only when the date they are listed under lies
    in ``start`` .. ``end`` (either may be None: no limit).
    """
    if start and end and start > end:
        _ = core_words()
        raise ValueError(_("the agenda's range ends ({end}) before it begins ({start})", end=end, start=start))
    overdue, upcoming, incomplete = [], [], []
    for case in cases:
        case_id, name = case.id or "", case.provider.name
        try:
            events, problems = schedule_with_problems(host, case, today)
        except UnknownFramework as error:
            _ = core_words()
            incomplete.append(IncompleteCase(case_id, name, case.framework, [_("incomplete: {problem}", problem=error)]))
            continue
        if problems:
            incomplete.append(IncompleteCase(case_id, name, case.framework, [p.incomplete for p in problems]))
        for event in events:
            if event.status not in OPEN_STATUSES or not (event.latest or event.earliest):
                continue
            item = AgendaItem(case_id, name, case.framework, event)
            if event.status == "overdue":
                overdue.append(item)
            elif (start is None or item.day >= start) and (end is None or item.day <= end):
                upcoming.append(item)
    by_week: dict[dt.date, list[AgendaItem]] = {}
    for item in sorted(upcoming, key=_order):
        by_week.setdefault(monday_of(item.day), []).append(item)
    return Agenda(
        today=today,
        overdue=sorted(overdue, key=_order),
        weeks=[AgendaWeek(monday, items) for monday, items in sorted(by_week.items())],
        incomplete=sorted(incomplete, key=lambda c: (c.provider.lower(), c.case_id)),
        start=start,
        end=end,
    )


def casebook_agenda(host, casebook, today: dt.date, start: dt.date | None = None, end: dt.date | None = None) -> Agenda:
    """The agenda of every case in ``casebook`` that is not archived."""
    cases = (casebook.get(row.id).case for row in casebook.list_cases())
    return agenda(host, cases, today, start, end)
