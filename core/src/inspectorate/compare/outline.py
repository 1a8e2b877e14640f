"""A report's outline: its sections in order, with headings, word limits and whether each is required.

The outline is read from the template rendered for a case (so the headings are the real ones, in
the regime's own words), then completed from the template's source with the sections that only
appear when they apply.
"""

from __future__ import annotations

import datetime as dt
import re

from attrs import field, frozen

from inspectorate.compare.table import Row, Table, keyed_rows
from inspectorate.drafting import for_template, report_context, report_templates
from inspectorate.i18n import core_words
from inspectorate.model import Case, _tuple
from inspectorate.plugins import PluginHost
from inspectorate.reports import SECTION_MARK, ReportError, ReportTemplate, render, sections, word_count

HEADING = re.compile(r"^#{1,6}\s+(.*\S)\s*$")


@frozen
class OutlineSection:
    id: str
    heading: str
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    #: False for a section the template has but this case does not bring (it applies only sometimes).
    present: bool = True
    words: int | None = None

    @property
    def limit(self) -> str:
        _ = core_words()
        if self.minimum is None and self.maximum is None:
            return ""
        # Welsh keeps a noun singular after a figure, so one message serves every number.
        if self.minimum is None:
            return _("at most {maximum} words", maximum=self.maximum)
        if self.maximum is None:
            return _("at least {minimum} words", minimum=self.minimum)
        return _("{minimum}-{maximum} words", minimum=self.minimum, maximum=self.maximum)

    @property
    def describe(self) -> str:
        """The heading and what governs the section: "Overview (required, 200-300 words)"."""
        _ = core_words()
        qualities = [q for q in (_("required") if self.required else "", self.limit) if q]
        if not self.present:
            qualities.append(_("when it applies"))
        return self.heading + (f" ({', '.join(qualities)})" if qualities else "")

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "heading": self.heading,
            "required": self.required,
            "word_limit": {"minimum": self.minimum, "maximum": self.maximum} if self.limit else None,
            "present": self.present,
            "words": self.words,
        }


@frozen
class Outline:
    template: ReportTemplate
    sections: tuple[OutlineSection, ...] = field(converter=_tuple)
    problem: str = ""

    def to_json(self) -> dict:
        return {
            "template": self.template.id,
            "title": self.template.title(),
            "kind": self.template.kind,
            "sections": [s.to_json() for s in self.sections],
            "problem": self.problem,
        }


def _headings(text: str) -> dict[str, str]:
    """Each section's heading: the heading line just before or just after its marker."""
    lines = text.splitlines()
    found: dict[str, str] = {}
    for i, line in enumerate(lines):
        mark = SECTION_MARK.search(line)
        if not mark:
            continue
        near = [lines[j] for j in (i + 1, i + 2, i - 1, i - 2) if 0 <= j < len(lines)]
        heading = next((m.group(1) for n in near if (m := HEADING.match(n))), "")
        found[mark.group(1)] = heading
    return found


def _declared(template: ReportTemplate) -> list[str]:
    """Section ids written literally in the template source (computed ids cannot be read)."""
    try:
        source = template.path(template.languages[0]).read_text(encoding="utf-8")
    except OSError:
        return []
    return [m.group(1) for m in SECTION_MARK.finditer(source)]


def outline(template: ReportTemplate, context: dict, lang: str = "en") -> Outline:
    """The template's outline, rendered with ``context`` (see :func:`inspectorate.drafting.report_context`)."""
    limits = {limit.section: limit for limit in template.word_limits}
    try:
        text = render(template, context, lang)
    except ReportError as exc:
        text, problem = "", str(exc)
    else:
        problem = ""
    headings = _headings(text)
    bodies = sections(text)
    rendered = list(headings)
    order = rendered + [s for s in _declared(template) if s not in headings]
    order += [s for s in template.required_sections if s not in order]
    out = []
    for section_id in order:
        limit = limits.get(section_id)
        present = section_id in headings
        out.append(
            OutlineSection(
                id=section_id,
                heading=headings.get(section_id) or section_id.replace("-", " ").capitalize(),
                required=section_id in template.required_sections,
                minimum=limit.minimum if limit else None,
                maximum=limit.maximum if limit else None,
                present=present,
                words=word_count(bodies.get(section_id, "")) if present else None,
            )
        )
    return Outline(template=template, sections=out, problem=problem)


def outlines(host: PluginHost, case: Case, today: dt.date, lang: str = "en") -> list[Outline]:
    """The outline of every report and letter the case's framework has, reports first."""
    templates = [t for t in report_templates(host) if case.framework in t.frameworks]
    if not templates:
        return []
    templates.sort(key=lambda t: (t.kind != "report", t.id))
    context = report_context(host, case, lang, today)  # the rules run once, not once per template
    return [outline(t, for_template(context, t), lang) for t in templates]


def outline_table(title: str, labels: list[str], columns: list[list[Outline]]) -> Table:
    """Each column's main report, section by section (by section id), and the letters it also has."""
    _ = core_words()
    main = [next((o for o in outlines if o.template.kind == "report"), None) for outlines in columns]
    sections = [{s.id: s.describe for s in o.sections} if o else {} for o in main]
    rows = [Row(_("Template"), [o.template.title() if o else _("no report template") for o in main]), *keyed_rows(sections)]
    notes = [_("= a section every report has (by its id); ≠ a section only some have.")]
    for label, outlines, report in zip(labels, columns, main, strict=True):
        others = [o.template.title() for o in outlines if o is not report]
        if others:
            notes.append(_("{label} also drafts: {templates}", label=label, templates=", ".join(others)))
    return Table(title, [_("Section"), *labels], rows, notes=notes)
