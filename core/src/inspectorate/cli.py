"""The ``inspectorate`` command.

Without a subcommand it opens the terminal app; the headless subcommands share the core and never
import Textual (a test proves it). Every error is one line on stderr and a non-zero exit: a person
should be able to act on it without reading a traceback (``INSPECTORATE_DEBUG=1`` shows one).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import overload

import click

from inspectorate import HOOK_API_VERSION, __version__
from inspectorate.containment import DEFAULT_BUDGET
from inspectorate.i18n import LANGUAGES, core_words

if __name__ == "__main__":  # pragma: no cover - as a script, run the module proper: commands other
    import importlib  # modules define import its helpers from it, not from this copy

    sys.exit(importlib.import_module("inspectorate.cli").main())

EXIT_ERROR = 1
EXIT_PLUGIN_ERROR = 3
FORCE = "--force"


class InspectorateGroup(click.Group):
    """Turns every expected failure into one clear line on stderr."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # output piped into `head` and closed early: not an error
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
            ctx.exit(0)
        except Exception as exc:  # noqa: BLE001 - the one place errors become messages
            if os.environ.get("INSPECTORATE_DEBUG") == "1":
                raise
            from inspectorate.files import OutputExists
            from inspectorate.plugins import PluginError

            _ = core_words()
            message = str(exc) or type(exc).__name__
            if isinstance(exc, OutputExists):
                message = _("{message}; add {force} to replace it", message=message, force=FORCE)
            for line in message.splitlines():  # a case file may have several problems, one per line
                click.echo(_("inspectorate: error: {message}", message=line), err=True)
            ctx.exit(EXIT_PLUGIN_ERROR if isinstance(exc, PluginError) else EXIT_ERROR)


def _host(ctx: click.Context):
    """The plugin host, loaded once per command; plugin problems are reported on stderr."""
    obj = ctx.ensure_object(dict)
    if "host" not in obj:
        from inspectorate.plugins import default_host

        host = default_host()
        host.regimes  # noqa: B018 - read for its effect: a regime id already taken is a problem of loading, told with the others
        if ctx.info_name != "plugins":  # `plugins` shows problems in its own report
            for problem in host.problems:
                _warn(problem)
        obj["host"] = host
        _say_english_only(ctx, host)
    return obj["host"]


def _warn(problem) -> None:
    _ = core_words()
    click.echo(_("inspectorate: warning: {problem}", problem=problem), err=True)


#: Commands whose standard output is a document or a file's summary: the note of English words
#: goes to stderr there, so what is piped on stays the document.
_DOCUMENT_COMMANDS = ("report",)


def _english_only(host) -> str | None:
    """The note that some regime plugins' words are English in the language spoken, or None."""
    names = host.not_speaking()
    if not names:
        return None
    _ = core_words()
    listed = ", ".join(f"'{name}'" for name in names)
    return _.plural(
        "English only: plugin {plugins} has no catalogue in this language, so its words are in English.",
        "English only: plugins {plugins} have no catalogue in this language, so their words are in English.",
        len(names), plugins=listed,
    )


def _say_english_only(ctx: click.Context, host) -> None:
    """Once, at the top of the output: which plugins speak English only here (JSON: a field)."""
    note = _english_only(host)
    if note is None or ctx.params.get("as_json") or ctx.params.get("fmt") == "json":
        return  # JSON carries it as "english_only" (_fallback_json)
    click.echo(note, err=ctx.info_name in _DOCUMENT_COMMANDS)


def _fallback_json(ctx: click.Context) -> dict:
    """``{"english_only": {"plugins": [...], "note": ...}}`` when the host loaded names any."""
    host = ctx.ensure_object(dict).get("host")
    names = host.not_speaking() if host is not None else []
    return {"english_only": {"plugins": names, "note": _english_only(host)}} if names else {}


def _remember_casebook(ctx: click.Context, _param, value: str | None) -> None:
    if value:
        ctx.ensure_object(dict)["casebook"] = value


