"""Textual bindings built from the keymap, so every binding has the id a person can rebind."""

from __future__ import annotations

from textual.binding import Binding

from inspectorate_tui.keymap import actions_for


def bindings(scope: str) -> list[Binding]:
    return [
        Binding(a.keys, a.action, a.label, show=a.show, id=a.id, tooltip=a.description, priority=a.priority)
        for a in actions_for(scope)
    ]
