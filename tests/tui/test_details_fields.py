"""Details: only the fields the framework uses, what the rules find said under the field it is
about, identifiers checked as typed, one-line fields that refuse a pasted paragraph."""

from __future__ import annotations

import datetime as dt

import attrs
from inspectorate.casefile import read_case_file
from inspectorate.model import Case, Evidence, InspectionDates, Judgement, Provider, Team
from inspectorate.reports import clean_markdown
from textual import events
from textual.widgets import Input

from tests.tui.conftest import SIZE, open_case, screen_text

RI_COLLEGE = Case(
    provider=Provider("Riverside College", "further-education", "england", identifiers={"urn": "130534"}),
    regime="ofsted",
    framework="ofsted-cif-2012",
    dates=InspectionDates(start=dt.date(2013, 3, 4), end=dt.date(2013, 3, 8)),
    team=Team(reporting_inspector="Ann Jones HMI", team_inspectors=("Bob Smith HMI",)),
    judgements=(Judgement("overall-effectiveness", "requires-improvement"),),
)
ESTYN_SCHOOL = Case(
    provider=Provider("Ysgol Glan Taf", "school", "wales"),
    regime="estyn",
    framework="estyn-2024",
    dates=InspectionDates(start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 6)),
    team=Team(reporting_inspector="Siân Williams", nominee="Rhys Morgan"),
)


async def type_into(pilot, screen, field_id: str, text: str) -> Input:
    box = screen.query_one(f"#{field_id}", Input)
    box.focus()
    box.value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()
    return box


async def scroll_to(pilot, screen, field_id: str) -> None:
    screen.query_one(f"#{field_id}").scroll_visible(animate=False)
    await pilot.pause()


# -- 7: fields a framework does not use are not shown ---------------------------------------------


async def test_an_estyn_case_does_not_show_the_improvement_hmi_or_next_inspection_team(make_app, casebook):
    case_id = casebook.add(ESTYN_SCHOOL).id
    async with make_app(casebook).run_test(size=(140, 60)) as pilot:
        screen = await open_case(pilot, case_id)
        await scroll_to(pilot, screen, "team-nominee")
        shown = screen_text(pilot.app)
        assert "Nominee" in shown and "Rhys Morgan" in shown
        assert "Improvement HMI" not in shown
        assert "Next inspection team" not in shown
        # Tab goes from the nominee to the readings, not to a hidden field.
        screen.query_one("#team-nominee", Input).focus()
        await pilot.press("tab")
        assert pilot.app.focused.id not in ("team-improvement_hmi", "team-next_inspection_team")


async def test_an_ofsted_2012_case_shows_them_and_a_value_held_elsewhere_is_never_hidden(make_app, casebook):
    ofsted = casebook.add(RI_COLLEGE).id
    # An Estyn case that holds an improvement HMI (written under other data): shown, to read or clear.
    estyn = casebook.add(attrs.evolve(ESTYN_SCHOOL, team=attrs.evolve(ESTYN_SCHOOL.team, improvement_hmi="Dev Patel"))).id
    async with make_app(casebook).run_test(size=(140, 60)) as pilot:
        screen = await open_case(pilot, ofsted)
        await scroll_to(pilot, screen, "team-next_inspection_team")
        shown = screen_text(pilot.app)
        assert "Improvement HMI" in shown and "Next inspection team" in shown
        await pilot.press("escape")
        screen = await open_case(pilot, estyn)
        await scroll_to(pilot, screen, "team-improvement_hmi")
        shown = screen_text(pilot.app)
        assert "Improvement HMI" in shown and "Dev Patel" in shown
        assert "Next inspection team" not in shown


# -- 9: warnings appear where the data is typed ---------------------------------------------------


