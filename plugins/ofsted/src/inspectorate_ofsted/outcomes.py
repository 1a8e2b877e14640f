"""Ofsted's published inspection outcomes (CSV spreadsheets) read as cases, one row an inspection.

The columns are read as a layout of ``data/outcome-spreadsheets/`` says (:mod:`.outcome_layouts`);
the header row is found by its columns, below any group-heading rows, and empty columns after the
last heading are ignored. Each row's grades go to the framework in force for the layout's sector
on its inspection date, on that framework's own scale, and the case is checked as strictly as a
case file. A row that cannot be a case is refused with its number (as a spreadsheet counts rows,
the file's first row being 1) and the reason; none is left out unsaid.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from pathlib import Path

from inspectorate.casefile import CASE_FORMAT, CaseFileError, Problem, case_from_checked_data
from inspectorate.exchange import Importer, ManyRead, RowNote

from inspectorate_ofsted.outcome_layouts import Layout, layouts, spelling

ID = "ofsted-outcomes"
REGIME = "ofsted"
#: Rows looked through for the header (Ofsted puts one group-heading row above it).
HEADER_SEARCH = 10


class Refused(ValueError):
    """Why one row cannot be a case."""


def importer() -> Importer:
    return Importer(id=ID, name="Ofsted published inspection outcomes", extensions=[".csv"], read=None,
                    read_many=read_outcomes, recognises=recognises)


def recognises(path: Path) -> bool:
    """Whether the file's first rows hold the header of a layout this plugin knows."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        head = handle.read(64 * 1024)
    rows = list(csv.reader(io.StringIO(head)))[:HEADER_SEARCH]
    return any(layout.fits(row) for layout in layouts() for row in rows)


def read_outcomes(path: Path, host, progress=None) -> ManyRead:
    path = Path(path)
    rows = _rows(path)
    frameworks = list(host.regime(REGIME).frameworks) if host.regime(REGIME) else []
    layout, at = _find_header(path, rows, layouts(frameworks))
    header = [cell.strip() for cell in rows[at]]
    columns = _columns(path, at + 1, header, layout)
    mine = [f for f in frameworks if layout.sector in f.sectors]
    cases, refused, amended = [], [], []
    data_rows = rows[at + 1 :]
    for done, row in enumerate(data_rows, 1):
        number = at + 1 + done  # the header is row at + 1
        try:
            case, note = _case(path, number, row, header, columns, layout, mine, host)
        except Refused as why:
            refused.append(RowNote(number, str(why)))
        else:
            cases.append(case)
            if note:
                amended.append(RowNote(number, note))
        if progress and (done % 100 == 0 or done == len(data_rows)):
            progress(done, len(data_rows))
    return ManyRead(cases, refused, amended, rows=len(data_rows))


def _rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError([Problem(str(path), None, "", f"not UTF-8 text (byte {exc.start}: {exc.reason}); "
                                     "save the spreadsheet as CSV UTF-8")]) from None
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise CaseFileError([Problem(str(path), None, "", f"not a readable CSV file: {exc}")]) from None


def _find_header(path: Path, rows, known: list[Layout]) -> tuple[Layout, int]:
    for at, row in enumerate(rows[:HEADER_SEARCH]):
        for layout in known:
            if layout.fits(row):
                return layout, at
    wanted = "; ".join(f"{layout.name}: {', '.join(layout.header)}" for layout in known)
    raise CaseFileError([Problem(str(path), None, "", f"no row of the first {HEADER_SEARCH} is the header of an "
                                 f"Ofsted outcome spreadsheet this plugin knows (looked for the columns {wanted})")])


def _columns(path: Path, line: int, header: list[str], layout: Layout) -> dict[str, int]:
    """Each heading's column; a heading the layout reads that is missing or given twice is the
    whole file's problem, not every row's."""
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        if not name:
            continue
        if name in index and name in layout.columns:
            raise CaseFileError([Problem(str(path), line, name, f"the heading {name!r} is given twice (columns "
                                         f"{index[name] + 1} and {i + 1}), so which one to read is not clear")])
        index.setdefault(name, i)
    missing = sorted(layout.columns - set(index))
    if missing:
        raise CaseFileError([Problem(str(path), line, name, f"the header has no column {name!r}, which "
                                     f"{layout.name} reads") for name in missing])
    return index


