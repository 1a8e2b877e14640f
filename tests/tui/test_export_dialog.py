"""The export dialog, from the Reports tab (x) and the casebook (x): every format, the folder
remembered, never over a file without a yes, refusals shown in the dialog, files read back."""

from __future__ import annotations

import os

import docx
from inspectorate.drafting import report_templates
from inspectorate.reports import clean_markdown
from inspectorate_tui.config import Settings, load_settings
from inspectorate_tui.dialogs.confirm import Confirm
from inspectorate_tui.dialogs.export import ExportDialog
from inspectorate_tui.exports import export_name
from inspectorate_tui.screens.case import CaseScreen
from textual.widgets import Input, OptionList, Static

from tests.tui.conftest import SIZE, casebook_loaded
from tests.tui.test_reports_tab import RI_TODAY, choose, estyn_case_id, notifications, open_reports, ri_case_id  # noqa: F401

FORMAT_NAMES = ("Word document (.docx)", "PDF (.pdf)", "Web page (HTML) (.html)", "Markdown (.md)")


def settings_in(tmp_path, **values) -> Settings:
    return Settings(path=tmp_path / "config" / "config.toml", **values)


def labels(dialog: ExportDialog) -> list[str]:
    return [str(o.prompt) for o in dialog.query_one(OptionList).options]


async def export(pilot, *, choice: int | None = None, folder=None, name: str | None = None) -> ExportDialog:
    """Fill the open export dialog and press ctrl+s; returns the dialog."""
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportDialog)
    if choice is not None:
        dialog.query_one(OptionList).highlighted = choice
        await pilot.pause()
    if folder is not None:
        dialog.query_one("#export-folder", Input).value = str(folder)
    if name is not None:
        dialog.query_one("#export-name", Input).value = name
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return dialog


def error_of(dialog: ExportDialog) -> str:
    return str(dialog.query_one("#error", Static).render())


async def test_the_reports_tab_offers_its_draft_in_every_format_first(make_app, casebook, estyn_case_id, tmp_path):
    async with make_app(casebook, settings=settings_in(tmp_path)).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, estyn_case_id)
        await choose(pilot, "report-lang", "cy")
        await pilot.press("x")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        offered = labels(dialog)
        title = tab.report.template.title("cy")
        assert offered[:4] == [f"{title}, Cymraeg (cy), as {name}" for name in FORMAT_NAMES]
        # ...then the case's other drafts: the case-study invitation in English and Welsh, too.
        assert any(label.startswith("Invitation to write a case study, English (en), as Word") for label in offered[4:])
        assert dialog.query_one("#export-name", Input).value == "ysgol-gynradd-glan-taf-estyn-cif-2010-school-report.cy.docx"
        dialog.query_one(OptionList).highlighted = 3
        await pilot.pause()
        assert dialog.query_one("#export-name", Input).value == "ysgol-gynradd-glan-taf-estyn-cif-2010-school-report.cy.md"


async def test_markdown_export_is_the_draft_without_its_section_marks(make_app, casebook, estyn_case_id, tmp_path):
    async with make_app(casebook, settings=settings_in(tmp_path)).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, estyn_case_id)
        await pilot.press("x")
        await export(pilot, choice=3, folder=tmp_path)
        assert isinstance(pilot.app.screen, CaseScreen)
        written = tmp_path / "ysgol-gynradd-glan-taf-estyn-cif-2010-school-report.cy.md"
        text = written.read_text(encoding="utf-8")
        assert "<!--" not in text and "<!-- section:" in tab.report.text
        assert text == clean_markdown(tab.report.text)
        assert any(str(written) in n.message for n in notifications(pilot.app))
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no temporary file


