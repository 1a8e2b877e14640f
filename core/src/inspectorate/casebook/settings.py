"""The person's settings the core itself reads from ``config.toml``: their name and their casebook.

```toml
name = "Ann Jones"                                   # who each change is by (else the database role or login name)
casebook = "postgresql://casebook.example.org/team"  # or a file path; relative to this folder
```

The terminal app reads the same file for its own keys (theme, keymap) and reports any mistake
in it; here a mistake in one of these two keys is an error naming the file, line and key, since
guessing another casebook or another name would be worse than stopping.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from attrs import frozen

from .errors import CasebookError
from .location import config_dir

FILE_NAME = "config.toml"
#: The keys of config.toml that belong to the core (the app's own settings loader accepts them).
KEYS = ("name", "casebook")


@frozen
class PersonSettings:
    name: str | None = None
    casebook: str | None = None
    #: Why the file could not be read (it is then as if empty); the app tells the person.
    unreadable: str | None = None


def config_file() -> Path:
    return config_dir() / FILE_NAME


def person_settings(path: Path | None = None) -> PersonSettings:
    """``name`` and ``casebook`` from ``config.toml`` (the defaults when it is missing)."""
    from inspectorate.toml_lines import key_lines

    path = path or config_file()
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        return PersonSettings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return PersonSettings(unreadable=f"{path}: {error}")
    lines = key_lines(text)
    found: dict[str, str] = {}
    for key in KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            line = lines.line((key,))
            where = f"{path}:{line}" if line else str(path)
            what = "your name" if key == "name" else "a file path or a postgresql:// URL"
            raise CasebookError(f"{where}: {key}: must be {what} in quotes")
        found[key] = value.strip()
    casebook = found.get("casebook")
    if casebook and "://" not in casebook and not Path(casebook).expanduser().is_absolute():
        casebook = str(path.parent / casebook)  # a relative file is beside the config file
    return PersonSettings(name=found.get("name"), casebook=casebook)