def _case(path: Path, number: int, row: list[str], header, columns, layout: Layout, frameworks, host):
    if not any(cell.strip() for cell in row):
        raise Refused("the row is empty")
    for i, cell in enumerate(row):
        if cell.strip() and (i >= len(header) or not header[i]):
            raise Refused(f"column {i + 1} holds {cell.strip()!r} but has no heading")
    withheld: set[str] = set()

    def value(column: str) -> str:
        i = columns[column]
        cell = row[i].strip() if i < len(row) else ""
        if spelling(cell) in layout.withheld:
            withheld.add(column)
            return ""
        return cell

    start = _date(value(layout.inspection["start"]), layout.inspection["start"], layout)
    if start is None:
        raise Refused(f"{layout.inspection['start']} is empty: the inspection date decides the framework")
    framework = _in_force(frameworks, start, layout)
    provider = {"sector": layout.sector, "nation": "england"}
    name_column = layout.provider["name"]
    provider["name"] = value(name_column)
    if not provider["name"]:
        if name_column in withheld and "name_if_withheld" in layout.provider:
            provider["name"] = layout.provider["name_if_withheld"].format_map(
                {h: row[i].strip() for h, i in columns.items() if i < len(row)})
        else:
            raise Refused(f"{name_column} is empty: a case needs the provider's name")
    if "local_authority" in layout.provider and (authority := value(layout.provider["local_authority"])):
        provider["local_authority"] = authority
    identifiers = {key: value(column) for key, column in layout.identifiers.items() if value(column)}
    if identifiers:
        provider["identifiers"] = identifiers
    inspection = {"regime": REGIME, "framework": framework.id, "start": start}
    if "kind" in layout.inspection:
        inspection["kind"] = _kind(value(layout.inspection["kind"]), layout.inspection["kind"], layout, framework)
    note = None
    for key in ("end", "published"):
        if key in layout.inspection:
            column = layout.inspection[key]
            day = _date(value(column), column, layout)
            if day is not None and day < start:
                note = (f"{column} {day:%d/%m/%Y} is before {layout.inspection['start']} {start:%d/%m/%Y}; "
                        f"imported without its {column.lower()}")
            elif day is not None:
                inspection[key] = day
    judgements = _judgements(value, layout, framework)
    data = {"format": CASE_FORMAT, "provider": provider, "inspection": inspection, "judgements": judgements}
    try:
        return case_from_checked_data(data, host, f"{path}, row {number}"), note
    except CaseFileError as error:  # as strict as a case file: whatever it refuses, the row is refused for
        raise Refused("; ".join(f"{p.key}: {p.message}" for p in error.problems)) from None


def _date(text: str, column: str, layout: Layout) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.datetime.strptime(text, layout.date_format).date()
    except ValueError as error:
        if "does not match format" not in str(error):  # written as the layout has it, but no such day (31/02)
            raise Refused(f"{column} {text!r} is no day of the calendar ({error})") from None
        shown = layout.date_format.replace("%d", "DD").replace("%m", "MM").replace("%Y", "YYYY")
        raise Refused(f"{column} {text!r} is not a date written {shown}") from None


def _in_force(frameworks, day: dt.date, layout: Layout):
    for framework in frameworks:
        if (framework.valid_from is None or framework.valid_from <= day) and (
            framework.valid_to is None or day <= framework.valid_to
        ):
            return framework
    spans = ", ".join(f"{f.id} {f.valid_from or '…'} to {f.valid_to or 'now'}" for f in frameworks) or "none"
    raise Refused(f"no Ofsted framework this plugin has for {layout.sector} was in force on {day:%d/%m/%Y} "
                  f"(it has: {spans})")


def _kind(text: str, column: str, layout: Layout, framework) -> str:
    if not text:
        raise Refused(f"{column} is empty")
    kind = layout.kinds.get(spelling(text))
    if kind is None:
        raise Refused(f"{column} {text!r} is not one {layout.name} knows{_hint(text, layout.kinds)}")
    if kind not in framework.visit_kinds:
        raise Refused(f"{column} {text!r} is not a kind of visit of {framework.id}")
    return kind


def _judgements(value, layout: Layout, framework) -> dict[str, str]:
    judgements: dict[str, str] = {}
    for column, areas in layout.judgements.items():
        word = value(column)
        if not word:
            continue
        grade = layout.grades.get(spelling(word))
        if grade is None:
            raise Refused(f"{column} {word!r} is not a grade {layout.name} knows{_hint(word, layout.grades)}")
        if grade == "":
            continue  # published as not judged: no grade, which is what the case then says
        area = next((a for a in areas if (scale := framework.scale_for(a)) and grade in scale.grade_ids), None)
        if area is None:
            raise Refused(f"{column} {word!r} is not a grade of {' or '.join(areas)} in {framework.id}")
        if area in judgements:
            raise Refused(f"{column} grades {area}, which another column has already graded")
        judgements[area] = grade
    return judgements


def _hint(word: str, known) -> str:
    close = difflib.get_close_matches(spelling(word), list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