#: ``--casebook PATH|URL`` is accepted before or after the subcommand.
casebook_option = click.option(
    "--casebook",
    expose_value=False,
    callback=_remember_casebook,
    help="Use this casebook (a file, or a postgresql:// URL) instead of the default.",
)


def _casebook_path(ctx: click.Context):
    """The casebook chosen: a file's Path or a server's URL (see inspectorate.casebook.location)."""
    from inspectorate.casebook import resolve_casebook

    return resolve_casebook(ctx.ensure_object(dict).get("casebook") or ctx.find_root().params.get("casebook"))


def _casebook(ctx: click.Context):
    from inspectorate.casebook import Casebook

    book = Casebook.open(_casebook_path(ctx))
    for notice in book.notices:
        _warn(notice)
    return book


#: ``-o FILE`` and ``--force``: every output file goes through inspectorate.files.
output_option = click.option(
    "-o", "--output", type=click.Path(), help=f"Write to this file instead of the screen (a new file unless {FORCE})."
)
force_option = click.option(
    FORCE, "force", is_flag=True,
    help="Replace the output file if it exists (never a folder, a link, a casebook or the input).",
)  # fmt: skip


def _check_output(output: str | None, force: bool, inputs=()) -> None:
    """Refuse a bad ``-o`` before any work is done (it is checked again when written)."""
    if output:
        from inspectorate.files import check_target

        check_target(output, replace=force, inputs=inputs)


@overload
def _date(value: str, name: str) -> dt.date: ...
@overload
def _date(value: str | None, name: str) -> dt.date | None: ...
def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _ = core_words()
        raise click.BadParameter(_("{value} is not a date (use YYYY-MM-DD)", value=repr(value)), param_hint=name) from None


def _key_line_finder(path: str):
    """For a TOML case file: the line a finding's dotted key (``follow_up.done.visit``) is written on."""
    from inspectorate.toml_lines import key_lines

    try:
        lines = key_lines(Path(path).read_text(encoding="utf-8-sig")) if path.endswith(".toml") else None
    except (OSError, UnicodeDecodeError):
        lines = None
    return lambda key: lines.line(tuple(key.split("."))) if lines else None


def _read_case(ctx: click.Context, path: str):
    from inspectorate.exchange import read_case

    return read_case(_host(ctx), Path(path))


#: ``--tolerate-plugin-errors``: print what the rules say even when some plugin's part is missing,
#: and exit 0. Without it, a result lacking a plugin's contribution exits with EXIT_PLUGIN_ERROR.
tolerate_option = click.option(
    "--tolerate-plugin-errors",
    "tolerate",
    is_flag=True,
    envvar="INSPECTORATE_TOLERATE_PLUGIN_ERRORS",
    help="Exit 0 even when a plugin failed and the output lacks its part (it still says "
    "'incomplete'). Also INSPECTORATE_TOLERATE_PLUGIN_ERRORS=1.",
)


def _incomplete(ctx: click.Context, problems, tolerate: bool) -> None:
    """Say on stderr what the output lacks; exit EXIT_PLUGIN_ERROR unless the caller tolerates it."""
    for problem in problems:
        click.echo(f"inspectorate: {problem.incomplete}", err=True)  # "incomplete: ..." in its own words
    if problems and not tolerate:
        ctx.exit(EXIT_PLUGIN_ERROR)


