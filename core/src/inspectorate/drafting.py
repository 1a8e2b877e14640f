"""Drafting a report or letter for a case: find the template, render it, check what was rendered."""

from __future__ import annotations

import datetime as dt

from inspectorate.evaluation import evaluate, framework_of, schedule
from inspectorate.i18n import N_
from inspectorate.model import Case, DocumentDetails, Finding
from inspectorate.plugins import PluginHost
from inspectorate.reports import RenderedReport, ReportError, ReportTemplate, check_rendered, render

#: Every name a template's context holds, and what it is: the reference (docs/hooks.md) is made
#: from this and a test checks it against the context a draft is rendered with.
CONTEXT = {
    "case": "the Case being drafted for (case.judgements, case.evidence, case.recommendations, ...)",
    "provider": "case.provider, the Provider",
    "framework": "the case's Framework (framework.area(id), framework.scale_for(id))",
    "regime": "the case's Regime",
    "evaluation": "the rules' verdicts: evaluation.proposals, evaluation.findings, evaluation.follow_up (a FollowUpCategory or None)",
    "events": "the dated follow-up events (FollowUpEvent), status set against today",
    "event": "event(id): the FollowUpEvent with that id, or None",
    "grade_name": "grade_name(area_id): the recorded grade's name in the template's language, or a dash",
    "today": "the date the draft is made for (--today)",
    "document": "the DocumentDetails the team set for this template (date, addressee, signatory; empty where not set)",
    "dated": "the date the draft bears: the one set for it, else a report's publication day, else today",
    "t": "t(key, **values): the template's message in its language (English as fallback), formatted with values",
    "lang": "the language being rendered (\"en\", \"cy\")",
    "template": "facts about the template being rendered "
                "(TemplateFacts: id, kind, titles, frameworks, languages, required_sections, messages; not its folder)",
}


def report_templates(host: PluginHost) -> list[ReportTemplate]:
    """Every template there is: the plugins', and the person's own in their place or after them
    (:mod:`inspectorate.user_templates`)."""
    from inspectorate.user_templates import templates

    return list(templates(host).all)



def plugin_templates(host: PluginHost) -> list[ReportTemplate]:
    """The templates the plugins register, without the person's own (what a plugin's tests check)."""
    return host.registered("register_report_templates")


def find_template(host: PluginHost, template_id: str) -> ReportTemplate:
    """The template of that id; a person's own of that id that cannot be used is an error, never
    quietly the plugin's."""
    from inspectorate.user_templates import refusal, templates

    found = templates(host)
    refused = refusal(found, template_id)
    if refused is not None:
        raise refused
    for template in found.all:
        if template.id == template_id:
            return template
    known = ", ".join(sorted(t.id for t in found.all)) or "none"
    raise ReportError(f"no report template {template_id!r} (known: {known})")


def report_context(host: PluginHost, case: Case, lang: str, today: dt.date) -> dict:
    """What every template can use: the case, its framework and regime, the rules' verdicts, the dates."""
    framework = framework_of(host, case)
    events = schedule(host, case, today)
    by_id = {e.id: e for e in events}

    def grade_name(area_id: str) -> str:
        grade_id = case.grade(area_id)
        scale = framework.scale_for(area_id)
        grade = scale.grade(grade_id) if scale and grade_id else None
        return grade.name(lang) if grade else "—"

    return {
        "case": case,
        "provider": case.provider,
        "framework": framework,
        "regime": host.regime(case.regime),
        "evaluation": evaluate(host, case),
        "events": events,
        "event": by_id.get,
        "grade_name": grade_name,
        "today": today,
    }


#: Why a draft bears the date it does, in words, by the reason :func:`bears_date` gives.
#: English, marked for the catalogue: shown with ``core_words()(DATE_REASONS[why])``.
DATE_REASONS = {"set": N_("as set for it"), "published": N_("its publication date"), "today": N_("today")}


def bears_date(case: Case, template: ReportTemplate, today: dt.date) -> tuple[dt.date, str]:
    """The date a draft of ``template`` bears, and why: ``"set"`` (the team set it for this
    template), ``"published"`` (a report whose publication date is recorded), else ``"today"``."""
    document = case.documents.get(template.id)
    if document and document.date:
        return document.date, "set"
    if template.kind == "report" and case.dates.published:
        return case.dates.published, "published"
    return today, "today"


def for_template(context: dict, template: ReportTemplate) -> dict:
    """The context for one template: ``document``, the date, addressee and signatory the team set
    for it (empty where not set), and ``dated``, the date it bears (:func:`bears_date`)."""
    case = context["case"]
    document = case.documents.get(template.id) or DocumentDetails()
    return {**context, "document": document, "dated": bears_date(case, template, context["today"])[0]}


def draft_report(
    host: PluginHost, case: Case, template_id: str, lang: str | None = None, today: dt.date | None = None
) -> RenderedReport:
    """Render ``template_id`` for ``case`` in ``lang`` (default: the case's own report language,
    ``Case.drafting_language``) and check it (template checks + plugins' checks)."""
    lang = lang or case.drafting_language
    template = find_template(host, template_id)
    if case.framework not in template.frameworks:
        raise ReportError(
            f"template {template_id!r} is for {', '.join(template.frameworks)}, not {case.framework!r}"
        )
    with host.watch() as problems:  # what the draft and its checks lack, if a plugin failed
        context = for_template(report_context(host, case, lang, today or dt.date.today()), template)
        text = render(template, context, lang)
        findings = check_rendered(template, text)
        findings += host.collect("check_report", expect=Finding, template=template, text=text, case=case)
    return RenderedReport(template=template, lang=lang, text=text, findings=findings, problems=problems)
