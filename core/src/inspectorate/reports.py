"""Report, letter and proforma templates: registered by plugins, rendered with Jinja2, then checked.

A template is a Jinja2 file per language that renders Markdown. Sections are marked in the output
with ``<!-- section: overview -->`` comments so that checks can find them whatever the language:
a template declares which sections are required and the word limits of any section, and the core
turns those into findings. Plugins add further checks through the ``check_report`` hook.

Visible fixed text comes from the template's message catalogue (``messages[lang][key]``) through
the ``t`` function, so a translator corrects one file rather than every template. In Welsh, a value
put after a word that mutates the next ("Adroddiad ar {provider}") takes that mutation
(:func:`inspectorate.welsh.fill`).

Every template renders in Jinja2's sandbox, a plugin's as well as a person's own (see
:mod:`inspectorate.user_templates`): it reaches the case and the names the context documents, never
the disk, the environment or Python's internals. Its files are found only in its own folders (no
absolute names, no ``..``, no link leading out), it is given facts about its template rather than
the template's folder, and whatever goes wrong in it is a :class:`ReportError` naming the file,
the line and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
import string
import traceback
import types
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path

from attrs import field, frozen

from inspectorate import welsh
from inspectorate.i18n import core_words, language
from inspectorate.model import Citation, Finding, _mapping, _tuple

SECTION_MARK = re.compile(r"<!--\s*section:\s*([\w-]+)\s*-->")
WORD = re.compile(r"[\w’'-]+")


@frozen
class WordLimit:
    #: The section id (its <!-- section: id --> mark).
    section: str
    #: The fewest words allowed; None: no minimum.
    minimum: int | None
    #: The most words allowed; None: no maximum.
    maximum: int | None
    #: The sentence that sets the limit.
    citation: Citation


#: What a template is for: a report (dated its publication day; the kind comparisons project), a
#: letter, or a proforma.
KINDS = ("report", "letter", "proforma")


@frozen
class ReportTemplate:
    """One template, e.g. Estyn's case-study invitation, in every language it exists in.

    ``directory`` holds the Jinja2 files named ``filename.format(lang=...)``.
    """

    #: The template id `inspectorate report --template` names.
    id: str
    #: Its title by language.
    titles: Mapping[str, str] = field(converter=_mapping)
    #: The ids of the frameworks whose cases it drafts for; each must exist.
    frameworks: tuple[str, ...] = field(converter=_tuple)
    #: The folder holding its Jinja2 files (and any macros they import).
    directory: Path = field(converter=Path)
    #: Its file name in that folder, with {id} and {lang}: one file per language.
    filename: str = "{id}.{lang}.md.j2"
    #: The languages it has a file for; the first is the default.
    languages: tuple[str, ...] = field(default=("en",), converter=_tuple)
    #: "report" (dated its publication day; the kind comparisons project), "letter" or "proforma".
    kind: str = "report"
    #: Section ids that must be present and not empty: an error otherwise.
    required_sections: tuple[str, ...] = field(default=(), converter=_tuple)
    #: Word limits of sections: a warning outside them.
    word_limits: tuple[WordLimit, ...] = field(default=(), converter=_tuple)
    #: The guidance the template follows; cited by the required-section finding.
    citation: Citation | None = None
    #: Its fixed text by language and key, for t(key): {"en": {"greeting": ...}}.
    messages: Mapping[str, Mapping[str, str]] = field(factory=dict, converter=_mapping)
    #: Further folders its files may import or include from, after ``directory``: a person's own
    #: version of a plugin's template imports that plugin's macros.
    includes_from: tuple[Path, ...] = field(default=(), converter=lambda paths: tuple(Path(p) for p in paths))

    def title(self, lang: str | None = None) -> str:
        """Its title in ``lang`` (by default the language spoken), else in English, else its id."""
        return self.titles.get(lang or language()) or self.titles.get("en", self.id)

    def path(self, lang: str) -> Path:
        return self.directory / self.filename.format(id=self.id, lang=lang)

    @property
    def folders(self) -> tuple[Path, ...]:
        """Every folder its files are looked for in, in order."""
        return (self.directory, *self.includes_from)


@frozen
class TemplateFacts:
    """What a template's own text reads of its template (``template`` in the context): its id,
    kind, languages and messages, but not its folder or file names, which lead to the disk."""

    id: str
    kind: str
    titles: Mapping[str, str]
    frameworks: tuple[str, ...]
    languages: tuple[str, ...]
    required_sections: tuple[str, ...]
    messages: Mapping[str, Mapping[str, str]]

    title = ReportTemplate.title

    @classmethod
    def of(cls, template: ReportTemplate) -> TemplateFacts:
        return cls(template.id, template.kind, template.titles, template.frameworks, template.languages,
                   template.required_sections, template.messages)


class ReportError(ValueError):
    """A template cannot be rendered (unknown language, template error)."""


def sections(text: str) -> dict[str, str]:
    """The rendered text of each marked section, by section id."""
    marks = list(SECTION_MARK.finditer(text))
    out: dict[str, str] = {}
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        out[mark.group(1)] = text[mark.end() : end].strip()
    return out


def clean_markdown(text: str) -> str:
    """What a person receives: the draft without its section marks (each mark's line goes; the
    blank lines around it stay one)."""
    cleaned = re.sub(r"[ \t]*" + SECTION_MARK.pattern + r"[ \t]*\n?", "", text)
    return re.sub(r"\n{3,}", "\n\n", cleaned)


def word_count(text: str) -> int:
    """Words as a reader counts them: headings and markup left out."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    body = SECTION_MARK.sub(" ", body)
    return len(WORD.findall(body))


