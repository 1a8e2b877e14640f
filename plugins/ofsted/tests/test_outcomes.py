"""Ofsted's published inspection outcomes (CSV) imported as cases: the real 2017-18 social care
file with its quirks, and a small hand-made file for each quirk and each reason a row is refused."""

import collections
import datetime as dt
import json
from pathlib import Path

import inspectorate_ofsted.plugin as ofsted
import pytest
from inspectorate.casefile import CaseFileError
from inspectorate.exchange import importer_for
from inspectorate.importing import read_for_import
from inspectorate.testing import make_host
from inspectorate.testing.command import run_cli
from inspectorate.testing.guidance import guidance_folder
from inspectorate_ofsted import outcome_layouts

_GUIDANCE = guidance_folder(Path(__file__).resolve().parent)
#: The real spreadsheet sits beside the guidance, in the shared data folder.
REAL = (_GUIDANCE.parent if _GUIDANCE else Path("shared-folder-not-found")) / "data" / "real" / "ofsted-social-care-inspections-2017-18.csv"

GROUP = "Provider information,,,,,,,Inspection information,,,,,,,,,"
HEADER = ("URN,Name,Provision type,Local authority,Event type,Inspection date,Publication date,Event number,"
          "Linked Education URN,Overall effectiveness,Outcomes for children and young people,Quality of care,"
          "Safeguarding children and young people,Leadership and management,,,")
GOOD_ROW = "1027077,Oakhill,Secure Training Centre,Milton Keynes,Full inspection,06/10/2017,21/11/2017,10025840,,Good,,,Good,Good,,,"


@pytest.fixture
def host():
    return make_host(ofsted=ofsted)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def real():
    if not REAL.exists():
        pytest.skip(f"the real Ofsted social care file is not beside the checkout ({REAL} missing)")
    return REAL


def spreadsheet(tmp_path, *rows, group=True, name="outcomes.csv"):
    path = tmp_path / name
    path.write_text("\r\n".join([*([GROUP] if group else []), HEADER, *rows]) + "\r\n", encoding="utf-8")
    return path


def read(host, path, **kwargs):
    return read_for_import(host, path, **kwargs)


def refusal(host, tmp_path, row):
    result = read(host, spreadsheet(tmp_path, GOOD_ROW, row))
    assert len(result.cases) == 1 and result.rows == 2
    [note] = result.refused
    assert note.row == 4  # group heading row 1, header row 2, the good row 3
    return note.reason


# -- the real file ---------------------------------------------------------------------------------


def test_every_row_of_the_real_file_imports_under_the_framework_in_force(host, real):
    seen = []
    result = read(host, real, progress=lambda done, total: seen.append((done, total)))
    assert (result.rows, len(result.cases), result.refused) == (3488, 3488, ())
    assert seen[-1] == (3488, 3488)
    assert {c.framework for c in result.cases} == {"ofsted-sccif-2017"}
    assert collections.Counter(c.kind for c in result.cases) == {
        "full-inspection": 2600, "interim-inspection": 580, "monitoring-inspection": 308}
    overall = collections.Counter(c.grade("overall-effectiveness") for c in result.cases)
    # 416 "Requires improvement to be good" and 1 "Requires improvement" are the one grade
    assert overall == {"outstanding": 456, "good": 1554, "requires-improvement": 417, "inadequate": 175, None: 886}
    interim = collections.Counter(c.grade("progress-since-last-inspection") for c in result.cases if c.kind == "interim-inspection")
    assert interim == {"improved-effectiveness": 170, "sustained-effectiveness": 201, "declined-in-effectiveness": 127, None: 82}
    first = result.cases[0]
    assert first.provider.name == "Oakhill Secure Training Centre"
    assert first.dates.start == dt.date(2017, 10, 6) and first.dates.published == dt.date(2017, 11, 21)
    assert first.provider.identifiers["urn"] == "1027077"
    withheld = [c for c in result.cases if "name withheld" in c.provider.name]
    assert len(withheld) == 3065
    assert {c.provider.identifiers["provision-type"] for c in withheld} >= {"Children's home"}
    assert withheld[0].provider.name == (f"{withheld[0].provider.identifiers['provision-type']} {withheld[0].provider.identifiers['urn']}"
                                         " (name withheld in Ofsted's data)")
    # the one row published before its inspection date keeps its grades, not the date, and says so
    [amended] = result.amended
    assert amended.row == 2289 and "imported without its publication date" in amended.reason


