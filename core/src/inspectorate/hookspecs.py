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
1.4 is :data:`inspectorate.HOOK_API_VERSION`; hooks change only additively within a major version.

The reference page ``docs/hooks.md`` is generated from these docstrings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from inspectorate import hookspec
from inspectorate.hookreturns import returns

if TYPE_CHECKING:  # the hook signatures name these; importing them at run time would be a cycle
    from inspectorate.calendar import WorkingCalendar
    from inspectorate.compare.scales import ScaleMapping
    from inspectorate.exchange import Exporter, Importer
    from inspectorate.frameworks import Framework, Regime, Scale
    from inspectorate.i18n import MessageCatalogue
    from inspectorate.model import Case, Finding, FollowUpCategory, FollowUpEvent, FollowUpTrigger, Proposal, TimingRule
    from inspectorate.report_formats import ReportFormat
    from inspectorate.reports import ReportTemplate
    from inspectorate.timing import Declaration


@hookspec
@returns("registers", "inspectorate.frameworks.Regime")
def register_regimes(register: Callable[[Regime], None]) -> None:
    """Register the regimes (inspectorates) this plugin provides.

    Receives: ``register``, a callable taking one :class:`inspectorate.frameworks.Regime` (id,
    names in English and Welsh where the regime works in Welsh, nations, frameworks with their
    scales and areas).

    Returns: nothing; call ``register`` once per regime.

    Style: called on every plugin. Two plugins registering the same regime id is a load error for
    the second.

    Example::

        REGIME = Regime(id="my-regime", names={"en": "My Inspectorate"}, nations=["scotland"],
                        frameworks=[framework_from_toml(path, regime="my-regime")])

        @hookimpl
        def register_regimes(register):
            register(REGIME)

    Since hook API 1.0.
    """


@hookspec(firstresult=True)
@returns("list", "inspectorate.model.Proposal")
def propose_judgements(framework: Framework, case: Case, language: str) -> list[Proposal] | None:
    """Propose the judgements the regime's rules derive from the recorded ones and the evidence.

    Receives: ``framework`` (:class:`~inspectorate.frameworks.Framework`) and ``case``
    (:class:`~inspectorate.model.Case`).

    Also receives ``language``: the code of the language the words are wanted in (``"en"`` or
    ``"cy"``, :data:`inspectorate.i18n.LANGUAGES`); render messages, titles and reasons with
    your catalogue (:func:`inspectorate.i18n.words_of`). Name the parameter only if you use it; a
    plugin without a catalogue in that language is shown in English, saying so. Since hook API 1.4.

    Returns: a list of :class:`~inspectorate.model.Proposal` (area, grade or ceiling, rationale,
    citation, rule id, whether the inspector may override it), or None when the framework is not
    this plugin's.

    Style: first result wins; return None for frameworks you do not own.

    Example::

        @hookimpl
        def propose_judgements(framework, case):
            if framework.regime != "my-regime":
                return None
            if case.grade("safeguarding") == "weak":
                return [Proposal(area="overall", grade="weak", rationale="Safeguarding is weak.",
                                 citation=SAFEGUARDING, rule="my.overall-limited", overridable=False)]
            return []

    Since hook API 1.0.
    """


@hookspec
@returns("list", "inspectorate.model.Finding")
def check_case(framework: Framework, case: Case, language: str) -> list[Finding] | None:
    """Check a case against the rules and return what they say.

    Receives: ``framework`` and ``case`` as for :func:`propose_judgements`.

    Also receives ``language``: the code of the language the words are wanted in (``"en"`` or
    ``"cy"``, :data:`inspectorate.i18n.LANGUAGES`); render messages, titles and reasons with
    your catalogue (:func:`inspectorate.i18n.words_of`). Name the parameter only if you use it; a
    plugin without a catalogue in that language is shown in English, saying so. Since hook API 1.4.

    Returns: a list of :class:`~inspectorate.model.Finding` (severity ``error``, ``warning`` or
    ``info``; rule id; a message an inspector can act on; the citation of the sentence the rule
    encodes). Return an empty list (or None) when nothing applies.

    Style: collected from every plugin, so a local plugin may add its own checks to any regime.

    Example::

        @hookimpl
        def check_case(framework, case):
            if framework.regime != "my-regime" or case.team.reporting_inspector:
                return []
            return [Finding(severity="warning", rule="my.reporting-inspector", citation=TEAM,
                            message="No reporting inspector is named.")]

    Since hook API 1.0.
    """


