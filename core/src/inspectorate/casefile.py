"""Case files: one inspection as a TOML file, ``format = "inspectorate-case/1"``.

A case file is how a case leaves the casebook and comes back: exported for a colleague, edited
by hand, kept beside the report. Whatever arrives is checked strictly before anything is
imported, because a misspelt key or a grade the framework does not have would otherwise vanish
silently or reach the rules as nonsense. Every problem is collected, each with the file, line and
key and a hint (:class:`CaseFileError`), so one round of corrections is enough; a file with any
problem imports nothing.

The mapping between a :class:`~inspectorate.model.Case` and the file's layout is
:mod:`inspectorate.codec`; this module adds validation against the regime's framework and safe
writing. Reading the text (limits, syntax errors by line and key) and the :class:`Problem` type
are those of every file a person writes (:mod:`inspectorate.toml_schema`, :mod:`inspectorate.problems`).

Keys in messages are written as the parsed data is walked, with 0-based indexes:
``evidence[2].kind`` is the ``kind`` of the third ``[[evidence]]``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from inspectorate import codec, files, identifiers
from inspectorate.calendar.divisions import NATIONS
from inspectorate.codec import CASE_FORMAT, DATE_KEYS
from inspectorate.frameworks import Area, Framework
from inspectorate.model import Case, DocumentDetails, Evidence, Provider, Team
from inspectorate.problems import Problem, ProblemsError, choice_hint, what_it_is
from inspectorate.toml_lines import KeyLines, key_name
from inspectorate.toml_schema import parse, read_text

#: The case-file versions this build reads.
SUPPORTED_FORMATS = (CASE_FORMAT,)
#: A file holding many cases, each a ``[[cases]]`` table laid out as a case file.
MANY_FORMAT = "inspectorate-cases/1"


#: The longest local authority name a case may give ("Rhondda Cynon Taf" is 17).
MAX_LOCAL_AUTHORITY = 80

#: The order of the top-level keys in a written file: who, what, then what followed.
KEY_ORDER = (
    "format",
    "provider",
    "inspection",
    "team",
    "judgements",
    "overrides",
    "evidence",
    "recommendations",
    "follow_up",
    "inspector_calls",
    "settings",
    "documents",
)

KeyPath = tuple[str | int, ...]


# -- problems -------------------------------------------------------------------------------------


class CaseFileError(ProblemsError):
    """A case file that cannot be imported; ``problems`` lists every reason, in file order."""


# -- reading --------------------------------------------------------------------------------------


def read_case_file(path: str | os.PathLike, host) -> Case:
    """Read and validate a case file; OSError (e.g. no such file) passes through unchanged."""
    path = Path(path)
    return loads_case(_text_of(path), host, str(path))


def loads_case(text: str, host, path: str = "<string>") -> Case:
    """Parse and validate case-file text; raise :class:`CaseFileError` with every problem found."""
    data, lines = parse(text, path, CaseFileError)
    if isinstance(data.get("format"), str) and data["format"] == MANY_FORMAT:
        raise CaseFileError([Problem(path, 1, "format", f"this file holds many cases ({MANY_FORMAT}); import it, "
                                     "or read it with read_many_cases")])
    return _checked_case(data, host, path, lines)


def _checked_case(data: dict, host, path: str, lines: KeyLines, prefix: KeyPath = ()) -> Case:
    checker = _Checker(path, lines, host, prefix)
    clean = checker.check(data)
    if checker.problems:
        raise CaseFileError(checker.problems)
    return codec.case_from_data(clean)


def case_from_checked_data(data: dict, host, where: str) -> Case:
    """A case from data in the case-file layout that came from elsewhere than a TOML file (a row
    of a spreadsheet, say), checked exactly as a case file is; :class:`CaseFileError` names the
    keys, with ``where`` as the file and no line."""
    return _checked_case(data, host, where, KeyLines({}))


# -- many cases in one file -----------------------------------------------------------------------


def read_many_cases(path: str | os.PathLike, host) -> list[Case]:
    """Every case of a many-case file (``format = "inspectorate-cases/1"``, each case a
    ``[[cases]]`` table laid out as a case file), or of a one-case file; all or none: a
    :class:`CaseFileError` lists every problem of every case."""
    path = Path(path)
    return loads_many(_text_of(path), host, str(path))


def loads_many(text: str, host, path: str = "<string>") -> list[Case]:
    """:func:`read_many_cases` of text already read."""
    data, lines = parse(text, path, CaseFileError)
    if data.get("format") != MANY_FORMAT:
        return [_checked_case(data, host, path, lines)]
    problems = [Problem(path, lines.line((name,)), name, "unknown key (a many-case file holds format and [[cases]])")
                for name in data if name not in ("format", "cases")]
    cases = data.get("cases")
    if not isinstance(cases, list) or not cases:
        problems.append(Problem(path, lines.line(("cases",)), "cases", "expected one [[cases]] table or more"))
        raise CaseFileError(problems)
    read = []
    for index, item in enumerate(cases):
        if not isinstance(item, dict):
            problems.append(Problem(path, lines.line(("cases", index)), f"cases[{index}]", f"expected a table, got {what_it_is(item)}"))
            continue
        item = {"format": CASE_FORMAT, **item}  # each case is laid out as a case file, its format said once
        try:
            read.append(_checked_case(item, host, path, lines, ("cases", index)))
        except CaseFileError as error:
            problems.extend(error.problems)
    if problems:
        raise CaseFileError(problems)
    return read


# -- validation -----------------------------------------------------------------------------------


def _text_of(path: Path) -> str:
    return read_text(path, CaseFileError, "a case file", unreadable=False)


def dumps_many(cases: Sequence[Case]) -> str:
    """Many cases as one file: ``format = "inspectorate-cases/1"`` then a ``[[cases]]`` table per
    case, each laid out as a case file without its own ``format``."""
    tables = []
    for case in cases:
        data = codec.case_to_data(case)
        data.pop("format", None)
        tables.append({name: data[name] for name in KEY_ORDER if name in data})
    return tomli_w.dumps({"format": MANY_FORMAT, "cases": tables})


def many_cases_text(cases: Sequence[Case], host=None, path: str = "the exported cases") -> str:
    """:func:`dumps_many`, read back first when ``host`` is given (as :func:`case_file_text`)."""
    text = dumps_many(cases)
    if host is not None:
        try:
            loads_many(text, host, path)
        except CaseFileError as error:
            raise CaseFileError(
                [Problem(p.path, p.line, p.key, f"{p.message} (so it is not written: it would not import)") for p in error.problems]
            ) from None
    return text


# -- validation -----------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")

#: Raised by nothing: returned by a check when the value is unusable (the problem is recorded).
_BAD: Any = object()

Check = Callable[[Any, KeyPath], Any]


class _Checker:
    """Walks the parsed data once, recording problems and building a clean copy for the codec.

    The clean copy keeps only values that passed (ISO date strings become dates), so the checks
    against the framework that follow never see a value of the wrong type.
    """

    def __init__(self, path: str, lines: KeyLines, host, prefix: KeyPath = ()):
        self.path = path
        self.lines = lines
        self.host = host
        #: Where the case sits in its file: ``("cases", 3)`` in a many-case file, else nothing.
        self.prefix = prefix
        self.problems: list[Problem] = []

    def problem(self, key: KeyPath, message: str) -> None:
        key = (*self.prefix, *key)
        self.problems.append(Problem(self.path, self.lines.line(key), key_name(key), message))

    # -- the layout ------------------------------------------------------------------------------

    def check(self, data: dict) -> dict:
        if not self._format(data):
            return {}
        clean = self.table(
            data,
            (),
            {
                "format": lambda value, key: value,
                "provider": self.provider,
                "inspection": self.inspection,
                "team": self.team,
                "judgements": lambda value, key: self.mapping(value, key, self.string),
                "overrides": lambda value, key: self.mapping(value, key, self.override),
                "evidence": lambda value, key: self.array(value, key, self.evidence),
                "recommendations": lambda value, key: self.array(value, key, self.recommendation),
                "follow_up": self.follow_up,
                "inspector_calls": lambda value, key: self.mapping(value, key, self.strings),
                "settings": lambda value, key: self.mapping(value, key, self.string),
                "documents": lambda value, key: self.mapping(value, key, self.document),
            },
            required=("provider", "inspection"),
        )
        self._priorities(clean.get("recommendations", []))
        self._date_order(clean.get("inspection", {}))
        self._against_framework(clean)
        return clean

    def _format(self, data: dict) -> bool:
        """Check ``format``; False when the rest of the file is not ours to judge."""
        supported = ", ".join(SUPPORTED_FORMATS)
        if "format" not in data:
            self.problem(("format",), f'missing: a case file starts with format = "{CASE_FORMAT}"')
            return True
        value = data["format"]
        if not isinstance(value, str):
            self.problem(("format",), f'expected the string "{CASE_FORMAT}", got {what_it_is(value)}')
            return True
        if value in SUPPORTED_FORMATS:
            return True
        if value.startswith("inspectorate-case/"):
            self.problem(
                ("format",),
                f"{value!r} is not supported: this build reads {supported} (a newer inspectorate may read it)",
            )
        else:
            self.problem(("format",), f"{value!r} is not an inspectorate case file (expected {CASE_FORMAT!r})")
        return False

    def fields_of(self, cls: type, **special: Check) -> tuple[dict[str, Check], tuple[str, ...]]:
        """The checks of a table laid out as the model class ``cls`` (a key per field, checked by
        its type; ``special`` ones by name), and its required keys (the fields with no default):
        a field added to the model is read and checked with no more code."""
        by_type: dict[str, Check] = {
            "tuple[str, ...]": self.strings,
            "dt.date | None": self.date,
            "dt.date": self.date,
            "Mapping[str, str]": lambda v, k: self.mapping(v, k, self.string),
        }
        checks, required = {}, []
        for f in attrs.fields(cls):
            needed = f.default is attrs.NOTHING
            plain = self.required_string if needed else self.string
            written = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
            checks[f.name] = special.get(f.name) or (plain if written == "str" else by_type[written])
            if needed:
                required.append(f.name)
        return checks, tuple(required)

    def provider(self, value: Any, key: KeyPath) -> Any:
        fields, required = self.fields_of(Provider, local_authority=self.local_authority)
        clean = self.table(value, key, fields, required=required)
        for name, why in identifiers.problems(clean.get("identifiers", {}) if isinstance(clean, dict) else {}).items():
            self.problem((*key, "identifiers", name), why)
        nation = clean.get("nation") if isinstance(clean, dict) else None
        if nation is not None and nation not in NATIONS:
            self.problem((*key, "nation"), f"unknown nation {nation!r} {choice_hint(nation, NATIONS, 'nations')}")
        return clean

    def inspection(self, value: Any, key: KeyPath) -> Any:
        fields: dict[str, Check] = {
            "regime": self.required_string,
            "framework": self.required_string,
            "kind": self.required_string,
            "report_language": self.language,
        }
        fields.update((name, self.date) for name in DATE_KEYS)
        return self.table(value, key, fields, required=("regime", "framework"))

    def team(self, value: Any, key: KeyPath) -> Any:
        return self.table(value, key, self.fields_of(Team)[0])

    def override(self, value: Any, key: KeyPath) -> Any:
        return self.table(value, key, {"from": self.required_string, "reason": self.string, "by": self.string})

    def evidence(self, value: Any, key: KeyPath) -> Any:
        fields, required = self.fields_of(Evidence)
        return self.table(value, key, fields, required=required)

    def recommendation(self, value: Any, key: KeyPath) -> Any:
        return self.table(
            value,
            key,
            {
                "priority": self.priority,
                "text": self.required_string,
                "areas": self.strings,
                "progress": lambda v, k: self.array(v, k, self.progress),
            },
            required=("priority", "text"),
        )

    def progress(self, value: Any, key: KeyPath) -> Any:
        return self.table(
            value,
            key,
            {"on": self.date, "progress": self.required_string, "note": self.string},
            required=("on", "progress"),
        )

    def document(self, value: Any, key: KeyPath) -> Any:
        """How one letter or report (by template id) is dated, addressed and signed."""
        return self.table(value, key, self.fields_of(DocumentDetails)[0])

    def follow_up(self, value: Any, key: KeyPath) -> Any:
        return self.table(
            value,
            key,
            {
                "done": lambda v, k: self.mapping(v, k, self.date),
                "category": self.required_string,
                "category_reason": self.string,
                "chosen": self.strings,
            },
        )

    # -- containers ------------------------------------------------------------------------------

    def table(self, value: Any, key: KeyPath, fields: dict[str, Check], required: Sequence[str] = ()) -> Any:
        """A table with a fixed set of keys: unknown keys and missing required ones are problems."""
        if not isinstance(value, dict):
            self.problem(key, f"expected a table, got {what_it_is(value)}")
            return _BAD
        clean = {}
        for name, item in value.items():
            if name not in fields:
                self.problem((*key, name), f"unknown key {choice_hint(name, fields, 'expected one of')}")
                continue
            checked = fields[name](item, (*key, name))
            if checked is not _BAD:
                clean[name] = checked
        for name in required:
            if name not in value:
                what = f"[{name}]" if not key else name
                self.problem((*key, name), f"missing: {what} is required")
        return clean

    def mapping(self, value: Any, key: KeyPath, check: Check) -> Any:
        """A table whose keys are ids (areas, settings, events): each value checked alike."""
        if not isinstance(value, dict):
            self.problem(key, f"expected a table, got {what_it_is(value)}")
            return _BAD
        clean = {}
        for name, item in value.items():
            checked = check(item, (*key, name))
            if checked is not _BAD:
                clean[name] = checked
        return clean

    def array(self, value: Any, key: KeyPath, check: Check) -> Any:
        """An array of tables (``[[evidence]]``). Items keep their index, even when unusable."""
        if not isinstance(value, list):
            self.problem(key, f"expected an array of tables ([[{key_name(key)}]]), got {what_it_is(value)}")
            return _BAD
        clean = []
        for index, item in enumerate(value):
            checked = check(item, (*key, index))
            clean.append(checked if checked is not _BAD else {})
        return clean

    # -- values ----------------------------------------------------------------------------------

    def string(self, value: Any, key: KeyPath) -> Any:
        if isinstance(value, str):
            return value
        self.problem(key, f"expected a string, got {what_it_is(value)}")
        return _BAD

    def language(self, value: Any, key: KeyPath) -> Any:
        """A language the product speaks (``i18n.LANGUAGES``), by its code."""
        from inspectorate.i18n import LANGUAGES

        checked = self.string(value, key)
        if checked is not _BAD and checked not in LANGUAGES:
            choices = ", ".join(f'"{code}" ({name})' for code, name in LANGUAGES.items())
            self.problem(key, f"{checked!r} is not a language the reports are drafted in: use one of {choices}")
            return _BAD
        return checked

    def local_authority(self, value: Any, key: KeyPath) -> Any:
        """A name, not a paragraph: it also names the school-terms file looked for."""
        checked = self.string(value, key)
        if checked is not _BAD and (len(checked) > MAX_LOCAL_AUTHORITY or not checked.isprintable()):
            what = "holds a line break or control character" if not checked.isprintable() else f"is {len(checked)} characters long"
            self.problem(key, f"{what}: a local authority's name is one line of at most {MAX_LOCAL_AUTHORITY} characters")
            return _BAD
        return checked

    def required_string(self, value: Any, key: KeyPath) -> Any:
        """A string that must say something (an empty one would be dropped when written)."""
        checked = self.string(value, key)
        if checked is not _BAD and not checked.strip():
            self.problem(key, "must not be empty")
            return _BAD
        return checked

    def strings(self, value: Any, key: KeyPath) -> Any:
        if isinstance(value, str):
            self.problem(key, f'expected a list of strings, got a string (write ["{value}"])')
            return _BAD
        if not isinstance(value, list):
            self.problem(key, f"expected a list of strings, got {what_it_is(value)}")
            return _BAD
        checked = [self.string(item, (*key, index)) for index, item in enumerate(value)]
        return _BAD if _BAD in checked else checked

    def priority(self, value: Any, key: KeyPath) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"expected a whole number (1 is the most important), got {what_it_is(value)}")
            return _BAD
        if value < 1:
            self.problem(key, f"must be 1 or more (1 is the most important), got {value}")
            return _BAD
        return value

    def date(self, value: Any, key: KeyPath) -> Any:
        """A TOML date or an ISO date string; never a date with a time of day."""
        if isinstance(value, dt.datetime):
            self.problem(key, f"{value.isoformat()} has a time of day: give the date only, e.g. {value.date()}")
        elif isinstance(value, dt.date):
            return value
        elif isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                self.problem(key, f"{value!r} is not a real date")
        elif isinstance(value, str) and _ISO_DATE_TIME.match(value):
            self.problem(key, f"{value!r} has a time of day: give the date only, e.g. {value[:10]}")
        elif isinstance(value, str):
            self.problem(key, f"{value!r} is not a date: write YYYY-MM-DD, e.g. 2024-03-05")
        else:
            self.problem(key, f"expected a date (YYYY-MM-DD), got {what_it_is(value)}")
        return _BAD

    # -- across keys -----------------------------------------------------------------------------

    def _priorities(self, recommendations: list[dict]) -> None:
        """Recommendations are ranked: two with the same priority leave the order undecided."""
        first: dict[int, int] = {}
        for index, recommendation in enumerate(recommendations):
            priority = recommendation.get("priority")
            if priority is None:
                continue
            if priority in first:
                self.problem(
                    ("recommendations", index, "priority"),
                    f"priority {priority} is already given to recommendations[{first[priority]}]; "
                    "each recommendation needs its own priority",
                )
            else:
                first[priority] = index

    def _date_order(self, inspection: dict) -> None:
        """Notified, start, end, draft issued, published: each known date on or after the last."""
        previous = None
        for name in DATE_KEYS:
            date = inspection.get(name)
            if date is None:
                continue
            if previous is not None and date < previous[1]:
                self.problem(
                    ("inspection", name),
                    f"{name} {date} is before {previous[0]} {previous[1]}",
                )
            else:
                previous = (name, date)

    def _against_framework(self, clean: dict) -> None:
        """Check ids (areas, grades, kinds, calls, settings) against the case's framework.

        Skipped when the regime or framework is unknown: that problem is reported instead.
        """
        provider = clean.get("provider") or {}
        inspection = clean.get("inspection") or {}
        regime_id, framework_id = inspection.get("regime"), inspection.get("framework")
        if regime_id is None:
            return
        regime = self.host.regime(regime_id)
        if regime is None:
            known = sorted(self.host.regimes)
            hint = choice_hint(regime_id, known, "known regimes") if known else "(no regimes are installed)"
            self.problem(("inspection", "regime"), f"unknown regime {regime_id!r} {hint}")
            return
        if framework_id is None:
            return
        framework = regime.framework(framework_id)
        if framework is None:
            elsewhere = self.host.framework(framework_id)
            if elsewhere is not None:
                message = f"{framework_id!r} is a framework of regime {elsewhere.regime!r}, not {regime.id!r}"
            else:
                ids = [f.id for f in regime.frameworks]
                hint = choice_hint(framework_id, ids, "frameworks")
                message = f"{framework_id!r} is not a framework of {regime.id} {hint}"
            self.problem(("inspection", "framework"), message)
            return
        _FrameworkCheck(self, framework).check(provider, inspection, clean)


class _FrameworkCheck:
    """The checks that need the framework: every id in the case must be one it defines."""

    def __init__(self, checker: _Checker, framework: Framework):
        self.checker = checker
        self.framework = framework

    def problem(self, key: KeyPath, message: str) -> None:
        self.checker.problem(key, message)

    def check(self, provider: dict, inspection: dict, clean: dict) -> None:
        fw = self.framework
        self.one_of(provider.get("sector"), ("provider", "sector"), fw.sectors, "a sector", "sectors")
        if "kind" not in inspection and fw.visit_kinds:
            # Left out: the framework's first visit kind (its usual one), so an export re-imports.
            clean.setdefault("inspection", inspection)["kind"] = fw.visit_kinds[0]
        self.one_of(inspection.get("kind"), ("inspection", "kind"), fw.visit_kinds, "a visit kind", "visit kinds")
        judgements = clean.get("judgements") or {}
        for area_id, grade in judgements.items():
            area = self.area(area_id, ("judgements", area_id))
            if area is not None:
                self.grade(area, grade, ("judgements", area_id))
        for area_id, override in (clean.get("overrides") or {}).items():
            key = ("overrides", area_id)
            area = self.area(area_id, key)
            if area is None:
                continue
            if area_id not in judgements:
                self.problem(key, f"an override for {area_id!r}, which has no grade under [judgements]")
            elif "from" in override:
                self.grade(area, override["from"], (*key, "from"))
        for index, evidence in enumerate(clean.get("evidence") or []):
            key = ("evidence", index)
            if "area" in evidence:
                self.area(evidence["area"], (*key, "area"))
            if "kind" in evidence and fw.evidence_kinds:  # a framework without kinds leaves them free
                kinds = fw.evidence_kinds
                self.one_of(evidence["kind"], (*key, "kind"), kinds, "an evidence kind", "evidence kinds")
        for index, recommendation in enumerate(clean.get("recommendations") or []):
            key = ("recommendations", index)
            for n, area_id in enumerate(recommendation.get("areas", [])):
                self.area(area_id, (*key, "areas", n))
            if fw.progress_scale:
                for n, entry in enumerate(recommendation.get("progress", [])):
                    self.one_of(
                        entry.get("progress"), (*key, "progress", n, "progress"), fw.progress_scale,
                        "a progress judgement", "progress judgements",
                    )
        for call, areas in (clean.get("inspector_calls") or {}).items():
            key = ("inspector_calls", call)
            if self.one_of(call, key, fw.inspector_calls, "an inspector's call", "inspector calls"):
                for n, area_id in enumerate(areas):
                    self.area(area_id, (*key, n))
        for setting, reading in (clean.get("settings") or {}).items():
            key = ("settings", setting)
            if self.one_of(setting, key, fw.settings, "a setting", "settings"):
                readings = list(fw.settings[setting].get("readings", {}))
                self.one_of(reading, key, readings, f"a reading of {setting}", "readings")

    def one_of(self, value: str | None, key: KeyPath, choices: Iterable[str], what: str, label: str) -> bool:
        """True when ``value`` is one of ``choices`` (or absent); else record why not."""
        choices = list(choices)
        if value is None or value in choices:
            return True
        self.problem(key, f"{value!r} is not {what} of {self.framework.id} {choice_hint(value, choices, label)}")
        return False

    def area(self, area_id: str, key: KeyPath) -> Area | None:
        area = self.framework.area(area_id)
        if area is None:
            hint = choice_hint(area_id, self.framework.area_ids, "areas")
            self.problem(key, f"{area_id!r} is not an area of {self.framework.id} {hint}")
        return area

    def grade(self, area: Area, grade: str, key: KeyPath) -> None:
        """``grade`` must be on the scale ``area`` is graded on."""
        fw = self.framework
        if not area.scale:
            graded = [a.id for a in fw.graded_areas]
            self.problem(key, f"{area.id!r} is not graded in {fw.id} {choice_hint(area.id, graded, 'graded areas')}")
            return
        scale = fw.scale(area.scale)
        if scale is None:
            self.problem(key, f"{fw.id} grades {area.id!r} on scale {area.scale!r}, which it does not define")
        elif grade not in scale.grade_ids:
            self.problem(key, f"{grade!r} is not a grade of {fw.id} {choice_hint(grade, scale.grade_ids, 'grades')}")


# -- writing --------------------------------------------------------------------------------------


def dumps_case(case: Case) -> str:
    """The case as case-file text, top-level keys in :data:`KEY_ORDER`."""
    data = codec.case_to_data(case)
    ordered = {name: data[name] for name in KEY_ORDER if name in data}
    ordered.update((name, value) for name, value in data.items() if name not in ordered)
    return tomli_w.dumps(ordered)


def case_file_text(case: Case, host=None, path: str = "the exported case") -> str:
    """The case as case-file text. With ``host``, it is first read back as an import would read it,
    so an export never writes a file that would not import (a :class:`CaseFileError` names what is wrong)."""
    text = dumps_case(case)
    if host is not None:
        try:
            loads_case(text, host, path)
        except CaseFileError as error:
            raise CaseFileError(
                [Problem(p.path, p.line, p.key, f"{p.message} (so it is not written: it would not import)") for p in error.problems]
            ) from None
    return text


def write_case_file(case: Case, path: str | os.PathLike, host=None, *, replace: bool = False) -> None:
    """Write the case file safely (:mod:`inspectorate.files`): an existing file only if ``replace``."""
    files.write_text(path, case_file_text(case, host, str(path)), replace=replace)  # a failure has not touched the disk