def test_the_real_file_is_recognised_by_its_header_and_imported_with_a_summary(cli, real, tmp_path):
    casebook = tmp_path / "c.sqlite"
    result = cli("import", str(real), "--casebook", str(casebook))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == f"imported 3488 rows, refused 0 ({real})"
    assert "row 2289: Publication date 27/07/2017 is before Inspection date 28/07/2017" in result.stdout
    listed = json.loads(cli("list", "--json", "--casebook", str(casebook)).stdout)
    assert len(listed) == 3488
    # published years ago: closed, not "on site"; but for the one row whose publication date was left out
    assert collections.Counter(row["stage"] for row in listed) == {"closed": 3487, "on site": 1}


def test_the_real_file_with_two_bad_rows_imports_the_rest_lists_the_two_and_exits_1(cli, real, tmp_path):
    import csv

    with real.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    header = rows[1]  # the group heading is file row 1, the header row 2
    # File rows 10 and 3000: a date no calendar has, a grade misspelt.
    rows[9][header.index("Inspection date")] = "31/02/2018"
    rows[2999][header.index("Overall effectiveness")] = "Goood"
    copy = tmp_path / "two-bad-rows.csv"
    with copy.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    casebook = tmp_path / "c.sqlite"
    result = cli("import", str(copy), "--casebook", str(casebook))
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[-3:] == [
        f"imported 3486 rows, refused 2: ({copy})",
        "  row 10: Inspection date '31/02/2018' is no day of the calendar (day is out of range for month)",
        "  row 3000: Overall effectiveness 'Goood' is not a grade Ofsted social care inspection outcomes knows (did you mean 'good'?)",
    ]
    assert len(json.loads(cli("list", "--json", "--casebook", str(casebook)).stdout)) == 3486


# -- the quirks, one small file each -----------------------------------------------------------------


def test_header_found_below_a_group_heading_or_on_the_first_row(host, tmp_path):
    for group in (True, False):
        result = read(host, spreadsheet(tmp_path, GOOD_ROW, group=group))
        assert [c.provider.name for c in result.cases] == ["Oakhill"]
        assert result.refused == ()


def test_trailing_empty_columns_and_short_rows_are_not_data(host, tmp_path):
    short = "1027078,Rainsbrook,Secure Training Centre,Northamptonshire,Full inspection,23/06/2017,08/08/2017,10025841,,Good"
    result = read(host, spreadsheet(tmp_path, GOOD_ROW + ",,,,,,", short))
    assert [c.grade("overall-effectiveness") for c in result.cases] == ["good", "good"]


def test_dates_are_day_first(host, tmp_path):
    [case] = read(host, spreadsheet(tmp_path, GOOD_ROW.replace("06/10/2017", "02/05/2017"))).cases
    assert case.dates.start == dt.date(2017, 5, 2)


def test_variant_spellings_of_a_grade_are_the_same_grade(host, tmp_path):
    rows = [GOOD_ROW.replace(",Good,,,Good,Good,", f",{word},,,Good,Good,") for word in
            ("Requires improvement to be good", "Requires improvement", "requires  IMPROVEMENT ", "INADEQUATE")]
    result = read(host, spreadsheet(tmp_path, *rows))
    assert [c.grade("overall-effectiveness") for c in result.cases] == [
        "requires-improvement", "requires-improvement", "requires-improvement", "inadequate"]


def test_an_interim_outcome_goes_to_its_own_area_and_not_judged_is_no_grade(host, tmp_path):
    interim = GOOD_ROW.replace("Full inspection", "Interim inspection").replace(",Good,,,Good,Good,", ",Declined in effectiveness,,,,,")
    unjudged = GOOD_ROW.replace("Full inspection", "Interim inspection").replace(",Good,,,Good,Good,", ",Not judged,,,,,")
    declined, not_judged = read(host, spreadsheet(tmp_path, interim, unjudged)).cases
    assert declined.kind == "interim-inspection"
    assert declined.grade("progress-since-last-inspection") == "declined-in-effectiveness"
    assert declined.grade("overall-effectiveness") is None
    assert not_judged.judgements == ()


def test_a_withheld_name_becomes_the_provision_and_urn(host, tmp_path):
    [case] = read(host, spreadsheet(tmp_path, GOOD_ROW.replace("Oakhill", "REDACTED"))).cases
    assert case.provider.name == "Secure Training Centre 1027077 (name withheld in Ofsted's data)"


