"""The Follow-up tab records what the rules need: a further visit, the support agreed, agreed actions
with their timescales, and offers a date for marking an event done that suits the case."""

from __future__ import annotations

import datetime as dt

import attrs
from inspectorate.casefile import read_case_file
from inspectorate.drafting import draft_report
from inspectorate.evaluation import summary
from inspectorate_tui.dialogs.follow_up import AgreedActionDialog, OptionsDialog, RecordEventDialog
from inspectorate_tui.dialogs.prompt import DatePrompt
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from tests.tui.conftest import SIZE
from tests.tui.test_follow_up_tab import EXAMPLES, RI_TODAY, open_follow_up, rows, text_of

#: After the improvement visit of the Ofsted RI example, with the letter sent.
AFTER_VISIT = dt.date(2013, 6, 20)
VISITED = {"improvement-visit": dt.date(2013, 5, 15), "improvement-letter": dt.date(2013, 5, 21)}


def _ri_case(host, **done):
    case = read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml", host)
    return attrs.evolve(case, follow_up=attrs.evolve(case.follow_up, done=done or VISITED))


def _letter(host, case) -> str:
    return draft_report(host, case, "ofsted-improvement-visit-letter", "en", AFTER_VISIT).text


async def _save(pilot) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.pause()


async def test_support_strategies_chosen_reach_the_letter(make_app, casebook, host):
    case_id = casebook.add(_ri_case(host)).id
    assert "No further support was agreed at this visit." in _letter(host, casebook.get(case_id).case)
    async with make_app(casebook, today=AFTER_VISIT).run_test(size=SIZE) as pilot:
        tab = await open_follow_up(pilot, case_id)
        assert "Support and challenge strategies (2013 guidance, paragraph 15): none agreed" in text_of(tab, "#fu-agreed")
        await pilot.press("s")
        dialog = pilot.app.screen
        assert isinstance(dialog, OptionsDialog)
        listed = dialog.query_one(SelectionList)
        assert listed.get_option_at_index(0).value == "governors-meeting"  # the catalogue, in its order
        await pilot.press("space")  # the governors' meeting
        dialog.query_one("#others", TextArea).text = "visits"  # one word: a mistyped id, most likely
        await _save(pilot)
        assert pilot.app.screen is dialog
        assert "'visits' is one word" in str(dialog.query_one("#error", Static).render())
        dialog.query_one("#others", TextArea).text = "A visit to a good college's engineering department"
        await _save(pilot)
        assert pilot.app.screen is not dialog
        stored = casebook.get(case_id).case
        assert stored.follow_up.chosen == ("governors-meeting", "A visit to a good college's engineering department")
        shown = text_of(tab, "#fu-agreed")
        assert "the HMI meeting with governors" in shown and "engineering department" in shown
    letter = _letter(host, stored)
    assert "No further support was agreed at this visit." not in letter
    assert "- the HMI meeting with governors to explain" in letter


async def test_a_further_visit_is_recorded_numbered_and_its_letter_falls_due(make_app, casebook, host):
    case_id = casebook.add(_ri_case(host)).id
    async with make_app(casebook, today=AFTER_VISIT).run_test(size=SIZE) as pilot:
        tab = await open_follow_up(pilot, case_id)
        assert "further-visit-1-letter" not in rows(tab)
        await pilot.press("r")
        dialog = pilot.app.screen
        assert isinstance(dialog, RecordEventDialog)
        events = dialog.query_one("#event", Select)
        assert ("Further visit by the improvement HMI 1", "further-visit-1") in dialog.choices
        events.value = "further-visit-1"
        dialog.query_one("#on", Input).value = "2013-06-31"
        await _save(pilot)
        assert "is not a date" in str(dialog.query_one("#error", Static).render())
        dialog.query_one("#on", Input).value = "2013-06-12"
        await _save(pilot)
        assert casebook.get(case_id).case.follow_up.done["further-visit-1"] == dt.date(2013, 6, 12)
        listed = rows(tab)
        assert listed["further-visit-1-letter"][2] == "by 2013-06-19"  # paragraph 18, read with paragraph 14's five days
        await pilot.press("r")
        assert ("Further visit by the improvement HMI 2", "further-visit-2") in pilot.app.screen.choices
        await pilot.press("escape")


async def test_an_agreed_action_is_recorded_with_its_date_and_the_letter_gives_it(make_app, casebook, host):
    case_id = casebook.add(_ri_case(host)).id
    async with make_app(casebook, today=AFTER_VISIT).run_test(size=SIZE) as pilot:
        tab = await open_follow_up(pilot, case_id)
        assert "Agreed actions: none recorded" in text_of(tab, "#fu-agreed")
        assert "no agreed action is recorded" in str(pilot.app.screen.session.evaluation.findings)
        await pilot.press("a")
        dialog = pilot.app.screen
        assert isinstance(dialog, AgreedActionDialog)
        dialog.query_one("#area", Select).value = "outcomes-for-learners"
        dialog.query_one("#text", TextArea).text = "Review each learner's attendance fortnightly."
        dialog.query_one("#by", Input).value = "end of January"
        await _save(pilot)
        assert pilot.app.screen is dialog
        assert "the date the action is to be done by" in str(dialog.query_one("#error", Static).render())
        dialog.query_one("#by", Input).value = "2014-01-31"
        await _save(pilot)
        (action,) = [e for e in casebook.get(case_id).case.evidence if e.kind == "agreed-action"]
        assert (action.area, action.by) == ("outcomes-for-learners", dt.date(2014, 1, 31))
        assert "Review each learner's attendance fortnightly. (Outcomes for learners; by 2014-01-31)" in text_of(tab, "#fu-agreed")
        rules = {f.rule for f in pilot.app.screen.session.evaluation.findings}
        assert not rules & {"ofsted-2012.actions-confirmed-in-writing", "ofsted-2012.action-needs-timescale"}
    assert "Review each learner's attendance fortnightly. (by 31 January 2014)" in _letter(host, casebook.get(case_id).case)


async def test_marking_an_old_event_done_offers_its_own_date_and_says_so(make_app, casebook, host):
    """A 2013 case in 2026: the improvement visit was due by 2013-05-28, so that is offered, not today."""
    case = read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml", host)
    case_id = casebook.add(case, summary=summary(host, case, RI_TODAY)).id
    async with make_app(casebook, today=dt.date(2026, 11, 2)).run_test(size=SIZE) as pilot:
        await open_follow_up(pilot, case_id)
        await pilot.press("d")
        prompt = pilot.app.screen
        assert isinstance(prompt, DatePrompt)
        assert prompt.query_one("#answer", Input).value == "2013-05-28"
        assert "its latest date, 2013-05-28, since today is after it" in str(prompt.query_one("Label").render())
        await pilot.press("enter")
        await pilot.pause()
        assert casebook.get(case_id).case.follow_up.done == {"improvement-visit": dt.date(2013, 5, 28)}


async def test_marking_done_in_a_case_in_progress_still_offers_today(make_app, casebook, host):
    case = read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml", host)
    case_id = casebook.add(case).id
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        await open_follow_up(pilot, case_id)
        await pilot.press("d")
        assert pilot.app.screen.query_one("#answer", Input).value == RI_TODAY.isoformat()
        assert "The date offered is today." in str(pilot.app.screen.query_one("Label").render())
