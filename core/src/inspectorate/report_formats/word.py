"""A Word document (.docx, python-docx) of the draft, read from the same Markdown as every format.

Headings become Word's own heading styles (so the navigation pane and a table of contents work),
numbered lists Word's numbering (restarted for each list, at the number the Markdown gives),
tables Word tables with a bold header row, and every page carries the running header (provider,
title, DRAFT or FINAL) and "Page N of M". The document's properties name the title, the provider
and the signatory.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inspectorate.i18n import N_
from inspectorate.report_formats import ReportDocument, ReportFormat, words
from inspectorate.report_formats.html import parser

#: Markdown's heading levels as Word's styles.
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4", 5: "Heading 5", 6: "Heading 6"}
LIST_STYLES = {"bullet_list": "List Bullet", "ordered_list": "List Number"}
NESTED = {"List Bullet": "List Bullet 2", "List Number": "List Number 2"}


def write(document: ReportDocument, path: Path) -> None:
    import docx

    word = docx.Document()
    _properties(word, document)
    _header_and_footer(word, document)
    _Body(word).add(parser().parse(document.markdown))
    word.save(str(path))


def _properties(word, document: ReportDocument) -> None:
    props = word.core_properties
    props.title = document.title
    props.subject = document.provider
    props.author = document.signatory or ""
    props.language = {"cy": "cy-GB", "en": "en-GB"}.get(document.lang, document.lang)
    props.keywords = words(document.lang)[document.status]
    props.created = dt.datetime.combine(document.dated, dt.time(9, 0))


def _header_and_footer(word, document: ReportDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = word.sections[0]
    head = section.header.paragraphs[0]
    head.text = document.running_header
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = words(document.lang)["page"].partition("{page}")
    middle, _, after = rest.partition("{pages}")
    foot.add_run(before)
    _field(foot, "PAGE")
    foot.add_run(middle)
    _field(foot, "NUMPAGES")
    foot.add_run(after)


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text is not None and text.strip() == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


class _Body:
    """Walks markdown-it's tokens, adding paragraphs, headings, lists and tables to the document."""

    def __init__(self, word):
        self.word = word
        self.lists: list[dict] = []  # open lists, innermost last: style, numbering, first item
        self.table: list[list[str]] | None = None
        self.row: list | None = None
        self.header_rows = 0
        self.quote = 0

    def add(self, tokens) -> None:
        i = 0
        while i < len(tokens):
            i = self.token(tokens, i)

    def token(self, tokens, i: int) -> int:
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
            paragraph = self.word.add_paragraph(style=HEADING_STYLES[level])
            _inline(paragraph, tokens[i + 1])
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            style = LIST_STYLES[kind.removesuffix("_open")]
            if self.lists:
                style = NESTED.get(style, style)
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else None
            self.lists.append({"style": style, "num": self._numbering(style, start) if start else None, "item": False})
            return i + 1
        if kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
            return i + 1
        if kind == "list_item_open":
            self.lists[-1]["item"] = True
            return i + 1
        if kind == "blockquote_open":
            self.quote += 1
            return i + 1
        if kind == "blockquote_close":
            self.quote -= 1
            return i + 1
        if kind == "paragraph_open":
            return self.paragraph(tokens, i)
        if kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                self.word.add_paragraph(line, style="No Spacing")
            return i + 1
        if kind == "hr":
            self.word.add_paragraph("")
            return i + 1
        if kind == "table_open":
            self.table, self.header_rows = [], 0
            return i + 1
        if kind == "thead_open":
            self.header_rows = -1  # rows until thead_close are header rows
            return i + 1
        if kind == "thead_close":
            self.header_rows = len(self.table or ())
            return i + 1
        if kind == "tr_open":
            self.row = []
            return i + 1
        if kind in ("th_open", "td_open"):
            if self.row is not None:  # markdown-it opens a row before its cells
                self.row.append(tokens[i + 1])
            return i + 3
        if kind == "tr_close":
            if self.table is not None and self.row is not None:
                self.table.append(self.row)
            return i + 1
        if kind == "table_close":
            self._table()
            return i + 1
        return i + 1

    def paragraph(self, tokens, i: int) -> int:
        inline = tokens[i + 1]
        if self.lists:
            current = self.lists[-1]
            paragraph = self.word.add_paragraph(style=current["style"])
            if current["item"]:
                if current["num"] is not None:
                    _set_numbering(paragraph, current["num"])
                current["item"] = False
            else:  # a second paragraph of the same item: indented, not numbered again
                paragraph.style = self.word.styles["List Continue" if len(self.lists) == 1 else "List Continue 2"]
        else:
            paragraph = self.word.add_paragraph(style="Quote" if self.quote else None)
        _inline(paragraph, inline)
        return i + 3

    def _numbering(self, style: str, start: int):
        """A numbering of its own for one list, counting from ``start``: each list restarts."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        numbering = self.word.part.numbering_part.element
        style_num = self.word.styles[style].element.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start_at = OxmlElement("w:startOverride")
        start_at.set(qn("w:val"), str(start))
        override.append(start_at)
        num.append(override)
        return num.numId

    def _table(self) -> None:
        rows = self.table or []
        columns = max((len(r) for r in rows), default=0)
        if not columns:
            return
        table = self.word.add_table(rows=len(rows), cols=columns)
        table.style = self.word.styles["Table Grid"]
        for r, row in enumerate(rows):
            for c, cell_inline in enumerate(row):
                paragraph = table.cell(r, c).paragraphs[0]
                _inline(paragraph, cell_inline, bold=r < self.header_rows)
        self.table = None
        self.word.add_paragraph("")


def _set_numbering(paragraph, num_id: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(num)
    ppr.append(numpr)


def _inline(paragraph, token, bold: bool = False) -> None:
    """The runs of one line of Markdown: bold, italic and code kept; links as their text."""
    strong = em = 0
    for child in token.children or ():
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            em += 1
        elif kind == "em_close":
            em -= 1
        elif kind in ("text", "code_inline", "html_inline"):
            run = paragraph.add_run(child.content)
            run.bold = bool(strong) or bold or None
            run.italic = bool(em) or None
            if kind == "code_inline":
                run.font.name = "Courier New"
        elif kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak":
            paragraph.add_run().add_break()


FORMAT = ReportFormat(id="docx", name=N_("Word document"), extension=".docx", write=write)
