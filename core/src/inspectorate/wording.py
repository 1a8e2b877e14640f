"""The words and marks every front end shows for findings and follow-up events.

The command line, the terminal app and comparisons take them from here, so a window reads the
same wherever it is shown. Marks go with words: never colour alone.
"""

from __future__ import annotations

from inspectorate.model import EVENT_STATUSES, SEVERITIES, FollowUpEvent

#: A finding's severity as mark and word, worst first (the order of ``SEVERITIES``).
SEVERITY_LABELS = dict(zip(SEVERITIES, ("✖ error", "▲ warning", "ℹ note"), strict=True))

#: A follow-up event's status as mark and word, in the order of ``EVENT_STATUSES``.
STATUS_LABELS = dict(
    zip(EVENT_STATUSES, ("✓ done", "‼ overdue", "! due soon", "• open", "○ upcoming", "… waiting"), strict=True)
)


def severity_rank(severity: str) -> int:
    """Worst first: errors, then warnings, then notes; anything unknown last."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def window_text(event: FollowUpEvent) -> str:
    """When the event falls: its window (earliest – latest), its deadline, its opening, or why there is no date yet."""
    if event.earliest and event.latest:
        return f"{event.earliest.isoformat()} – {event.latest.isoformat()}"
    if event.latest:
        return f"by {event.latest.isoformat()}"
    if event.earliest:
        return f"from {event.earliest.isoformat()}"
    return "date not yet known"
