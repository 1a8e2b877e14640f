"""Text from cases and plugins shown inside Textual markup, exactly as written."""

from __future__ import annotations


def escape(text: str) -> str:
    """Every "[" escaped, so "[H]" in a citation or "[draft]" in a note is shown, not read as a tag.

    rich's own escape leaves "[H]" alone (it does not look like a style to rich), but Textual's
    markup takes it as one and the text disappears.
    """
    return text.replace("[", r"\[")
