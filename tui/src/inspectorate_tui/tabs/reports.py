"""Reports: draft a report or letter from the case, read it, check it, export it.

The templates offered are those registered for the case's framework, in each language they exist
in. The draft is rendered from the case as it now stands (it follows every change), shown as
Markdown beside its checks: required sections present, word counts against the template's limits,
and what the plugins' report checks find. A template that fails to render is a message here and a
notification, never a traceback. Export writes the draft as it is rendered, in any format, in a worker.
"""

from __future__ import annotations

import attrs
from inspectorate.drafting import DATE_REASONS, bears_date, draft_report, report_templates
from inspectorate.reports import RenderedReport, ReportError, ReportTemplate, sections, word_count
from inspectorate.user_templates import templates as every_template
from inspectorate.wording import id_words, severity_rank
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Markdown, Select, Static

from inspectorate_tui.bindings import bindings
from inspectorate_tui.exports import language_name
from inspectorate_tui.fallback import regime_in_english
from inspectorate_tui.labels import SEVERITY, severity_label
from inspectorate_tui.markup import escape
from inspectorate_tui.session import CaseSession
from inspectorate_tui.tabs.base import CaseTab
from inspectorate_tui.words import N_, _


def templates_for(session: CaseSession) -> list[ReportTemplate]:
    return [t for t in report_templates(session.host) if session.case.framework in t.frameworks]


def _limit(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return _("{minimum}–{maximum} words", minimum=minimum, maximum=maximum)
    if maximum is not None:
        return _("at most {maximum} words", maximum=maximum)
    return _("at least {minimum} words", minimum=minimum)


def _counted(severity: str, count: int) -> str:
    """How many findings of a severity a draft has, for the checks' headline ("✖ 2 errors")."""
    if severity == "error":
        return _.plural("✖ {count} error", "✖ {count} errors", count)
    if severity == "warning":
        return _.plural("▲ {count} warning", "▲ {count} warnings", count)
    return _.plural("ℹ {count} note", "ℹ {count} notes", count)


def checks_text(report: RenderedReport) -> str:
    """The checks as a list: what was found (worst first), then each required section and limit."""
    findings = sorted(report.findings, key=lambda f: severity_rank(f.severity))
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY}
    if findings:
        headline = " · ".join(_counted(s, n) for s, n in counts.items() if n)
    elif report.problems:
        headline = _("✖ Not all checks ran")
    else:
        headline = _("✓ No problems found")
    lines = [f"[b]{headline}[/b]", *(f"[b]✖ {escape(p.incomplete)}[/b]" for p in report.problems)]
    for finding in findings:
        lines.append(f"[b]{severity_label(finding.severity)}[/b] {escape(finding.message)}")
        lines.append(f"  [dim]{escape(str(finding.citation))}[/dim]")
    found = sections(report.text)
    template = report.template
    if template.required_sections:
        lines.append("\n[b]" + _("Required sections") + "[/b]")
        for section in template.required_sections:
            text = found.get(section)
            lines.append(_("✓ {section}: {words} words", section=escape(section), words=word_count(text)) if text
                         else _("✖ {section}: missing or empty", section=escape(section)))
    if template.word_limits:
        lines.append("\n[b]" + _("Word limits") + "[/b]")
        for limit in template.word_limits:
            bounds = _limit(limit.minimum, limit.maximum)
            if not found.get(limit.section):
                mark = "▲" if limit.minimum else "○"
                lines.append(_("{mark} {section}: not written yet ({bounds})", mark=mark, section=escape(limit.section), bounds=bounds))
                continue
            words = word_count(found[limit.section])
            within = (limit.minimum is None or words >= limit.minimum) and (limit.maximum is None or words <= limit.maximum)
            lines.append(_("{mark} {section}: {words} words ({bounds})", mark="✓" if within else "▲", section=escape(limit.section),
                           words=words, bounds=bounds))
    return "\n".join(lines)


