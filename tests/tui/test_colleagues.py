"""Two people on one casebook, on a file and on a server: each sees the other's saves without a
restart, and a save over a change not yet seen is refused, naming who and when, with the text
typed kept in its field to be saved again. The colleague is a second Casebook object (or a
second process) writing straight to the store, as another app would."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import attrs
import pytest
from inspectorate.casebook import Casebook
from inspectorate.model import Case, Judgement, Provider
from inspectorate_tui.screens import casebook as casebook_screen
from inspectorate_tui.screens.case import CaseScreen
from inspectorate_tui.widgets.case_table import CaseTable
from textual.widgets import Input

from tests.tui.conftest import SIZE, casebook_loaded, open_case, screen_text
from tests.tui.test_details_tab import RI_COLLEGE

#: Seconds a test waits for a colleague's save to show (the file is looked at twice a second).
WAIT = 15


def _case(name: str) -> Case:
    return Case(Provider(name, "school", "wales"), "estyn", "estyn-2024", judgements=(Judgement("teaching-and-learning", "good"),))


@pytest.fixture
def books(casebook_at):
    """Ann's casebook (her app's) and Bob's (the colleague), on the same file or server."""
    with Casebook.open(casebook_at, who="Ann Price") as ann, Casebook.open(casebook_at, who="Bob Jones") as bob:
        yield ann, bob


def told(app) -> str:
    return " | ".join(n.message for n in app._notifications)


async def until(pilot, condition, what: str):
    """Let the app run until ``condition()`` holds (a colleague's save takes a moment to show)."""
    for _ in range(WAIT * 10):
        if condition():
            return
        await pilot.pause(0.1)
    raise AssertionError(f"{what} did not happen:\n{screen_text(pilot.app)}")


def _edit(book: Casebook, case_id: str, change) -> None:
    stored = book.get(case_id)
    book.update(case_id, change(stored.case), stored.version, what="edited elsewhere")


def _nominee(name: str):
    return lambda case: attrs.evolve(case, team=attrs.evolve(case.team, nominee=name))


async def test_a_colleagues_new_edited_and_archived_cases_appear_with_cursor_and_filter_kept(books, make_app):
    ann, bob = books
    ids = [ann.add(_case(name)).id for name in ("Ysgol Aber", "Ysgol Bryn", "Ysgol Cwm", "Ysgol Dyffryn")]
    app = make_app(ann)
    async with app.run_test(size=SIZE) as pilot:
        await casebook_loaded(pilot)
        table = app.screen.query_one(CaseTable)
        await pilot.press("down", "down")
        assert table.current.row.provider == "Ysgol Cwm"

        aberdaron = bob.add(_case("Ysgol Aberdaron")).id  # sorts above the cursor's case
        await until(pilot, lambda: "Ysgol Aberdaron" in screen_text(app), "Bob's new case appearing")
        assert table.current.row.provider == "Ysgol Cwm"
        assert "5 cases" in screen_text(app)

        await pilot.press("/", *"aber")
        await pilot.pause()
        assert [line.row.provider for line in table.lines] == ["Ysgol Aber", "Ysgol Aberdaron"]
        await pilot.press("down")
        _edit(bob, ids[1], lambda case: attrs.evolve(case, provider=attrs.evolve(case.provider, name="Ysgol Bryn Aberteifi")))
        await until(pilot, lambda: "Ysgol Bryn Aberteifi" in screen_text(app), "Bob's renamed case appearing")
        assert app.screen.query_one("#filter", Input).value == "aber"
        assert table.current.row.provider == "Ysgol Aberdaron"  # still on the case it was on

        bob.archive(aberdaron, bob.get(aberdaron).version)  # the case Ann's cursor is on
        await until(pilot, lambda: "Ysgol Aberdaron" not in screen_text(app), "Bob's archived case going")
        assert [line.row.provider for line in table.lines] == ["Ysgol Aber", "Ysgol Bryn Aberteifi"]
        assert table.current.row.provider == "Ysgol Bryn Aberteifi"  # the line that took its place
        assert "2 of 4 cases" in screen_text(app)