async def test_word_export_from_the_reports_tab_reads_back_and_the_folder_is_remembered(make_app, casebook, estyn_case_id, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    settings = settings_in(tmp_path)
    async with make_app(casebook, settings=settings).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, estyn_case_id)
        await pilot.press("x")
        await export(pilot, folder=out, name="report.docx")
        document = docx.Document(str(out / "report.docx"))
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert headings[0] == tab.report.text.splitlines()[0].removeprefix("# ")
        assert document.sections[0].header.paragraphs[0].text.startswith("Ysgol Gynradd Glan Taf · ")
        # The next export starts in the folder used, and so does the next run of the app.
        await pilot.press("x")
        await pilot.pause()
        assert pilot.app.screen.query_one("#export-folder", Input).value == str(out)
    assert load_settings(settings.path).export_folder == str(out)
    assert (out / "report.docx").stat().st_mode & 0o777 == 0o600


async def test_the_folder_defaults_to_the_documents_folder(make_app, casebook, ri_case_id, tmp_path, monkeypatch):
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_documents_path", lambda: tmp_path / "Documents")
    async with make_app(casebook, settings=settings_in(tmp_path), today=RI_TODAY).run_test(size=SIZE) as pilot:
        await open_reports(pilot, ri_case_id)
        await pilot.press("x")
        await pilot.pause()
        assert pilot.app.screen.query_one("#export-folder", Input).value == str(tmp_path / "Documents")


async def test_export_asks_before_replacing_a_file(make_app, casebook, ri_case_id, tmp_path):
    async with make_app(casebook, settings=settings_in(tmp_path), today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, ri_case_id)
        target = tmp_path / "letter.md"
        target.write_text("the inspector's own edits", encoding="utf-8")
        for answer, expected in (("n", "the inspector's own edits"), ("y", None)):
            await pilot.press("x")
            await pilot.pause()
            await export(pilot, choice=3, folder=tmp_path, name="letter.md")
            assert isinstance(pilot.app.screen, Confirm)
            await pilot.press(answer)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert target.read_text(encoding="utf-8") == (expected or clean_markdown(tab.report.text))
            if answer == "n":  # kept: back in the dialog, with what was typed
                assert isinstance(pilot.app.screen, ExportDialog)
                assert pilot.app.screen.query_one("#export-name", Input).value == "letter.md"
                await pilot.press("escape")
                await pilot.pause()


#: What a person might type wrong, in turn, into one export dialog: folder, name, the refusal's words,
#: and the field it puts the focus back in.
WRONG_ENTRIES = [
    ("{tmp}/no-such-folder", "letter.docx", "does not exist", "export-folder"),
    ("{tmp}/a-file", "letter.docx", "is a file, not a folder", "export-folder"),
    ("relative/folder", "letter.docx", "whole path", "export-folder"),
    ("", "letter.docx", "Give the folder", "export-folder"),
    ("{tmp}", "", "Give the file a name", "export-name"),
    ("{tmp}", "sub/letter.docx", "not a file name", "export-name"),
    ("{tmp}", "letter.pdf", "end the name with .docx", "export-name"),
    ("{tmp}", "casebook.sqlite", "end the name with .docx", "export-name"),
]


async def test_wrong_folder_or_name_is_said_in_the_dialog_and_nothing_is_written(make_app, casebook, ri_case_id, tmp_path):
    """One wrong entry after another in the same dialog, as a person corrects one mistake and
    makes the next: each is refused in the dialog, which stays open, and nothing is written."""
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    async with make_app(casebook, settings=settings_in(tmp_path), today=RI_TODAY).run_test(size=SIZE) as pilot:
        await open_reports(pilot, ri_case_id)
        await pilot.press("x")
        for folder, name, words, field in WRONG_ENTRIES:
            dialog = await export(pilot, folder=folder.format(tmp=tmp_path), name=name)
            assert pilot.app.screen is dialog, (folder, name)
            assert words in error_of(dialog), (folder, name, error_of(dialog))
            assert dialog.focused is dialog.query_one(f"#{field}"), (folder, name)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "config") == before


