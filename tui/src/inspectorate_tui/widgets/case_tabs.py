"""The case's tabs: a tab shown by a key stays shown, whatever focus news arrives late."""

from __future__ import annotations

from textual.widgets import TabbedContent, TabPane


class CaseTabs(TabbedContent):
    """Textual's tabs, which bring forward the pane of a widget given the focus, by a message.

    That message can arrive after the person has moved on: F9 focuses a grade, F7 shows Details
    and focuses the provider's name, then the grade's message comes in and Judgements is brought
    back, so the next keys land in a grade list. A pane is brought forward only while the focus is
    still inside it.
    """

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        focused = self.screen.focused
        if focused is None or event.tab_pane not in focused.ancestors_with_self:
            event.stop()
            event.prevent_default()  # the base class would make the pane active
