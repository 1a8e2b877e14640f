"""Reports and letters as Word, PDF, HTML and clean Markdown, each read back as a person's program would.

The formats are the core's, so they are written from the test kit's toy report; the Welsh page
words need a template in Welsh, which only Estyn has, so those two tests draft an Estyn report."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
import pytest
from inspectorate import hookimpl
from inspectorate.drafting import draft_report
from inspectorate.exchange import read_case
from inspectorate.files import OutputExists
from inspectorate.model import Evidence
from inspectorate.plugins import PluginHost
from inspectorate.report_formats import ReportFormat, export_report, format_for, report_document, report_formats
from inspectorate.testing import make_host, toy

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
ESTYN = EXAMPLES / "estyn-cif-2010-excellent-school.toml"
TODAY = dt.date(2026, 1, 5)
#: Published 2 May 2025 (so its report is final), teaching weak, one strength recorded.
TOY = toy.case("Toy Primary School", evidence=[Evidence("teaching", "strength", "Pupils read widely.")])


@pytest.fixture
def host(toy_host) -> PluginHost:
    return toy_host


@pytest.fixture
def estyn_host() -> PluginHost:
    return PluginHost(environ={"INSPECTORATE_LOAD_PLUGINS": "estyn"}).load_entry_points()


def written(host, tmp_path, example, template_id, lang, extension):
    case = example if not isinstance(example, Path) else read_case(host, example)
    report = draft_report(host, case, template_id, lang, TODAY)
    path = tmp_path / f"out{extension}"
    export_report(report_document(case, report, TODAY), format_for(host, path), path)
    return case, report, path


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_word_has_heading_styles_judgement_tables_header_and_page_numbers(host, tmp_path):
    case, report, path = written(host, tmp_path, TOY, "toy-report", "en", ".docx")
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Toy Primary School: toy inspection report")
    assert ("Heading 2", "Findings") in headings
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Area", "Grade"]
    assert ["Teaching", "Weak"] in [[c.text for c in r.cells] for r in table.rows]
    assert all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)
    header = document.sections[0].header.paragraphs[0].text
    assert header.startswith("Toy Primary School · ") and header.endswith("FINAL")  # its publication date is recorded
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    body = "\n".join(p.text for p in document.paragraphs)
    assert "<!--" not in body and "Report date: 2 May 2025." in body
    assert document.core_properties.author == case.team.reporting_inspector


def test_word_numbers_an_ordered_list_with_words_own_numbering(host, tmp_path):
    from inspectorate.model import DocumentDetails
    from inspectorate.report_formats import word

    case = TOY
    report = draft_report(host, case, "toy-report", "en", TODAY)
    import attrs

    numbered = attrs.evolve(report, text="# Letter\n\n3. First point\n4. Second point\n\nAfter.\n")
    document = report_document(attrs.evolve(case, documents={report.template.id: DocumentDetails(signatory="A. Signer")}), numbered, TODAY)
    word.write(document, tmp_path / "n.docx")
    read = docx.Document(str(tmp_path / "n.docx"))
    items = [p for p in read.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in items] == ["First point", "Second point"]
    num_ids = {p._p.pPr.numPr.numId.val for p in items}
    assert len(num_ids) == 1
    assert 'w:startOverride w:val="3"' in read.part.numbering_part.element.xml
    assert read.core_properties.author == "A. Signer"


def test_welsh_letter_in_word_has_welsh_header_and_page_words(estyn_host, tmp_path):
    _case, report, path = written(estyn_host, tmp_path, ESTYN, "estyn-case-study-invitation", "cy", ".docx")
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == report.text.splitlines()[0].removeprefix("# ")
    assert document.sections[0].header.paragraphs[0].text.endswith("DRAFFT")  # dated today only
    assert "Tudalen" in document.sections[0].footer.paragraphs[0].text


def test_html_is_a_standalone_page_with_the_draft_and_no_section_marks(host, tmp_path):
    _case, report, path = written(host, tmp_path, TOY, "toy-report", "en", ".html")
    page = path.read_text(encoding="utf-8")
    parsed = Text()
    parsed.feed(page)
    assert parsed.tags[:2] == ["html", "head"] and "style" in parsed.tags and "table" in parsed.tags
    assert "link" not in parsed.tags and "script" not in parsed.tags  # nothing beside it is needed
    text = "".join(parsed.text)
    assert "Toy Primary School: toy inspection report" in text and "Weak" in text and "Pupils read widely." in text
    assert "section:" not in page


def test_what_a_person_typed_is_shown_not_obeyed_in_html(host, tmp_path):
    import attrs

    hostile = Evidence(area="teaching", kind="strength", text='<script>alert(1)</script> ![x](file:///etc/passwd)')
    case = attrs.evolve(TOY, evidence=(*TOY.evidence, hostile))
    report = draft_report(host, case, "toy-report", "en", TODAY)
    path = tmp_path / "r.html"
    export_report(report_document(case, report, TODAY), format_for(host, path), path)
    parsed = Text()
    parsed.feed(path.read_text(encoding="utf-8"))
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert "<script>alert(1)</script>" in "".join(parsed.text)


def test_pdf_has_the_text_the_header_and_page_numbers(host, tmp_path):
    _case, _report, path = written(host, tmp_path, TOY, "toy-report", "en", ".pdf")
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) >= 1
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Toy Primary School: toy inspection report" in text
    assert "Community links Sound" in text
    assert f"Page 1 of {len(reader.pages)}" in text and "FINAL" in text


def test_welsh_pdf(estyn_host, tmp_path):
    _case, report, path = written(estyn_host, tmp_path, ESTYN, "estyn-cif-2010-school-report", "cy", ".pdf")
    reader = pypdf.PdfReader(str(path))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert report.text.splitlines()[0].removeprefix("# ") in text
    assert f"Tudalen 1 o {len(reader.pages)}" in text


def test_markdown_is_clean_and_a_file_is_not_replaced_unless_asked(host, tmp_path):
    case, report, path = written(host, tmp_path, TOY, "toy-report", "en", ".md")
    text = path.read_text(encoding="utf-8")
    assert "<!--" not in text and "<!-- section:" in report.text and "\n\n\n" not in text
    document = report_document(case, report, TODAY)
    with pytest.raises(OutputExists):
        export_report(document, format_for(host, path), path)
    assert path.stat().st_mode & 0o777 == 0o600


class ExtraFormat:
    def __init__(self, taken: bool = False):
        self.taken = taken

    @hookimpl
    def register_report_formats(self, register):
        def write(document, path):
            path.write_text(document.markdown.upper(), encoding="utf-8")

        register(ReportFormat(id="shout", name="Shouting", extension=".md" if self.taken else ".shout", write=write))


def test_a_plugin_adds_a_format_and_cannot_take_one_already_there(host, tmp_path):
    host.add(ExtraFormat(), name="extra")
    assert [f.id for f in report_formats(host)] == ["docx", "pdf", "html", "md", "shout"]
    _case, _report, path = written(host, tmp_path, TOY, "toy-report", "en", ".shout")
    assert path.read_text(encoding="utf-8").startswith("# TOY PRIMARY SCHOOL: TOY INSPECTION REPORT\n")
    other = make_host(toy=toy, greedy=ExtraFormat(taken=True), strict=False)
    assert [f.id for f in report_formats(other)] == ["docx", "pdf", "html", "md"]
    assert any(p.plugin == "greedy" and "already taken" in p.message for p in other.problems)
