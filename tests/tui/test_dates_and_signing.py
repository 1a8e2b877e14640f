"""A letter's date, addressee and signatory are set from the Reports tab; progress at follow-up is
offered a date that suits the case rather than today on a case whose visits were years ago."""

from __future__ import annotations

import datetime as dt

import attrs
from inspectorate.casefile import read_case_file
from inspectorate.model import DocumentDetails
from inspectorate_tui.dialogs.document import DocumentDialog
from inspectorate_tui.dialogs.recommendation import ProgressDialog
from textual.widgets import Input, Markdown, Select, Static

from tests.tui.conftest import SIZE
from tests.tui.test_follow_up_tab import EXAMPLES
from tests.tui.test_reports_tab import open_reports, text_of

LATE = dt.date(2026, 11, 2)
LETTER = "ofsted-improvement-visit-letter"


def _visited(host):
    return read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement-visit-held.toml", host)


async def test_a_letters_date_addressee_and_signatory_are_set_and_kept(make_app, casebook, host):
    case_id = casebook.add(_visited(host)).id
    async with make_app(casebook, today=LATE).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, case_id)
        assert "dated 2026-11-02 (today: e sets another)" in text_of(tab, "#report-status")
        await pilot.press("e")
        dialog = pilot.app.screen
        assert isinstance(dialog, DocumentDialog)
        dialog.query_one("#date", Input).value = "16/12/2013"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is dialog
        assert "is not a date" in str(dialog.query_one("#error", Static).render())
        dialog.query_one("#date", Input).value = "2013-12-16"
        dialog.query_one("#addressee", Input).value = "Ms R. Khan, Principal"
        dialog.query_one("#signatory", Input).value = "Helen Wardle HMI"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert casebook.get(case_id).case.documents == {
            LETTER: DocumentDetails(dt.date(2013, 12, 16), "Ms R. Khan, Principal", "Helen Wardle HMI")
        }
        assert "dated 2013-12-16 ·" in text_of(tab, "#report-status")
        shown = tab.report.text
        assert "16 December 2013" in shown and "2 November 2026" not in shown
        assert "To Ms R. Khan, Principal, Castlegate College" in shown
        assert tab.query_one("#report-preview", Markdown)  # the preview follows the same text


async def test_clearing_the_fields_goes_back_to_the_templates_own(make_app, casebook, host):
    details = DocumentDetails(dt.date(2013, 12, 16), "Ms R. Khan", "")
    case_id = casebook.add(attrs.evolve(_visited(host), documents={LETTER: details})).id
    async with make_app(casebook, today=LATE).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, case_id)
        await pilot.press("e")
        dialog = pilot.app.screen
        assert dialog.query_one("#date", Input).value == "2013-12-16"
        dialog.query_one("#date", Input).value = ""
        dialog.query_one("#addressee", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert casebook.get(case_id).case.documents == {}
        assert "To the principal or chief executive, Castlegate College" in tab.report.text


async def test_progress_on_an_old_case_is_offered_the_last_visits_date(make_app, casebook, host):
    """The RI college's further visit was on 2014-03-12: progress judged then, not in 2026."""
    case_id = casebook.add(_visited(host)).id
    async with make_app(casebook, today=LATE).run_test(size=SIZE) as pilot:
        await open_reports(pilot, case_id)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ProgressDialog)
        assert dialog.query_one("#on", Input).value == "2014-03-12"
        assert "the last visit recorded, further visit 1 (2014-03-12)" in str(dialog.query_one("#on-why", Static).render())


async def test_a_report_is_dated_as_published_and_the_tab_and_dialog_say_so(make_app, casebook, host):
    """The date shown beside the preview, the dialog's empty date and the report agree."""
    case = attrs.evolve(_visited(host), dates=attrs.evolve(_visited(host).dates, published=dt.date(2013, 11, 29)))
    case_id = casebook.add(case).id
    async with make_app(casebook, today=LATE).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, case_id)
        tab.query_one("#report-template", Select).value = "ofsted-cif-2012-inspection-report"
        await pilot.pause()
        assert "dated 2013-11-29 (its publication date: e sets another)" in text_of(tab, "#report-status")
        assert "Report date: 29 November 2013." in tab.report.text
        await pilot.press("e")
        dialog = pilot.app.screen
        assert isinstance(dialog, DocumentDialog)
        assert "its publication date, 2013-11-29" in dialog.query_one("#date", Input).placeholder
        dialog.query_one("#signatory", Input).value = "Helen Wardle HMI"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert "Lead inspector: Helen Wardle HMI" in tab.report.text
