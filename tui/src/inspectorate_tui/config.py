"""The person's settings for the terminal app: ``config.toml`` in the configuration directory.

```toml
theme = "inspectorate-high-contrast"
export_folder = "~/Documents/inspections"   # where exports go; default the documents folder

[keymap]
"casebook.new" = "n,ctrl+n"
```

A bad file never stops the app: every problem is kept as ``FILE:LINE: key: message`` and shown
as a notification, and the defaults stand in for what could not be read. Plain data, no Textual,
so ``inspectorate keys`` can read it too. The theme chosen in the app is written back with
:func:`save_theme`, which changes that one line and keeps the rest of the file as it was.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path

import tomli_w
from attrs import field, frozen
from inspectorate.casebook import config_dir
from inspectorate.casebook.settings import KEYS as CORE_KEYS
from inspectorate.files import write_text
from inspectorate.toml_lines import key_lines

from inspectorate_tui.keymap import BY_ID

FILE_NAME = "config.toml"
#: The app's own keys, and the core's (name and casebook, read by inspectorate.casebook.settings).
KNOWN_KEYS = ("theme", "export_folder", "keymap", *CORE_KEYS)


@frozen
class Settings:
    theme: str | None = None
    #: The folder exports were last written to, as the person chose it; None: never chosen.
    export_folder: str | None = None
    keymap: dict[str, str] = field(factory=dict)
    problems: tuple[str, ...] = ()
    #: The file they were read from (or would be, were it there); None for settings made in code.
    path: Path | None = None


def config_path() -> Path:
    return config_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(path=path)
    except (OSError, UnicodeDecodeError) as error:
        return Settings(problems=(f"{path}: cannot be read: {error}",), path=path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib puts the place in its message: "... (at line 3, column 8)"
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        where = f"{path}:{found.group(1)}" if found else str(path)
        return Settings(problems=(f"{where}: not valid TOML: {str(error).split(' (at line')[0]}",), path=path)
    lines = key_lines(text)
    problems: list[str] = []

    def problem(key_path: tuple, message: str) -> None:
        line = lines.line(key_path)
        where = f"{path}:{line}" if line else str(path)
        problems.append(f"{where}: {'.'.join(map(str, key_path))}: {message}")

    for key in data:
        if key not in KNOWN_KEYS:
            problem((key,), f"unknown setting{_hint(key, KNOWN_KEYS)}")
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problem(("theme",), "must be a theme name in quotes")
        theme = None
    export_folder = data.get("export_folder")
    if export_folder is not None and (not isinstance(export_folder, str) or not export_folder.strip()):
        problem(("export_folder",), "must be a folder's path in quotes")
        export_folder = None
    keymap: dict[str, str] = {}
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        problem(("keymap",), "must be a table of binding id = \"keys\"")
        table = {}
    for binding_id, keys in table.items():
        if binding_id not in BY_ID:
            problem(("keymap", binding_id), f"no such binding{_hint(binding_id, BY_ID)}; `inspectorate keys` lists them")
        elif not isinstance(keys, str) or not keys.strip():
            problem(("keymap", binding_id), "must be keys in quotes, for example \"ctrl+n\" or \"n,ctrl+n\"")
        else:
            keymap[binding_id] = keys.replace(" ", "")
    return Settings(theme=theme, export_folder=export_folder, keymap=keymap, problems=tuple(problems), path=path)


def export_folder(settings: Settings) -> Path:
    """Where exports go: the folder last chosen, else the person's documents folder."""
    import platformdirs

    if settings.export_folder:
        return Path(settings.export_folder).expanduser()
    return platformdirs.user_documents_path()


def save_theme(name: str, path: Path) -> None:
    """Set ``theme = name`` in the file at ``path``: see :func:`save_setting`."""
    save_setting("theme", name, path)


def save_setting(key: str, value: str, path: Path) -> None:
    """Set the top-level ``key = value`` in the file at ``path`` (made if missing), the rest left
    as it was.

    Only that top-level line is replaced, or one is added before the first table, so
    comments and the keymap stay. Raises ValueError, and changes nothing, when the file is not
    valid TOML (the person's own text is never overwritten); OSError when it cannot be written.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path} is not valid TOML ({error}); the {key.replace('_', ' ')} is not kept there") from None
    line = tomli_w.dumps({key: value})
    lines = text.splitlines(keepends=True)
    top = next((n for n, old in enumerate(lines) if old.lstrip().startswith("[")), len(lines))
    at = next((n for n in range(top) if re.match(rf"\s*{re.escape(key)}\s*=", lines[n])), None)
    if at is not None:
        lines[at] = line
    else:
        if top and not lines[top - 1].endswith("\n"):
            lines[top - 1] += "\n"
        lines.insert(top, line)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, "".join(lines), replace=True)  # whole or not at all, owner-only


def _hint(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
