"""A comparison as plain text for a terminal: the regimes in columns, long cells wrapped."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from inspectorate.compare.table import Table


def table_text(table: Table, width: int = 120) -> list[str]:
    lines = [table.title.upper(), ""]
    lines += [*table.drawing, ""] if table.drawing else []
    if table.rows:
        label_width = min(max(len(table.columns[0]), *(len(r.label) for r in table.rows)) + 1, 28)
        cells = len(table.columns) - 1
        cell_width = max((width - 2 - label_width) // max(cells, 1) - 2, 12)
        header = "  " + table.columns[0].ljust(label_width) + "".join(
            textwrap.shorten(c, cell_width, placeholder="…").ljust(cell_width + 2) for c in table.columns[1:]
        )
        lines += [header.rstrip(), "  " + "-" * (len(header.rstrip()) - 2)]
        for row in table.rows:
            wrapped = [textwrap.wrap(c, cell_width) or [""] for c in row.cells]
            labels = textwrap.wrap(row.label, label_width - 1) or [""]
            for i in range(max(len(labels), *(len(w) for w in wrapped))):
                mark = (row.mark or " ") if i == 0 else " "
                label = labels[i] if i < len(labels) else ""
                text = "".join((w[i] if i < len(w) else "").ljust(cell_width + 2) for w in wrapped)
                lines.append(f"{mark} {label.ljust(label_width)}{text}".rstrip())
        lines.append("")
    lines += [f"* {note}" for note in table.notes]
    return lines + [""]


def to_text(title: str, tables: list[Table], preface: Sequence[str] = (), width: int = 120) -> str:
    lines = [title, "=" * len(title), *preface, ""]
    for table in tables:
        lines += table_text(table, width)
    return "\n".join(lines).rstrip() + "\n"
