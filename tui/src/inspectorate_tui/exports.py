"""What can be exported from where: the choices the export dialog offers, as one list per screen.

An :class:`ExportChoice` is one file a person can write: a label, the file name suggested for it
and a function that writes it to a path (``replace`` an existing file only when told). The case
screen offers :func:`case_exports`, the casebook :func:`casebook_exports`; any kind of export (a
report in any format, a calendar, case files) is added by adding its choices to those lists, and
the dialog (:mod:`inspectorate_tui.dialogs.export`) stays the same. Nothing here imports Textual.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from attrs import field, frozen
from inspectorate.i18n import LANGUAGES, core_words
from inspectorate.model import Case

from inspectorate_tui.words import _


@frozen
class ExportChoice:
    #: As the list shows it: "Inspection report, English, as Word document (.docx)".
    label: str
    #: The file name suggested for it, without a folder.
    file_name: str
    #: ``(path, replace) -> None``: writes the file by the rules of ``inspectorate.files``;
    #: raises ``OutputError`` (``OutputExists`` when it exists and ``replace`` is false), or the
    #: error of whatever made the content (a template that does not render, say).
    write: Callable[[Path, bool], None] = field(eq=False)


def language_name(lang: str) -> str:
    return f"{LANGUAGES[lang]} ({lang})" if lang in LANGUAGES else lang


def slug(text: str) -> str:
    """A file-name-safe form of a name: "Ysgol Gynradd Glân Taf" -> "ysgol-gynradd-glan-taf"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "case"


def export_name(provider: str, template_id: str, lang: str, extension: str = ".md") -> str:
    return f"{slug(provider)}-{template_id}.{lang}{extension}"


def report_choices(host, case: Case, template_id: str, lang: str, today: dt.date) -> list[ExportChoice]:
    """One report or letter in every format there is (the core's and the plugins')."""
    from inspectorate.drafting import find_template
    from inspectorate.report_formats import report_formats

    template = find_template(host, template_id)
    choices = []
    for report_format in report_formats(host):
        choices.append(
            ExportChoice(
                label=_("{title}, {language}, as {format} ({extension})", title=template.title(lang), language=language_name(lang),
                        format=core_words()(report_format.name), extension=report_format.extension),
                file_name=export_name(case.provider.name, template.id, lang, report_format.extension),
                write=_report_writer(host, case, template.id, lang, today, report_format),
            )
        )
    return choices


def _report_writer(host, case: Case, template_id: str, lang: str, today: dt.date, report_format):
    def write(path: Path, replace: bool) -> None:
        from inspectorate.drafting import draft_report
        from inspectorate.report_formats import export_report, report_document

        # Drafted when written, from the case as it is then: the file is what the preview shows.
        report = draft_report(host, case, template_id, lang, today)
        export_report(report_document(case, report, today), report_format, path, replace=replace)

    return write


def case_exports(host, case: Case, today: dt.date, first: tuple[str, str] | None = None) -> list[ExportChoice]:
    """Everything that can be exported from one case: each of its framework's reports and
    letters, in each language, in each format. ``first`` (template id, language) puts that
    draft's formats at the top: the one the Reports tab shows."""
    from inspectorate.drafting import report_templates

    drafts = [(t.id, lang) for t in report_templates(host) if case.framework in t.frameworks for lang in t.languages]
    if first in drafts:
        drafts.remove(first)
        drafts.insert(0, first)
    reports = [choice for template_id, lang in drafts for choice in report_choices(host, case, template_id, lang, today)]
    return reports + case_file_choices(host, [case], slug(case.provider.name))


def case_file_choices(host, cases: list[Case], stem: str) -> list[ExportChoice]:
    """The cases in every format the exchange has that holds them: a case file, its follow-up as
    iCalendar; for many cases, the formats that hold many in one file."""
    from inspectorate.exchange import export_case, export_cases, exporters

    choices = []
    for exporter in exporters(host):
        if len(cases) == 1:
            write = _one_case_writer(host, cases[0], export_case)
        elif exporter.write_many is not None:
            write = _many_cases_writer(host, cases, export_cases)
        else:
            continue
        label = (_("The case as {format} ({extension})", format=exporter.name, extension=exporter.extension) if len(cases) == 1
                 else _("All {count} open cases as {format} ({extension})", count=len(cases), format=exporter.name,
                        extension=exporter.extension))
        choices.append(
            ExportChoice(
                label=label,
                file_name=f"{stem}{exporter.extension}",
                write=write,
            )
        )
    return choices


def _one_case_writer(host, case: Case, export_case):
    return lambda path, replace: export_case(host, case, path, replace=replace)


def _many_cases_writer(host, cases: list[Case], export_cases):
    return lambda path, replace: export_cases(host, cases, path, replace=replace)


def casebook_exports(host, casebook, case_id: str | None, today: dt.date) -> list[ExportChoice]:
    """Everything the casebook screen offers: the highlighted case's exports (none without one),
    then every open case at once in each format that holds many (the follow-up calendar of the
    whole casebook, one file of case files)."""
    choices: list[ExportChoice] = []
    if case_id is not None:
        choices += case_exports(host, casebook.get(case_id).case, today)
    cases = [casebook.get(row.id).case for row in casebook.list_cases()]
    if cases:
        choices += case_file_choices(host, cases, "casebook")
    return choices
