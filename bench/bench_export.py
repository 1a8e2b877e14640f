"""Benchmark of exporting the whole demo casebook: every report and letter as Word, against a
baseline measured in the same run (the follow-up as one .ics file: ``bench_ics.py``).

Run from the repository root::

    .venv/bin/python bench/bench_export.py [--repeats 5]

Word: every template of each case's framework, in each of its languages, drafted from the case and
written as a new .docx (``export_report`` with the Word format, as ``inspectorate report -o
FILE.docx`` and the export dialog do it). Its baseline is the same drafts written as clean
Markdown (``export_report`` with the Markdown format): drafting, the file rules and the writing
of the text, so the ratio is what the Word document itself (styles, numbering, tables, header,
page numbers) adds.

Before timing, every .docx is read back with python-docx (it holds its provider's name and the
template's title). Times are the best of several repeats; nothing is asserted about time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import docx
from inspectorate.casebook import Casebook
from inspectorate.drafting import draft_report, report_templates
from inspectorate.plugins import default_host
from inspectorate.report_formats import export_report, format_for, report_document
from inspectorate_tui.demo import WRITTEN_FOR, seed
from timing import best_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    host = default_host()
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    with Casebook.open(folder / "demo.sqlite") as book:
        seed(book, host, WRITTEN_FOR)
        cases = [book.get(row.id).case for row in book.list_cases()]
    templates = {t.id: t for t in report_templates(host)}
    drafts = [(case, t.id, lang) for case in cases for t in templates.values() if case.framework in t.frameworks
              for lang in t.languages]
    word, markdown = format_for(host, format_id="docx"), format_for(host, format_id="md")
    runs = iter(range(10**6))

    def export_all(report_format) -> list[Path]:
        run = folder / f"{report_format.id}-{next(runs)}"
        run.mkdir()
        written = []
        for n, (case, template_id, lang) in enumerate(drafts):
            report = draft_report(host, case, template_id, lang, WRITTEN_FOR)
            path = run / f"{n}-{template_id}.{lang}{report_format.extension}"
            written.append(export_report(report_document(case, report, WRITTEN_FOR), report_format, path))
        return written

    # Read back before timing (and warm: templates compiled, frameworks loaded, calendars built).
    for (case, template_id, lang), path in zip(drafts, export_all(word), strict=True):
        document = docx.Document(str(path))
        text = "\n".join(p.text for p in document.paragraphs)
        title = templates[template_id].title(lang)
        header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
        if case.provider.name not in header or title not in header or not text.strip():
            print(f"WRONG: {path.name} lacks its provider {case.provider.name!r} or title {title!r}")
            return 1
    export_all(markdown)

    base_md = best_of(args.repeats, lambda: export_all(markdown))
    docx_time = best_of(args.repeats, lambda: export_all(word))
    print(f"demo casebook: {len(cases)} cases, {len(drafts)} reports and letters, best of {args.repeats}")
    print(f"baseline  every draft written as clean Markdown (.md):  {base_md * 1e3:9.2f} ms")
    print(f"export    every draft written as Word (.docx):          {docx_time * 1e3:9.2f} ms"
          f"  {docx_time / base_md:6.2f}x the Markdown baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