def render(template: ReportTemplate, context: Mapping, lang: str = "en") -> str:
    """Render ``template`` in ``lang`` with ``context`` in the sandbox; undefined names are
    errors, not blanks. Anything that goes wrong is a :class:`ReportError` naming the template's
    file, the line and what is wrong."""

    if lang not in template.languages:
        raise ReportError(
            f"template {template.id!r} has no {lang!r} version (it has {', '.join(template.languages)})"
        )
    catalogue = template.messages.get(lang, {})
    fallback = template.messages.get("en", {})

    def t(key: str, **values) -> str:
        text = catalogue.get(key) or fallback.get(key)
        if text is None:
            raise _TemplateFault(f"no message {key!r} in {lang!r}")
        if not values:
            return text
        filled = _PLAIN_FIELDS.format(text, **values)
        return welsh.fill(text, **values) if lang == "cy" else filled

    env = _sandbox(template.folders, lang)
    name = template.filename.format(id=template.id, lang=lang)
    try:
        source = env.get_template(name)
        return source.render(**context, t=t, lang=lang, template=TemplateFacts.of(template))
    except Exception as exc:  # noqa: BLE001 - the template is code a person may have written: its every failure is its error
        raise ReportError(f"template {template.id!r} ({lang}): {_where(exc, template, name)}: {_what(exc, template)}") from exc


class _TemplateFault(ValueError):
    """A template asked for something it cannot have (a message its catalogue lacks, a field
    of a message that is not a plain name)."""


class _PlainFieldsFormatter(string.Formatter):
    """``str.format`` for messages: ``{name}`` only, since ``{name.__class__}`` would read Python
    internals from outside the sandbox."""

    def get_field(self, field_name, args, kwargs):
        if not field_name.isidentifier():
            raise _TemplateFault(f"a message can only name plain values, as {{name}}, not {{{field_name}}}")
        if field_name not in kwargs:
            raise _TemplateFault(f"the message needs a value for {{{field_name}}}")
        return kwargs[field_name], field_name


_PLAIN_FIELDS = _PlainFieldsFormatter()
#: What no template may touch, nor hold as an attribute's value: paths, files, modules.
_OUT_OF_BOUNDS = (os.PathLike, Traversable, io.IOBase, types.ModuleType)