def _print_json(data) -> None:
    """JSON on stdout; an object says which plugins' words are English only (see _fallback_json)."""
    if isinstance(data, dict):
        data = {**data, **_fallback_json(click.get_current_context())}
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group(cls=InspectorateGroup, invoke_without_command=True)
@click.option("--casebook", help="Use this casebook (a file, or a postgresql:// URL) instead of the default.")
@click.option("--demo", is_flag=True, help="Open the terminal app on a casebook of sample cases (throwaway unless --casebook).")
@click.option(
    "--hook-budget",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Seconds an installed plugin's part of one hook call may take before it is left out "
    f"(default {DEFAULT_BUDGET:g}; also INSPECTORATE_HOOK_BUDGET).",
)
@click.version_option(__version__, prog_name="inspectorate", message=f"%(prog)s %(version)s (hook API {HOOK_API_VERSION})")
@click.pass_context
def main(ctx: click.Context, casebook: str | None, demo: bool, hook_budget: float | None) -> None:
    """Record inspections, see what the rules say, get every follow-up deadline.

    With no command, opens the terminal app on the casebook.
    """
    from inspectorate.files import sweep_unfinished

    sweep_unfinished()  # temporary files of writes a killed run left behind
    if hook_budget is not None:
        from inspectorate.plugins import use_hook_budget

        use_hook_budget(hook_budget)
    if ctx.invoked_subcommand is not None:
        return
    runs = [front.run for front in FRONT_ENDS if getattr(front, "run", None)]
    if not runs:
        _ = core_words()
        click.echo(ctx.get_help())
        click.echo("\n" + _("The terminal app is not installed; use the commands above."), err=True)
        ctx.exit(EXIT_ERROR)
    runs[0](casebook=casebook, demo=demo)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--strict", is_flag=True, help="Exit with status 3 if any plugin has a problem (as INSPECTORATE_STRICT_PLUGINS=1 does).")
@click.pass_context
def plugins(ctx: click.Context, as_json: bool, strict: bool) -> None:
    """Installed plugins: versions, hooks, load and hook errors."""
    from inspectorate.plugins import reporting_host

    strict = strict or os.environ.get("INSPECTORATE_STRICT_PLUGINS") == "1"
    host = reporting_host() if strict else _host(ctx)  # strict: list every problem, then fail
    regimes = host.regimes  # registering regimes is where many plugin errors first show
    if as_json:
        _print_json(
            {
                "hook_api_version": HOOK_API_VERSION,
                "plugins": [
                    {
                        "name": p.name,
                        "version": p.version,
                        "module": p.module,
                        "distribution": p.distribution,
                        "builtin": p.builtin,
                        "hooks": p.hooks,
                        "regimes": [rid for rid in regimes if host.regime_owners[rid] == p.name],
                    }
                    for p in host.plugins
                ],
                "problems": [{"plugin": x.plugin, "stage": x.stage, "message": x.message} for x in host.problems],
            }
        )
    else:
        _ = core_words()
        click.echo(_("hook API {version}", version=HOOK_API_VERSION))
        for p in host.plugins:
            click.echo(f"{p.name} {p.version or '?'}  ({p.module})")
            click.echo("    " + _("hooks: {hooks}", hooks=", ".join(p.hooks) or _("none")))
        for problem in host.problems:
            click.echo(_("ERROR {problem}", problem=problem))
    if host.problems and strict:
        ctx.exit(EXIT_PLUGIN_ERROR)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def frameworks(ctx: click.Context, as_json: bool) -> None:
    """Regimes and their frameworks, scales and areas."""
    from inspectorate.describe import regime_to_json

    host = _host(ctx)
    if as_json:
        _print_json({"regimes": [regime_to_json(r) for r in host.regimes.values()]})
        return
    _ = core_words()
    lang = _.asked
    for regime in host.regimes.values():
        click.echo(f"{regime.id}: {regime.name(lang)} ({', '.join(regime.nations)})")
        for framework in regime.frameworks:
            click.echo(f"  {framework.id}: {framework.name(lang)}")
            for scale in framework.scales:
                click.echo("    " + _("scale {scale}: {grades}", scale=scale.id, grades=", ".join(scale.grade_ids)))
            for area in framework.areas:
                graded = f" [{area.scale}]" if area.scale else ""
                click.echo("    " + _("area {area}", area=area.id) + graded)