async def test_export_never_writes_over_the_casebook_or_through_a_link(make_app, casebook, ri_case_id, tmp_path):
    kept = tmp_path / "kept.md"
    kept.write_text("the inspector's own edits", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(kept)
    os.link(casebook.path, tmp_path / "book.md")  # the casebook under a name that passes the check
    async with make_app(casebook, settings=settings_in(tmp_path), today=RI_TODAY).run_test(size=SIZE) as pilot:
        await open_reports(pilot, ri_case_id)
        for name, words in (("book.md", "it is a database"), ("link.md", "it is a link")):
            await pilot.press("x")
            dialog = await export(pilot, choice=3, folder=tmp_path, name=name)
            assert pilot.app.screen is dialog  # refused outright: nothing to confirm
            assert words in error_of(dialog)
            await pilot.press("escape")
            await pilot.pause()
    assert kept.read_text(encoding="utf-8") == "the inspector's own edits"
    assert casebook.get(ri_case_id).case.provider.name  # the casebook still reads


async def test_export_is_owner_only_whatever_the_umask(make_app, casebook, ri_case_id, tmp_path):
    old = os.umask(0)
    try:
        async with make_app(casebook, settings=settings_in(tmp_path), today=RI_TODAY).run_test(size=SIZE) as pilot:
            await open_reports(pilot, ri_case_id)
            await pilot.press("x")
            await export(pilot, choice=2, folder=tmp_path, name="letter.html")
    finally:
        os.umask(old)
    assert (tmp_path / "letter.html").stat().st_mode & 0o777 == 0o600


async def test_the_casebook_exports_the_highlighted_cases_reports(make_app, demo_casebook, host, tmp_path):
    async with make_app(demo_casebook, settings=settings_in(tmp_path)).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        line = pilot.app.screen.query_one("#cases").current
        case = demo_casebook.get(line.id).case
        await pilot.press("x")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        templates = [t for t in report_templates(host) if case.framework in t.frameworks]
        reports = sum(len(t.languages) for t in templates) * len(FORMAT_NAMES)
        # ...then the case as a case file and as a calendar, then the whole casebook as both.
        assert len(labels(dialog)) == reports + 4
        assert [label.split(" as ")[1] for label in labels(dialog)[reports:]] == [
            "inspectorate case file (.toml)", "iCalendar follow-up events (.ics)",
        ] * 2
        await export(pilot, choice=1, folder=tmp_path)
        written = tmp_path / export_name(case.provider.name, templates[0].id, templates[0].languages[0], ".pdf")
        assert written.read_bytes().startswith(b"%PDF")


async def test_the_casebook_exports_every_open_case_as_one_calendar_and_one_case_file(make_app, demo_casebook, tmp_path):
    import tomllib

    import icalendar

    open_cases = demo_casebook.list_cases()
    async with make_app(demo_casebook, settings=settings_in(tmp_path)).run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        await pilot.press("x")
        await pilot.pause()
        offered = labels(pilot.app.screen)
        calendar = offered.index(f"All {len(open_cases)} open cases as iCalendar follow-up events (.ics)")
        await export(pilot, choice=calendar, folder=tmp_path)
        await pilot.press("x")
        await pilot.pause()
        await export(pilot, choice=offered.index(f"All {len(open_cases)} open cases as inspectorate case file (.toml)"), folder=tmp_path)
    feed = icalendar.Calendar.from_ical((tmp_path / "casebook.ics").read_bytes())
    events = [c for c in feed.walk("VEVENT")]
    assert len({str(e["uid"]) for e in events}) == len(events) > len(open_cases)  # many cases' events, none twice
    cases = tomllib.loads((tmp_path / "casebook.toml").read_text(encoding="utf-8"))
    assert cases["format"] == "inspectorate-cases/1"
    assert sorted(c["provider"]["name"] for c in cases["cases"]) == sorted(r.provider for r in open_cases)
