"""A colleague's change to a case, in words: who made it and when.

Two people may have the same casebook open (a file both can reach, or a team's server). The
casebook refuses a save made over a change the saver has not seen (``StaleWriteError``) and tells
an open casebook when others save (``Casebook.watch``); these are the words the screens use for
both, so the refusal and the notice name the colleague and the time the same way.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import TYPE_CHECKING

from inspectorate.casebook import StaleWriteError

from inspectorate_tui.words import _

if TYPE_CHECKING:
    from inspectorate.casebook import AuditEntry


def when(at: dt.datetime | str) -> str:
    """A moment the casebook recorded (in UTC), in the person's own time to the minute:
    "2026-12-02 14:05". Text that is not a moment ("an unknown time") is given as it is."""
    if isinstance(at, str):
        try:
            at = dt.datetime.fromisoformat(at)
        except ValueError:
            return at
    if at.tzinfo is not None:
        at = at.astimezone()
    return f"{at:%Y-%m-%d %H:%M}"


def refused(error: StaleWriteError) -> str:
    """Why a save was refused: "Bob Jones changed this case at 2026-12-02 14:05"."""
    return _("{who} changed this case at {when}", who=error.changed_by, when=when(error.changed_at))


def changes_since(history: list[AuditEntry], version: int) -> list[list[AuditEntry]]:
    """The changes recorded after ``version``, newest first, each as its audit rows."""
    newer = [entry for entry in history if entry.version > version]  # history is newest first
    return [list(rows) for _change, rows in groupby(newer, key=lambda entry: entry.change_id)]


def who_and_when(changes: list[list[AuditEntry]]) -> str:
    """ "Bob Jones at 2026-12-02 14:05", and anyone else who changed the case since, by name."""
    latest = changes[0][0]
    others = [name for name in dict.fromkeys(rows[0].who for rows in changes) if name != latest.who]
    also = _(" (and before that {others})", others=", ".join(others)) if others else ""
    return _("{who} at {when}{also}", who=latest.who, when=when(latest.at), also=also)
