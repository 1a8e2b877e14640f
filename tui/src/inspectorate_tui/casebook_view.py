"""The casebook list as the inspector sees it: status as of today, filter as you type, sort.

Plain Python over the casebook's stored columns (no case is parsed), so 25,000 cases filter in
one pass of substring tests. The status is worked out here rather than stored because it
changes with the date, not with the case.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from attrs import frozen
from inspectorate.wording import stage_word

from inspectorate_tui.words import N_, _

if TYPE_CHECKING:
    from inspectorate.casebook import CaseRow

#: Status id -> (symbol, words). Shown as symbol and words, never colour alone; the words are
#: English marked for the catalogue, told in the language spoken where shown.
STATUSES = {
    "incomplete": ("✖", N_("incomplete")),  # a plugin failed: the deadline shown may not be the next
    "overdue": ("‼", N_("overdue")),
    "due-soon": ("!", N_("due soon")),
    "open": ("•", N_("open")),
    "none": ("·", N_("no deadline")),
    "archived": ("▫", N_("archived")),
}
_STATUS_ORDER = {status: n for n, status in enumerate(STATUSES)}

#: Sort keys the ``s`` binding cycles through, with the words shown in the header.
SORTS = ("deadline", "provider", "regime", "stage", "updated")
SORT_WORDS = {"deadline": N_("deadline"), "provider": N_("provider"), "regime": N_("regime"),
              "stage": N_("stage"), "updated": N_("updated")}

def stage_words(stage: str) -> str:
    """A stage as the screens show it, in the language spoken: the core's words for it."""
    return stage_word(stage)


@frozen
class CaseLine:
    row: CaseRow
    status: str
    #: The stage as of today (the stored one moves on from planned to on site to reporting by date).
    stage: str
    #: Lower-case words the filter searches: provider, regime, framework, sector, stage, status,
    #: and the stored search text (team, identifiers, evidence, recommendations).
    haystack: str

    @property
    def id(self) -> str:
        return self.row.id


def deadline_statuses(today: dt.date) -> Callable[[CaseRow], str]:
    """``row -> "overdue" | "due-soon" | "open"`` for rows with a deadline, as the core decides it
    for the case's events (:func:`inspectorate.evaluation.deadline_status`, with the provider's
    calendar); remembered per calendar and deadline, as 25,000 rows share few of either."""
    from inspectorate.evaluation import calendar_for_provider, deadline_status  # in the loading worker

    known: dict[tuple[str, str, dt.date], str] = {}

    def status(row: CaseRow) -> str:
        key = (row.nation, row.local_authority, row.next_deadline)
        if key not in known:
            known[key] = deadline_status(row.next_deadline, today, calendar_for_provider(row.nation, row.local_authority))
        return known[key]

    return status


def status_of(row: CaseRow, by_deadline: Callable[[CaseRow], str]) -> str:
    if row.archived:
        return "archived"
    if (row.next_event or "").startswith("incomplete:"):  # as evaluation.summary_of writes it
        return "incomplete"
    if row.next_deadline is None:
        return "none"
    return by_deadline(row)


def stage_today(row: CaseRow, today: dt.date) -> str:
    """The stored stage, moved on by the dates where only the passing of days has changed it."""
    from inspectorate.evaluation import stage_by_dates

    if row.stage not in ("planned", "on site", "reporting"):
        return row.stage or ""
    return stage_by_dates(row.on_site_from, row.on_site_to, row.published, today) or row.stage


def lines_for(rows: Iterable[CaseRow], today: dt.date) -> list[CaseLine]:
    by_deadline = deadline_statuses(today)
    lines = []
    for row in rows:
        status = status_of(row, by_deadline)
        stage = stage_today(row, today)
        # English and the language spoken both filter: "overdue" finds what the screen calls "hwyr".
        words = (row.provider, row.regime, row.framework, row.sector, stage, stage_words(stage), STATUSES[status][1],
                 _(STATUSES[status][1]), status, row.search_text)
        lines.append(CaseLine(row, status, stage, " ".join(words).lower()))
    return lines


def filter_lines(lines: Sequence[CaseLine], text: str) -> list[CaseLine]:
    """Lines matching every word of ``text`` (anywhere in provider, regime, status...)."""
    words = text.lower().split()
    if not words:
        return list(lines)
    if len(words) == 1:
        word = words[0]
        return [line for line in lines if word in line.haystack]
    return [line for line in lines if all(w in line.haystack for w in words)]


def copy_name(name: str, taken: Iterable[str]) -> str:
    """The provider name for a duplicate: ``X (copy)``, or ``X (copy 2)``… if that is taken."""
    taken = set(taken)
    base = re.sub(r" \(copy(?: \d+)?\)$", "", name)
    candidate, n = f"{base} (copy)", 1
    while candidate in taken:
        n += 1
        candidate = f"{base} (copy {n})"
    return candidate


def sort_lines(lines: list[CaseLine], key: str) -> list[CaseLine]:
    """Overdue and due-soon first (by deadline) for ``deadline``; otherwise by the named column."""
    if key == "updated":
        return sorted(lines, key=lambda line: line.row.updated_at, reverse=True)
    return sorted(lines, key=_SORT_KEYS[key])


_SORT_KEYS = {
    "deadline": lambda line: (_STATUS_ORDER[line.status], line.row.next_deadline or dt.date.max, line.row.provider),
    "provider": lambda line: (line.row.provider.lower(), line.row.provider),
    "regime": lambda line: (line.row.regime, line.row.framework, line.row.provider),
    "stage": lambda line: (line.stage, line.row.provider),
}
