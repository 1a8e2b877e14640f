"""The date to offer when something is recorded after the fact: an event done, progress, a visit.

Today is the right guess for a case in progress, and the wrong one for a case whose follow-up ran
years ago (a 2013 improvement visit marked done in 2026 did not happen in 2026). Each function
returns the date and, in words, what it is, so a front end can say what it defaulted to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from inspectorate.codec import DATE_KEYS
from inspectorate.i18n import core_words
from inspectorate.model import Case, FollowUpEvent


def last_known_date(case: Case) -> dt.date | None:
    """The latest date the case records: an inspection date or a follow-up event done."""
    days: list[dt.date] = [d for d in (getattr(case.dates, k) for k in DATE_KEYS) if d is not None]
    days += list(case.follow_up.done.values())
    days += [p.on for r in case.recommendations for p in r.progress]
    return max(days, default=None)


def is_past(events: Iterable[FollowUpEvent], today: dt.date) -> bool:
    """True when every dated follow-up event of the case fell due before ``today``: a case being
    written up long after the fact rather than one in progress."""
    dated = [d for e in events if (d := e.latest or e.earliest or e.done_on) is not None]
    return bool(dated) and max(dated) < today


def _past_default(case: Case, events: list[FollowUpEvent], today: dt.date) -> tuple[dt.date, str] | None:
    last = last_known_date(case)
    if last is not None and last < today and is_past(events, today):
        _ = core_words()
        return last, _("the case's last recorded date, {date}: its follow-up dates are all before today", date=last.isoformat())
    return None


def done_date(event: FollowUpEvent, case: Case, events: list[FollowUpEvent], today: dt.date) -> tuple[dt.date, str]:
    """The date to offer for marking ``event`` done, and what it is."""
    _ = core_words()
    if event.done_on is not None:
        return event.done_on, _("the date it is recorded as done")
    if event.latest is not None and event.latest < today:
        return event.latest, _("its latest date, {date}, since today is after it", date=event.latest.isoformat())
    if event.latest is None and event.earliest is None:
        past = _past_default(case, events, today)
        if past is not None:
            return past
    return today, _("today")


def visit_date(case: Case, events: list[FollowUpEvent], today: dt.date) -> tuple[dt.date, str]:
    """The date to offer for something that happened at follow-up (a further visit, progress
    judged): today, unless the case's follow-up is all in the past."""
    _ = core_words()
    return _past_default(case, events, today) or (today, _("today"))


def progress_date(case: Case, events: list[FollowUpEvent], today: dt.date) -> tuple[dt.date, str]:
    """The date to offer for progress on a recommendation: the last follow-up visit recorded as
    done (progress is judged at a visit), else :func:`visit_date`."""
    # Recorded events (a further visit) are done ids with no scheduled event: their id is their name.
    titles = {e.id: e.title for e in events}
    done = [(day, titles.get(i) or i.replace("-", " ")) for i, day in case.follow_up.done.items() if day <= today]
    visits = [(day, title) for day, title in done if _is_visit(title)]
    if visits:
        day, title = max(visits)
        _ = core_words()
        return day, _("the date of the last visit recorded, {title} ({date})", title=title, date=day.isoformat())
    return visit_date(case, events, today)


def _is_visit(title: str) -> bool:
    """A visit, by the words of its title (a letter or notice about a visit is not one)."""
    title = title.lower()
    return "visit" in title and not any(word in title for word in ("letter", "notice", "confirmed", "request"))