async def test_an_open_case_a_colleague_changed_says_who_and_keeps_what_is_being_typed(books, make_app):
    ann, bob = books
    case_id = ann.add(RI_COLLEGE).id
    app = make_app(ann)
    async with app.run_test(size=SIZE) as pilot:
        screen, nominee = await _typing_a_nominee(pilot, case_id)  # typed, not yet saved

        _edit(bob, case_id, lambda case: attrs.evolve(case, team=attrs.evolve(case.team, reporting_inspector="Carys Evans HMI")))
        reporting = screen.query_one("#team-reporting_inspector", Input)
        await until(pilot, lambda: reporting.value == "Carys Evans HMI", "Bob's reporting inspector appearing")
        notice = told(app)
        assert "Bob Jones at " in notice and "Reporting inspector" in notice
        assert "What you typed in Nominee is kept" in notice
        assert nominee.value == "Dewi Hughes" and nominee.has_focus
        assert "version 2" in screen_text(app)

        await pilot.press("enter")
        await pilot.pause()
        team = ann.get(case_id).case.team
        assert (team.nominee, team.reporting_inspector) == ("Dewi Hughes", "Carys Evans HMI")


async def _typing_a_nominee(pilot, case_id: str) -> tuple[CaseScreen, Input]:
    """Ann opens the case and types "Dewi Hughes" as its nominee, not yet saved."""
    screen = await open_case(pilot, case_id)
    nominee = screen.query_one("#team-nominee", Input)
    nominee.focus()
    await pilot.press(*"Dewi Hughes")
    return screen, nominee


async def test_a_stale_save_is_refused_naming_who_and_when_and_the_typed_text_is_saved_next(books, make_app, monkeypatch):
    ann, bob = books
    # Bob saves a moment before Ann presses Enter, before her app has heard of it: the watch is
    # made slow to tell, so that the save, not the watch, meets Bob's change first.
    monkeypatch.setattr(casebook_screen, "SETTLE", 60)
    case_id = ann.add(RI_COLLEGE).id
    app = make_app(ann)
    async with app.run_test(size=SIZE) as pilot:
        screen, nominee = await _typing_a_nominee(pilot, case_id)  # typed, not yet saved
        _edit(bob, case_id, lambda case: attrs.evolve(
            case, provider=attrs.evolve(case.provider, local_authority="Cardiff"), team=attrs.evolve(case.team, nominee="Siân Evans")))

        await pilot.press("tab")  # leaving the field saves it
        await pilot.pause()
        notice = told(app)
        assert "Your change to nominee was not saved: Bob Jones changed this case at 20" in notice
        assert "What you typed is kept in Nominee" in notice
        assert nominee.value == "Dewi Hughes"  # nothing typed is lost
        assert screen.query_one("#provider-local_authority", Input).value == "Cardiff"  # the case reloaded
        stored = ann.get(case_id)
        assert stored.case.team.nominee == "Siân Evans" and stored.version == 2  # Bob's change stands

        assert "-invalid" in nominee.classes and not nominee.has_focus
        await pilot.press("shift+tab", "enter")  # back to it and saved again, knowingly over Bob's nominee
        await pilot.pause()
        stored = ann.get(case_id)
        assert (stored.case.team.nominee, stored.case.provider.local_authority) == ("Dewi Hughes", "Cardiff")
        assert [e.who for e in ann.history(case_id)][:2] == ["Ann Price", "Bob Jones"]
        assert nominee.value == "Dewi Hughes" and "-invalid" not in nominee.classes


async def test_a_stale_save_on_quitting_keeps_the_app_open_and_the_text_in_the_field(books, make_app, monkeypatch):
    ann, bob = books
    monkeypatch.setattr(casebook_screen, "SETTLE", 60)
    case_id = ann.add(RI_COLLEGE).id
    app = make_app(ann)
    async with app.run_test(size=SIZE) as pilot:
        screen, nominee = await _typing_a_nominee(pilot, case_id)  # typed, not yet saved
        _edit(bob, case_id, _nominee("Siân Evans"))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CaseScreen)
        assert "Nominee was not saved: Bob Jones changed this case at" in told(app)
        assert nominee.value == "Dewi Hughes" and ann.get(case_id).case.team.nominee == "Siân Evans"
        await pilot.press("ctrl+q")  # told, the person quits again: what they typed is saved
        await pilot.pause()
    assert app.return_code == 0
    assert ann.get(case_id).case.team.nominee == "Dewi Hughes"


