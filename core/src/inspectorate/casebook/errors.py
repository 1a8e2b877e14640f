"""What can go wrong with a casebook, worded so that the person at the keyboard can act on it.

Every error is a :class:`CasebookError`, so a caller that only wants to show the message and carry
on catches that one class.
"""

from __future__ import annotations


class CasebookError(Exception):
    """The casebook cannot do what was asked; the message says why and, where possible, what to do."""


class SchemaTooNewError(CasebookError):
    """The file was written by a newer inspectorate: reading it could lose what the newer one stored."""

    def __init__(self, path, found: int, known: int):
        self.found = found
        self.known = known
        super().__init__(
            f"{path}: this casebook was written by a newer inspectorate "
            f"(schema {found}, this version reads up to {known}); upgrade inspectorate to open it"
        )


class CaseNotFound(CasebookError, KeyError):
    """No case with that id (a KeyError too, so ``except KeyError`` callers keep working)."""

    def __init__(self, case_id: str):
        self.case_id = case_id
        super().__init__(f"there is no case {case_id!r} in this casebook")

    def __str__(self) -> str:  # KeyError would otherwise show the message in quotes
        return self.args[0]


class StaleWriteError(CasebookError):
    """Someone else saved the case after it was read; saving now would silently undo their change."""

    def __init__(self, case_id: str, expected_version: int, current_version: int, changed_by: str, changed_at: str):
        self.case_id = case_id
        self.expected_version = expected_version
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_at = changed_at
        super().__init__(
            f"case {case_id} was changed by {changed_by} at {changed_at} since it was read "
            f"(version {expected_version}, now {current_version}); your change was not applied. "
            "Reload the case and try again."
        )


class NothingToUndo(CasebookError):
    """Every change to the case has been undone already (creating a case cannot be undone)."""

    def __init__(self, case_id: str):
        self.case_id = case_id
        super().__init__(f"nothing to undo for case {case_id}: every change since it was created is undone")


class NothingToRedo(CasebookError):
    """No undo to redo: none made yet, every one redone, or a change made since."""

    def __init__(self, case_id: str):
        self.case_id = case_id
        super().__init__(f"nothing to redo for case {case_id}: no undo since the last change")
