"""The person's settings the core itself reads from ``config.toml``: name, casebook and language.

```toml
name = "Ann Jones"                                   # who each change is by (else the database role or login name)
casebook = "postgresql://casebook.example.org/team"  # or a file path; relative to this folder
language = "cy"                                      # the language every front end speaks (en or cy)
```

The terminal app reads the same file for its own keys (theme, keymap) and reports any mistake
in it; here a mistake in one of these keys is an error naming the file, line and key, since
guessing another casebook, another name or another language would be worse than stopping.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from attrs import frozen

from inspectorate.problems import Problem

from .errors import CasebookError
from .location import config_dir

FILE_NAME = "config.toml"
#: The keys of config.toml that belong to the core (the app's own settings loader accepts them).
KEYS = ("name", "casebook", "language")


@frozen
class PersonSettings:
    name: str | None = None
    casebook: str | None = None
    #: A code of :data:`inspectorate.i18n.LANGUAGES`; None: not chosen (English, unless ``--lang``).
    language: str | None = None
    #: Why the file could not be read (it is then as if empty); the app tells the person.
    unreadable: str | None = None


def config_file() -> Path:
    return config_dir() / FILE_NAME


def _read(path: Path):
    """The file's data and key lines; None when missing; a reason (str) when it cannot be read."""
    from inspectorate.toml_lines import key_lines

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return f"{path}: {error}"
    return data, key_lines(text)


def _where(path: Path, lines, key: str) -> str:
    line = lines.line((key,))
    return f"{path}:{line}" if line else str(path)


def read_language(value, path: Path, lines) -> tuple[str | None, Problem | None]:
    """The ``language`` key of ``config.toml`` read the one way every front end reads it: the code
    of a language the product speaks, or (None and) a problem naming the file, line and key."""
    from inspectorate.i18n import LANGUAGES

    if value is None:
        return None, None
    if isinstance(value, str) and value.strip().lower() in LANGUAGES:
        return value.strip().lower(), None
    known = ", ".join(f'"{code}" ({name})' for code, name in LANGUAGES.items())
    return None, Problem(str(path), lines.line(("language",)), "language",
                         f"{value!r} is not a language inspectorate speaks: use one of {known}")


def _checked_language(value, path: Path, lines) -> str:
    language, problem = read_language(value, path, lines)
    if problem is not None:
        raise CasebookError(str(problem))
    return language or ""


def language_setting(path: Path | None = None) -> str | None:
    """``language`` from ``config.toml`` alone (None when not chosen): a front end reads it before
    every command, so a mistake in another key stops only what uses that key."""
    path = path or config_file()
    read = _read(path)
    if not isinstance(read, tuple) or read[0].get("language") is None:
        return None
    data, lines = read
    return _checked_language(data["language"], path, lines)


def person_settings(path: Path | None = None) -> PersonSettings:
    """``name``, ``casebook`` and ``language`` from ``config.toml`` (the defaults when it is missing)."""
    path = path or config_file()
    read = _read(path)
    if read is None:
        return PersonSettings()
    if isinstance(read, str):
        return PersonSettings(unreadable=read)
    data, lines = read
    found: dict[str, str] = {}
    for key in KEYS:
        value = data.get(key)
        if value is None:
            continue
        if key == "language":
            found[key] = _checked_language(value, path, lines)
            continue
        if not isinstance(value, str) or not value.strip():
            what = "your name" if key == "name" else "a file path or a postgresql:// URL"
            raise CasebookError(f"{_where(path, lines, key)}: {key}: must be {what} in quotes")
        found[key] = value.strip()
    casebook = found.get("casebook")
    if casebook and "://" not in casebook and not Path(casebook).expanduser().is_absolute():
        casebook = str(path.parent / casebook)  # a relative file is beside the config file
    return PersonSettings(name=found.get("name"), casebook=casebook, language=found.get("language"))
