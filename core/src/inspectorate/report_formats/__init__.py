"""The file formats a drafted report or letter is written in: Word, PDF, HTML, clean Markdown.

Every format is a :class:`ReportFormat` registered through the ``register_report_formats`` hook;
the core's own formats are registered by the core the same way, first, so a plugin may add more
(an id or extension already taken is a problem of the later plugin, which is left out). Each
format writes a :class:`ReportDocument`: the report as rendered once (its Markdown) with what a
person expects around it (the provider's name, whether it is a draft or final, the date it
bears). Files are written by the rules of :mod:`inspectorate.files`: owner-only, whole or not at
all, never over an existing file unless asked.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable
from pathlib import Path

from attrs import field, frozen

from inspectorate.model import Case
from inspectorate.reports import RenderedReport, clean_markdown

#: Words the formats put around a report, by language: the running header and the page numbers.
WORDS = {
    "en": {"draft": "DRAFT", "final": "FINAL", "page": "Page {page} of {pages}"},
    "cy": {"draft": "DRAFFT", "final": "TERFYNOL", "page": "Tudalen {page} o {pages}"},
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


@frozen
class ReportDocument:
    """What a format writes: one drafted report or letter and what is shown around it."""

    #: The drafted report or letter: its template, language, Markdown and findings.
    report: RenderedReport
    #: The case it was drafted from (provider's name for the running header, and so on).
    case: Case
    #: The date it bears (:func:`inspectorate.drafting.bears_date`).
    dated: dt.date
    #: "draft" or "final" (:func:`document_status`).
    status: str

    @property
    def lang(self) -> str:
        return self.report.lang

    @property
    def title(self) -> str:
        return self.report.template.title(self.lang)

    @property
    def provider(self) -> str:
        return self.case.provider.name

    @property
    def markdown(self) -> str:
        """The text a person receives: the rendered Markdown without its section marks."""
        return clean_markdown(self.report.text)

    @property
    def signatory(self) -> str:
        document = self.case.documents.get(self.report.template.id)
        return (document.signatory if document else "") or self.case.team.reporting_inspector

    @property
    def running_header(self) -> str:
        """The line at the top of every page: provider, title, DRAFT or FINAL."""
        return f"{self.provider} · {self.title} · {words(self.lang)[self.status]}"


def document_status(reason: str, dated: dt.date, today: dt.date) -> str:
    """"final" once the document bears a date the team recorded (set for it, or the report's
    publication date) and that day has come; before then, and while it is dated today only
    because nothing was recorded, "draft"."""
    return "final" if reason in ("set", "published") and dated <= today else "draft"


@frozen
class ReportFormat:
    #: Unique among formats: "docx"; what ``--format`` names.
    id: str
    #: As a person names it, in English: "Word document" (marked ``N_`` by the core's own formats, and
    #: shown in the language spoken where the core's catalogue has it).
    name: str
    #: With its dot: ".docx".
    extension: str
    #: ``(document, path) -> None``: writes ``document`` to ``path``, a new empty owner-only file
    #: that :func:`export_report` then moves into place whole.
    write: Callable[[ReportDocument, Path], None] = field(eq=False)


class UnknownReportFormat(ValueError):
    pass


def builtin_formats() -> list[ReportFormat]:
    from inspectorate.report_formats import html, markdown, pdf, word

    return [word.FORMAT, pdf.FORMAT, html.FORMAT, markdown.FORMAT]


_FORMATS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
HOOK = "register_report_formats"


def report_formats(host) -> list[ReportFormat]:
    """The core's formats, then each plugin's; the first to take an id or extension keeps it,
    and a later one that asks for it is that plugin's recorded problem."""
    if host in _FORMATS:
        return _FORMATS[host]
    found: list[ReportFormat] = builtin_formats()
    for plugin, mine in host.registered_in_order(HOOK):
        for candidate in mine:
            taken = next((f for f in found if f.id == candidate.id or f.extension.lower() == candidate.extension.lower()), None)
            if taken is not None:
                host.refuse_registration(
                    plugin, HOOK, f"report format {candidate.id!r} ({candidate.extension}) is already taken by {taken.name}; kept it"
                )
                continue
            found.append(candidate)
    _FORMATS[host] = found
    return found


def format_for(host, path: Path | str | None = None, format_id: str | None = None) -> ReportFormat:
    """The format named by ``format_id``, else the one for ``path``'s extension."""
    formats = report_formats(host)
    if format_id:
        for candidate in formats:
            if candidate.id == format_id:
                return candidate
        known = ", ".join(f.id for f in formats)
        raise UnknownReportFormat(f"no report format {format_id!r} (known: {known})")
    suffix = Path(path).suffix.lower() if path else ""
    for candidate in formats:
        if candidate.extension.lower() == suffix:
            return candidate
    known = ", ".join(f.extension for f in formats)
    raise UnknownReportFormat(
        f"{path}: no report format is written as {suffix or 'a file without an extension'} (known: {known})"
    )


def report_document(case: Case, report: RenderedReport, today: dt.date) -> ReportDocument:
    from inspectorate.drafting import bears_date

    dated, reason = bears_date(case, report.template, today)
    return ReportDocument(report=report, case=case, dated=dated, status=document_status(reason, dated, today))


def export_report(
    document: ReportDocument, report_format: ReportFormat, path: Path | str, *, replace: bool = False, inputs=()
) -> Path:
    """Write ``document`` in ``report_format`` to ``path`` by the rules of :mod:`inspectorate.files`."""
    from inspectorate.files import writing

    with writing(path, replace=replace, inputs=inputs) as temp:
        report_format.write(document, temp)
    return Path(path)