@main.command()
@click.argument("case_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@tolerate_option
@click.pass_context
def evaluate(ctx: click.Context, case_file: str, as_json: bool, tolerate: bool) -> None:
    """Proposals, follow-up category and findings for CASE_FILE.

    When a plugin failed, the output says "incomplete" (and JSON has "problems") and the exit
    status is 3, unless --tolerate-plugin-errors.
    """
    from inspectorate.evaluation import evaluate as run_evaluation

    host = _host(ctx)
    case = _read_case(ctx, case_file)
    result = run_evaluation(host, case)
    line_of = _key_line_finder(case_file)
    if as_json:
        data = result.to_json()
        for finding in data["findings"]:
            if finding["key"]:
                finding["file"], finding["line"] = case_file, line_of(finding["key"])
        _print_json(data)
        _incomplete(ctx, result.problems, tolerate)
        return
    from inspectorate.evaluation import framework_of
    from inspectorate.wording import area_name, grade_label, short_word

    framework = framework_of(host, case)

    _ = core_words()
    proposal_label, follow_up_label = _("proposal"), _("follow-up")
    severities = {f.severity: short_word(f.severity) for f in result.findings}
    gutter = max(9, len(proposal_label), len(follow_up_label), *map(len, severities.values()))  # a word's width in this language
    pad = " " * gutter
    for problem in result.problems:
        click.echo(problem.incomplete)
    for proposal in result.proposals:
        # Names in the language spoken, then the ids the case file uses.
        said = f"{area_name(framework, proposal.area)}: {grade_label(framework.scale_for(proposal.area), proposal.grade)}"
        click.echo(f"{proposal_label:<{gutter}} {said} [{proposal.area}: {proposal.grade}]  ({proposal.rationale})")
        click.echo(f"{pad} " + _("source: {citation}", citation=proposal.citation))
    if result.follow_up:
        click.echo(f"{follow_up_label:<{gutter}} {result.follow_up.name} [{result.follow_up.id}]")
        click.echo(f"{pad} {result.follow_up.rationale}")
    for finding in result.findings:
        click.echo(f"{severities[finding.severity]:<{gutter}} {finding.rule}: {finding.message}")
        if finding.key:
            line = line_of(finding.key)
            where = f"{case_file}:{line}" if line else case_file
            click.echo(f"{pad} " + _("at: {place}: {key}", place=where, key=finding.key))
        click.echo(f"{pad} " + _("source: {citation}", citation=finding.citation))
    if not (result.proposals or result.follow_up or result.findings or result.problems):
        click.echo(_("The rules have nothing to say about this case."))
    _incomplete(ctx, result.problems, tolerate)


@main.command()
@click.argument("case_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--today", help="Date to judge due and overdue against (YYYY-MM-DD); default today.")
@tolerate_option
@click.pass_context
def schedule(ctx: click.Context, case_file: str, as_json: bool, today: str | None, tolerate: bool) -> None:
    """Follow-up events with windows, deadlines and sources.

    When a plugin failed, the output says "incomplete" (and JSON has "problems") and the exit
    status is 3, unless --tolerate-plugin-errors.
    """
    from inspectorate.evaluation import problems_to_json, schedule_with_problems
    from inspectorate.wording import short_word, window_text

    events, problems = schedule_with_problems(_host(ctx), _read_case(ctx, case_file), _date(today, "--today"))
    if as_json:
        data = {"events": [e.to_json() for e in events]}
        if problems:
            data["problems"] = problems_to_json(problems)
        _print_json(data)
        _incomplete(ctx, problems, tolerate)
        return
    _ = core_words()
    for problem in problems:
        click.echo(problem.incomplete)
    if not events and not problems:
        click.echo(_("No follow-up events."))
    for event in events:
        when = window_text(event)
        click.echo(f"{when:<25} {short_word(event.status):<9} {event.title}")
        counted = _("{basis}; from {anchor_id} {when}", basis=event.basis, anchor_id=event.anchor.name, when=event.anchor.when())
        click.echo(f"{'':<25} {counted}")
        click.echo(f"{'':<25} " + _("source: {citation}", citation=event.citation))
    _incomplete(ctx, problems, tolerate)


@main.command(context_settings={"ignore_unknown_options": True})  # so "-2" is a count, not an option
@click.argument("date")
@click.argument("count", type=int)
@click.option(
    "--division",
    type=click.Choice(["england-and-wales", "scotland", "northern-ireland"]),
    default="england-and-wales",
    show_default=True,
)
def workdays(date: str, count: int, division: str) -> None:
    """The COUNT-th working day after DATE (negative: before).

    DATE itself is not counted.
    """
    from inspectorate.calendar import add_working_days, calendar_for

    click.echo(add_working_days(_date(date, "DATE"), count, calendar_for(division)).isoformat())


@main.command("list")
@casebook_option
@click.option("--archived", is_flag=True, help="Include archived cases.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def list_cases(ctx: click.Context, archived: bool, as_json: bool) -> None:
    """The cases in the casebook."""
    with _casebook(ctx) as casebook:
        rows = [row if row.stage is not None else _summarised(ctx, casebook, row)
                for row in casebook.list_cases(include_archived=archived)]
    if as_json:
        _print_json(
            [
                {
                    "id": r.id,
                    "provider": r.provider,
                    "regime": r.regime,
                    "framework": r.framework,
                    "stage": r.stage,
                    "next_deadline": r.next_deadline.isoformat() if r.next_deadline else None,
                    "next_event": r.next_event,
                    "archived": r.archived,
                }
                for r in rows
            ]
        )
        return
    from inspectorate.wording import stage_word

    for r in rows:
        deadline = r.next_deadline.isoformat() if r.next_deadline else "-"
        click.echo(f"{r.id}  {r.provider:<40} {r.framework:<22} {stage_word(r.stage):<10} {deadline}  {r.next_event or ''}")


def _summarised(ctx: click.Context, casebook, row):
    """A row stored without its list columns (added through the API without a summary): work
    them out from the rules now, or say the stage is not known."""
    import attrs

    from inspectorate.evaluation import UnknownFramework, schedule_with_problems, summary_of

    today = dt.date.today()
    case = casebook.get(row.id).case
    try:
        events, problems = schedule_with_problems(_host(ctx), case, today)
    except UnknownFramework:
        return attrs.evolve(row, stage="unknown", next_event=row.next_event or "")
    return attrs.evolve(row, **summary_of(case, events, today, problems))


@main.command()
@click.argument("what", type=click.Choice(["config", "data", "casebook", "log", "templates"]))
@casebook_option
@click.pass_context
def locate(ctx: click.Context, what: str) -> None:
    """Where the configuration, the casebook, your own templates or the log of unexpected problems lives."""
    from inspectorate.casebook import config_dir, default_casebook_path, log_path

    if what == "config":
        click.echo(str(config_dir()))
    elif what == "templates":
        from inspectorate.user_templates import user_templates_dir

        click.echo(str(user_templates_dir()))
    elif what == "log":
        click.echo(str(log_path()))
    elif what == "data":
        click.echo(str(default_casebook_path().parent))
    else:
        from inspectorate.casebook import describe

        click.echo(describe(_casebook_path(ctx)))


@main.command()
@click.argument("case_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--template", "template_id", required=True, help="Template id (see `inspectorate templates`).")
@click.option("--lang", type=click.Choice(list(LANGUAGES), case_sensitive=False),
              help="The report's language, and the output's: en or cy (default: language in config.toml, else en).")
@click.option("--today", help="Date for the letter (YYYY-MM-DD); default today.")
@click.option("--format", "format_id", help="docx, pdf, html or md (default: from the -o file's extension).")
@output_option
@force_option
@tolerate_option
@click.pass_context
def report(
    ctx: click.Context, case_file: str, template_id: str, lang: str | None, today: str | None, format_id: str | None,
    output: str | None, force: bool, tolerate: bool,
) -> None:
    """Draft a report or letter; -o FILE.docx|.pdf|.html|.md writes it in that format (without
    -o, the Markdown as drafted); its checks go to stderr.

    When a plugin failed, stderr says "incomplete" and the exit status is 3, unless
    --tolerate-plugin-errors.
    """
    from inspectorate.drafting import draft_report
    from inspectorate.report_formats import export_report, format_for, report_document

    host = _host(ctx)
    _check_output(output, force, [case_file])
    chosen = format_for(host, output, format_id) if output or format_id else None  # refused before any work
    case = _read_case(ctx, case_file)
    day = _date(today, "--today") or dt.date.today()
    from inspectorate.i18n import language

    drafted = draft_report(host, case, template_id, (lang or language()).lower(), day)
    if output and chosen is not None:  # chosen is None only without an output
        export_report(report_document(case, drafted, day), chosen, output, replace=force, inputs=[case_file])
    elif chosen is not None and chosen.id != "md":
        _ = core_words()
        raise click.UsageError(_("--format {format} needs -o FILE", format=chosen.id))
    else:
        click.echo(drafted.text, nl=False)
    from inspectorate.wording import short_word

    for finding in drafted.findings:
        click.echo(f"{short_word(finding.severity)}: {finding.rule}: {finding.message}", err=True)
    _incomplete(ctx, drafted.problems, tolerate)


@main.command()
@click.argument("case_file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--regimes", help="Regimes (or framework ids) to project the case into, comma-separated: estyn,ofsted.")
@click.option("--frameworks", "framework_ids", help="Compare frameworks instead: estyn-2022,ofsted-renewed-2025.")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("--grades", type=click.Choice(["same-place", "none"]), default="same-place", show_default=True,
              help="How recorded grades are carried to the other scale.")
@click.option("--today", help="Date to judge due and overdue against (YYYY-MM-DD); default today.")
@output_option
@force_option
@tolerate_option
@click.pass_context
def compare(
    ctx: click.Context, case_file: str | None, regimes: str | None, framework_ids: str | None, fmt: str,
    as_json: bool, grades: str, today: str | None, output: str | None, force: bool, tolerate: bool,
) -> None:
    """Compare regimes: a case as recorded beside other regimes' projections, or two frameworks.

    When a plugin failed, the comparison says "incomplete" (JSON: "problems") and the exit status
    is 3, unless --tolerate-plugin-errors.
    """
    from inspectorate.compare import (
        CaseComparison,
        FrameworkComparison,
        compare_case,
        compare_frameworks,
        to_markdown,
        to_text,
    )

    names = lambda value: [v.strip() for v in value.split(",") if v.strip()]  # noqa: E731
    _ = core_words()
    day = _date(today, "--today")
    if framework_ids and case_file:
        raise click.UsageError(_("give a case file with --regimes, or --frameworks without a case file"))
    from inspectorate.evaluation import problems_to_json

    host = _host(ctx)
    if not framework_ids and case_file and not regimes:
        raise click.UsageError(_("name the regimes to compare with: --regimes estyn,ofsted"))
    if not (framework_ids or case_file):
        raise click.UsageError(_("give a case file and --regimes, or --frameworks"))
    inputs = [case_file] if case_file else []
    _check_output(output, force, inputs)
    case = _read_case(ctx, case_file) if case_file and not framework_ids else None
    with host.watch() as problems:  # what the comparison lacks, if a plugin failed
        comparison: FrameworkComparison | CaseComparison
        if case is None:  # --frameworks (checked above: a case file comes with --regimes)
            comparison = compare_frameworks(host, names(framework_ids or ""), day)
        else:
            comparison = compare_case(host, case, names(regimes or ""), day, grades)
        tables = comparison.tables()
    preface = [*(p.incomplete for p in problems), *comparison.preface]
    fmt = "json" if as_json else fmt
    if fmt == "json":
        data = comparison.to_json()
        if problems:
            data["problems"] = problems_to_json(problems)
        data.update(_fallback_json(ctx))
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "md":
        text = to_markdown(comparison.title, tables, preface)
    else:
        text = to_text(comparison.title, tables, preface)
    if output:
        from inspectorate.files import write_text

        write_text(output, text, replace=force, inputs=inputs)
    else:
        click.echo(text, nl=False)
    _incomplete(ctx, problems, tolerate)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def templates(ctx: click.Context, as_json: bool) -> None:
    """Report and letter templates: id, kind, languages, frameworks, and where each comes from
    (a plugin, or your own templates folder: `inspectorate locate templates`)."""
    from inspectorate.user_templates import origins
    from inspectorate.user_templates import templates as every_template

    host = _host(ctx)
    found = every_template(host)
    came_from = origins(host, found)
    for problem in found.problems:
        _warn(problem)
    if as_json:
        _print_json([
            {"id": t.id, "kind": t.kind, "languages": list(t.languages), "frameworks": list(t.frameworks),
             "from": came_from[t.id], "file": str(t.path(t.languages[0]))}
            for t in found.all
        ])
        return
    for template in found.all:
        click.echo(f"{template.id:<40} {template.kind:<8} {','.join(template.languages):<6} "
                   f"{', '.join(template.frameworks)}  [{came_from[template.id]}]")
    _ = core_words()
    refused = ", ".join(found.refused)
    click.echo(_("your templates: {folder} (not used, see the warnings: {refused})", folder=found.folder, refused=refused)
               if refused else _("your templates: {folder}", folder=found.folder))


@main.command("new-plugin")
@click.argument("name")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--title", help="The inspectorate's name as people write it, e.g. 'Education Scotland'.")
@click.option("--nation", required=True, help="The nation it inspects in: england, wales, scotland or northern-ireland.")
def new_plugin(name: str, folder: str, title: str | None, nation: str) -> None:
    """Start a new inspectorate plugin that passes the conformance suite."""
    from inspectorate.scaffold import new_plugin as scaffold

    written = scaffold(name, Path(folder), title, nation=nation)
    _ = core_words()
    then = f"pip install -e '{folder}[test]' && python -m pytest {folder}"
    click.echo(_.plural("wrote {count} file to {folder}; next: {next}", "wrote {count} files to {folder}; next: {next}",
                        len(written), folder=folder, next=then))




from inspectorate import follow_up_commands  # noqa: E402 - made with the helpers above

for _command in follow_up_commands.commands(sys.modules[__name__]):
    main.add_command(_command)


def _front_ends() -> list:
    """The installed front ends (``inspectorate.front_ends`` entry points), each a module with
    ``COMMANDS`` it adds and, optionally, ``run(casebook, demo)`` for ``inspectorate`` alone.
    One that fails to load is told on stderr and left out; the headless commands carry on."""
    from importlib.metadata import entry_points

    found = []
    for point in entry_points(group="inspectorate.front_ends"):
        try:
            found.append(point.load())
        except Exception as error:  # noqa: BLE001 - a broken front end must not take the CLI with it
            _ = core_words()
            click.echo(_("inspectorate: warning: front end '{name}' did not load: {error}", name=point.name, error=error),
                       err=True)
    return found


from inspectorate import cli_exchange  # noqa: E402 - its commands reuse this module's helpers

cli_exchange.attach(main)

from inspectorate.casebook_commands import casebook as _casebook_group  # noqa: E402

main.add_command(_casebook_group)
for _command in (_casebook_group.commands["status"], _casebook_group.commands["migrate"]):
    casebook_option(_command)  # --casebook after the subcommand too, as everywhere else

FRONT_ENDS = _front_ends()
for _front in FRONT_ENDS:
    for _command in getattr(_front, "COMMANDS", ()):
        main.add_command(_command)

from inspectorate.cli_language import speak_everywhere  # noqa: E402 - once every command is attached

speak_everywhere(main)  # --lang on every command, the front ends' too
