"""The Reports tab, driven with the Pilot: choose a template and language, read the checks, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from inspectorate import hookimpl
from inspectorate.casefile import read_case_file
from inspectorate.drafting import draft_report
from inspectorate.evaluation import summary
from inspectorate.reports import ReportTemplate
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.tabs.reports import ReportsTab
from textual.widgets import Markdown, Select, Static

from tests.tui.conftest import SIZE

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
RI_TODAY = dt.date(2013, 5, 20)
ESTYN_TODAY = dt.date(2015, 2, 2)


def add_example(casebook, host, name: str, today: dt.date) -> str:
    case = read_case_file(EXAMPLES / name, host)
    return casebook.add(case, summary=summary(host, case, today)).id


@pytest.fixture
def ri_case_id(casebook, host) -> str:
    return add_example(casebook, host, "ofsted-cif-2012-requires-improvement.toml", RI_TODAY)


@pytest.fixture
def estyn_case_id(casebook, host) -> str:
    return add_example(casebook, host, "estyn-cif-2010-excellent-school.toml", ESTYN_TODAY)


async def open_reports(pilot, case_id: str) -> ReportsTab:
    await pilot.app.workers.wait_for_complete()
    pilot.app.screen.open_case(case_id)
    await pilot.pause()
    assert isinstance(pilot.app.screen, CaseScreen)
    await pilot.press("f12")
    await pilot.pause()
    return pilot.app.screen.query_one(ReportsTab)


def text_of(tab: ReportsTab, selector: str) -> str:
    return str(tab.query_one(selector, Static).render())


def notifications(app) -> list:
    return list(app._notifications)


async def choose(pilot, select_id: str, value: str) -> None:
    """Choose an option by keyboard: focus the select, open it, move to the option, Enter."""
    tab = pilot.app.screen.query_one(ReportsTab)
    select = tab.query_one(f"#{select_id}", Select)
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    values = [value for _label, value in select._options if value is not Select.NULL]
    steps = values.index(value) - values.index(select.value)
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()
    assert select.value == value


async def test_the_first_template_of_the_framework_is_previewed_with_its_checks(make_app, casebook, host, ri_case_id):
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, ri_case_id)
        template = tab.query_one("#report-template", Select)
        assert template.value == "ofsted-improvement-visit-letter"
        assert template.has_focus
        expected = draft_report(host, casebook.get(ri_case_id).case, "ofsted-improvement-visit-letter", "en", RI_TODAY)
        assert tab.report.text == expected.text
        assert tab.query_one("#report-preview", Markdown).source == expected.text
        status = text_of(tab, "#report-status")
        assert "Improvement visit" in status and "English (en)" in status and "✖ has errors" in status
        checks = text_of(tab, "#report-checks")
        assert "✖ error section 'actions' is missing or empty" in checks
        assert "✓ priorities:" in checks and "(at most 300 words)" in checks
        assert "✖ actions: missing or empty" in checks
        assert "○ actions: not written yet (at most 500 words)" in checks
        # Only English exists for this template: nothing to choose.
        assert tab.query_one("#report-lang", Select).disabled


async def test_choosing_template_and_welsh_renders_the_welsh_draft(make_app, casebook, host, estyn_case_id):
    async with make_app(casebook, today=ESTYN_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, estyn_case_id)
        offered = [value for _label, value in tab.query_one("#report-template", Select)._options if value is not Select.NULL]
        assert offered == ["estyn-cif-2010-school-report", "estyn-case-study-invitation"]
        await choose(pilot, "report-template", "estyn-case-study-invitation")
        # A Welsh-medium school's draft is in Welsh unless another language is chosen.
        assert tab.report.template.id == "estyn-case-study-invitation" and tab.report.lang == "cy"
        await choose(pilot, "report-lang", "en")
        case = casebook.get(estyn_case_id).case
        assert tab.report.text == draft_report(host, case, "estyn-case-study-invitation", "en", ESTYN_TODAY).text
        await choose(pilot, "report-lang", "cy")
        expected = draft_report(host, case, "estyn-case-study-invitation", "cy", ESTYN_TODAY)
        assert tab.report.text == expected.text
        assert tab.report.text.startswith("# Gwahoddiad i baratoi astudiaeth achos")
        assert "Cymraeg (cy)" in text_of(tab, "#report-status")
        # The language stays chosen when the template changes.
        await choose(pilot, "report-template", "estyn-cif-2010-school-report")
        assert tab.report.lang == "cy" and tab.report.text.startswith("# Adroddiad ar Ysgol Gynradd Glan Taf")
        assert "✓ summary:" in text_of(tab, "#report-checks")


class BrokenTemplates:
    """A plugin whose templates fail: one with a Jinja error, one whose code raises."""

    def __init__(self, directory: Path):
        self.directory = directory
        (directory / "undefined-name.en.md.j2").write_text("# Letter\n\n{{ no_such_thing }}\n", encoding="utf-8")
        (directory / "divides-by-zero.en.md.j2").write_text("# Letter\n\n{{ 1 // 0 }}\n", encoding="utf-8")

    @hookimpl
    def register_report_templates(self, register):
        for template_id in ("undefined-name", "divides-by-zero"):
            register(ReportTemplate(id=template_id, titles={"en": template_id}, frameworks=("ofsted-cif-2012",), directory=self.directory))


@pytest.mark.parametrize("template_id, words", [("undefined-name", "no_such_thing"), ("divides-by-zero", "ZeroDivisionError")])
async def test_a_template_that_fails_is_a_message_not_a_traceback(make_app, casebook, host, ri_case_id, tmp_path, template_id, words):
    host.add(BrokenTemplates(tmp_path), name="broken-templates")
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, ri_case_id)
        await choose(pilot, "report-template", template_id)
        assert tab.report is None
        status = text_of(tab, "#report-status")
        assert status.startswith("✖ Could not draft") and words in status
        assert any(words in n.message and n.severity == "error" for n in notifications(pilot.app))
        await pilot.press("x")
        assert isinstance(pilot.app.screen, CaseScreen)  # nothing to export: no prompt
        await choose(pilot, "report-template", "ofsted-improvement-visit-letter")
        assert tab.report is not None and "✖" not in text_of(tab, "#report-status")[:1]


async def test_a_casebook_others_could_read_is_made_private_and_the_app_says_so(make_app, tmp_path):
    from inspectorate.casebook import Casebook

    path = tmp_path / "shared.sqlite"
    Casebook.open(path).close()
    path.chmod(0o644)
    with Casebook.open(path) as book:
        async with make_app(book).run_test(size=SIZE) as pilot:
            await pilot.pause()
            warnings = [n for n in notifications(pilot.app) if n.severity == "warning"]
            assert any("Others could read the casebook" in n.message and "readable by you only (0600)" in n.message for n in warnings)
    assert path.stat().st_mode & 0o777 == 0o600


async def test_ones_own_templates_are_offered_marked_yours_and_a_broken_one_is_told(make_app, casebook, host, ri_case_id):
    from inspectorate.user_templates import user_templates_dir

    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "notice-of-visit.toml").write_text('frameworks = ["ofsted-cif-2012"]\nkind = "letter"\ntitle = "Notice of visit"\n',
                                                 encoding="utf-8")
    (folder / "notice-of-visit.en.md.j2").write_text("# Notice of visit\n\nDear {{ provider.name }}\n", encoding="utf-8")
    (folder / "broken.toml").write_text('frameworks = ["ofsted-cif-2012"]\nkind = "note"\n', encoding="utf-8")
    (folder / "broken.md.j2").write_text("text\n", encoding="utf-8")
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, ri_case_id)
        labels = {value: str(label) for label, value in tab.query_one("#report-template", Select)._options}
        assert labels["notice-of-visit"] == "Notice of visit (letter, yours)"
        assert labels["ofsted-improvement-visit-letter"].endswith("(letter)")
        assert "broken" not in labels
        [told] = [n for n in notifications(pilot.app) if n.title == "Your templates: some are not used"]
        assert f"{folder / 'broken.toml'}:2: kind: must be one of report, letter, proforma, not 'note'" in told.message
        await choose(pilot, "report-template", "notice-of-visit")
        name = casebook.get(ri_case_id).case.provider.name
        assert tab.report.text == f"# Notice of visit\n\nDear {name}\n"


async def test_ones_own_template_that_fails_says_which_file_and_line_and_to_correct_it(make_app, casebook, host, ri_case_id):
    from inspectorate.user_templates import user_templates_dir

    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "notice-of-visit.toml").write_text('frameworks = ["ofsted-cif-2012"]\n', encoding="utf-8")
    text = folder / "notice-of-visit.en.md.j2"
    text.write_text("# Notice\n\n{{ lipsum.__globals__ }}\n", encoding="utf-8")
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, ri_case_id)
        await choose(pilot, "report-template", "notice-of-visit")
        assert tab.report is None
        status = text_of(tab, "#report-status")
        assert f"{text}:3: not allowed in a template: access to attribute '__globals__'" in status
        assert "correct your template's file named above" in tab.query_one("#report-preview", Markdown).source
