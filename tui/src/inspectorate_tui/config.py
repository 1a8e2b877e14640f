"""The person's settings for the terminal app: ``config.toml`` in the configuration directory.

```toml
theme = "inspectorate-high-contrast"
language = "cy"                               # the app's screens in Welsh (a core key: the CLI reads it too)
export_folder = "~/Documents/inspections"   # where exports go; default the documents folder

[keymap]
"casebook.new" = "n,ctrl+n"
```

A bad file never stops the app: every problem is kept as a
:class:`~inspectorate.problems.Problem` (``FILE:LINE: key: message``), read as every settings,
case and data file is (:mod:`inspectorate.toml_schema`), and shown as a notification, and the defaults stand in for
what could not be read. Plain data, no Textual,
so ``inspectorate keys`` can read it too. The theme chosen in the app is written back with
:func:`save_theme`, which changes that one line and keeps the rest of the file as it was.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import attrs
import tomli_w
from attrs import field, fields, frozen
from inspectorate.casebook import config_dir
from inspectorate.casebook.settings import KEYS as CORE_KEYS
from inspectorate.casebook.settings import read_language
from inspectorate.files import write_text
from inspectorate.problems import Problem, ProblemsError, choice_hint
from inspectorate.toml_lines import key_name
from inspectorate.toml_schema import parse, read_text, structure

from inspectorate_tui.keymap import BY_ID

FILE_NAME = "config.toml"
#: The core's key naming the language every front end speaks; the core reads it (``read_language``),
#: and the app reports its problem with its own keys' problems rather than stopping.
LANGUAGE_KEY = "language"


@frozen
class Settings:
    theme: str | None = None
    #: The folder exports were last written to, as the person chose it; None: never chosen.
    export_folder: str | None = None
    keymap: dict[str, str] = field(factory=dict)
    #: The language the person chose (``language = "cy"``); None: not chosen, English.
    language: str | None = None
    #: What was wrong with the file, each naming file, line and key (shown as FILE:LINE: key: message).
    problems: tuple[Problem, ...] = ()
    #: The file they were read from (or would be, were it there); None for settings made in code.
    path: Path | None = None


@frozen
class SettingsLayout:
    """The app's keys of ``config.toml`` (the core's, name and casebook, it checks itself)."""

    theme: str | None = None
    export_folder: str | None = None
    keymap: dict[str, str] = field(factory=dict)


def config_path() -> Path:
    return config_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_path()
    if not path.exists():
        return Settings(path=path)
    try:
        data, lines = parse(read_text(path, ProblemsError, "a settings file"), str(path))
    except ProblemsError as error:
        return Settings(problems=tuple(error.problems), path=path)
    language, language_problem = read_language(data.get(LANGUAGE_KEY), path, lines)
    mine = {key: value for key, value in data.items() if key not in CORE_KEYS and key != LANGUAGE_KEY}
    layout, problems = structure(mine, SettingsLayout, str(path), lines)
    if layout is None:  # the defaults stand in for what could not be read; the rest still counts
        layout, _ = structure(_without(mine, problems), SettingsLayout, str(path), lines)
    layout = layout or SettingsLayout()
    known = (*(f.name for f in fields(SettingsLayout)), *CORE_KEYS, LANGUAGE_KEY)
    problems = [  # the core's keys belong in this file too: a misspelt key may be meant for one
        attrs.evolve(p, hint=choice_hint(p.key, known, "expected one of")) if p.message == "unknown key" and "." not in p.key else p
        for p in problems
    ]

    def problem(key: tuple, message: str, hint: str = "") -> None:
        problems.append(Problem(str(path), lines.line(key), key_name(key), message, hint))

    export_folder = layout.export_folder
    if export_folder is not None and not export_folder.strip():
        problem(("export_folder",), "must be a folder's path in quotes")
        export_folder = None
    keymap: dict[str, str] = {}
    for binding_id, keys in layout.keymap.items():
        if binding_id not in BY_ID:
            problem(("keymap", binding_id), "no such binding",
                    f"{choice_hint(binding_id, BY_ID, 'bindings')}; `inspectorate keys` lists them")
        elif not keys.strip():
            problem(("keymap", binding_id), "must be keys in quotes, for example \"ctrl+n\" or \"n,ctrl+n\"")
        else:
            keymap[binding_id] = keys.replace(" ", "")
    if language_problem is not None:
        problems.append(language_problem)
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    return Settings(theme=layout.theme, export_folder=export_folder, keymap=keymap, language=language,
                    problems=tuple(problems), path=path)


def _without(data: dict, problems: list[Problem]) -> dict:
    """``data`` less the keys that have a problem: a misspelt key or a bad value loses only itself."""
    bad = {p.key for p in problems}
    kept = {}
    for key, value in data.items():
        if key in bad:
            continue
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if key_name((key, k)) not in bad}
        kept[key] = value
    return kept


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

