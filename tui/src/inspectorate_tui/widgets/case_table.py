"""The casebook table: a virtual list that renders only the rows on screen.

A DataTable builds every row as it is added; with 25,000 cases and a filter that changes on each
keystroke that is too slow, so this widget keeps the filtered lines in a list and draws the few
the terminal can show (Textual's line API).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from inspectorate_tui.bindings import bindings
from inspectorate_tui.casebook_view import STATUSES, CaseLine, stage_words
from inspectorate_tui.words import N_, _

#: (heading, width or None for the rest)
COLUMNS = (
    (N_("Status"), 15),
    (N_("Deadline"), 11),
    (N_("Provider"), 36),
    (N_("Regime"), 7),
    (N_("Framework"), 33),
    (N_("Stage"), 11),
    (N_("Next event"), None),
)
PROVIDER = 2
#: The provider's column takes at least its width, or half of what the fixed columns leave on a
#: wide terminal (the other half goes to the next event), so long names show in full there.
_FIXED = sum(size for n, (_, size) in enumerate(COLUMNS) if size is not None and n != PROVIDER)


def widths(width: int) -> list[int]:
    provider = max(COLUMNS[PROVIDER][1], (width - _FIXED) // 2)
    sizes = [provider if n == PROVIDER else size for n, (_, size) in enumerate(COLUMNS)]
    sizes[-1] = max(0, width - sum(sizes[:-1]))
    return sizes


def cells(line: CaseLine) -> tuple[str, ...]:
    row = line.row
    symbol, words = STATUSES[line.status]
    return (
        f"{symbol} {_(words)}",
        row.next_deadline.isoformat() if row.next_deadline else "",
        row.provider,
        row.regime,
        row.framework,
        stage_words(line.stage),
        row.next_event or "",
    )


def layout(values: tuple[str, ...], width: int) -> str:
    parts = []
    for size, value in zip(widths(width), values, strict=True):
        text = value if len(value) < size else value[: max(0, size - 2)] + "… "
        parts.append(text.ljust(size))
    return "".join(parts)[:width].ljust(width)


def header(width: int) -> str:
    return layout(tuple(_(heading) for heading, _size in COLUMNS), width)


class CaseTable(ScrollView, can_focus=True):
    """Filtered case lines with a cursor; Enter opens (the screen's binding)."""

    COMPONENT_CLASSES = {"case-table--cursor", "case-table--overdue", "case-table--due-soon", "case-table--archived"}
    BINDINGS = bindings("case list")
    DEFAULT_CSS = """
    CaseTable { height: 1fr; }
    CaseTable > .case-table--cursor { background: $accent 40%; text-style: bold; }
    CaseTable:focus > .case-table--cursor { background: $accent; color: $text; }
    CaseTable > .case-table--overdue { color: $error; text-style: bold; }
    CaseTable > .case-table--due-soon { color: $warning; }
    CaseTable > .case-table--archived { color: $text-muted; }
    """

    cursor = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, line: CaseLine | None):
            super().__init__()
            self.line = line

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.lines: list[CaseLine] = []
        #: Shown in place of the list when it has no line (how to start, or that nothing matched).
        self.empty_text = ""

    def show(self, lines: list[CaseLine], keep: str | None = None, otherwise: int = 0) -> None:
        """Show ``lines``; the cursor stays on case ``keep`` when it is still listed, else goes to
        line ``otherwise`` (the cursor is kept within the lines)."""
        self.lines = lines
        index = next((n for n, line in enumerate(lines) if line.id == keep), otherwise) if keep else otherwise
        self.virtual_size = Size(self.size.width, len(lines))
        self.cursor = index
        self.refresh()

    @property
    def current(self) -> CaseLine | None:
        return self.lines[self.cursor] if 0 <= self.cursor < len(self.lines) else None

    def watch_cursor(self, old: int, new: int) -> None:
        if self.lines:
            clamped = max(0, min(new, len(self.lines) - 1))
            if clamped != new:
                self.cursor = clamped
                return
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def action_cursor(self, step: int) -> None:
        self.cursor = self.cursor + step

    def action_page(self, direction: int) -> None:
        self.cursor = self.cursor + direction * max(1, self.scrollable_content_region.height - 1)

    def action_jump(self, where: int) -> None:
        self.cursor = where if where >= 0 else len(self.lines) - 1

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.lines))

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index >= len(self.lines):
            if not self.lines and y == 1 and self.empty_text:
                return Strip([Segment(f" {self.empty_text}"[:width].ljust(width), self.rich_style)], width)
            return Strip.blank(width, self.rich_style)
        line = self.lines[index]
        style = self.rich_style
        if line.status in ("overdue", "due-soon", "archived"):
            style += self.get_component_rich_style(f"case-table--{line.status}")
        if index == self.cursor:
            style += self.get_component_rich_style("case-table--cursor")
        return Strip([Segment(layout(cells(line), width), style)], width)

    def _on_click(self, event) -> None:  # a mouse is never needed, but is not refused
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self.lines):
            self.cursor = index
