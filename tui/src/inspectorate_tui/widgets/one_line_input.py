"""A one-line text field that refuses a pasted paragraph instead of keeping its first line.

Textual's Input keeps the first line of a multi-line paste and drops the rest without a word; a
name list or an address pasted whole would lose most of itself. This one says why and pastes
nothing, so the person can paste the line they meant (or use a field that takes paragraphs).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from inspectorate_tui.words import _


class OneLineInput(Input):
    def __init__(self, *args, what: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        #: The field's name in the refusal ("Reporting inspector takes one line...").
        self.what = what

    def _on_paste(self, event: events.Paste) -> None:
        # Input's own handler runs after this one unless the default is prevented: it always is,
        # so the line inserted is the one non-blank line (a copy often ends with a newline).
        event.prevent_default()
        event.stop()
        lines = [line for line in event.text.splitlines() if line.strip()]
        if len(lines) > 1:
            self.notify(
                _("{field} takes one line: the pasted text has {count} lines, so nothing was pasted. Paste one line at a time.",
                  field=self.what or _("This field"), count=len(lines)),
                severity="error",
            )
        elif lines:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(lines[0])
            else:
                self.replace(lines[0], *selection)
