"""The hook API: what an inspectorate plugin can implement.

Write a plugin as a module with functions marked ``@hookimpl`` and expose it under the
``inspectorate`` entry-point group::

    from inspectorate import hookimpl

    @hookimpl
    def register_regimes(register):
        register(MY_REGIME)

Every hook is optional. Hooks are called through pluggy, so ``firstresult`` below decides the
result style and wrappers (``@hookimpl(wrapper=True)`` or ``hookwrapper=True``) work as pluggy
defines them. ``@returns`` beside each hookspec says what an implementation returns; a hook that
raises, or returns anything else, is reported naming plugin and hook, its plugin's contribution to
that one call is dropped, and every result computed without it says "incomplete" (see
``inspectorate plugins``). A wrapper that fails is reported and the call is made without it. Hook API version
1.3 is :data:`inspectorate.HOOK_API_VERSION`; hooks change only additively within a major version.

The reference page ``docs/hooks.md`` is generated from these docstrings.
"""

from __future__ import annotations

from inspectorate import hookspec
from inspectorate.hookreturns import returns


@hookspec
@returns("registers", "inspectorate.frameworks.Regime")
def register_regimes(register):
    """Register the regimes (inspectorates) this plugin provides.

    Receives: ``register``, a callable taking one :class:`inspectorate.frameworks.Regime` (id,
    names in English and Welsh where the regime works in Welsh, nations, frameworks with their
    scales and areas).

    Returns: nothing; call ``register`` once per regime.

    Style: called on every plugin. Two plugins registering the same regime id is a load error for
    the second.

    Since hook API 1.0.
    """


@hookspec(firstresult=True)
@returns("list", "inspectorate.model.Proposal")
def propose_judgements(framework, case):
    """Propose the judgements the regime's rules derive from the recorded ones and the evidence.

    Receives: ``framework`` (:class:`~inspectorate.frameworks.Framework`) and ``case``
    (:class:`~inspectorate.model.Case`).

    Returns: a list of :class:`~inspectorate.model.Proposal` (area, grade or ceiling, rationale,
    citation, rule id, whether the inspector may override it), or None when the framework is not
    this plugin's.

    Style: first result wins; return None for frameworks you do not own.

    Since hook API 1.0.
    """


@hookspec
@returns("list", "inspectorate.model.Finding")
def check_case(framework, case):
    """Check a case against the rules and return what they say.

    Receives: ``framework`` and ``case`` as for :func:`propose_judgements`.

    Returns: a list of :class:`~inspectorate.model.Finding` (severity ``error``, ``warning`` or
    ``info``; rule id; a message an inspector can act on; the citation of the sentence the rule
    encodes). Return an empty list (or None) when nothing applies.

    Style: collected from every plugin, so a local plugin may add its own checks to any regime.

    Since hook API 1.0.
    """


@hookspec(firstresult=True)
@returns("one", "inspectorate.model.FollowUpCategory")
def classify_follow_up(framework, case):
    """Say which follow-up category or level the case falls into.

    Receives: ``framework`` and ``case``.

    Returns: a :class:`~inspectorate.model.FollowUpCategory` (e.g. ``special-measures``,
    ``estyn-review``, ``none``) with rationale and citation, or None for frameworks you do not own.
    A category set by hand on the case (``case.follow_up.category``) should be respected and the
    rationale should say so.

    Style: first result wins.

    Since hook API 1.0.
    """


@hookspec
@returns("list", "inspectorate.model.FollowUpEvent")
def schedule_follow_up(framework, case, calendar):
    """Compute the dated follow-up events that no declaration (:func:`declare_timing_rules`) can give.

    Receives: ``framework``, ``case`` and ``calendar``, the
    :class:`~inspectorate.calendar.WorkingCalendar` of the provider's nation (bank holidays, school
    terms); count working days with :func:`inspectorate.calendar.add_working_days`.

    Returns: a list of :class:`~inspectorate.model.FollowUpEvent`, each with its window or
    deadline, anchor, basis in words, citation and provenance (rule, calendar policy, reading of
    any ambiguous sentence). Leave ``status`` at its default: the core sets it against "today" and
    the events recorded as done.

    Style: collected from every plugin, so a local plugin may add its own events (a local
    authority's review meeting, say).

    Since hook API 1.0.
    """


@hookspec
@returns("list", "inspectorate.timing.Declaration", check="inspectorate.timing.declaration_problem")
def declare_timing_rules(framework):
    """Declare the framework's follow-up timing rules, each once, as data.

    Receives: ``framework``.

    Returns: a list of :class:`~inspectorate.timing.Timing` (event id and title; the case date or
    event it is counted from; the offset in working days, calendar months, weeks or weeks
    discounting school holidays, as a deadline or a window; when it applies; its citation; the
    setting whose reading moves it) and :class:`~inspectorate.timing.Recorded` (events a person
    records as they happen, which rules count from), or None for frameworks you do not own.

    From each declaration the core makes the dated event (with its provenance), its description
    in words (so you need not describe it again in :func:`describe_timing_rules`), and, for every
    regime alike, the checks: an event done after its latest date or before its earliest, done
    before what it is counted from, a ``done`` id that names no event, an inspection's dates out
    of order. Rules that do not fit a declaration stay in :func:`schedule_follow_up`; their events
    get the lateness and order checks too.

    Style: collected from every plugin, so a local plugin may declare its own events. The
    declarations are data: the host asks once per framework and keeps the answer.

    Since hook API 1.2.
    """


