"""Comparing regimes: one case under several frameworks, or frameworks structure by structure.

- :func:`compare_case`: the case as recorded beside each other regime's projection of it;
- :func:`compare_frameworks`: scales, areas by theme, follow-up triggers, timing rules, reports;
- both give ``tables()`` (drawn by :func:`to_markdown`, :func:`to_text` and the terminal app) and
  ``to_json()``.

Everything regime-specific comes through the plugin hooks; nothing here names a regime.
"""

from inspectorate.compare.case import CaseComparison, CompareError, compare_case
from inspectorate.compare.markdown import to_markdown
from inspectorate.compare.structure import FrameworkComparison, compare_frameworks
from inspectorate.compare.text import to_text

__all__ = [
    "CaseComparison",
    "CompareError",
    "FrameworkComparison",
    "compare_case",
    "compare_frameworks",
    "to_markdown",
    "to_text",
]
