"""What the rules need recorded on a case, kept in step between the model, case files and the casebook:
an agreed action's timescale as a date, a letter's date, addressee and signatory, and the dates
offered for an event done.

The timescale is the core's and is tested on the test kit's toy regime. The rest reads Ofsted's
2012 letters and events, whose shapes the toy does not have (a letter that waits for its visit,
numbered further visits), and the last test checks every built-in report template."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import attrs
import pytest
from inspectorate.casebook import Casebook
from inspectorate.casefile import CaseFileError, dumps_case, loads_case
from inspectorate.model import Case, Evidence, InspectionDates, Provider
from inspectorate.plugins import PluginHost
from inspectorate.testing import make_host, toy

#: A toy case with one concern whose agreed timescale is a date.
TOY_CASE = attrs.evolve(
    toy.case("Toy Primary School"),
    evidence=(Evidence("teaching", "concern", "Review attendance fortnightly.", by=dt.date(2014, 1, 31)),),
)

TOY_FILE = textwrap.dedent(
    """\
    format = "inspectorate-case/1"

    [provider]
    name = "Toy Primary School"
    sector = "school"

    [inspection]
    regime = "toy"
    framework = "toy-2026"

    [[evidence]]
    area = "teaching"
    kind = "concern"
    text = "Review attendance fortnightly."
    {line}
    """
)

RI_CASE = Case(
    provider=Provider("Castlegate College", "further-education", "england"),
    regime="ofsted",
    framework="ofsted-cif-2012",
    dates=InspectionDates(start=dt.date(2013, 10, 14), end=dt.date(2013, 10, 18)),
    evidence=(Evidence("outcomes-for-learners", "agreed-action", "Review attendance fortnightly.", by=dt.date(2014, 1, 31)),),
)

@pytest.fixture(scope="module")
def host() -> PluginHost:
    return PluginHost(environ={}).load_entry_points()


@pytest.fixture(scope="module")
def toy_only() -> PluginHost:
    return make_host(toy=toy)


def test_an_agreed_action_date_round_trips_through_the_case_file(toy_only):
    text = dumps_case(TOY_CASE)
    assert "by = 2014-01-31" in text
    assert loads_case(text, toy_only) == TOY_CASE


def test_an_agreed_action_date_round_trips_through_the_casebook(tmp_path):
    with Casebook.open(tmp_path / "book.sqlite", who="Tester") as book:
        case_id = book.add(TOY_CASE).id
    with Casebook.open(tmp_path / "book.sqlite", who="Tester") as book:
        assert book.get(case_id).case.evidence == TOY_CASE.evidence


def test_an_older_by_tag_is_read_as_the_date(toy_only):
    case = loads_case(TOY_FILE.format(line='tags = ["by:2014-01-31", "kept"]'), toy_only)
    assert (case.evidence[0].by, case.evidence[0].tags) == (dt.date(2014, 1, 31), ("kept",))


def test_a_timescale_in_words_stays_a_tag(toy_only):
    case = loads_case(TOY_FILE.format(line='tags = ["by:the end of term"]'), toy_only)
    assert (case.evidence[0].by, case.evidence[0].tags) == (None, ("by:the end of term",))


def test_a_by_that_is_not_a_date_is_refused_with_its_line(toy_only):
    with pytest.raises(CaseFileError) as raised:
        loads_case(TOY_FILE.format(line='by = "soon"'), toy_only)
    (problem,) = raised.value.problems
    assert (problem.key, problem.line) == ("evidence[0].by", 15)
    assert "not a date" in problem.message


def test_a_letters_date_addressee_and_signatory_round_trip_and_reach_the_letter(host, tmp_path):
    from inspectorate.drafting import draft_report
    from inspectorate.model import DocumentDetails

    details = DocumentDetails(date=dt.date(2013, 12, 16), addressee="Ms R. Khan, Principal", signatory="Helen Wardle HMI")
    case = attrs.evolve(RI_CASE, documents={"ofsted-improvement-visit-letter": details})
    assert loads_case(dumps_case(case), host) == case
    with Casebook.open(tmp_path / "book.sqlite", who="Tester") as book:
        case_id = book.add(case).id
        assert book.get(case_id).case.documents == case.documents
    text = draft_report(host, case, "ofsted-improvement-visit-letter", "en", dt.date(2026, 11, 2)).text
    assert "16 December 2013" in text and "2 November 2026" not in text
    assert "To Ms R. Khan, Principal, Castlegate College" in text
    assert "Improvement HMI: Helen Wardle HMI" in text


def test_the_date_offered_for_an_event_done_suits_the_case(host):
    from inspectorate import record_dates
    from inspectorate.evaluation import schedule

    dates = InspectionDates(start=dt.date(2013, 3, 4), end=dt.date(2013, 3, 8), published=dt.date(2013, 4, 12))
    case = attrs.evolve(RI_CASE, judgements=(), dates=dates)
    from inspectorate.model import Judgement

    case = case.with_judgement(Judgement("overall-effectiveness", "requires-improvement"))
    late = dt.date(2026, 11, 2)
    events = schedule(host, case, late)
    visit = next(e for e in events if e.id == "improvement-visit")
    assert record_dates.done_date(visit, case, events, late)[0] == visit.latest
    letter = next(e for e in events if e.id == "improvement-letter")  # waiting for the visit: no dates
    assert record_dates.done_date(letter, case, events, late)[0] == dt.date(2013, 4, 12)
    during = dt.date(2013, 5, 20)
    assert record_dates.done_date(visit, case, schedule(host, case, during), during) == (during, "today")


def test_progress_is_offered_the_last_visit_not_its_letter(host):
    from inspectorate import record_dates
    from inspectorate.model import FollowUpRecord

    done = {"improvement-visit": dt.date(2013, 12, 11), "improvement-letter": dt.date(2013, 12, 17),
            "further-visit-1": dt.date(2014, 3, 12), "further-visit-1-letter": dt.date(2014, 3, 18)}
    case = attrs.evolve(RI_CASE, follow_up=FollowUpRecord(done=done))
    day, why = record_dates.progress_date(case, [], dt.date(2026, 11, 2))
    assert day == dt.date(2014, 3, 12) and "further visit 1" in why


EXAMPLES = sorted((Path(__file__).parents[2] / "docs" / "examples").glob("*.toml"))


def _report_cases(host):
    """(template, language, an example case of its framework) for every report template."""
    from inspectorate.casefile import read_case_file
    from inspectorate.drafting import report_templates

    cases = [read_case_file(path, host) for path in EXAMPLES]
    for template in report_templates(host):
        if template.kind != "report":
            continue
        case = next((c for c in cases if c.framework in template.frameworks), None)
        if case is None:  # a framework with no example case yet: nothing to draft it from
            continue
        for lang in template.languages:
            yield template, lang, case


def test_every_report_bears_the_date_addressee_and_signatory_set_for_it(host):
    from inspectorate.drafting import draft_report
    from inspectorate.model import DocumentDetails
    from inspectorate.reports import long_date

    checked = 0
    for template, lang, case in _report_cases(host):
        details = DocumentDetails(date=dt.date(2027, 2, 3), addressee="Governing body", signatory="Siân Ôwen HMI")
        text = draft_report(host, attrs.evolve(case, documents={template.id: details}), template.id, lang).text
        where = f"{template.id} ({lang})"
        assert long_date(dt.date(2027, 2, 3), lang) in text, where
        assert "Governing body" in text and "Siân Ôwen HMI" in text, where
        # Not set: the report bears its publication date (else today) and the inspector recorded.
        plain = draft_report(host, case, template.id, lang, dt.date(2026, 11, 2)).text
        assert long_date(case.dates.published or dt.date(2026, 11, 2), lang) in plain, where
        assert (case.team.reporting_inspector or "—") in plain and "Governing body" not in plain, where
        checked += 1
    assert checked >= 8  # Estyn's three reports in two languages, Ofsted's three