@hookspec
@returns("list", "inspectorate.model.FollowUpTrigger")
def describe_follow_up_triggers(framework):
    """Say, in words, what puts a case into each follow-up category the framework has.

    Receives: ``framework``.

    Returns: a list of :class:`~inspectorate.model.FollowUpTrigger` (category id as
    :func:`classify_follow_up` gives it, name, the condition in words, whether it is statutory,
    citation, the setting whose reading decides it), or None for frameworks you do not own. A
    category may be described more than once where it is reached in different ways.

    Style: collected from every plugin. Used to compare frameworks side by side; the conformance
    kit checks that every category your rules give on its sample cases is described.

    Since hook API 1.1.
    """


@hookspec
@returns("list", "inspectorate.model.TimingRule")
def describe_timing_rules(framework):
    """Say, in words, the follow-up timing rules that :func:`schedule_follow_up` dates in code.

    Rules declared with :func:`declare_timing_rules` are described by the core from the
    declaration; describe here only what your code schedules.

    Receives: ``framework``.

    Returns: a list of :class:`~inspectorate.model.TimingRule` (event id as
    :func:`schedule_follow_up` gives it, title, the timing in words, which cases it applies to,
    the setting whose reading moves it, citation), or None for frameworks you do not own. An
    event whose date is set in different ways (a window, or a date brought forward) has one rule
    per way, under the same event id. Events numbered as they happen (``further-visit-2``) are
    described once, by a pattern with ``*`` (``event="further-visit-*-letter"``): see
    :meth:`~inspectorate.model.TimingRule.describes`.

    Style: collected from every plugin, so a plugin that adds events describes them too. Used to
    compare frameworks; the conformance kit checks that every event your rules schedule on its
    sample cases is described.

    Since hook API 1.1.
    """


@hookspec
@returns("registers", "inspectorate.reports.ReportTemplate")
def register_report_templates(register):
    """Register report, letter and proforma templates.

    Receives: ``register``, a callable taking one :class:`~inspectorate.reports.ReportTemplate`
    (id, title, frameworks, languages, Jinja2 source loader, word limits and required sections).

    Returns: nothing.

    Style: called on every plugin.

    Since hook API 1.0.
    """


@hookspec
@returns("list", "inspectorate.model.Finding")
def check_report(template, text, case):
    """Check a rendered report: word limits, required sections, forbidden content.

    Receives: ``template`` (:class:`~inspectorate.reports.ReportTemplate`), ``text`` (the
    rendered Markdown) and ``case``.

    Returns: a list of :class:`~inspectorate.model.Finding`, or None.

    Style: collected from every plugin. The core already checks each template's declared word
    limits and required sections; implement this for rules that need more.

    Since hook API 1.0.
    """


@hookspec
@returns("registers", "inspectorate.exchange.Exporter")
def register_exporters(register):
    """Register file formats a case or report can be written to.

    Receives: ``register``, a callable taking one :class:`~inspectorate.exchange.Exporter`
    (id, name, file extension, a function ``(case, path) -> None``). The function is given a new,
    empty, owner-only file beside the one the person asked for and must write to exactly that
    path; the core then moves it into place whole, and refuses what must not be written over.
    An exporter whose format holds many cases (a whole casebook) also gives ``write_many``, a
    function ``(cases, path) -> None`` under the same rules (since hook API 1.3).

    Returns: nothing.

    Since hook API 1.0.
    """


@hookspec
@returns("registers", "inspectorate.report_formats.ReportFormat")
def register_report_formats(register):
    """Register file formats a drafted report or letter can be written in.

    Receives: ``register``, a callable taking one
    :class:`~inspectorate.report_formats.ReportFormat` (id, name, file extension with its dot, a
    function ``(document, path) -> None``). ``document`` is a
    :class:`~inspectorate.report_formats.ReportDocument`: the report as rendered (its Markdown,
    section marks removed, in ``document.markdown``), the case, the date it bears and whether it
    is a draft or final. The function is given a new, empty, owner-only file beside the one the
    person asked for and must write to exactly that path; the core moves it into place whole.

    Returns: nothing.

    Style: called on every plugin. The core's own formats (Word, PDF, HTML, Markdown) are
    registered first, so a format whose id or extension is already taken is left out and
    reported as the later plugin's problem.

    Since hook API 1.3.
    """


@hookspec
@returns("registers", "inspectorate.exchange.Importer")
def register_importers(register):
    """Register file formats a case can be read from.

    Receives: ``register``, a callable taking one :class:`~inspectorate.exchange.Importer`
    (id, name, file extensions, a function ``(path, registry) -> Case`` that raises
    :class:`~inspectorate.casefile.CaseFileError` naming file, line and key on bad input).

    Returns: nothing.

    Since hook API 1.0.
    """
