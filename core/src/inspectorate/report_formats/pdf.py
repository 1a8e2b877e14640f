"""PDF, made by WeasyPrint from the same page as the HTML format, with nothing fetched from outside.

WeasyPrint needs the Pango libraries of the system (see the README); where they are missing the
export fails with a message that says what to install, and the other formats still work.
"""

from __future__ import annotations

from pathlib import Path

from inspectorate.report_formats import ReportDocument, ReportFormat, html


class PdfUnavailable(RuntimeError):
    pass


def _refuse(url: str, *args, **kwargs):
    """The page is whole in itself: it loads no file, image or style from anywhere."""
    raise ValueError(f"a report's PDF loads nothing from outside (asked for {url[:80]})")


def write(document: ReportDocument, path: Path) -> None:
    try:
        import weasyprint
    except OSError as error:  # the Python package is there, the system's Pango is not
        raise PdfUnavailable(
            "PDF needs the Pango libraries (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            f"libharfbuzz-subset0): {error}"
        ) from error
    weasyprint.HTML(string=html.page(document), url_fetcher=_refuse).write_pdf(path)


FORMAT = ReportFormat(id="pdf", name="PDF", extension=".pdf", write=write)
