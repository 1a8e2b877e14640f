"""A comparison as Markdown: a table per part, the timeline as a text block, the marks kept."""

from __future__ import annotations

from collections.abc import Sequence

from inspectorate.compare.table import Table


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|") or " "


def table_markdown(table: Table) -> list[str]:
    lines = [f"## {table.title}", ""]
    if table.drawing:
        lines += ["```text", *table.drawing, "```", ""]
    if table.rows:
        header = ["", *table.columns]
        lines.append("| " + " | ".join(_cell(h) for h in header) + " |")
        lines.append("|" + "---|" * len(header))
        for row in table.rows:
            lines.append("| " + " | ".join(_cell(c) for c in (row.mark, row.label, *row.cells)) + " |")
        lines.append("")
    lines += [f"- {note}" for note in table.notes]
    if table.notes:
        lines.append("")
    return lines


def to_markdown(title: str, tables: list[Table], preface: Sequence[str] = ()) -> str:
    lines = [f"# {title}", "", *preface]
    if preface:
        lines.append("")
    for table in tables:
        lines += table_markdown(table)
    return "\n".join(lines).rstrip() + "\n"
