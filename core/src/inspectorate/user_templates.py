"""A person's own report and letter templates: the ``templates`` folder beside ``config.toml``.

Each template is a small TOML file saying what it is, beside its Jinja2 text::

    <config folder>/templates/            (`inspectorate locate templates` prints where)
        notice-of-visit.toml              what it is for: frameworks, kind, title, ...
        notice-of-visit.en.md.j2          its text in English ...
        notice-of-visit.cy.md.j2          ... and in Welsh (or one notice-of-visit.md.j2 for all)
        estyn-wellbeing-letter.toml       a plugin's template id: this one is used instead
        estyn-wellbeing-letter.md.j2
        _parts.md.j2                      anything the templates import or include

The file's name is the template's id. Its keys (each optional but ``frameworks`` for a new
template)::

    frameworks = ["ofsted-eif-2025"]      # the framework ids whose cases it drafts for
    kind = "letter"                       # report, letter or proforma (default report)
    languages = ["en", "cy"]              # default: those with a file
    required_sections = ["introduction"]  # <!-- section: id --> marks that must hold words
    title = "Notice of visit"             # or [title] en = "...", cy = "..."

    [word_limits.introduction]            # a warning outside these
    maximum = 300

    [messages.en]                         # t("greeting", name=...) in the template
    greeting = "Dear {name}"

A template with a plugin template's id replaces it: what its file leaves out is the plugin's
(titles, frameworks, kind, sections, limits; its messages with the person's added over them), and
its text may import the plugin's macros. Every template renders in the sandbox (see
:mod:`inspectorate.reports`). A file that cannot be used is left out with a problem naming the
file, line and key, and its id is refused rather than drafted from the plugin's version, so no
one takes a plugin's letter for their own.
"""

from __future__ import annotations

import difflib
import glob
import re
import tomllib
import weakref
from collections.abc import Mapping
from pathlib import Path

import attrs
from attrs import field, frozen

from inspectorate.model import Citation, _mapping, _tuple
from inspectorate.reports import KINDS, ReportError, ReportTemplate, WordLimit
from inspectorate.toml_lines import key_lines, key_name

FOLDER = "templates"
SUFFIX = ".md.j2"
KEYS = ("frameworks", "kind", "languages", "required_sections", "title", "word_limits", "messages")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
_LANG = re.compile(r"[a-z]{2,3}\Z")


def user_templates_dir() -> Path:
    """Where a person's own templates live: ``templates`` in the configuration folder."""
    from inspectorate.casebook.location import config_dir

    return config_dir() / FOLDER


@frozen
class Templates:
    """Every template there is: the plugins', with the person's own in their place or after them."""

    #: In the order they are offered: the plugins' (each replaced by the person's of its id), then
    #: the person's new ones.
    all: tuple[ReportTemplate, ...] = field(converter=_tuple)
    #: The folder the person's own are read from.
    folder: Path
    #: The ids the person's folder holds a template for, used or not.
    own: frozenset[str] = frozenset()
    #: Each of the person's files that could not be used, by the id it names: "FILE:LINE: key: what".
    refused: Mapping[str, tuple[str, ...]] = field(factory=dict, converter=_mapping)

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(problem for problems in self.refused.values() for problem in problems)

    def is_own(self, template: ReportTemplate) -> bool:
        return template.id in self.own and template.id not in self.refused


_READ: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def templates(host) -> Templates:
    """The templates ``host``'s plugins register with the person's own over them, read again
    whenever a file in the person's folder changes (a template edited while the app is open is
    drafted as it now is) or the plugins' registrations do."""
    folder = user_templates_dir()
    plugins = host.registered("register_report_templates")
    regimes = host.regimes
    stamp = (folder, _stamp(folder))
    seen = _READ.get(host)
    if seen is not None and seen[0] == stamp and seen[1] is plugins and seen[2] is regimes:
        return seen[3]
    found = read_user_templates(folder, plugins, {f.id for f in host.frameworks()})
    _READ[host] = (stamp, plugins, regimes, found)
    return found


def _stamp(folder: Path) -> tuple | None:
    try:
        return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir()))
    except OSError:  # no folder (the usual case), or one that cannot be read: nothing of the person's
        return None


