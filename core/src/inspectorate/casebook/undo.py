"""Which change undo and redo would revert, read from the audit log alone.

Every change is a row group sharing ``change_id``; an undo or a redo records the change it
reverted in ``undo_of``. Replaying the log in order keeps two stacks, as an editor does: *done*
(ordinary changes and redos, the latest on top) and *undone* (undos, the latest on top). Reverting
a done change is an undo; reverting an undo is a redo; an ordinary change empties *undone*, so a
redo never replays a change on top of newer work. Creating the case is never on either stack.
Logs written before redo existed (undos only) replay to the same undo targets as before.
"""

from __future__ import annotations

from collections.abc import Iterable


def stacks(rows: Iterable[tuple[str, str | None, bool]]) -> tuple[list[str], list[str]]:
    """(done, undone) change ids, latest last, from (change_id, undo_of, is_creation) rows in log order."""
    done: list[str] = []
    undone: list[str] = []
    kind: dict[str, str] = {}  # change id -> "done" or "undo"
    for change_id, undo_of, creation in rows:
        if change_id in kind or creation:
            continue
        if undo_of is None:
            done.append(change_id)
            undone.clear()
            kind[change_id] = "done"
        elif kind.get(undo_of) == "undo":  # a redo: the undo is reverted, its change done again
            _drop(undone, undo_of)
            done.append(change_id)
            kind[change_id] = "done"
        else:  # an undo
            _drop(done, undo_of)
            undone.append(change_id)
            kind[change_id] = "undo"
    return done, undone


def _drop(stack: list[str], change_id: str | None) -> None:
    if change_id in stack:
        stack.remove(change_id)