async def test_a_date_out_of_order_is_said_under_the_date_and_goes_when_put_right(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await type_into(pilot, screen, "date-end", "2013-03-01")
        await scroll_to(pilot, screen, "note-date-end")
        lines = screen_text(pilot.app).splitlines()
        at = next(n for n, line in enumerate(lines) if "On site to" in line)
        under = "\n".join(lines[at + 1 : at + 4])
        assert "✖ error: The last day on site is before the first" in under, under
        await type_into(pilot, screen, "date-end", "2013-03-08")
        await scroll_to(pilot, screen, "date-end")
        assert "The last day on site is before the first" not in screen_text(pilot.app)


async def test_the_improvement_hmi_on_the_team_is_said_beside_the_team_fields(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await type_into(pilot, screen, "team-improvement_hmi", "Bob Smith HMI")
        await type_into(pilot, screen, "team-next_inspection_team", "Eve Brown HMI, bob smith hmi")
        await scroll_to(pilot, screen, "note-team-next_inspection_team")
        lines = screen_text(pilot.app).splitlines()
        hmi = next(n for n, line in enumerate(lines) if "Improvement HMI" in line)
        assert ("▲ warning: The improvement HMI Bob Smith HMI is also on the team of the last inspection"
                in "\n".join(lines[hmi + 1 : hmi + 4]))
        following = next(n for n, line in enumerate(lines) if "Next inspection team" in line)
        assert "the team of the next inspection" in "\n".join(lines[following + 1 : following + 4])
        # Both are saved as typed: the warning asks for a look, it refuses nothing.
        assert casebook.get(case_id).case.team.improvement_hmi == "Bob Smith HMI"


# -- 15: identifiers are validated ----------------------------------------------------------------


async def test_a_malformed_urn_is_refused_naming_the_key_and_a_good_one_saved(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        await type_into(pilot, screen, "provider-identifiers", "urn=13053, ukprn=10005032")
        assert casebook.get(case_id).version == 1  # nothing saved
        said = [n.message for n in pilot.app._notifications]
        assert any("urn '13053' is not a valid URN" in m and "6 digits" in m for m in said), said
        await type_into(pilot, screen, "provider-identifiers", "URN=130534, UKPRN=2000503")
        said = [n.message for n in pilot.app._notifications]
        assert any("UKPRN '2000503' is not a valid UKPRN" in m for m in said), said
        await type_into(pilot, screen, "provider-identifiers", "urn=130534, ukprn=10005032, la code=382")
        assert casebook.get(case_id).case.provider.identifiers == {"urn": "130534", "ukprn": "10005032", "la code": "382"}


# -- 14: a single-line field refuses a multi-line paste --------------------------------------------


async def test_a_multi_line_paste_into_a_one_line_field_is_refused_with_a_message(make_app, casebook):
    case_id = casebook.add(RI_COLLEGE).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        box = screen.query_one("#team-reporting_inspector", Input)
        box.focus()
        await pilot.pause()
        box.post_message(events.Paste("Ann Jones HMI\nBob Smith HMI\n"))
        await pilot.pause()
        assert box.value == "Ann Jones HMI"  # as it was: neither line dropped into it
        said = [n.message for n in pilot.app._notifications]
        assert any("Reporting inspector takes one line" in m and "2 lines" in m for m in said), said
        await pilot.press("tab")
        await pilot.pause()
        assert casebook.get(case_id).version == 1
        # One line (with the newline a copy often ends with) is pasted as usual.
        box.focus()
        box.value = ""
        box.post_message(events.Paste("Carys Evans HMI\n"))
        await pilot.pause()
        assert box.value == "Carys Evans HMI"


# -- 14: multi-line evidence in the draft: valid Markdown, the preview and the file alike ----------

MULTI_LINE = (
    Evidence("outcomes-for-learners", "strength",
             "Apprentices make good progress.\n\nMost finish on time; those who fall behind are caught up quickly."),
    Evidence("outcomes-for-learners", "strength", "Attendance\n---\nis improving in every department."),
    Evidence("outcomes-for-learners", "area-for-improvement", "# of learners on long courses who stay: too few"),
)


def list_items(tokens) -> list[str]:
    """The text of each top-level list item, its paragraphs joined by " / ", from markdown-it tokens."""
    items, depth, current = [], 0, None
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
            if depth == 1:
                current = []
        elif token.type == "list_item_close":
            depth -= 1
            if depth == 0:
                items.append(" / ".join(current))
        elif token.type == "inline" and depth and current is not None:
            words = "".join(c.content if c.type in ("text", "code_inline") else " " for c in token.children)
            current.append(" ".join(words.split()))
    return items


async def test_multi_line_evidence_stays_in_its_list_item_in_the_preview_and_the_exported_file(
    make_app, casebook, host, tmp_path
):
    from markdown_it import MarkdownIt
    from textual.widgets import Markdown
    from textual.widgets._markdown import MarkdownHeader, MarkdownParagraph

    from tests.tui.test_reports_tab import EXAMPLES, RI_TODAY, choose, open_reports

    case = read_case_file(EXAMPLES / "ofsted-cif-2012-requires-improvement.toml", host)
    case_id = casebook.add(attrs.evolve(case, evidence=(*case.evidence, *MULTI_LINE))).id
    async with make_app(casebook, today=RI_TODAY).run_test(size=SIZE) as pilot:
        tab = await open_reports(pilot, case_id)
        await choose(pilot, "report-template", "ofsted-cif-2012-inspection-report")
        await pilot.pause()
        preview = tab.query_one("#report-preview", Markdown)
        shown = []  # each bullet as the preview draws it: the bullet, then its paragraphs
        for item in preview.query("MarkdownBulletList > Horizontal"):
            paragraphs = [" ".join(p._content.plain.split()) for p in item.query(MarkdownParagraph)]
            shown.append(" / ".join(paragraphs))
        assert "Apprentices make good progress. / Most finish on time; those who fall behind are caught up quickly." in shown
        assert "Attendance --- is improving in every department." in shown
        assert "# of learners on long courses who stay: too few" in shown
        headings = [" ".join(h._content.plain.split()) for h in preview.query(MarkdownHeader)]
        assert not any(h.startswith(("Attendance", "of learners")) for h in headings), headings

        await pilot.press("x")
        await pilot.pause()
        target = tmp_path / "report.md"
        dialog = pilot.app.screen
        dialog.query_one("#export-choices").highlighted = 3  # the draft shown, as Markdown
        await pilot.pause()
        dialog.query_one("#export-folder").value = str(tmp_path)
        dialog.query_one("#export-name").value = target.name
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        written = target.read_text(encoding="utf-8")
        assert written == clean_markdown(preview.source)  # what a person receives: no section marks
        exported = list_items(MarkdownIt("commonmark").parse(written))
        assert [item for item in exported if item in shown] == exported  # every item the file has, the preview shows
        assert "Apprentices make good progress. / Most finish on time; those who fall behind are caught up quickly." in exported


# -- 14: wide characters neither shift nor drop text -----------------------------------------------

WIDE = (
    Evidence("outcomes", "strength", "Plain English text " * 12, "lesson observation"),
    Evidence("outcomes", "strength", "Ysgol 🏫 da iawn 👍🏽 " * 12, "lesson observation"),
    Evidence("outcomes", "strength", "Disgyblion: w\u0302yr a'u hy\u0302d, w\u0302yr a'u hy\u0302d " * 6, "lesson observation"),
)


async def test_emoji_and_welsh_accents_keep_the_evidence_columns_in_line(make_app, casebook):
    from rich.cells import cell_len

    from tests.tui.test_evidence_tab import estyn_case, open_tab

    case_id = casebook.add(estyn_case(WIDE)).id
    async with make_app(casebook).run_test(size=SIZE) as pilot:
        await open_tab(pilot, case_id)
        lines = [line for line in screen_text(pilot.app).splitlines() if "lesson observ" in line and "strength" in line]
        assert len(lines) == 3, lines
        # The source column starts in the same terminal cell on every row...
        starts = {cell_len(line[: line.index("lesson observ")]) for line in lines}
        assert len(starts) == 1, lines
        # ...and each cut text ends in … just before it (none runs under the next column).
        for line in lines:
            assert line[: line.index("lesson observ")].rstrip().endswith("…"), line
        welsh = next(line for line in lines if "Disgyblion" in line)
        assert "w\u0302yr" in welsh  # the letter and its accent together


def test_a_cut_never_parts_a_letter_from_its_accent_or_an_emoji_from_its_skin_tone():
    from inspectorate_tui.labels import clip

    assert clip("w\u0302" * 10, 4) == "w\u0302" * 3 + "…"  # ŵŵŵ… : four cells
    assert clip("🏫" * 10, 5) == "🏫🏫…"
    assert clip("👍🏽" * 10, 6) == "👍🏽👍🏽…"
    assert clip("Siân", 4) == "Siân"