def read_user_templates(folder: Path, plugins: list[ReportTemplate], frameworks: set[str]) -> Templates:
    """The person's templates in ``folder`` (see the module's page) merged with ``plugins``.

    ``frameworks`` are the framework ids that exist: a template naming another is refused.
    """
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())
    except OSError:
        files = []
    by_id: dict[str, ReportTemplate] = {}
    for template in plugins:
        by_id.setdefault(template.id, template)  # the first registered wins, as find_template has it
    own: dict[str, ReportTemplate] = {}
    refused: dict[str, tuple[str, ...]] = {}
    for path in files:
        read, problems = _read_one(path, by_id.get(path.stem), frameworks)
        if problems or read is None:
            refused[path.stem] = tuple(problems)
        else:
            own[read.id] = read
    merged = [own.get(t.id, t) for t in plugins]
    merged += [t for template_id, t in own.items() if template_id not in by_id]
    return Templates(all=merged, folder=folder, own=frozenset(p.stem for p in files), refused=refused)


def _read_one(path: Path, plugin: ReportTemplate | None, frameworks: set[str]) -> tuple[ReportTemplate | None, list[str]]:
    problems: list[str] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [f"{path}: cannot be read: {error}"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        where = f"{path}:{found.group(1)}" if found else str(path)
        return None, [f"{where}: not valid TOML: {str(error).split(' (at line')[0]}"]
    lines = key_lines(text)

    def problem(key_path: tuple, message: str) -> None:
        line = lines.line(key_path) if key_path else None
        where = f"{path}:{line}" if line else str(path)
        problems.append(f"{where}: {key_name(key_path)}: {message}" if key_path else f"{where}: {message}")

    template_id = path.stem
    if not _ID.match(template_id):
        problem((), f"{template_id!r} cannot be a template id (the file's name): lower-case letters, digits and dashes")
    for key in data:
        if key not in KEYS:
            problem((key,), f"unknown key{_hint(key, KEYS)}; a template's file has {', '.join(KEYS)}")
    values: dict = {}
    if "frameworks" in data:
        named = _strings(data["frameworks"], ("frameworks",), problem)
        for n, framework_id in enumerate(named or ()):
            if framework_id not in frameworks:
                problem(("frameworks", n), f"no framework {framework_id!r} is loaded{_hint(framework_id, frameworks)}; "
                        "`inspectorate frameworks` lists them")
        if named == []:
            problem(("frameworks",), "names no framework: the template would never be offered")
        values["frameworks"] = named or ()
    elif plugin is None:
        problem((), "frameworks: missing: a template of your own names the framework ids it drafts for, "
                "as frameworks = [\"estyn-2024\"] (`inspectorate frameworks` lists them)")
    if "kind" in data:
        if data["kind"] in KINDS:
            values["kind"] = data["kind"]
        else:
            problem(("kind",), f"must be one of {', '.join(KINDS)}, not {data['kind']!r}")
    if "required_sections" in data:
        values["required_sections"] = _strings(data["required_sections"], ("required_sections",), problem) or ()
    if "title" in data:
        title = data["title"]
        if isinstance(title, str) and title.strip():
            values["titles"] = {"en": title}
        elif isinstance(title, dict) and title and all(isinstance(v, str) and v.strip() for v in title.values()):
            values["titles"] = title
        else:
            problem(("title",), "must be the title in quotes, or a table of one per language (en = \"...\")")
    if "word_limits" in data:
        values["word_limits"] = _word_limits(data["word_limits"], path, problem)
    messages = dict(plugin.messages) if plugin else {}
    if "messages" in data:
        table = data["messages"]
        if not isinstance(table, dict):
            problem(("messages",), "must be tables of messages by language: [messages.en] greeting = \"...\"")
        else:
            for lang, texts in table.items():
                if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
                    problem(("messages", lang), "must be a table of key = \"message\"")
                else:
                    messages[lang] = {**messages.get(lang, {}), **texts}
    filename, found_languages = _text_files(path, template_id, problem)
    if "languages" in data:
        listed = _strings(data["languages"], ("languages",), problem)
        if listed == []:
            problem(("languages",), "names no language")
        languages = listed or []
        for n, lang in enumerate(languages):
            if not _LANG.match(lang):
                problem(("languages", n), f"{lang!r} is not a language code such as en or cy")
            elif filename != "{id}" + SUFFIX and lang not in found_languages:
                problem(("languages", n), f"no {template_id}.{lang}{SUFFIX} beside it for {lang!r}")
    elif filename == "{id}" + SUFFIX:
        languages = list(plugin.languages) if plugin else ["en"]
    else:
        languages = found_languages
    if problems:
        return None, problems
    if plugin is not None:
        # The plugin's template with the person's keys and files: the folder the plugin's macros are in comes after theirs.
        template = attrs.evolve(plugin, directory=path.parent, filename=filename, languages=languages,
                                messages=messages, includes_from=plugin.folders, **values)
    else:
        template = ReportTemplate(id=template_id, titles=values.pop("titles", {"en": template_id}), directory=path.parent,
                                  filename=filename, languages=languages, messages=messages, **values)
    return template, []


def _text_files(path: Path, template_id: str, problem) -> tuple[str, list[str]]:
    """The file-name pattern of a template's text and the languages it has a file for."""
    folder = path.parent
    one = folder / f"{template_id}{SUFFIX}"
    per_language = sorted(
        p.name[len(template_id) + 1 : -len(SUFFIX)]
        for p in folder.glob(f"{glob.escape(template_id)}.*{SUFFIX}")
        if _LANG.match(p.name[len(template_id) + 1 : -len(SUFFIX)])
    )
    per_language.sort(key=lambda lang: lang != "en")  # English first: the default language
    if one.is_file() and per_language:
        problem((), f"both {one.name} and {template_id}.{per_language[0]}{SUFFIX} are beside it: keep one for every "
                "language, or one per language")
    if one.is_file():
        return "{id}" + SUFFIX, []
    if not per_language:
        problem((), f"no text beside it: write {template_id}{SUFFIX} (every language) or {template_id}.en{SUFFIX} "
                "(one per language) in the same folder")
    return "{id}.{lang}" + SUFFIX, per_language


def _strings(value, key_path: tuple, problem) -> list[str] | None:
    """``value`` if it is a list of names in quotes; else the problem said, and None."""
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return value
    problem(key_path, "must be a list of names in quotes, as [\"one\", \"two\"]")
    return None


def _word_limits(table, path: Path, problem) -> list[WordLimit]:
    if not isinstance(table, dict):
        problem(("word_limits",), "must be a table per section: [word_limits.overview] maximum = 300")
        return []
    limits = []
    for section, bounds in table.items():
        if not isinstance(bounds, dict) or not bounds:
            problem(("word_limits", section), "must give minimum, maximum or both: [word_limits.overview] maximum = 300")
            continue
        for key, value in bounds.items():
            if key not in ("minimum", "maximum"):
                problem(("word_limits", section, key), f"unknown key{_hint(key, ('minimum', 'maximum'))}; a limit has minimum and maximum")
            elif not isinstance(value, int) or isinstance(value, bool) or value < 0:
                problem(("word_limits", section, key), "must be a whole number of words")
        low, high = bounds.get("minimum"), bounds.get("maximum")
        if isinstance(low, int) and isinstance(high, int) and low > high:
            problem(("word_limits", section), f"the minimum {low} is above the maximum {high}")
        citation = Citation(document=path.name, locator=f"word_limits.{section}", confidence="unsourced",
                            quote="The guidance is silent: the limit is set in this template's own file")
        limits.append(WordLimit(section, low if isinstance(low, int) else None, high if isinstance(high, int) else None, citation))
    return limits


def _hint(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def origins(host, found: Templates) -> dict[str, str]:
    """Where each template comes from, in words: "plugin estyn", "yours: FILE", or "yours: FILE, in
    place of plugin estyn's"."""
    plugin_of: dict[str, str] = {}
    for plugin, registered in host.registered_in_order("register_report_templates"):
        for template in registered:
            plugin_of.setdefault(template.id, plugin)
    words = {}
    for template in found.all:
        plugin = plugin_of.get(template.id)
        if found.is_own(template):
            mine = f"yours: {template.directory / (template.id + '.toml')}"
            words[template.id] = f"{mine}, in place of plugin {plugin}'s" if plugin else mine
        else:
            words[template.id] = f"plugin {plugin}" if plugin else "a plugin"
    return words


def refusal(found: Templates, template_id: str) -> ReportError | None:
    """The error for drafting ``template_id`` when the person's file of that id could not be used."""
    problems = found.refused.get(template_id)
    if not problems:
        return None
    return ReportError(f"your template {template_id!r} cannot be used: " + "; ".join(problems))
