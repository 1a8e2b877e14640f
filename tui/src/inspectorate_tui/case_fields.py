"""What a case's typed fields must hold, checked once for every place they are typed.

The new-case dialog and the Details tab both call these, so what one refuses the other refuses
in the same words. Each raises ValueError with words for the person (lower case, no full stop:
the caller names the field and says what happens next).
"""

from __future__ import annotations

import datetime as dt

from inspectorate_tui.dialogs.prompt import parse_date

#: What the person is asked to choose, for the message when they have not.
FRAMEWORK = "the framework the inspection is under"
SECTOR = "the provider's sector"


def provider_name(text: str) -> str:
    """The provider's name as typed, trimmed; spaces alone are no name."""
    name = text.strip()
    if not name:
        raise ValueError("the provider needs a name")
    return name


def optional_date(text: str) -> dt.date | None:
    """A YYYY-MM-DD date, or None when the field is left empty (not known yet)."""
    return parse_date(text) if text.strip() else None


def chosen(value: str | None, what: str) -> str:
    """A choice that must be made (``value`` None when nothing is chosen)."""
    if value is None or value == "":
        raise ValueError(f"choose {what}")
    return value


def sentence(error: Exception) -> str:
    """An error's words (lower case, no full stop) as a sentence of their own."""
    text = str(error)
    return f"{text[:1].upper()}{text[1:]}."
