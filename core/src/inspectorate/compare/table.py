"""A comparison laid out for reading: titled tables of rows, one cell per regime, each row marked.

Both comparisons (of a case, of two frameworks) build these, and every surface draws them: the
Markdown writer, the terminal app's Compare screen. ``=`` marks a row where the regimes agree,
``≠`` one where they differ, so a difference never rests on colour.
"""

from __future__ import annotations

from attrs import field, frozen

from inspectorate.model import _tuple

SAME, DIFFERENT = "=", "≠"


@frozen
class Row:
    label: str
    cells: tuple[str, ...] = field(converter=_tuple)
    mark: str = ""

    def to_json(self) -> dict:
        return {"label": self.label, "cells": list(self.cells), "mark": self.mark}


@frozen
class Table:
    title: str
    columns: tuple[str, ...] = field(converter=_tuple)
    rows: tuple[Row, ...] = field(default=(), converter=_tuple)
    #: Lines drawn as they are (the text timeline), before the rows.
    drawing: tuple[str, ...] = field(default=(), converter=_tuple)
    notes: tuple[str, ...] = field(default=(), converter=_tuple)

    @property
    def differences(self) -> int:
        return sum(1 for row in self.rows if row.mark == DIFFERENT)

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "columns": list(self.columns),
            "rows": [r.to_json() for r in self.rows],
            "drawing": list(self.drawing),
            "notes": list(self.notes),
        }


def mark(values: list) -> str:
    """``=`` when every regime gives the same value, ``≠`` otherwise (None counts as a value)."""
    return SAME if len(set(values)) <= 1 else DIFFERENT


def keyed_rows(columns: list[dict[str, str]]) -> list[Row]:
    """Rows for the union of keys of each column's ``{key: text}``, in first-seen order.

    A key every column has is marked ``=``; a key only some have is marked ``≠`` and shows ``—``.
    """
    keys: list[str] = []
    for column in columns:
        keys += [k for k in column if k not in keys]
    rows = []
    for key in keys:
        cells = [column.get(key, "—") for column in columns]
        rows.append(Row(label=key, cells=cells, mark=SAME if all(key in c for c in columns) else DIFFERENT))
    return rows