class ReportsTab(CaseTab):
    BINDINGS = bindings("reports")
    HELP = N_("""\
## Reports

Draft a report or letter from the case as it now stands. Choose the **template** (those written
for this case's framework) and the **language**; the preview follows every change you make to the
case.

Beside the preview are its **checks**: each required section present or missing, word counts
against the template's limits, and what the regime's report checks find, worst first
(✖ error, ▲ warning, ℹ note).

Your own templates (`inspectorate locate templates` prints their folder) are offered with the
plugins' ones, marked *yours*; one with a plugin template's id is used in its place.

`e` sets the draft's date, addressee and signatory, kept with the case for that template; left
empty, a report bears its publication date (once recorded on Details), a letter the day you
draft it, and each is addressed and signed as the template has it.

`x` exports the draft as a Word document, a PDF, a web page (HTML) or clean Markdown (without
the section marks the checks use), or any other report of the case: choose from the list, then
the folder (the one you last used, else your documents folder) and the file name (by default the
provider, template and language). A file that exists is replaced only if you say so.
""")

    DEFAULT_CSS = """
    ReportsTab #report-choice { height: auto; padding: 0 1; }
    ReportsTab #report-choice Label { padding: 1 1 0 0; }
    ReportsTab #report-template { width: 64; }
    ReportsTab #report-lang { width: 24; }
    ReportsTab #report-status { height: auto; padding: 0 1; }
    ReportsTab #report-status.failed { color: $error; text-style: bold; }
    ReportsTab #report-body { height: 1fr; }
    ReportsTab #report-preview-box { width: 3fr; border: round $primary-muted; border-title-color: $text-muted; }
    ReportsTab #report-checks-box { width: 2fr; border: round $primary-muted; border-title-color: $text-muted; padding: 0 1; }
    ReportsTab #report-checks { height: auto; }
    ReportsTab #report-preview-box:focus-within, ReportsTab #report-checks-box:focus-within { border: round $primary; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.template_id: str | None = None
        #: The language drafted in: the one chosen here, else the case's report language.
        self.lang: str = "en"
        #: The language the person chose in this tab; None: the case's own (``Case.drafting_language``).
        self.chosen_lang: str | None = None
        #: The draft as last rendered (None when nothing rendered).
        self.report: RenderedReport | None = None
        self._offered: tuple = ()
        self._failure = ""
        self._told: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        with Horizontal(id="report-choice"):
            yield Label(_("Template"))
            yield Select([], id="report-template", allow_blank=True, prompt=_("(no template)"))
            yield Label(_("Language"))
            yield Select([], id="report-lang", allow_blank=True, prompt=_("(language)"))
        yield Static(id="report-status")
        with Horizontal(id="report-body"):
            with VerticalScroll(id="report-preview-box") as preview:
                preview.border_title = _("Preview")
                yield Markdown(id="report-preview")
            with VerticalScroll(id="report-checks-box") as checks:
                checks.border_title = _("Checks")
                yield Static(id="report-checks")

    def focus_first(self) -> bool:
        self.query_one("#report-template", Select).focus()
        return True

    # -- showing --------------------------------------------------------------------------------

    def show(self, session: CaseSession) -> None:
        templates = templates_for(session)
        ids = [t.id for t in templates]
        if self.template_id not in ids:
            self.template_id = ids[0] if ids else None
        found = every_template(session.host)
        offered = tuple((t.id, t.title(), found.is_own(t)) for t in templates)
        select = self.query_one("#report-template", Select)
        if offered != self._offered:
            self._offered = offered
            with select.prevent(Select.Changed):
                select.set_options([(_("{title} ({kind}, yours)", title=t.title(), kind=id_words(t.kind)) if found.is_own(t)
                                     else f"{t.title()} ({id_words(t.kind)})", t.id) for t in templates])
        if found.problems and found.problems != self._told:  # once per set of problems, not on every edit
            self._told = found.problems
            self.notify("\n".join(found.problems), title=_("Your templates: some are not used"),
                        severity="warning", timeout=15, markup=False)  # file names and keys as written
        if self.template_id is not None and select.value != self.template_id:
            with select.prevent(Select.Changed):
                select.value = self.template_id
        select.disabled = not templates
        self._show_languages(next((t for t in templates if t.id == self.template_id), None))
        self.render_report()

    def _show_languages(self, template: ReportTemplate | None) -> None:
        select = self.query_one("#report-lang", Select)
        languages = template.languages if template else ()
        self.lang = self.chosen_lang or self.session.case.drafting_language
        if self.lang not in languages and languages:
            self.lang = languages[0]
        options = [(language_name(lang), lang) for lang in languages]
        with select.prevent(Select.Changed):
            select.set_options(options)
            if languages:
                select.value = self.lang
        select.disabled = len(languages) < 2

    def render_report(self) -> None:
        """Render the chosen template in the chosen language and show it with its checks."""
        session = self.session
        status = self.query_one("#report-status", Static)
        preview = self.query_one("#report-preview", Markdown)
        checks = self.query_one("#report-checks", Static)
        if self.template_id is None:
            self.report = None
            framework = session.framework
            name = framework.name() if framework else session.case.framework
            status.update(_("No report template is written for {framework}: there is nothing to draft.", framework=escape(name)))
            status.set_class(False, "failed")
            preview.update("")
            checks.update("")
            return
        try:
            report = draft_report(session.host, session.case, self.template_id, self.lang, session.today)
        except Exception as error:  # a plugin's template: whatever it raises is a message, not a crash
            self._failed(error)
            return
        finally:
            self.app.report_plugin_problems()  # a failing check_report hook is recorded, not raised
        self.report = report
        self._failure = ""
        words = word_count(report.text)
        worst = min((severity_rank(f.severity) for f in report.findings), default=None)
        verdict = _({0: N_("✖ has errors"), 1: N_("▲ has warnings"), 2: N_("ℹ has notes")}.get(worst, N_("✓ passes its checks")))
        if report.problems and worst != 0:
            verdict = _.plural("✖ incomplete: {count} plugin failure", "✖ incomplete: {count} plugin failures", len(report.problems))
        english = regime_in_english(session.host, session.case.regime)
        status.update(
            _("[b]{title}[/b] in {language}, dated {date} · {words} words · {verdict} · e sets date, to, signed · x exports it",
              title=escape(report.template.title(self.lang)), language=escape(language_name(self.lang)),
              date=escape(self._dated(session, report.template)), words=words, verdict=verdict)
            + (f"\n{escape(english)}" if english else "")
        )
        status.set_class(False, "failed")
        preview.update(report.text)
        checks.update(checks_text(report))

    def _dated(self, session: CaseSession, template) -> str:
        day, why = bears_date(session.case, template, session.today)
        if why == "set":
            return day.isoformat()
        return _("{date} ({reason}: e sets another)", date=day.isoformat(), reason=_(DATE_REASONS[why]))

    def action_edit_document(self) -> None:
        from inspectorate.model import DocumentDetails

        from inspectorate_tui.dialogs.document import DocumentDialog

        template = next((t for t in templates_for(self.session) if t.id == self.template_id), None)
        if template is None:
            self.notify(_("There is no draft to date or sign: this framework has no template."), severity="warning")
            return
        before = self.session.case.documents.get(template.id) or DocumentDetails()

        def chosen(details: DocumentDetails | None) -> None:
            if details is None or details == before:
                return
            case = self.session.case
            documents = {k: v for k, v in case.documents.items() if k != template.id}
            if details != DocumentDetails():
                documents[template.id] = details
            self.edit(attrs.evolve(case, documents=documents), _("{title}: date, addressee and signatory", title=template.title()))

        day, why = bears_date(attrs.evolve(self.session.case, documents={}), template, self.session.today)
        undated = f"{_(DATE_REASONS[why])}, {day.isoformat()}"
        self.app.push_screen(DocumentDialog(_("{title}: date, addressee, signatory", title=template.title()), before, undated), chosen)

    def _failed(self, error: Exception) -> None:
        self.report = None
        what = str(error) if isinstance(error, ReportError) else f"{type(error).__name__}: {error}"
        message = _("Could not draft {template} ({language}): {what}", template=self.template_id, language=self.lang, what=what)
        status = self.query_one("#report-status", Static)
        status.update(f"✖ {escape(message)}")
        status.set_class(True, "failed")
        found = every_template(self.session.host)
        whose = (_("correct your template's file named above and choose it again")
                 if self.template_id in found.own else _("see F2 for the plugin that provides it"))
        self.query_one("#report-preview", Markdown).update(
            "*" + _("Nothing to preview: the template did not render. Choose another template or language, or {whose}.", whose=whose) + "*"
        )
        self.query_one("#report-checks", Static).update("")
        if message != self._failure:  # once per failure, not on every edit of the case
            self._failure = message
            self.notify(message, title=_("Report not drafted"), severity="error", timeout=12)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.NULL:
            return
        if event.select.id == "report-template" and event.value != self.template_id:
            self.template_id = str(event.value)
            template = next((t for t in templates_for(self.session) if t.id == self.template_id), None)
            self._show_languages(template)
            self.render_report()
        elif event.select.id == "report-lang" and event.value != self.lang:
            self.lang = self.chosen_lang = str(event.value)
            self.render_report()

    # -- export ---------------------------------------------------------------------------------

    def action_export_report(self) -> None:
        """The export dialog: this draft in every format first, then the case's other exports."""
        report = self.report
        if report is None:
            self.notify(_("Nothing to export: there is no draft to write."), severity="warning")
            return
        from inspectorate_tui.exports import case_exports

        session = self.session
        choices = case_exports(session.host, session.case, session.today, first=(report.template.id, report.lang))
        self.app.export(_("Export: {title} ({language})", title=report.template.title(report.lang), language=report.lang), choices)
