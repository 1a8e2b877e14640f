"""Case files: round trip, atomic writing, and every validation rule with its line number."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
import tomllib

import pytest
from inspectorate import hookimpl
from inspectorate.casefile import (
    KEY_ORDER,
    CaseFileError,
    Problem,
    dumps_case,
    loads_case,
    read_case_file,
    write_case_file,
)
from inspectorate.frameworks import Area, Framework, Grade, Regime, Scale
from inspectorate.model import (
    Case,
    DocumentDetails,
    Evidence,
    FollowUpRecord,
    InspectionDates,
    Judgement,
    ProgressEntry,
    Provider,
    Recommendation,
    Team,
)
from inspectorate.plugins import host_from
from inspectorate.toml_lines import key_lines

# -- a toy regime ---------------------------------------------------------------------------------

FOUR = Scale(
    id="four",
    grades=[
        Grade(id=g, names={"en": g.title()}, rank=i)
        for i, g in enumerate(("excellent", "good", "adequate", "unsatisfactory"), start=1)
    ],
)

TOY_FRAMEWORK = Framework(
    id="toy-2020",
    regime="toy",
    names={"en": "Toy framework 2020"},
    sectors=("primary", "secondary"),
    scales=(FOUR,),
    areas=(
        Area(id="outcomes", names={"en": "Outcomes"}, scale="four"),
        Area(id="provision", names={"en": "Provision"}, scale="four"),
        Area(id="leadership", names={"en": "Leadership"}, scale="four"),
        Area(id="context", names={"en": "Context"}),
    ),
    evidence_kinds=("observation", "scrutiny", "interview", "action"),
    visit_kinds=("inspection", "monitoring"),
    inspector_calls={"many-strengths": "Many strengths and no important areas for improvement"},
    settings={
        "working-days": {
            "default": "strict",
            "readings": {"strict": "School days only", "lenient": "Any weekday"},
        }
    },
    progress_scale=("strong", "satisfactory", "limited"),
)

# Free progress text: a framework with no progress scale.
OTHER_FRAMEWORK = Framework(
    id="other-2019",
    regime="other",
    names={"en": "Other 2019"},
    sectors=("college",),
    scales=(FOUR,),
    areas=(Area(id="outcomes", names={"en": "Outcomes"}, scale="four"),),
    evidence_kinds=("observation",),
)


class ToyPlugin:
    @hookimpl
    def register_regimes(self, register):
        register(Regime(id="toy", names={"en": "Toy"}, nations=("wales",), frameworks=(TOY_FRAMEWORK,)))
        register(Regime(id="other", names={"en": "Other"}, nations=("england",), frameworks=(OTHER_FRAMEWORK,)))


@pytest.fixture(scope="module")
def host():
    return host_from([("toy", ToyPlugin())], strict=True)


# -- a full case ----------------------------------------------------------------------------------

FULL_CASE = Case(
    provider=Provider(
        name="Ysgol Gynradd Enghraifft",
        sector="primary",
        nation="wales",
        local_authority="Gwynedd",
        language_medium="welsh",
        identifiers={"urn": "6612345", "la-code": "661"},
    ),
    regime="toy",
    framework="toy-2020",
    kind="monitoring",
    dates=InspectionDates(
        notified=dt.date(2024, 2, 26),
        start=dt.date(2024, 3, 4),
        end=dt.date(2024, 3, 6),
        draft_issued=dt.date(2024, 3, 27),
        published=dt.date(2024, 5, 7),
    ),
    team=Team(
        reporting_inspector="A. Jones",
        team_inspectors=("B. Evans", "C. Hughes"),
        nominee="D. Price",
        improvement_hmi="E. Morgan",
        next_inspection_team=("F. Lewis",),
    ),
    judgements=(
        Judgement(
            area="outcomes", grade="adequate", by="A. Jones", overridden_from="good", reason="Standards in Year 6"
        ),
        Judgement(area="provision", grade="good"),
        Judgement(area="leadership", grade="adequate"),
    ),
    evidence=(
        Evidence(area="outcomes", kind="scrutiny", text="Books show weak extended writing.", source="Y6 books"),
        Evidence(area="provision", kind="observation", text='Lesson "plan" followed;\nquestioning good.', tags=("x",)),
        Evidence(area="context", kind="interview", text="Headteacher describes falling roll.", tags=("a", "b")),
        Evidence(area="outcomes", kind="action", text="Moderate writing each half term.", by=dt.date(2024, 7, 19)),
    ),
    recommendations=(
        Recommendation(
            text="Raise standards of writing",
            priority=1,
            areas=("outcomes",),
            progress=(
                ProgressEntry(on=dt.date(2024, 11, 12), progress="limited", note="Early days"),
                ProgressEntry(on=dt.date(2025, 5, 13), progress="strong"),
            ),
        ),
        Recommendation(text="Sharpen self-evaluation", priority=2, areas=("leadership", "provision")),
    ),
    follow_up=FollowUpRecord(
        done={"action-plan": dt.date(2024, 6, 11), "first-visit": dt.date(2024, 11, 12)},
        category="monitoring",
        category_reason="Adequate leadership",
        chosen=("support-visit",),
    ),
    inspector_calls={"many-strengths": ("provision",)},
    settings={"working-days": "lenient"},
    documents={"toy-letter": DocumentDetails(date=dt.date(2024, 11, 19), addressee="The chair of governors", signatory="A. Jones")},
)

VALID = textwrap.dedent(
    """\
    format = "inspectorate-case/1"

    [provider]
    name = "Ysgol Enghraifft"
    sector = "primary"
    nation = "wales"

    [inspection]
    regime = "toy"
    framework = "toy-2020"
    start = 2024-03-04
    end = 2024-03-06
    published = 2024-05-07

    [judgements]
    outcomes = "good"
    provision = "adequate"

    [[evidence]]
    area = "outcomes"
    kind = "observation"
    text = "Pupils read well."

    [[evidence]]
    area = "provision"
    kind = "scrutiny"
    text = "Planning is thorough."

    [[evidence]]
    area = "outcomes"
    kind = "interview"
    text = "Pupils talk about books."

    [[recommendations]]
    priority = 1
    text = "Improve writing"
    areas = ["outcomes"]

    [[recommendations.progress]]
    on = 2024-11-12
    progress = "limited"

    [[recommendations]]
    priority = 2
    text = "Improve attendance"
    """
)


def problems(text: str, host) -> list[Problem]:
    with pytest.raises(CaseFileError) as caught:
        loads_case(text, host, path="case.toml")
    return caught.value.problems


def only_problem(text: str, host) -> Problem:
    found = problems(text, host)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def replace(old: str, new: str, text: str = VALID, count: int = 1) -> str:
    assert old in text
    return text.replace(old, new, count)


# -- round trip and writing -----------------------------------------------------------------------


def test_valid_file_imports(host):
    case = loads_case(VALID, host)
    assert case.provider.name == "Ysgol Enghraifft"
    assert case.grade("outcomes") == "good"
    assert [e.kind for e in case.evidence] == ["observation", "scrutiny", "interview"]
    assert case.recommendations[0].progress[0].on == dt.date(2024, 11, 12)
    assert case.id is None


def test_export_then_import_gives_an_identical_case(host):
    text = dumps_case(FULL_CASE)
    assert loads_case(text, host) == FULL_CASE


def test_file_round_trip(host, tmp_path):
    target = tmp_path / "case.toml"
    write_case_file(FULL_CASE, target)
    assert read_case_file(target, host) == FULL_CASE
    assert read_case_file(str(target), host) == FULL_CASE


def test_written_keys_in_a_stable_readable_order():
    text = dumps_case(FULL_CASE)
    assert list(tomllib.loads(text)) == list(KEY_ORDER)
    assert text.startswith('format = "inspectorate-case/1"\n')
    assert dumps_case(FULL_CASE) == text
    assert "start = 2024-03-04\n" in text  # native TOML dates, not strings


def test_interrupted_write_leaves_the_last_good_file(host, tmp_path, monkeypatch):
    target = tmp_path / "case.toml"
    write_case_file(FULL_CASE, target)
    before = target.read_bytes()

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    changed = FULL_CASE.with_judgement(Judgement(area="provision", grade="excellent"))
    with pytest.raises(KeyboardInterrupt):
        write_case_file(changed, target, replace=True)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["case.toml"]  # no temporary file left behind


def test_replacing_a_file_makes_it_owner_only(tmp_path):
    target = tmp_path / "case.toml"
    target.write_text("old")
    target.chmod(0o644)
    write_case_file(FULL_CASE, target, replace=True)
    assert target.stat().st_mode & 0o777 == 0o600


def test_byte_order_mark_and_crlf_are_read(host, tmp_path):
    target = tmp_path / "case.toml"
    target.write_bytes(b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode())
    assert read_case_file(target, host).provider.name == "Ysgol Enghraifft"


def test_not_utf8_is_a_case_file_error(host, tmp_path):
    target = tmp_path / "case.toml"
    target.write_bytes(VALID.replace("Enghraifft", "Enghr\xe4ifft").encode("latin-1"))
    with pytest.raises(CaseFileError, match="not UTF-8"):
        read_case_file(target, host)


# -- the error itself -----------------------------------------------------------------------------


def test_error_is_one_line_per_problem_in_file_order(host):
    text = replace('name = "Ysgol Enghraifft"', 'nmae = "Ysgol Enghraifft"')
    text = replace('outcomes = "good"', 'outcomes = "brilliant"', text)
    with pytest.raises(CaseFileError) as caught:
        loads_case(text, host, path="case.toml")
    error = caught.value
    assert isinstance(error, ValueError)
    assert str(error).splitlines() == [
        f"case.toml:{line_of(text, '[provider]')}: provider.name: missing: name is required",
        f"case.toml:{line_of(text, 'nmae')}: provider.nmae: unknown key (did you mean 'name'?)",
        f"case.toml:{line_of(text, 'brilliant')}: judgements.outcomes: 'brilliant' is not a grade of toy-2020 "
        "(grades: excellent, good, adequate, unsatisfactory)",
    ]


def test_all_problems_are_collected(host):
    text = replace('sector = "primary"', 'sector = "nursery"')
    text = replace('kind = "scrutiny"', 'kind = "gossip"', text)
    text = replace("priority = 2", "priority = 1", text)
    text = replace('provision = "adequate"', 'provision = "fine"', text)
    keys = {p.key for p in problems(text, host)}
    assert keys == {"provider.sector", "evidence[1].kind", "recommendations[1].priority", "judgements.provision"}


def test_problem_without_line_leaves_it_out():
    assert str(Problem("case.toml", None, "format", "missing")) == "case.toml: format: missing"
    assert str(Problem("case.toml", 3, "", "not UTF-8")) == "case.toml:3: not UTF-8"


# -- format ---------------------------------------------------------------------------------------


def test_format_missing(host):
    problem = only_problem(replace('format = "inspectorate-case/1"\n', ""), host)
    assert problem.key == "format"
    assert 'format = "inspectorate-case/1"' in problem.message


def test_format_future_version_says_which_versions_are_read(host):
    text = replace("inspectorate-case/1", "inspectorate-case/2") + "\n[brand_new_table]\nx = 1\n"
    problem = only_problem(text, host)  # the rest is not judged by a build that cannot read it
    assert (problem.key, problem.line) == ("format", 1)
    assert "'inspectorate-case/2' is not supported: this build reads inspectorate-case/1" in problem.message


def test_format_of_something_else(host):
    problem = only_problem(replace('"inspectorate-case/1"', '"some-other-tool/3"'), host)
    assert "not an inspectorate case file" in problem.message


def test_format_not_a_string(host):
    problem = only_problem(replace('"inspectorate-case/1"', "1"), host)
    assert problem.message == 'expected the string "inspectorate-case/1", got an integer'


# -- unknown keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "suggestion"),
    [
        ('format = "inspectorate-case/1"', 'format = "inspectorate-case/1"\njudgments = {}', "judgments", "judgements"),
        ('name = "Ysgol Enghraifft"', 'name = "Ysgol Enghraifft"\nsectr = "x"', "provider.sectr", "sector"),
        ("start = 2024-03-04", "start = 2024-03-04\nstrat = 2024-03-04", "inspection.strat", "start"),
        ('text = "Planning is thorough."', 'text = "Planning is thorough."\nare = "x"', "evidence[1].are", "area"),
        ('text = "Improve writing"', 'text = "Improve writing"\nareass = []', "recommendations[0].areass", "areas"),
        ('progress = "limited"', 'progress = "limited"\nnotes = "x"', "recommendations[0].progress[0].notes", "note"),
    ],
)
def test_unknown_key_anywhere(host, old, new, key, suggestion):
    text = replace(old, new)
    problem = only_problem(text, host)
    assert problem.key == key
    assert problem.message == f"unknown key (did you mean {suggestion!r}?)"
    assert problem.line == line_of(text, key.rsplit(".", 1)[-1] + " =")


def test_unknown_key_without_a_close_match_lists_the_keys(host):
    problem = only_problem(replace("[judgements]", "[team]\nzzz = 1\n\n[judgements]"), host)
    assert problem.key == "team.zzz"
    assert problem.message.startswith("unknown key (expected one of: reporting_inspector, team_inspectors,")


def test_unknown_key_in_inline_table(host):
    text = replace('nation = "wales"', 'nation = "wales"\nidentifiers = { urn = "401234", other = { x = 1 } }')
    problem = only_problem(text, host)
    assert problem.key == "provider.identifiers.other"
    assert problem.message == "expected a string, got a table"
    assert problem.line == line_of(text, "identifiers =")


def test_unknown_key_in_an_override(host):
    text = VALID + '\n[overrides.outcomes]\nfrom = "adequate"\nreasn = "x"\n'
    problem = only_problem(text, host)
    assert (problem.key, problem.line) == ("overrides.outcomes.reasn", line_of(text, "reasn"))
    assert "did you mean 'reason'?" in problem.message


# -- line numbers ---------------------------------------------------------------------------------


def test_line_of_misspelt_key_in_a_table(host):
    text = replace("published = 2024-05-07", "publshed = 2024-05-07")
    problem = only_problem(text, host)
    assert problem.line == line_of(text, "publshed") == 13
    assert str(problem) == "case.toml:13: inspection.publshed: unknown key (did you mean 'published'?)"


def test_line_of_misspelt_key_in_the_third_evidence(host):
    text = replace('kind = "interview"', 'knd = "interview"')
    found = problems(text, host)
    assert {p.key for p in found} == {"evidence[2].knd", "evidence[2].kind"}
    by_key = {p.key: p for p in found}
    assert by_key["evidence[2].knd"].line == line_of(text, "knd") == 31
    assert by_key["evidence[2].kind"].line == line_of(text, "[[evidence]]", 3)  # missing: the item's header


def test_line_of_bad_grade_under_judgements(host):
    text = replace('provision = "adequate"', 'provision = "brillant"')
    problem = only_problem(text, host)
    assert (problem.key, problem.line) == ("judgements.provision", 17)


def test_line_numbers_in_multiline_arrays_and_dotted_keys(host):
    text = replace('areas = ["outcomes"]', 'areas = [\n  "outcomes",\n  # a comment\n  "writting",\n]')
    text = replace('name = "Ysgol Enghraifft"', 'name = "Ysgol Enghraifft"\nidentifiers.urn = 5', text)
    found = {p.key: p.line for p in problems(text, host)}
    assert found == {
        "recommendations[0].areas[1]": line_of(text, '"writting"'),
        "provider.identifiers.urn": line_of(text, "identifiers.urn"),
    }


def test_key_lines_counts_nested_arrays_of_tables():
    source = textwrap.dedent(
        """\
        [[recommendations]]
        text = "a"
        [[recommendations.progress]]
        on = 2024-01-01
        [[recommendations]]
        text = '''
        [[recommendations]]
        '''
        [[recommendations.progress]]
        on = 2024-01-02
        [[recommendations.progress]]
        note = "x"
        """
    )
    lines = key_lines(source)
    assert lines.line(("recommendations", 1, "text")) == 6
    assert lines.line(("recommendations", 1, "progress", 0, "on")) == 10
    assert lines.line(("recommendations", 1, "progress", 1, "note")) == 12
    assert lines.line(("recommendations", 1, "progress", 1, "on")) == 11  # missing: its header
    assert lines.line(("recommendations", 2)) == 1  # never written: the array's first header
    assert lines.line(("team",)) is None


# -- types ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        ('areas = ["outcomes"]', 'areas = "outcomes"', "recommendations[0].areas",
         'expected a list of strings, got a string (write ["outcomes"])'),
        ("priority = 2", 'priority = "2"', "recommendations[1].priority",
         "expected a whole number (1 is the most important), got a string"),
        ("priority = 2", "priority = 2.0", "recommendations[1].priority",
         "expected a whole number (1 is the most important), got a number"),
        ("priority = 2", "priority = true", "recommendations[1].priority",
         "expected a whole number (1 is the most important), got a boolean"),
        ("priority = 2", "priority = 0", "recommendations[1].priority",
         "must be 1 or more (1 is the most important), got 0"),
        ('name = "Ysgol Enghraifft"', "name = true", "provider.name", "expected a string, got a boolean"),
        ('name = "Ysgol Enghraifft"', 'name = "  "', "provider.name", "must not be empty"),
        ('outcomes = "good"', "outcomes = 2", "judgements.outcomes", "expected a string, got an integer"),
        ('areas = ["outcomes"]', "areas = [1]", "recommendations[0].areas[0]", "expected a string, got an integer"),
        ("[judgements]", "[judgements.x]", "judgements.x", "expected a string, got a table"),
        ("[provider]", "provider = 1\n[x]", "provider", "expected a table, got an integer"),
    ],
)
def test_wrong_type(host, old, new, key, message):
    text = replace(old, new)
    found = [p for p in problems(text, host) if p.key == key]
    assert [p.message for p in found] == [message]


def test_evidence_must_be_an_array_of_tables(host):
    text = replace('format = "inspectorate-case/1"', 'format = "inspectorate-case/1"\nsettings = []')
    problem = only_problem(text, host)
    assert (problem.key, problem.message) == ("settings", "expected a table, got a list")
    text = VALID.split("[[evidence]]")[0].replace("\n", '\nevidence = "lots"\n', 1)
    problem = only_problem(text, host)
    assert (problem.key, problem.message) == ("evidence", "expected an array of tables ([[evidence]]), got a string")


def test_team_and_follow_up_types(host):
    text = VALID + '\n[team]\nteam_inspectors = "B. Evans"\n\n[follow_up]\nchosen = ["a", 2]\ndone = { visit = 3 }\n'
    assert {p.key: p.message for p in problems(text, host)} == {
        "team.team_inspectors": 'expected a list of strings, got a string (write ["B. Evans"])',
        "follow_up.chosen[1]": "expected a string, got an integer",
        "follow_up.done.visit": "expected a date (YYYY-MM-DD), got an integer",
    }


# -- dates ----------------------------------------------------------------------------------------


def test_iso_date_strings_are_accepted(host):
    text = replace("start = 2024-03-04", 'start = "2024-03-04"')
    text = replace("on = 2024-11-12", 'on = "2024-11-12"', text)
    text += '\n[follow_up]\ndone = { "action-plan" = "2024-06-11" }\n'
    case = loads_case(text, host)
    assert case.dates.start == dt.date(2024, 3, 4)
    assert case.recommendations[0].progress[0].on == dt.date(2024, 11, 12)
    assert case.follow_up.done == {"action-plan": dt.date(2024, 6, 11)}


def test_impossible_date_string(host):
    problem = only_problem(replace("start = 2024-03-04", 'start = "2024-02-30"'), host)
    assert (problem.key, problem.message) == ("inspection.start", "'2024-02-30' is not a real date")


def test_impossible_date_literal_names_the_key(host):
    text = replace("start = 2024-03-04", "start = 2024-02-30")
    problem = only_problem(text, host)
    assert str(problem) == f"case.toml:{line_of(text, 'start =')}: inspection.start: 2024-02-30 is not a real date"


def test_date_string_in_another_shape(host):
    problem = only_problem(replace("start = 2024-03-04", 'start = "4 March 2024"'), host)
    assert problem.message == "'4 March 2024' is not a date: write YYYY-MM-DD, e.g. 2024-03-05"


@pytest.mark.parametrize("value", ["2024-03-04T09:00:00", "2024-03-04 09:00:00", '"2024-03-04T09:00"'])
def test_datetimes_are_rejected(host, value):
    problem = only_problem(replace("start = 2024-03-04", f"start = {value}"), host)
    assert problem.key == "inspection.start"
    assert "has a time of day: give the date only, e.g. 2024-03-04" in problem.message


def test_time_is_not_a_date(host):
    problem = only_problem(replace("on = 2024-11-12", "on = 09:30:00"), host)
    assert problem.key == "recommendations[0].progress[0].on"
    assert problem.message == "expected a date (YYYY-MM-DD), got a time"


def test_end_before_start(host):
    text = replace("end = 2024-03-06", "end = 2024-03-01")
    problem = only_problem(text, host)
    assert (problem.key, problem.line) == ("inspection.end", line_of(text, "end ="))
    assert problem.message == "end 2024-03-01 is before start 2024-03-04"


def test_published_before_end(host):
    problem = only_problem(replace("published = 2024-05-07", 'published = "2024-03-05"'), host)
    assert (problem.key, problem.message) == ("inspection.published", "published 2024-03-05 is before end 2024-03-06")


def test_same_day_inspection_is_in_order(host):
    assert loads_case(replace("end = 2024-03-06", "end = 2024-03-04"), host).dates.end == dt.date(2024, 3, 4)


# -- against the framework ------------------------------------------------------------------------


def test_unknown_regime_lists_the_known_ones(host):
    problem = only_problem(replace('regime = "toy"', 'regime = "estyn"'), host)
    assert (problem.key, problem.message) == ("inspection.regime", "unknown regime 'estyn' (known regimes: other, toy)")
    problem = only_problem(replace('regime = "toy"', 'regime = "tyo"'), host)
    assert problem.message == "unknown regime 'tyo' (did you mean 'toy'?)"


def test_unknown_framework(host):
    problem = only_problem(replace('framework = "toy-2020"', 'framework = "toy-2021"'), host)
    assert (problem.key, problem.message) == (
        "inspection.framework",
        "'toy-2021' is not a framework of toy (did you mean 'toy-2020'?)",
    )


def test_framework_of_another_regime(host):
    problem = only_problem(replace('framework = "toy-2020"', 'framework = "other-2019"'), host)
    assert problem.message == "'other-2019' is a framework of regime 'other', not 'toy'"


def test_sector_not_covered(host):
    problem = only_problem(replace('sector = "primary"', 'sector = "college"'), host)
    assert (problem.key, problem.message) == (
        "provider.sector",
        "'college' is not a sector of toy-2020 (sectors: primary, secondary)",
    )


def test_unknown_nation(host):
    problem = only_problem(replace('nation = "wales"', 'nation = "cymru"'), host)
    assert problem.key == "provider.nation"
    assert problem.message == "unknown nation 'cymru' (nations: england, wales, scotland, northern-ireland)"


@pytest.mark.parametrize(
    ("old", "new", "key", "area", "suggestion"),
    [
        ('outcomes = "good"', 'outcome = "good"', "judgements.outcome", "outcome", "outcomes"),
        ('area = "provision"', 'area = "provison"', "evidence[1].area", "provison", "provision"),
        ('areas = ["outcomes"]', 'areas = ["outcomes", "leadershp"]', "recommendations[0].areas[1]", "leadershp",
         "leadership"),
    ],
)
def test_unknown_area(host, old, new, key, area, suggestion):
    text = replace(old, new)
    problem = only_problem(text, host)
    assert problem.key == key
    assert problem.message == f"{area!r} is not an area of toy-2020 (did you mean {suggestion!r}?)"
    assert problem.line == line_of(text, new)


def test_unknown_area_in_overrides_and_inspector_calls(host):
    text = VALID + '\n[overrides.leadrship]\nfrom = "good"\n'
    text += '\n[inspector_calls]\nmany-strengths = ["outcomes", "teaching"]\n'
    found = {p.key: p.message for p in problems(text, host)}
    assert found == {
        "overrides.leadrship": "'leadrship' is not an area of toy-2020 (did you mean 'leadership'?)",
        "inspector_calls.many-strengths[1]": "'teaching' is not an area of toy-2020 "
        "(areas: outcomes, provision, leadership, context)",
    }


def test_override_needs_a_judgement_and_a_real_grade(host):
    text = VALID + '\n[overrides.outcomes]\nfrom = "superb"\n\n[overrides.leadership]\nreason = "x"\n'
    found = {p.key: p.message for p in problems(text, host)}
    assert found == {
        "overrides.outcomes.from": "'superb' is not a grade of toy-2020 "
        "(grades: excellent, good, adequate, unsatisfactory)",
        "overrides.leadership": "an override for 'leadership', which has no grade under [judgements]",
    }


def test_grade_for_an_area_that_is_not_graded(host):
    problem = only_problem(replace('outcomes = "good"', 'outcomes = "good"\ncontext = "good"'), host)
    assert problem.key == "judgements.context"
    assert problem.message == "'context' is not graded in toy-2020 (graded areas: outcomes, provision, leadership)"


def test_unknown_evidence_kind(host):
    problem = only_problem(replace('kind = "scrutiny"', 'kind = "scrutny"'), host)
    assert (problem.key, problem.message) == (
        "evidence[1].kind",
        "'scrutny' is not an evidence kind of toy-2020 (did you mean 'scrutiny'?)",
    )


def test_unknown_visit_kind(host):
    problem = only_problem(replace('framework = "toy-2020"', 'framework = "toy-2020"\nkind = "survey"'), host)
    assert (problem.key, problem.message) == (
        "inspection.kind",
        "'survey' is not a visit kind of toy-2020 (visit kinds: inspection, monitoring)",
    )


def test_unknown_inspector_call(host):
    problem = only_problem(VALID + '\n[inspector_calls]\nmany-strength = ["outcomes"]\n', host)
    assert (problem.key, problem.message) == (
        "inspector_calls.many-strength",
        "'many-strength' is not an inspector's call of toy-2020 (did you mean 'many-strengths'?)",
    )


def test_unknown_setting_and_reading(host):
    text = VALID + '\n[settings]\nworking-day = "strict"\n'
    problem = only_problem(text, host)
    assert (problem.key, problem.message) == (
        "settings.working-day",
        "'working-day' is not a setting of toy-2020 (did you mean 'working-days'?)",
    )
    problem = only_problem(VALID + '\n[settings]\nworking-days = "loose"\n', host)
    assert (problem.key, problem.message) == (
        "settings.working-days",
        "'loose' is not a reading of working-days of toy-2020 (readings: strict, lenient)",
    )


def test_progress_value_on_the_framework_scale(host):
    problem = only_problem(replace('progress = "limited"', 'progress = "some"'), host)
    assert (problem.key, problem.message) == (
        "recommendations[0].progress[0].progress",
        "'some' is not a progress judgement of toy-2020 (progress judgements: strong, satisfactory, limited)",
    )


def test_progress_is_free_text_without_a_progress_scale(host):
    text = replace('regime = "toy"', 'regime = "other"')
    text = replace('framework = "toy-2020"', 'framework = "other-2019"', text)
    text = replace('sector = "primary"', 'sector = "college"', text)
    text = replace('progress = "limited"', 'progress = "some, not enough"', text)
    text = text.replace('provision = "adequate"\n', "").replace('"provision"', '"outcomes"')
    text = text.replace('"scrutiny"', '"observation"').replace('"interview"', '"observation"')
    case = loads_case(text, host)
    assert case.recommendations[0].progress[0].progress == "some, not enough"


def test_duplicate_recommendation_priorities(host):
    text = replace("priority = 2", "priority = 1")
    problem = only_problem(text, host)
    assert (problem.key, problem.line) == ("recommendations[1].priority", line_of(text, "priority = 1", 2))
    assert problem.message == (
        "priority 1 is already given to recommendations[0]; each recommendation needs its own priority"
    )


def test_recommendations_are_read_in_priority_order(host):
    text = replace("priority = 1", "priority = 3")
    assert [r.priority for r in loads_case(text, host).recommendations] == [2, 3]


# -- required keys --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "key", "header"),
    [
        ('name = "Ysgol Enghraifft"\n', "provider.name", "[provider]"),
        ('sector = "primary"\n', "provider.sector", "[provider]"),
        ('regime = "toy"\n', "inspection.regime", "[inspection]"),
        ('framework = "toy-2020"\n', "inspection.framework", "[inspection]"),
        ('text = "Improve writing"\n', "recommendations[0].text", "[[recommendations]]"),
        ("priority = 2\n", "recommendations[1].priority", "[[recommendations]]"),
        ('area = "provision"\n', "evidence[1].area", "[[evidence]]"),
        ('kind = "scrutiny"\n', "evidence[1].kind", "[[evidence]]"),
        ('text = "Planning is thorough."\n', "evidence[1].text", "[[evidence]]"),
        ('progress = "limited"\n', "recommendations[0].progress[0].progress", "[[recommendations.progress]]"),
    ],
)
def test_required_key(host, old, key, header):
    text = replace(old, "")
    problem = only_problem(text, host)
    assert problem.key == key
    assert problem.message == f"missing: {key.rsplit('.', 1)[-1]} is required"
    index = int(key.split("[")[1][0]) + 1 if header.startswith("[[") else 1
    assert problem.line == line_of(text, header, index)


def test_required_table(host):
    text = VALID.split("[inspection]")[0]
    problem = only_problem(text, host)
    assert (problem.key, problem.line, problem.message) == ("inspection", None, "missing: [inspection] is required")


# -- syntax errors --------------------------------------------------------------------------------


def test_toml_syntax_error_has_the_line_and_key(host):
    text = replace('text = "Pupils read well."', 'text = "Pupils read well.')
    problem = only_problem(text, host)
    assert (problem.key, problem.line) == ("evidence[0].text", line_of(text, "Pupils read well"))
    assert problem.message.startswith("not valid TOML: illegal character")


def test_duplicate_table_is_a_syntax_error(host):
    text = VALID + '\n[provider]\nname = "again"\n'
    problem = only_problem(text, host)
    assert problem.message.startswith("not valid TOML: cannot declare ('provider',) twice")
    assert problem.line == line_of(text, "[provider]", 2)


def test_a_field_added_to_the_model_is_written_read_and_checked_with_no_more_code(host, monkeypatch):
    """The provider, team, evidence and document tables are laid out as their model classes: a new
    field (here the headteacher's name) needs the one edit in inspectorate.model."""
    import attrs
    from inspectorate import casefile, codec

    WithHead = attrs.make_class("Provider", {"headteacher": attrs.field(type=str, default="")}, bases=(Provider,), frozen=True)
    monkeypatch.setattr(codec, "Provider", WithHead)
    monkeypatch.setattr(casefile, "Provider", WithHead)
    case = attrs.evolve(FULL_CASE, provider=WithHead(**attrs.asdict(FULL_CASE.provider, recurse=False), headteacher="Mrs Evans"))
    text = dumps_case(case)
    assert 'headteacher = "Mrs Evans"' in text
    assert loads_case(text, host).provider.headteacher == "Mrs Evans"
    with pytest.raises(CaseFileError) as caught:
        loads_case(text.replace('headteacher = "Mrs Evans"', "headteacher = 3"), host)
    [problem] = caught.value.problems
    assert (problem.key, problem.message) == ("provider.headteacher", "expected a string, got an integer")
    assert problem.line == text.splitlines().index('headteacher = "Mrs Evans"') + 1