@hookspec(firstresult=True)
@returns("one", "inspectorate.model.FollowUpCategory")
def classify_follow_up(framework: Framework, case: Case, language: str) -> FollowUpCategory | None:
    """Say which follow-up category or level the case falls into.

    Receives: ``framework`` and ``case``.

    Also receives ``language``: the code of the language the words are wanted in (``"en"`` or
    ``"cy"``, :data:`inspectorate.i18n.LANGUAGES`); render messages, titles and reasons with
    your catalogue (:func:`inspectorate.i18n.words_of`). Name the parameter only if you use it; a
    plugin without a catalogue in that language is shown in English, saying so. Since hook API 1.4.

    Returns: a :class:`~inspectorate.model.FollowUpCategory` (e.g. ``special-measures``,
    ``estyn-review``, ``none``) with rationale and citation, or None for frameworks you do not own.
    A category set by hand on the case (``case.follow_up.category``) should be respected and the
    rationale should say so.

    Style: first result wins.

    Example::

        @hookimpl
        def classify_follow_up(framework, case):
            if framework.regime != "my-regime":
                return None
            if any(j.grade == "weak" for j in case.judgements):
                return FollowUpCategory(id="review", name="Review", rationale="An area is weak.",
                                        citation=REVIEW, rule="my.review")
            return FollowUpCategory(id="none", name="No follow-up", rationale="No area is weak.",
                                    citation=REVIEW, rule="my.review")

    Since hook API 1.0.
    """


@hookspec
@returns("list", "inspectorate.model.FollowUpEvent")
def schedule_follow_up(
    framework: Framework, case: Case, calendar: WorkingCalendar, language: str
) -> list[FollowUpEvent] | None:
    """Compute the dated follow-up events that no declaration (:func:`declare_timing_rules`) can give.

    Receives: ``framework``, ``case`` and ``calendar``, the
    :class:`~inspectorate.calendar.WorkingCalendar` of the provider's nation (bank holidays, school
    terms); count working days with :func:`inspectorate.calendar.add_working_days`.

    Also receives ``language``: the code of the language the words are wanted in (``"en"`` or
    ``"cy"``, :data:`inspectorate.i18n.LANGUAGES`); render messages, titles and reasons with
    your catalogue (:func:`inspectorate.i18n.words_of`). Name the parameter only if you use it; a
    plugin without a catalogue in that language is shown in English, saying so. Since hook API 1.4.

    Returns: a list of :class:`~inspectorate.model.FollowUpEvent`, each with its window or
    deadline, anchor, basis in words, citation and provenance (rule, calendar policy, reading of
    any ambiguous sentence). Leave ``status`` at its default: the core sets it against "today" and
    the events recorded as done.

    Style: collected from every plugin, so a local plugin may add its own events (a local
    authority's review meeting, say).

    Example::

        @hookimpl
        def schedule_follow_up(framework, case, calendar):
            if framework.regime != "my-regime" or case.dates.end is None:
                return []
            due = add_working_days(case.dates.end, 5, calendar)
            return [FollowUpEvent(id="feedback-letter", title="Feedback letter", earliest=None,
                                  latest=due, anchor=Anchor("inspection-end", case.dates.end),
                                  basis="within 5 working days of the inspection", citation=LETTER,
                                  provenance=Provenance(rule="my.letter", calendar=calendar.policy))]

    Since hook API 1.0.
    """


@hookspec
@returns("list", "inspectorate.timing.Declaration", check="inspectorate.timing.declaration_problem")
def declare_timing_rules(framework: Framework, language: str) -> list[Declaration] | None:
    """Declare the framework's follow-up timing rules, each once, as data.

    Receives: ``framework``.

    Also receives ``language``: the code of the language the words are wanted in (``"en"`` or
    ``"cy"``, :data:`inspectorate.i18n.LANGUAGES`); render messages, titles and reasons with
    your catalogue (:func:`inspectorate.i18n.words_of`). Name the parameter only if you use it; a
    plugin without a catalogue in that language is shown in English, saying so. Since hook API 1.4.

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

    Example::

        @hookimpl
        def declare_timing_rules(framework):
            if framework.regime != "my-regime":
                return None
            return [Timing("action-plan", "Action plan", anchor="report-published",
                           offset=WorkingDays(20), citation=PLAN, rule="my.action-plan")]

    Since hook API 1.2.
    """


@hookspec
@returns("list", "inspectorate.model.FollowUpTrigger")
def describe_follow_up_triggers(framework: Framework, language: str) -> list[FollowUpTrigger] | None:
    """Say, in words, what puts a case into each follow-up category the framework has.

    Receives: ``framework``.

    Also receives ``language``: the code of the language the words are wanted in (``"en"`` or
    ``"cy"``, :data:`inspectorate.i18n.LANGUAGES`); render messages, titles and reasons with
    your catalogue (:func:`inspectorate.i18n.words_of`). Name the parameter only if you use it; a
    plugin without a catalogue in that language is shown in English, saying so. Since hook API 1.4.

    Returns: a list of :class:`~inspectorate.model.FollowUpTrigger` (category id as
    :func:`classify_follow_up` gives it, name, the condition in words, whether it is statutory,
    citation, the setting whose reading decides it), or None for frameworks you do not own. A
    category may be described more than once where it is reached in different ways.

    Style: collected from every plugin. Used to compare frameworks side by side; the conformance
    kit checks that every category your rules give on its sample cases is described.

    Example::

        @hookimpl
        def describe_follow_up_triggers(framework):
            if framework.regime != "my-regime":
                return None
            return [FollowUpTrigger(category="review", name="Review", when="Any area is weak.",
                                    citation=REVIEW)]

    Since hook API 1.1.
    """


