"""Clean Markdown: the draft as rendered, without the section marks the checks use."""

from __future__ import annotations

from pathlib import Path

from inspectorate.report_formats import ReportDocument, ReportFormat


def write(document: ReportDocument, path: Path) -> None:
    path.write_text(document.markdown, encoding="utf-8", newline="\n")


FORMAT = ReportFormat(id="md", name="Markdown", extension=".md", write=write)
