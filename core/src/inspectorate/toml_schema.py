"""One way to read a TOML file a person wrote into the attrs model: every problem found at once,
each a :class:`~inspectorate.problems.Problem` naming the file, the line and the key.

The layout of a file is an attrs class (the model itself, as for framework files, or a class that
says the file's layout, as for school terms): its fields are the keys, their types what each
holds, a default makes a key optional. :func:`structure` builds it with cattrs, which checks
every key in one pass (detailed validation); its errors are turned into problems here, with the
lines from :mod:`inspectorate.toml_lines`. Types are strict: a number is not taken for a string,
nor a date and time for a date.

:func:`parse` is the step before: the size and nesting limits, then ``tomllib``, its syntax error
moved to the line and key it is on.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from inspectorate.i18n import LANGUAGES, Text, as_text
from inspectorate.problems import Problem, ProblemsError, choice_hint, what_it_is
from inspectorate.toml_limits import past_limits, too_big
from inspectorate.toml_lines import KeyLines, key_lines, key_name

KeyPath = tuple[str | int, ...]
T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# -- reading the text -----------------------------------------------------------------------------


def read_text(
    path: Path, error: type[ProblemsError] = ProblemsError, what: str = "a TOML file", *, unreadable: bool = True
) -> str:
    """The file's text; a file too big or not UTF-8 is one problem naming it, and so is one that
    cannot be read, unless ``unreadable`` is False (then the OSError passes through)."""
    try:
        size = path.stat().st_size
        if (limit := too_big(size)) is not None:
            raise error([Problem(str(path), None, "", f"{limit.message}; is it {what}?")])
        return path.read_bytes().decode("utf-8-sig")  # a byte-order mark from a Windows editor is harmless
    except OSError as exc:
        if not unreadable:
            raise
        raise error([Problem(str(path), None, "", f"cannot be read: {exc.strerror or exc}")]) from None
    except UnicodeDecodeError as exc:
        raise error([Problem(str(path), None, "", f"not UTF-8 text (byte {exc.start}: {exc.reason}); save it as UTF-8")]) from None


def parse(text: str, path: str, error: type[ProblemsError] = ProblemsError) -> tuple[dict, KeyLines]:
    """The parsed data and where each key is written; past a limit or not TOML: ``error``."""
    if (limit := past_limits(text)) is not None:
        key = _written_key(text, limit.line)  # not key_lines: it would walk the very key refused
        raise error([Problem(path, limit.line, key, f"{limit.message}, so the file is not read")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error([syntax_problem(exc, text, path)]) from None
    except RecursionError:  # past what the limits foresee: still one clear line
        raise error([Problem(path, None, "", "values are nested too deeply to read")]) from None
    return data, key_lines(text)


def _written_key(text: str, line: int | None) -> str:
    """The start of the key written on ``line``, as typed, cut short: enough to find it."""
    if line is None:
        return ""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    written = re.split(r"[=\n]", text[start : start + 200], maxsplit=1)[0].strip().strip("[]")
    return written if len(written) <= 40 else written[:40] + "…"


_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")


def syntax_problem(exc: tomllib.TOMLDecodeError, text: str, path: str) -> Problem:
    """tomllib puts the position in its message; move it to the line and name the key there."""
    message = str(exc)
    line = None
    where = _AT_LINE.search(message)
    if where:
        line, column = int(where.group(1)), int(where.group(2))
        message = f"{message[: where.start()]} at column {column}"
    else:
        message = _AT_END.sub(" (at the end of the file)", message)
    key = ""
    if line is not None:
        found = key_lines(text).key_at(line)
        key = key_name(found) if found else ""
        source_line = (text.splitlines() or [""])[min(line, len(text.splitlines())) - 1]
        date = re.search(r"\b(\d{4}-\d{2}-\d{2})", source_line)
        if message.startswith("Invalid date") and date:
            try:
                dt.date.fromisoformat(date.group(1))
            except ValueError:
                return Problem(path, line, key, f"{date.group(1)} is not a real date")
    return Problem(path, line, key, f"not valid TOML: {message[:1].lower()}{message[1:]}")


# -- structuring ----------------------------------------------------------------------------------


class _Wrong(TypeError):
    """A value of the wrong kind, said in the file's words."""


def _exactly(kind: type, words: str):
    def hook(value: Any, _type: Any) -> Any:
        if isinstance(value, bool) is not (kind is bool) or not isinstance(value, kind):
            raise _Wrong(f"expected {words}, got {what_it_is(value)}")
        return value

    return hook