@hookspec
@returns("list", "inspectorate.model.TimingRule")
def describe_timing_rules(framework: Framework, language: str) -> list[TimingRule] | None:
    """Say, in words, the follow-up timing rules that :func:`schedule_follow_up` dates in code.

    Rules declared with :func:`declare_timing_rules` are described by the core from the
    declaration; describe here only what your code schedules.

    Receives: ``framework``.

    Also receives ``language``: the code of the language the words are wanted in (``"en"`` or
    ``"cy"``, :data:`inspectorate.i18n.LANGUAGES`); render messages, titles and reasons with
    your catalogue (:func:`inspectorate.i18n.words_of`). Name the parameter only if you use it; a
    plugin without a catalogue in that language is shown in English, saying so. Since hook API 1.4.

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

    Example::

        @hookimpl
        def describe_timing_rules(framework):
            if framework.regime != "my-regime":
                return None
            return [TimingRule(event="feedback-letter", title="Feedback letter",
                               basis="within 5 working days of the inspection", citation=LETTER)]

    Since hook API 1.1.
    """


@hookspec(firstresult=True)
@returns("one", "inspectorate.compare.scales.ScaleMapping", check="inspectorate.compare.scales.mapping_problem")
def map_grade_scale(framework: Framework, scale: Scale) -> ScaleMapping | None:
    """Say how one of the framework's scales maps onto the common scale, so that its grades can be
    given and received in a comparison with a framework whose scale has another number of points.

    Receives: ``framework`` and ``scale`` (:class:`~inspectorate.frameworks.Scale`, one of
    ``framework.scales``).

    Returns: a :class:`~inspectorate.compare.scales.ScaleMapping` (the scale's id; ``to_common``,
    the common level of every grade; ``from_common``, the grade each common level becomes; the
    basis in words and its citation), or None for scales you do not own. The common levels are
    :data:`inspectorate.compare.scales.COMMON_SCALE` (excellent, good, needs-improvement,
    inadequate). A mapping that leaves out a grade or a level is reported under your plugin.

    Style: first result wins. Without a mapping, a scale of four points maps by place; between
    two scales of as many points grades go to the same place and this hook is not asked.

    Example::

        @hookimpl
        def map_grade_scale(framework, scale):
            if framework.id != "my-framework" or scale.id != "six-point":
                return None
            return ScaleMapping(
                scale=scale.id,
                to_common={"excellent": "excellent", "very-good": "good", "good": "good",
                           "satisfactory": "needs-improvement", "weak": "inadequate",
                           "unsatisfactory": "inadequate"},
                from_common={"excellent": "excellent", "good": "good",
                             "needs-improvement": "satisfactory", "inadequate": "weak"},
                basis="our reading: the framework states no mapping",
            )

    Since hook API 1.3.
    """


@hookspec
@returns("registers", "inspectorate.reports.ReportTemplate")
def register_report_templates(register: Callable[[ReportTemplate], None]) -> None:
    """Register report, letter and proforma templates.

    Receives: ``register``, a callable taking one :class:`~inspectorate.reports.ReportTemplate`
    (id, titles by language, the framework ids it drafts for, the directory and file name of its
    Jinja2 files, languages, kind, required sections, word limits, citation, message catalogue).
    Each framework id must be one a regime registers. What a template's Jinja2 file can use is
    under "Report templates" below.

    Returns: nothing.

    Style: called on every plugin.

    Example::

        @hookimpl
        def register_report_templates(register):
            register(ReportTemplate(id="my-report", titles={"en": "Inspection report"},
                                    frameworks=["my-framework"], directory=TEMPLATES,
                                    required_sections=["findings"]))

    Since hook API 1.0.
    """