@functools.lru_cache(maxsize=64)
def _sandbox(folders: tuple[Path, ...], lang: str):
    """The environment templates in ``folders`` render in, in ``lang``: one per folders and
    language, so each file is compiled once (and again when it changes on disk)."""
    import jinja2

    sandbox, folder_loader = _jinja_classes()
    env = sandbox(
        loader=folder_loader([str(folder) for folder in folders]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    env.filters["longdate"] = lambda day: long_date(day, lang)  # in the template's language
    env.globals.update(GLOBALS)
    return env


@functools.cache
def _jinja_classes():
    """The sandbox and the loader, made on first use: jinja2 is imported only when drafting."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    class Sandbox(SandboxedEnvironment):
        def is_safe_attribute(self, obj, attr, value):
            if isinstance(obj, _OUT_OF_BOUNDS) or isinstance(value, _OUT_OF_BOUNDS):
                return False
            return super().is_safe_attribute(obj, attr, value)

    class FolderLoader(jinja2.FileSystemLoader):
        """Jinja2's loader (no absolute names, no ``..``) that also refuses a file whose real
        place, links followed, is outside the template's folders."""

        def get_source(self, environment, name):
            source, filename, uptodate = super().get_source(environment, name)
            real = os.path.realpath(filename)
            if not any(real.startswith(os.path.realpath(folder) + os.sep) for folder in self.searchpath):
                refused = jinja2.TemplateNotFound(name)
                refused.leads_to = real
                raise refused
            return source, filename, uptodate

    return Sandbox, FolderLoader


def _where(exc: Exception, template: ReportTemplate, name: str) -> str:
    """``FILE:LINE`` of the template's line that failed (a syntax error's own, else the innermost
    line of a template file in the traceback Jinja2 writes), else the template's file."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}"
    folders = tuple(str(folder) + os.sep for folder in template.folders)
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.startswith(folders):
            return f"{frame.filename}:{frame.lineno}"
    for folder in template.folders:
        if (folder / name).is_file():
            return str(folder / name)
    return str(template.directory / name)


def _what(exc: Exception, template: ReportTemplate) -> str:
    import jinja2
    from jinja2.exceptions import SecurityError

    if isinstance(exc, jinja2.TemplateNotFound):
        if hasattr(exc, "leads_to"):
            return f"{exc.name!r} is a link leading out of the template's folders (to {exc.leads_to}); a template reads only files there"
        folders = ", ".join(str(folder) for folder in template.folders)
        return f"no file {exc.name!r} in the template's folders ({folders}); a template reads only files there"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"syntax error: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"not allowed in a template: {exc}"
    if isinstance(exc, jinja2.UndefinedError | _TemplateFault):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def check_rendered(template: ReportTemplate, text: str) -> list[Finding]:
    """The template's own checks: required sections present and not empty, word limits kept."""
    _ = core_words()
    found = sections(text)
    findings: list[Finding] = []
    for section in template.required_sections:
        # A heading with nothing under it is still empty (headings are not counted as words).
        if word_count(found.get(section, "")) == 0:
            findings.append(
                Finding(
                    severity="error",
                    rule="report.required-section",
                    message=_("section '{section}' is missing or empty", section=section),
                    citation=template.citation or Citation(document=template.id, quote="required section"),
                )
            )
    for limit in template.word_limits:
        words = word_count(found.get(limit.section, ""))
        low = limit.minimum is not None and words < limit.minimum
        high = limit.maximum is not None and words > limit.maximum
        if low or high:
            bounds = "-".join(str(b) for b in (limit.minimum, limit.maximum) if b is not None)
            findings.append(
                Finding(
                    severity="warning",
                    rule="report.word-limit",
                    message=_("section '{section}' has {words} words; the limit is {bounds}", section=limit.section,
                              words=words, bounds=bounds),
                    citation=limit.citation,
                )
            )
    return findings


#: The Jinja2 environment every template renders in: the sandbox (no files, environment or Python
#: internals), StrictUndefined (a misspelt name is an error, not a blank), and whitespace control
#: (trim_blocks, lstrip_blocks: a line holding only a ``{% ... %}`` tag leaves no line behind;
#: keep_trailing_newline).
ENVIRONMENT = "the sandbox (SandboxedEnvironment), StrictUndefined, trim_blocks, lstrip_blocks, keep_trailing_newline, no autoescape"


#: A line of a person's text that Markdown would read as structure rather than words: a heading
#: (``# ...``), or a heading's underline or a rule (``---``, ``===``).
_STRUCTURE = re.compile(r"(#|=+\s*$|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$)")


def markdown_block(text: str, indent: int = 0) -> str:
    """Text a person wrote (evidence, a recommendation), as Markdown that shows it as written.

    The lines after the first are indented by ``indent`` spaces, so in a list item (``- `` needs
    2, ``1. `` needs 3) a second line or paragraph stays in the item instead of ending the list;
    paragraphs keep one blank line between them; a line that would become a heading or a rule is
    escaped, and ``<!--`` written as an entity (a comment is hidden, and could pass for a section
    mark), so no words vanish from the draft or from its checks.
    Templates write ``{{ e.text | markdown }}`` or ``- {{ e.text | markdown(2) }}``.
    """
    text = text.replace("<!--", "&lt;!--")
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue  # one blank line between paragraphs is enough
        plain = line.lstrip()
        if _STRUCTURE.match(plain):
            plain = "\\" + plain
        out.append(plain)
    pad = " " * indent
    return "\n".join([out[0], *(pad + line if line else "" for line in out[1:])]) if out else ""


def markdown_line(text: str) -> str:
    """Text a person wrote, as one line (a heading, a table cell): its lines joined by spaces."""
    return " ".join(text.split())


def numbered(recommendations) -> list[tuple[int, object]]:
    """(number, recommendation) in the order of priority, numbered 1, 2, 3 by place in that order:
    the one numbering every template uses, so a recommendation has the same number in a report and
    in any letter that lists some of them (``{% for n, r in case.recommendations | numbered %}``)."""
    ordered = sorted(recommendations, key=lambda r: r.priority)
    return list(enumerate(ordered, start=1))


#: Queen Elizabeth II died on 8 September 2022: documents dated after it speak of His Majesty.
LAST_DAY_OF_THE_QUEENS_REIGN = dt.date(2022, 9, 8)


def reign_on(day: dt.date) -> str:
    """"queen" or "king": whose Majesty a document dated ``day`` names ("Her/His Majesty's ...").
    Templates call it as ``reign(day)`` and pick the catalogue's wording for that reign."""
    return "queen" if day <= LAST_DAY_OF_THE_QUEENS_REIGN else "king"


def number_of(recommendation, recommendations) -> int:
    """The number :func:`numbered` gives ``recommendation`` among ``recommendations``."""
    return next(n for n, r in numbered(recommendations) if r is recommendation)


MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "cy": ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
           "Hydref", "Tachwedd", "Rhagfyr"),
}


def long_date(day, lang: str = "en") -> str:
    """A date as a letter writes it: "5 March 2026", "5 Mawrth 2026"."""
    months = MONTHS.get(lang, MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


@frozen
class RenderedReport:
    #: The template it was drafted from.
    template: ReportTemplate
    #: Its language: "en" or "cy".
    lang: str
    #: The Markdown, with its ``<!-- section: ... -->`` marks.
    text: str
    #: What the template's and the plugins' checks found in it.
    findings: tuple[Finding, ...] = field(converter=_tuple)
    #: Plugin failures (:class:`~inspectorate.plugins.PluginProblem`) the draft and its checks lack.
    problems: tuple = field(default=(), converter=_tuple)


#: The filters every template has, by name (``longdate`` writes the date in the template's language).
FILTERS = {"longdate": long_date, "numbered": numbered, "markdown": markdown_block, "markdown_line": markdown_line,
           "soft_mutation": welsh.soft}
#: The functions every template can call, by name.
GLOBALS = {"reign": reign_on}
