"""What is wrong with a file a person wrote, said so that they can find it and put it right.

Case files, framework files, school-terms files and the app's settings all report their problems
as :class:`Problem` (file, line, key, message, hint), collected into one :class:`ProblemsError`
so that one round of corrections is enough.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any

from attrs import frozen

from inspectorate.i18n import core_words


@frozen
class Problem:
    """One thing wrong with a file: where (file, line, key), what, and how to put it right."""

    path: str
    line: int | None
    #: The key as the parsed data is walked, 0-based indexes: ``evidence[2].kind``; "" for the file.
    key: str
    message: str
    #: A close match or the choices there are ("(did you mean 'scale'?)"); "" when there is none.
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        said = f"{self.message} {self.hint}" if self.hint else self.message
        return f"{where}: {self.key}: {said}" if self.key else f"{where}: {said}"


class ProblemsError(ValueError):
    """A file that cannot be used; ``problems`` lists every reason, file by file, in line order."""

    #: Problems shown in the message: a screenful; the rest are counted ("and 212 more").
    SHOWN = 20

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line is None, p.line or 0))
        lines = [str(p) for p in self.problems[: self.SHOWN]]
        if len(self.problems) > self.SHOWN:
            _ = core_words()
            lines.append(_("and {count} more problems in {path}", count=len(self.problems) - self.SHOWN,
                           path=self.problems[0].path))
        super().__init__("\n".join(lines))


def choice_hint(word: str, choices: Iterable[str], label: str) -> str:
    """A close match if there is one ("did you mean ..."), else the choices there are."""
    _ = core_words()
    choices = list(choices)
    if not choices:
        return _("(no {things} are defined)", things=label)
    close = difflib.get_close_matches(word, choices, n=1)
    if close:
        return _("(did you mean {word}?)", word=repr(close[0]))
    shown = choices if len(choices) <= 15 else [*choices[:15], "..."]
    return f"({label}: {', '.join(shown)})"


def what_it_is(value: Any) -> str:
    """What a parsed TOML value is, in words: "a string", "a date and time", ..."""
    _ = core_words()
    if isinstance(value, bool):
        return _("a boolean")
    if isinstance(value, int):
        return _("an integer")
    if isinstance(value, float):
        return _("a number")
    if isinstance(value, str):
        return _("a string")
    if isinstance(value, dt.datetime):
        return _("a date and time")
    if isinstance(value, dt.date):
        return _("a date")
    if isinstance(value, dt.time):
        return _("a time")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a table")
    return type(value).__name__
