"""Themes: Textual's own set plus a high-contrast one for glare, projectors and low vision.

In high contrast every field's edge is white and the focused one's yellow (Textual draws a
field's border in ``$border-blurred``, and in ``$border`` while it has the focus); fields drawn
without a border (compact ones) are set apart by ``app.tcss``.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="inspectorate-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#333333",
    warning="#FFB000",
    error="#FF5555",
    success="#00FF66",
    dark=True,
    variables={
        "border": "#FFFF00",
        "border-blurred": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "input-selection-background": "#FFFF00 50%",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
    },
)

DEFAULT_THEME = "textual-dark"