COLLEAGUE = textwrap.dedent(
    """
    import sys, attrs
    from inspectorate.casebook import Casebook
    place, case_id = sys.argv[1], sys.argv[2]
    with Casebook.open(place, who="Bob Jones") as book:
        stored = book.get(case_id)
        renamed = attrs.evolve(stored.case, provider=attrs.evolve(stored.case.provider, name="Ysgol Bro Colleague"))
        book.update(case_id, renamed, stored.version, what="provider")
    """
)


async def test_a_save_by_another_process_shows_in_the_list_and_the_open_case(casebook_at, make_app):
    with Casebook.open(casebook_at, who="Ann Price") as ann:
        case_id = ann.add(_case("Ysgol Bro")).id
        app = make_app(ann)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_case(pilot, case_id)
            subprocess.run([sys.executable, "-c", COLLEAGUE, str(casebook_at), case_id], check=True, timeout=120)
            name = screen.query_one("#provider-name", Input)
            await until(pilot, lambda: name.value == "Ysgol Bro Colleague", "the other process's name appearing")
            assert "Bob Jones at " in told(app) and "Provider" in told(app)
            await pilot.press("escape")
            await until(pilot, lambda: "Ysgol Bro Colleague" in screen_text(app), "the renamed case in the list")


def _watches() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "inspectorate-watch" and t.is_alive()]


async def test_the_watch_stops_when_the_app_quits(tmp_path, make_app):
    before = set(_watches())
    with Casebook.open(tmp_path / "casebook.sqlite", who="Ann Price") as ann:
        ann.add(_case("Ysgol Aber"))
        app = make_app(ann)
        async with app.run_test(size=SIZE) as pilot:
            await casebook_loaded(pilot)
            assert len(set(_watches()) - before) == 1  # watching while the casebook is shown
            await pilot.press("ctrl+q")
            await pilot.pause()
        for thread in set(_watches()) - before:
            thread.join(timeout=5)
        assert set(_watches()) - before == set(), "the app left its watch running on an open casebook"


async def test_evidence_written_in_the_dialog_outlives_a_refused_save(books, make_app, monkeypatch):
    from inspectorate_tui.dialogs.evidence import EvidenceDialog
    from textual.widgets import Select, TextArea

    from tests.tui.test_evidence_tab import estyn_case

    ann, bob = books
    monkeypatch.setattr(casebook_screen, "SETTLE", 60)  # Bob saves before Ann's app hears of it
    case_id = ann.add(estyn_case()).id
    app = make_app(ann)
    async with app.run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id)
        await pilot.press("f8", "n")
        dialog = app.screen
        dialog.query_one("#kind", Select).value = "strength"
        dialog.query_one("#text", TextArea).text = "Governors challenge leaders well."
        _edit(bob, case_id, _nominee("Siân Evans"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Your change to evidence added in" in told(app) and "Bob Jones changed this case" in told(app)
        again = app.screen
        assert isinstance(again, EvidenceDialog) and again is not dialog
        assert again.query_one("#text", TextArea).text == "Governors challenge leaders well."
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = ann.get(case_id).case
        assert stored.evidence[-1].text == "Governors challenge leaders well." and stored.team.nominee == "Siân Evans"


async def test_evidence_a_colleague_rewrote_while_the_dialog_was_open_is_not_overwritten_unasked(books, make_app):
    from textual.widgets import TextArea

    from tests.tui.test_evidence_tab import estyn_case

    ann, bob = books
    case_id = ann.add(estyn_case()).id
    app = make_app(ann)
    async with app.run_test(size=SIZE) as pilot:
        await open_case(pilot, case_id)
        await pilot.press("f8", "home", "enter")  # the first item, in its dialog
        app.screen.query_one("#text", TextArea).text = "Ann's own words."
        first = ann.get(case_id).case.evidence[0]
        _edit(bob, case_id, lambda case: attrs.evolve(case, evidence=(attrs.evolve(first, text="Bob's words."), *case.evidence[1:])))
        case_screen = next(screen for screen in app.screen_stack if isinstance(screen, CaseScreen))
        await until(pilot, lambda: case_screen.session.case.evidence[0].text == "Bob's words.", "Bob's evidence reaching Ann")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "A colleague changed evidence 1 while you were editing it" in told(app)
        assert app.screen.query_one("#text", TextArea).text == "Ann's own words."
        assert ann.get(case_id).case.evidence[0] == attrs.evolve(first, text="Bob's words.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert ann.get(case_id).case.evidence[0].text == "Ann's own words."
