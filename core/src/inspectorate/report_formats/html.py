"""A standalone, printable HTML page of the draft; the PDF is made from the same page.

The Markdown is turned into HTML by markdown-it (CommonMark and tables). Raw HTML in it is shown
as text, not obeyed, and images are not fetched: what a person typed into the case can never make
the page load a file or run a script. The page's own style holds everything it needs (no file
beside it), with the running header and page numbers that print (and WeasyPrint) put on each page.
"""

from __future__ import annotations

import html
from pathlib import Path

from inspectorate.i18n import N_
from inspectorate.report_formats import ReportDocument, ReportFormat, words


def parser():
    """The one Markdown reading every format uses: CommonMark with tables, no raw HTML, no images."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")


def body(document: ReportDocument) -> str:
    return parser().render(document.markdown)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page(document: ReportDocument) -> str:
    """The whole page: the running header, the report, the page numbers in print."""
    page_words = words(document.lang)["page"]
    before, _, rest = page_words.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    numbers = f"{_css_string(before)} counter(page) {_css_string(middle)} counter(pages) {_css_string(after)}"
    return f"""<!DOCTYPE html>
<html lang="{html.escape(document.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(f"{document.provider}: {document.title}")}</title>
<style>
@page {{
  size: A4;
  margin: 22mm 20mm 20mm 20mm;
  @top-center {{ content: element(running-header); }}
  @bottom-center {{ content: {numbers}; font: 9pt sans-serif; color: #444; }}
}}
body {{ font: 11pt/1.45 "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 46em; margin: 2em auto; padding: 0 1em; }}
header.running {{ position: running(running-header); font-size: 9pt; color: #444;
                  border-bottom: 1px solid #999; padding-bottom: 2pt; margin-bottom: 1em; }}
header.running .status {{ font-weight: bold; letter-spacing: 0.05em; }}
h1 {{ font-size: 18pt; margin: 0 0 0.6em; }}
h2 {{ font-size: 14pt; margin: 1.2em 0 0.4em; page-break-after: avoid; }}
h3 {{ font-size: 12pt; margin: 1em 0 0.3em; page-break-after: avoid; }}
table {{ border-collapse: collapse; margin: 0.6em 0; }}
th, td {{ border: 1px solid #777; padding: 3pt 6pt; text-align: left; vertical-align: top; }}
th {{ background: #eee; }}
@media print {{ body {{ margin: 0; max-width: none; padding: 0; }} }}
</style>
</head>
<body>
<header class="running"><span class="provider">{html.escape(document.provider)}</span> ·
<span class="title">{html.escape(document.title)}</span> ·
<span class="status">{html.escape(words(document.lang)[document.status])}</span></header>
<main>
{body(document)}</main>
</body>
</html>
"""


def write(document: ReportDocument, path: Path) -> None:
    path.write_text(page(document), encoding="utf-8", newline="\n")


FORMAT = ReportFormat(id="html", name=N_("Web page (HTML)"), extension=".html", write=write)