# -- each reason a row is refused -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda row: ",,,,,,,,,,,,,,,,", "the row is empty"),
        (lambda row: row.replace("06/10/2017", "2017-10-06"), "Inspection date '2017-10-06' is not a date written DD/MM/YYYY"),
        (lambda row: row.replace("06/10/2017", "31/02/2018"),
         "Inspection date '31/02/2018' is no day of the calendar (day is out of range for month)"),
        (lambda row: row.replace("06/10/2017", ""), "Inspection date is empty: the inspection date decides the framework"),
        (lambda row: row.replace(",Good,,,Good,Good,", ",Goood,,,Good,Good,"),
         "Overall effectiveness 'Goood' is not a grade Ofsted social care inspection outcomes knows (did you mean 'good'?)"),
        (lambda row: row.replace(",Good,,,Good,Good,", ",Good,,,Sustained effectiveness,Good,"),
         "Safeguarding children and young people 'Sustained effectiveness' is not a grade of "
         "safeguarding-children-and-young-people in ofsted-sccif-2017"),
        (lambda row: row.replace("Full inspection", "Desk review"),
         "Event type 'Desk review' is not one Ofsted social care inspection outcomes knows"),
        (lambda row: row.replace("06/10/2017", "06/10/2016").replace("21/11/2017", "21/11/2016"),
         "no Ofsted framework this plugin has for social-care was in force on 06/10/2016 (it has: ofsted-sccif-2017 2017-04-01 to now)"),
        (lambda row: row.replace("1027077", "12345"), "provider.identifiers.urn: urn '12345' is not a valid URN"),
        (lambda row: row.replace("Oakhill", ""), "Name is empty: a case needs the provider's name"),
        (lambda row: row + ",stray", "column 18 holds 'stray' but has no heading"),
    ],
    ids=["empty", "iso-date", "no-such-date", "no-date", "grade-spelling", "grade-on-wrong-scale", "event-type",
         "no-framework-in-force", "urn", "no-name", "unheaded-column"],
)
def test_a_row_that_cannot_be_a_case_is_refused_with_its_number_and_reason(host, tmp_path, change, reason):
    assert reason in refusal(host, tmp_path, change(GOOD_ROW))


def test_refused_rows_are_listed_after_the_summary_line_and_the_rest_imported(cli, tmp_path):
    path = spreadsheet(tmp_path, GOOD_ROW, GOOD_ROW.replace("Good", "Goood", 1), GOOD_ROW.replace("06/10/2017", "6th Oct"))
    casebook = tmp_path / "c.sqlite"
    result = cli("import", str(path), "--casebook", str(casebook))
    assert result.returncode == 1, result.stderr  # not the whole file: the good row is stored all the same
    assert result.stdout.splitlines()[-3:] == [
        f"imported 1 row, refused 2: ({path})",
        "  row 4: Overall effectiveness 'Goood' is not a grade Ofsted social care inspection outcomes knows (did you mean 'good'?)",
        "  row 5: Inspection date '6th Oct' is not a date written DD/MM/YYYY",
    ]
    assert len(json.loads(cli("list", "--json", "--casebook", str(casebook)).stdout)) == 1


def test_format_named_outright_reads_a_file_of_another_extension(cli, tmp_path):
    path = spreadsheet(tmp_path, GOOD_ROW, name="outcomes.txt")
    casebook = tmp_path / "c.sqlite"
    unnamed = cli("import", str(path), "--casebook", str(casebook))
    assert unnamed.returncode == 1 and "no importer reads .txt" in unnamed.stderr
    named = cli("import", str(path), "--format", "ofsted-outcomes", "--casebook", str(casebook))
    assert named.returncode == 0, named.stderr
    assert named.stdout.splitlines()[-1] == f"imported 1 row, refused 0 ({path})"


# -- the file as a whole --------------------------------------------------------------------------


def test_a_csv_without_a_known_header_is_not_taken_for_one(host, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(Exception, match="no importer recognises this .csv file"):
        importer_for(host, path)
    with pytest.raises(CaseFileError, match="no row of the first 10 is the header"):
        read(host, path, format_id="ofsted-outcomes")


def test_a_header_lacking_a_column_the_layout_reads_is_one_error_for_the_file(host, tmp_path):
    path = tmp_path / "o.csv"
    path.write_text(GROUP + "\n" + HEADER.replace("Quality of care,", "") + "\n" + GOOD_ROW + "\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        read(host, path)
    assert str(caught.value) == (f"{path}:2: Quality of care: the header has no column 'Quality of care',"
                                 " which Ofsted social care inspection outcomes reads")


def test_a_layout_with_a_mistake_names_its_file_and_key(tmp_path):
    good = (outcome_layouts.FOLDER / "social-care.toml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(good.replace("date_format =", "date_fromat ="), encoding="utf-8")
    with pytest.raises(outcome_layouts.LayoutError, match=r"bad.toml: date_fromat: unknown key"):
        outcome_layouts.load(bad)
    bad.write_text(good.replace('["quality-of-care"]', '["quality-of-caer"]'), encoding="utf-8")
    with pytest.raises(outcome_layouts.LayoutError, match=r"judgements.Quality of care: 'quality-of-caer' is not an area"):
        outcome_layouts.check_against(outcome_layouts.load(bad), ofsted.REGIME.frameworks)