@hookspec
@returns("list", "inspectorate.model.Finding")
def check_report(template: ReportTemplate, text: str, case: Case, language: str) -> list[Finding] | None:
    """Check a rendered report: word limits, required sections, forbidden content.

    Receives: ``template`` (:class:`~inspectorate.reports.ReportTemplate`), ``text`` (the
    rendered Markdown) and ``case``.

    Also receives ``language``: the code of the language the words are wanted in (``"en"`` or
    ``"cy"``, :data:`inspectorate.i18n.LANGUAGES`); render messages, titles and reasons with
    your catalogue (:func:`inspectorate.i18n.words_of`). Name the parameter only if you use it; a
    plugin without a catalogue in that language is shown in English, saying so. Since hook API 1.4.

    Returns: a list of :class:`~inspectorate.model.Finding`, or None.

    Style: collected from every plugin. The core already checks each template's declared word
    limits and required sections; implement this for rules that need more.

    Example::

        @hookimpl
        def check_report(template, text, case):
            if template.id != "my-report" or "Dear" not in text:
                return []
            return [Finding(severity="warning", rule="my.no-salutation", citation=STYLE,
                            message="A report is not a letter: leave out the salutation.")]

    Since hook API 1.0.
    """


@hookspec
@returns("registers", "inspectorate.exchange.Exporter")
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register file formats a case or report can be written to.

    Receives: ``register``, a callable taking one :class:`~inspectorate.exchange.Exporter`
    (id, name, file extension, a function ``(case, path) -> None``). The function is given a new,
    empty, owner-only file beside the one the person asked for and must write to exactly that
    path; the core then moves it into place whole, and refuses what must not be written over.
    An exporter whose format holds many cases (a whole casebook) also gives ``write_many``, a
    function ``(cases, path) -> None`` under the same rules (since hook API 1.3).

    Returns: nothing.

    Example::

        def write(case, path):
            path.write_text(json.dumps({"provider": case.provider.name}), encoding="utf-8")

        @hookimpl
        def register_exporters(register):
            register(Exporter(id="my-json", name="My JSON", extension=".json", write=write))

    Since hook API 1.0.
    """


@hookspec
@returns("registers", "inspectorate.report_formats.ReportFormat")
def register_report_formats(register: Callable[[ReportFormat], None]) -> None:
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

    Example::

        def write_plain_text(document, path):
            path.write_text(clean_markdown(document.report.text), encoding="utf-8")

        @hookimpl
        def register_report_formats(register):
            register(ReportFormat(id="txt", name="Plain text", extension=".txt", write=write_plain_text))

    Since hook API 1.3.
    """


@hookspec
@returns("registers", "inspectorate.exchange.Importer")
def register_importers(register: Callable[[Importer], None]) -> None:
    """Register file formats a case can be read from.

    Receives: ``register``, a callable taking one :class:`~inspectorate.exchange.Importer`
    (id, name, file extensions, a function ``(path, host) -> Case`` that raises
    :class:`~inspectorate.casefile.CaseFileError` naming file, line and key on bad input).

    A format that holds many cases and may refuse some rows (a spreadsheet of published
    outcomes) gives ``read_many``, a function ``(path, host, progress) -> ManyRead``
    (:class:`~inspectorate.exchange.ManyRead`: the cases, the rows refused and the rows imported
    with a value left out, each a :class:`~inspectorate.exchange.RowNote` with the row's number as
    a spreadsheet counts rows and the reason); it calls ``progress(done, total)`` as it reads
    (``progress`` may be None) and raises ``CaseFileError`` only when the file as a whole cannot be
    read. Check each case as a case file is checked
    (:func:`inspectorate.casefile.case_from_checked_data`) and refuse the row when it fails.
    ``read`` may then be None. Where several importers read one extension, ``recognises``, a
    function ``(path) -> bool``, says whether a file is this format by its content (a header
    row); ``inspectorate import --format ID`` names one outright. Since hook API 1.3.

    Returns: nothing.

    Example::

        def read(path, host):
            ...  # parse path; on bad input raise CaseFileError([Problem(path, line, key, message)])

        @hookimpl
        def register_importers(register):
            register(Importer(id="my-json", name="My JSON", extensions=[".json"], read=read))

    Since hook API 1.0.
    """


@hookspec
@returns("registers", "inspectorate.i18n.MessageCatalogue")
def register_message_catalogues(register: Callable[[MessageCatalogue], None]) -> None:
    """Say where this plugin's gettext catalogue is, so its words can be shown in Welsh.

    Receives: ``register``, a callable taking one :class:`~inspectorate.i18n.MessageCatalogue`
    (``domain``, the gettext domain; ``package``, the importable package whose ``locale`` folder
    holds ``<language>/LC_MESSAGES/<domain>.po``).

    Returns: nothing; call ``register`` once.

    Style: each plugin registers its own; the host then knows which languages each plugin speaks,
    and a result in a language a plugin lacks says that plugin's words are in English.

    Example::

        @hookimpl
        def register_message_catalogues(register):
            register(MessageCatalogue(domain="inspectorate_my_regime", package="inspectorate_my_regime"))

    Since hook API 1.4.
    """