def _date(value: Any, _type: Any) -> dt.date:
    """A TOML date; never a date with a time of day, nor one in quotes (a string to TOML)."""
    if isinstance(value, dt.datetime):
        raise _Wrong(f"{value.isoformat()} has a time of day: give the date only, e.g. {value.date()}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        raise _Wrong(f"{value!r} is a string: write the date as a TOML date like {value} (no quotes, no time)")
    raise _Wrong(f"expected a TOML date like 2025-09-01 (no quotes, no time), got {what_it_is(value)}")


def _number(value: Any, _type: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Wrong(f"expected a number, got {what_it_is(value)}")
    return float(value)


def _table(value: Any, _type: Any) -> Mapping:
    if not isinstance(value, dict):
        raise _Wrong(f"expected a table, got {what_it_is(value)}")
    return value


def _text(value: Any, _type: Any) -> Text:
    """A sentence: a plain string (English) or a table by language, ``{ en = "...", cy = "..." }``."""
    if isinstance(value, str):
        return as_text(value)
    if not isinstance(value, dict):
        raise _Wrong(f'expected a string or a table by language like {{ en = "...", cy = "..." }}, got {what_it_is(value)}')
    errors = []
    for lang, words in value.items():
        if lang not in LANGUAGES:
            exc: Exception = _Wrong(f"{lang!r} is not a language: use {', '.join(LANGUAGES)}")
        elif not isinstance(words, str):
            exc = _Wrong(f"expected a string, got {what_it_is(words)}")
        else:
            continue
        exc.add_note(IterableValidationNote(f"Structuring {_type} @ key {lang!r}", lang, _type))
        errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {_type}", errors, _type)
    return as_text(value)


def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(str, _exactly(str, "a string"))
    converter.register_structure_hook(int, _exactly(int, "a whole number"))
    converter.register_structure_hook(bool, _exactly(bool, "true or false"))
    converter.register_structure_hook(float, _number)
    converter.register_structure_hook(dt.date, _date)
    converter.register_structure_hook(Mapping, _table)  # a table of free keys
    converter.register_structure_hook(Text, _text)

    converter.register_structure_hook_factory(
        lambda t: getattr(t, "__origin__", None) in (tuple, list), lambda t: _sequence(converter, t)
    )
    return converter


def _sequence(converter: cattrs.Converter, type_: Any):
    """A TOML array as ``tuple[X, ...]``, ``list[X]`` or a fixed ``tuple[X, Y]``: a string is not
    taken for a list of its letters, and every bad item is reported with its index."""
    args = type_.__args__
    fixed = None if type_.__origin__ is list or (len(args) == 2 and args[1] is Ellipsis) else args

    def hook(value: Any, _type: Any) -> Any:
        if not isinstance(value, list):
            hint = f' (write ["{value}"])' if isinstance(value, str) else ""
            raise _Wrong(f"expected a list, got {what_it_is(value)}{hint}")
        if fixed is not None and len(value) != len(fixed):
            raise _Wrong(f"expected a list of {len(fixed)}, got {len(value)}")
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(converter.structure(item, fixed[index] if fixed else args[0]))
            except Exception as exc:  # noqa: BLE001 - each is reported with its index
                exc.add_note(IterableValidationNote(f"Structuring {type_} @ index {index}", index, type_))
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {type_}", errors, type_)
        return list(items) if type_.__origin__ is list else tuple(items)

    return hook


_CONVERTER = _converter()


def register(type_: Any, hook: Any) -> None:
    """Teach the reader a type of the model's own: ``hook(value, type_)`` returns it, or raises a
    TypeError or ValueError saying what is wrong (:func:`structure_at` reads a part of it)."""
    _CONVERTER.register_structure_hook(type_, hook)


def structure_at(table: Mapping, key: str, type_: Any) -> Any:
    """``table[key]`` as ``type_`` inside a :func:`register` hook: a problem in it is placed at that key."""
    try:
        return _CONVERTER.structure(table[key], type_)
    except Exception as exc:  # noqa: BLE001 - reported at its key
        exc.add_note(AttributeValidationNote(f"Structuring {key}", key, type_))
        raise ClassValidationError(f"While structuring {key}", [exc], dict) from None


def structure(
    data: Any, cls: type[T], path: str, lines: KeyLines, prefix: KeyPath = (), **fixed: Any
) -> tuple[T | None, list[Problem]]:
    """``cls`` built from ``data`` (found at ``prefix`` in the file), ``fixed`` fields given by the
    caller rather than the file; else None and every problem found, in file order."""
    def problem(key: KeyPath, message: str, hint: str = "") -> Problem:
        key = (*prefix, *key)
        return Problem(path, lines.line(key), key_name(key), message, hint)

    if not isinstance(data, dict):
        return None, [problem((), f"expected a table, got {what_it_is(data)}")]
    given = [name for name in fixed if name in data]
    if given:
        return None, [problem((name,), "unknown key (it is not written in this file)") for name in given]
    try:
        return _CONVERTER.structure({**data, **fixed}, cls), []
    except (cattrs.BaseValidationError, ForbiddenExtraKeysError) as exc:
        found = [problem(key, message, hint) for key, message, hint in _problems(exc)]
        return None, found
    except (TypeError, ValueError) as exc:  # a field's validator: the table as a whole
        return None, [problem((), str(exc))]


def _problems(exc: BaseException, key: KeyPath = ()):
    """(key path, message, hint) for every leaf of cattrs' exception group."""
    if isinstance(exc, ForbiddenExtraKeysError):
        fields = [f.name for f in attrs.fields(exc.cl)]
        for name in sorted(exc.extra_fields):
            yield (*key, name), "unknown key", choice_hint(name, fields, "expected one of")
        return
    if isinstance(exc, cattrs.BaseValidationError):
        for sub in exc.exceptions:
            step: KeyPath = ()
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    step = (note.name,)
                elif isinstance(note, IterableValidationNote):
                    step = (note.index,)
            yield from _problems(sub, (*key, *step))
        return
    if isinstance(exc, KeyError):
        yield key, f"missing: {key[-1] if key else 'a key'} is required", ""
    elif isinstance(exc, _Wrong):
        yield key, str(exc), ""
    else:
        yield key, str(exc) or type(exc).__name__, ""
